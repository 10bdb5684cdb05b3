"""Tests of pmq.assess (R-SCORE-1…6, R-CAL-5, R-REP-1, R-REP-2).

The bundled example (examples/data/assessment_2026-11.json) is recomputed here independently,
in exact Python (fractions.Fraction), from the raw inspections and the built-in standard's
JSON: every inspector's score, every mean, carry-over, pay band, rank, the branch and company
means and the points lost by item, section and department must equal what pmq computes.
docs/assessment.md walks through the same numbers.
"""
import json
import os
import unittest
from collections import defaultdict
from fractions import Fraction

import pmq

ROOT = os.path.join(os.path.dirname(__file__), "..", "..", "..")


def load(*parts):
    with open(os.path.join(ROOT, *parts), encoding="utf-8") as f:
        return json.load(f)


def F(x):
    return Fraction(str(x)) if not isinstance(x, str) else Fraction(x)


def sheet_losses(standard, inspection):
    """{item: (section, title, points lost)} of one sheet. Only the kinds the example uses
    (deduct, pass_fail) and no N/A, so the score is 100 − Σ lost."""
    responses = {r["item"]: r for r in inspection["responses"]}
    out = {}
    for sec in standard["sections"]:
        for it in sec["items"]:
            r = responses.get(it["id"])
            if r is None:
                continue
            mx = F(it["max_score"])
            if it["kind"] == "deduct":
                defects = r.get("defects", len(r.get("findings", [])))
                lost = min(mx, defects * F(it["deduction"]))
            elif it["kind"] == "pass_fail":
                lost = Fraction(0) if r["passed"] else mx
            else:
                raise AssertionError("the example uses deduct and pass_fail items only")
            if lost:
                out[it["id"]] = (sec["id"], sec["title"], it["title"], lost,
                                 [f["department"] for f in r.get("findings", [])])
    return out


def pay_band(score):
    """R-SCORE-4 exactly as written (000 二(一)1.5)."""
    if score >= 95:
        return 10
    if score >= 90:
        return 5
    if score >= 80:
        return 0
    if score >= 75:
        return -5
    return -10


