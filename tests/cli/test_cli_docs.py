#!/usr/bin/env python3
"""docs/cli.md against the program, so the reference never drifts from `tabiji --help`.

- The commands are the ones `tabiji --help` lists. docs/cli.md has a section "## tabiji COMMAND" for each
  (and none for a command that is gone), holding a ```text block equal to `tabiji COMMAND --help`, byte
  for byte; the "## Commands" section holds `tabiji --help` itself.
- Every example in a --help that uses only the bundled samples runs with exit 0 (in a temporary folder,
  so examples that write files leave nothing behind).

--update rewrites the blocks from the program (and adds a section for a new command at the end); the prose
around them is kept. Review the diff.
"""
import os
import re
import shlex
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import arguments, check, summary  # noqa: E402

FENCE = re.compile(r"```text\n(.*?)```\n", re.S)


def help_of(t, args):
    r = subprocess.run([t] + args, capture_output=True, text=True)
    return r.stdout


def listed_commands(main_help):
    """The command names under "Commands:" in `tabiji --help`."""
    lines = main_help.split("Commands:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    return [line.split()[0] for line in lines if line.startswith("  ") and line.split()]


def sections(doc):
    """{heading: (start, end)} for the "## " sections of the document."""
    marks = [(m.group(1).strip(), m.start()) for m in re.finditer(r"^## (.*)$", doc, re.M)]
    return {h: (s, marks[i + 1][1] if i + 1 < len(marks) else len(doc)) for i, (h, s) in enumerate(marks)}


def expected_blocks(t):
    main_help = help_of(t, ["--help"])
    blocks = {"Commands": main_help}
    for c in listed_commands(main_help):
        blocks[f"tabiji {c}"] = help_of(t, [c, "--help"])
    return blocks


def update(doc, blocks):
    for heading, text in blocks.items():
        where = sections(doc).get(heading)
        if where is None:
            doc = doc.rstrip("\n") + f"\n\n## {heading}\n\n```text\n{text}```\n"
            continue
        s, e = where
        body = doc[s:e]
        m = FENCE.search(body)
        new = f"```text\n{text}```\n"
        body = body[:m.start()] + new + body[m.end():] if m else body.rstrip("\n") + "\n\n" + new + "\n"
        doc = doc[:s] + body + doc[e:]
    return doc


def check_doc(doc, blocks):
    found = sections(doc)
    for heading, text in blocks.items():
        where = found.get(heading)
        m = FENCE.search(doc[where[0]:where[1]]) if where else None
        ok = m is not None and m.group(1) == text
        check(ok, f"docs/cli.md '## {heading}' holds the --help output verbatim")
    for heading in found:
        if heading.startswith("tabiji ") and heading not in blocks:
            check(False, f"docs/cli.md '## {heading}': no such command in `tabiji --help`")


LOG_NAME = re.compile(r"\.(csv|tsv|jsonl|xes|jsonocel|json|gz)$")


def runnable_examples(t, blocks):
    """Example lines of every --help that only read the bundled samples (no pipes, no continuations)."""
    out = []
    for heading, text in blocks.items():
        if "\nExamples:\n" not in text:
            continue
        for line in text.split("\nExamples:\n", 1)[1].splitlines():
            line = re.sub(r"\s{2,}(\(.*\)|#.*)$", "", line.strip())
            if not line.startswith("tabiji ") or line.endswith("\\"):
                continue
            try:
                args = shlex.split(line)[1:]
            except ValueError:
                continue
            outputs = {args[i + 1] for i, a in enumerate(args[:-1]) if a in ("-o", "--output", "--save-filter")}
            inputs = [a for a in args if LOG_NAME.search(a) and a not in outputs]
            if inputs and all(a.startswith("samples/") for a in inputs) and "|" not in args and ">" not in args:
                out.append(args)
    return out


def main():
    a = arguments()
    t = os.path.abspath(a.tabiji)
    path = os.path.join(a.source, "docs", "cli.md")
    with open(path, encoding="utf-8") as f:
        doc = f.read()
    blocks = expected_blocks(t)
    check(len(blocks) > 10 and "tabiji dfg" in blocks and "tabiji filter" in blocks, "`tabiji --help` lists the commands")
    if a.update:
        doc = update(doc, blocks)
        with open(path, "w", encoding="utf-8") as f:
            f.write(doc)
    check_doc(doc, blocks)

    examples = runnable_examples(t, blocks)
    check(len(examples) >= 15, f"{len(examples)} help examples run on the samples")
    with tempfile.TemporaryDirectory() as tmp:
        os.symlink(os.path.join(os.path.abspath(a.source), "samples"), os.path.join(tmp, "samples"))
        for args in examples:
            r = subprocess.run([t] + args, capture_output=True, text=True, cwd=tmp, timeout=120)
            check(r.returncode == 0, f"help example runs: tabiji {shlex.join(args)}"
                  + ("" if r.returncode == 0 else f"\n     {r.stderr.strip()[:300]}"))
    return summary("cli docs")


if __name__ == "__main__":
    sys.exit(main())
