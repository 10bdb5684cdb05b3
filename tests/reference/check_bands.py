"""Concern "bands": classification of EXACT scores in band tables — the built-in pay_adjustment
(R-SCORE-4), annual_grades (R-SCORE-6), supplier_standings (R-OUT-11) and random generic tables
with inclusive/exclusive edges — and R-SCORE-5's per-point pay, by ref_bands and by
pmq.Bands.classify / pmq.per_point_pay.

Scores are passed as the exact forms issue 9 says Python takes: int, str ("89.999",
"26999/300"), Decimal or Fraction; values sit on edges and ±0.001, ±1/300, ±10⁻⁶ around them,
and just outside [min, max] (an error)."""
import copy
from decimal import Decimal
from fractions import Fraction

import pmq

import ref_bands
from exact import number_text, q, round_half_up
from gen import as_input, dec, near
from pmqlib import Refused, call

BUILTIN_KEY = {"pay_adjustment": "pay_adjustment", "annual_grades": "label",
               "supplier_standings": "id"}


def _edges(table):
    out = [q(table["min"]), q(table["max"])]
    for b in table["bands"]:
        for k in ("from", "to"):
            if k in b:
                out.append(q(b[k]))
    return out


def random_table(rng):
    lo = rng.choice([Decimal(0), Decimal(0), dec(rng, 0, 50)])
    hi = lo + rng.choice([Decimal(100), Decimal(5), dec(rng, "0.01", 200)])
    k = rng.randint(1, 6)
    cuts = sorted({dec(rng, lo, hi) for _ in range(k - 1)} - {lo, hi})
    bounds = [lo] + cuts + [hi]
    bands = []
    for i in range(len(bounds) - 1):
        b = {"id": f"b{i}", "label": f"档{i}"}
        bands.append(b)
    for i in range(len(bounds) - 1):  # internal edges: one side inclusive, the other exclusive
        b = bands[i]
        if i > 0:
            b["from"] = bounds[i]
            b["from_edge"] = "exclusive" if bands[i - 1]["to_edge"] == "inclusive" else "inclusive"
        elif rng.random() < 0.5:
            b["from"] = lo
            b["from_edge"] = "inclusive"
        if i < len(bounds) - 2:
            b["to"] = bounds[i + 1]
            b["to_edge"] = rng.choice(["inclusive", "exclusive"])
        elif rng.random() < 0.5:
            b["to"] = hi
            b["to_edge"] = "inclusive"
    if rng.random() < 0.3:
        bands.reverse()
    return {"id": "t", "title": "表", "min": lo, "max": hi, "bands": bands}


def _value(rng, table):
    edges = _edges(table)
    r = rng.random()
    if r < 0.7:
        x = near(rng, rng.choice(edges))
    elif r < 0.8:  # outside the range on purpose
        x = rng.choice([q(table["min"]) - Fraction(1, 1000), q(table["max"]) + Fraction(1, 300),
                        q(table["max"]) + 1])
    else:
        lo, hi = q(table["min"]), q(table["max"])
        x = lo + (hi - lo) * Fraction(rng.randint(0, 10 ** 6), 10 ** 6)
        if rng.random() < 0.5:
            x += Fraction(rng.choice([1, 2]), rng.choice([3, 7, 300, 9973]))
    if x < 0 and rng.random() < 0.7:
        x = -x
    return x


def generate(rng):
    r = rng.random()
    if r < 0.25:
        return _per_point_case(rng)
    if r < 0.65:
        table = rng.choice(list(BUILTIN_KEY))
        t = ref_bands.BUILTIN[table]
    else:
        t = random_table(rng)
        table = t
    x = _value(rng, t)
    return {"table": table, "score": as_input(rng, x)}


def _per_point_case(rng):
    scheme = {}
    rounding = rng.choice([None, "whole_points", "started_points", "exact"])
    if rounding:
        scheme["rounding"] = rounding
    if rng.random() < 0.4:
        scheme["pass_mark"] = rng.choice([Decimal(90), Decimal(60), dec(rng, 1, 100)])
    if rng.random() < 0.4:
        scheme["percent_per_point"] = rng.choice([Decimal(1), Decimal(2), Decimal("0.5")]) \
            if rounding == "exact" else dec(rng, "0.001", 3)
    pm = q(scheme.get("pass_mark", 90))
    x = near(rng, rng.choice([pm, pm - 1, pm - 2, Fraction(0), Fraction(100), pm - Fraction(1, 2)]))
    if rng.random() < 0.2:
        x = q(dec(rng, 0, 100))
    if rng.random() < 0.05:
        x = rng.choice([Fraction(-1, 1000), Fraction(100001, 1000), Fraction(101)])
    return {"per_point": scheme or None, "score": as_input(rng, x)}


