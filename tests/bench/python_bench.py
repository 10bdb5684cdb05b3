#!/usr/bin/env python3
"""Issue 12's Python figures (docs/performance.md), each beside its baseline in the same run:

  score_batch(summary=True) on the built-in standard vs a pure-Python scorer of the same rules
      (tests/bench/pure_python_scorer.py), per inspection, batches of 1 … 10,000; both must give
      the same score, exact value, passed and status for every one of 10,000 seeded inspections;
  score_values_batch (any int64 buffer) vs the C typed batch called directly, 10,000 rows;
  kpi.series (fee_collection_rate, by quarter) vs the same series in pure-Python fractions,
      12 … 1,200 months (linear), both giving the same exact values and statuses.

Run by `sh cmake/dev.sh bench` with PMQ_LIBRARY set; writes JSON (--out FILE) with the ratios.
Not a test: figures depend on the machine, ratios much less so."""
import argparse
import array
import ctypes
import json
import os
import random
import sys
import time
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "bindings", "python"))
sys.path.insert(0, HERE)

import pmq  # noqa: E402
from pmq import scoring as _scoring  # noqa: E402
from pure_python_scorer import Scorer  # noqa: E402


def inspections(standard, n, seed=20261123):
    """n seeded inspections: each item answered or not, defects 0..6, pass/fail, N/A now and
    then, a finding or two on some deductions."""
    rng = random.Random(seed)
    out = []
    for k in range(n):
        responses = []
        for sec in standard["sections"]:
            for it in sec["items"]:
                roll = rng.random()
                if roll < 0.3:
                    continue
                r = {"item": it["id"]}
                if roll < 0.36:
                    r["not_applicable"] = True
                elif it["kind"] == "deduct":
                    if rng.random() < 0.3:
                        r["findings"] = [{"description": "地面有杂物", "location": "3号楼大堂",
                                          "time": "2026-11-18T09:05+08:00",
                                          "department": "保洁部"}] * rng.randrange(1, 3)
                    else:
                        r["defects"] = rng.randrange(0, 7)
                else:
                    r["passed"] = rng.random() < 0.8
                responses.append(r)
        out.append({"id": f"I-{k}", "responses": responses})
    return out


