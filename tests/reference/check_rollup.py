"""Concern "rollup": inspectors' scores → project → branch → company (R-SCORE-1, R-SCORE-2), with
up to 1,000 3-decimal scores, prime inspector counts, exact string inputs ("89.9967",
"26999/300") and the R-SCORE-4 band decided on the exact mean, by ref_rollup and pmq_rollup.

Request format assumed for the band (issue 9 names none): "bands": "pay_adjustment" (a built-in
table id) or an inline table; each level's result then carries "band" (the band object, or its
id). Bands are compared by their pay adjustment."""
import copy
from decimal import Decimal
from fractions import Fraction

import pmq

import ref_bands
import ref_rollup
from exact import exact_text, number_text, q
from gen import PRIMES, dec, near
from pmqlib import Refused, call

PAY_IDS = {"plus_10": 10, "plus_5": 5, "unchanged": 0, "minus_5": -5, "minus_10": -10}


def _score(rng, style, centre):
    if style == "edge":
        x = near(rng, centre)
        x = min(max(x, Fraction(0)), Fraction(100))
        return x
    if style == "narrow":
        return q(dec(rng, max(0, centre - 1), min(100, centre + 1)))
    return q(dec(rng, 0, 100))


def _as_json(rng, x, strings):
    """A score as the request carries it: a JSON number of at most 3 decimals, or (when the
    case allows strings) an exact string."""
    if (x * 1000).denominator == 1 and (not strings or rng.random() < 0.7):
        return Decimal(x.numerator * 1000 // x.denominator).scaleb(-3) if x.denominator != 1 \
            else int(x)
    if not strings:
        return Decimal(round(x * 1000)).scaleb(-3)
    if rng.random() < 0.5 and _finite(x):
        return number_text(x)
    return exact_text(x)


def _finite(x):
    d = x.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    return d == 1


def generate(rng):
    strings = rng.random() < 0.3
    big = rng.random() < 0.05
    style = rng.choice(["uniform", "narrow", "edge", "edge"])
    centre = rng.choice([95, 90, 80, 75, rng.randint(1, 99)])
    branches = []
    for b in range(rng.randint(1, 4 if not big else 2)):
        projects = []
        for p in range(rng.choice([0, 1, 1, 2, 3, 5])):
            if big:
                n = rng.choice([p for p in PRIMES if p > 100]) if rng.random() < 0.6 else rng.randint(100, 1000)
            else:
                n = rng.choice([0, 1, 2, 3, 5, 7, 11, 13, 4, 6])
            scores = [_as_json(rng, _score(rng, style, centre), strings) for _ in range(n)]
            projects.append({"id": f"P{b}{p}", "scores": scores})
        branches.append({"id": f"B{b}", "projects": projects})
    req = {"branches": branches}
    if rng.random() < 0.5:
        req["decimals"] = rng.randint(0, 3)
    if rng.random() < 0.3:
        req["bands"] = "pay_adjustment"
    return req


def fixed():
    return [
        # Issue 9 §4: 26999/300 = 89.9967 is in the 80–90 band (0 %), though it shows as 90.
        ("mean_89.9967_band", {"branches": [{"id": "B", "projects": [
            {"id": "P", "scores": [Decimal("89.99"), 90, 90]}]}], "bands": "pay_adjustment"}),
        ("exact_string_inputs", {"branches": [{"id": "B", "projects": [
            {"id": "P", "scores": ["26999/300", "89.9967", 90]}]}], "bands": "pay_adjustment"}),
        # Issue 9 §2: hundreds of 3-decimal scores, prime inspector counts, company mean ≈ 80.
        ("overflow_prime_counts", {"branches": [
            {"id": f"B{b}", "projects": [{"id": f"P{b}{k}", "scores": [
                Decimal(79000 + (i * 7919 + k * 104729 + b) % 2001).scaleb(-3)
                for i in range(n)]} for k, n in enumerate(counts)]}
            for b, counts in enumerate(((997, 991, 983), (977, 971, 967), (953, 947, 941)))]}),
        ("empty", {"branches": [{"id": "B", "projects": [{"id": "P", "scores": []}]}]}),
    ]


def show(case):
    return case


def _level(prefix, r, out, with_band):
    out[f"{prefix}.inputs"] = str(r["inputs"])
    if r["exact"] is None:
        out[f"{prefix}.exact"] = "<absent>"
        out[f"{prefix}.score"] = "<absent>"
        return
    out[f"{prefix}.exact"] = exact_text(r["exact"])
    out[f"{prefix}.score"] = number_text(r["score"])
    if with_band:
        out[f"{prefix}.band"] = str(ref_bands.PAY_ADJUSTMENT["bands"][r["band"]]["pay_adjustment"])


def reference(case):
    try:
        r = ref_rollup.roll_up(case)
    except ref_bands.OutOfRange as e:
        return {"error": "input", "~detail": str(e)}
    out = {}
    band = "bands" in case
    _level("company", r["company"], out, band)
    _level("all_projects", r["all_projects"], out, band)
    for b in r["branches"]:
        _level(f"branches[{b['id']}]", b["result"], out, band)
        for p in b["projects"]:
            _level(f"projects[{b['id']}/{p['id']}]", p["result"], out, band)
    return out


def _lib_level(prefix, r, out, with_band):
    r = r or {}
    out[f"{prefix}.inputs"] = str(r.get("inputs", "<absent>"))
    out[f"{prefix}.exact"] = r.get("exact", "<absent>")
    out[f"{prefix}.score"] = number_text(r["score"]) if "score" in r else "<absent>"
    if with_band and "exact" in r:
        band = r.get("band")
        if isinstance(band, dict):
            band = band.get("pay_adjustment", PAY_IDS.get(band.get("id"), band.get("id")))
        elif isinstance(band, str):
            band = PAY_IDS.get(band, band)
        out[f"{prefix}.band"] = "<absent>" if band is None else number_text(Decimal(band)) \
            if isinstance(band, (int, Decimal)) else str(band)


def library(case):
    from exact import dumps
    try:
        r = call(pmq.rollup, dumps(case))
    except Refused as e:
        return {"error": e.args[0]["error"], "~detail": e.args[0]["detail"]}
    out = {}
    band = "bands" in case
    _lib_level("company", r.get("company"), out, band)
    _lib_level("all_projects", r.get("all_projects"), out, band)
    for b in r.get("branches", []):
        _lib_level(f"branches[{b['id']}]", b.get("result"), out, band)
        for p in b.get("projects", []):
            _lib_level(f"projects[{b['id']}/{p['id']}]", p.get("result"), out, band)
    return out


def shrink(case):
    bs = case["branches"]
    for i in range(len(bs)):
        if len(bs) > 1:
            c = copy.deepcopy(case)
            c["branches"].pop(i)
            yield c
    for i, b in enumerate(bs):
        for j in range(len(b["projects"])):
            c = copy.deepcopy(case)
            c["branches"][i]["projects"].pop(j)
            yield c
    for i, b in enumerate(bs):
        for j, p in enumerate(b["projects"]):
            n = len(p["scores"])
            if n > 1:  # halves first, then single scores
                for part in ((0, n // 2), (n // 2, n)):
                    c = copy.deepcopy(case)
                    del c["branches"][i]["projects"][j]["scores"][part[0]:part[1]]
                    yield c
                if n <= 12:
                    for k in range(n):
                        c = copy.deepcopy(case)
                        c["branches"][i]["projects"][j]["scores"].pop(k)
                        yield c
    if "decimals" in case:
        c = copy.deepcopy(case)
        del c["decimals"]
        yield c
    if "bands" in case:
        c = copy.deepcopy(case)
        del c["bands"]
        yield c
