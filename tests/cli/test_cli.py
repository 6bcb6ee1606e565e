#!/usr/bin/env python3
"""Golden and behaviour tests of the `tabiji` command line.

Each golden input under golden/ has its expected output next to it (NAME.ARGS.expected). The expected
files were checked by hand against the arithmetic in their inputs' comments and tests/unit/test_mining.cpp;
`--update` rewrites them from the current binary (review the diff before committing).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, "golden")

# (name of the expected file, arguments after `tabiji`; {golden} is replaced by the golden folder)
GOLDEN_CASES = [
    ("three_customers.dfg.expected.json", ["dfg", "{golden}/three_customers.csv"]),
    ("three_customers.dfg-compact.expected.json", ["dfg", "--compact", "--no-variants", "{golden}/three_customers.csv"]),
]

failures = []
passed = 0


def check(cond, what):
    global passed
    if cond:
        passed += 1
        print(f"ok   {what}")
    else:
        failures.append(what)
        print(f"FAIL {what}")


def run(tabiji, args, **kw):
    return subprocess.run([tabiji] + args, capture_output=True, text=True, **kw)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tabiji", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--update", action="store_true")
    a = ap.parse_args()
    t = os.path.abspath(a.tabiji)

    for expected_name, args in GOLDEN_CASES:
        args = [x.replace("{golden}", GOLDEN) for x in args]
        r = run(t, args, cwd=GOLDEN)
        path = os.path.join(GOLDEN, expected_name)
        if a.update:
            with open(path, "w", encoding="utf-8") as f:
                f.write(r.stdout.replace(GOLDEN + "/", ""))
        with open(path, encoding="utf-8") as f:
            expected = f.read()
        check(r.returncode == 0 and r.stdout.replace(GOLDEN + "/", "") == expected, f"golden {expected_name}")

    # The golden DFG says what the hand count says (see the comments in tests/unit/test_mining.cpp).
    d = json.loads(run(t, ["dfg", os.path.join(GOLDEN, "three_customers.csv")]).stdout)
    edges = {(e["from"], e["to"]): (e["count"], e["cases"]) for e in d["dfg"]}
    check(edges == {("Web", "Phone"): (3, 2), ("Phone", "Web"): (1, 1)}, "dfg edges equal the hand count")
    check([(x["activity"], x["count"]) for x in d["activities"]] == [("Phone", 3), ("Web", 3), ("Store", 1)],
          "activities ordered by count, then name")
    wp = [p for p in d["performance_dfg"] if p["from"] == "Web"][0]
    check((wp["mean"], wp["median"], wp["min"], wp["max"], wp["sum"]) == (160, 120, 60, 300, 480),
          "Web->Phone durations: mean 160 s, median 120 s, min 60, max 300, sum 480")
    check(d["meta"]["columns_used"] == {"case": "customer_id", "activity": "touchpoint", "timestamp": "timestamp"},
          "CX column names detected")

    r = run(t, ["--version"])
    check(r.returncode == 0 and r.stdout.startswith("tabiji "), "--version")
    r = run(t, ["--help"])
    check(r.returncode == 0 and "dfg" in r.stdout and "generate" in r.stdout and "Exit codes" in r.stdout, "--help lists commands")
    r = run(t, ["dfg", "--help"])
    check(r.returncode == 0 and "Usage: tabiji dfg" in r.stdout and "--case COLUMN" in r.stdout and "Examples:" in r.stdout,
          "dfg --help")
    r = run(t, [])
    check(r.returncode == 2, "no command: usage error, exit 2")
    r = run(t, ["nope"])
    check(r.returncode == 2 and "unknown command 'nope'" in r.stderr, "unknown command: exit 2")
    r = run(t, ["dfg", "--bogus", "x.csv"])
    check(r.returncode == 2 and "unknown option '--bogus'" in r.stderr, "unknown option: exit 2")
    r = run(t, ["dfg"])
    check(r.returncode == 2 and "missing argument" in r.stderr, "missing LOG: exit 2")

    missing = os.path.join(GOLDEN, "does-not-exist.csv")
    r = run(t, ["dfg", missing])
    check(r.returncode == 1 and r.stderr.count("\n") == 1 and missing in r.stderr and "cannot open" in r.stderr,
          "missing file: one line naming it, exit 1")
    bad = os.path.join(GOLDEN, "bad_timestamp.csv")
    r = run(t, ["dfg", bad])
    check(r.returncode == 1 and r.stderr.count("\n") == 1 and f"{bad}:3:5:" in r.stderr and "not a timestamp" in r.stderr,
          "malformed row: one line with file:line:column, exit 1")
    r = run(t, ["dfg", "--lenient", bad])
    check(r.returncode == 0 and json.loads(r.stdout)["num_events"] == 1 and "bad_timestamp=1" in r.stderr,
          "--lenient skips and reports the bad row")
    r = run(t, ["dfg", GOLDEN])
    check(r.returncode == 1 and "is a directory" in r.stderr, "a directory: exit 1")

    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.json")
        r = run(t, ["dfg", "-o", out, os.path.join(GOLDEN, "three_customers.csv")])
        r2 = run(t, ["dfg", os.path.join(GOLDEN, "three_customers.csv")])
        with open(out, encoding="utf-8") as f:
            check(r.returncode == 0 and r.stdout == "" and f.read() == r2.stdout, "-o writes the same JSON to a file")
        check(os.listdir(tmp) == ["out.json"], "-o leaves no temporary file behind")
        r = run(t, ["dfg", "-o", os.path.join(tmp, "no-such-dir", "x.json"), os.path.join(GOLDEN, "three_customers.csv")])
        check(r.returncode == 1 and "cannot write" in r.stderr, "unwritable output: exit 1")

    with open(os.path.join(GOLDEN, "three_customers.csv"), encoding="utf-8") as f:
        r = run(t, ["dfg", "-"], stdin=f)
    check(r.returncode == 0 and json.loads(r.stdout)["num_events"] == 7, "'-' reads standard input")

    shared = os.path.join(a.source, "..", "shared", "data", "pm4py", "receipt.csv")
    if os.path.exists(shared):
        r1, r2 = run(t, ["dfg", shared]), run(t, ["dfg", shared])
        check(r1.returncode == 0 and r1.stdout == r2.stdout and len(r1.stdout) > 1000, "output byte-identical run to run")
    else:
        print("skip determinism on receipt.csv: ../shared/data is absent")

    print(f"cli: {passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
