"""Quality targets and KPIs (R-KPI-1 ... R-KPI-32) over the C ABI.

    import pmq
    pmq.kpi.evaluate("R-KPI-12", {"valid_complaints": 40, "handled_late": 1})
    # {"kpi": "complaint_timeliness", "actual": {"exact": "39/40", "value": "97.50", ...},
    #  "status": "missed", "gap": "-2.50", ...}

Rates are exact: ``actual`` carries the exact fraction and the rendered value as strings;
a zero denominator is ``{"no_data": true, "reason": ...}`` (R-KPI-31), never 0 % or 100 %.
"""
import ctypes

from ._errors import EINPUT, Error
from ._lib import call_json, declare, encode, take_string

NO_DATA = 0
MET = 1
MISSED = 2

_out = ctypes.POINTER(ctypes.c_void_p)
_rate = declare("pmq_rate", ctypes.c_int64, ctypes.c_int64, ctypes.c_int, _out,
                ctypes.POINTER(ctypes.c_int))
_rate_check = declare("pmq_rate_check", ctypes.c_int64, ctypes.c_int64, ctypes.c_char_p,
                      ctypes.c_char_p, ctypes.POINTER(ctypes.c_int))
_catalogue = declare("pmq_kpi_catalogue", _out)
_evaluate = declare("pmq_kpi_evaluate", ctypes.c_char_p, ctypes.c_char_p, _out)
_evaluate_custom = declare("pmq_kpi_evaluate_custom", ctypes.c_char_p, ctypes.c_char_p, _out)
_expr = declare("pmq_expr_evaluate", ctypes.c_char_p, ctypes.c_char_p, _out)
_series = declare("pmq_kpi_series", ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, _out)
_table = declare("pmq_kpi_table", ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, _out)
_fees = declare("pmq_fee_plan_check", ctypes.c_char_p, ctypes.c_char_p, _out)


def _text(s):
    return s.encode("utf-8")


_INT64_MIN, _INT64_MAX = -(2 ** 63), 2 ** 63 - 1


def _count(value, path):
    """An int the C ABI's int64 holds: ctypes would silently wrap a larger one (2**64 + 7
    would become 7), so it is refused here, as the library refuses what it cannot take."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("%s must be an int, got %r" % (path, value))
    if not _INT64_MIN <= value <= _INT64_MAX:
        message = "out of range: at most %d" % _INT64_MAX
        raise Error(EINPUT, "%s: %s" % (path, message), path,
                    [{"path": path, "message": message}])
    return value


def rate(numerator, denominator, places=2):
    """numerator / denominator as a percentage string rounded half up ("98.50"), or None
    when the denominator is zero (no data, R-KPI-31). Negative counts raise pmq.Error
    (EINPUT, path "numerator" or "denominator")."""
    out = ctypes.c_void_p()
    has = ctypes.c_int()
    _rate(_count(numerator, "numerator"), _count(denominator, "denominator"), places,
          ctypes.byref(out), ctypes.byref(has))
    return take_string(out.value) if has.value else None


def rate_check(numerator, denominator, comparator, threshold_percent):
    """"met", "missed" or "no_data" for numerator / denominator against a target such as
    ("ge", "98"); the comparison is exact."""
    status = ctypes.c_int()
    _rate_check(_count(numerator, "numerator"), _count(denominator, "denominator"),
                _text(comparator), _text(str(threshold_percent)), ctypes.byref(status))
    return {NO_DATA: "no_data", MET: "met", MISSED: "missed"}[status.value]


def catalogue():
    """The built-in KPI definitions (list of dicts)."""
    return call_json(_catalogue)


def evaluate(kpi_id, counts):
    """Evaluates a catalogue KPI (id or rule id) on counts (dict or JSON)."""
    return call_json(_evaluate, _text(kpi_id), encode(counts))


def evaluate_custom(definition, counts):
    """Evaluates a custom KPI definition (dict or JSON, the catalogue's format)."""
    return call_json(_evaluate_custom, encode(definition), encode(counts))


def evaluate_expression(expression, values):
    """Evaluates an expression of the KPI language exactly over named values."""
    return call_json(_expr, _text(expression), encode(values))


def series(kpi_id, months, period_kind="month"):
    """A catalogue KPI over [{"month", "counts"}] per "month", "quarter", "half_year" or
    "year": counts summed, the rate recomputed; months without data stay as no data."""
    return call_json(_series, _text(kpi_id), encode(months), _text(period_kind))


def table(plan, actuals, period):
    """The 质量目标完成统计表 (R-KPI-30) for a period ("2026-03", "2026-Q1", "2026")."""
    return call_json(_table, encode(plan), encode(actuals), _text(period))


def fee_plan_check(plan, period):
    """Checks a fee arrears collection plan (R-KPI-32) at the end of a period ("2026-Q2")."""
    return call_json(_fees, encode(plan), _text(period))
