#!/usr/bin/env python3
"""Golden and behaviour tests of the `tabiji` command line.

Each golden input under golden/ has its expected output next to it (NAME.ARGS.expected). The expected
files were checked by hand against the arithmetic in their inputs' comments and tests/unit/test_mining.cpp;
`--update` rewrites them from the current binary (review the diff before committing).
"""
import csv
import json
import os
import re
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

from clitest import arguments, check, run, summary
import check_batch
import check_goldens
import check_progress
import check_report


def mining_checks(t, source):
    """variants, perf, paths and the shared filter flags on three_customers.csv (hand counts:
    c1 Web 0 s, Phone 60 s, Web 180 s, Phone 480 s; c2 Web 0 s, Phone 120 s; c3 Store)."""
    log = os.path.join(GOLDEN, "three_customers.csv")
    r = run(t, ["variants", log])
    d = json.loads(r.stdout)
    check(r.returncode == 0 and [(v["activities"], v["count"]) for v in d["variants"]]
          == [(["Store"], 1), (["Web", "Phone"], 1), (["Web", "Phone", "Web", "Phone"], 1)],
          "variants: three single-case variants in name order")
    check(d["variants"][2]["cumulative_share"] == 1.0 and d["num_variants"] == 3, "variants: coverage curve ends at 1")
    r = run(t, ["variants", "--coverage", "50", "--format", "csv", log])
    check(r.returncode == 0 and r.stdout == "rank,count,share,cumulative_share,length,activities\n"
          "1,1,0.3333333333333333,0.3333333333333333,1,Store\n2,1,0.3333333333333333,0.6666666666666666,2,Web > Phone\n",
          "variants --coverage 50 --format csv: fewest variants covering 50 % (2 of 3)")
    r = run(t, ["variants", "--top", "1", "--keep-touchpoint", "Phone", log])
    check(r.returncode == 0 and json.loads(r.stdout)["num_cases"] == 2 and len(json.loads(r.stdout)["variants"]) == 1,
          "variants --keep-touchpoint Phone --top 1: 2 cases, 1 shown")

    r = run(t, ["perf", log])
    d = json.loads(r.stdout)
    check(r.returncode == 0 and (d["case_durations"]["mean"], d["case_durations"]["median"]) == (200, 120),
          "perf: case durations 480, 120, 0 s -> mean 200, median 120")
    web = [x for x in d["touchpoints"] if x["activity"] == "Web"][0]
    check(web["time_to_next"]["count"] == 3 and web["time_to_next"]["mean"] == 160, "perf: Web time to next 60, 300, 120 s")
    check([h["cases"] for h in d["case_duration_histogram"][:3]] == [1, 1, 1], "perf: histogram bins 0-60, 60-300, 300-900 s")
    r = run(t, ["perf", "--format", "csv", "--table", "edges", log])
    check(r.returncode == 0 and r.stdout.splitlines()[1].startswith("Web,Phone,3,2,3,160.0,120.0,60.0,300.0,480.0,"),
          "perf --format csv: Web->Phone 3 steps in 2 cases, mean 160 s")

    r = run(t, ["paths", "--from", "Web", "--to", "Phone", "--ngram", "2", "--loops", "--goal", "Phone", log])
    d = json.loads(r.stdout)
    check(r.returncode == 0 and d["most_likely_path"]["touchpoints"] == ["Web", "Phone"]
          and d["most_likely_path"]["probability"] == 1.0, "paths: Web -> Phone with probability 3/3")
    check([(g["touchpoints"], g["count"], g["cases"]) for g in d["ngrams"]["top"]]
          == [(["Web", "Phone"], 3, 2), (["Phone", "Web"], 1, 1)], "paths --ngram 2: Web>Phone 3 in 2 cases, Phone>Web 1")
    check(d["loops"]["components"] == [["Phone", "Web"]] and d["loops"]["cases_with_rework"] == 1,
          "paths --loops: Web and Phone form a loop; c1 repeats both")
    check(d["dominators"] == {"goal": "Phone", "reachable": True, "touchpoints": ["Web"]}, "paths --goal Phone: Web dominates")
    r = run(t, ["paths", "--goal", "Phone", "--format", "dot", log])
    check(r.returncode == 0 and r.stdout.startswith("digraph journeys {") and '"Web" -> "Phone" [label="3"]' in r.stdout,
          "paths --format dot")
    r = run(t, ["paths", "--from", "Web", "--to", "Nowhere", log])
    check(r.returncode == 1 and "unknown touchpoint 'Nowhere'" in r.stderr, "paths: unknown touchpoint names it, exit 1")
    r = run(t, ["paths", "--from", "Web", log])
    check(r.returncode == 2, "paths: --from without --to is a usage error")

    r = run(t, ["dfg", "--start-with", "Web", "--min-events", "3", log])
    d = json.loads(r.stdout)
    check(r.returncode == 0 and d["num_cases"] == 1 and d["num_events"] == 4, "dfg --start-with Web --min-events 3: c1 only")
    r = run(t, ["dfg", "--end-with", "Nope", log])
    check(r.returncode == 1 and "unknown touchpoint 'Nope'" in r.stderr, "dfg --end-with unknown: names it, exit 1")
    r = run(t, ["dfg", "--min-events", "3", "--max-events", "1", log])
    check(r.returncode == 2 and "above max" in r.stderr, "dfg --min-events above --max-events: exit 2")
    with tempfile.TemporaryDirectory() as tmp:
        chain = os.path.join(tmp, "chain.json")
        r1 = run(t, ["dfg", "--keep-touchpoint", "Phone", "--from-time", "2024-01-01", "--to-time", "2024-01-01T00:01:30Z",
                     "--save-filter", chain, log])
        r2 = run(t, ["dfg", "--filter", chain, log])
        saved = json.load(open(chain, encoding="utf-8"))
        check(r1.returncode == 0 and r1.stdout == r2.stdout and saved["version"] == 1
              and [f["kind"] for f in saved["filters"]] == ["time_frame", "touchpoint"],
              "--save-filter then --filter gives the same result")
        check(json.loads(r1.stdout)["num_cases"] == 2, "--from-time/--to-time intersecting: c1 and c2")
        with open(chain, "w", encoding="utf-8") as f:
            f.write('{"version": 1, "filters": [{"kind": "case_sise"}]}')
        r = run(t, ["dfg", "--filter", chain, log])
        check(r.returncode == 1 and "unknown kind 'case_sise'" in r.stderr, "--filter with a bad kind: exit 1, names it")
    for cmd in ("variants", "perf", "paths"):
        r = run(t, [cmd, "--help"])
        check(r.returncode == 0 and f"Usage: tabiji {cmd}" in r.stdout and "--filter FILE" in r.stdout
              and "Examples:" in r.stdout, f"{cmd} --help")
    shared = os.path.join(source, "..", "shared", "data", "pm4py", "receipt.csv")
    if os.path.exists(shared):
        for cmd in (["variants"], ["perf"], ["paths", "--ngram", "3"]):
            r1, r2 = run(t, cmd + [shared]), run(t, cmd + [shared])
            check(r1.returncode == 0 and r1.stdout == r2.stdout and len(r1.stdout) > 500,
                  f"{cmd[0]} output byte-identical run to run")


