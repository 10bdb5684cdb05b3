"""Rectification orders, carry-over deductions and consecutive failures (R-CAL-5, R-CAL-6,
R-SCORE-3, R-SCORE-6, R-SCORE-7), over the JSON functions of libpmq_c."""
import ctypes

from ._lib import call_json, declare, encode

_out = ctypes.POINTER(ctypes.c_void_p)
_status = declare("pmq_rectification_status", ctypes.c_char_p, _out)
_report = declare("pmq_rectification_report", ctypes.c_char_p, _out)
_failures = declare("pmq_consecutive_failures", ctypes.c_char_p, _out)


def _call(func, request):
    return call_json(func, encode(request))


def rectification_status(events, as_of, calendar=None, rules=None):
    """Every order's state on `as_of` and the overdue list (R-CAL-6)."""
    request = {"as_of": as_of, "events": events}
    if calendar is not None:
        request["calendar"] = calendar
    if rules is not None:
        request["rules"] = rules
    return _call(_status, request)


def rectification_report(request):
    """{"month", "events", "as_of"?, "carry_over_points"?} → {"table", "carry_over"}
    (R-CAL-5 table; R-SCORE-3 carry-overs in the shape an inspection's "carry_over" takes)."""
    return _call(_report, request)


def consecutive_failures(assessments, pass_threshold=None):
    """R-SCORE-6: who failed two assessments in a row → [{"subject", "previous", "period", ...}]."""
    request = {"assessments": assessments}
    if pass_threshold is not None:
        request["pass_threshold"] = pass_threshold
    return _call(_failures, request)
