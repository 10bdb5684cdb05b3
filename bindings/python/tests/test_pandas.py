"""pmq.pandas: DataFrames in, DataFrames out, numbers exact."""
import unittest
from decimal import Decimal

try:
    import pandas as pd
except ImportError:  # pragma: no cover
    pd = None

import pmq

if pd is not None:
    import pmq.pandas


@unittest.skipIf(pd is None, "pandas is not installed (Debian: python3-pandas)")
class PandasTest(unittest.TestCase):
    def test_both_shapes_agree(self):
        per_item = pd.DataFrame({
            "inspection": ["I-1", "I-1", "I-2", "I-3"],
            "project": ["P", "P", "P", "Q"],
            "item": ["BJ-01", "SB-04", None, "KF-05"],
            "defects": [3, None, None, None],
            "not_applicable": [None, True, None, None],
            "passed": [None, None, None, False]})
        per_inspection = pd.DataFrame({
            "inspection": ["I-1", "I-2", "I-3"], "project": ["P", "P", "Q"],
            "responses": [[{"item": "BJ-01", "defects": 3}, {"item": "SB-04", "not_applicable": True}],
                          [], '[{"item": "KF-05", "passed": false}]']})
        a = pmq.pandas.score_frame("pmq-residential-example", per_item)
        b = pmq.pandas.score_frame("pmq-residential-example", per_inspection)
        pd.testing.assert_frame_equal(a.results, b.results)
        pd.testing.assert_frame_equal(a.items, b.items)
        self.assertEqual(list(a.results["score"]), [Decimal("98.44"), 100, 97])
        self.assertEqual(len(a.items), 3 * 29)
        self.assertFalse(any(isinstance(v, float) for v in a.items["score"]))

    def test_errors_name_the_inspection(self):
        frame = pd.DataFrame({"inspection": ["I-1", "I-2"], "item": ["BJ-01", "NOPE"]})
        with self.assertRaises(pmq.Error) as ctx:
            pmq.pandas.score_frame("pmq-residential-example", frame)
        self.assertEqual(ctx.exception.path, "[1].responses[0].item")

    def test_kpi_by_project_and_quarter(self):
        counts = pd.DataFrame({
            "project": ["P", "P", "Q"], "month": ["2026-01", "2026-02", "2026-01"],
            "valid_complaints": [40, 10, 0], "handled_late": [1, 0, 0]})
        t = pmq.pandas.kpi_frame("R-KPI-12", counts, period="quarter", by=["project"])
        self.assertEqual(t[["project", "status", "exact"]].values.tolist(),
                         [["P", "missed", "49/50"], ["Q", "no_data", None]])

    def test_standard_compiled_once(self):
        s1 = pmq.pandas.compiled("pmq-residential-example")
        self.assertIs(s1, pmq.pandas.compiled("pmq-residential-example"))


if __name__ == "__main__":
    unittest.main()
