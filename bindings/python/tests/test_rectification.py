"""Tests of the Python binding for rectification (R-CAL-5, R-CAL-6, R-SCORE-3, R-SCORE-6)."""
import unittest
from decimal import Decimal

import pmq

EVENTS = [
    {"order": "R-1", "kind": "issued", "date": "2026-11-02", "project": "P-01"},
    {"order": "R-1", "kind": "reinspected", "date": "2026-11-12", "passed": False},
]


class RectificationTest(unittest.TestCase):
    def test_overdue_R_CAL_6(self):
        self.assertEqual(pmq.rectification_status({"events": EVENTS, "as_of": "2026-11-09"})["overdue"], [])
        self.assertEqual(pmq.rectification_status({"events": EVENTS, "as_of": "2026-11-10"})["overdue"], ["R-1"])

    def test_carry_over_R_SCORE_3(self):
        r = pmq.rectification_report({"month": "2026-11", "events": EVENTS,
                                      "carry_over_points": 1.5})
        self.assertEqual(r["carry_over"][0]["order"], "R-1")
        self.assertEqual(r["carry_over"][0]["points"], Decimal("1.5"))
        self.assertEqual(r["table"]["due"], "2026-12-05")

    def test_invalid_transition(self):
        with self.assertRaises(pmq.Error) as ctx:
            pmq.rectification_status({"as_of": "2026-11-30", "events": EVENTS + [
                {"order": "R-1", "kind": "issued", "date": "2026-11-20", "project": "P"}]})
        self.assertEqual(ctx.exception.path, "events[2].kind")

    def test_consecutive_failures_R_SCORE_6(self):
        f = pmq.consecutive_failures({"assessments": [
            {"subject": "P", "period": "2026-10", "score": 89.999},
            {"subject": "P", "period": "2026-11", "score": 90},
            {"subject": "Q", "period": "2026-10", "passed": False},
            {"subject": "Q", "period": "2026-11", "passed": False}]})
        self.assertEqual([x["subject"] for x in f], ["Q"])
        self.assertEqual(pmq.consecutive_failures({"pass_threshold": 80, "assessments": [
            {"subject": "P", "period": "2026-10", "score": 85},
            {"subject": "P", "period": "2026-11", "score": 85}]}), [])

    def test_carry_over_regimes_R_SCORE_3(self):
        events = [dict(EVENTS[0], department="保洁部"), EVENTS[1]]
        branch = pmq.rectification_report({"month": "2026-11", "events": events})
        self.assertEqual(branch["carry_over"][0]["applies_to"], "2026-12")
        self.assertEqual(branch["carry_over"][0]["project"], "P-01")
        self.assertEqual(branch["carry_over"][0]["department"], "保洁部")
        company = pmq.rectification_report({"month": "2026-11", "events": events,
                                            "regime": "company"})
        self.assertEqual(company["carry_over"][0]["applies_to"], "2027-H1")

    def test_gaps_break_the_run_R_SCORE_6(self):
        jan_mar = [{"subject": "P", "period": "2026-01", "score": 80},
                   {"subject": "P", "period": "2026-03", "score": 80}]
        self.assertEqual(pmq.consecutive_failures({"assessments": jan_mar}), [])
        self.assertEqual(len(pmq.consecutive_failures({"assessments": jan_mar,
                                                       "gaps": "ignored"})), 1)

    def test_exact_scores_R_SCORE_6(self):
        from decimal import Decimal
        from fractions import Fraction
        for score in (Fraction(26999, 300), Decimal("89.9999"), "26999/300"):
            f = pmq.consecutive_failures({"assessments": [
                {"subject": "P", "period": "2026-10", "score": score},
                {"subject": "P", "period": "2026-11", "score": 80}]})
            self.assertEqual(len(f), 1, score)
        self.assertEqual(pmq.consecutive_failures({"assessments": [
            {"subject": "P", "period": "2026-10", "score": Fraction(90)},
            {"subject": "P", "period": "2026-11", "score": 80}]}), [])
        with self.assertRaises(pmq.Error) as ctx:
            pmq.consecutive_failures({"assessments": [
                {"subject": "P", "period": "2026-10", "score": "ninety"}]})
        self.assertEqual(ctx.exception.path, "assessments[0].score")


if __name__ == "__main__":
    unittest.main()
