#!/usr/bin/env bash
# tabiji-mpi against tabiji: for 1 to 4 ranks, `tabiji-mpi dfg` must print the bytes `tabiji dfg` prints
# (samples, a generated log with interleaved customers, the shared real logs when present), and a
# malformed file must end a 3-rank job with tabiji's message and exit code 1, without hanging.
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
mpirun_=(mpirun --allow-run-as-root --oversubscribe)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0

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
    "$tabiji" dfg "${argv[@]}" >"$work/expected.json"
    for n in 1 2 3 4; do
        if timeout 300 "${mpirun_[@]}" -np "$n" "$tabiji_mpi" dfg "${argv[@]}" >"$work/got.json" 2>"$work/err" &&
            cmp -s "$work/expected.json" "$work/got.json"; then
            echo "ok   np=$n ${argv[*]}"
        else
            echo "FAIL np=$n ${argv[*]}"; cat "$work/err"; failures=$((failures + 1))
        fi
    done
done

# A malformed record in the last third of the file: the rank reading it fails; the job must end.
{ head -n 180000 "$work/generated.csv"; echo 'c1,Call center,not-a-time,web,regular,,'; tail -n +180001 "$work/generated.csv"; } >"$work/bad.csv"
set +e
"$tabiji" dfg "$work/bad.csv" >/dev/null 2>"$work/expected.err"
expected_rc=$?
timeout 120 "${mpirun_[@]}" -np 3 "$tabiji_mpi" dfg "$work/bad.csv" >/dev/null 2>"$work/err"
rc=$?
set -e
if ((rc == expected_rc && rc == 1)) && grep -qF "$(head -n 1 "$work/expected.err")" "$work/err"; then
    echo "ok   np=3 malformed file: exit $rc, $(head -n 1 "$work/expected.err")"
else
    echo "FAIL np=3 malformed file: exit $rc (expected $expected_rc)"; cat "$work/err"; failures=$((failures + 1))
fi
((failures == 0)) && echo "test_mpi: all passed" || { echo "test_mpi: $failures failures"; exit 1; }
