"""Band tables (R-SCORE-4, R-SCORE-6) and the per-point pay scheme (R-SCORE-5)."""
import ctypes
from decimal import Decimal

from ._lib import Handle, call_json, declare, encode, lib

_bands_p = ctypes.c_void_p
_load = declare("pmq_bands_load", ctypes.c_char_p, ctypes.POINTER(_bands_p))
_builtin = declare("pmq_bands_builtin", ctypes.c_char_p, ctypes.POINTER(_bands_p))
_classify = declare("pmq_bands_classify", _bands_p, ctypes.c_int64, ctypes.POINTER(ctypes.c_void_p))
_per_point = declare("pmq_per_point_pay", ctypes.c_int64, ctypes.c_char_p,
                     ctypes.POINTER(ctypes.c_void_p))
lib.pmq_bands_free.argtypes = [_bands_p]
lib.pmq_bands_free.restype = None


def _milli(score):
    """A score (int, str or Decimal; floats refused: they are not exact) → 1/1000 points."""
    if isinstance(score, float):
        raise TypeError("pass scores as int, str or decimal.Decimal, not float")
    d = Decimal(str(score)) * 1000
    if d != d.to_integral_value():
        raise ValueError(f"{score} has more than 3 decimals")
    return int(d)


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
        """The band (dict) a score falls in."""
        return call_json(_classify, self._live(), _milli(score))



def per_point_pay(score, scheme=None):
    """R-SCORE-5: {"passed", "points_lost", "pay_reduction"} for a score."""
    return call_json(_per_point, _milli(score), encode(scheme) if scheme is not None else None)
