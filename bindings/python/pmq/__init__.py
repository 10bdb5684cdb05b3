"""pmq — property-service quality management rules, from Python (ctypes over libpmq_c).

    import pmq
    with pmq.Standard.builtin() as standard:
        result = standard.score({"id": "INS-1", "responses": [...]})
    result["score"]

Functions take dicts or JSON strings and return dicts; failures raise pmq.Error with the
code, the message and the JSON path of the offending field.
"""
from ._errors import EINPUT, EINTERNAL, EINVAL, ENOMEM, EPARSE, OK, Error
from ._lib import lib as _lib
from .bands import Bands, per_point_pay
from .scoring import NO_RESPONSE, NOT_APPLICABLE, Standard, builtin_standards, rollup, score
from . import supplier
from .calendar import archive_loans, inspection_plan, monthly_deadlines, sample_households
from .complaint import complaint_classes, evaluate_complaints
from .rectification import consecutive_failures, rectification_report, rectification_status
from . import kpi  # pmq.kpi.evaluate(...), pmq.kpi.table(...): R-KPI-*


def version():
    """The version of the loaded libpmq_c."""
    return _lib.pmq_version().decode("ascii")


__all__ = ["Error", "Standard", "builtin_standards", "score", "rollup", "version",
           "Bands", "per_point_pay", "NO_RESPONSE", "NOT_APPLICABLE",
           "monthly_deadlines", "archive_loans", "inspection_plan", "sample_households",
           "rectification_status", "rectification_report", "consecutive_failures",
           "complaint_classes", "evaluate_complaints",
           "OK", "EINVAL", "EPARSE", "EINPUT", "ENOMEM", "EINTERNAL"]
