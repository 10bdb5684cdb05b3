"""Concern "kpi": exact rates and targets (R-KPI-*, R-KPI-31) and the expression language, with
values up to 10^18, by ref_kpi and by pmq.kpi.rate / rate_check / evaluate /
evaluate_custom / evaluate_expression.

Kinds of case: "rate" (pmq_rate), "check" (pmq_rate_check), "catalogue" (a catalogue KPI of
docs/kpi.md on random counts), "custom" (a random expression as a KPI with a target near its
value), "expr" (a random expression over named values)."""
import copy
from decimal import Decimal
from fractions import Fraction

import pmq

import ref_kpi
from exact import dumps, q, render, to_decimal
from gen import dec
from pmqlib import Refused, call

INT64_MAX = 2 ** 63 - 1
OPS = {"ge": ">=", "gt": ">", "le": "<=", "lt": "<", "eq": "=="}


def _big(rng):
    return rng.choice([rng.randint(0, 10), rng.randint(0, 1000), rng.randint(0, 10 ** 6),
                       rng.randint(0, 10 ** 12), rng.randint(10 ** 14, 10 ** 15),
                       rng.randint(0, 10 ** 18), 10 ** 18, 10 ** 9])


def _threshold_near(rng, shown):
    """A 3-decimal threshold at or around an exact value (in the target's unit)."""
    base = Fraction(round(shown * 1000), 1000)
    t = base + rng.choice([0, 0, Fraction(1, 1000), -Fraction(1, 1000), Fraction(1, 100), 1, -1])
    if rng.random() < 0.2 or abs(t) > 10 ** 15:
        # thresholds stay within 10^15: larger ones are refused by today's points type, and
        # whether they should be is not the model's question
        t = Fraction(rng.choice([0, 2, 95, 98, 100]))
    return to_decimal(t) if t >= 0 else Decimal(0)


def _counts_for(rng, rule):
    big = rng.random() < 0.3
    n = (lambda: _big(rng)) if big else (lambda: rng.randint(0, 50))
    if rule == "R-KPI-12":
        v = n()
        return {"valid_complaints": v, "handled_late": rng.randint(0, v)}
    if rule == "R-KPI-10":
        qn, per = n() % 10 ** 9, rng.randint(1, 20)
        return {"questionnaires": qn, "items_per_questionnaire": per,
                "unsatisfied_items": rng.randint(0, qn * per)}
    if rule == "R-KPI-11":
        due = Decimal(rng.randint(0, 10 ** 13 if big else 10 ** 8)).scaleb(-2)
        r = rng.random()
        if r < 0.3:  # just below / at 95 %
            col = Decimal(int(due * 95) - rng.randint(0, 2)).scaleb(-2) if due else Decimal(0)
            col = max(col, Decimal(0))
        else:
            col = Decimal(rng.randint(0, int(due * 100))).scaleb(-2)
        return {"collected": col, "due": due}
    if rule == "R-KPI-1":
        s = n()
        return {"nonconforming": rng.randint(0, s), "sent": s}
    if rule == "R-KPI-3":
        c = n()
        return {"errors": rng.randint(0, c), "characters": c}
    if rule == "R-KPI-13":
        return {"failures": n(), "lifts": rng.randint(0, 60), "days": rng.choice([0, 28, 30, 31])}
    if rule == "R-KPI-2":
        return {"major_errors": rng.choice([0, 0, 1, 2])}
    if rule == "dept_valid_complaints":
        return {"valid_complaints": rng.choice([0, 3, 4, 5, 6, n()])}
    if rule == "dept_emergency_satisfaction_score":
        return {f"score_{k}": n() for k in range(1, 6)}
    raise KeyError(rule)


def _tree(rng, names, depth, literals=True):
    if depth <= 0 or rng.random() < 0.25:
        if literals and rng.random() < 0.25:
            return ("num", q(rng.choice([Decimal(0), Decimal(1), Decimal(2), Decimal(100),
                                         Decimal("0.1"), Decimal("0.5"), dec(rng, 0, 1000, 3)])))
        return ("name", rng.choice(names))
    r = rng.random()
    if r < 0.6:
        op = rng.choice(["+", "-", "*", "/", "/", "*"])
        return (op, _tree(rng, names, depth - 1, literals), _tree(rng, names, depth - 1, literals))
    if r < 0.7:
        return ("neg", _tree(rng, names, depth - 1, literals))
    if r < 0.8:
        return (rng.choice(["min", "max"]), [_tree(rng, names, depth - 1, literals)
                                             for _ in range(rng.randint(2, 3))])  # docs: min(a, b, …)
    if r < 0.9:
        return ("if", (rng.choice(["<", "<=", ">", ">=", "==", "!="]),
                       _tree(rng, names, depth - 1, literals), _tree(rng, names, depth - 1, literals)),
                _tree(rng, names, depth - 1, literals), _tree(rng, names, depth - 1, literals))
    return (rng.choice(["<", "<=", ">", ">=", "==", "!="]), _tree(rng, names, depth - 1, literals),
            _tree(rng, names, depth - 1, literals))


