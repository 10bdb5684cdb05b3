"""Concern "scoring": random standards (weighted and not, 3-decimal maxima and weights, N/A
policies, re-basing, vetoes, critical sections, scaled and absolute thresholds) and random
inspections, scored by ref_scoring and by pmq_score (and, where the inspection fits it, by the
typed path pmq_score_values)."""
import copy
from decimal import Decimal
from fractions import Fraction

import pmq

import ref_scoring
from exact import dumps, exact_text, number_text, q, round_half_up, to_decimal
from gen import dec, points
from pmqlib import Refused, call

KINDS = ["deduct"] * 6 + ["pass_fail"] * 4 + ["three_level"] * 6 + ["graded"] * 6 + \
        ["veto"] + ["not_applicable"]


def _item(rng, sid, j, kind, policy):
    it = {"id": f"{sid}-{j + 1:02d}", "title": "条款", "requirement": "要求", "kind": kind}
    if kind == "veto":
        it["max_score"] = 0
        it["veto_effect"] = rng.choice(["zero", "cap"])
        return it
    mx = points(rng, Decimal("0.5"), Decimal(rng.choice([5, 10, 40])))
    if mx <= 0:
        mx = Decimal("0.5")
    it["max_score"] = mx
    if kind == "deduct":
        d = rng.choice([Decimal("0.1"), Decimal("0.5"), Decimal(1), None])
        if d is None or d > mx:
            d = dec(rng, Decimal("0.001"), mx)
            if d <= 0:
                d = Decimal("0.001")
        it["deduction"] = d
    return it


def generate(rng):
    weighted = rng.random() < 0.45
    nsec = rng.choice([1, 2, 3, 4, 5, 5, 6])
    policy = rng.choice([None, None, "rebase", "count_as_zero"])
    std = {"id": "ref", "version": "1", "title": "参考标准"}
    sections = []
    for i in range(nsec):
        sid = f"S{i + 1}"
        n = rng.choice([1, 2, 3, 4, 5, 6]) if rng.random() > 0.03 else rng.randint(20, 60)
        items = []
        for j in range(n):
            kind = rng.choice(KINDS)
            if kind == "not_applicable" and policy is None and rng.random() < 0.5:
                kind = "graded"
            items.append(_item(rng, sid, j, kind, policy))
        if all(it["kind"] == "veto" for it in items):
            items.append(_item(rng, sid, len(items), "graded", policy))
        sections.append({"id": sid, "title": "专业", "items": items})
    std["sections"] = sections
    full = sum((q(it["max_score"]) for s in sections for it in s["items"]), Fraction(0))

    if weighted:
        style = rng.random()
        for s in sections:
            s["weight"] = Decimal(rng.randint(1, 30)) if style < 0.6 else dec(rng, "0.5", "40")
            if s["weight"] <= 0:
                s["weight"] = Decimal(1)
        std["weight_total"] = sum(s["weight"] for s in sections)
    if policy:
        std["not_applicable"] = policy
    if rng.random() < 0.25:
        std["rebase_to"] = rng.choice([Decimal(100), dec(rng, 10, 150)])
    if rng.random() < 0.5:
        std["decimals"] = rng.randint(0, 3)
    if rng.random() < 0.2:
        a, b, c = sorted(dec(rng, 0, 1) for _ in range(3))
        std["three_level"] = {"meets": c, "basically_meets": b, "fails": a}
    target = q(std.get("rebase_to", std.get("weight_total", full)))
    if rng.random() < 0.15:
        std["thresholds"] = rng.choice(["scaled", "absolute"])
    if rng.random() < 0.15:
        std["basis"] = rng.choice([Decimal(100), points(rng, 1, 200)]) or Decimal(100)
    basis = q(std["basis"]) if "basis" in std else target
    absolute = std.get("thresholds") == "absolute"
    limit = target if absolute else basis
    if rng.random() < 0.5:
        std["pass_mark"] = dec(rng, 0, limit) if rng.random() < 0.7 else \
            to_decimal(round_half_up(limit * Fraction(9, 10), 3))
    for s in sections:
        for it in s["items"]:
            if it["kind"] == "veto" and it["veto_effect"] == "cap":
                it["veto_cap"] = dec(rng, 0, limit)
        if rng.random() < 0.25:
            sfull = sum((q(it["max_score"]) for it in s["items"]), Fraction(0))
            if rng.random() < 0.1:
                s["basis"] = points(rng, 1, 50)
            sb = q(s["basis"]) if "basis" in s else sfull
            s["critical_min"] = dec(rng, 0, sb if not absolute else sfull)
    case = {"standard": std, "inspection": _inspection(rng, std)}
    if case["inspection"].get("carry_over"):
        # Nothing applicable but a triggered veto: the model gives "the vetoed result" and says
        # nothing of carry-overs there, so such a case carries none.
        try:
            r = ref_scoring.score(std, case["inspection"])
            if r["max"] == 0:
                del case["inspection"]["carry_over"]
        except ref_scoring.ModelError:
            pass
    return case