class ExampleRecomputed(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.req = load("examples", "data", "assessment_2026-11.json")
        cls.std = load("src", "presets", "residential_example.json")
        cls.res = pmq.assess(cls.req)
        cls.projects = {p["id"]: p for p in cls.res["projects"]}

    def test_inspectors_means_carry_over_pay_R_SCORE_1_3_4(self):
        sheets = defaultdict(list)
        for ins in self.req["inspections"]:
            lost = sum(v[3] for v in sheet_losses(self.std, ins).values())
            sheets[ins["project"]].append((ins["inspector"], 100 - lost))
        carried = defaultdict(Fraction)
        for c in self.req["carry_over"]:
            carried[c["project"]] += F(c["points"])
        finals = {}
        for pid, p in self.projects.items():
            mine = sheets.get(pid, [])
            self.assertEqual([(s["inspector"], F(s["exact"])) for s in p["inspectors"]], mine)
            if not mine:
                self.assertNotIn("exact", p)  # no data, never 0
                continue
            mean = sum(s for _, s in mine) / len(mine)
            final = max(Fraction(0), mean - carried[pid])
            finals[pid] = final
            self.assertEqual(F(p["mean_exact"]), mean)
            self.assertEqual(F(p["exact"]), final)
            self.assertEqual(p["passed"], final >= 90)
            self.assertEqual(p["pay"]["percent"], pay_band(final))
        # The numbers docs/assessment.md states.
        self.assertEqual(finals["翠湖花园"], Fraction(559, 6))
        self.assertEqual(finals["锦绣华庭"], Fraction(187, 2))
        self.assertEqual(finals["滨江一号"], Fraction(577, 6))
        self.assertEqual(finals["阳光小区"], Fraction(521, 6))
        self.assertEqual(pay_band(Fraction(191, 2)), 10)  # 锦绣华庭 without its carry-over

    def test_branches_company_ranks_R_SCORE_2(self):
        finals = {pid: F(p["exact"]) for pid, p in self.projects.items() if "exact" in p}
        branch_means = {}
        for b in self.req["organisation"]["branches"]:
            xs = [finals[p["id"]] for p in b["projects"] if p["id"] in finals]
            branch_means[b["id"]] = sum(xs) / len(xs)
        got = {b["id"]: F(b["exact"]) for b in self.res["branches"]}
        self.assertEqual(got, branch_means)
        self.assertEqual(branch_means["东区分公司"], Fraction(1697, 18))
        self.assertEqual(branch_means["西区分公司"], Fraction(521, 6))  # its one project with data
        self.assertEqual(F(self.res["company"]["mean"]["exact"]), Fraction(815, 9))
        self.assertEqual(F(self.res["company"]["all_projects"]["exact"]), Fraction(1109, 12))
        order = sorted(finals, key=lambda k: -finals[k])
        self.assertEqual([self.projects[k]["rank_in_company"] for k in order], [1, 2, 3, 4])
        self.assertEqual([s["project"] for s in self.res["top"]], order[:3])
        self.assertEqual([s["project"] for s in self.res["bottom"]], order[::-1][:3])
        self.assertNotIn("rank_in_company", self.projects["金色家园"])

    def test_history_R_SCORE_6(self):
        self.assertEqual(F(self.projects["翠湖花园"]["change"]["exact"]), Fraction(559, 6) - 92)
        runs = {(r["kind"], r["subject"]): r["periods"] for r in self.res["consecutive_failures"]}
        self.assertEqual(runs, {("project", "阳光小区"): ["2026-10", "2026-11"],
                                ("branch", "西区分公司"): ["2026-09", "2026-10", "2026-11"]})

    def test_quality_analysis_R_REP_1(self):
        by_item, by_section, by_dept = defaultdict(Fraction), defaultdict(Fraction), defaultdict(Fraction)
        per_project = defaultdict(list)
        for ins in self.req["inspections"]:
            per_project[ins["project"]].append(sheet_losses(self.std, ins))
        for sheets in per_project.values():
            n = len(sheets)
            for losses in sheets:
                for item, (sec, _, _, lost, depts) in losses.items():
                    by_item[item] += lost / n
                    by_section[sec] += lost / n
                    for d in depts:
                        by_dept[d] += lost / n / len(depts)
        an = self.res["analysis"]
        self.assertEqual({l["id"]: F(l["exact"]) for l in an["items"]}, dict(by_item))
        self.assertEqual({l["id"]: F(l["exact"]) for l in an["sections"]}, dict(by_section))
        self.assertEqual({l["id"]: F(l["exact"]) for l in an["departments"]}, dict(by_dept))
        total = sum(by_item.values())
        self.assertEqual(F(an["total_exact"]), total)
        # Σ points lost + Σ project means = 100 × projects (no N/A in the example)
        means = sum(F(p["mean_exact"]) for p in self.res["projects"] if "mean_exact" in p)
        self.assertEqual(total + means, 400)
        ranked = sorted(by_item, key=lambda k: (-by_item[k], k))
        top = [k for k in ranked if by_item[k] >= by_item[ranked[4]]]  # ties with the 5th kept
        self.assertEqual([e["item"] for e in an["pareto"]], top)
        self.assertEqual(top[3:], ["KF-02", "SB-05", "ZX-01"])  # 5/3 each
        self.assertEqual(F(an["pareto"][0]["share_exact"]), by_item[top[0]] / total)
        repeats = {(r["project"], r["item"]): r["periods"] for r in an["repeat_findings"]}
        self.assertEqual(repeats[("阳光小区", "BJ-02")], ["2026-09", "2026-10", "2026-11"])
        self.assertEqual(repeats[("翠湖花园", "SB-05")], ["2026-10", "2026-11"])

    def test_summary_table_and_due_date_R_CAL_5_R_REP_2(self):
        east = self.res["summary_tables"][0]
        self.assertEqual(east["due"], "2026-12-05")
        self.assertEqual(east["inspectors"], ["刘洋", "张伟", "黄芳"])
        row = east["rows"][1]
        self.assertEqual((row["project"], row["deduction"], row["orders"], row["final_score"]),
                         ("锦绣华庭", 2, ["ZG-2026-102"], 93.5))
        west = self.res["summary_tables"][1]
        self.assertEqual(west["rows"][1]["remarks"], ["no_data"])
        kinds = [p["kind"] for p in self.res["problems"]]
        self.assertEqual(kinds, ["project_no_data"])

    def test_tables(self):
        text = pmq.assess_table(self.req)
        self.assertIn("《东区分公司2026年11月份项目考核评分汇总表》", text)
        self.assertIn("金色家园（西区分公司）本期无检查数据", text)
        csv = pmq.assess_table(self.req, "csv", "en")
        self.assertTrue(csv.startswith("\ufeff"))
        self.assertIn("\r\n", csv)
        self.assertIn("No.,Project,Head,刘洋,张伟,黄芳,Mean", csv)
        with self.assertRaises(pmq.Error) as ctx:
            pmq.assess_table(self.req, "xlsx")
        self.assertEqual(ctx.exception.code, pmq.EINVAL)


def small(**extra):
    req = {"period": "2026-11",
           "organisation": {"company": "C", "branches": [
               {"id": "B", "head": "H", "projects": [{"id": "P", "head": "h"}]}]}}
    req.update(extra)
    return req


class EdgesAndErrors(unittest.TestCase):
    def test_band_edge_on_exact_means_R_SCORE_4(self):
        # 89.99, 90, 90 → 26999/300 = 89.9967, shown 90.00: not 90 → unchanged, failed
        r = pmq.assess(small(scores=[{"project": "P", "inspector": i, "score": s}
                                     for i, s in (("a", "89.99"), ("b", 90), ("c", 90))]))
        p = r["projects"][0]
        self.assertEqual((p["exact"], p["score"], p["pay"]["percent"], p["passed"]),
                         (Fraction(26999, 300), 90, 0, False))
        self.assertIn("decided_on_exact", r["summary_tables"][0]["rows"][0]["remarks"])
        r = pmq.assess(small(scores=[{"project": "P", "inspector": "a", "score": 90}]))
        self.assertEqual(r["projects"][0]["pay"]["percent"], 5)

    def test_per_point_R_SCORE_5(self):
        r = pmq.assess(small(pay={"scheme": "per_point"},
                             scores=[{"project": "P", "inspector": "a", "score": "88.5"}]))
        self.assertEqual(r["projects"][0]["pay"]["percent"], -1)

    def test_bad_input_names_the_path(self):
        with self.assertRaises(pmq.Error) as ctx:
            pmq.assess(small(scores=[{"project": "Q", "inspector": "a", "score": 90}]))
        self.assertEqual(ctx.exception.code, pmq.EINPUT)
        self.assertEqual(ctx.exception.path, "scores[0].project")
        with self.assertRaises(pmq.Error) as ctx:
            pmq.assess(small(scores=[{"project": "P", "inspector": "a", "score": 90,
                                      "date": "2026-12-01"}]))
        self.assertEqual(ctx.exception.path, "scores[0].date")


if __name__ == "__main__":
    unittest.main()
