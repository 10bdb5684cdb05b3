"""The HTML reports through the binding (R-REP-3, R-REP-1, R-REP-2)."""
import json
import pathlib
import unittest

import pmq

EXAMPLES = pathlib.Path(__file__).resolve().parents[3] / "examples" / "data"


def example(name):
    return json.loads((EXAMPLES / name).read_text("utf-8"))


class ReportTest(unittest.TestCase):
    def test_inspection_report_escapes_input_R_REP_3(self):
        inspection = example("inspection.json")
        inspection["responses"][0]["findings"][0]["description"] = "<script>alert(1)</script>"
        with pmq.Standard.builtin() as s:
            html = pmq.report.inspection_report(s, inspection)
            en = pmq.report.inspection_report(s, inspection, lang="en")
        self.assertTrue(html.startswith("<!DOCTYPE html>"))
        self.assertNotIn("<script", html)
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", html)
        self.assertIn('id="total-score"', html)
        self.assertIn('<html lang="en">', en)

    def test_assessment_report_R_REP_1(self):
        html = pmq.report.assessment_report(example("assessment_2026-11.json"))
        self.assertIn("chart bars ranking", html)
        self.assertIn("无数据", html)

    def test_targets_report_R_REP_2(self):
        html = pmq.report.targets_report(example("targets_plan.json"),
                                         example("targets_actuals.json"), "2026-Q1", "en")
        self.assertIn("target-row", html)
        self.assertIn(">2026-02<", html)

    def test_bad_language_and_period(self):
        with self.assertRaises(pmq.Error) as e:
            pmq.report.assessment_report(example("assessment_2026-11.json"), "fr")
        self.assertEqual(e.exception.code, pmq.EINVAL)
        with self.assertRaises(pmq.Error) as e:
            pmq.report.targets_report(example("targets_plan.json"),
                                      example("targets_actuals.json"), "2026-Q5")
        self.assertEqual(e.exception.code, pmq.EINVAL)

    def test_score_in_english(self):
        with pmq.Standard.builtin() as s:
            zh = s.score(example("inspection.json"))
            en = s.score(example("inspection.json"), lang="en")
        self.assertEqual(zh["score"], en["score"])
        self.assertNotEqual(zh["sections"][0]["items"][0]["explanation"],
                            en["sections"][0]["items"][0]["explanation"])


if __name__ == "__main__":
    unittest.main()
