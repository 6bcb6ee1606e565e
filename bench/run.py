#!/usr/bin/env python3
"""One command for every benchmark of the issues, written as one markdown table (docs/benchmarks.md):
native, WebAssembly under Node and the pandas baseline side by side, as ratios taken from the same run,
with peak memory per event.

Sections (rows of the table; a section whose program is missing is kept as one row saying "skipped" and
why, so a reader always sees what was not measured):
  - CSV: seeded logs of 1e5, 1e6, 1.5e6 events (`--full` adds 1e7), bench_core natively and built with
    Emscripten for Node: read MB/s on one core and two threads, read with typed attributes, read + DFG +
    variants + performance in process; `tabiji dfg` as a whole command; pandas read_csv + to_datetime and
    the same mining (bench/baseline_pandas.py), in process and as a whole command. Peak RSS per event:
    the growth of resident memory during one read in a process forked for it (bench/timing.hpp), and for
    whole commands the child's peak RSS (wait4), divided by the events.
  - XES: the shared XES logs (../shared/data), read from uncompressed XML in memory, native and WASM.
  - mining engine: bench_mining on the 1e6-event log (filter change -> DFG, whole-log mining).
  - MPI: `tabiji-mpi dfg` on the 1e6-event log with 1 and 2 ranks (needs build/native-release/mpi and mpirun).
  - web frame: bench/web_frame.mjs (frame CPU time in headless chromium; needs build/web/dist).

    bench/run.py                          # everything, writes docs/benchmarks.md
    bench/run.py --sizes 100000 --out-md /tmp/b.md --repeat 1     # a quick check of the runner

Build first: cmake --build --preset native-release; for WASM: cmake --preset web && cmake --build --preset
web --target bench_core bench_mining (and the app for the web frame section); pandas is Debian's
python3-pandas (scripts/setup.sh --bench). Raw results go to out/bench/results.jsonl.
"""
import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, "build", "native-release")
WEB = os.path.join(ROOT, "build", "web")
TABIJI = os.path.join(BUILD, "cli", "tabiji")
TABIJI_MPI = os.path.join(BUILD, "mpi", "tabiji-mpi")
BENCH_CORE = os.path.join(BUILD, "bench", "bench_core")
BENCH_MINING = os.path.join(BUILD, "bench", "bench_mining")
BENCH_CORE_WASM = os.path.join(WEB, "bench", "bench_core.js")
BENCH_MINING_WASM = os.path.join(WEB, "bench", "bench_mining.js")
WEB_FRAME = os.path.join(ROOT, "bench", "web_frame.mjs")
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "data")
XES_LOGS = ["pm4py/helpdesk.xes.gz", "rust4pm/Sepsis_Cases-Event_Log.xes.gz", "pm4py/interval_event_log.xes"]
PANDAS_PY = "/usr/bin/python3"
NODE = ["node", "--no-experimental-fetch"]
MINING_EVENTS = 1_000_000  # the log of the mining engine and MPI rows
MINING_ROWS = [
    ("filter_start_and_size_dfg_s", "filter change → DFG: start touchpoint + 3..50 events"),
    ("filter_time_intersecting_dfg_s", "filter change → DFG: time frame, intersecting cases"),
    ("filter_time_events_dfg_s", "filter change → DFG: time frame, events inside"),
    ("filter_variant_coverage80_dfg_s", "filter change → DFG: variants covering 80 %"),
    ("filter_attribute_dfg_s", "filter change → DFG: attribute value (first string attribute)"),
    ("mine_log_s", "DFG + variants + performance, whole log"),
]


# [SECTION] Running things
def run_json(cmd, **kw):
    """The last line of the command's output, as JSON."""
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout
    return json.loads(out.strip().splitlines()[-1])


