"""Golden outputs of every subcommand on the samples and on ../shared/data (golden/subcommands.expected.json).

Each case runs in the source folder with relative paths (so outputs name the logs the same way on every
machine). Small outputs are kept whole; big ones as their size, SHA-256 and first line. --update rewrites
the file: review `git diff` before committing (a changed hash says which command changed, rerun it to see).
{out} stands for a file the command writes (its content is compared instead of standard output) and {key}
for a fixed key file (training packs are then the same bytes run to run).
Cases on ../shared/data are skipped when it is absent.
"""
import hashlib
import json
import os
import tempfile

from clitest import check, run

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED = os.path.join(HERE, "golden", "subcommands.expected.json")
WHOLE_UP_TO = 1500  # bytes of output kept whole

EN, JA = "samples/journeys_en.csv", "samples/journeys_ja.csv"
D = "../shared/data/"
CASES = [  # (name, arguments after `tabiji`[, exit code when not 0])
    ("info en", ["info", EN]),
    ("info ja json", ["info", "--format", "json", JA]),
    ("info receipt", ["info", D + "pm4py/receipt.csv"]),
    ("info ocel20 Invoice", ["info", "--object-type", "Invoice", D + "pm4py/ocel20_example.jsonocel"]),
    ("dfg en", ["dfg", EN]),
    ("dfg ja csv", ["dfg", "--format", "csv", JA]),
    ("dfg sepsis", ["dfg", D + "eventdataR/sepsis.csv"]),
    ("dfg helpdesk wallclock", ["dfg", "--xes-wallclock", D + "pm4py/helpdesk.xes.gz"]),
    ("dfg running-example dot", ["dfg", "--format", "dot", D + "pm4py/running-example.xes"]),
    ("dfg two samples csv", ["dfg", "--format", "csv", "--no-variants", EN, JA]),
    ("dfg pm4py folder", ["dfg", "--compact", "--no-variants", D + "pm4py"], 1),  # OCEL needs --object-type
    ("variants en top 5", ["variants", "--top", "5", EN]),
    ("variants receipt csv", ["variants", "--coverage", "80", "--format", "csv", D + "pm4py/receipt.csv"]),
    ("perf en", ["perf", EN]),
    ("perf helpdesk touchpoints csv", ["perf", "--format", "csv", "--table", "touchpoints", D + "pm4py/helpdesk.xes.gz"]),
    ("paths en", ["paths", EN]),
    ("paths receipt ngram 3", ["paths", "--ngram", "3", "--top", "5", D + "pm4py/receipt.csv"]),
    ("cx en", ["cx", EN, "--goal", "EC purchase"]),
    ("cx ja", ["cx", JA]),
    ("cx ecom", ["cx", D + "retentioneering/ecom.csv.gz"]),
    ("funnel en", ["funnel", EN, "--steps", "TV ad,Official website,EC site,EC purchase", "--max-gap", "7d"]),
    ("funnel ja stages", ["funnel", JA, "--steps", "awareness,consideration,purchase"]),
    ("attribution en", ["attribution", EN, "--goal", "EC purchase"]),
    ("catalog en", ["catalog"]),
    ("catalog ja", ["catalog", "--lang", "ja"]),
    ("render en svg", ["render", EN]),
    ("render reviewing dot", ["render", "--format", "dot", D + "pm4py/reviewing.csv"]),
    ("report en", ["report", EN, "--lang", "en"]),
    ("report ja funnel", ["report", JA, "--funnel", "TVCM,公式Webサイト,ECサイト,EC購入"]),
    ("report sepsis", ["report", D + "eventdataR/sepsis.csv", "--lang", "en"]),
    ("convert ja jsonl", ["convert", JA, "--format", "jsonl", "-o", "-"]),
    ("convert running-example csv", ["convert", D + "pm4py/running-example.xes", "--format", "csv", "-o", "-"]),
    ("filter en purchases csv", ["filter", EN, "--end-with", "EC purchase", "--format", "csv", "-o", "-"]),
    ("filter receipt xes", ["filter", D + "pm4py/receipt.csv", "--min-events", "8", "--format", "xes", "-o", "-"]),
    ("generate 40 customers", ["generate", "--customers", "40", "--seed", "11"]),
    ("training-pack en k 10", ["training-pack", EN, "--k", "10", "--key-file", "{key}", "-o", "{out}"]),
    ("training-pack receipt", ["training-pack", D + "pm4py/receipt.csv", "--key-file", "{key}", "-o", "{out}"]),
]


def outcome(r, out):
    if len(out.encode()) <= WHOLE_UP_TO:
        return {"exit": r.returncode, "text": out}
    return {"exit": r.returncode, "bytes": len(out.encode()), "sha256": hashlib.sha256(out.encode()).hexdigest(),
            "first_line": out.split("\n", 1)[0][:200]}


def golden_checks(t, source, update):
    expected = {}
    if os.path.exists(EXPECTED):
        with open(EXPECTED, encoding="utf-8") as f:
            expected = json.load(f)
    have_shared = os.path.isdir(os.path.join(source, D))
    names = set()
    for name, args, *code in CASES:
        names.add(name)
        if any(a.startswith(D) for a in args) and not have_shared:
            print(f"skip golden '{name}': {D} is absent")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            key, out = os.path.join(tmp, "key"), os.path.join(tmp, "out")
            with open(key, "w") as f:
                f.write("a fixed key for the golden tests\n")
            args = [a.replace("{key}", key).replace("{out}", out) for a in args]
            r = run(t, args, cwd=source)
            text = r.stdout
            if "-o" in args and args[args.index("-o") + 1] == out and os.path.exists(out):
                with open(out, encoding="utf-8") as f:
                    text = f.read()
            got = outcome(r, text)
            args = [a.replace(tmp, "TMP") for a in args]
        if update:
            expected[name] = got
        want = expected.get(name)
        check(got == want, f"golden '{name}': tabiji {' '.join(args)}"
              + ("" if got == want else f"\n     got  {json.dumps(got, ensure_ascii=False)[:300]}"
                 f"\n     want {json.dumps(want, ensure_ascii=False)[:300]}"))
        check(got["exit"] == (code[0] if code else 0), f"golden '{name}': exit {code[0] if code else 0}")
    if update:
        expected = {k: v for k, v in expected.items() if k in names}
        with open(EXPECTED, "w", encoding="utf-8") as f:
            json.dump(expected, f, ensure_ascii=False, indent=1, sort_keys=True)
            f.write("\n")
    check(len(expected) == len(CASES), "goldens: one expected outcome per case")
