"""Concern "supplier": the monthly evaluation and settlement (R-OUT-4, with R-OUT-5's pro-rata
settlement and R-OUT-7's roster) and the yearly standings (R-OUT-11) — by ref_supplier and by
pmq.supplier.evaluate_month / evaluate_year.

Staffing months are kept simple on purpose (ages inside their ranges, no certificates required,
no patrolling staff, no changes): they exercise vacancy runs, person-days and the roster date,
the parts that feed the settlement's arithmetic."""
import calendar
import copy
from decimal import Decimal
from fractions import Fraction

import pmq

import ref_supplier
from exact import dumps, number_text, q, round_half_up
from gen import dec, near
from pmqlib import Refused, call

RECORD_KINDS = ["minor_nonconformity", "serious_nonconformity", "audit_failure",
                "valid_complaint", "valid_complaint_late"]
ROLES = [("保洁员", "cleaner", "1990-06-01"), ("秩序维护员", "security", "1996-03-01"),
         ("维修工", "maintenance", "1984-01-01")]
REASONS = ["breaking_law", "safety_accident", "falsification", "subcontracting"]


def _staffing(rng, year, month):
    days = calendar.monthrange(year, month)[1]
    contract, roster, attendance = [], [], []
    for role, kind, born in rng.sample(ROLES, rng.randint(1, 3)):
        h = rng.randint(1, 6)
        contract.append({"role": role, "kind": kind, "headcount": h})
        roster += [{"id": f"{kind[:2].upper()}{k}", "role": role, "birth_date": born} for k in range(h)]
        present = [h] * days
        for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):  # vacancy runs of 1–8 days
            start = rng.randint(0, days - 1)
            for d in range(start, min(days, start + rng.randint(1, 8))):
                present[d] = rng.randint(0, h - 1)
        if rng.random() < 0.2:  # extra staff one day: does not make up for a vacancy
            present[rng.randint(0, days - 1)] = h + 1
        attendance.append({"role": role, "present": present})
    return {"supplier": "SUP", "year": year, "month": month, "contract": contract,
            "roster": roster, "roster_submitted": f"{year}-{month:02d}-{rng.choice([1, 3, 5, 5, 6, 8]):02d}",
            "attendance": attendance}


def _rules(rng):
    rules = {}
    if rng.random() < 0.5:
        rules["satisfaction_target"] = rng.choice([Decimal(95), Decimal(90), dec(rng, 80, 100)])
    if rng.random() < 0.5:
        rules["points_per_percent_below"] = rng.choice([Decimal(1), Decimal(2), dec(rng, "0.1", 3)])
    if rng.random() < 0.5:
        rules["deductions"] = [{"kind": k, "title": k, "points_each": dec(rng, 0, 6),
                                "fine_each": dec(rng, 0, 300, 2)}
                               for k in ref_supplier.DEDUCTIONS]
    if rng.random() < 0.5:
        fr = {}
        if rng.random() < 0.5:
            fr["pass_mark"] = rng.choice([Decimal(90), Decimal(80), dec(rng, 60, 100)])
        if rng.random() < 0.5:
            fr["percent_per_point"] = rng.choice([Decimal(0), Decimal(1), dec(rng, 0, "1.1")])
        if rng.random() < 0.5:
            fr["rounding"] = rng.choice(["whole_points", "started_points", "exact"])
        rules["fee_reduction"] = fr
    return rules or None