def pure_python_series(months, quarter=True):
    """fee_collection_rate (collected / due, met at ≥ 95 %) per quarter, counts summed and the
    rate recomputed exactly — what an analyst would write with fractions.Fraction."""
    groups = {}
    for m in months:
        year, month = int(m["month"][:4]), int(m["month"][5:7])
        key = (year, (month - 1) // 3 + 1) if quarter else (year, month)
        c = groups.setdefault(key, [0, 0])
        c[0] += m["counts"]["collected"]
        c[1] += m["counts"]["due"]
    out = []
    for key in sorted(groups):
        collected, due = groups[key]
        value = Fraction(collected, due) if due else None
        out.append((value, None if value is None else value * 100 >= 95))
    return out


def months_of(n, seed=5):
    rng = random.Random(seed)
    out = []
    for k in range(n):
        due = rng.randrange(100, 1000)
        out.append({"month": f"{2000 + k // 12:04d}-{k % 12 + 1:02d}",
                    "counts": {"collected": due - rng.randrange(0, 80), "due": due}})
    return out


def best_of(f, repeat):
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        best = min(best, time.perf_counter() - t)
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", help="write the figures as JSON here")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    figures = {}
    with pmq.Standard.builtin() as s:
        definition = s.to_dict()
        scorer = Scorer(definition)
        all_ins = inspections(definition, 10000)

        # Identical decisions on 10,000 seeded inspections.
        mine = [scorer.score(i) for i in all_ins]
        theirs = s.score_batch(all_ins, summary=True)
        mismatches = 0
        for a, b in zip(mine, theirs):
            if (a["status"], a.get("score"), a.get("exact"), a.get("passed"), a["vetoes"],
                    a["failed_sections"]) != (b["status"], b.get("score"), b.get("exact"),
                                              b.get("passed"), b.get("vetoes", []),
                                              b.get("failed_sections", [])):
                mismatches += 1
        figures["identical_scores"] = {"inspections": len(all_ins), "mismatches": mismatches}

        scaling = []
        for n in (1, 10, 100, 1000, 10000):
            batch = all_ins[:n]
            repeat = args.repeat if n >= 1000 else max(args.repeat, 20000 // n)
            t_pure = best_of(lambda: [scorer.score(i) for i in batch], repeat)
            t_pmq = best_of(lambda: s.score_batch(batch, summary=True), repeat)
            t_full = best_of(lambda: s.score_batch(batch), args.repeat) if n <= 1000 else None
            row = {"batch": n, "pure_python_us": 1e6 * t_pure / n,
                   "pmq_summary_us": 1e6 * t_pmq / n,
                   "speedup_vs_pure_python": t_pure / t_pmq}
            if t_full is not None:
                row["pmq_explained_us"] = 1e6 * t_full / n
            scaling.append(row)
        figures["score_batch_summary"] = scaling

        # The typed batch from Python (an array('q') buffer, no per-value loop) vs the C typed
        # batch called directly through ctypes with the same rows.
        rng = random.Random(7)
        items = s.item_count()
        kinds = [it["kind"] for sec in definition["sections"] for it in sec["items"]]
        rows = array.array("q")
        for _ in range(10000):
            for kind in kinds:
                roll = rng.random()
                rows.append(-2 if roll < 0.1 else -1 if roll < 0.3 else
                            rng.randrange(0, 7) if kind == "deduct" else rng.randrange(0, 2))
        out = (ctypes.c_int64 * 10000)()
        rows_ptr = rows.buffer_info()[0]
        raw = s._live()

        def direct():
            _scoring._score_values_batch(raw, rows_ptr, 10000, items, ctypes.addressof(out))

        t_c = best_of(direct, args.repeat * 5)
        t_py = best_of(lambda: s.score_values_batch(rows), args.repeat * 5)
        t_bytes = best_of(lambda: s.score_values_batch(rows.tobytes()), args.repeat * 5)
        same = list(s.score_values_batch(rows)) == list(out)
        figures["typed_batch"] = {
            "rows": 10000, "items": items, "c_direct_ns_per_row": 1e9 * t_c / 10000,
            "python_array_ns_per_row": 1e9 * t_py / 10000,
            "python_bytes_ns_per_row": 1e9 * t_bytes / 10000,
            "python_vs_c_throughput": t_c / t_py, "same_scores": same}
        try:
            import numpy as np
            matrix = np.frombuffer(rows.tobytes(), dtype=np.int64).reshape(10000, items).copy()
            t_np = best_of(lambda: s.score_values_batch(matrix), args.repeat * 5)
            figures["typed_batch"]["python_numpy_ns_per_row"] = 1e9 * t_np / 10000
        except ImportError:
            pass

    # KPI series: pmq (JSON in and out) vs pure-Python fractions, linear in months.
    kpi_rows = []
    kpi_same = True
    for n in (12, 120, 1200):
        months = months_of(n)
        mine = pure_python_series(months)
        theirs = pmq.kpi.series("fee_collection_rate", months, "quarter")
        got = [((p.get("actual") or {}).get("exact"), p["status"]) for p in theirs]
        want = [(v, "met" if ok else "missed") for v, ok in mine]
        kpi_same = kpi_same and got == want
        repeat = max(args.repeat, 1200 // n)
        t_pure = best_of(lambda: pure_python_series(months), repeat)
        t_pmq = best_of(lambda: pmq.kpi.series("fee_collection_rate", months, "quarter"), repeat)
        kpi_rows.append({"months": n, "pure_python_us": 1e6 * t_pure, "pmq_us": 1e6 * t_pmq,
                         "pmq_us_per_month": 1e6 * t_pmq / n,
                         "speedup_vs_pure_python": t_pure / t_pmq})
    figures["kpi_series"] = {"rows": kpi_rows, "same_values": kpi_same}

    text = json.dumps(figures, indent=2)
    print(text)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    return 0 if mismatches == 0 and same and kpi_same else 1


if __name__ == "__main__":
    sys.exit(main())
