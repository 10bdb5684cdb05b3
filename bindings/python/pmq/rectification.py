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
    """{"month", "events", "as_of"?, "carry_over_points"?, "regime"?} → {"table", "carry_over"}
    (R-CAL-5 table; R-SCORE-3 carry-overs in the shape an inspection's "carry_over" takes, each
    with its project, department and the assessment period it applies to: the next month with
    "regime": "branch" (default), the next half year with "company")."""
    return _call(_report, request)


def _exact(score):
    """A score as JSON takes it: int and float as they are, Fraction as "n/d", Decimal and str
    as their exact text ("89.9967", "26999/300")."""
    import decimal
    import fractions
    if isinstance(score, fractions.Fraction):
        return "%d/%d" % (score.numerator, score.denominator)
    if isinstance(score, decimal.Decimal):
        return format(score, "f")
    return score


def consecutive_failures(assessments, pass_threshold=None, gaps=None):
    """R-SCORE-6: who failed two assessments in a row → [{"subject", "previous", "period", ...}].
    A score may be exact (Fraction, Decimal or a string such as "26999/300"); a missing period
    breaks the run unless gaps="ignored"."""
    request = {"assessments": [dict(a, score=_exact(a["score"])) if "score" in a else a
                               for a in assessments]}
    if pass_threshold is not None:
        request["pass_threshold"] = pass_threshold
    if gaps is not None:
        request["gaps"] = gaps
    return _call(_failures, request)