def info_checks(t):
    """tabiji info on three_customers.csv (7 events, 3 cases; hand counts in its comments) and JSON Lines."""
    log = os.path.join(GOLDEN, "three_customers.csv")
    r = run(t, ["info", log])
    check(r.returncode == 0 and "cases          3\n" in r.stdout and "events         7\n" in r.stdout
          and "events/case    min 1, median 2, max 4" in r.stdout, "info: sizes and events per case as text")
    check("time span      2024-01-01T00:00:00Z .. 2024-01-02T00:00:00Z (1 d)" in r.stdout, "info: time span")
    check("  note  event  string" in r.stdout, "info: attribute table with level and type")
    r1, r2 = run(t, ["info", "--json", log]), run(t, ["info", "--json", log])
    d = json.loads(r1.stdout)
    check(r1.returncode == 0 and r1.stdout == r2.stdout, "info --json: byte-identical run to run")
    check(d["num_cases"] == 3 and d["num_events"] == 7 and d["events_per_case"] == {"min": 1, "median": 2, "max": 4}
          and d["time_span"]["duration_s"] == 86400, "info --json: counts and span")
    check(d["read"]["format"] == "csv" and d["read"]["separator"] == "," and d["read"]["columns_used"]["case"] == "customer_id",
          "info --json: read report")
    check([(a["name"], a["level"], a["type"], a["nulls"]) for a in d["attributes"]] == [("note", "event", "string", 4)]
          and len(d["attributes"][0]["top"]) == 3, "info --json: attributes with top values")
    r = run(t, ["info", "--json", "--lenient", os.path.join(GOLDEN, "bad_timestamp.csv")])
    d = json.loads(r.stdout) if r.returncode == 0 else {}
    check(r.returncode == 0 and d["read"]["problems"] and d["read"]["problems"][0]["kind"] == "bad_timestamp"
          and d["read"]["problems"][0]["examples"][0]["line"] > 0, "info --json --lenient: problems with first examples")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "events.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.write('{"case": "c1", "activity": "A", "time": 1710325274, "n": 1}\n'
                    '{"case": "c1", "activity": "B", "time": 1710325334.5, "n": 2}\n')
        r = run(t, ["info", "--json", "--epoch", "s", path])
        d = json.loads(r.stdout) if r.returncode == 0 else {}
        check(r.returncode == 0 and d["read"]["format"] == "jsonl" and d["time_span"]["duration_s"] == 60.5
              and d["attributes"][0]["type"] == "integer", "info: JSON Lines with --epoch s")
        r = run(t, ["info", "--tz", "Mars/Olympus", path])
        check(r.returncode == 2 and "unknown time zone" in r.stderr, "--tz with an unknown zone: usage error")