def _values(rng, names, decimals):
    out = {}
    for n in names:
        v = _big(rng)
        if decimals and rng.random() < 0.4:
            v = Decimal(v).scaleb(-rng.randint(1, 6)) if v else Decimal("0.5")
        out[n] = v
    if rng.random() < 0.3:
        out[rng.choice(names)] = 0
    return out


def generate(rng):
    kind = rng.choice(["rate", "check", "catalogue", "catalogue", "custom", "custom", "expr", "expr",
                       "fees"])
    if kind == "fees":
        return _fee_case(rng)
    if kind in ("rate", "check"):
        den = _big(rng) if rng.random() < 0.9 else 0
        num = rng.randint(0, den) if den and rng.random() < 0.8 else _big(rng)
        if rng.random() < 0.05:
            num = -rng.randint(1, 100)
        if rng.random() < 0.03:
            den = -rng.randint(1, 100)
        num, den = min(num, INT64_MAX), min(den, INT64_MAX)
        if kind == "rate":
            return {"kind": "rate", "num": num, "den": den, "places": rng.randint(0, 9)}
        shown = Fraction(num, den) * 100 if den > 0 else Fraction(rng.randint(0, 100))
        return {"kind": "check", "num": num, "den": den, "op": rng.choice(list(OPS)),
                "threshold": str(_threshold_near(rng, shown))}
    if kind == "catalogue":
        rule = rng.choice(list(ref_kpi.CATALOGUE))
        return {"kind": "catalogue", "kpi": rule, "counts": _counts_for(rng, rule)}
    names = ["a", "b", "c", "d"][:rng.randint(1, 4)]
    tree = _tree(rng, names, rng.randint(1, 4))
    if kind == "expr":
        return {"kind": "expr", "tree": tree, "values": _values(rng, names, True)}
    counts = {n: (_big(rng) if rng.random() < 0.5 else rng.randint(0, 50)) for n in names}
    unit = rng.choice(["percent", "count", "points"])
    v = ref_kpi.evaluate(tree, counts)
    shown = (v * 100 if unit == "percent" else v) if v is not None else Fraction(rng.randint(0, 100))
    target = {"op": rng.choice(list(OPS)), "threshold": _threshold_near(rng, shown), "unit": unit}
    return {"kind": "custom", "tree": tree, "counts": counts, "target": target,
            "places": rng.randint(0, 6)}


def _fee_case(rng):
    rate = rng.choice([Decimal(90), Decimal(90), Decimal(95), Decimal("92.5"), dec(rng, 50, 100, 1)])
    year = 2026
    lines = []
    pairs = [(f, b) for f in ("电费欠费", "物业费欠费", "水费欠费") for b in ("6栋", "7栋", "8栋")]
    for fee_type, building in rng.sample(pairs, rng.randint(1, 8)):  # one line per pair
        due = rng.choice([dec(rng, 0, 200000, 2), Decimal(rng.randint(1, 2000) * 100),
                          dec(rng, 0, 10 ** 9, 2)])
        left = due
        collected = []
        for _ in range(rng.randint(0, 4)):
            amount = dec(rng, 0, left, 2)
            if rng.random() < 0.3:  # just at, or a fen below, the line's own requirement
                need = Fraction(-((-q(due) * q(rate)).__floor__()), 100) - sum(
                    (q(c["amount"]) for c in collected), Fraction(0))
                need -= rng.choice([0, Fraction(1, 100)])
                amount = Decimal(int(max(Fraction(0), min(q(left), need)) * 100)).scaleb(-2)
            left -= amount
            collected.append({"month": f"{year}-{rng.randint(1, 12):02d}", "amount": amount})
        lines.append({"fee_type": fee_type, "building": building, "due": due,
                      "target_rate": rate, "collected": collected})
    period = rng.choice([f"{year}-Q{rng.randint(1, 4)}", f"{year}-H{rng.randint(1, 2)}", str(year),
                         f"{year}-{rng.randint(1, 12):02d}"])
    return {"kind": "fees", "plan": {"name": "欠费收缴计划", "lines": lines}, "period": period}


