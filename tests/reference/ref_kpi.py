"""Reference: KPI rates, targets and the expression language (R-KPI-1 … R-KPI-31), exact.
Written from domain.md, docs/kpi.md and issue 9's model, not from pmq's C++.

A value is a Fraction or NO_DATA. Expressions are trees:
  ("num", Fraction) | ("name", str) | ("neg", e) | ("+"|"-"|"*"|"/", a, b)
  | ("<"|"<="|">"|">="|"=="|"!=", a, b) | ("min"|"max", [e…]) | ("if", c, a, b)
"""
from fractions import Fraction

from exact import exact_text, q, render

NO_DATA = None

_CMP = {"<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b,
        ">=": lambda a, b: a >= b, "==": lambda a, b: a == b, "!=": lambda a, b: a != b}


def evaluate(tree, values):
    """Exact value of an expression tree over named values; a zero divisor is no data and no
    data propagates (only the branch of if() that is taken is evaluated)."""
    op = tree[0]
    if op == "num":
        return tree[1]
    if op == "name":
        return q(values[tree[1]])
    if op == "neg":
        v = evaluate(tree[1], values)
        return NO_DATA if v is NO_DATA else -v
    if op in ("min", "max"):
        vs = [evaluate(e, values) for e in tree[1]]
        if any(v is NO_DATA for v in vs):
            return NO_DATA
        return min(vs) if op == "min" else max(vs)
    if op == "if":
        c = evaluate(tree[1], values)
        if c is NO_DATA:
            return NO_DATA
        return evaluate(tree[2] if c != 0 else tree[3], values)
    a = evaluate(tree[1], values)
    b = evaluate(tree[2], values)
    if a is NO_DATA or b is NO_DATA:
        return NO_DATA
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "/":
        return NO_DATA if b == 0 else a / b
    return Fraction(1 if _CMP[op](a, b) else 0)


def text(tree):
    """The expression's source text (fully parenthesised where it matters)."""
    op = tree[0]
    if op == "num":
        v = tree[1]
        return exact_text(v) if v.denominator == 1 else _dec(v)
    if op == "name":
        return tree[1]
    if op == "neg":
        return f"-({text(tree[1])})"
    if op in ("min", "max"):
        return f"{op}({', '.join(text(e) for e in tree[1])})"
    if op == "if":
        return f"if({text(tree[1])}, {text(tree[2])}, {text(tree[3])})"
    return f"({text(tree[1])} {op} {text(tree[2])})"


def _dec(v):
    from exact import number_text
    return number_text(v)


def value_json(v, unit, places):
    """{"exact", "value", "unit"} for a value (a ratio for percent), or {"no_data": True}."""
    if v is NO_DATA:
        return {"no_data": True}
    shown = v * 100 if unit == "percent" else v
    return {"exact": exact_text(v), "value": render(shown, places), "unit": unit}


def check_target(target, v, places):
    """(status, gap text | None) of exact value v against {"op", "threshold", "unit"}."""
    if v is NO_DATA:
        return "no_data", None
    shown = v * 100 if target["unit"] == "percent" else v
    th = q(target["threshold"])
    ok = {"ge": shown >= th, "gt": shown > th, "le": shown <= th, "lt": shown < th,
          "eq": shown == th}[target["op"]]
    return ("met" if ok else "missed"), render(shown - th, places)


def rate(numerator, denominator, places):
    """pmq_rate: the percentage rounded half up, None for no data; ValueError when the model
    refuses the input (a negative numerator or denominator)."""
    if denominator < 0 or numerator < 0:
        raise ValueError("negative count")
    if denominator == 0:
        return None
    return render(Fraction(numerator, denominator) * 100, places)


def rate_check(numerator, denominator, comparator, threshold):
    if denominator < 0 or numerator < 0:
        raise ValueError("negative count")
    if denominator == 0:
        return "no_data"
    status, _ = check_target({"op": comparator, "threshold": threshold, "unit": "percent"},
                             Fraction(numerator, denominator), 2)
    return status


# A subset of the catalogue, written from docs/kpi.md's table: (rule or id, expression tree,
# default target, places, parts that must not exceed their whole).
def _n(name):
    return ("name", name)