def cx_checks(t, source):
    """cx, funnel, attribution and catalog (metric definitions: core/include/tabiji/<metric>.hpp; the hand
    counts below are those of tests/unit/cx_fixture.hpp)."""
    sample = os.path.join(source, "samples", "journeys_en.csv")
    r1, r2 = run(t, ["cx", sample]), run(t, ["cx", sample])
    d = json.loads(r1.stdout) if r1.returncode == 0 else {}
    check(r1.returncode == 0 and r1.stdout == r2.stdout, "cx: output byte-identical run to run")
    # Without --goal, attribution is for the catalog's purchase stage; its conversions are the customers
    # with at least one purchase touchpoint, counted here independently from the CSV.
    with open(sample, encoding="utf-8", newline="") as f:
        buyers = {row["customer_id"] for row in csv.DictReader(f)
                  if row["touchpoint"] in ("EC purchase", "Store purchase")}
    check(all(k in d for k in ("channel_switch", "failure_demand", "escalation", "repeat_contact", "stages",
                               "attribution"))
          and d["attribution"]["goal"] == ["EC purchase", "Store purchase"]
          and d["attribution"]["conversions"] == len(buyers)
          and any("'purchase' stage" in n for n in d.get("notes", [])),
          f"cx: every metric key; attribution for the purchase stage, {len(buyers)} converting customers")
    check(d.get("mapping", {}).get("unmapped") == [], "cx: the default catalog maps the English sample fully")
    check(d.get("stages", {}).get("satisfaction_attribute") == "csat", "cx: csat column found for the emotion curve")
    d = json.loads(run(t, ["cx", os.path.join(source, "samples", "journeys_ja.csv")]).stdout)
    check(d["mapping"]["unmapped"] == [] and any(x["touchpoint"] == "コールセンター" for x in d["repeat_contact"]["touchpoints"]),
          "cx: the Japanese sample maps fully, names in Japanese")
    r = run(t, ["cx", sample, "--goal", "EC purchase", "--funnel", "TV ad,EC site,EC purchase", "--max-gap", "7d"])
    d = json.loads(r.stdout) if r.returncode == 0 else {}
    shares = [x["share"] for x in d.get("attribution", {}).get("touchpoints", [])]
    check(r.returncode == 0 and abs(sum(shares) - 1) < 1e-9 and d["funnel"]["steps"][0]["step"] == "TV ad",
          "cx --goal --funnel: attribution shares sum to 1, funnel present")
    r = run(t, ["attribution", sample])
    check(r.returncode == 2 and "--goal" in r.stderr, "attribution without --goal: exit 2")
    r = run(t, ["funnel", sample, "--steps", "TV ad,Nowhere"])
    check(r.returncode == 1 and "'Nowhere'" in r.stderr, "funnel with an unknown step: exit 1, names it")
    r = run(t, ["funnel", sample, "--steps", "TV ad,EC site", "--max-gap", "soon"])
    check(r.returncode == 2, "funnel --max-gap malformed: exit 2")
    for cmd in ("cx", "funnel", "attribution", "catalog"):
        r = run(t, [cmd, "--help"])
        check(r.returncode == 0 and f"Usage: tabiji {cmd}" in r.stdout and "Examples:" in r.stdout, f"{cmd} --help")
    r = run(t, ["--help"])
    check(all(c in r.stdout for c in ("cx", "funnel", "attribution", "catalog")), "--help lists the CX commands")

    with tempfile.TemporaryDirectory() as tmp:
        cat = os.path.join(tmp, "catalog.json")
        r = run(t, ["catalog", "-o", cat])
        c = json.load(open(cat, encoding="utf-8"))
        check(r.returncode == 0 and len(c["touchpoints"]) == 14 and c["stages"][0]["label_ja"] == "認知",
              "catalog: 14 touchpoints and the stages")
        check(run(t, ["cx", sample, "--catalog", cat]).stdout == run(t, ["cx", sample]).stdout,
              "cx --catalog (the printed default) equals the built-in default")
        c["touchpoints"][1]["channel"] = "fone"
        with open(cat, "w", encoding="utf-8") as f:
            json.dump(c, f)
        r = run(t, ["cx", sample, "--catalog", cat])
        check(r.returncode == 1 and "$.touchpoints[1].channel" in r.stderr and "fone" in r.stderr,
              "cx --catalog with a bad channel: exit 1, JSON path named")
        r = run(t, ["catalog", "--check", cat])
        check(r.returncode == 1 and "$.touchpoints[1].channel" in r.stderr, "catalog --check: exit 1 on a bad file")

        # The hand log of tests/unit/cx_fixture.hpp with its catalog.
        log = os.path.join(tmp, "cx.csv")
        with open(log, "w", encoding="utf-8") as f:
            f.write("case,activity,timestamp\nc1,Web,2024-01-01T00:00:00Z\nc1,Phone,2024-01-01T02:00:00Z\n"
                    "c1,Phone,2024-01-02T06:00:00Z\nc2,FAQ,2024-01-01T00:00:00Z\nc2,Bot,2024-01-01T01:00:00Z\n"
                    "c2,Chat,2024-01-01T01:30:00Z\nc2,Web,2024-01-04T00:00:00Z\nc3,Bot,2024-01-01T00:00:00Z\n"
                    "c3,Web,2024-01-02T06:00:00Z\nc3,Phone,2024-01-02T16:00:00Z\nc4,Web,2024-01-01T00:00:00Z\n"
                    "c4,Shop,2024-01-01T01:00:00Z\n")
        tps = [("Web", "web", "consideration"), ("FAQ", "faq", "support"), ("Bot", "chatbot", "support"),
               ("Chat", "human_chat", "support"), ("Phone", "phone", "support"), ("Shop", "ec", "purchase")]
        with open(cat, "w", encoding="utf-8") as f:
            json.dump({"version": 1, "touchpoints": [{"name": n, "channel": k, "stage": s} for n, k, s in tps]}, f)
        d = json.loads(run(t, ["cx", log, "--catalog", cat]).stdout)
        fd = d["failure_demand"]
        check((fd["origin_events"], fd["followed_by_human_contact"], fd["rate"]) == (8, 4, 0.5),
              "cx: failure demand 4 of 8 origin events (hand count)")
        bot = d["escalation"]["bots"][0]
        check((bot["channel"], bot["sessions"], bot["escalated"], bot["containment_rate"]) == ("chatbot", 2, 1, 0.5),
              "cx: chatbot containment 1 of 2")
        check((d["repeat_contact"]["contacts"], d["repeat_contact"]["repeated"]) == (4, 1), "cx: repeat contact 1 of 4")
        check(d["channel_switch"]["steps"] == 8 and d["channel_switch"]["switches"] == 7, "cx: 7 switches in 8 steps")
        r = run(t, ["funnel", log, "--catalog", cat, "--steps", "Web,Phone", "--max-gap", "1d"])
        st = json.loads(r.stdout)["funnel"]["steps"] if r.returncode == 0 else []
        check([s["cases"] for s in st] == [4, 2] and st[1]["median_seconds_from_previous"] == 21600,
              "funnel Web,Phone --max-gap 1d: 4 > 2, median 6 h")
        seg_a, seg_b = os.path.join(tmp, "a.json"), os.path.join(tmp, "b.json")
        run(t, ["dfg", log, "--keep-touchpoint", "Phone", "--save-filter", seg_a])
        run(t, ["dfg", log, "--drop-touchpoint", "Phone", "--save-filter", seg_b])
        r = run(t, ["cx", log, "--catalog", cat, "--segment-a", seg_a, "--segment-b", seg_b])
        seg = json.loads(r.stdout)["segments"] if r.returncode == 0 else {}
        phone = [x for x in seg.get("touchpoints", []) if x["touchpoint"] == "Phone"]
        check(phone and phone[0]["significant"] and abs(phone[0]["p_value"] - 0.04550026389635844) < 1e-12,
              "cx --segment-a/-b: Phone 2/2 vs 0/2, z = -2, p = 0.0455")
        r = run(t, ["cx", log, "--segment-a", seg_a])
        check(r.returncode == 2, "cx --segment-a without --segment-b: exit 2")
        r = run(t, ["attribution", log, "--catalog", cat, "--goal", "Shop"])
        a = json.loads(r.stdout)["attribution"] if r.returncode == 0 else {}
        check(a.get("conversions") == 1 and a.get("paths") == 4, "attribution --goal Shop: 1 conversion in 4 paths")


