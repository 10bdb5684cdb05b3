"""Complaints (R-CAL-10): time limits per class, on time or late, follow-up coverage and the
counts behind R-KPI-6, R-KPI-7 and R-KPI-12 (docs/complaint.md)."""
import ctypes as _ctypes

from . import _lib
from . import types as _t

_evaluate = _lib.declare("pmq_complaints_evaluate", _ctypes.c_char_p, _lib.out_p)
_classes = _lib.declare("pmq_complaint_classes", _lib.out_p)


def complaint_classes() -> list[_t.JSONObject]:
    """The default classes and their limits in minutes."""
    return _lib.call_json(_classes)


def evaluate_complaints(request: _t.Document) -> _t.JSONObject:
    """``{"as_of", "complaints": [...], "classes"?}`` (times with a UTC offset) → ``{"as_of",
    "complaints", "counts", "missing_follow_up"}``."""
    return _lib.call_json(_evaluate, _lib.document(request))


__all__ = ["complaint_classes", "evaluate_complaints"]
