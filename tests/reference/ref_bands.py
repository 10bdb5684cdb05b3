"""Reference: band tables (R-SCORE-4, R-SCORE-6, R-OUT-11 standings) and the per-point pay
scheme (R-SCORE-5), classified on exact values. Written from domain.md and docs/scoring.md /
docs/supplier.md, not from pmq's C++."""
from fractions import Fraction

from exact import q

# R-SCORE-4, exactly as the manual writes its edges (含/不含).
PAY_ADJUSTMENT = {
    "id": "pay_adjustment", "min": 0, "max": 100, "bands": [
        {"pay_adjustment": 10, "from": 95, "from_edge": "inclusive"},
        {"pay_adjustment": 5, "from": 90, "from_edge": "inclusive", "to": 95, "to_edge": "exclusive"},
        {"pay_adjustment": 0, "from": 80, "from_edge": "inclusive", "to": 90, "to_edge": "exclusive"},
        {"pay_adjustment": -5, "from": 75, "from_edge": "inclusive", "to": 80, "to_edge": "exclusive"},
        {"pay_adjustment": -10, "to": 75, "to_edge": "exclusive"},
    ]}

# R-SCORE-6: pmq's documented default thresholds (docs/scoring.md).
ANNUAL_GRADES = {
    "id": "annual_grades", "min": 0, "max": 100, "bands": [
        {"label": "优", "from": 95, "from_edge": "inclusive"},
        {"label": "良", "from": 90, "from_edge": "inclusive", "to": 95, "to_edge": "exclusive"},
        {"label": "一般", "from": 80, "from_edge": "inclusive", "to": 90, "to_edge": "exclusive"},
        {"label": "差", "to": 80, "to_edge": "exclusive"},
    ]}

# R-OUT-11: pmq's documented default standings (docs/supplier.md).
SUPPLIER_STANDINGS = {
    "id": "supplier_standings", "min": 0, "max": 100, "bands": [
        {"id": "qualified", "from": 90, "from_edge": "inclusive", "passed": True},
        {"id": "on_notice", "from": 80, "from_edge": "inclusive", "to": 90, "to_edge": "exclusive",
         "passed": True},
        {"id": "unqualified", "to": 80, "to_edge": "exclusive", "passed": False},
    ]}

BUILTIN = {"pay_adjustment": PAY_ADJUSTMENT, "annual_grades": ANNUAL_GRADES,
           "supplier_standings": SUPPLIER_STANDINGS}


class OutOfRange(Exception):
    pass


def contains(table, band, x):
    """Whether exact x is in `band`: an absent edge is the table's end, inclusive."""
    if "from" in band:
        lo = q(band["from"])
        if x < lo or (x == lo and band.get("from_edge", "inclusive") == "exclusive"):
            return False
    elif x < q(table["min"]):
        return False
    if "to" in band:
        hi = q(band["to"])
        if x > hi or (x == hi and band.get("to_edge", "exclusive") == "exclusive"):
            return False
    elif x > q(table["max"]):
        return False
    return True


def classify(table, x):
    """The index of the band exact x falls in; OutOfRange outside [min, max]."""
    x = Fraction(x)
    if x < q(table["min"]) or x > q(table["max"]):
        raise OutOfRange(f"{x} outside [{table['min']}, {table['max']}]")
    hits = [i for i, b in enumerate(table["bands"]) if contains(table, b, x)]
    if len(hits) != 1:
        raise AssertionError(f"the reference's table is not a tiling at {x}: {hits}")
    return hits[0]


def per_point_pay(score, scheme=None):
    """R-SCORE-5: {"passed", "points_lost", "pay_reduction"} (Fractions), or OutOfRange for a
    score outside [0, full]."""
    scheme = scheme or {}
    pass_mark = q(scheme.get("pass_mark", 90))
    per_point = q(scheme.get("percent_per_point", 1))
    rounding = scheme.get("rounding", "whole_points")
    full = q(scheme.get("full_score", 100))
    score = Fraction(score)
    if score < 0 or score > full:
        raise OutOfRange(f"score {score} outside [0, {full}]")
    if score >= pass_mark:
        return {"passed": True, "points_lost": Fraction(0), "pay_reduction": Fraction(0)}
    lost = pass_mark - score
    if rounding == "whole_points":
        lost = Fraction(lost.__floor__())
    elif rounding == "started_points":
        lost = Fraction(lost.__ceil__())
    return {"passed": False, "points_lost": lost, "pay_reduction": lost * per_point}
