#!/usr/bin/env python3
"""Privacy of `tabiji training-pack`, checked from outside the program.

For every source log (the two samples, and logs of ../shared/data when present) the test reads the source
case ids itself (Python's csv module, or an XML parse of the XES), builds a pack with the CLI and proves:
  - no source customer id is in the pack: not as any field of the packed log, not as any string of the
    pack's JSON, and (ids of 4+ characters that are not plain hexadecimal, which a pseudonym could spell by
    chance) nowhere in the pack's bytes at all;
  - no variant (sequence of activities per case, counted here from the packed CSV) has fewer than k cases,
    and, on the samples, the packed cases are exactly as many as the source cases of variants with >= k
    (source variants computed here from the source CSV);
  - the key given with --key-file is not in the pack; packs without a key file get different pseudonyms;
  - --exclude-attr removes the column and its values.
"""
import collections
import csv
import datetime
import gzip
import io
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import clitest
from clitest import check, summary


def read_text(path):
    data = open(path, "rb").read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.decode("utf-8-sig")


def csv_rows(path, sep):
    return list(csv.DictReader(io.StringIO(read_text(path)), delimiter=sep))


def xes_case_ids(path):
    root = ET.fromstring(read_text(path))
    ids = []
    for trace in root.iter():
        if trace.tag.split("}")[-1] != "trace":
            continue
        for child in trace:
            if child.tag.split("}")[-1] == "string" and child.get("key") == "concept:name":
                ids.append(child.get("value"))
    return ids


def source_variant_counts(rows, case_col, act_col, time_col):
    """Variants of a CSV with ISO 8601 timestamps: events per case sorted by time, file order on ties."""
    by_case = collections.OrderedDict()
    for i, r in enumerate(rows):
        if not r[case_col] or not r[act_col]:
            continue
        t = datetime.datetime.fromisoformat(r[time_col])
        by_case.setdefault(r[case_col], []).append((t, i, r[act_col]))
    counts = collections.Counter()
    for events in by_case.values():
        counts[tuple(a for _, _, a in sorted(events))] += 1
    return counts


def json_strings(v):
    if isinstance(v, str):
        yield v
    elif isinstance(v, dict):
        for k, x in v.items():
            yield k
            yield from json_strings(x)
    elif isinstance(v, list):
        for x in v:
            yield from json_strings(x)


def is_plain_hex(s):
    return all(c in "0123456789abcdef" for c in s)


def make_pack(tabiji, log, out, extra):
    return subprocess.run([tabiji, "training-pack", log, "-o", out] + extra, capture_output=True, text=True)


def packed(path):
    raw = open(path, "rb").read()
    doc = json.loads(raw.decode("utf-8"))
    rows = list(csv.reader(io.StringIO(doc["log"]["text"])))
    return raw, doc, rows[0], rows[1:]


def check_pack(name, tabiji, log, ids, k, extra, tmp, expected_cases=None):
    out = os.path.join(tmp, name + ".tjpack")
    r = make_pack(tabiji, log, out, ["--k", str(k)] + extra)
    check(r.returncode == 0, f"{name}: training-pack exits 0 ({r.stderr.strip()[:300]})")
    if r.returncode != 0:
        return None
    raw, doc, header, rows = packed(out)
    check(doc["format"] == "tabiji-training-pack" and doc["privacy"]["k"] == k, f"{name}: format and k")
    ids = set(ids)
    fields = {f for row in rows for f in row}
    check(not (ids & fields), f"{name}: no source id is a field of the packed log ({len(ids)} ids, {len(rows)} events)")
    strings = set(json_strings(doc))
    check(not (ids & strings), f"{name}: no source id is a string of the pack")
    text = raw.decode("utf-8")
    long_ids = [i for i in ids if len(i) >= 4 and not is_plain_hex(i)]
    leaked = [i for i in long_ids if i in text]
    check(not leaked, f"{name}: none of {len(long_ids)} ids of 4+ characters occurs in the bytes {leaked[:3]}")
    case_col, act_col = header.index("case_id"), header.index("activity")
    seqs = collections.OrderedDict()
    for row in rows:
        seqs.setdefault(row[case_col], []).append(row[act_col])
    counts = collections.Counter(tuple(s) for s in seqs.values())
    small = [c for c in counts.values() if c < k]
    check(not small and len(seqs) == doc["log"]["cases"],
          f"{name}: every packed variant has >= {k} cases ({len(counts)} variants, {len(seqs)} cases)")
    check(all(c.startswith("p-") and len(c) >= 18 for c in seqs), f"{name}: case ids are pseudonyms")
    if expected_cases is not None:
        check(len(seqs) == expected_cases, f"{name}: {len(seqs)} packed cases == {expected_cases} expected from the source")
    return out


