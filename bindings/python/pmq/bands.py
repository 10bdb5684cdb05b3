"""Band tables (R-SCORE-4, R-SCORE-6, R-OUT-11) and the per-point pay scheme (R-SCORE-5)."""
import ctypes as _ctypes
import typing as _typing

from . import _lib
from ._numbers import Number as _Number
from ._numbers import to_exact_text as _to_exact_text
from . import types as _t

_p = _ctypes.c_void_p
_load = _lib.declare("pmq_bands_load", _ctypes.c_char_p, _ctypes.POINTER(_p))
_builtin = _lib.declare("pmq_bands_builtin", _ctypes.c_char_p, _ctypes.POINTER(_p))
_classify = _lib.declare("pmq_bands_classify_exact", _p, _ctypes.c_char_p, _lib.out_p)
_per_point = _lib.declare("pmq_per_point_pay_exact", _ctypes.c_char_p, _ctypes.c_char_p,
                          _lib.out_p)

# Scores go to the C ABI exactly, as text ("89.9967", "26999/300"): every decision is taken on
# the exact value (issue 9), so a Fraction such as 26999/300 is banded below 90.


class Bands(_lib.Handle):
    """A validated band table: ``Bands.builtin("pay_adjustment")`` or ``Bands.load(document)``.

    >>> with pmq.Bands.builtin("pay_adjustment") as pay:
    ...     pay.classify("94.999")["label"], pay.classify(95)["pay_adjustment"]
    ('90分(含)至95分(不含): 当月工资上浮5%', 10)

    Built in: "pay_adjustment" (R-SCORE-4), "annual_grades" (R-SCORE-6),
    "supplier_standings" (R-OUT-11).
    """

    _free = _lib.declare_free("pmq_bands_free")

    @classmethod
    def load(cls, table: _t.Document) -> "Bands":
        """Validates a band table: no gap, no overlap, both ends covered."""
        h = _p()
        _load(_lib.document(table), _ctypes.byref(h))
        return cls(h)

    @classmethod
    def builtin(cls, table_id: str) -> "Bands":
        h = _p()
        _builtin(_lib.text(table_id), _ctypes.byref(h))
        return cls(h)

    def classify(self, score: _Number) -> _t.Band:
        """The band an exact score falls in. The score is an int, a decimal str, a Decimal,
        a Fraction or an "n/d" str; a float is refused, since it is not exact.

        >>> from fractions import Fraction
        >>> pmq.Bands.builtin("pay_adjustment").classify(Fraction(26999, 300))["id"]
        'unchanged'

        >>> pmq.Bands.builtin("annual_grades").classify(94.5)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        TypeError: score: a float is binary and not exact (94.1 is stored as ...
        """
        return _lib.call_json(_classify, self._live(), _lib.text(_to_exact_text(score)))


def per_point_pay(score: _Number,
                  scheme: _typing.Optional[_t.Document] = None) -> _t.PerPointResult:
    """R-SCORE-5: 90 passes; below it each point lost lowers performance pay by one percentage
    point. ``scheme`` ({"pass_mark", "percent_per_point", "rounding"}) defaults to 90, 1 and
    whole points.

    >>> r = pmq.per_point_pay("88.5")
    >>> r["passed"], r["points_lost"], r["pay_reduction"]
    (False, 1, 1)
    >>> pmq.per_point_pay("88.5", {"rounding": "exact"})["pay_reduction"]
    Decimal('1.5')
    """
    return _lib.call_json(_per_point, _lib.text(_to_exact_text(score)),
                          _lib.document(scheme) if scheme is not None else None)


__all__ = ["Bands", "per_point_pay"]
