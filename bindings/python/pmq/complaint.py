"""Complaints (R-CAL-10): time limits per class, on time or late, follow-up coverage and the
counts behind R-KPI-6, R-KPI-7 and R-KPI-12, over the JSON functions of libpmq_c."""
import ctypes

from ._lib import call_json, declare, encode

_out = ctypes.POINTER(ctypes.c_void_p)
_evaluate = declare("pmq_complaints_evaluate", ctypes.c_char_p, _out)
_classes = declare("pmq_complaint_classes", _out)


def complaint_classes():
    """The default classes and their limits in minutes."""
    return call_json(_classes)


def evaluate_complaints(complaints, as_of, classes=None):
    """Judges each complaint as of `as_of` (a time with a UTC offset) → {"complaints",
    "counts", "missing_follow_up"}."""
    request = {"as_of": as_of, "complaints": complaints}
    if classes is not None:
        request["classes"] = classes
    return call_json(_evaluate, encode(request))