CATALOGUE = {
    "R-KPI-12": {"expr": ("/", ("-", _n("valid_complaints"), _n("handled_late")), _n("valid_complaints")),
                 "target": {"op": "ge", "threshold": 100, "unit": "percent"}, "places": 2},
    "R-KPI-10": {"expr": ("/", ("-", ("*", _n("questionnaires"), _n("items_per_questionnaire")),
                                _n("unsatisfied_items")),
                          ("*", _n("questionnaires"), _n("items_per_questionnaire"))),
                 "target": {"op": "ge", "threshold": 98, "unit": "percent"}, "places": 2},
    "R-KPI-11": {"expr": ("/", _n("collected"), _n("due")),
                 "target": {"op": "ge", "threshold": 95, "unit": "percent"}, "places": 2},
    "R-KPI-1": {"expr": ("/", _n("nonconforming"), _n("sent")),
                "target": {"op": "lt", "threshold": 2, "unit": "percent"}, "places": 2},
    "R-KPI-3": {"expr": ("/", _n("errors"), _n("characters")),
                "target": {"op": "le", "threshold": 2, "unit": "percent"}, "places": 2},
    "R-KPI-13": {"expr": ("/", _n("failures"), ("*", _n("lifts"), _n("days"))),
                 "target": {"op": "le", "threshold": 2, "unit": "percent"}, "places": 2},
    "R-KPI-2": {"expr": _n("major_errors"),
                "target": {"op": "eq", "threshold": 0, "unit": "count"}, "places": 0},
    "dept_valid_complaints": {"expr": _n("valid_complaints"),
                              "target": {"op": "le", "threshold": 5, "unit": "count"}, "places": 0},
    "dept_emergency_satisfaction_score": {
        "expr": ("/", ("+", ("+", ("+", ("+", _n("score_1"), ("*", ("num", Fraction(2)), _n("score_2"))),
                                      ("*", ("num", Fraction(3)), _n("score_3"))),
                               ("*", ("num", Fraction(4)), _n("score_4"))),
                        ("*", ("num", Fraction(5)), _n("score_5"))),
                 ("+", ("+", ("+", ("+", _n("score_1"), _n("score_2")), _n("score_3")), _n("score_4")),
                  _n("score_5"))),
        "target": {"op": "ge", "threshold": 4, "unit": "points"}, "places": 2},
}


def evaluate_kpi(definition, counts):
    """{"actual": value_json, "status", "gap"?} of a KPI definition {"expr", "target", "places"}
    (target may be overridden) on counts."""
    v = evaluate(definition["expr"], counts)
    target = definition["target"]
    places = definition["places"]
    status, gap = check_target(target, v, places)
    out = {"actual": value_json(v, target["unit"], places), "status": status}
    if gap is not None:
        out["gap"] = gap
    return out


def _ceil_fen(x):
    return Fraction(-((-x * 100).__floor__()), 100)


def _period_months(period):
    """The first and last month "YYYY-MM" of "2026-03", "2026-Q2", "2026-H1" or "2026"."""
    y = period[:4]
    rest = period[5:]
    if not rest:
        return f"{y}-01", f"{y}-12"
    if rest.startswith("Q"):
        k = int(rest[1:])
        return f"{y}-{3 * k - 2:02d}", f"{y}-{3 * k:02d}"
    if rest.startswith("H"):
        k = int(rest[1:])
        return f"{y}-{6 * k - 5:02d}", f"{y}-{6 * k:02d}"
    return period, period


def fee_plan(plan, period):
    """R-KPI-32 at the end of `period`: for every line, fee type, building and the total —
    due, collected (up to the period's end), collected in the period, the required amount (the
    least amount to the fen meeting the target, computed on the aggregate itself), the
    shortfall, the exact rate and the status. Every line of a plan here shares one target rate,
    so an aggregate's target is that rate."""
    first, last = _period_months(period)
    groups = {}

    def add(key, line):
        g = groups.setdefault(key, {"due": Fraction(0), "collected": Fraction(0),
                                    "in_period": Fraction(0), "rate": q(line["target_rate"])})
        g["due"] += q(line["due"])
        for c in line["collected"]:
            if c["month"] <= last:
                g["collected"] += q(c["amount"])
                if c["month"] >= first:
                    g["in_period"] += q(c["amount"])

    for i, line in enumerate(plan["lines"]):
        add(("lines", i), line)
        add(("by_fee_type", line["fee_type"]), line)
        add(("by_building", line["building"]), line)
        add(("total",), line)
    out = {}
    for key, g in groups.items():
        required = _ceil_fen(g["due"] * g["rate"] / 100)
        rate = NO_DATA if g["due"] == 0 else g["collected"] / g["due"]
        out[key] = {"due": g["due"], "collected": g["collected"], "in_period": g["in_period"],
                    "required": required, "shortfall": max(Fraction(0), required - g["collected"]),
                    "actual": rate,
                    "status": "no_data" if rate is NO_DATA else
                    ("met" if g["collected"] >= required else "missed")}
    return out
