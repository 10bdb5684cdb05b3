"""Tests of the Python binding for outsourced suppliers (R-OUT-*). Run by ctest."""
import json
import os
import unittest
from decimal import Decimal
from fractions import Fraction

import pmq

DATA = os.path.join(os.path.dirname(__file__), "..", "..", "..", "tests", "data")


def load(name, kind="valid"):
    with open(os.path.join(DATA, kind, name), encoding="utf-8") as f:
        return json.load(f)


class SupplierTest(unittest.TestCase):
    def test_qualify_R_OUT_2(self):
        r = pmq.supplier.qualify(load("supplier_qualification.json"))
        self.assertFalse(r["qualified"])
        self.assertEqual([m["item"] for m in r["missing"]], ["qa_certificate", "service_report.schedule"])

    def test_worked_month_R_OUT_4(self):
        r = pmq.supplier.evaluate_month(load("supplier_month.json"))
        self.assertEqual(r["score"], Decimal("80.5"))
        self.assertEqual(r["fee_reduction_percent"], 9)
        self.assertEqual(r["base_amount"], Decimal("29333.33"))
        self.assertEqual(r["fines"], 395)
        self.assertEqual(r["settlement"], Decimal("26298.33"))
        self.assertTrue(r["settled_by_attendance"])
        self.assertTrue(r["submitted_on_time"])

    def test_month_rules_override(self):
        record = load("supplier_month.json")
        rules = pmq.supplier.default_rules("monthly")
        rules["fee_reduction"]["percent_per_point"] = 0
        r = pmq.supplier.evaluate_month(json.dumps(record), rules)
        self.assertEqual(r["settlement"], Decimal("29333.33") - 395)

    def test_tender_R_OUT_3(self):
        r = pmq.supplier.evaluate_tender(load("supplier_tender.json"), load("supplier_tender_rules.json"))
        self.assertTrue(r["extremes_dropped"])
        self.assertEqual([row["bidder"] for row in r["ranking"]], ["B", "A", "C"])
        self.assertEqual(r["candidates"], ["B", "A"])

    def test_staffing_R_OUT_5(self):
        r = pmq.supplier.check_staffing(load("supplier_month.json")["staffing"])
        self.assertEqual(r["attended_person_days"], 176)
        self.assertEqual({v["rule"] for v in r["violations"]}, {"R-OUT-5", "R-OUT-9"})

    def test_year_and_bars_R_OUT_11(self):
        r = pmq.supplier.evaluate_year(load("supplier_year.json"))
        self.assertEqual(r["qualified_suppliers"], ["SUP-CLEAN", "SUP-GREEN"])
        bars = {b["supplier"]: b for b in r["bars"]}
        self.assertEqual(bars["SUP-GUARD"]["may_bid_from"], "2028-12-31")
        self.assertEqual(bars["SUP-PEST"]["may_bid_from"], "2029-12-31")
        decisions = [{"supplier": "SUP-GUARD", "decided": "2026-12-31", "reason": "unqualified"}]
        def query(on, **more):
            return dict({"supplier": "SUP-GUARD", "on": on, "decisions": decisions}, **more)
        self.assertFalse(pmq.supplier.may_bid(query("2028-12-30"))["may_bid"])
        self.assertTrue(pmq.supplier.may_bid(query("2028-12-31"))["may_bid"])
        one_year = pmq.supplier.may_bid(query("2027-12-30", rules={"unqualified_years": 1}))
        self.assertFalse(one_year["may_bid"])
        self.assertEqual(one_year["may_bid_from"], "2027-12-31")

    def test_errors_name_paths(self):
        with self.assertRaises(pmq.Error) as ctx:
            pmq.supplier.evaluate_month(load("supplier_month_inconsistent.json", "invalid"))
        self.assertEqual(ctx.exception.code, pmq.EINPUT)
        paths = {p["path"] for p in ctx.exception.problems}
        self.assertIn("satisfaction.satisfied", paths)
        self.assertIn("staffing.attendance[0].present", paths)
        with self.assertRaises(pmq.Error) as ctx:
            pmq.supplier.evaluate_tender("{")
        self.assertEqual(ctx.exception.code, pmq.EPARSE)
        with self.assertRaises(pmq.Error) as ctx:
            pmq.supplier.default_rules("weekly")
        self.assertEqual(ctx.exception.code, pmq.EINVAL)
        with self.assertRaises(pmq.Error) as ctx:
            pmq.supplier.evaluate_year({"year": 2026, "decided": "2026-12-31", "suppliers": []})
        self.assertEqual(ctx.exception.path, "suppliers")

    def test_standings_on_the_exact_mean_R_OUT_11(self):
        r = pmq.supplier.evaluate_year({"year": 2026, "decided": "2026-12-31", "suppliers": [
            {"supplier": "A", "monthly_scores": [79.999, 80]},
            {"supplier": "B", "monthly_scores": [89.999, 90]}]})
        a, b = r["suppliers"]
        self.assertEqual((a["score"], a["exact"], a["band"]), (80, Fraction(159999, 2000), "unqualified"))
        self.assertEqual((b["score"], b["exact"], b["band"]), (90, Fraction(179999, 2000), "on_notice"))
        self.assertEqual(r["qualified_suppliers"], ["B"])
        with self.assertRaises(pmq.Error) as ctx:
            pmq.supplier.evaluate_year({"year": 9999, "decided": "9999-12-31", "suppliers": [
                {"supplier": "A", "monthly_scores": [70]}]})
        self.assertEqual((ctx.exception.code, ctx.exception.path), (pmq.EINPUT, "decided"))

    def test_exact_fee_reduction_R_OUT_4(self):
        rules = {"deductions": [{"kind": "minor_nonconformity", "title": "x", "points_each": 10.5,
                                 "fine_each": 0}],
                 "fee_reduction": {"rounding": "exact", "percent_per_point": 0.005}}
        r = pmq.supplier.evaluate_month({"supplier": "S", "year": 2026, "month": 11, "fee": 30000,
                                         "incidents": [{"kind": "minor_nonconformity", "count": 1}]},
                                        rules)
        self.assertEqual(r["fee_reduction_percent_exact"], Fraction(1, 400))
        self.assertEqual(r["settlement"], 29999.25)

    def test_vacancy_carried_across_the_month_end_R_OUT_5(self):
        nov = load("supplier_month.json")["staffing"]
        dec = dict(nov, month=12, roster_submitted="2026-12-03", changes=[], patrols=[])
        dec["roster"] = [dict(p, patrols=False) for p in nov["roster"]]
        dec["attendance"] = [{"role": a["role"], "present": [a["present"][0]] * 31}
                             for a in nov["attendance"]]
        dec["attendance"][0]["present"][0] -= 1
        dec["attendance"][0]["present"][1] -= 1
        self.assertEqual(pmq.supplier.check_staffing(dec)["violations"], [])
        dec["carried_vacancies"] = [{"role": dec["attendance"][0]["role"], "since": "2026-11-29"}]
        r = pmq.supplier.check_staffing(dec)
        self.assertEqual([(v["rule"], v["date"]) for v in r["violations"]],
                         [("R-OUT-5", "2026-12-02")])


if __name__ == "__main__":
    unittest.main()
