#!/usr/bin/env bash
# tabiji-mpi against tabiji: for 1 to 4 ranks, `tabiji-mpi dfg|variants|perf` must print the bytes
# `tabiji` prints (samples, a generated log with interleaved customers, the shared real logs when
# present; filters; other formats), also when the log is given as 3 files whose journeys span files;
# --sketch medians / p90 must lie within the stated relative bound of the exact ones; a malformed file
# or a file a rank cannot open must end the job with tabiji's message and exit code 1, without hanging.
#   test_mpi.sh --tabiji PATH --tabiji-mpi PATH --source DIR
set -euo pipefail
while (($#)); do
    case "$1" in
        --tabiji) tabiji="$2"; shift 2 ;;
        --tabiji-mpi) tabiji_mpi="$2"; shift 2 ;;
        --source) source_dir="$2"; shift 2 ;;
        *) echo "test_mpi: unknown argument $1" >&2; exit 2 ;;
    esac
done
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
# --bind-to none: on a shared CI machine a rank pinned to a busy core would wait for it.
mpirun_=(mpirun --allow-run-as-root --oversubscribe --bind-to none)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0

# same LABEL NP EXPECTED_CMD... -- MPI_ARGS...: tabiji-mpi on NP ranks prints what the tabiji command
# prints. With SOURCE_FREE=1 the "source" member is left out of the comparison (several files).
same() {
    local label="$1" n="$2"; shift 2
    local expected=()
    while [[ "$1" != "--" ]]; do expected+=("$1"); shift; done
    shift
    "${expected[@]}" >"$work/expected.out"
    if timeout 300 "${mpirun_[@]}" -np "$n" "$tabiji_mpi" "$@" >"$work/got.out" 2>"$work/err"; then
        if [[ "${SOURCE_FREE:-0}" == 1 ]]; then
            sed -i '/^ *"source": /d' "$work/expected.out" "$work/got.out"
        fi
        if cmp -s "$work/expected.out" "$work/got.out"; then
            echo "ok   np=$n $label"
            return
        fi
    fi
    echo "FAIL np=$n $label"; cat "$work/err"; diff "$work/expected.out" "$work/got.out" | head -n 10 || true
    failures=$((failures + 1))
}

"$tabiji" generate --events 200000 --seed 5 -o "$work/generated.csv" >/dev/null
# Quoted fields with line breaks: cuts fall inside quotes, so rank 0 reads the file alone (same bytes).
python3 -c "
import random
random.seed(3)
print('case_id,activity,timestamp,note')
for i in range(3000):
    print(f'c{random.randint(1, 300)},{random.choice(\"ABCD\")},2024-01-{1 + i // 200:02d}T{i % 24:02d}:{i % 60:02d}:00Z,\"one\ntwo, three\"')
" >"$work/quoted.csv"
cases=("$source_dir/samples/journeys_en.csv" "$source_dir/samples/journeys_ja.csv" "$work/generated.csv" "$work/quoted.csv")
shared="$source_dir/../shared/data"
[[ -f "$shared/pm4py/receipt.csv" ]] && cases+=("$shared/pm4py/receipt.csv")
[[ -f "$shared/eventdataR/sepsis.csv" ]] && cases+=("$shared/eventdataR/sepsis.csv --sep ;")

for c in "${cases[@]}"; do
    read -r -a argv <<<"$c"
    for n in 1 2 3 4; do same "dfg ${argv[*]}" "$n" "$tabiji" dfg "${argv[@]}" -- dfg "${argv[@]}"; done
done
# variants and perf: every rank count on the generated log, 3 ranks on the real logs.
for c in "$work/generated.csv" "${cases[@]:4}"; do
    read -r -a argv <<<"$c"
    ns=(3) && [[ "$c" == "$work/generated.csv" ]] && ns=(1 2 3 4)
    for n in "${ns[@]}"; do
        for cmd in variants perf; do same "$cmd ${argv[*]}" "$n" "$tabiji" "$cmd" "${argv[@]}" -- "$cmd" "${argv[@]}"; done
    done
done
# Other formats and per-case filters (applied to each rank's cases after the exchange).
g="$work/generated.csv"
same "variants --format csv --top 5" 3 "$tabiji" variants "$g" --format csv --top 5 -- variants "$g" --format csv --top 5
same "variants --format dot --coverage 50" 2 "$tabiji" variants "$g" --format dot --coverage 50 -- variants "$g" --format dot --coverage 50
same "perf --format csv --table touchpoints" 3 "$tabiji" perf "$g" --format csv --table touchpoints -- perf "$g" --format csv --table touchpoints
same "perf --format dot" 2 "$tabiji" perf "$g" --format dot -- perf "$g" --format dot
filters=(--min-events 3 --keep-touchpoint FAQ --from-time 2026-05-01 --time-mode events)
same "dfg ${filters[*]}" 3 "$tabiji" dfg "$g" "${filters[@]}" -- dfg "$g" "${filters[@]}"
same "perf ${filters[*]}" 2 "$tabiji" perf "$g" "${filters[@]}" -- perf "$g" "${filters[@]}"

