"""pmq.testing: a quality department's cases from unittest/pytest, as `pmq test` runs them."""
import json
import os
import tempfile
import unittest

import pmq
import pmq.testing

ROOT = os.path.join(os.path.dirname(__file__), "..", "..", "..")
BUILTIN_CASES = os.path.join(ROOT, "examples", "cases", "builtin_cases.json")

# The example case file for the built-in standards, one unittest method per case.
BuiltinCases = pmq.testing.unittest_class(BUILTIN_CASES, "BuiltinCases")


class TestingTest(unittest.TestCase):
    def test_example_file_passes(self):
        outcomes = pmq.testing.run_cases(BUILTIN_CASES)
        self.assertGreater(len(outcomes), 10)
        self.assertTrue(all(o["passed"] for o in outcomes), [o for o in outcomes if not o["passed"]])
        pmq.testing.assert_cases(BUILTIN_CASES)

    def test_failure_says_expected_actual_and_why(self):
        case = pmq.testing.load_cases([{
            "name": "wrong", "standard": "pmq-residential-example",
            "inspection": {"id": "T", "responses": [{"item": "BJ-01", "defects": 3}]},
            "expect": {"score": "99", "passed": None}}])[0]
        with self.assertRaises(pmq.testing.CaseFailed) as ctx:
            case.check()
        text = str(ctx.exception)
        self.assertIn("score: expected 99, actual 98.5", text)
        self.assertIn("3 处 × 0.5 = 扣 1.5 分", text)
        self.assertIsInstance(ctx.exception, AssertionError)

    def test_case_errors(self):
        outcome = pmq.testing.load_cases([{"name": "typo", "bands": "pay_adjustment",
                                           "score": 95, "expect": {"bnad": "plus_10"}}])[0].run()
        self.assertFalse(outcome["passed"])
        self.assertEqual(outcome["errors"][0]["path"], "expect.bnad")

    def test_files_relative_to_the_case_file(self):
        with tempfile.TemporaryDirectory() as d:
            with pmq.Standard.builtin() as s, open(os.path.join(d, "mine.json"), "w",
                                                   encoding="utf-8") as f:
                f.write(pmq.dumps(s.to_dict()))
            with open(os.path.join(d, "cases.json"), "w", encoding="utf-8") as f:
                json.dump({"defaults": {"standard": "mine.json"}, "cases": [
                    {"name": "clean", "inspection": {"id": "T", "responses": []},
                     "expect": {"score": 100}}]}, f)
            cls = pmq.testing.unittest_class(os.path.join(d, "cases.json"))
            result = unittest.TestResult()
            unittest.defaultTestLoader.loadTestsFromTestCase(cls).run(result)
            self.assertTrue(result.wasSuccessful(), result.failures + result.errors)
            self.assertEqual(result.testsRun, 1)


if __name__ == "__main__":
    unittest.main()
