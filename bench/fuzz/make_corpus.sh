#!/usr/bin/env bash
# Builds the seed corpus of the fuzz targets in out/fuzz/seeds/TARGET (git-ignored; shared data is never
# committed): the first KBs of every log under ../shared/data (gzip inflated), the samples, the CLI golden
# inputs, JSON Lines made from the CSV seeds, and the project files of tests/data. Idempotent.
#
#   bench/fuzz/make_corpus.sh [SEED_BYTES]     (default 4096, libFuzzer's default input size limit)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bytes="${1:-4096}"
seeds="$here/out/fuzz/seeds"
shared="$here/../shared/data"
rm -rf "$seeds" && mkdir -p "$seeds"/{fuzz_csv,fuzz_csv_parallel,fuzz_jsonl,fuzz_xes,fuzz_ocel,fuzz_project}

# The first bytes of a file, gzip inflated whatever its name.
head_of() {
    if [[ "$(head -c 2 "$1" | od -An -tx1 | tr -d ' ')" == "1f8b" ]]; then
        { gzip -dc "$1" 2>/dev/null || true; } | head -c "$bytes"
    else
        head -c "$bytes" "$1"
    fi
}

add() { # add TARGET FILE
    local name
    name="$(basename "$2")"
    head_of "$2" >"$seeds/$1/${name//[^A-Za-z0-9._-]/_}"
}

if [[ -d "$shared" ]]; then
    while IFS= read -r -d '' f; do
        case "$f" in
            *.csv | *.csv.gz) add fuzz_csv "$f" ;;
            *.xes | *.xes.gz) add fuzz_xes "$f" ;;
            *.jsonocel | *.jsonocel.gz)
                add fuzz_jsonl "$f" # JSON text: reaches the JSON parser's paths
                # OCEL needs a whole document: the small ones whole, else a cut one (the fuzzer closes it).
                if (($(stat -c %s "$f") <= 65536)); then cp "$f" "$seeds/fuzz_ocel/"; else add fuzz_ocel "$f"; fi
                ;;
        esac
    done < <(find "$shared" -type f -print0)
else
    echo "make_corpus: $shared not found; seeds from the repository only" >&2
fi
for f in "$here"/samples/*.csv "$here"/tests/cli/golden/*.csv; do add fuzz_csv "$f"; done
for f in "$here"/tests/data/project_v1.*; do cp "$f" "$seeds/fuzz_project/"; done # whole: they are small
cp "$seeds"/fuzz_csv/* "$seeds/fuzz_csv_parallel/" # the same CSV, read on several threads

# JSON Lines: the CSV seeds' complete rows as one object per line, up to SEED_BYTES.
python3 - "$seeds/fuzz_csv" "$seeds/fuzz_jsonl" "$bytes" <<'PY'
import csv, io, json, os, sys
src, dst, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
for name in sorted(os.listdir(src)):
    text = open(os.path.join(src, name), encoding="utf-8", errors="replace").read()
    lines = text.splitlines()[:-1]  # the last line may be cut
    sep = max(",;\t|", key=lambda c: lines[0].count(c)) if lines else ","
    rows = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=sep))
    out = b""
    for row in rows:
        line = (json.dumps(row, ensure_ascii=False) + "\n").encode()
        if len(out) + len(line) > limit:
            break
        out += line
    with open(os.path.join(dst, name + ".jsonl"), "wb") as f:
        f.write(out)
PY
for t in "$seeds"/*; do echo "make_corpus: $(basename "$t"): $(ls "$t" | wc -l) seeds"; done
