"""Rectification orders, carry-over deductions and consecutive failures (R-CAL-5, R-CAL-6,
R-SCORE-3, R-SCORE-6, R-SCORE-7); each function takes its C function's request
(docs/rectification.md)."""
import ctypes as _ctypes

from . import _lib
from . import types as _t

_status = _lib.declare("pmq_rectification_status", _ctypes.c_char_p, _lib.out_p)
_report = _lib.declare("pmq_rectification_report", _ctypes.c_char_p, _lib.out_p)
_failures = _lib.declare("pmq_consecutive_failures", _ctypes.c_char_p, _lib.out_p)


def rectification_status(request: _t.Document) -> _t.JSONObject:
    """R-CAL-6: ``{"as_of", "events": [...], "calendar"?, "rules"?}`` → every order's state on
    ``as_of`` and the overdue list."""
    return _lib.call_json(_status, _lib.document(request))


def rectification_report(request: _t.Document) -> _t.JSONObject:
    """``{"month", "events", "as_of"?, "carry_over_points"?, "regime"?}`` → ``{"table",
    "carry_over"}`` (the R-CAL-5 table; R-SCORE-3 carry-overs in the shape an inspection's
    "carry_over" takes, each with its project, department and the assessment period it applies
    to: the next month with "regime": "branch" (default), the next half year with "company")."""
    return _lib.call_json(_report, _lib.document(request))


def consecutive_failures(request: _t.Document) -> list[_t.JSONObject]:
    """R-SCORE-6: ``{"assessments": [{"subject", "period", "score" | "passed"}],
    "pass_threshold"?, "gaps"?}`` → who failed twice in a row. A score may be exact (Fraction,
    Decimal, "26999/300"); a missing period breaks the run unless "gaps": "ignored".

    >>> from decimal import Decimal
    >>> pmq.consecutive_failures({"assessments": [
    ...     {"subject": "P", "period": "2026-10", "score": Decimal("89.5")},
    ...     {"subject": "P", "period": "2026-11", "passed": False}]})[0]["period"]
    '2026-11'
    """
    return _lib.call_json(_failures, _lib.document(request))


__all__ = ["rectification_status", "rectification_report", "consecutive_failures"]
