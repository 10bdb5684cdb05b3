"""Reference: scoring one inspection against a standard (R-STD-5, R-SCORE-3, the exact model of
issue 9). Written from the rules (domain.md, docs/scoring.md and issue 9's model), not from
pmq's C++.

score(standard, inspection) → a dict:
  status "scored" | "no_data"; exact (Fraction) and score (Fraction, rounded) unless no_data;
  passed (bool) when a pass mark, a critical section or a triggered veto makes it present;
  full (T), max (M), earned, failed_sections (ids), vetoes (item ids),
  sections: [{id, exact, max, items: [{id, exact | None}]}].
"""
from fractions import Fraction

from exact import q, round_half_up

DEFAULT_RATIOS = {"meets": Fraction(1), "basically_meets": Fraction(1, 2), "fails": Fraction(0)}


def item_score(item, response, ratios):
    """The exact score of an applicable, non-veto item; a missing response is full marks."""
    mx = q(item["max_score"])
    kind = item["kind"]
    if response is None:
        return mx
    if kind == "deduct":
        defects = response.get("defects", 0)
        return mx - min(defects * q(item["deduction"]), mx)  # 扣完为止
    if kind == "pass_fail":
        return mx if response["passed"] else Fraction(0)
    if kind == "three_level":
        level = response.get("level")
        return mx if level is None else ratios[level] * mx  # no per-item rounding
    if kind == "graded":
        return mx if "score" not in response else q(response["score"])
    raise ValueError(f"unknown kind {kind}")


class ModelError(Exception):
    """The model refuses the input (the library must refuse it too, as an input error)."""


def check(standard, target, full_by_section):
    """The thresholds the model can judge: stated against their basis, they cannot exceed it."""
    absolute = standard.get("thresholds", "scaled") == "absolute"
    if absolute and ("basis" in standard or any("basis" in s for s in standard["sections"])):
        raise ModelError("a basis applies to scaled thresholds only")
    basis = target if absolute or "basis" not in standard else q(standard["basis"])
    if "pass_mark" in standard and not 0 <= q(standard["pass_mark"]) <= basis:
        raise ModelError(f"pass_mark {standard['pass_mark']} outside [0, {basis}]")
    if "weight_total" in standard:
        if sum(q(s["weight"]) for s in standard["sections"]) != q(standard["weight_total"]):
            raise ModelError("weights do not sum to weight_total")
    for sec, sfull in zip(standard["sections"], full_by_section):
        if not sec["items"]:
            raise ModelError(f"section {sec['id']} is empty")
        sbasis = sfull if absolute or "basis" not in sec else q(sec["basis"])
        if "critical_min" in sec and not 0 <= q(sec["critical_min"]) <= sbasis:
            raise ModelError(f"critical_min of {sec['id']} outside [0, {sbasis}]")
        for it in sec["items"]:
            if it["kind"] == "veto":
                if it.get("veto_effect") == "cap" and not 0 <= q(it["veto_cap"]) <= basis:
                    raise ModelError(f"veto_cap of {it['id']} outside [0, {basis}]")
            elif it["kind"] == "deduct" and q(it["deduction"]) > q(it["max_score"]):
                raise ModelError(f"deduction of {it['id']} above its maximum")


def score(standard, inspection):
    """The model's result; ModelError when the model refuses the input."""
    policy = standard.get("not_applicable", "rebase")
    for c in inspection.get("carry_over", []):  # R-SCORE-3: only the project's own
        if c.get("project") != inspection.get("project"):
            raise ModelError(f"carry-over {c['order']} belongs to another project")
    ratios = dict(DEFAULT_RATIOS)
    for k, v in (standard.get("three_level") or {}).items():
        ratios[k] = q(v)
    responses = {r["item"]: r for r in inspection.get("responses", [])}
    weighted = "weight_total" in standard

    sections = []
    vetoes = []  # (item id, effect, cap) in the standard's order
    full = Fraction(0)
    for sec in standard["sections"]:
        s_score = Fraction(0)
        s_max = Fraction(0)
        s_full = Fraction(0)
        items = []
        for it in sec["items"]:
            resp = responses.get(it["id"])
            kind = it["kind"]
            mx = q(it["max_score"])
            na = kind == "not_applicable" or bool(resp and resp.get("not_applicable"))
            s_full += mx
            if kind == "veto":  # carries no points
                if not na and resp is not None and resp.get("passed") is False:
                    vetoes.append((it["id"], it["veto_effect"], it.get("veto_cap")))
                items.append({"id": it["id"], "exact": None})
                continue
            if na:
                if policy == "count_as_zero":  # kept in the maximum, scoring 0
                    s_max += mx
                    items.append({"id": it["id"], "exact": Fraction(0), "na": True})
                else:  # rebase: removed from the maximum
                    items.append({"id": it["id"], "exact": None, "na": True})
                continue
            x = item_score(it, resp, ratios)
            s_score += x
            s_max += mx
            items.append({"id": it["id"], "exact": x})
        full += s_full
        sections.append({"id": sec["id"], "exact": s_score, "max": s_max, "full": s_full,
                         "items": items, "src": sec})

    earned = sum((s["exact"] for s in sections), Fraction(0))
    m = sum((s["max"] for s in sections), Fraction(0))
    if "rebase_to" in standard:
        target = q(standard["rebase_to"])
    elif weighted:
        target = q(standard["weight_total"])
    else:
        target = full

    check(standard, target, [s["full"] for s in sections])
    absolute = standard.get("thresholds", "scaled") == "absolute"
    basis = q(standard["basis"]) if "basis" in standard else target

    def cap_eff(cap):
        return q(cap) if absolute else q(cap) * target / basis

    result = {"full": target, "max": m, "earned": earned, "sections": sections,
              "vetoes": [v[0] for v in vetoes], "failed_sections": []}
    decimals = standard.get("decimals", 2)
    has_critical = any("critical_min" in s for s in standard["sections"])

    if m == 0:
        if not vetoes:
            result["status"] = "no_data"
            return result
        total = min(Fraction(0) if eff == "zero" else cap_eff(cap) for _, eff, cap in vetoes)
        result.update(status="scored", exact=total, score=round_half_up(total, decimals),
                      passed=False)
        return result

    if weighted:
        used = [(q(s["src"]["weight"]), s) for s in sections if s["max"] > 0]
        wsum = sum(w for w, _ in used)
        total = sum(w * s["exact"] / s["max"] for w, s in used) * target / wsum
    else:
        total = earned * target / m

    for c in inspection.get("carry_over", []):
        total = max(Fraction(0), total - q(c["points"]))
    for _, effect, cap in vetoes:
        total = Fraction(0) if effect == "zero" else min(total, cap_eff(cap))

    failed = []
    for s in sections:
        sec = s["src"]
        if "critical_min" not in sec or s["max"] == 0:
            continue
        cmin = q(sec["critical_min"])
        if absolute:
            fails = s["exact"] < cmin
        else:
            bs = q(sec["basis"]) if "basis" in sec else s["full"]
            fails = s["exact"] * bs < cmin * s["max"]
        if fails:
            failed.append(s["id"])
    result["failed_sections"] = failed

    result.update(status="scored", exact=total, score=round_half_up(total, decimals))
    if "pass_mark" in standard or has_critical or vetoes:
        ok = not failed and not vetoes
        if ok and "pass_mark" in standard:
            pm = q(standard["pass_mark"])
            ok = total >= pm if absolute else total * basis >= pm * target
        result["passed"] = ok
    return result
