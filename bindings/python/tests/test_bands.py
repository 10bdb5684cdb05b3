"""Python tests for band tables, roll-ups, derived standards and the typed path."""
import unittest
from decimal import Decimal
from fractions import Fraction

import pmq

SHEET = {
    "id": "co", "version": "1", "title": "公司标准",
    "sections": [{"id": "BJ", "title": "保洁", "items": [
        {"id": "BJ-01", "title": "楼道", "requirement": "无杂物", "max_score": 6,
         "kind": "deduct", "deduction": 0.1},
        {"id": "BJ-02", "title": "垃圾桶", "requirement": "无异味", "max_score": 4,
         "kind": "pass_fail"}]}],
}


class BandsTest(unittest.TestCase):
    def test_pay_adjustment_edges_R_SCORE_4(self):
        with pmq.Bands.builtin("pay_adjustment") as t:
            self.assertEqual(t.classify(95)["id"], "plus_10")
            self.assertEqual(t.classify("94.999")["id"], "plus_5")
            self.assertEqual(t.classify(Decimal("75"))["id"], "minus_5")
            self.assertEqual(t.classify("74.999")["id"], "minus_10")
            self.assertEqual(t.classify(100)["id"], "plus_10")
            with self.assertRaises(TypeError):
                t.classify(94.5)  # floats are not exact
            with self.assertRaises(pmq.Error) as ctx:
                t.classify(101)
            self.assertEqual(ctx.exception.code, pmq.EINVAL)

    def test_exact_scores_R_SCORE_4(self):
        """Issue 9: bands are decided on the exact score; 89.9967 shows as 90 but is below it."""
        from fractions import Fraction
        with pmq.Bands.builtin("pay_adjustment") as t:
            self.assertEqual(t.classify(Fraction(26999, 300))["id"], "unchanged")
            self.assertEqual(t.classify("26999/300")["id"], "unchanged")
            self.assertEqual(t.classify(Decimal("89.99999999999999999"))["id"], "unchanged")
            self.assertEqual(t.classify(Fraction(90))["id"], "plus_5")
            with self.assertRaises(TypeError):
                t.classify(True)
            with self.assertRaises(ValueError):
                t.classify("ninety")

    def test_annual_grades_R_SCORE_6(self):
        with pmq.Bands.builtin("annual_grades") as t:
            self.assertEqual(t.classify(95)["label"], "优")
            self.assertFalse(t.classify("89.999")["award_eligible"])

    def test_uncovered_maximum_refused(self):
        with self.assertRaises(pmq.Error) as ctx:
            pmq.Bands.load({"id": "t", "title": "t", "min": 0, "max": 100,
                            "bands": [{"id": "a", "label": "a", "to": 100, "to_edge": "exclusive"}]})
        self.assertEqual(ctx.exception.path, "bands[0].to_edge")

    def test_per_point_R_SCORE_5(self):
        self.assertEqual(pmq.per_point_pay(90)["pay_reduction"], 0)
        self.assertEqual(pmq.per_point_pay("88.5")["pay_reduction"], 1)
        self.assertEqual(pmq.per_point_pay("88.5", {"rounding": "started_points"})["pay_reduction"], 2)
        from fractions import Fraction
        r = pmq.per_point_pay(Fraction(269, 3), {"rounding": "exact"})
        self.assertEqual(r["points_lost_exact"], Fraction(1, 3))
        with self.assertRaises(pmq.Error) as ctx:
            pmq.per_point_pay(150)
        self.assertEqual((ctx.exception.code, ctx.exception.path), (pmq.EINPUT, "score"))

    def test_rollup_R_SCORE_1_2(self):
        r = pmq.rollup({"branches": [{"id": "b", "projects": [
            {"id": "p1", "scores": [95, 94, 94]}, {"id": "p2", "scores": []}]}]})
        self.assertEqual(r["branches"][0]["projects"][0]["result"]["exact"], Fraction(283, 3))
        self.assertEqual(r["branches"][0]["projects"][0]["result"]["score"], Decimal("94.33"))
        self.assertNotIn("score", r["branches"][0]["projects"][1]["result"])  # no data
        self.assertEqual(r["branches"][0]["result"]["inputs"], 1)

    def test_derive_and_typed_path_R_STD_2(self):
        with pmq.Standard.load(SHEET) as co, co.derive({"id": "p", "clauses": ["BJ-01"]}) as p:
            self.assertEqual(p.to_dict()["origin"], {"id": "co", "version": "1"})
            self.assertEqual(p.item_count(), 1)
            self.assertEqual(p.score_values([50]), Decimal("1"))
            self.assertIsNone(p.score_values([pmq.NOT_APPLICABLE]))
            with self.assertRaises(pmq.Error) as ctx:
                co.derive({"id": "p", "clauses": ["NOPE"]})
            self.assertEqual(ctx.exception.path, "clauses[0]")


if __name__ == "__main__":
    unittest.main()