def _fee_name(key):
    """lines[i] for a line; every aggregate as aggregates[…] so that one rule's failures on
    fee types, buildings and the total form one class."""
    if key[0] == "lines":
        return f"lines[{key[1]}]"
    return f"aggregates[{' '.join(str(k) for k in key)}]"


def _fee_out(groups):
    out = {}
    for key, g in groups.items():
        name = _fee_name(key)
        for f in ("due", "collected", "in_period", "required", "shortfall"):
            out[f"{name}.{f}"] = render(g[f], 2)
        out[f"{name}.status"] = g["status"]
        out[f"{name}.actual"] = "no_data" if g["actual"] is None else ref_kpi.exact_text(g["actual"])
    return out


def fixed():
    a_sq = ("*", ("name", "a"), ("name", "a"))
    return [
        ("expr_a_times_a_1e9", {"kind": "expr", "tree": a_sq, "values": {"a": 10 ** 9}}),
        ("expr_a_times_a_1e18", {"kind": "expr", "tree": a_sq, "values": {"a": 10 ** 18}}),
        ("percent_kpi_1e15", {"kind": "catalogue", "kpi": "R-KPI-12",
                              "counts": {"valid_complaints": 10 ** 15, "handled_late": 1}}),
        ("fee_94999.99_gap_sign", {"kind": "catalogue", "kpi": "R-KPI-11",
                                   "counts": {"collected": Decimal("94999.99"), "due": 100000}}),
        ("rate_negative_numerator", {"kind": "rate", "num": -1, "den": 10, "places": 2}),
        ("check_99.999", {"kind": "check", "num": 99999, "den": 100000, "op": "ge",
                          "threshold": "99.999"}),
        # JSON numbers of 16–18 significant digits must be read exactly (not through a double).
        ("expr_exact_json_number", {"kind": "expr", "tree": ("/", ("name", "c"), ("name", "a")),
                                    "values": {"a": Decimal("5191955096804367.22"), "c": 648}}),
        ("threshold_exact_json_number", {
            "kind": "custom", "tree": ("*", ("name", "a"), ("name", "b")),
            "counts": {"a": 642088552951, "b": 37}, "places": 4,
            "target": {"op": "gt", "threshold": Decimal("23757276459186.999"), "unit": "count"}}),
        ("fees_aggregate_requirement", {"kind": "fees", "period": "2026", "plan": {
            "name": "计划", "lines": [
                {"fee_type": "电费欠费", "building": "8栋", "due": Decimal("135016.34"),
                 "target_rate": Decimal("92.5"), "collected": []},
                {"fee_type": "物业费欠费", "building": "6栋", "due": Decimal("10868.75"),
                 "target_rate": Decimal("92.5"), "collected": []}]}}),
        ("no_data", {"kind": "catalogue", "kpi": "R-KPI-12",
                     "counts": {"valid_complaints": 0, "handled_late": 0}}),
    ]


def show(case):
    if "tree" in case:
        c = dict(case)
        c["expression"] = ref_kpi.text(c.pop("tree"))
        return c
    return case


def _kpi_out(r):
    out = {}
    a = r.get("actual") or {}
    if a.get("no_data"):
        out["actual"] = "no_data"
    else:
        out["actual.exact"] = a.get("exact", "<absent>")
        out["actual.value"] = a.get("value", "<absent>")
    out["status"] = r.get("status", "<absent>")
    out["gap"] = r.get("gap", "<absent>")
    return out