def _inspection(rng, std):
    policy = std.get("not_applicable", "rebase")
    p_respond = rng.choice([0.3, 0.7, 1.0])
    p_na = rng.choice([0, 0.05, 0.2, 0.6]) if policy != "forbidden" else 0
    responses = []
    for s in std["sections"]:
        for it in s["items"]:
            if it["kind"] == "not_applicable" or rng.random() > p_respond:
                continue
            r = {"item": it["id"]}
            if rng.random() < p_na:
                r["not_applicable"] = True
            elif it["kind"] == "deduct":
                per = q(it["deduction"])
                most = int(q(it["max_score"]) / per) + 2
                r["defects"] = rng.randint(0, most) if rng.random() < 0.95 else rng.randint(0, 10 ** 6)
            elif it["kind"] in ("pass_fail", "veto"):
                r["passed"] = rng.random() < (0.85 if it["kind"] == "veto" else 0.6)
            elif it["kind"] == "three_level":
                r["level"] = rng.choice(["meets", "basically_meets", "basically_meets", "fails"])
            elif it["kind"] == "graded":
                r["score"] = dec(rng, 0, q(it["max_score"]))
            responses.append(r)
    rng.shuffle(responses)
    ins = {"id": "INS", "responses": responses}
    if rng.random() < 0.2:
        # R-SCORE-3: a carry-over names its project; one of another project is refused.
        ins["project"] = "P"
        ins["carry_over"] = [{"order": f"ZG-{k}",
                              "project": "P" if rng.random() < 0.95 else "Q",
                              "points": points(rng, Decimal("0.001"), 10) or Decimal("0.5"),
                              "reason": "未整改"} for k in range(rng.randint(1, 3))]
    return ins


def _item_def(title_id, mx, kind, **kw):
    return {"id": title_id, "title": "条款", "requirement": "要求", "max_score": mx, "kind": kind, **kw}


def fixed():
    cases = []
    # Issue 9 §1: five weighted sections, 3-decimal maxima; the exact weighted score is 41.70.
    maxima = ["26.532", "20.674", "29.867", "35.768", "35.942"]
    weights = [21, 27, 5, 5, 18]
    got = ["23.744", "7.662", "18.688", "20.168", "13.891"]
    std = {"id": "w5", "version": "1", "title": "weighted", "weight_total": 76, "sections": [
        {"id": f"S{i}", "title": "s", "weight": w, "items": [_item_def(f"S{i}-1", Decimal(m), "graded")]}
        for i, (m, w) in enumerate(zip(maxima, weights))]}
    ins = {"id": "I", "responses": [{"item": f"S{i}-1", "score": Decimal(g)} for i, g in enumerate(got)]}
    cases.append(("weighted_overflow_41.70", {"standard": std, "inspection": ins}))
    # Issue 9 §6: 300 three-level items of 0.333 at "basically meets": no per-item rounding.
    std = {"id": "t300", "version": "1", "title": "three", "sections": [
        {"id": "S", "title": "s", "items": [_item_def(f"T{k}", Decimal("0.333"), "three_level")
                                            for k in range(300)]}]}
    ins = {"id": "I", "responses": [{"item": f"T{k}", "level": "basically_meets"} for k in range(300)]}
    cases.append(("three_level_300", {"standard": std, "inspection": ins}))
    std2 = copy.deepcopy(std)
    std2["rebase_to"] = 100
    cases.append(("three_level_300_rebased", {"standard": std2, "inspection": ins}))
    # Issue 9 §6: a triggered veto with every other item N/A gives the vetoed result.
    std = {"id": "veto", "version": "1", "title": "veto", "pass_mark": 12, "sections": [
        {"id": "S", "title": "s", "items": [
            _item_def("G1", 10, "graded"), _item_def("G2", 5, "pass_fail"),
            _item_def("V1", 0, "veto", veto_effect="cap", veto_cap=8)]}]}
    ins = {"id": "I", "responses": [{"item": "G1", "not_applicable": True},
                                    {"item": "G2", "not_applicable": True},
                                    {"item": "V1", "passed": False}]}
    cases.append(("veto_with_all_na", {"standard": std, "inspection": ins}))
    ins2 = {"id": "I", "responses": ins["responses"][:2]}
    cases.append(("all_na_no_data", {"standard": std, "inspection": ins2}))
    # Issue 9 §5: a standard out of 96 whose pass mark 90 is stated against 100 (scaled).
    std = {"id": "d96", "version": "1", "title": "derived", "basis": 100, "pass_mark": 90,
           "sections": [{"id": "S", "title": "s", "items": [
               _item_def("A", 48, "graded"), _item_def("B", 48, "graded")]}]}
    ins = {"id": "I", "responses": [{"item": "A", "score": 43}, {"item": "B", "score": 44}]}
    cases.append(("scaled_pass_mark_87_of_96", {"standard": std, "inspection": ins}))
    return cases


