"""The period's assessment in one call (R-SCORE-1…6, R-CAL-5, R-REP-1, R-REP-2), over the JSON
functions of libpmq_c.

    result = pmq.assess(request)          # dict: projects, branches, company, summary_tables, …
    text = pmq.assess_table(request)      # the 汇总表 and the report, in Chinese
    csv = pmq.assess_table(request, "csv", "en")

The request is a dict or a JSON string (docs/assessment.md). Exact values come back as
strings in lowest terms ("559/6"): read them with fractions.Fraction, never float.
"""
import ctypes

from ._lib import call_json, declare, encode, take_string

_out = ctypes.POINTER(ctypes.c_void_p)
_assess = declare("pmq_assess", ctypes.c_char_p, _out)
_table = declare("pmq_assess_table", ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, _out)


def assess(request):
    """The assessment of a period: a dict (see docs/assessment.md). Bad input raises
    pmq.Error naming every problem's path."""
    return call_json(_assess, encode(request))


def assess_table(request, format="text", lang="zh"):
    """The rendered summary tables and report: format "text" or "csv" (UTF-8 with a BOM),
    lang "zh" or "en". Returns str."""
    out = ctypes.c_void_p()
    _table(encode(request), format.encode("ascii"), lang.encode("ascii"), ctypes.byref(out))
    return take_string(out.value)
