"""Exact numbers both ways: results never hold a float; inputs take int, str, Decimal and
Fraction and refuse float, saying why."""
import unittest
from decimal import Decimal
from fractions import Fraction

import pmq
from pmq import _numbers


def floats_in(value, path="$"):
    if isinstance(value, float):
        yield path
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from floats_in(v, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from floats_in(v, f"{path}[{i}]")


class ResultsTest(unittest.TestCase):
    def test_no_float_anywhere_in_a_score_result(self):
        with pmq.Standard.builtin("cn-national-demo-estate") as s:
            r = s.score({"id": "I", "responses": [{"item": "JC-09", "defects": 3}]})
        self.assertEqual(list(floats_in(r)), [])
        self.assertIsInstance(r["score"], Decimal)
        self.assertEqual(r["sections"][0]["items"][8]["deducted"], Decimal("0.3"))

    def test_exact_values_are_fractions(self):
        r = pmq.rollup({"branches": [{"id": "b", "projects": [{"id": "p", "scores": [95, 94, 94]}]}]})
        self.assertEqual(r["company"]["exact"], Fraction(283, 3))
        self.assertEqual(r["company"]["score"], Decimal("94.33"))
        self.assertEqual(list(floats_in(pmq.supplier.default_rules("monthly"))), [])

    def test_money_to_the_fen(self):
        plan = {"name": "p", "lines": [{"fee_type": "电费欠费", "due": Decimal("152700.00"),
                                         "target_rate": 90, "collected": [
                                             {"month": "2026-04", "amount": Decimal("137430")}]}]}
        c = pmq.kpi.fee_plan_check(plan, "2026-Q2")
        self.assertEqual(c["lines"][0]["status"], "met")


class InputsTest(unittest.TestCase):
    def test_scores_as_int_str_decimal_fraction(self):
        with pmq.Bands.builtin("pay_adjustment") as pay:
            for score in (95, "95", Decimal("95.000"), Fraction(95)):
                self.assertEqual(pay.classify(score)["id"], "plus_10")
            self.assertEqual(pay.classify(Fraction(94999, 1000))["id"], "plus_5")

    def test_float_refused_with_the_reason(self):
        with pmq.Bands.builtin("pay_adjustment") as pay:
            with self.assertRaises(TypeError) as ctx:
                pay.classify(94.5)
        self.assertIn("binary", str(ctx.exception))
        self.assertIn("Decimal", str(ctx.exception))
        with self.assertRaises(TypeError):
            pmq.per_point_pay(88.5)
        with self.assertRaises(TypeError):
            pmq.kpi.rate(1.0, 2)

    def test_exact_scores_neither_refused_nor_rounded(self):
        # Bands decide on the exact value (issue 9): 94.9995 and 283/3 go to the C ABI exactly.
        with pmq.Bands.builtin("pay_adjustment") as pay:
            self.assertEqual(pay.classify("94.9995")["id"], "plus_5")
            self.assertEqual(pay.classify(Fraction(283, 3))["id"], "plus_5")
            self.assertEqual(pay.classify(Fraction(26999, 300))["id"], "unchanged")

    def test_exact_text_for_the_string_entry_points(self):
        self.assertEqual(_numbers.to_exact_text(Fraction(26999, 300)), "26999/300")
        self.assertEqual(_numbers.to_exact_text(Fraction(1, 8)), "0.125")
        self.assertEqual(_numbers.to_exact_text("89.9967"), "89.9967")
        self.assertEqual(_numbers.to_exact_text(Decimal("90.50")), "90.5")
        self.assertEqual(_numbers.to_exact_text(95), "95")
        with self.assertRaises(ValueError):
            _numbers.to_exact_text("ninety")

    def test_documents_written_exactly(self):
        self.assertEqual(_numbers.encode({"a": [Decimal("94.50"), Fraction(1, 8), Fraction(1, 3)]}),
                         b'{"a":[94.50,0.125,"1/3"]}')
        self.assertEqual(_numbers.encode({"t": "楼道"}), '{"t":"楼道"}'.encode("utf-8"))
        # A float is written as its shortest decimal; one that is not what was meant (more
        # decimals than a score holds) is refused by the library with its path.
        with self.assertRaises(pmq.Error) as ctx:
            pmq.Standard.load({"id": "s", "version": "1", "title": "t", "sections": [
                {"id": "A", "title": "a", "items": [{"id": "X", "title": "x", "requirement": "r",
                                                    "max_score": 0.1 + 0.2, "kind": "pass_fail"}]}]})
        self.assertEqual(ctx.exception.path, "sections[0].items[0].max_score")


class ErrorsTest(unittest.TestCase):
    def test_parse_errors_in_pmqs_words_with_line_and_column(self):
        with self.assertRaises(pmq.Error) as ctx:
            pmq.Standard.load('{"id": "x",\n  "sections": [1, }')
        self.assertEqual(ctx.exception.code, pmq.EPARSE)
        self.assertIn("line 2, column 19", ctx.exception.message)
        self.assertNotIn("json.exception", ctx.exception.message)

    def test_plain_arguments_are_einval(self):
        with self.assertRaises(pmq.Error) as ctx:
            pmq.kpi.table({}, [], "2026-Q5")
        self.assertEqual(ctx.exception.code, pmq.EINVAL)
        with self.assertRaises(pmq.Error) as ctx:
            pmq.kpi.series("R-KPI-12", [], "fortnight")
        self.assertEqual(ctx.exception.code, pmq.EINVAL)
        with self.assertRaises(pmq.Error) as ctx:
            pmq.kpi.rate_check(1, 2, ">=", 90)
        self.assertEqual(ctx.exception.code, pmq.EINVAL)
        # the same kind of value inside a JSON document is EINPUT
        with self.assertRaises(pmq.Error) as ctx:
            pmq.monthly_deadlines({"month": "2026-13"})
        self.assertEqual(ctx.exception.code, pmq.EINPUT)

    def test_every_problem_in_one_pass(self):
        bad = {"id": "x", "version": "1", "title": "t", "sections": [
            {"id": "A", "title": "A", "items": [
                {"id": "A-1", "title": "a", "requirement": "r", "max_score": "ten",
                 "kind": "deduct", "deduction": 1}]},
            {"id": "B", "title": "B", "items": [
                {"id": "B-1", "title": "b", "requirement": "r", "max_score": -4,
                 "kind": "pass_fail"}]}]}
        with self.assertRaises(pmq.Error) as ctx:
            pmq.Standard.load(bad)
        paths = [p["path"] for p in ctx.exception.problems]
        self.assertEqual(paths, ["sections[0].items[0].max_score", "sections[1].items[0].max_score"])


if __name__ == "__main__":
    unittest.main()