def _too_long(value):
    """A JSON number with more digits than a double holds exactly: pmq refuses it (it never
    rounds what it was given; docs/formats.md)."""
    if isinstance(value, Decimal) and not isinstance(value, bool):
        # integers are read exactly (as JSON integers); only decimals go through a double
        # a decimal is read as written when the double nearest it gives back the same number
        # (always with up to 15 significant digits), and refused otherwise
        return value != value.to_integral_value() and Decimal(repr(float(value))) != value
    if isinstance(value, dict):
        return any(_too_long(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_too_long(v) for v in value)
    return False


def reference(case):
    k = case["kind"]
    if k in ("catalogue", "custom", "expr", "fees") and _too_long(
            [case.get("counts"), case.get("values"), case.get("target"), case.get("plan")]):
        return {"error": "input", "~detail": "a number of more than 15 significant digits"}
    try:
        if k == "rate":
            v = ref_kpi.rate(case["num"], case["den"], case["places"])
            return {"percent": "no_data" if v is None else v}
        if k == "check":
            return {"status": ref_kpi.rate_check(case["num"], case["den"], case["op"],
                                                 case["threshold"])}
    except ValueError as e:
        return {"error": "input", "~detail": str(e)}
    if k == "catalogue":
        return _kpi_out(ref_kpi.evaluate_kpi(ref_kpi.CATALOGUE[case["kpi"]], case["counts"]))
    if k == "fees":
        return _fee_out(ref_kpi.fee_plan(case["plan"], case["period"]))
    if k == "custom":
        d = {"expr": case["tree"], "target": case["target"], "places": case["places"]}
        return _kpi_out(ref_kpi.evaluate_kpi(d, case["counts"]))
    v = ref_kpi.evaluate(case["tree"], case["values"])
    if v is None:
        return {"value": "no_data"}
    return {"exact": ref_kpi.exact_text(v), "value": render(v, 6)}


def library(case):
    k = case["kind"]
    try:
        if k == "rate":
            v = call(pmq.kpi.rate, case["num"], case["den"], case["places"])
            return {"percent": "no_data" if v is None else format(v, "f")}
        if k == "check":
            return {"status": call(pmq.kpi.rate_check, case["num"], case["den"], case["op"],
                                   case["threshold"])}
        if k == "catalogue":
            return _kpi_out(call(pmq.kpi.evaluate, case["kpi"], dumps(case["counts"])))
        if k == "fees":
            r = call(pmq.kpi.fee_plan_check, dumps(case["plan"]), case["period"])
            groups = {}
            for i, g in enumerate(r.get("lines", [])):
                groups[("lines", i)] = g
            for g in r.get("by_fee_type", []):
                groups[("by_fee_type", g.get("fee_type"))] = g
            for g in r.get("by_building", []):
                groups[("by_building", g.get("building"))] = g
            if "total" in r:
                groups[("total",)] = r["total"]
            out = {}
            for key, g in groups.items():
                name = _fee_name(key)
                for f, lf in (("due", "due"), ("collected", "collected"),
                              ("in_period", "collected_in_period"), ("required", "required"),
                              ("shortfall", "shortfall")):
                    out[f"{name}.{f}"] = str(g.get(lf, "<absent>"))
                out[f"{name}.status"] = g.get("status", "<absent>")
                a = g.get("actual") or {}
                out[f"{name}.actual"] = "no_data" if a.get("no_data") else a.get("exact", "<absent>")
            return out
        if k == "custom":
            names = sorted({n for n in case["counts"]})
            definition = {"id": "ref_custom", "name": "参考", "expression": ref_kpi.text(case["tree"]),
                          "inputs": [{"name": n, "description": n} for n in names],
                          "target": case["target"], "places": case["places"]}
            return _kpi_out(call(pmq.kpi.evaluate_custom, dumps(definition), dumps(case["counts"])))
        r = call(pmq.kpi.evaluate_expression, ref_kpi.text(case["tree"]), dumps(case["values"]))
        if r.get("no_data"):
            return {"value": "no_data"}
        return {"exact": r.get("exact", "<absent>"), "value": r.get("value", "<absent>")}
    except Refused as e:
        return {"error": e.args[0]["error"], "~detail": e.args[0]["detail"]}


def _subtrees(t):
    op = t[0]
    if op in ("num", "name"):
        return []
    if op == "neg":
        return [t[1]]
    if op in ("min", "max"):
        return list(t[1])
    if op == "if":
        return [t[1], t[2], t[3]]
    return [t[1], t[2]]


def shrink(case):
    if "tree" in case:
        for sub in _subtrees(case["tree"]):
            c = copy.deepcopy(case)
            c["tree"] = sub
            if c["kind"] == "custom":
                c["counts"] = case["counts"]
            yield c
    for field in ("counts", "values"):
        if field in case:
            for name, v in case[field].items():
                for simpler in (0, 1, 10):
                    if v != simpler and (not isinstance(v, int) or v > simpler):
                        c = copy.deepcopy(case)
                        c[field][name] = simpler
                        yield c
    if case["kind"] in ("rate", "check"):
        for field in ("num", "den"):
            v = case[field]
            for simpler in (v // 10, v // 1000, 1):
                if 0 < simpler < v:
                    c = copy.deepcopy(case)
                    c[field] = simpler
                    yield c
    if case["kind"] == "fees":
        lines = case["plan"]["lines"]
        for i in range(len(lines)):
            if len(lines) > 1:
                c = copy.deepcopy(case)
                c["plan"]["lines"].pop(i)
                yield c
        for i, line in enumerate(lines):
            for j in range(len(line["collected"])):
                c = copy.deepcopy(case)
                c["plan"]["lines"][i]["collected"].pop(j)
                yield c
    if case["kind"] == "custom" and case["places"] != 2:
        c = copy.deepcopy(case)
        c["places"] = 2
        yield c
