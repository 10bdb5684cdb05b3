"""Quality targets and KPIs (R-KPI-1 … R-KPI-32) over the C ABI.

Rates are exact: a result's ``actual`` carries the exact fraction (``Fraction``) and the value
rendered in the target's unit, rounded half up (a string such as "97.50"); a zero denominator
is ``{"no_data": True, "reason": ...}`` (R-KPI-31), never 0 % or 100 %.

>>> r = pmq.kpi.evaluate("R-KPI-12", {"valid_complaints": 40, "handled_late": 1})
>>> r["actual"]
{'exact': Fraction(39, 40), 'value': '97.50', 'unit': 'percent'}
>>> r["status"], r["gap"]
('missed', '-2.50')
"""
import ctypes as _ctypes
from decimal import Decimal as _Decimal
import typing as _typing

from . import _lib
from ._numbers import Number as _Number
from ._numbers import to_count as _to_count
from ._numbers import to_exact_text as _to_exact_text
from . import types as _t

#: rate_check / pmq_rate_check status values (pmq.h).
NO_DATA = 0
MET = 1
MISSED = 2

_rate = _lib.declare("pmq_rate", _ctypes.c_int64, _ctypes.c_int64, _ctypes.c_int, _lib.out_p,
                     _ctypes.POINTER(_ctypes.c_int))
_rate_check = _lib.declare("pmq_rate_check", _ctypes.c_int64, _ctypes.c_int64, _ctypes.c_char_p,
                           _ctypes.c_char_p, _ctypes.POINTER(_ctypes.c_int))
_catalogue = _lib.declare("pmq_kpi_catalogue", _lib.out_p)
_evaluate = _lib.declare("pmq_kpi_evaluate", _ctypes.c_char_p, _ctypes.c_char_p, _lib.out_p)
_evaluate_custom = _lib.declare("pmq_kpi_evaluate_custom", _ctypes.c_char_p, _ctypes.c_char_p,
                                _lib.out_p)
_expr = _lib.declare("pmq_expr_evaluate", _ctypes.c_char_p, _ctypes.c_char_p, _lib.out_p)
_series = _lib.declare("pmq_kpi_series", _ctypes.c_char_p, _ctypes.c_char_p, _ctypes.c_char_p,
                       _lib.out_p)
_table = _lib.declare("pmq_kpi_table", _ctypes.c_char_p, _ctypes.c_char_p, _ctypes.c_char_p,
                      _lib.out_p)
_fees = _lib.declare("pmq_fee_plan_check", _ctypes.c_char_p, _ctypes.c_char_p, _lib.out_p)


def rate(numerator: _Number, denominator: _Number, places: int = 2) -> _typing.Optional[_Decimal]:
    """numerator / denominator as a percentage rounded half up to ``places`` (0..9), or None
    when the denominator is zero (no data, R-KPI-31).

    >>> pmq.kpi.rate(197, 200), pmq.kpi.rate(0, 0)
    (Decimal('98.50'), None)
    """
    out = _ctypes.c_void_p()
    has = _ctypes.c_int()
    _rate(_to_count(numerator, "numerator"), _to_count(denominator, "denominator"), places,
          _ctypes.byref(out), _ctypes.byref(has))
    text = _lib.take_string(out.value)
    return _Decimal(text) if has.value and text is not None else None


def rate_check(numerator: _Number, denominator: _Number, comparator: str,
               threshold_percent: _Number) -> str:
    """"met", "missed" or "no_data" for numerator / denominator against a target such as
    ("ge", "98"); the comparison is exact (89.9995 % is below 90 %).

    >>> pmq.kpi.rate_check(89999, 100000, "ge", 90)
    'missed'
    """
    status = _ctypes.c_int()
    _rate_check(_to_count(numerator, "numerator"), _to_count(denominator, "denominator"),
                _lib.text(comparator), _to_exact_text(threshold_percent, "threshold_percent")
                .encode("ascii"), _ctypes.byref(status))
    return {NO_DATA: "no_data", MET: "met", MISSED: "missed"}[status.value]


def catalogue() -> list[_t.JSONObject]:
    """The built-in KPI definitions."""
    return _lib.call_json(_catalogue)


def evaluate(kpi_id: str, counts: _t.Document) -> _t.KpiResult:
    """Evaluates a catalogue KPI (its id, or its rule id such as "R-KPI-12") on counts."""
    return _lib.call_json(_evaluate, _lib.text(kpi_id), _lib.document(counts))


def evaluate_custom(definition: _t.Document, counts: _t.Document) -> _t.KpiResult:
    """Evaluates a custom KPI definition (the catalogue's format) on counts."""
    return _lib.call_json(_evaluate_custom, _lib.document(definition), _lib.document(counts))


def evaluate_expression(expression: str, values: _t.Document) -> _t.JSONObject:
    """Evaluates an expression of the KPI language exactly over named values.

    >>> pmq.kpi.evaluate_expression("min(a, b) / max(a, b)", {"a": 3, "b": 4})["exact"]
    Fraction(3, 4)
    """
    return _lib.call_json(_expr, _lib.text(expression), _lib.document(values))


def series(kpi_id: str, months: _t.Document, period_kind: str = "month") -> list[_t.JSONObject]:
    """A catalogue KPI over ``[{"month", "counts"}]`` per "month", "quarter", "half_year" or
    "year": counts summed, the rate recomputed; periods without data stay as no data."""
    return _lib.call_json(_series, _lib.text(kpi_id), _lib.document(months),
                          _lib.text(period_kind))


def table(plan: _t.Document, actuals: _t.Document, period: str) -> _t.JSONObject:
    """The 质量目标完成统计表 (R-KPI-30) for a period ("2026-03", "2026-Q1", "2026-H1",
    "2026")."""
    return _lib.call_json(_table, _lib.document(plan), _lib.document(actuals), _lib.text(period))


def fee_plan_check(plan: _t.Document, period: str) -> _t.JSONObject:
    """Checks a fee arrears collection plan (R-KPI-32) at the end of a period ("2026-Q2")."""
    return _lib.call_json(_fees, _lib.document(plan), _lib.text(period))


__all__ = ["rate", "rate_check", "catalogue", "evaluate", "evaluate_custom",
           "evaluate_expression", "series", "table", "fee_plan_check", "NO_DATA", "MET",
           "MISSED"]