def fixed():
    return [
        ("pay_89.9967", {"table": "pay_adjustment", "score": "26999/300"}),
        ("pay_89.9967_fraction", {"table": "pay_adjustment", "score": Fraction(26999, 300)}),
        ("pay_90", {"table": "pay_adjustment", "score": 90}),
        ("pay_100", {"table": "pay_adjustment", "score": 100}),
        ("pay_above_max", {"table": "pay_adjustment", "score": "100.001"}),
        ("standing_79.9995", {"table": "supplier_standings", "score": "79.9995"}),
        ("per_point_above_full", {"per_point": None, "score": "100.5"}),
        ("per_point_negative", {"per_point": None, "score": "-0.5"}),
        ("per_point_89.9967", {"per_point": None, "score": "26999/300"}),
    ]


def show(case):
    return case


def _x(case):
    return Fraction(case["score"]) if not isinstance(case["score"], (Decimal, int)) \
        else Fraction(case["score"])


def reference(case):
    x = q(case["score"]) if not isinstance(case["score"], Fraction) else case["score"]
    try:
        if "per_point" in case:
            r = ref_bands.per_point_pay(x, case["per_point"])
            # points values are shown to 3 places (the decision, passed, is on the exact score)
            return {"passed": str(r["passed"]).lower(),
                    "points_lost": _num(round_half_up(r["points_lost"], 3)),
                    "pay_reduction": _num(round_half_up(r["pay_reduction"], 3))}
        t = case["table"]
        if isinstance(t, str):
            band = ref_bands.BUILTIN[t]["bands"][ref_bands.classify(ref_bands.BUILTIN[t], x)]
            return {"band": str(band[BUILTIN_KEY[t]])}
        return {"band": t["bands"][ref_bands.classify(t, x)]["id"]}
    except ref_bands.OutOfRange as e:
        return {"error": "input", "~detail": str(e)}


def _num(x):
    from exact import exact_text
    x = Fraction(x)
    try:
        return number_text(x)
    except ValueError:
        return exact_text(x)


def _lib_num(v):
    if isinstance(v, str):  # an exact "n/d" is shown like the reference shows it
        return _num(round_half_up(q(v), 3))
    return number_text(Decimal(v))


def library(case):
    from exact import dumps
    try:
        if "per_point" in case:
            scheme = case["per_point"]
            r = call(pmq.per_point_pay, case["score"], dumps(scheme) if scheme else None)
            return {"passed": str(r.get("passed")).lower(),
                    "points_lost": _lib_num(r["points_lost"]) if "points_lost" in r else "<absent>",
                    "pay_reduction": _lib_num(r["pay_reduction"]) if "pay_reduction" in r else "<absent>"}
        t = case["table"]
        if isinstance(t, str):
            with call(pmq.Bands.builtin, t) as bands:
                band = call(bands.classify, case["score"])
            v = band.get(BUILTIN_KEY[t])
            return {"band": number_text(Decimal(v)) if isinstance(v, (int, Decimal)) else str(v)}
        with call(pmq.Bands.load, dumps(t)) as bands:
            band = call(bands.classify, case["score"])
        return {"band": band.get("id")}
    except Refused as e:
        return {"error": e.args[0]["error"], "~detail": e.args[0]["detail"]}


def shrink(case):
    x = q(case["score"]) if not isinstance(case["score"], Fraction) else case["score"]
    # the same value in a plainer form
    for plain in (int(x) if x.denominator == 1 else None, _num(x) if (x * 1000).denominator == 1 else None):
        if plain is not None and plain != case["score"]:
            c = copy.deepcopy(case)
            c["score"] = plain
            yield c
    if "per_point" in case and case["per_point"]:
        for k in list(case["per_point"]):
            c = copy.deepcopy(case)
            del c["per_point"][k]
            if not c["per_point"]:
                c["per_point"] = None
            yield c
    t = case.get("table")
    if isinstance(t, dict) and len(t["bands"]) > 1:
        # merge two neighbouring bands (in ascending order of their values)
        asc = sorted(t["bands"], key=lambda b: q(b.get("from", t["min"])))
        for i in range(len(asc) - 1):
            c = copy.deepcopy(case)
            a, b = copy.deepcopy(asc[i]), asc[i + 1]
            for k in ("to", "to_edge"):
                a.pop(k, None)
                if k in b:
                    a[k] = b[k]
            c["table"]["bands"] = asc[:i] + [a] + asc[i + 2:]
            yield c