def generate(rng):
    if rng.random() < 0.35:
        return _year_case(rng)
    year, month = rng.choice([2025, 2026, 2028]), rng.randint(1, 12)
    record = {"supplier": "SUP", "year": year, "month": month,
              "fee": rng.choice([Decimal(30000), dec(rng, 0, 200000, 2), dec(rng, 0, 10 ** 8, 2)])}
    if rng.random() < 0.8:
        s = rng.choice([0, 7, 100, 200, 300, rng.randint(1, 5000)])
        if s and rng.random() < 0.5:  # near the 95 % target
            sat = min(s, max(0, int(Fraction(95, 100) * s) + rng.randint(-2, 2)))
        else:
            sat = rng.randint(0, s)
        record["satisfaction"] = {"surveyed": s, "satisfied": sat}
    incidents = [{"kind": k, "count": rng.choice([0, 1, 1, 2, 3, 5, 40])}
                 for k in rng.sample(RECORD_KINDS, rng.randint(0, 5))]
    if incidents:
        record["incidents"] = incidents
    if rng.random() < 0.5:
        record["staffing"] = _staffing(rng, year, month)
    return {"kind": "month", "record": record, "rules": _rules(rng)}


def _year_case(rng):
    suppliers = []
    for k in range(rng.randint(1, 6)):
        style = rng.random()
        n = rng.choice([0, 1, 2, 3, 6, 12, 12])
        if style < 0.5:
            edge = rng.choice([80, 90, 100, 0])
            scores = []
            for _ in range(n):
                x = near(rng, edge)
                x = min(max(x, Fraction(0)), Fraction(100))
                x = Fraction(round(x * 1000), 1000)
                scores.append(Decimal(x.numerator * 1000 // x.denominator).scaleb(-3))
        else:
            scores = [dec(rng, 0, 100) for _ in range(n)]
        s = {"supplier": f"SUP-{k}", "monthly_scores": scores}
        if rng.random() < 0.1:
            s["violations"] = [{"reason": rng.choice(REASONS), "date": "2026-06-15"}]
        suppliers.append(s)
    return {"kind": "year", "review": {"year": 2026, "decided": "2026-12-31", "suppliers": suppliers}}


def fixed():
    return [
        # Issue 9 §4: [79.999, 80] averages 79.9995: below 80, unqualified.
        ("year_79.9995", {"kind": "year", "review": {"year": 2026, "decided": "2026-12-31", "suppliers": [
            {"supplier": "A", "monthly_scores": [Decimal("79.999"), 80]}]}}),
        ("year_89.9995", {"kind": "year", "review": {"year": 2026, "decided": "2026-12-31", "suppliers": [
            {"supplier": "A", "monthly_scores": [Decimal("89.999"), 90]}]}}),
        # docs/supplier.md's worked example without staffing: score 85, fee reduced 5 %.
        ("month_worked", {"kind": "month", "rules": None, "record": {
            "supplier": "SUP-CLEAN", "year": 2026, "month": 11, "fee": 30000,
            "satisfaction": {"surveyed": 200, "satisfied": 188},
            "incidents": [{"kind": "minor_nonconformity", "count": 3},
                          {"kind": "serious_nonconformity", "count": 1},
                          {"kind": "valid_complaint", "count": 2},
                          {"kind": "valid_complaint_late", "count": 1}]}}),
        # Rounding once: an exact per-point reduction of 0.0025 % is not first rounded to 0.003 %.
        ("month_exact_reduction", {"kind": "month", "rules": {
            "deductions": [{"kind": "minor_nonconformity", "title": "一般不合格",
                            "points_each": Decimal("10.5"), "fine_each": 0}],
            "fee_reduction": {"rounding": "exact", "percent_per_point": Decimal("0.005")}},
            "record": {"supplier": "S", "year": 2026, "month": 11, "fee": 30000,
                       "incidents": [{"kind": "minor_nonconformity", "count": 1}]}}),
    ]


def show(case):
    return case


def _n(x):
    return "<absent>" if x is None else number_text(x)


def reference(case):
    if case["kind"] == "year":
        r = ref_supplier.evaluate_year(case["review"])
        out = {"qualified_suppliers": ",".join(r["qualified_suppliers"])}
        for sid, s in r["suppliers"].items():
            out[f"suppliers[{sid}].months"] = str(s["months"])
            out[f"suppliers[{sid}].score"] = _n(s["score"])
            out[f"suppliers[{sid}].band"] = s["band"] or "no_data"
            out[f"suppliers[{sid}].qualified"] = str(s["qualified"]).lower()
        return out
    r = ref_supplier.evaluate_month(case["record"], case["rules"])
    out = {k: _n(v) if not isinstance(v, bool) else str(v).lower() for k, v in r.items()
           if k != "satisfaction_rate"}
    # the reduction is applied exactly; shown, like every points value, to 3 places
    out["fee_reduction_percent"] = _n(round_half_up(r["fee_reduction_percent"], 3))
    out["satisfaction_rate"] = _rate(r.get("satisfaction_rate"))
    return out


def _rate(x):
    if x is None:
        return "<absent>"
    from exact import render
    return render(x, 2)


FIELDS = ["points_deducted", "score", "passed", "fee_reduction_percent", "settled_by_attendance",
          "base_amount", "fines", "settlement", "settlement_floored", "satisfaction_deduction",
          "contracted_person_days", "attended_person_days"]


def library(case):
    try:
        if case["kind"] == "year":
            r = call(pmq.supplier.evaluate_year, dumps(case["review"]))
            out = {"qualified_suppliers": ",".join(r.get("qualified_suppliers", []))}
            for s in r.get("suppliers", []):
                sid = s["supplier"]
                out[f"suppliers[{sid}].months"] = str(s.get("months"))
                out[f"suppliers[{sid}].score"] = _n(s.get("score"))
                # no months: no standing, written as an absent band or "no_data"
                out[f"suppliers[{sid}].band"] = s.get("band", "no_data")
                out[f"suppliers[{sid}].qualified"] = str(s.get("qualified")).lower()
            return out
        rules = case["rules"]
        r = call(pmq.supplier.evaluate_month, dumps(case["record"]),
                 dumps(rules) if rules else None)
    except Refused as e:
        return {"error": e.args[0]["error"], "~detail": e.args[0]["detail"]}
    out = {}
    for k in FIELDS:
        if k in ("contracted_person_days", "attended_person_days") and "staffing" not in case["record"]:
            continue
        v = r.get(k)
        out[k] = str(v).lower() if isinstance(v, bool) else _n(v)
    out["satisfaction_rate"] = r.get("satisfaction_rate", "<absent>")
    return out


def shrink(case):
    if case["kind"] == "year":
        sup = case["review"]["suppliers"]
        for i in range(len(sup)):
            if len(sup) > 1:
                c = copy.deepcopy(case)
                c["review"]["suppliers"].pop(i)
                yield c
        for i, s in enumerate(sup):
            for j in range(len(s["monthly_scores"])):
                c = copy.deepcopy(case)
                c["review"]["suppliers"][i]["monthly_scores"].pop(j)
                yield c
            if "violations" in s:
                c = copy.deepcopy(case)
                del c["review"]["suppliers"][i]["violations"]
                yield c
        return
    rec = case["record"]
    for field in ("staffing", "satisfaction", "incidents"):
        if field in rec:
            c = copy.deepcopy(case)
            del c["record"][field]
            yield c
    for i in range(len(rec.get("incidents", []))):
        c = copy.deepcopy(case)
        c["record"]["incidents"].pop(i)
        yield c
    if case["rules"]:
        for k in list(case["rules"]):
            c = copy.deepcopy(case)
            del c["rules"][k]
            c["rules"] = c["rules"] or None
            yield c
    if q(rec["fee"]) != 30000:
        c = copy.deepcopy(case)
        c["record"]["fee"] = 30000
        yield c
    st = rec.get("staffing")
    if st and len(st["contract"]) > 1:
        for i in range(len(st["contract"])):
            c = copy.deepcopy(case)
            role = c["record"]["staffing"]["contract"].pop(i)["role"]
            c["record"]["staffing"]["roster"] = [p for p in st["roster"] if p["role"] != role]
            c["record"]["staffing"]["attendance"] = [a for a in st["attendance"] if a["role"] != role]
            yield c
