"""Tests of the typed batch (Standard.score_values_batch): any int64 buffer in, one score per
inspection out, the same scores as score_values, and bad input reported. Run by ctest."""
import array
import sys
import unittest

import pmq

SHEET = {
    "id": "py-typed", "version": "1", "title": "typed", "total": 10,
    "sections": [{"id": "BJ", "title": "保洁", "items": [
        {"id": "BJ-01", "title": "楼道", "requirement": "无杂物", "max_score": 6,
         "kind": "deduct", "deduction": 0.1},
        {"id": "BJ-02", "title": "垃圾桶", "requirement": "无异味", "max_score": 4,
         "kind": "pass_fail"}]}],
}

ROWS = [[3, 1], [pmq.NO_RESPONSE, 0], [pmq.NOT_APPLICABLE, pmq.NOT_APPLICABLE], [70, 1]]
EXPECTED = [9700, 6000, pmq.NO_DATA, 4000]


def flat(rows):
    return [v for row in rows for v in row]


class TypedBatchTest(unittest.TestCase):
    def test_buffers_of_every_kind_give_the_single_scores(self):
        with pmq.Standard.load(SHEET) as s:
            singles = [s.score_values(r) for r in ROWS]
            self.assertEqual([None if v is None else int(v * 1000) for v in singles],
                             [None if v == pmq.NO_DATA else v for v in EXPECTED])
            a = array.array("q", flat(ROWS))
            self.assertEqual(list(s.score_values_batch(a)), EXPECTED)
            self.assertEqual(list(s.score_values_batch(a.tobytes())), EXPECTED)
            self.assertEqual(list(s.score_values_batch(bytearray(a.tobytes()))), EXPECTED)
            self.assertEqual(list(s.score_values_batch(memoryview(a))), EXPECTED)
            self.assertEqual(list(s.score_values_batch(flat(ROWS))), EXPECTED)
            self.assertEqual(list(s.score_values_batch(a, items=2)), EXPECTED)
            self.assertEqual(list(s.score_values_batch(array.array("q"))), [])

    def test_numpy_arrays_when_installed(self):
        try:
            import numpy as np
        except ImportError:
            self.skipTest("numpy is not installed")
        with pmq.Standard.load(SHEET) as s:
            two_d = np.array(ROWS, dtype=np.int64)
            self.assertEqual(list(s.score_values_batch(two_d)), EXPECTED)
            self.assertEqual(list(s.score_values_batch(two_d.ravel())), EXPECTED)
            with self.assertRaises(ValueError):
                s.score_values_batch(two_d.T)  # not C-contiguous
            with self.assertRaises(TypeError):
                s.score_values_batch(two_d.astype(np.int32))

    def test_bad_values_name_the_row(self):
        with pmq.Standard.load(SHEET) as s:
            with self.assertRaises(pmq.Error) as e:
                s.score_values_batch(array.array("q", [1, 1, 1, 7, -9, 0]))
            self.assertEqual(e.exception.code, pmq.EINPUT)
            self.assertEqual(e.exception.path, "[1].values[1]")
            paths = [p["path"] for p in e.exception.problems]
            self.assertEqual(paths, ["[1].values[1]", "[2].values[0]"])

    def test_bad_shapes_and_types(self):
        with pmq.Standard.load(SHEET) as s:
            with self.assertRaises(ValueError):
                s.score_values_batch(array.array("q", [1, 1, 1]))  # not whole rows
            with self.assertRaises(ValueError):
                s.score_values_batch(b"\x00" * 12)  # not whole int64 values
            with self.assertRaises(TypeError):
                s.score_values_batch(array.array("i", [1, 1]))
            with self.assertRaises(TypeError):
                s.score_values_batch(["a", "b"])
            with self.assertRaises(pmq.Error) as e:
                s.score_values_batch(array.array("q", [1, 1, 1]), items=3)
            self.assertEqual(e.exception.code, pmq.EINPUT)
            self.assertIn("rows of 3 values", str(e.exception))

    def test_large_batch_matches_single_calls(self):
        import random
        rng = random.Random(12)
        rows = [[rng.choice([-2, -1, 0, 1, 5, 80]), rng.choice([-2, -1, 0, 1])]
                for _ in range(2000)]
        with pmq.Standard.load(SHEET) as s:
            batch = list(s.score_values_batch(array.array("q", flat(rows))))
            singles = [s.score_values(r) for r in rows]
        self.assertEqual(batch, [pmq.NO_DATA if v is None else int(v * 1000) for v in singles])


if __name__ == "__main__":
    unittest.main()


class ExpressionTest(unittest.TestCase):
    def test_compiled_once_evaluated_many_times(self):
        from fractions import Fraction
        with pmq.Expression("(valid - late) / valid") as e:
            self.assertEqual(e.names, ["late", "valid"])
            self.assertEqual(e.evaluate([1, 40]), Fraction(39, 40))
            self.assertEqual(e(late=2, valid=8), Fraction(3, 4))
            self.assertIsNone(e(late=0, valid=0))  # no data, never 0 or 100 %
            for k in range(1, 200):
                self.assertEqual(e.evaluate([k % 3, k]), Fraction(k - k % 3, k))

    def test_bad_input(self):
        with self.assertRaises(pmq.Error) as ctx:
            pmq.Expression("(a + b")
        self.assertEqual(ctx.exception.code, pmq.EINPUT)
        self.assertIn("at position 7", str(ctx.exception))
        with pmq.Expression("a / b") as e:
            with self.assertRaises(pmq.Error) as ctx:
                e.evaluate([-1, 2])
            self.assertEqual(ctx.exception.path, "values[0]")
            with self.assertRaises(ValueError):
                e.evaluate([1])
            with self.assertRaises(TypeError):
                e.evaluate([1, "2"])
            with self.assertRaises(KeyError):
                e(a=1)