def timed(cmd, env=None):
    """(wall seconds, peak RSS bytes) of one run of cmd, its output discarded; wait4 gives this child's own
    peak RSS (ru_maxrss, KiB on Linux)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited with {p.returncode}")
    return wall, usage.ru_maxrss * 1024


def best(cmd, repeat, env=None):
    runs = [timed(cmd, env) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs)


# [SECTION] Table cells
def num(x, digits=1):
    return "—" if x is None else f"{x:,.{digits}f}"


def ratio(a, b):
    """a / b as "1.23x", or a dash when either is missing."""
    return "—" if a is None or b is None or b == 0 else f"{a / b:.2f}x"


class Table:
    HEAD = ("| section | figure | native | WASM (Node) | WASM / native time | pandas | pandas / native time "
            "| peak RSS bytes/event (native; pandas) |\n|---|---|---:|---:|---:|---:|---:|---:|")

    def __init__(self):
        self.rows = []

    def add(self, section, figure, native="—", wasm="—", wasm_ratio="—", pandas="—", pandas_ratio="—",
            memory="—"):
        self.rows.append((section, figure, native, wasm, wasm_ratio, pandas, pandas_ratio, memory))

    def skip(self, section, why):
        self.add(section, f"**skipped**: {why}")

    def markdown(self):
        return "\n".join([self.HEAD] + ["| " + " | ".join(r) + " |" for r in self.rows]) + "\n"


# [SECTION] The sections
def csv_section(table, raw, a, have_pandas):
    logs = {}
    for n in a.sizes:
        log = os.path.join(a.work, f"journeys_{n}.csv")
        if not os.path.exists(log):
            subprocess.run([TABIJI, "generate", "--events", str(n), "--days", "365", "--seed", "1", "-o", log],
                           check=True, stderr=subprocess.DEVNULL)
        logs[n] = log
        core = run_json([BENCH_CORE, log, "--repeat", str(a.repeat)])
        wasm = run_json(NODE + [BENCH_CORE_WASM, log, "--repeat", str(a.repeat)]) if a.wasm else None
        if wasm:
            assert wasm["edges"] == core["edges"] and wasm["variants"] == core["variants"], (wasm, core)
        whole_s, whole_rss = best([TABIJI, "dfg", "--compact", log], a.repeat)
        base = base_whole_s = base_rss = None
        if have_pandas:
            base = run_json([PANDAS_PY, os.path.join(ROOT, "bench", "baseline_pandas.py"), log])
            assert base["edges"] == core["edges"] and base["variants"] == core["variants"], (base, core)
            base_whole_s, base_rss = best([PANDAS_PY, os.path.join(ROOT, "bench", "baseline_pandas.py"), log], 1)
        raw.append({"events": n, "core": core, "wasm": wasm, "pandas": base, "tabiji_dfg_s": whole_s,
                    "tabiji_dfg_peak_rss": whole_rss, "pandas_whole_s": base_whole_s, "pandas_peak_rss": base_rss})
        ev, mb = core["events"], core["bytes"] / 1e6
        sec = f"CSV, {n:,} events ({mb:.1f} MB)"
        # The WASM build has no threads: its read_parallel figure is a second one-thread read.
        w_read = min(wasm["read_s"], wasm["read_parallel_s"]) if wasm else None
        table.add(sec, "read, 1 core (MB/s)", num(core["read_mb_s"]), num(mb / w_read) if wasm else "—",
                  ratio(w_read, core["read_s"]), num(mb / base["read_s"]) if base else "—",
                  ratio(base["read_s"] if base else None, core["read_s"]),
                  num(core["read_peak_rss_bytes_per_event"]))
        table.add(sec, "read, 2 threads (MB/s)", num(core["read_parallel_mb_s"]))
        table.add(sec, "read with typed attributes, 1 core (MB/s)", num(core["read_attributes_mb_s"]),
                  num(wasm["read_attributes_mb_s"]) if wasm else "—",
                  ratio(core["read_attributes_mb_s"], wasm["read_attributes_mb_s"] if wasm else None),
                  memory=f'{num(core["read_attributes_peak_rss_bytes_per_event"])} '
                         f'(attribute payload {num(core["attribute_bytes_per_event"])})')
        inproc = core["read_s"] + core["mine_s"]
        w_inproc = w_read + wasm["mine_s"] if wasm else None
        table.add(sec, "read + DFG + variants + performance, in process (s)", num(inproc, 3), num(w_inproc, 3),
                  ratio(w_inproc, inproc), num(base["total_s"], 3) if base else "—",
                  ratio(base["total_s"] if base else None, inproc))
        table.add(sec, "whole command: `tabiji dfg` vs `python3 baseline_pandas.py` (s)", num(whole_s, 3), "—", "—",
                  num(base_whole_s, 3), ratio(base_whole_s, whole_s),
                  f"{whole_rss / ev:,.0f}; " + (f"{base_rss / ev:,.0f}" if base_rss else "—"))
        table.add(sec, "log columns in memory (bytes/event)", num(core["log_bytes_per_event"]))
    return logs


def xes_section(table, raw, a):
    found = [os.path.join(SHARED, x) for x in XES_LOGS if os.path.exists(os.path.join(SHARED, x))]
    if not found:
        return table.skip("XES", f"no shared XES logs under {SHARED}")
    for path in found:
        if path.endswith(".gz"):  # inflated once: the WASM build reads no gzip (the browser inflates)
            plain = os.path.join(a.work, os.path.basename(path)[:-3])
            if not os.path.exists(plain):
                with gzip.open(path, "rb") as src, open(plain, "wb") as dst:
                    shutil.copyfileobj(src, dst)
            path = plain
        core = run_json([BENCH_CORE, path, "--repeat", str(a.repeat)])
        wasm = run_json(NODE + [BENCH_CORE_WASM, path, "--repeat", str(a.repeat)]) if a.wasm else None
        raw.append({"xes": path, "core": core, "wasm": wasm})
        table.add(f"XES {os.path.basename(path)} ({core['bytes'] / 1e6:.1f} MB of XML, {core['events']:,} events)",
                  "read, 1 core (MB/s)", num(core["read_mb_s"]), num(wasm["read_mb_s"]) if wasm else "—",
                  ratio(core["read_mb_s"], wasm["read_mb_s"] if wasm else None), "— (no XES reader)", "—",
                  num(core["read_peak_rss_bytes_per_event"]))


def mining_section(table, raw, a, log):
    if not log:
        return table.skip("mining engine", f"needs the {MINING_EVENTS:,}-event log (add it to --sizes)")
    args = [log, "--repeat", str(a.repeat), "--replicate", "1"]
    native = run_json([BENCH_MINING] + args)
    wasm = run_json(NODE + [BENCH_MINING_WASM] + args) if a.wasm else None
    if wasm:
        same = ("events", "cases_kept", "events_kept", "edges", "variants")
        assert all(wasm[k] == native[k] for k in same), (wasm, native)
    raw.append({"mining": native, "mining_wasm": wasm})
    sec = f"mining engine, {native['events']:,} events"
    for key, label in MINING_ROWS:
        n, w = native.get(key), wasm.get(key) if wasm else None
        if n is not None:
            table.add(sec, f"{label} (ms)", num(n * 1e3), num(w * 1e3) if w is not None else "—", ratio(w, n))


def mpi_section(table, raw, a, log):
    if not os.path.exists(TABIJI_MPI):
        return table.skip("MPI", f"{os.path.relpath(TABIJI_MPI, ROOT)} is not built")
    if not shutil.which("mpirun"):
        return table.skip("MPI", "mpirun not found")
    if not log:
        return table.skip("MPI", f"needs the {MINING_EVENTS:,}-event log (add it to --sizes)")
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    times = {}
    for ranks in (1, 2):
        times[ranks], _ = best(["mpirun", "--oversubscribe", "-np", str(ranks), TABIJI_MPI, "dfg", "--compact", log],
                               a.repeat, env)
    raw.append({"mpi_dfg_s": times})
    table.add(f"MPI, {MINING_EVENTS:,} events", "`tabiji-mpi dfg`: 1 rank (s) / 2 ranks (s) = speed-up",
              f"{times[1]:.3f} / {times[2]:.3f} = {times[1] / times[2]:.2f}x")


def web_frame_section(table, raw, a):
    if not os.path.exists(WEB_FRAME):
        return table.skip("web frame", "bench/web_frame.mjs is not in this tree")
    if not os.path.exists(os.path.join(WEB, "dist", "tabiji.js")):
        return table.skip("web frame", "build/web/dist is not built")
    summary = run_json(["node", WEB_FRAME, "--dist", os.path.join(WEB, "dist")], timeout=1800)
    raw.append({"web_frame": summary})

    def rows(prefix, value):  # every number of the summary, nested keys joined
        if isinstance(value, dict):
            for k, v in value.items():
                yield from rows(f"{prefix}{k} ", v)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            yield prefix.strip(), value

    for key, value in rows("", summary):
        whole = isinstance(value, int) or float(value).is_integer()  # counts and bytes: no decimals
        table.add("web frame (chromium, software WebGL2)", key, "—", num(value, 0 if whole else 2))


# [SECTION] The document
def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--full", action="store_true", help="also 1e7 events (600 MB of CSV)")
    ap.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")],
                    default=[100_000, 1_000_000, 1_500_000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--work", default=os.path.join(ROOT, "out", "bench"), help="generated logs, raw results")
    ap.add_argument("--out-md", default=os.path.join(ROOT, "docs", "benchmarks.md"))
    ap.add_argument("--no-wasm", dest="wasm", action="store_false", help="leave the WASM column empty")
    a = ap.parse_args()
    if a.full and 10_000_000 not in a.sizes:
        a.sizes.append(10_000_000)
    os.makedirs(a.work, exist_ok=True)
    for exe in (TABIJI, BENCH_CORE, BENCH_MINING):
        if not os.path.exists(exe):
            sys.exit(f"bench/run.py: {exe} is missing: cmake --build --preset native-release")
    if a.wasm and not (os.path.exists(BENCH_CORE_WASM) and os.path.exists(BENCH_MINING_WASM)):
        print("bench/run.py: no WASM benchmarks in build/web/bench: the WASM column stays empty", file=sys.stderr)
        a.wasm = False
    have_pandas = subprocess.run([PANDAS_PY, "-c", "import pandas"], capture_output=True).returncode == 0
    started, load = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), os.getloadavg()[0]

    table, raw = Table(), []
    logs = csv_section(table, raw, a, have_pandas)
    if not have_pandas:
        table.skip("pandas baseline", f"{PANDAS_PY} cannot import pandas (scripts/setup.sh --bench)")
    if not a.wasm:
        table.skip("WASM (Node)", "build/web/bench/bench_core.js and bench_mining.js are not built")
    xes_section(table, raw, a)
    mining_section(table, raw, a, logs.get(MINING_EVENTS))
    mpi_section(table, raw, a, logs.get(MINING_EVENTS))
    web_frame_section(table, raw, a)

    with open(os.path.join(a.work, "results.jsonl"), "w", encoding="utf-8") as f:
        for r in raw:
            f.write(json.dumps(r) + "\n")
    pandas_version = (subprocess.run([PANDAS_PY, "-c", "import pandas; print(pandas.__version__)"],
                                     capture_output=True, text=True).stdout.strip() if have_pandas else "absent")
    doc = f"""# Benchmarks

