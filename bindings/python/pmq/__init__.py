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
from .scoring import Standard, builtin_standards, score
from . import kpi  # pmq.kpi.evaluate(...), pmq.kpi.table(...): R-KPI-*


def version():
    """The version of the loaded libpmq_c."""
    return _lib.pmq_version().decode("ascii")


__all__ = ["Error", "Standard", "builtin_standards", "score", "version",
           "OK", "EINVAL", "EPARSE", "EINPUT", "ENOMEM", "EINTERNAL"]
