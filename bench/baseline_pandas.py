#!/usr/bin/python3
"""The baseline a data analyst would write: pandas read_csv + to_datetime, then the journey graph,
variants and step durations with groupby. Prints one JSON line with the wall time of each stage and
the result sizes, so bench/run.sh can compare against `tabiji dfg` on the same file in the same run.

Run with Debian's python3 (python3-pandas):  /usr/bin/python3 bench/baseline_pandas.py LOG.csv
"""
import json
import sys
import time

import pandas as pd


def main(path, case="customer_id", activity="touchpoint", ts="timestamp"):
    t0 = time.perf_counter()
    df = pd.read_csv(path, usecols=[case, activity, ts], dtype={case: str, activity: str})
    df[ts] = pd.to_datetime(df[ts], utc=True)
    df = df.dropna(subset=[case, activity, ts])
    t_read = time.perf_counter()

    # Ordering rule: by case, then time, ties in file order (mergesort is stable).
    df = df.sort_values([case, ts], kind="mergesort")
    nxt_act = df.groupby(case, sort=False)[activity].shift(-1)
    nxt_ts = df.groupby(case, sort=False)[ts].shift(-1)
    steps = pd.DataFrame({"from": df[activity], "to": nxt_act,
                          "dur": (nxt_ts - df[ts]).dt.total_seconds()}).dropna(subset=["to"])
    dfg = steps.groupby(["from", "to"]).size()
    starts = df.groupby(case, sort=False)[activity].first().value_counts()
    ends = df.groupby(case, sort=False)[activity].last().value_counts()
    t_dfg = time.perf_counter()

    variants = df.groupby(case, sort=False)[activity].agg(tuple).value_counts()
    t_var = time.perf_counter()

    perf = steps.groupby(["from", "to"])["dur"].agg(["count", "mean", "median", "min", "max", "sum", "std"])
    p90 = steps.groupby(["from", "to"])["dur"].quantile(0.9)
    t_perf = time.perf_counter()

    print(json.dumps({
        "events": int(len(df)), "edges": int(len(dfg)), "variants": int(len(variants)),
        "starts": int(starts.sum()), "ends": int(ends.sum()), "perf_rows": int(len(perf)), "p90_rows": int(len(p90)),
        "read_s": round(t_read - t0, 4), "dfg_s": round(t_dfg - t_read, 4), "variants_s": round(t_var - t_dfg, 4),
        "performance_s": round(t_perf - t_var, 4), "total_s": round(t_perf - t0, 4),
        "pandas": pd.__version__,
    }))


if __name__ == "__main__":
    main(*sys.argv[1:])
