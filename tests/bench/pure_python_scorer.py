"""A pure-Python scorer of pmq's scoring rules (docs/scoring.md, "Order of the steps"), exact
with fractions.Fraction: the baseline pmq's Python binding is measured against
(tests/bench/python_bench.py). It takes the same standard and inspection dicts and gives the
summary pmq gives (score, exact, passed, status, vetoes, failed sections). Unweighted
standards; deduct, pass_fail, three_level, graded, veto and not_applicable items; the three
not-applicable policies; rebase_to; scaled and absolute thresholds. No validation: it trusts
its input, as a hand-written scorer would."""
from decimal import Decimal
from fractions import Fraction

_LEVELS = {"meets": "meets", "basically_meets": "basically_meets", "fails": "fails"}


def _num(v):
    return Fraction(str(v)) if not isinstance(v, int) else Fraction(v)


def _round_half_up(value, places):
    scale = 10 ** places
    n = value * scale
    q, r = divmod(n.numerator, n.denominator)
    if 2 * r >= n.denominator:
        q += 1
    return Fraction(q, scale)


class Scorer:
    def __init__(self, standard):
        self.s = standard
        self.policy = standard.get("not_applicable", "rebase")
        ratios = standard.get("three_level", {})
        self.ratios = {"meets": _num(ratios.get("meets", 1)),
                       "basically_meets": _num(ratios.get("basically_meets", "0.5")),
                       "fails": _num(ratios.get("fails", 0))}
        self.decimals = standard.get("decimals", 2)
        self.scaled = standard.get("thresholds", "scaled") == "scaled"
        self.sections = []
        total = Fraction(0)
        for sec in standard["sections"]:
            items = []
            for it in sec["items"]:
                items.append((it["id"], it.get("kind", "deduct"), _num(it["max_score"]),
                              _num(it["deduction"]) if "deduction" in it else None,
                              it.get("veto_effect"),
                              _num(it["veto_cap"]) if "veto_cap" in it else None))
            sec_total = sum((i[2] for i in items), Fraction(0))
            total += sec_total
            self.sections.append((sec["id"], items,
                                  _num(sec["critical_min"]) if "critical_min" in sec else None,
                                  _num(sec["basis"]) if "basis" in sec else sec_total))
        self.full = _num(standard["rebase_to"]) if "rebase_to" in standard else total
        self.basis = _num(standard["basis"]) if "basis" in standard else self.full
        self.pass_mark = _num(standard["pass_mark"]) if "pass_mark" in standard else None

    def score(self, inspection):
        responses = {r["item"]: r for r in inspection.get("responses", ())}
        earned = Fraction(0)
        maximum = Fraction(0)
        vetoes, caps, failed = [], [], []
        critical = False
        for sec_id, items, critical_min, sec_basis in self.sections:
            sec_earned = Fraction(0)
            sec_max = Fraction(0)
            for item_id, kind, max_score, per, veto_effect, veto_cap in items:
                r = responses.get(item_id)
                if kind == "not_applicable" or (r is not None and r.get("not_applicable")):
                    if self.policy == "count_as_zero":
                        sec_max += max_score
                    continue
                sec_max += max_score
                if r is None:
                    sec_earned += max_score
                elif kind == "deduct":
                    defects = r.get("defects", len(r.get("findings", ())))
                    sec_earned += max(max_score - per * defects, Fraction(0))
                elif kind == "pass_fail":
                    sec_earned += max_score if r["passed"] else 0
                elif kind == "three_level":
                    sec_earned += max_score * self.ratios[_LEVELS[r["level"]]]
                elif kind == "graded":
                    sec_earned += _num(r["score"])
                elif kind == "veto":
                    if r.get("passed") is False:
                        vetoes.append(item_id)
                        caps.append(veto_cap if veto_effect == "cap" else Fraction(0))
            if critical_min is not None:
                critical = True
                if sec_max > 0:
                    below = (sec_earned * sec_basis < critical_min * sec_max if self.scaled
                             else sec_earned < critical_min)
                    if below:
                        failed.append(sec_id)
            earned += sec_earned
            maximum += sec_max
        out = {"inspection": inspection["id"], "status": "scored"}
        if maximum == 0 and not vetoes:
            out["status"] = "no_data"
            out["vetoes"], out["failed_sections"] = vetoes, failed
            return out
        total = self.full if maximum == 0 else earned * self.full / maximum
        for cap in caps:
            limit = cap * self.full / self.basis if self.scaled else cap
            total = min(total, limit)
        out["score"] = Decimal(_round_half_up(total, self.decimals).numerator) / Decimal(
            _round_half_up(total, self.decimals).denominator)
        out["exact"] = total
        pass_mark = None
        if self.pass_mark is not None:
            pass_mark = self.pass_mark * self.full / self.basis if self.scaled else self.pass_mark
        if self.pass_mark is not None or critical or vetoes:
            out["passed"] = not failed and not vetoes and (pass_mark is None or total >= pass_mark)
        out["vetoes"], out["failed_sections"] = vetoes, failed
        return out