def attribute_filter_checks(t, source):
    """--attr, --drop-attr, --attr-range, --attr-events, --attr-nulls and attribute filters in --filter files
    on samples/journeys_en.csv, against counts computed here from the CSV with the csv module (segment is
    the same in every row of a customer there; csat is 1-5 or empty)."""
    import csv
    sample = os.path.join(source, "samples", "journeys_en.csv")
    with open(sample, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    customers = {r["customer_id"] for r in rows}
    segment = {r["customer_id"]: r["segment"] for r in rows}
    check(all(segment[r["customer_id"]] == r["segment"] for r in rows), "sample: segment is constant per customer")
    premium = {c for c in customers if segment[c] == "premium"}

    def dfg(*args):
        r = run(t, ["dfg", "--no-variants", "--no-performance", sample] + list(args))
        d = json.loads(r.stdout) if r.returncode == 0 else {}
        return r, d.get("num_cases"), d.get("num_events")

    _, all_cases, _ = dfg()
    r, cases, events = dfg("--attr", "segment=premium")
    check(r.returncode == 0 and cases < all_cases and cases == len(premium)
          and events == sum(r["customer_id"] in premium for r in rows),
          f"dfg --attr segment=premium: {len(premium)} of {len(customers)} customers (csv count)")
    _, cases, _ = dfg("--drop-attr", "segment=premium")
    check(cases == len(customers) - len(premium), "dfg --drop-attr segment=premium: the other customers")
    _, cases, _ = dfg("--attr", "segment=premium,new")
    check(cases == sum(v in ("premium", "new") for v in segment.values()), "dfg --attr segment=premium,new: a set")

    phone_rows = [r for r in rows if r["channel"] == "phone"]
    phone_customers = {r["customer_id"] for r in phone_rows}
    _, cases, events = dfg("--attr", "channel=phone")
    check((cases, events) == (len(phone_customers), sum(r["customer_id"] in phone_customers for r in rows)),
          "dfg --attr channel=phone: whole journeys with a phone event")
    _, cases, events = dfg("--attr", "channel=phone", "--attr-events")
    check((cases, events) == (len(phone_customers), len(phone_rows)), "dfg --attr channel=phone --attr-events: only those events")

    def csat(r):
        return int(r["csat"]) if r["csat"] else None
    high = {r["customer_id"] for r in rows if csat(r) is not None and csat(r) >= 4}
    _, cases, _ = dfg("--attr-range", "csat=4..")
    check(cases == len(high), "dfg --attr-range csat=4..: journeys with a csat of 4 or 5 (open max)")
    _, cases, events = dfg("--attr-range", "csat=..2", "--attr-events")
    low = [r for r in rows if csat(r) is not None and csat(r) <= 2]
    check((cases, events) == (len({r["customer_id"] for r in low}), len(low)), "dfg --attr-range csat=..2 --attr-events")
    _, _, events = dfg("--attr-range", "csat=5..5", "--attr-events", "--attr-nulls")
    check(events == sum(csat(r) in (None, 5) for r in rows), "dfg --attr-range csat=5..5 --attr-nulls: 5 or empty")
    returns = [r for r in rows if r["contact_reason"] == "Returns, exchanges"]
    _, _, events = dfg("--attr", "contact_reason=Returns\\, exchanges", "--attr-events")
    check(events == len(returns) > 0, "dfg --attr with \\, keeps a comma inside a value")
    r = run(t, ["variants", sample, "--attr", "segment=premium"])
    check(r.returncode == 0 and sum(v["count"] for v in json.loads(r.stdout)["variants"]) == len(premium),
          "variants --attr segment=premium: counts add up to the premium customers")
    for cmd in ("perf", "paths"):
        r = run(t, [cmd, sample, "--attr", "segment=premium"])
        check(r.returncode == 0, f"{cmd} --attr segment=premium runs")

    r = run(t, ["dfg", sample, "--attr", "segmnt=premium"])
    check(r.returncode == 1 and "unknown attribute 'segmnt'" in r.stderr and "'segment' (case, string)" in r.stderr,
          "dfg --attr with an unknown attribute: exit 1, names it and lists the log's attributes")
    r = run(t, ["dfg", sample, "--attr", "segment=gold"])
    check(r.returncode == 1 and "no value 'gold'" in r.stderr and "'premium'" in r.stderr,
          "dfg --attr with an unknown value: exit 1, lists the values")
    r = run(t, ["dfg", sample, "--attr-range", "csat=4"])
    check(r.returncode == 2 and "MIN..MAX" in r.stderr, "dfg --attr-range without '..': exit 2")
    r = run(t, ["dfg", sample, "--attr-events"])
    check(r.returncode == 2, "dfg --attr-events alone: exit 2")
    r = run(t, ["dfg", sample, "--attr-range", "csat=5..1"])
    check(r.returncode == 2 and "min is above max" in r.stderr, "dfg --attr-range csat=5..1: exit 2")

    with tempfile.TemporaryDirectory() as tmp:
        chain = os.path.join(tmp, "chain.json")
        r1 = run(t, ["dfg", sample, "--attr", "segment=premium", "--attr-range", "csat=4..", "--save-filter", chain])
        saved = json.load(open(chain, encoding="utf-8"))
        check([f["kind"] for f in saved["filters"]] == ["attribute", "attribute"], "--save-filter writes attribute filters")
        r2 = run(t, ["dfg", sample, "--filter", chain])
        check(r1.returncode == 0 and r1.stdout == r2.stdout,
              "--filter FILE with attribute filters reads the attributes and equals the flags")


def dot_format_checks(t):
    """--format dot on variants and perf (paths has its own checks), against the hand count of the
    three-customer log: variants in order [Store], [Web, Phone], [Web, Phone, Web, Phone] (all one case,
    ties by name); Web->Phone durations 60, 300, 120 s (median 120 s), Phone->Web 120 s."""
    log = os.path.join(GOLDEN, "three_customers.csv")
    r = run(t, ["perf", "--format", "dot", log])
    check(r.returncode == 0 and r.stdout.startswith("digraph journeys {")
          and '"Web" -> "Phone" [label="2 min (3)"];' in r.stdout
          and '"Phone" -> "Web" [label="2 min (1)"];' in r.stdout
          and '"Web" [label="Web\\n3, next 2 min"];' in r.stdout,
          "perf --format dot: median step times on the map")
    r = run(t, ["variants", "--top", "2", "--format", "dot", log])
    check(r.returncode == 0 and '"Web" -> "Phone" [label="1"];' in r.stdout and '"Phone" -> "Web"' not in r.stdout
          and '"Store" [label="Store\\n1"];' in r.stdout,
          "variants --top 2 --format dot: only the steps of the two variants shown")


def batch_checks(t, source):
    """render, report and convert on the bundled samples."""
    import re
    en = os.path.join(source, "samples", "journeys_en.csv")
    ja = os.path.join(source, "samples", "journeys_ja.csv")
    with tempfile.TemporaryDirectory() as tmp:
        svg = os.path.join(tmp, "map.svg")
        r = run(t, ["render", en, "-o", svg])
        d = json.loads(run(t, ["dfg", "--no-variants", "--no-performance", en]).stdout)
        with open(svg, encoding="utf-8") as f:
            text = f.read()
        check(r.returncode == 0 and text.count('<g class="node">') == d["num_activities"]
              and text.count('<g class="edge">') == len(d["dfg"]), "render: one node per touchpoint, one edge per step")
        check(text.replace('xmlns="http://www.w3.org/2000/svg"', "").find("http") < 0, "render: no external reference")
        r2 = run(t, ["render", en])
        check(r2.returncode == 0 and r2.stdout == text, "render: same bytes on standard output, run to run")
        r = run(t, ["render", "--format", "dot", en])
        check(r.returncode == 0 and r.stdout.startswith("digraph journeys {"), "render --format dot: the DOT map")
        r = run(t, ["render", "--end-with", "EC purchase", en])
        dd = json.loads(run(t, ["dfg", "--no-variants", "--end-with", "EC purchase", en]).stdout)
        check(r.returncode == 0 and r.stdout.count('<g class="node">') == dd["num_activities"], "render: filter flags apply")
        r = run(t, ["render", "--format", "png", en])
        check(r.returncode == 2, "render --format png: exit 2")
        r = run(t, ["render", "--stages", "--colour", "channel", en])
        check(r.returncode == 0 and r.stdout.count('<g class="node">') == d["num_activities"] and r.stdout != text,
              "render --stages --colour channel: the same touchpoints, placed and coloured by the catalog")
        r = run(t, ["render", "--colour", "rainbow", en])
        check(r.returncode == 2, "render --colour rainbow: exit 2")

        html = os.path.join(tmp, "report.html")
        r = run(t, ["report", ja, "--funnel", "TVCM,公式Webサイト,ECサイト,EC購入", "-o", html])
        with open(html, encoding="utf-8") as f:
            page = f.read()
        names = [x["activity"] for x in json.loads(run(t, ["dfg", "--no-variants", "--no-performance", ja]).stdout)["activities"]]
        check(r.returncode == 0 and 20000 < len(page) < 2000000 and page.startswith("<!DOCTYPE html>"), "report: one HTML file of sane size")
        check(not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:|//)""", page, re.I) and "<script" not in page,
              "report: no external URL, no script")
        check(all(n in page for n in names), "report: every touchpoint name is in the page")
        check('lang="ja"' in page and "ファネル" in page and "失敗需要率" in page, "report: Japanese labels for the Japanese sample")
        r = run(t, ["report", en, "--lang", "en", "-o", html])
        with open(html, encoding="utf-8") as f:
            page = f.read()
        check(r.returncode == 0 and "Failure demand rate" in page and "Bot containment" in page,
              "report --lang en: English labels")
        # Without --funnel: the catalog's stages in order as the funnel, each step counted here from the CSV
        # (a journey reaches step k when it has events of stages 1..k in that order).
        cat = json.loads(run(t, ["catalog"]).stdout)
        stage_of = {tp["name"]: tp["stage"] for tp in cat["touchpoints"]}
        journeys = {}
        with open(en, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                journeys.setdefault(row["customer_id"], []).append((row["timestamp"], stage_of.get(row["touchpoint"])))
        present = {st for events in journeys.values() for _, st in events}
        stages = [st["name"] for st in cat["stages"] if st["name"] in present]
        reached = [0] * len(stages)
        for events in journeys.values():
            k = 0
            for _, st in sorted(events, key=lambda e: e[0]):
                if k < len(stages) and st == stages[k]:
                    reached[k] += 1
                    k += 1
        shown = re.findall(r">([a-z]+)</text>.{0,400}?>([0-9,]+) · ", page[page.find(">Funnel</h2>"):], re.S)
        check([(st, int(n.replace(",", ""))) for st, n in shown] == list(zip(stages, reached)),
              "report: a funnel by journey stage unless --funnel, its counts equal a count from the CSV "
              f"(report {shown}, counted {list(zip(stages, reached))})")
        check(sorted(os.listdir(tmp)) == ["map.svg", "report.html"], "report: written atomically, no temporary file left")
        r = run(t, ["report", en, "--lang", "fr", "-o", html])
        check(r.returncode == 2, "report --lang fr: exit 2")

        for ext in ("csv", "jsonl", "xes"):
            out = os.path.join(tmp, "out." + ext)
            r = run(t, ["convert", ja, "-o", out])
            a = {k: v for k, v in json.loads(run(t, ["dfg", ja]).stdout).items() if k != "meta"}
            b = {k: v for k, v in json.loads(run(t, ["dfg", out]).stdout).items() if k != "meta"}
            ia = json.loads(run(t, ["info", "--json", ja]).stdout)
            ib = json.loads(run(t, ["info", "--json", out]).stdout)
            same_attrs = [(x["name"], x["level"], x["type"]) for x in ia["attributes"]] == \
                         [(x["name"], x["level"], x["type"]) for x in ib["attributes"]]
            check(r.returncode == 0 and a == b and same_attrs, f"convert -o out.{ext}: same journeys and attributes back")
        r = run(t, ["convert", en, "--to", "jsonl", "--end-with", "EC purchase"])
        check(r.returncode == 0 and len(r.stdout.splitlines()) == dd["num_events"], "convert --to jsonl with a filter: kept events")
        r = run(t, ["convert", en, "-o", os.path.join(tmp, "x.txt")])
        check(r.returncode == 2, "convert to an unknown extension: exit 2")


def bad_input_checks(t, source):
    """tests/bad_input/ (and inputs made here): exit code 1 and `tabiji: file:line:column: message`, no
    crash (a signal would show as a negative exit code), within a time limit."""
    bad = os.path.join(source, "tests", "bad_input")
    cases = [  # (file, location after the name, what the message says)
        ("truncated.csv.gz", "", "the gzip file is truncated"),
        ("invalid_utf8.csv", ":3:4", "invalid byte 0xFF: the text is neither UTF-8 nor CP932"),
        ("nul_bytes.csv", ":3:4", "a NUL byte (0x00) in the text"),
        ("wrong_separator.csv", ":1", "no case id column found"),
        ("ragged_rows.csv", ":3:3", "expected 3 fields as in the header, found 2"),
        ("timestamp_out_of_range.csv", ":3:9", "is not a timestamp"),
        ("billion_laughs.xes", ":3:15", "entity declarations are refused"),
        ("empty.csv", "", "the file is empty"),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        head = '{"case_id": "1", "activity": "A", "x": '
        with open(os.path.join(tmp, "deep.jsonl"), "w") as f:
            f.write(head + "[" * 100000 + "]" * 100000 + "}\n")
        cases.append((os.path.join(tmp, "deep.jsonl"), f":1:{len(head) + 256}", "JSON nested deeper than 256 levels"))
        with open(os.path.join(tmp, "long.csv"), "w") as f:
            f.write("case_id,activity,timestamp\n1," + "x" * (10 << 20) + "\n")
        cases.append((os.path.join(tmp, "long.csv"), ":2:3", "expected 3 fields as in the header, found 2"))
        os.mkdir(os.path.join(tmp, "folder.csv"))
        cases.append((os.path.join(tmp, "folder.csv"), "", "the folder holds no log file"))
        for name, where, message in cases:
            path = os.path.join(bad, name)
            r = run(t, ["info", path], timeout=60)
            check(r.returncode == 1 and r.stderr.startswith(f"tabiji: {path}{where}: ") and message in r.stderr,
                  f"bad input {os.path.basename(name)}: exit 1, {where or 'no location'}, '{message}'")
        r = run(t, ["info", "--lenient", os.path.join(bad, "nul_bytes.csv")], timeout=60)
        check(r.returncode == 0, "bad input nul_bytes.csv --lenient: read, the NUL replaced")


def main():
    a = arguments()
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

    mining_checks(t, a.source)
    cx_checks(t, a.source)
    info_checks(t)
    attribute_filter_checks(t, a.source)

    dot_format_checks(t)
    batch_checks(t, a.source)
    bad_input_checks(t, a.source)
    check_batch.filter_checks(t, a.source)
    check_batch.batch_checks(t, a.source)
    check_progress.progress_checks(t, a.source)
    check_report.report_checks(t, a.source)
    check_report.project_checks(t, a.source)
    check_goldens.golden_checks(t, a.source, a.update)
    return summary("cli")


if __name__ == "__main__":
    sys.exit(main())
