"""Reference: a supplier's monthly evaluation and settlement (R-OUT-4, R-OUT-5 pro-rata,
R-OUT-7 roster) and the yearly standings (R-OUT-11), exact. Written from docs/supplier.md and
issue 9's model, not from pmq's C++.

Monthly (docs/supplier.md "Monthly evaluation and settlement"):
  satisfaction deduction = (target − satisfied ÷ surveyed × 100) × points_per_percent_below,
      rounded half up to 1/1000 point (as docs/supplier.md states), only below the target;
  score = max(0, full − deduction − Σ count × points_each);
  fee reduction % = R-SCORE-5's per-point scheme on the score (90, 1 %, whole points);
  settlement = max(0, round_half_up(fee × attended ÷ contracted × (100 − reduction) ÷ 100, fen)
                      − Σ count × fine_each).
Yearly: the mean of the monthly scores, its standing decided on the EXACT mean.
"""
import calendar
from fractions import Fraction

import ref_bands
from exact import q, round_half_up

DEDUCTIONS = {  # kind: (points_each, fine_each) — docs/supplier.md's default table
    "minor_nonconformity": ("1", "15"),
    "serious_nonconformity": ("3", "50"),
    "audit_failure": ("5", "200"),
    "valid_complaint": ("2", "50"),
    "valid_complaint_late": ("5", "200"),
    "unfilled_vacancy": ("2", "0"),
    "manager_change_violation": ("2", "0"),
    "late_roster": ("1", "0"),
    "excess_staff_changes": ("1", "0"),
    "age_out_of_range": ("1", "0"),
    "missing_certificate": ("2", "0"),
    "missing_patrol_record": ("0.5", "0"),
}


def staffing(month, grace=3, roster_due_day=5):
    """(contracted, attended, incidents {kind: count}) of a staffing month: vacancy runs longer
    than the grace days (one violation per run, within the month) and a late roster."""
    days = calendar.monthrange(month["year"], month["month"])[1]
    contracted = attended = 0
    incidents = {}
    heads = {r["role"]: r["headcount"] for r in month["contract"]}
    for att in month["attendance"]:
        h = heads[att["role"]]
        contracted += h * days
        run = 0
        for present in att["present"]:
            attended += min(present, h)
            if present < h:
                run += 1
                if run == grace + 1:
                    incidents["unfilled_vacancy"] = incidents.get("unfilled_vacancy", 0) + 1
            else:
                run = 0
    sub = month.get("roster_submitted")
    if sub is not None:
        y, m, d = (int(x) for x in sub.split("-"))
        if (y, m) == (month["year"], month["month"]) and d > roster_due_day:
            incidents["late_roster"] = 1
    return contracted, attended, incidents


def evaluate_month(record, rules=None):
    rules = rules or {}
    full = q(rules.get("full_score", 100))
    target = q(rules.get("satisfaction_target", 95))
    per_pct = q(rules.get("points_per_percent_below", 1))
    table = {k: (q(p), q(f)) for k, (p, f) in DEDUCTIONS.items()}
    if "deductions" in rules:
        table = {d["kind"]: (q(d["points_each"]), q(d["fine_each"])) for d in rules["deductions"]}
    scheme = dict(rules.get("fee_reduction", {}))

    counts = {}
    for inc in record.get("incidents", []):
        counts[inc["kind"]] = counts.get(inc["kind"], 0) + inc["count"]
    by_attendance = False
    ratio = Fraction(1)
    out = {}
    if "staffing" in record:
        contracted, attended, st = staffing(record["staffing"])
        for k, n in st.items():
            counts[k] = counts.get(k, 0) + n
        by_attendance = st.get("unfilled_vacancy", 0) > 0
        if by_attendance:
            ratio = Fraction(attended, contracted)
        out["contracted_person_days"] = contracted
        out["attended_person_days"] = attended  # what was on site; used only when by_attendance

    deduction = Fraction(0)
    sat = record.get("satisfaction")
    if sat and sat["surveyed"] > 0:
        rate = Fraction(sat["satisfied"], sat["surveyed"]) * 100
        out["satisfaction_rate"] = round_half_up(rate, 2)
        if rate < target:
            deduction = round_half_up((target - rate) * per_pct, 3)
    out["satisfaction_deduction"] = deduction

    points = deduction
    fines = Fraction(0)
    for kind, n in counts.items():
        if kind in table:
            p, f = table[kind]
            points += n * p
            fines += n * f
    score = max(Fraction(0), full - points)
    pp = ref_bands.per_point_pay(score, {**scheme, "full_score": full})
    reduction = pp["pay_reduction"]
    fee = q(record["fee"])
    amount = round_half_up(fee * ratio * (100 - reduction) / 100, 2)
    settlement = amount - fines
    out.update({
        "points_deducted": points, "score": score, "passed": pp["passed"],
        "fee_reduction_percent": reduction, "settled_by_attendance": by_attendance,
        "base_amount": round_half_up(fee * ratio, 2), "fines": fines,
        "settlement": max(Fraction(0), settlement), "settlement_floored": settlement < 0,
    })
    return out


def evaluate_year(review, rules=None):
    """{supplier: {"exact", "score" (3 places), "months", "band", "qualified"}} and the
    qualified list, standings decided on the exact mean."""
    table = (rules or {}).get("standings", ref_bands.SUPPLIER_STANDINGS)
    suppliers = {}
    qualified = []
    for s in review["suppliers"]:
        scores = [q(x) for x in s["monthly_scores"]]
        if not scores:
            suppliers[s["supplier"]] = {"months": 0, "exact": None, "score": None, "band": None,
                                        "qualified": False}
            continue
        mean = sum(scores, Fraction(0)) / len(scores)
        band = table["bands"][ref_bands.classify(table, mean)]
        ok = bool(band.get("passed")) and not s.get("violations")
        suppliers[s["supplier"]] = {"months": len(scores), "exact": mean,
                                    "score": round_half_up(mean, 3), "band": band["id"],
                                    "qualified": ok}
        if ok:
            qualified.append(s["supplier"])
    return {"suppliers": suppliers, "qualified_suppliers": qualified}