# One log as 3 files of unequal size whose journeys span files (customers interleave in time): the same
# as tabiji on the whole file, "source" apart.
{ head -n 1 "$g"; sed -n '2,100001p' "$g"; } >"$work/part1.csv"
{ head -n 1 "$g"; sed -n '100002,160001p' "$g"; } >"$work/part2.csv"
{ head -n 1 "$g"; sed -n '160002,$p' "$g"; } >"$work/part3.csv"
files=("$work/part1.csv" "$work/part2.csv" "$work/part3.csv")
for n in 1 2 3 4; do
    SOURCE_FREE=1 same "dfg on 3 files" "$n" "$tabiji" dfg "$g" -- dfg "${files[@]}"
done
SOURCE_FREE=1 same "variants on 3 files" 2 "$tabiji" variants "$g" -- variants "${files[@]}"
SOURCE_FREE=1 same "perf on 3 files" 3 "$tabiji" perf "$g" -- perf "${files[@]}"

# --sketch: every median and p90 within ALPHA (relative) of the exact value; counts, min, max exact.
alpha=0.02
"$tabiji" perf "$g" >"$work/exact.json"
if timeout 120 "${mpirun_[@]}" -np 3 "$tabiji_mpi" perf "$g" --sketch "$alpha" >"$work/sketch.json" 2>"$work/err" &&
    python3 - "$work/exact.json" "$work/sketch.json" "$alpha" <<'EOF'; then
import json, sys
exact, sketch, alpha = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), float(sys.argv[3])
pairs = [(exact["case_durations"], sketch["case_durations"])]
pairs += [(a["time_to_next"], b["time_to_next"]) for a, b in zip(exact["touchpoints"], sketch["touchpoints"])]
pairs += [(a["duration"], b["duration"]) for a, b in zip(exact["edges"], sketch["edges"])]
checked = worst = 0
for e, s in pairs:
    assert e["count"] == s["count"] and e["min"] == s["min"] and e["max"] == s["max"], (e, s)
    for k in ("sum", "mean") + (("stdev",) if e["count"] >= 2 else ()):
        assert abs(e[k] - s[k]) <= 1e-9 * max(1.0, abs(e[k])), (k, e, s)
    for k in ("median", "p90"):
        err = abs(s[k] - e[k])
        assert err <= alpha * abs(e[k]) * (1 + 1e-9) + 1e-12, (k, e[k], s[k])
        worst = max(worst, err / e[k] if e[k] else 0)
        checked += 1
assert checked > 100, checked
print(f"     {checked} quantiles, worst relative error {worst:.4f} <= {alpha}")
EOF
    echo "ok   np=3 perf --sketch $alpha within the bound"
else
    echo "FAIL np=3 perf --sketch $alpha"; cat "$work/err"; failures=$((failures + 1))
fi

# expect_failure LABEL NP RC MESSAGE ARGS...: the job ends (no hang) with exit code RC and MESSAGE.
expect_failure() {
    local label="$1" n="$2" want_rc="$3" message="$4"; shift 4
    set +e
    timeout 120 "${mpirun_[@]}" -np "$n" "$tabiji_mpi" "$@" >/dev/null 2>"$work/err"
    local rc=$?
    set -e
    if ((rc == want_rc)) && grep -qF -- "$message" "$work/err"; then
        echo "ok   np=$n $label: exit $rc, $(head -n 1 "$work/err")"
    else
        echo "FAIL np=$n $label: exit $rc (expected $want_rc, '$message')"; cat "$work/err"
        failures=$((failures + 1))
    fi
}
# A malformed record in the last third of the file: the rank reading it fails; the job must end.
{ head -n 180000 "$g"; echo 'c1,Call center,not-a-time,web,regular,,'; tail -n +180001 "$g"; } >"$work/bad.csv"
set +e
"$tabiji" dfg "$work/bad.csv" >/dev/null 2>"$work/expected.err"
expected_rc=$?
set -e
expect_failure "malformed file" 3 "$expected_rc" "$(head -n 1 "$work/expected.err")" dfg "$work/bad.csv"
# Several files, the last one missing: the rank that reads it fails the job with its message.
expect_failure "missing third file" 3 1 "$work/missing.csv: cannot open" perf "$work/part1.csv" "$work/part2.csv" "$work/missing.csv"
expect_failure "variant filter" 2 2 "not available in tabiji-mpi" dfg "$g" --top-variants 3
expect_failure "attribute filter" 2 2 "not available in tabiji-mpi" variants "$g" --attr segment=regular
((failures == 0)) && echo "test_mpi: all passed" || { echo "test_mpi: $failures failures"; exit 1; }
