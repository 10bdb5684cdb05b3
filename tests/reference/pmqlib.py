"""The library side: pmq's Python binding (ctypes over libpmq_c), found through PMQ_LIBRARY and
PYTHONPATH exactly as the python.unittest test finds it.

Every number pmq returns is read as an exact Decimal: the binding's JSON reader is given
parse_float=Decimal, so no float ever stands between the library and the comparison.
"""
import json
import sys
import types

import pmq

import exact

# The binding decodes results with pmq._lib's `decode` (pmq._lib the attribute is the CDLL,
# hence sys.modules). The reference reads the library's JSON text itself: non-integers as
# Decimal, exact values as the strings the library wrote, so the comparison sees exactly
# what the C ABI returned.
sys.modules["pmq._lib"].decode = exact.loads

INPUT_ERRORS = (pmq.EINPUT, pmq.EINVAL)


class Refused(Exception):
    """The library (or its binding) refused the input."""


def call(fn, *args, **kwargs):
    """fn's result, or a normalised error: {"error": "input"} for an input error (the answer the
    reference gives to inputs it refuses), anything else verbatim so it shows as a
    disagreement (PMQ_EINTERNAL, a binding that refuses an exact value, …)."""
    try:
        return fn(*args, **kwargs)
    except pmq.Error as e:
        if e.code in INPUT_ERRORS:
            raise Refused({"error": "input", "detail": f"{e.path}: {e.message}"})
        raise Refused({"error": f"pmq code {e.code}", "detail": f"{e.path}: {e.message}"})
    except Exception as e:  # the binding refused (or failed) before or after the C call
        raise Refused({"error": f"binding {type(e).__name__}", "detail": str(e)})
