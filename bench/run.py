#!/usr/bin/env python3
"""One command for the benchmarks: generates seeded logs, times the core stage by stage (bench_core),
the whole `tabiji dfg` command, and the pandas baseline (in process and as a whole command) on the same
files in the same run, the mining engine (bench_mining: a filter change then the DFG, and DFG + variants +
performance) on the 1e6-event log natively and as WebAssembly under Node, and writes markdown tables
(out/bench/results.md) with the ratios.

    bench/run.py                 # 1e5, 1e6 and 1.5e6 events
    bench/run.py --full          # adds 1e7 events (600 MB of CSV; pandas needs a few minutes)

Build first (scripts/test.sh or cmake --build --preset native-release); the pandas baseline needs
Debian's python3-pandas (scripts/setup.sh --bench installs it). The WASM columns need the web builds of
the benchmarks: cmake --preset web && cmake --build --preset web --target bench_core bench_mining.
"""
import argparse
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, "build", "native-release")
TABIJI = os.path.join(BUILD, "cli", "tabiji")
BENCH_CORE = os.path.join(BUILD, "bench", "bench_core")
BENCH_WASM = os.path.join(ROOT, "build", "web", "bench", "bench_core.js")
BENCH_MINING = os.path.join(BUILD, "bench", "bench_mining")
BENCH_MINING_WASM = os.path.join(ROOT, "build", "web", "bench", "bench_mining.js")
MINING_EVENTS = 1_000_000  # the log size of the mining engine table
NODE = ["node", "--no-experimental-fetch"]
# (bench_mining field, what it times): the filter changes, each followed by the DFG of the view, then mining.
MINING_ROWS = [
    ("filter_start_and_size_dfg_s", "filter change → DFG: start touchpoint + 3..50 events"),
    ("filter_time_intersecting_dfg_s", "filter change → DFG: time frame, intersecting cases"),
    ("filter_time_events_dfg_s", "filter change → DFG: time frame, events inside"),
    ("filter_variant_coverage80_dfg_s", "filter change → DFG: variants covering 80 %"),
    ("filter_attribute_dfg_s", "filter change → DFG: attribute value (first string attribute)"),
    ("mine_log_s", "DFG + variants + performance, whole log"),
]
PANDAS_PY = "/usr/bin/python3"


def wall(cmd, repeat):
    best = 1e300
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - t0)
    return best


def run_json(cmd):
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)


