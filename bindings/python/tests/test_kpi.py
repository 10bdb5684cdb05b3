"""Tests of the Python binding for quality targets and KPIs (R-KPI-*). Run by ctest."""
import json
import unittest
from decimal import Decimal
from fractions import Fraction

import pmq
from pmq import kpi

PLAN = {
    "company": "XX物业公司", "year": 2026,
    "targets": [
        {"key": "KF-01", "kpi": "R-KPI-12", "department": "客服部", "owner": "张三",
         "measures": ["投诉 24 小时内回复"]},
        {"key": "KF-02", "kpi": "R-KPI-10", "department": "客服部", "owner": "张三",
         "target": {"op": "ge", "threshold": 95, "unit": "percent"}},
    ],
}
ACTUALS = [
    {"month": "2026-01", "actuals": [
        {"target": "KF-01", "counts": {"valid_complaints": 40, "handled_late": 1}}]},
    {"month": "2026-03", "actuals": [
        {"target": "KF-01", "counts": {"valid_complaints": 10, "handled_late": 0}}]},
]


class KpiTest(unittest.TestCase):
    def test_rate_R_KPI_31(self):
        self.assertEqual(kpi.rate(197, 200), Decimal("98.50"))
        self.assertEqual(kpi.rate(1, 8, places=1), Decimal("12.5"))
        self.assertIsNone(kpi.rate(0, 0))  # no data: not 0 %, not 100 %
        self.assertEqual(kpi.rate_check(49, 50, "ge", "98"), "met")
        self.assertEqual(kpi.rate_check(89999, 100000, "ge", 90), "missed")
        self.assertEqual(kpi.rate_check(0, 0, "ge", 90), "no_data")

    def test_evaluate_R_KPI_12(self):
        r = kpi.evaluate("R-KPI-12", {"valid_complaints": 40, "handled_late": 1})
        self.assertEqual(r["actual"], {"exact": Fraction(39, 40), "value": "97.50", "unit": "percent"})
        self.assertEqual(r["status"], "missed")
        self.assertEqual(r["gap"], "-2.50")
        r = kpi.evaluate("complaint_timeliness", '{"valid_complaints": 0, "handled_late": 0}')
        self.assertEqual(r["actual"], {"no_data": True, "reason": "no valid complaints"})
        self.assertEqual(r["status"], "no_data")
        self.assertNotIn("gap", r)  # no data, no gap: absent, not null (docs/formats.md)

    def test_catalogue(self):
        rules = {k.get("rule") for k in kpi.catalogue()}
        for i in list(range(1, 14)) + list(range(20, 31)):
            self.assertIn("R-KPI-%d" % i, rules)

    def test_impossible_counts_name_the_field(self):
        with self.assertRaises(pmq.Error) as ctx:
            kpi.evaluate("R-KPI-12", {"valid_complaints": 3, "handled_late": 4})
        self.assertEqual(ctx.exception.code, pmq.EINPUT)
        self.assertEqual(ctx.exception.path, "counts.handled_late")
        with self.assertRaises(pmq.Error) as ctx:
            kpi.evaluate("R-KPI-12", {"valid_complaints": -1, "handled_late": 0})
        self.assertEqual(ctx.exception.path, "counts.valid_complaints")
        with self.assertRaises(pmq.Error) as ctx:
            kpi.evaluate("R-KPI-12", "{")
        self.assertEqual(ctx.exception.code, pmq.EPARSE)

    def test_expression(self):
        self.assertEqual(kpi.evaluate_expression("min(a, b) / max(a, b)", {"a": 3, "b": 4})["exact"], Fraction(3, 4))
        self.assertTrue(kpi.evaluate_expression("a / b", {"a": 1, "b": 0})["no_data"])
        with self.assertRaises(pmq.Error) as ctx:
            kpi.evaluate_expression("(a + b", {})
        self.assertIn("at position 7", ctx.exception.message)
        custom = {"id": "first_fix", "name": "一次修复率", "expression": "(r - v) / r",
                  "inputs": [{"name": "r", "description": "维修"}, {"name": "v", "description": "返修"}],
                  "target": {"op": "ge", "threshold": 95, "unit": "percent"}}
        self.assertEqual(kpi.evaluate_custom(custom, {"r": 20, "v": 1})["status"], "met")

    def test_series_sums_counts(self):
        months = [{"month": "2026-01", "counts": {"valid_complaints": 40, "handled_late": 1}},
                  {"month": "2026-03", "counts": {"valid_complaints": 10, "handled_late": 0}}]
        monthly = kpi.series("R-KPI-12", months, "month")
        self.assertEqual([p["period"] for p in monthly], ["2026-01", "2026-02", "2026-03"])
        self.assertTrue(monthly[1]["actual"]["no_data"])
        q = kpi.series("R-KPI-12", months, "quarter")
        self.assertEqual(q[0]["actual"]["exact"], Fraction(49, 50))  # 98 %, not the mean 98.75 %

    def test_table_R_KPI_30(self):
        t = kpi.table(PLAN, ACTUALS, "2026-03")
        self.assertEqual(t["title"], "质量目标完成统计表")
        self.assertEqual(t["rows"][0]["status"], "met")
        self.assertEqual(t["rows"][1]["status"], "no_data")
        self.assertEqual(t["summary"], {"met": 1, "missed": 0, "no_data": 1})
        q = kpi.table(json.dumps(PLAN), ACTUALS, "2026-Q1")
        self.assertEqual(q["rows"][0]["actual"]["value"], "98.00")
        with self.assertRaises(pmq.Error) as ctx:
            kpi.table(PLAN, [{"month": "2026-01", "actuals": [{"target": "NOPE", "counts": {}}]}], "2026")
        self.assertEqual(ctx.exception.path, "[0].actuals[0].target")

    def test_fee_plan_R_KPI_32(self):
        plan = {"name": "欠费收缴计划", "lines": [
            {"fee_type": "电费欠费", "due": 152700, "target_rate": 90,
             "collected": [{"month": "2026-04", "amount": 137430}]},
            {"fee_type": "物业费欠费", "due": 159700, "target_rate": 90,
             "collected": [{"month": "2026-05", "amount": 143729.99}]}]}
        c = kpi.fee_plan_check(plan, "2026-Q2")
        self.assertEqual(c["lines"][0]["status"], "met")
        self.assertEqual(c["lines"][1]["status"], "missed")
        self.assertEqual(c["lines"][1]["shortfall"], "0.01")
        self.assertEqual(c["total"]["required"], "281160.00")


    # --- issue 9: exact where the rules meet ---

    def test_rate_refuses_negative_counts_R_KPI_31(self):
        with self.assertRaises(pmq.Error) as ctx:
            kpi.rate(-1, 10)  # was "-10.00"
        self.assertEqual(ctx.exception.code, pmq.EINVAL)  # a plain argument (docs/c-api.md)
        self.assertEqual(ctx.exception.path, "numerator")
        with self.assertRaises(pmq.Error) as ctx:
            kpi.rate_check(5, -10, "ge", 98)
        self.assertEqual(ctx.exception.path, "denominator")
        self.assertEqual(kpi.rate(0, 10), Decimal("0.00"))
        # ints beyond int64 are refused, not wrapped by ctypes (2**64 + 7 was read as 7)
        with self.assertRaises(ValueError) as ctx:
            kpi.rate(2 ** 64 + 7, 10)
        self.assertIn("numerator", str(ctx.exception))
        self.assertEqual(kpi.rate(2 ** 63 - 2, 2 ** 63 - 1, 9), Decimal("100.000000000"))
        self.assertEqual(kpi.rate_check(2 ** 63 - 2, 2 ** 63 - 1, "ge", 100), "missed")

    def test_counts_are_whole_and_exact_R_KPI_12(self):
        with self.assertRaises(pmq.Error) as ctx:
            kpi.evaluate("R-KPI-12", {"valid_complaints": 1.5, "handled_late": 0})
        self.assertEqual(ctx.exception.code, pmq.EINPUT)
        self.assertEqual(ctx.exception.path, "counts.valid_complaints")
        with self.assertRaises(pmq.Error) as ctx:
            kpi.evaluate_expression("c / a", '{"a": 5191955096804367.22, "c": 648}')
        self.assertEqual(ctx.exception.path, "values.a")
        r = kpi.evaluate("R-KPI-12", {"valid_complaints": 10 ** 15, "handled_late": 1})
        self.assertEqual((r["status"], r["gap"]), ("missed", "-0.00"))
        self.assertEqual(kpi.evaluate_expression("a * a", {"a": 10 ** 18})["exact"], Fraction(10 ** 36))

    def test_training_every_month_R_KPI_26(self):
        months = [{"month": "2026-01", "counts": {"trainings": 1}},
                  {"month": "2026-02", "counts": {"trainings": 0}},
                  {"month": "2026-03", "counts": {"trainings": 2}}]
        q = kpi.series("R-KPI-26", months, "quarter")[0]
        self.assertEqual(q["status"], "missed")
        self.assertEqual([m["status"] for m in q["by_month"]], ["met", "missed", "met"])
        plan = {"company": "C", "year": 2026, "targets": [
            {"key": "YW-01", "kpi": "R-KPI-8", "department": "业务总部", "owner": "x"}]}
        actuals = [{"month": "2026-0%d" % m, "actuals": [
            {"target": "YW-01", "counts": {"held": h, "planned": 1}}]} for m, h in ((1, 1), (2, 0))]
        row = kpi.table(plan, actuals, "2026-02")["rows"][0]  # R-KPI-8: the year to date
        self.assertEqual((row["actual"]["exact"], row["months"]), (Fraction(1, 2), ["2026-01", "2026-02"]))

    def test_fee_plan_aggregate_R_KPI_32(self):
        plan = {"name": "计划", "lines": [
            {"fee_type": "电费欠费", "building": "8栋", "due": 135016.34, "target_rate": 92.5},
            {"fee_type": "物业费欠费", "building": "6栋", "due": 10868.75, "target_rate": 92.5}]}
        c = kpi.fee_plan_check(plan, "2026")
        self.assertEqual([l["required"] for l in c["lines"]], ["124890.12", "10053.60"])
        self.assertEqual(c["total"]["required"], "134943.71")  # not their sum, 134943.72


if __name__ == "__main__":
    unittest.main()
