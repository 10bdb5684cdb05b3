"""Business calendar, deadlines, inspection plans and sampling (R-CAL-1 … R-CAL-9, R-CAL-13, R-CAL-14, R-OUT-7,
R-OUT-10). Each function takes the request of its C function (a dict or JSON text) and
returns its result; dates are "YYYY-MM-DD" strings, months "YYYY-MM" (docs/calendar.md).

>>> for e in pmq.monthly_deadlines({"month": "2026-12"})[:2]:
...     print(e["due"], e["rule"])
2026-12-05 R-OUT-7
2026-12-25 R-CAL-4
"""
import ctypes as _ctypes

from . import _lib
from . import types as _t

_deadlines = _lib.declare("pmq_calendar_deadlines", _ctypes.c_char_p, _lib.out_p)
_loans = _lib.declare("pmq_archive_loans", _ctypes.c_char_p, _lib.out_p)
_plan = _lib.declare("pmq_inspection_plan", _ctypes.c_char_p, _lib.out_p)
_coverage = _lib.declare("pmq_inspection_coverage", _ctypes.c_char_p, _lib.out_p)
_sample = _lib.declare("pmq_household_sample", _ctypes.c_char_p, _lib.out_p)


def monthly_deadlines(request: _t.Document) -> list[_t.JSONObject]:
    """``{"month", "calendar"?, "rules"?}`` → the deadlines concerning the month's work, by due
    date: ``[{"rule", "what", "period", "due"}]``."""
    return _lib.call_json(_deadlines, _lib.document(request))


def archive_loans(request: _t.Document) -> _t.JSONObject:
    """R-CAL-8: ``{"today", "loans": [...], "calendar"?, "rules"?}`` → each loan's due date and
    state, and "overdue"."""
    return _lib.call_json(_loans, _lib.document(request))


def inspection_plan(request: _t.Document) -> _t.JSONObject:
    """R-CAL-1/2/3: ``{"from", "to", "projects", "seed", "options"?, "calendar"?}`` → the dated
    slots; the same request gives the same plan everywhere. R-CAL-13: with "rectification" (the
    order events) the orders still open on "from" get follow-up slots ("follow_ups" pins their
    days); R-CAL-14: "special" checks, options "quarterly_day" and "year_end_day"."""
    return _lib.call_json(_plan, _lib.document(request))


def inspection_coverage(request: _t.Document) -> _t.JSONObject:
    """R-CAL-14: ``{"plan", "performed", "as_of", "grace_days"?, "areas"?, "week_starts"?}`` →
    each slot on time, late, missed or pending; coverage per project (a rate, or None when
    nothing planned was due); the weekly supervision patrols per area and their gaps."""
    return _lib.call_json(_coverage, _lib.document(request))


def sample_households(request: _t.Document) -> list[_t.JSONObject]:
    """R-CAL-7: ``{"households", "seed", "count"?, "spread_across_buildings"?}`` → the
    households to visit, reproducible from the seed."""
    return _lib.call_json(_sample, _lib.document(request))


__all__ = ["monthly_deadlines", "archive_loans", "inspection_plan", "inspection_coverage",
           "sample_households"]