def show(case):
    return case


def reference(case):
    try:
        r = ref_scoring.score(case["standard"], case["inspection"])
    except ref_scoring.ModelError as e:
        return {"error": "input", "~detail": str(e)}
    out = {"status": r["status"], "full_score": number_text(r["full"]),
           "max_score": number_text(r["max"])}
    if r["status"] == "scored":
        out["exact"] = exact_text(r["exact"])
        out["score"] = number_text(r["score"])
        out["failed_sections"] = ",".join(r["failed_sections"])
        out["vetoes"] = ",".join(r["vetoes"])
    if "passed" in r:
        out["passed"] = str(r["passed"]).lower()
    for s in r["sections"]:
        out[f"sections[{s['id']}].exact"] = exact_text(s["exact"])
        out[f"sections[{s['id']}].max_score"] = number_text(s["max"])
        for it in s["items"]:
            if it["exact"] is not None and not it.get("na"):
                out[f"items[{it['id']}].exact"] = exact_text(it["exact"])
    values = typed_values(case)
    if values is not None:
        out["typed.score"] = "no_data" if r["status"] == "no_data" else number_text(r["score"])
    return out


def typed_values(case):
    """The inspection as pmq_score_values' integers, or None when it does not fit (carry-over)."""
    if case["inspection"].get("carry_over"):
        return None
    responses = {r["item"]: r for r in case["inspection"]["responses"]}
    values = []
    for s in case["standard"]["sections"]:
        for it in s["items"]:
            r = responses.get(it["id"])
            if r is None:
                values.append(pmq.NO_RESPONSE)
            elif r.get("not_applicable"):
                values.append(pmq.NOT_APPLICABLE)
            elif it["kind"] == "deduct":
                values.append(r.get("defects", 0))
            elif it["kind"] in ("pass_fail", "veto"):
                values.append(1 if r["passed"] else 0)
            elif it["kind"] == "three_level":
                values.append(["meets", "basically_meets", "fails"].index(r["level"]))
            elif it["kind"] == "graded":
                values.append(int(q(r["score"]) * 1000))
            else:
                values.append(pmq.NOT_APPLICABLE)
    return values


def _display(v):
    return "<absent>" if v is None else number_text(v) if not isinstance(v, str) else v


