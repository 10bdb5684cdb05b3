"""Tests of the Python binding for closing the quality loop (R-CAL-11 … R-CAL-15)."""
import json
import os
import unittest
from fractions import Fraction

import pmq

DATA = os.path.join(os.path.dirname(__file__), "..", "..", "..", "tests", "data", "valid")


def load(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return json.load(f)


class QualityLoopTest(unittest.TestCase):
    def test_severity_deadline_and_overdue_capa_R_CAL_11_R_CAL_12(self):
        report = pmq.rectification_status(load("quality_loop_status.json"))
        order = report["orders"][0]
        self.assertEqual(order["due"], "2026-11-05")
        self.assertEqual(order["due_from"], "severity")
        self.assertFalse(order["closed"])
        self.assertEqual(order["capa"]["state"], "open")
        self.assertEqual(report["overdue_capas"], ["M"])

    def test_verification_before_implementation_R_CAL_12(self):
        request = load("quality_loop_status.json")
        request["events"].append({"order": "M", "kind": "capa_verified", "date": "2026-11-12",
                                  "effective": True})
        with self.assertRaises(pmq.Error) as caught:
            pmq.rectification_status(request)
        self.assertEqual(caught.exception.code, pmq.EINPUT)
        self.assertEqual(caught.exception.path, "events[4].kind")

    def test_plan_follow_ups_R_CAL_13(self):
        plan = pmq.inspection_plan(load("calendar_plan_follow_up.json"))
        follow = [(s["order"], s["day"]) for s in plan["slots"] if s["level"] == "follow_up"]
        self.assertEqual(follow, [("R-2", "2026-12-01"), ("R-1", "2026-12-03")])
        self.assertEqual([s["day"] for s in plan["slots"] if s["level"] == "year_end"],
                         ["2026-12-20", "2026-12-20"])

    def test_coverage_R_CAL_14(self):
        report = pmq.inspection_coverage(load("calendar_coverage.json"))
        self.assertEqual([s["state"] for s in report["slots"]],
                         ["on_time", "late", "missed", "missed"])
        self.assertEqual(report["total"]["coverage_rate"]["exact"], Fraction(1, 2))
        area = [p for p in report["patrols"] if p["project"] == "*"][0]
        self.assertEqual(area["rate"]["value"], "75.00")
        nothing_due = load("calendar_coverage.json")
        nothing_due["as_of"] = "2026-12-07"
        nothing_due["performed"] = []
        self.assertIsNone(pmq.inspection_coverage(nothing_due)["total"]["coverage_rate"])

    def test_households_in_the_score_R_CAL_15(self):
        with pmq.Standard.builtin() as standard:
            result = standard.score(load("inspection_households.json"))
        h = result["households"]
        self.assertEqual(h["visited"], 3)
        self.assertEqual(h["satisfaction_rate"]["exact"], Fraction(5, 6))
        self.assertEqual(h["complaint_handling_rate"]["value"], "50.00")


if __name__ == "__main__":
    unittest.main()
