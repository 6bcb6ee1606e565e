#!/usr/bin/env bash
# Builds the fuzz targets (the "fuzz" preset: clang, libFuzzer, ASan + UBSan) and runs each for a time
# budget, from the seed corpus of make_corpus.sh plus what earlier runs found (out/fuzz/corpus/TARGET).
# Prints per target: executions, executions per second, corpus size, coverage, and findings (crash, leak,
# timeout, out-of-memory inputs saved under out/fuzz/findings/TARGET/). Exit code 1 when anything was found.
#
#   bench/fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default 60 s, every target)
# A finding is reproduced with: build/fuzz/bench/fuzz/TARGET out/fuzz/findings/TARGET/crash-...
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
seconds="${1:-60}"
shift || true
targets=("$@")
((${#targets[@]})) || targets=(fuzz_csv fuzz_csv_parallel fuzz_jsonl fuzz_xes fuzz_ocel fuzz_project)

scripts/setup.sh --fuzz >/dev/null
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "${JOBS:-2}"
bench/fuzz/make_corpus.sh >/dev/null

out="$here/out/fuzz"
found_any=0
printf '\n%-14s %10s %8s %7s %7s %9s\n' target executions exec/s corpus cov findings
for t in "${targets[@]}"; do
    corpus="$out/corpus/$t" findings="$out/findings/$t" log="$out/$t.log"
    mkdir -p "$corpus" "$findings"
    # New inputs go to the first folder; the seeds are only read. A finding stops that target's run.
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "build/fuzz/bench/fuzz/$t" "$corpus" "$out/seeds/$t" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$findings/" >"$log" 2>&1 || true
    execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
    rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)"
    cov="$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)"
    n_found="$(find "$findings" -type f | wc -l)"
    printf '%-14s %10s %8s %7s %7s %9s\n' "$t" "${execs:-?}" "${rate:-?}" "$(ls "$corpus" | wc -l)" \
        "${cov:-?}" "$n_found"
    if ((n_found)); then
        found_any=1
        find "$findings" -type f -printf '    %p\n'
        grep -m 3 -E 'ERROR: |SUMMARY: |fuzz invariant broken|runtime error' "$log" | sed 's/^/    /' || true
    fi
done
echo "(logs: out/fuzz/TARGET.log)"
exit "$found_any"