def library(case):
    try:
        with call(pmq.Standard.load, dumps(case["standard"])) as std:
            r = call(std.score, dumps(case["inspection"]))
            values = typed_values(case)
            typed = None
            if values is not None:
                try:
                    t = call(std.score_values, values)
                    typed = "no_data" if t is None else number_text(t)
                except Refused as e:
                    typed = e.args[0]["error"]
    except Refused as e:
        return {"error": e.args[0]["error"], "~detail": e.args[0]["detail"]}
    out = {"status": r.get("status"), "full_score": _display(r.get("full_score")),
           "max_score": _display(r.get("max_score"))}
    if r.get("status") == "scored" or "score" in r:
        out["exact"] = r.get("exact", "<absent>")
        out["score"] = _display(r.get("score"))
        out["failed_sections"] = ",".join(r.get("failed_sections", []))
        out["vetoes"] = ",".join(r.get("vetoes", []))
    if "passed" in r:
        out["passed"] = str(r["passed"]).lower()
    for s in r.get("sections", []):
        out[f"sections[{s['id']}].exact"] = s.get("exact", "<absent>")
        out[f"sections[{s['id']}].max_score"] = _display(s.get("max_score"))
        for it in s.get("items", []):
            if it.get("applicable") and it.get("kind") != "veto":
                out[f"items[{it['id']}].exact"] = it.get("exact", "<absent>")
    if typed is not None:
        out["typed.score"] = typed
    return out


# ---- shrinking: simpler standards and inspections that keep the disagreement -------------

def shrink(case):
    std, ins = case["standard"], case["inspection"]
    secs = std["sections"]
    # drop a section
    if len(secs) > 1:
        for i in range(len(secs)):
            c = copy.deepcopy(case)
            gone = c["standard"]["sections"].pop(i)
            ids = {it["id"] for it in gone["items"]}
            c["inspection"]["responses"] = [r for r in c["inspection"]["responses"] if r["item"] not in ids]
            if "weight_total" in c["standard"]:
                c["standard"]["weight_total"] = sum(s["weight"] for s in c["standard"]["sections"])
            yield c
    # drop an item
    for i, s in enumerate(secs):
        if len(s["items"]) > 1:
            for j in range(len(s["items"])):
                c = copy.deepcopy(case)
                it = c["standard"]["sections"][i]["items"].pop(j)
                c["inspection"]["responses"] = [r for r in c["inspection"]["responses"] if r["item"] != it["id"]]
                yield c
    # drop carry-over entries, responses, optional fields
    if ins.get("carry_over"):
        c = copy.deepcopy(case)
        del c["inspection"]["carry_over"]
        yield c
        for k in range(len(ins["carry_over"])):
            c = copy.deepcopy(case)
            c["inspection"]["carry_over"].pop(k)
            yield c
    for k in range(len(ins["responses"])):
        c = copy.deepcopy(case)
        c["inspection"]["responses"].pop(k)
        yield c
    for field in ("pass_mark", "rebase_to", "decimals", "three_level", "not_applicable",
                  "thresholds", "basis"):
        if field in std:
            c = copy.deepcopy(case)
            del c["standard"][field]
            yield c
    if "weight_total" in std:
        c = copy.deepcopy(case)
        del c["standard"]["weight_total"]
        for s in c["standard"]["sections"]:
            del s["weight"]
        yield c
        if any(s["weight"] != 1 for s in secs):
            c = copy.deepcopy(case)
            for s in c["standard"]["sections"]:
                s["weight"] = Decimal(1)
            c["standard"]["weight_total"] = Decimal(len(secs))
            yield c
    for i, s in enumerate(secs):
        for field in ("critical_min", "basis"):
            if field in s:
                c = copy.deepcopy(case)
                del c["standard"]["sections"][i][field]
                yield c
    # simpler numbers: whole maxima, whole graded scores
    for i, s in enumerate(secs):
        for j, it in enumerate(s["items"]):
            mx = q(it["max_score"])
            if it["kind"] != "veto" and mx.denominator != 1 and mx > 1:
                c = copy.deepcopy(case)
                new = Decimal(int(mx))
                c["standard"]["sections"][i]["items"][j]["max_score"] = new
                if it["kind"] == "deduct" and q(it["deduction"]) > new:
                    c["standard"]["sections"][i]["items"][j]["deduction"] = new
                for r in c["inspection"]["responses"]:
                    if r["item"] == it["id"] and "score" in r and q(r["score"]) > new:
                        r["score"] = new
                yield c
    for k, r in enumerate(ins["responses"]):
        if "score" in r and q(r["score"]).denominator != 1:
            c = copy.deepcopy(case)
            c["inspection"]["responses"][k]["score"] = Decimal(int(q(r["score"])))
            yield c
