"""What the CLI test files share: running `tabiji` and counting checks."""
import argparse
import subprocess

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


def summary(name):
    print(f"{name}: {passed} passed, {len(failures)} failed")
    return 1 if failures else 0


def arguments():
    """--tabiji PROGRAM --source TREE [--update] (rewrite the expected outputs)."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--tabiji", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--update", action="store_true")
    return ap.parse_args()
