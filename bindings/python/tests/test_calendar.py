"""Tests of the Python binding for the calendar (R-CAL-1..R-CAL-9, R-OUT-7, R-OUT-10)."""
import unittest

import pmq

PLAN = {"from": "2026-01-01", "to": "2026-12-31", "projects": ["P-01", "P-02"], "seed": 42}


class CalendarTest(unittest.TestCase):
    def test_deadlines_turn_of_year_R_CAL_5(self):
        table = pmq.monthly_deadlines({"month": "2026-12"})
        summary = [e for e in table if e["rule"] == "R-CAL-5"]
        self.assertEqual(summary[0]["due"], "2027-01-05")
        strict = pmq.monthly_deadlines({"month": "2026-12", "rules": {"before_includes_day": False}})
        self.assertEqual([e for e in strict if e["rule"] == "R-CAL-5"][0]["due"], "2027-01-04")

    def test_february_R_CAL_9(self):
        due = {e["rule"]: e["due"] for e in pmq.monthly_deadlines({"month": "2027-02"})}
        self.assertEqual(due["R-CAL-9"], "2027-02-28")

    def test_working_calendar_rolls(self):
        table = pmq.monthly_deadlines({"month": "2026-07", "calendar": {"basis": "working_days"}})
        roster = [e for e in table if e["rule"] == "R-OUT-7"][0]
        self.assertEqual(roster["due"], "2026-07-06")  # the 5th is a Sunday

    def test_plan_reproducible_R_CAL_2(self):
        a = pmq.inspection_plan(PLAN)
        b = pmq.inspection_plan(dict(PLAN))
        self.assertEqual(a, b)
        audits = [s for s in a["slots"] if s["level"] == "head_office_audit"]
        self.assertEqual(len(audits), 4)
        self.assertTrue(all(s["unannounced"] for s in audits))

    def test_households_R_CAL_7(self):
        households = [{"id": "%d-%d" % (b, u), "building": str(b)} for b in range(3) for u in range(5)]
        s = pmq.sample_households({"households": households, "seed": 9, "count": 6,
                                   "spread_across_buildings": True})
        self.assertEqual(len(s), 6)
        self.assertEqual(len({h["building"] for h in s}), 3)

    def test_loans_R_CAL_8(self):
        r = pmq.archive_loans({"today": "2027-01-04", "loans": [
            {"file": "A", "borrowed": "2026-12-20"}, {"file": "B", "borrowed": "2026-12-21"}]})
        self.assertEqual(r["overdue"], ["A"])

    def test_errors_name_the_field(self):
        with self.assertRaises(pmq.Error) as ctx:
            pmq.monthly_deadlines({"month": "2026-02-30"})
        self.assertEqual(ctx.exception.code, pmq.EINPUT)
        self.assertEqual(ctx.exception.path, "month")
        with self.assertRaises(pmq.Error) as ctx:
            pmq.inspection_plan(dict(PLAN, to="2025-12-31"))
        self.assertEqual(ctx.exception.path, "to")


if __name__ == "__main__":
    unittest.main()
