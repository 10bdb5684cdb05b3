"""Tests of the Python binding for outsourced suppliers (R-OUT-*). Run by ctest."""
import json
import os
import unittest
from decimal import Decimal

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


if __name__ == "__main__":
    unittest.main()
