#!/usr/bin/env python3
"""One command for the benchmarks: generates seeded logs, times the core stage by stage (bench_core),
the whole `tabiji dfg` command, and the pandas baseline on the same files in the same run, and writes
one markdown table (out/bench/results.md) with the ratios.

    bench/run.py                 # 1e5, 1e6 and 1.5e6 events
    bench/run.py --full          # adds 1e7 events (600 MB of CSV; pandas needs a few minutes)

Build first (scripts/test.sh or cmake --build --preset native-release); the pandas baseline needs
Debian's python3-pandas (scripts/setup.sh --bench installs it).
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
PANDAS_PY = "/usr/bin/python3"


def wall(cmd, repeat):
    best = 1e300
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - t0)
    return best


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
            wasm = json.loads(subprocess.run(["node", "--no-experimental-fetch", BENCH_WASM, log, "--repeat",
                                              str(a.repeat)], check=True, capture_output=True, text=True).stdout)
            assert wasm["edges"] == core["edges"] and wasm["variants"] == core["variants"], (wasm, core)
        base = None
        if have_pandas:
            r = subprocess.run([PANDAS_PY, os.path.join(ROOT, "bench", "baseline_pandas.py"), log],
                               capture_output=True, text=True)
            if r.returncode == 0:
                base = json.loads(r.stdout)
                # Same answer sizes, or the comparison is void.
                assert base["edges"] == core["edges"] and base["variants"] == core["variants"], (base, core)
        rows.append((n, core, whole, base, wasm))
        print(json.dumps({"events": n, "core": core, "tabiji_dfg_s": whole, "pandas": base, "wasm": wasm}), flush=True)

    lines = [
        "| events | CSV MB | read MB/s (1 core) | read+DFG+variants+perf in process (s) | `tabiji dfg` whole command (s) "
        "| read MB/s (2 threads) | WASM read MB/s (Node) | WASM/native time, read + mining "
        "| pandas read (s) | pandas total (s) | speed-up vs pandas (whole command) | log bytes/event | read peak RSS bytes/event |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, core, whole, base, wasm in rows:
        inproc = core["read_s"] + core["mine_s"]
        p_read = f'{base["read_s"]:.2f}' if base else "n/a"
        p_total = f'{base["total_s"]:.2f}' if base else "n/a"
        speed = f'{base["total_s"] / whole:.1f}x' if base else "n/a"
        if wasm:
            # The WASM build has no threads: its one-thread read is the better of its two read figures.
            w_read = min(wasm["read_s"], wasm["read_parallel_s"])
            w_mb = f'{core["bytes"] / 1e6 / w_read:.0f}'
            w_ratio = f'{(w_read + wasm["mine_s"]) / inproc:.2f}x'
        else:
            w_mb = w_ratio = "n/a"
        lines.append(f'| {n:,} | {core["bytes"] / 1e6:.1f} | {core["read_mb_s"]:.0f} | {inproc:.3f} | {whole:.3f} '
                     f'| {core["read_parallel_mb_s"]:.0f} | {w_mb} | {w_ratio} '
                     f'| {p_read} | {p_total} | {speed} | {core["log_bytes_per_event"]:.1f} '
                     f'| {core["read_peak_rss_bytes_per_event"]:.1f} |')
    note = (f"\nMachine: {os.cpu_count()} cores. Best of {a.repeat} runs for tabiji; one run for pandas "
            f"({'pandas ' + rows[0][3]['pandas'] if rows and rows[0][3] else 'pandas not installed'}). "
            "Logs from `tabiji generate --events N --days 365 --seed 1`.\n")
    table = "\n".join(lines) + "\n" + note
    with open(os.path.join(a.out, "results.md"), "w", encoding="utf-8") as f:
        f.write(table)
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