def mining_table(native, wasm, repeat):
    """The mining engine figures of one log, native and WASM, with the ratio."""
    lines = [f'Mining engine on {native["events"]:,} events ({native["cases"]:,} journeys), bench_mining, '
             f"best of {repeat} runs:", "",
             "| step | native (ms) | WASM under Node (ms) | WASM/native |", "|---|---:|---:|---:|"]
    for key, label in MINING_ROWS:
        n = native.get(key)
        w = wasm.get(key) if wasm else None
        if n is None:
            continue
        lines.append(f"| {label} | {n * 1e3:.1f} | {f'{w * 1e3:.1f}' if w is not None else 'n/a'} "
                     f"| {f'{w / n:.2f}x' if w is not None and n > 0 else 'n/a'} |")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--full", action="store_true")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", default=os.path.join(ROOT, "out", "bench"))
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    sizes = [100_000, 1_000_000, 1_500_000] + ([10_000_000] if a.full else [])
    have_pandas = subprocess.run([PANDAS_PY, "-c", "import pandas"], capture_output=True).returncode == 0
    rows = []
    mining_native = mining_wasm = None
    for n in sizes:
        log = os.path.join(a.out, f"journeys_{n}.csv")
        if not os.path.exists(log):
            subprocess.run([TABIJI, "generate", "--events", str(n), "--days", "365", "--seed", "1", "-o", log],
                           check=True, stderr=subprocess.DEVNULL)
        core = json.loads(subprocess.run([BENCH_CORE, log, "--repeat", str(a.repeat)], check=True,
                                         capture_output=True, text=True).stdout)
        whole = wall([TABIJI, "dfg", "--compact", log], a.repeat)
        wasm = None
        if os.path.exists(BENCH_WASM):
            wasm = run_json(NODE + [BENCH_WASM, log, "--repeat", str(a.repeat)])
            assert wasm["edges"] == core["edges"] and wasm["variants"] == core["variants"], (wasm, core)
        base = None
        if have_pandas:
            # The same run gives both pandas figures: its own in-process stage times, and the wall clock
            # of the whole process (Python start-up and `import pandas` included).
            t0 = time.perf_counter()
            r = subprocess.run([PANDAS_PY, os.path.join(ROOT, "bench", "baseline_pandas.py"), log],
                               capture_output=True, text=True)
            pandas_whole = time.perf_counter() - t0
            if r.returncode == 0:
                base = json.loads(r.stdout)
                base["whole_command_s"] = pandas_whole
                # Same answer sizes, or the comparison is void.
                assert base["edges"] == core["edges"] and base["variants"] == core["variants"], (base, core)
        rows.append((n, core, whole, base, wasm))
        print(json.dumps({"events": n, "core": core, "tabiji_dfg_s": whole, "pandas": base, "wasm": wasm}), flush=True)
        if n == MINING_EVENTS and os.path.exists(BENCH_MINING):
            # --replicate 1: the "big" figures then are on this log too (no 1e7-event copy under Node).
            args = [log, "--repeat", str(a.repeat), "--replicate", "1"]
            mining_native = run_json([BENCH_MINING] + args)
            if os.path.exists(BENCH_MINING_WASM):
                mining_wasm = run_json(NODE + [BENCH_MINING_WASM] + args)
                same = ("events", "cases_kept", "events_kept", "edges", "variants")
                assert all(mining_wasm[k] == mining_native[k] for k in same), (mining_wasm, mining_native)
            print(json.dumps({"events": n, "mining": mining_native, "mining_wasm": mining_wasm}), flush=True)

    lines = [
        "| events | CSV MB | read MB/s (1 core) | read+DFG+variants+perf in process (s) | `tabiji dfg` whole command (s) "
        "| read MB/s (2 threads) | WASM read MB/s (Node) | WASM/native time, read + mining "
        "| pandas read (s) | pandas total (s) | speed-up vs pandas in-process | pandas whole command (s) "
        "| speed-up vs pandas whole command | log bytes/event | read peak RSS bytes/event |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, core, whole, base, wasm in rows:
        inproc = core["read_s"] + core["mine_s"]
        p_read = f'{base["read_s"]:.2f}' if base else "n/a"
        p_total = f'{base["total_s"]:.2f}' if base else "n/a"
        speed = f'{base["total_s"] / whole:.1f}x' if base else "n/a"
        p_whole = f'{base["whole_command_s"]:.2f}' if base else "n/a"
        speed_whole = f'{base["whole_command_s"] / whole:.1f}x' if base else "n/a"
        if wasm:
            # The WASM build has no threads: its one-thread read is the better of its two read figures.
            w_read = min(wasm["read_s"], wasm["read_parallel_s"])
            w_mb = f'{core["bytes"] / 1e6 / w_read:.0f}'
            w_ratio = f'{(w_read + wasm["mine_s"]) / inproc:.2f}x'
        else:
            w_mb = w_ratio = "n/a"
        lines.append(f'| {n:,} | {core["bytes"] / 1e6:.1f} | {core["read_mb_s"]:.0f} | {inproc:.3f} | {whole:.3f} '
                     f'| {core["read_parallel_mb_s"]:.0f} | {w_mb} | {w_ratio} '
                     f'| {p_read} | {p_total} | {speed} | {p_whole} | {speed_whole} | {core["log_bytes_per_event"]:.1f} '
                     f'| {core["read_peak_rss_bytes_per_event"]:.1f} |')
    note = (f"\nMachine: {os.cpu_count()} cores. Best of {a.repeat} runs for tabiji; one run for pandas "
            f"({'pandas ' + rows[0][3]['pandas'] if rows and rows[0][3] else 'pandas not installed'}). "
            "Logs from `tabiji generate --events N --days 365 --seed 1`. Both pandas ratios divide by the "
            "wall clock of the whole `tabiji dfg --compact LOG` command (process start, read, mining, JSON "
            "output): \"in-process\" takes pandas' own stage times (read_csv + to_datetime, DFG, variants, "
            "performance, measured inside Python after `import pandas`), so it leaves out pandas' start-up and "
            "favours pandas; \"whole command\" takes the wall clock of the whole "
            "`/usr/bin/python3 bench/baseline_pandas.py LOG` process (Python start-up and `import pandas` "
            "included), like for like with the tabiji command.\n")
    table = "\n".join(lines) + "\n" + note
    if mining_native:
        table += "\n" + mining_table(mining_native, mining_wasm, a.repeat) + (
            "\nEach \"filter change → DFG\" figure applies a filter chain to the loaded log and mines the "
            "DFG of the view (what the app does when a filter changes; target <= 50 ms). WASM: the same "
            "bench_mining.cpp built with Emscripten for Node (`node --no-experimental-fetch "
            "build/web/bench/bench_mining.js LOG`), one thread; the answers (cases and events kept, edges, "
            "variants) are checked equal to the native run's.\n")
    with open(os.path.join(a.out, "results.md"), "w", encoding="utf-8") as f:
        f.write(table)
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
