"""Tests of the Python binding for complaints (R-CAL-10; counts for R-KPI-6, R-KPI-12)."""
import unittest

import pmq


class ComplaintTest(unittest.TestCase):
    def test_counts_R_CAL_10(self):
        r = pmq.evaluate_complaints({"as_of": "2026-11-30T18:00+08:00", "complaints": [
            {"id": "C-1", "category": "urgent_repair", "received": "2026-11-30T08:00+08:00",
             "responded": "2026-11-30T08:30+08:00", "handled": "2026-11-30T09:00+08:00",
             "followed_up": "2026-11-30T10:00+08:00", "satisfied": True},
            {"id": "C-2", "category": "cleaning", "received": "2026-11-29T08:00+08:00"}]})
        self.assertEqual(r["counts"]["valid_complaints"], 2)
        self.assertEqual(r["counts"]["handled_late"], 1)
        self.assertEqual(r["counts"]["followed_up"], 1)
        self.assertIn("urgent_repair", [c["id"] for c in pmq.complaint_classes()])

    def test_time_without_offset(self):
        with self.assertRaises(pmq.Error) as ctx:
            pmq.evaluate_complaints({"as_of": "2026-11-30T18:00", "complaints": []})
        self.assertEqual(ctx.exception.path, "as_of")


if __name__ == "__main__":
    unittest.main()
