"""The progress bar: drawn on stderr when it is a terminal (a pseudo-terminal here), not when stderr is a
pipe, not with --quiet. TABIJI_PROGRESS_DELAY_MS=0 shows it at once, so a small log is enough."""
import os
import pty
import subprocess

from clitest import check

BAR = b"] 100%"


def run_on_pty(args, delay="0"):
    """Runs with stderr on a pseudo-terminal; returns (exit code, what stderr showed)."""
    master, slave = pty.openpty()
    env = dict(os.environ, TABIJI_PROGRESS_DELAY_MS=delay)
    p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    seen = b""
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        seen += data
    p.wait()
    os.close(master)
    return p.returncode, seen


def progress_checks(t, source):
    en = os.path.join(source, "samples", "journeys_en.csv")
    size = os.path.getsize(en)
    rc, seen = run_on_pty([t, "dfg", en])
    check(rc == 0 and BAR in seen and b"11.7 k events" in seen and f"{size / 1000:.1f} kB".encode() in seen,
          "progress: a bar with bytes and events on a terminal")
    check(seen.endswith(b"\r\x1b[K"), "progress: the line is cleared at the end")
    rc, seen = run_on_pty([t, "dfg", "--quiet", en])
    check(rc == 0 and seen == b"", "progress: --quiet shows nothing")
    rc, seen = run_on_pty([t, "dfg", en], delay="60000")
    check(rc == 0 and seen == b"", "progress: nothing for work shorter than the delay")
    env = dict(os.environ, TABIJI_PROGRESS_DELAY_MS="0")
    r = subprocess.run([t, "dfg", en], capture_output=True, env=env)
    check(r.returncode == 0 and r.stderr == b"", "progress: nothing when stderr is a pipe")
    rc, seen = run_on_pty([t, "variants", en, os.path.join(source, "samples", "journeys_ja.csv")])
    total = size + os.path.getsize(os.path.join(source, "samples", "journeys_ja.csv"))
    check(rc == 0 and BAR in seen and f"/ {total / 1e6:.1f} MB".encode() in seen,
          "progress: several logs, one bar over their total size")
    rc, seen = run_on_pty([t, "filter", en, "--end-with", "EC purchase", "--format", "csv", "-o", os.devnull])
    check(rc == 0 and BAR in seen, "progress: filter shows it too")
