"""`tabiji report` references nothing outside itself: no http(s):// address (XML namespace names, which are
never fetched, aside), no protocol-relative //host, no url(...) but #fragment or data:, no src= but data:,
no href= but #fragment or data:, and no <script>, <link>, <iframe>, <object>, <embed>, <base> or @import.
The checker is first shown pages that break each rule, so it is known to catch them."""
import os
import re
import tempfile

from clitest import check, run

NAMESPACES = re.compile(r'xmlns(:\w+)?="http://www\.w3\.org/[^"]*"')
RULES = [
    ("an http(s):// address", re.compile(r"https?://", re.I)),
    ("a protocol-relative //host", re.compile(r"""(=\s*["']?|url\(\s*["']?)\s*//""", re.I)),
    ("url() pointing outside", re.compile(r"""url\(\s*(?!["'\s]*(#|data:))""", re.I)),
    ("src= to something but data:", re.compile(r"""\bsrc\s*=\s*(?!["'\s]*data:)""", re.I)),
    ("href= to something but #fragment or data:", re.compile(r"""\bhref\s*=\s*(?!["'\s]*(#|data:))""", re.I)),
    ("an element that loads or runs something", re.compile(r"<(script|link|iframe|object|embed|base)\b", re.I)),
    ("@import", re.compile(r"@import", re.I)),
]


def external_references(page):
    """What in the page points outside it (empty when nothing does)."""
    text = NAMESPACES.sub("", page)
    return [f"{what}: ...{text[max(0, m.start() - 30):m.end() + 30]}..." for what, rule in RULES
            for m in [rule.search(text)] if m]


def report_checks(t, source):
    bad_pages = {
        "an http(s):// address": '<p>see https://example.com</p>',
        "a protocol-relative //host": '<a x="//cdn.example.com/a.css">',
        "url() pointing outside": '<style>body{background:url(img/a.png)}</style>',
        "src= to something but data:": '<img src="logo.png">',
        "href= to something but #fragment or data:": '<a href="page.html">',
        "an element that loads or runs something": '<script>1</script>',
        "@import": '<style>@import "x.css";</style>',
    }
    for what, page in bad_pages.items():
        found = external_references('<svg xmlns="http://www.w3.org/2000/svg"></svg>' + page)
        check(len(found) == 1 and found[0].startswith(what), f"reference checker catches {what}")
    check(external_references('<svg xmlns="http://www.w3.org/2000/svg"><use href="#a"/></svg>'
                              '<img src="data:image/png;base64,AA"><style>a{fill:url(#g)}</style>') == [],
          "reference checker passes namespaces, #fragments and data:")

    logs = [("samples/journeys_en.csv", ["--lang", "en", "--funnel", "TV ad,Official website,EC site,EC purchase"]),
            ("samples/journeys_ja.csv", ["--funnel", "TVCM,公式Webサイト,ECサイト,EC購入"])]
    shared = os.path.join(source, "..", "shared", "data")
    if os.path.isdir(shared):
        logs += [(os.path.join(shared, "eventdataR", "sepsis.csv"), []),
                 (os.path.join(shared, "pm4py", "helpdesk.xes.gz"), ["--lang", "ja"])]
    with tempfile.TemporaryDirectory() as tmp:
        for log, flags in logs:
            out = os.path.join(tmp, "r.html")
            r = run(t, ["report", log, *flags, "-o", out], cwd=source)
            with open(out, encoding="utf-8") as f:
                page = f.read()
            found = external_references(page)
            check(r.returncode == 0 and len(page) > 20000 and found == [],
                  f"report {os.path.basename(log)}: self-contained, no external reference" + "".join(f"\n     {x}" for x in found[:3]))


def project_checks(t, source):
    """--project (tests/data/project_v1.json, saved by the browser app: keep journeys with 'Call center',
    2 to 50 events; language ja): its catalog (unless --catalog) and its filters (after the flags); a version-2 project's first
    saved funnel goes into the report."""
    import json
    en = os.path.join(source, "samples", "journeys_en.csv")
    v1 = os.path.join(source, "tests", "data", "project_v1.json")
    same = json.loads(run(t, ["dfg", "--keep-touchpoint", "Call center", "--min-events", "2", "--max-events", "50",
                              "--start-with", "TV ad", en]).stdout)
    r = run(t, ["cx", "--project", v1, "--start-with", "TV ad", en])
    d = json.loads(r.stdout)
    check(r.returncode == 0 and (d["num_cases"], d["num_events"]) == (same["num_cases"], same["num_events"]) > (0, 0),
          "cx --project: the project's filters, then the flags")
    with tempfile.TemporaryDirectory() as tmp:
        catalog = os.path.join(tmp, "catalog.json")
        run(t, ["catalog", "--lang", "ja", "-o", catalog])
        a = json.loads(run(t, ["cx", "--project", v1, "--catalog", catalog, en]).stdout)
        b = json.loads(run(t, ["cx", "--catalog", catalog, "--keep-touchpoint", "Call center", "--min-events", "2",
                               "--max-events", "50", en]).stdout)
        check(a == b and a["num_cases"] > 0, "--project with --catalog: the flag's catalog, the project's filters")
        with open(v1, encoding="utf-8") as f:
            p = json.load(f)
        p["project"]["cereal_class_version"] = 2
        p["project"]["funnels"] = [{"cereal_class_version": 1, "name": "purchase",
                                    "steps": ["TV ad", "Official website", "EC purchase"], "max_gap_seconds": 0.0}]
        v2 = os.path.join(tmp, "v2.json")
        with open(v2, "w", encoding="utf-8") as f:
            json.dump(p, f)
        out = os.path.join(tmp, "r.html")
        r = run(t, ["report", en, "--project", v2, "-o", out])
        page = open(out, encoding="utf-8").read() if r.returncode == 0 else ""
        check(r.returncode == 0 and 'lang="ja"' in page and "ファネル" in page and "Official website" in page,
              "report --project: the project's language and first saved funnel" + ("" if r.returncode == 0 else "\n     " + r.stderr))
        r = run(t, ["report", en, "--project", v2, "--lang", "en", "-o", out])
        page = open(out, encoding="utf-8").read()
        check(r.returncode == 0 and 'lang="en"' in page and "Funnel" in page, "report --project --lang en: the flag wins")