def main():
    a = clitest.arguments()
    t = a.tabiji
    samples = os.path.join(a.source, "samples")
    shared = os.path.join(a.source, "..", "shared", "data")
    with tempfile.TemporaryDirectory() as tmp:
        for lang, case_col, act_col, time_col in (("en", "customer_id", "touchpoint", "timestamp"),
                                                  ("ja", "顧客ID", "タッチポイント", "日時")):
            log = os.path.join(samples, f"journeys_{lang}.csv")
            rows = csv_rows(log, ",")
            ids = [r[case_col] for r in rows]
            for k in (5, 20):
                counts = source_variant_counts(rows, case_col, act_col, time_col)
                expected = sum(c for c in counts.values() if c >= k)
                check_pack(f"journeys_{lang}.k{k}", t, log, ids, k, [], tmp, expected)

        # The key given is never written; pseudonyms follow the key.
        log = os.path.join(samples, "journeys_en.csv")
        key = os.path.join(tmp, "class.key")
        with open(key, "w") as f:
            f.write("correct horse battery staple 42\n")
        p1 = check_pack("keyed1", t, log, [], 5, ["--key-file", key], tmp)
        p2 = check_pack("keyed2", t, log, [], 5, ["--key-file", key], tmp)
        p3 = check_pack("random", t, log, [], 5, [], tmp)
        if p1 and p2 and p3:
            raw1, raw2, raw3 = (open(p, "rb").read() for p in (p1, p2, p3))
            check(b"correct horse" not in raw1, "the key is not in the pack")
            check(raw1 == raw2, "the same key gives the same pack")
            check(packed(p1)[3][0][0] != packed(p3)[3][0][0], "a random key gives other pseudonyms")

        # --exclude-attr
        p = check_pack("exclude", t, log, [], 5, ["--exclude-attr", "contact_reason", "--exclude-attr", "csat"], tmp)
        if p:
            raw, doc, header, rows = packed(p)
            check("contact_reason" not in header and "csat" not in header and "segment" in header,
                  "--exclude-attr: the columns are gone, others stay")
            check("Returns, exchanges" not in raw.decode("utf-8"), "--exclude-attr: their values are gone")
        r = make_pack(t, log, os.path.join(tmp, "bad.tjpack"), ["--exclude-attr", "no_such_column"])
        check(r.returncode == 1 and "no_such_column" in r.stderr, "--exclude-attr of an unknown attribute: exit 1")
        r = make_pack(t, log, os.path.join(tmp, "bad.tjpack"), ["--k", "0"])
        check(r.returncode == 2, "--k 0: usage error")

        # Real logs of ../shared/data (skipped when absent).
        real = [
            ("receipt", "pm4py/receipt.csv", ",", "case:concept:name", []),
            ("sepsis", "eventdataR/sepsis.csv", ";", "Case ID", []),
            ("ecom", "retentioneering/ecom.csv.gz", ",", "user_id", ["--activity", "event"]),
            ("running-example", "pm4py/running-example.xes", None, None, []),
            ("helpdesk", "pm4py/helpdesk.xes.gz", None, None, []),
        ]
        for name, rel, sep, case_col, extra in real:
            path = os.path.join(shared, rel)
            if not os.path.exists(path):
                print(f"skip {name}: {path} is absent")
                continue
            ids = [r[case_col] for r in csv_rows(path, sep)] if sep else xes_case_ids(path)
            check_pack(name, t, path, ids, 5, extra, tmp)
            check_pack(name + ".k1", t, path, ids, 1, extra, tmp)  # everything packed: only pseudonyms protect

    return summary("training_pack")


if __name__ == "__main__":
    sys.exit(main())
