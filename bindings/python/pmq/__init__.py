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


def version():
    """The version of the loaded libpmq_c."""
    return _lib.pmq_version().decode("ascii")


__all__ = ["Error", "Standard", "builtin_standards", "score", "rollup", "version",
           "Bands", "per_point_pay", "NO_RESPONSE", "NOT_APPLICABLE",
           "OK", "EINVAL", "EPARSE", "EINPUT", "ENOMEM", "EINTERNAL"]