Written by `bench/run.py` ({' '.join(['bench/run.py'] + sys.argv[1:])}) on {started}: {os.cpu_count()} cores,
load average {load:.1f} when it started (timings of a loaded machine are slower; the ratios come from the
same run). Best of {a.repeat} runs for tabiji (in-process stages run again until they have taken half a
second, at most 100 times), one for pandas {pandas_version}. CSV logs from
`tabiji generate --events N --days 365 --seed 1`.

{table.markdown()}
- **native**: the Release build (`bench_core`, `bench_mining`, `tabiji`); **WASM (Node)**: the
  same benchmark programs built with Emscripten (`build/web/bench/*.js`, one thread) under Node; answers
  (edges, variants, kept cases) are checked equal to native ones and to pandas' before a row is written.
- **web frame** rows are the WASM app itself in headless Chromium (`bench/web_frame.mjs`), in the WASM
  column: frame CPU times, layout times and slices (the layout runs in ~1 ms slices, 8 ms a frame), the
  first map frame (median of five page loads, and the slowest), download sizes.
- **WASM / native time** above 1 means WASM is slower; **pandas / native time** is tabiji's speed-up.
- **pandas**: `bench/baseline_pandas.py`, what an analyst would write (read_csv + to_datetime, then the
  DFG, variants and step durations with groupby). "in process" takes pandas' own stage times, measured
  after `import pandas` (it favours pandas); "whole command" is the wall clock of both processes.
- **peak RSS bytes/event**: read rows: growth of resident memory during one read, as in a fresh process
  (a child forked for it: its peak, VmHWM, less what it held when it started; the file's bytes are held
  before), per event; the read with attributes shows its attribute payload beside it. Whole-command rows:
  each process's own peak RSS (wait4) per event, tabiji's; pandas'.
- A **skipped** row names what was missing; build it and run the command again.
"""
    os.makedirs(os.path.dirname(os.path.abspath(a.out_md)), exist_ok=True)
    with open(a.out_md, "w", encoding="utf-8") as f:
        f.write(doc)
    print(doc)
    return 0


if __name__ == "__main__":
    sys.exit(main())
