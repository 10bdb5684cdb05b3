"""Tests of the Python binding (ctypes) for standards and scoring. Run by ctest."""
import json
import os
import unittest

import pmq

EXAMPLES = os.path.join(os.path.dirname(__file__), "..", "..", "..", "examples", "data")

SHEET = {
    "id": "py-test", "version": "1", "title": "Python 测试", "total": 10,
    "sections": [{"id": "BJ", "title": "保洁", "items": [
        {"id": "BJ-01", "title": "楼道", "requirement": "无杂物", "max_score": 6,
         "kind": "deduct", "deduction": 0.1},
        {"id": "BJ-02", "title": "垃圾桶", "requirement": "无异味", "max_score": 4,
         "kind": "pass_fail"}]}],
}


class ScoringTest(unittest.TestCase):
    def test_version(self):
        self.assertEqual(pmq.version(), "0.1.0")

    def test_exact_score_R_STD_5(self):
        with pmq.Standard.load(SHEET) as s:
            r = s.score({"id": "I-1", "responses": [{"item": "BJ-01", "defects": 50}]})
        self.assertEqual(r["score"], 5)
        self.assertEqual(r["status"], "scored")
        self.assertEqual(r["sections"][0]["items"][0]["explanation"], "50 处 × 0.1 = 扣 5 分")

    def test_json_strings_accepted(self):
        r = pmq.score(json.dumps(SHEET), '{"id": "I", "responses": []}')
        self.assertEqual(r["score"], 10)

    def test_builtin_and_example(self):
        self.assertIn("pmq-residential-example", pmq.builtin_standards())
        with open(os.path.join(EXAMPLES, "inspection.json"), encoding="utf-8") as f:
            inspection = json.load(f)
        with pmq.Standard.builtin() as s:
            r = s.score(inspection)
            self.assertEqual(s.to_dict()["id"], "pmq-residential-example")
        self.assertLessEqual(r["score"], r["max_score"])

    def test_batch(self):
        s = pmq.Standard.load(SHEET)
        results = s.score_batch([{"id": "a", "responses": []},
                                 {"id": "b", "responses": [{"item": "BJ-02", "passed": False}]}])
        s.close()
        self.assertEqual([r["score"] for r in results], [10, 6])

    def test_error_names_path(self):
        bad = json.loads(json.dumps(SHEET))
        bad["sections"][0]["items"][1]["max_score"] = -4
        with self.assertRaises(pmq.Error) as ctx:
            pmq.Standard.load(bad)
        self.assertEqual(ctx.exception.code, pmq.EINPUT)
        self.assertEqual(ctx.exception.path, "sections[0].items[1].max_score")

    def test_unknown_item(self):
        with pmq.Standard.load(SHEET) as s:
            with self.assertRaises(pmq.Error) as ctx:
                s.score({"id": "I", "responses": [{"item": "NOPE"}]})
        self.assertEqual(ctx.exception.path, "responses[0].item")

    def test_malformed_json(self):
        with self.assertRaises(pmq.Error) as ctx:
            pmq.Standard.load("{")
        self.assertEqual(ctx.exception.code, pmq.EPARSE)

    def test_closed_handle(self):
        s = pmq.Standard.load(SHEET)
        s.close()
        s.close()  # twice is fine
        with self.assertRaises(ValueError):
            s.score({"id": "I", "responses": []})

    def test_unknown_builtin(self):
        with self.assertRaises(pmq.Error) as ctx:
            pmq.Standard.builtin("nope")
        self.assertEqual(ctx.exception.code, pmq.EINVAL)


if __name__ == "__main__":
    unittest.main()
