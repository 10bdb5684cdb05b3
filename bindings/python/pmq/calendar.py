"""Business calendar, deadlines, inspection plans and sampling (R-CAL-1..R-CAL-9, R-OUT-7,
R-OUT-10), over the JSON functions of libpmq_c. Every function takes a dict (or a JSON string)
and returns dicts/lists; dates are "YYYY-MM-DD" strings, months "YYYY-MM"."""
import ctypes
import json

from ._lib import call_json, declare, encode

_out = ctypes.POINTER(ctypes.c_void_p)
_deadlines = declare("pmq_calendar_deadlines", ctypes.c_char_p, _out)
_loans = declare("pmq_archive_loans", ctypes.c_char_p, _out)
_plan = declare("pmq_inspection_plan", ctypes.c_char_p, _out)
_sample = declare("pmq_household_sample", ctypes.c_char_p, _out)


def _call(func, request):
    return call_json(func, encode(request))


def _request(request, **fields):
    if isinstance(request, (str, bytes, bytearray)):
        request = json.loads(request)
    merged = dict(request or {})
    merged.update({k: v for k, v in fields.items() if v is not None})
    return merged


def monthly_deadlines(month, calendar=None, rules=None):
    """The deadlines concerning `month`'s work, by due date: [{"rule", "what", "period", "due"}]."""
    return _call(_deadlines, _request({}, month=month, calendar=calendar, rules=rules))


def archive_loans(request):
    """R-CAL-8: {"today", "loans": [...]} → each loan's due date and state, and "overdue"."""
    return _call(_loans, _request(request))


def inspection_plan(request):
    """R-CAL-1/2/3: {"from", "to", "projects", "seed", "options"?, "calendar"?} → plan dict."""
    return _call(_plan, _request(request))


def sample_households(request):
    """R-CAL-7: {"households", "seed", "count"?, "spread_across_buildings"?} → chosen households."""
    return _call(_sample, _request(request))
