"""Band tables (R-SCORE-4, R-SCORE-6) and the per-point pay scheme (R-SCORE-5).

Scores are exact: pass an int, a str ("89.9967", "26999/300" as pmq writes "exact"
values), a decimal.Decimal or a fractions.Fraction. Floats are refused: 89.99999999999999999
is 90.0 as a float, and a decision on it would be wrong.
"""
import ctypes
from decimal import Decimal
from fractions import Fraction

from ._lib import Handle, call_json, declare, encode, lib

_bands_p = ctypes.c_void_p
_load = declare("pmq_bands_load", ctypes.c_char_p, ctypes.POINTER(_bands_p))
_builtin = declare("pmq_bands_builtin", ctypes.c_char_p, ctypes.POINTER(_bands_p))
_classify_exact = declare("pmq_bands_classify_exact", _bands_p, ctypes.c_char_p,
                          ctypes.POINTER(ctypes.c_void_p))
_per_point_exact = declare("pmq_per_point_pay_exact", ctypes.c_char_p, ctypes.c_char_p,
                           ctypes.POINTER(ctypes.c_void_p))
lib.pmq_bands_free.argtypes = [_bands_p]
lib.pmq_bands_free.restype = None


def _exact_text(score):
    """An exact score as the text the C ABI reads: "90", "89.9967" or "26999/300"."""
    if isinstance(score, bool) or not isinstance(score, (int, str, Decimal, Fraction)):
        raise TypeError(f"pass scores as int, str, decimal.Decimal or fractions.Fraction, not "
                        f"{type(score).__name__}: a float is not exact")
    if isinstance(score, Fraction):
        return f"{score.numerator}/{score.denominator}" if score.denominator != 1 \
            else str(score.numerator)
    if isinstance(score, Decimal):
        if not score.is_finite():
            raise ValueError(f"{score} is not a finite number")
        return format(score, "f")
    return str(score)


class Bands(Handle):
    """A validated band table: ``Bands.builtin("pay_adjustment")`` or ``Bands.load(dict)``."""

    _free = lib.pmq_bands_free

    @classmethod
    def load(cls, table):
        h = _bands_p()
        _load(encode(table), ctypes.byref(h))
        return cls(h)

    @classmethod
    def builtin(cls, table_id):
        h = _bands_p()
        _builtin(table_id.encode("utf-8"), ctypes.byref(h))
        return cls(h)

    def classify(self, score):
        """The band (dict) an exact score falls in: ``classify(Fraction(26999, 300))`` is
        the 80–90 band though the score shows as 90.00."""
        return call_json(_classify_exact, self._live(), _exact_text(score).encode("utf-8"))



def per_point_pay(score, scheme=None):
    """R-SCORE-5: {"passed", "points_lost", "pay_reduction", "points_lost_exact",
    "pay_reduction_exact"} for an exact score."""
    return call_json(_per_point_exact, _exact_text(score).encode("utf-8"),
                     encode(scheme) if scheme is not None else None)
