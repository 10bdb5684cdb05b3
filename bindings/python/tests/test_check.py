"""pmq.check: errors and warnings about a company's own rules."""
import unittest

import pmq

STANDARD = {"id": "co", "version": "1", "title": "公司标准", "pass_mark": 8, "sections": [
    {"id": "BJ", "title": "保洁", "critical_min": 10, "items": [
        {"id": "BJ-01", "title": "楼道", "requirement": "无杂物", "max_score": 6,
         "kind": "deduct", "deduction": 6},
        {"id": "BJ-02", "title": "楼道", "requirement": "无异味", "max_score": 4,
         "kind": "pass_fail"}]},
    {"id": "AQ", "title": "安全", "items": [
        {"id": "AQ-01", "title": "重大安全事故", "requirement": "无", "max_score": 0,
         "kind": "veto", "veto_effect": "cap", "veto_cap": 10}]}]}


class CheckTest(unittest.TestCase):
    def warnings(self, doc, kind=None):
        report = pmq.check(doc, kind)
        self.assertTrue(report["valid"], report["errors"])
        out = {}
        for w in report["warnings"]:
            out[w["path"]] = out.get(w["path"], "") + w["message"] + "\n"
        return out

    def test_standard_warnings(self):
        w = self.warnings(STANDARD)
        self.assertIn("one defect takes the whole item", w["sections[0].items[0].deduction"])
        self.assertIn("duplicate item title", w["sections[0].items[1].title"])
        self.assertIn("the veto caps nothing", w["sections[1].items[0].veto_cap"])
        self.assertIn("a single defect fails", w["sections[0].critical_min"])

    def test_pass_mark_every_inspection_reaches(self):
        doc = dict(STANDARD, pass_mark=0)
        self.assertIn("every inspection passes", self.warnings(doc)["pass_mark"])

    def test_errors_stop_loading(self):
        doc = dict(STANDARD, pass_mark=120)
        report = pmq.check(doc)
        self.assertFalse(report["valid"])
        self.assertEqual([e["path"] for e in report["errors"]], ["pass_mark"])
        self.assertEqual(report["warnings"], [])

    def test_builtins_are_clean(self):
        for sid in pmq.builtin_standards():
            with pmq.Standard.builtin(sid) as s:
                self.assertEqual(self.warnings(s.to_dict()), {}, sid)

    def test_band_table(self):
        table = {"id": "t", "title": "t", "min": 0, "max": 100, "bands": [
            {"id": "low", "label": "低", "to": 90, "pay_adjustment": 5},
            {"id": "high", "label": "低", "from": 90, "pay_adjustment": 0}]}
        w = self.warnings(table)
        self.assertIn("pays less", w["bands[1].pay_adjustment"])
        self.assertIn("duplicate label", w["bands[1].label"])

    def test_kpi_definition(self):
        definition = {"id": "k", "name": "k", "expression": "a / b",
                      "inputs": [{"name": "a", "description": "a"},
                                 {"name": "b", "description": "b"},
                                 {"name": "c", "description": "unused"}],
                      "target": {"op": "gt", "threshold": 100, "unit": "percent"}}
        w = self.warnings(definition, "kpi_definition")
        self.assertIn("never uses it", w["inputs[2].name"])
        self.assertIn("no share of a whole", w["target.threshold"])

    def test_unknown_kind(self):
        with self.assertRaises(pmq.Error) as ctx:
            pmq.check({"x": 1})
        self.assertEqual(ctx.exception.code, pmq.EINPUT)
        with self.assertRaises(pmq.Error) as ctx:
            pmq.check(STANDARD, "nonsense")
        self.assertEqual(ctx.exception.code, pmq.EINVAL)


if __name__ == "__main__":
    unittest.main()
