"""A compiled expression of the KPI language (``pmq.Expression``, over the C handle
``pmq_expr``): parsed once, evaluated many times with int counts — for one custom KPI over
many projects or months. Results are exact ``Fraction``s, or None for no data."""
import ctypes as _ctypes
from fractions import Fraction as _Fraction
import typing as _typing

from . import _lib

_p = _ctypes.c_void_p
_create = _lib.declare("pmq_expr_create", _ctypes.c_char_p, _ctypes.POINTER(_p))
_count = _lib.declare("pmq_expr_name_count", _p, _ctypes.POINTER(_ctypes.c_size_t))
_name = _lib.declare("pmq_expr_name", _p, _ctypes.c_size_t, _ctypes.POINTER(_ctypes.c_char_p))
_eval = _lib.declare("pmq_expr_eval_int64", _p, _ctypes.POINTER(_ctypes.c_int64), _ctypes.c_size_t,
                     _ctypes.POINTER(_ctypes.c_int64), _ctypes.POINTER(_ctypes.c_int64))


class Expression(_lib.Handle):
    """An expression of the KPI language, compiled once.

    >>> with pmq.Expression("(valid - late) / valid") as e:
    ...     e.names, e(late=1, valid=40), e(late=0, valid=0)
    (['late', 'valid'], Fraction(39, 40), None)
    """

    _free = _lib.declare_free("pmq_expr_free")

    def __init__(self, expression: str):
        handle = _p()
        _create(_lib.text(expression), _ctypes.byref(handle))
        super().__init__(handle)
        n = _ctypes.c_size_t()
        _count(self._live(), _ctypes.byref(n))
        self.names: list[str] = []
        for i in range(n.value):
            out = _ctypes.c_char_p()
            _name(self._live(), i, _ctypes.byref(out))
            self.names.append(out.value.decode("utf-8"))
        self._values = (_ctypes.c_int64 * max(1, len(self.names)))()
        self._num = _ctypes.c_int64()
        self._den = _ctypes.c_int64()

    def evaluate(self, values: _typing.Sequence[int]) -> _typing.Optional[_Fraction]:
        """The exact value for counts given in the order of ``names`` (ints ≥ 0), or None
        for no data (a zero divisor)."""
        if len(values) != len(self.names):
            raise ValueError(f"expected {len(self.names)} values ({', '.join(self.names)}), "
                             f"got {len(values)}")
        for i, v in enumerate(values):
            if isinstance(v, bool) or not isinstance(v, int):
                raise TypeError(f"values[{i}]: expected an int count, got {type(v).__name__}")
            self._values[i] = v
        _eval(self._live(), self._values, len(self.names), _ctypes.byref(self._num),
              _ctypes.byref(self._den))
        return None if self._den.value == 0 else _Fraction(self._num.value, self._den.value)

    def __call__(self, **values: int) -> _typing.Optional[_Fraction]:
        """Evaluates with the counts by name: ``e(late=1, valid=40)``."""
        missing = [n for n in self.names if n not in values]
        if missing:
            raise KeyError(f"missing value for {', '.join(missing)}")
        return self.evaluate([values[n] for n in self.names])
