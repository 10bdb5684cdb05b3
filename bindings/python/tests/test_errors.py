"""The error contract as Python sees it (issue 10, defect 4): pmq.Error always describes the
call that raised it, with a message and a path, never an earlier call's problem."""
import unittest

import pmq
from pmq import supplier
from pmq._lib import call_json


class ErrorContractTest(unittest.TestCase):
    def test_defect4_error_is_this_calls_not_the_previous_ones(self):
        with self.assertRaises(pmq.Error) as first:
            pmq.monthly_deadlines({"month": "2026-13"})
        self.assertEqual(first.exception.path, "month")
        # Invalid UTF-8 in an argument: the message quotes it with U+FFFD, and every detail is
        # this call's (the dump of the problems used to throw and leave the previous ones).
        with self.assertRaises(pmq.Error) as second:
            call_json(supplier._defaults, b"\xff")
        e = second.exception
        self.assertEqual(e.code, pmq.EINVAL)
        self.assertEqual(e.path, "which")
        self.assertIn("no default rules", e.message)
        self.assertIn("\ufffd", e.message)
        self.assertEqual(e.problems[0]["path"], "which")
        self.assertNotIn("2026-13", str(e.problems))

    def test_defect4_nul_key_is_named_visibly(self):
        with self.assertRaises(pmq.Error) as caught:
            pmq.archive_loans({"today": "2027-01-04", "\u0000": 1,
                               "loans": [{"file": "F-1", "borrowed": "2026-12-20"}]})
        self.assertEqual(caught.exception.path, "\\u0000")
        self.assertIn("unknown field", caught.exception.message)

    def test_defect7_duplicate_keys_are_refused(self):
        with self.assertRaises(pmq.Error) as caught:
            pmq.kpi.evaluate("R-KPI-12", '{"valid_complaints":40,"handled_late":1,"handled_late":0}')
        self.assertEqual(caught.exception.path, "counts.handled_late")


if __name__ == "__main__":
    unittest.main()
