"""Rescoring a partitioned inspection history with Dask — the path for a group whose history
outgrows one machine.

Each partition of a Dask DataFrame (one row per item response) is scored by
``pmq.pandas.score_frame`` through ``map_partitions``; each worker process compiles the
standard once (``pmq.pandas.compiled`` keeps it) and reuses it for every partition it gets.
The history is indexed by inspection, so no inspection is split across partitions. The
result is one row per inspection, the same as scoring the whole history in one process.

    PMQ_LIBRARY=build/dev/libpmq_c.so PYTHONPATH=bindings/python \\
        python3 examples/python/dask_rescore.py [inspections] [partitions]

Needs Debian's python3-pandas, python3-dask and python3-distributed.
"""
import random
import sys

import dask.dataframe as dd
import pandas as pd

import pmq
import pmq.pandas


def synthetic_history(standard_id, inspections, seed=7):
    """One row per item response of `inspections` made-up inspections, reproducible."""
    with pmq.Standard.builtin(standard_id) as standard:
        items = [(i["id"], i["kind"]) for s in standard.to_dict()["sections"] for i in s["items"]]
    rng = random.Random(seed)
    rows = []
    for n in range(inspections):
        ident = f"INS-{n:06d}"
        project = f"P-{n % 17:02d}"
        date = f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}"
        found = False
        for item, kind in items:
            if rng.random() > 0.15:
                continue
            row = {"inspection": ident, "project": project, "date": date, "item": item,
                   "defects": None, "passed": None}
            if kind == "deduct":
                row["defects"] = rng.randint(1, 4)
            elif kind == "pass_fail":
                row["passed"] = False
            else:
                continue
            rows.append(row)
            found = True
        if not found:  # nothing found: the inspection still counts, with full marks
            rows.append({"inspection": ident, "project": project, "date": date, "item": None,
                         "defects": None, "passed": None})
    return pd.DataFrame(rows).set_index("inspection")


def _score_partition(part, standard):
    return pmq.pandas.score_frame(standard, part.reset_index()).results


def rescore(history, standard):
    """Scores a Dask DataFrame of item responses indexed by inspection → a Dask DataFrame of
    results (pmq.pandas.RESULT_COLUMNS), one row per inspection."""
    meta = pd.DataFrame({c: pd.Series(dtype=object) for c in pmq.pandas.RESULT_COLUMNS})
    return history.map_partitions(_score_partition, standard, meta=meta)


def main():
    from distributed import Client, LocalCluster

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    partitions = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    history = dd.from_pandas(synthetic_history("pmq-residential-example", n),
                             npartitions=partitions, sort=True)
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster):
        results = rescore(history, "pmq-residential-example").compute()
    scored = results[results["status"] == "scored"]
    print(f"{len(results)} inspections in {partitions} partitions on 2 workers")
    print(f"mean score {sum(scored['score']) / len(scored):.2f}, "
          f"below 90: {sum(1 for s in scored['score'] if s < 90)}")


if __name__ == "__main__":
    main()
