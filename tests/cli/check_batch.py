"""`tabiji filter` (the filtered log read back gives what `dfg` with the same flags gives) and several logs in
one call (the semantics of cli/batch.hpp)."""
import json
import os
import shutil
import tempfile

from clitest import check, run

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, "golden")


def without_source(d):
    """A dfg result without what names the file it was read from (source, meta)."""
    return {k: v for k, v in d.items() if k not in ("source", "meta")}


def filter_checks(t, source):
    en = os.path.join(source, "samples", "journeys_en.csv")
    ja = os.path.join(source, "samples", "journeys_ja.csv")
    flag_sets = [
        (en, ["--end-with", "EC purchase", "--min-events", "3"]),
        (en, ["--attr", "segment=premium", "--keep-touchpoint", "Call center"]),
        (ja, ["--start-with", "TVCM", "--from-time", "2026-04-10", "--to-time", "2026-04-20"]),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        for k, (log, flags) in enumerate(flag_sets):
            expected = json.loads(run(t, ["dfg"] + flags + [log]).stdout)
            for ext in ("csv", "jsonl", "xes"):
                out = os.path.join(tmp, f"f{k}.{ext}")
                r = run(t, ["filter", log] + flags + ["-o", out])
                back = json.loads(run(t, ["dfg", out]).stdout)
                check(r.returncode == 0 and expected["num_cases"] > 0 and without_source(back) == without_source(expected),
                      f"filter {' '.join(flags)} -o .{ext}: read back, the same DFG as dfg with the same flags")
        chain = os.path.join(tmp, "chain.json")
        run(t, ["dfg", "--end-with", "EC purchase", "--save-filter", chain, en])
        r = run(t, ["filter", en, "--filter", chain, "--format", "jsonl", "-o", "-"])
        d = json.loads(run(t, ["dfg", "--end-with", "EC purchase", en]).stdout)
        check(r.returncode == 0 and len(r.stdout.splitlines()) == d["num_events"],
              "filter --filter FILE --format jsonl -o -: the kept events on standard output")
        r = run(t, ["filter", en, "--end-with", "EC purchase"])
        check(r.returncode == 2 and "--format" in r.stderr, "filter without -o or --format: exit 2")
        r = run(t, ["filter", en, "--end-with", "Nowhere", "-o", os.path.join(tmp, "x.csv")])
        check(r.returncode == 1 and "unknown touchpoint 'Nowhere'" in r.stderr and not os.path.exists(os.path.join(tmp, "x.csv")),
              "filter with an unknown touchpoint: exit 1, nothing written")
        r = run(t, ["filter", "--help"])
        check(r.returncode == 0 and "--filter FILE" in r.stdout and "--format FORMAT" in r.stdout, "filter --help")


def batch_checks(t, source):
    en = os.path.join(source, "samples", "journeys_en.csv")
    ja = os.path.join(source, "samples", "journeys_ja.csv")
    three = os.path.join(GOLDEN, "three_customers.csv")
    bad = os.path.join(GOLDEN, "bad_timestamp.csv")
    with tempfile.TemporaryDirectory() as tmp:
        folder = os.path.join(tmp, "logs")
        os.mkdir(folder)
        shutil.copy(ja, os.path.join(folder, "b_ja.csv"))
        shutil.copy(three, os.path.join(folder, "a_three.csv"))
        with open(os.path.join(folder, "notes.md"), "w") as f:
            f.write("not a log\n")
        os.mkdir(os.path.join(folder, "sub.csv"))

        single = {p: json.loads(run(t, ["dfg", p]).stdout) for p in (en, three)}
        r = run(t, ["dfg", en, three])
        d = json.loads(r.stdout)
        check(r.returncode == 0 and list(d) == [en, three] and d[en] == single[en] and d[three] == single[three],
              "dfg LOG LOG: one object keyed by log, in input order, each the one-log result")
        r = run(t, ["dfg", folder])
        d = json.loads(r.stdout)
        names = [os.path.join(folder, "a_three.csv"), os.path.join(folder, "b_ja.csv")]
        check(r.returncode == 0 and list(d) == names and d[names[0]]["num_events"] == 7,
              "dfg FOLDER: its log files sorted by name (not other files, not subfolders)")
        r1 = run(t, ["variants", "--threads", "1", folder, en])
        r2 = run(t, ["variants", "--threads", "3", folder, en])
        check(r1.returncode == 0 and r1.stdout == r2.stdout and len(json.loads(r1.stdout)) == 3,
              "variants --threads 3 on three logs: the bytes of --threads 1")

        r = run(t, ["dfg", three, bad, en])
        d = json.loads(r.stdout)
        check(r.returncode == 1 and list(d) == [three, bad, en] and "not a timestamp" in d[bad]["error"]
              and d[en]["num_events"] == single[en]["num_events"] and r.stderr.count("\n") == 1
              and r.stderr.startswith(f"tabiji: {bad}:3:5: "),
              "a bad log among good ones: named on stderr with line and column, the others written, exit 1")

        r = run(t, ["dfg", "--format", "csv", three, en])
        rows = r.stdout.splitlines()
        one = run(t, ["dfg", "--format", "csv", three]).stdout.splitlines()
        check(r.returncode == 0 and rows[0] == "file," + one[0] and rows[1:len(one)] == [f"{three},{x}" for x in one[1:]]
              and all(x.startswith(en + ",") for x in rows[len(one):]), "dfg --format csv LOG LOG: one table, a file column")
        for fmt in ("svg", "dot"):
            r = run(t, ["dfg", "--format", fmt, "--end-with", "EC purchase", en])
            check(r.returncode == 0 and len(r.stdout) > 300 and r.stdout == run(t, ["render", "--format", fmt, "--end-with", "EC purchase", en]).stdout,
                  f"dfg --format {fmt}: the map render draws")
        r = run(t, ["dfg", "--format", "png", en])
        check(r.returncode == 2 and "json, csv, dot, svg" in r.stderr, "dfg --format png: exit 2, the formats listed")
        r = run(t, ["info", three, en])
        check(r.returncode == 0 and r.stdout.startswith(f"==> {three} <==\nlog            {three}\n")
              and f"\n\n==> {en} <==\n" in r.stdout, "info LOG LOG: each text under ==> LOG <==")

        out = os.path.join(tmp, "maps") + "/"
        r = run(t, ["render", folder, en, "-o", out])
        check(r.returncode == 0 and sorted(os.listdir(out)) == ["a_three.svg", "b_ja.svg", "journeys_en.svg"]
              and open(os.path.join(out, "journeys_en.svg"), encoding="utf-8").read() == run(t, ["render", en]).stdout,
              "render FOLDER LOG -o DIR/: one SVG per log, named after it, the one-log bytes")
        r = run(t, ["dfg", "--format", "csv", three, "-o", out])
        check(r.returncode == 0 and os.path.exists(os.path.join(out, "three_customers.csv")), "-o an existing folder, one log: DIR/NAME.csv")
        r = run(t, ["report", folder, "-o", os.path.join(tmp, "reports/")])
        check(r.returncode == 0 and sorted(os.listdir(os.path.join(tmp, "reports"))) == ["a_three.html", "b_ja.html"],
              "report FOLDER -o DIR/: one HTML report per log")
        r = run(t, ["render", three, en])
        check(r.returncode == 2 and "-o FOLDER/" in r.stderr and r.stdout == "", "render of two logs to standard output: exit 2")
        other = os.path.join(tmp, "other")
        os.mkdir(other)
        shutil.copy(three, other)
        r = run(t, ["dfg", three, os.path.join(other, "three_customers.csv"), "-o", out])
        check(r.returncode == 2 and "would both be written" in r.stderr, "two logs with one name into one folder: exit 2")
        r = run(t, ["variants", "--top", "0", three, en])
        check(r.returncode == 2 and r.stdout == "", "a usage error with several logs: exit 2, no output")
        empty = os.path.join(tmp, "empty")
        os.mkdir(empty)
        r = run(t, ["dfg", empty])
        check(r.returncode == 1 and "holds no log file" in r.stderr, "an empty folder: exit 1")
        r = run(t, ["dfg", GOLDEN])
        check(r.returncode == 1 and f"{bad}:3:5:" in r.stderr and three in json.loads(r.stdout), "the golden folder: the bad log named, exit 1")
        with open(three, encoding="utf-8") as f:
            r = run(t, ["variants", "-", en], stdin=f)
        check(r.returncode == 0 and list(json.loads(r.stdout)) == ["-", en], "'-' among several logs: standard input, keyed '-'")
        with open(three, encoding="utf-8") as f:
            r = run(t, ["variants", "-", "-"], stdin=f)
        check(r.returncode == 2, "'-' twice: exit 2")
        r = run(t, ["dfg", "--attr", "nope=1", three, en])
        lines = r.stderr.splitlines()
        check(r.returncode == 1 and len(lines) == 2 and lines[0].startswith(f"tabiji: {three}") and lines[1].startswith(f"tabiji: {en}")
              and all("'nope'" in x for x in lines), "an attribute no log has: each log named with its own error")
        chain = os.path.join(tmp, "saved.json")
        r = run(t, ["variants", "--threads", "4", "--min-events", "2", "--save-filter", chain, folder, en, three])
        check(r.returncode == 0 and json.load(open(chain))["filters"][0]["kind"] == "case_size"
              and not [x for x in os.listdir(tmp) if "tmp" in x], "--save-filter with several logs: one chain saved")
