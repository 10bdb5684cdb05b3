"""The period's assessment in one call (R-SCORE-1…6, R-CAL-5, R-REP-1, R-REP-2): each takes
pmq_assess's request (docs/assessment.md, docs/schemas/assessment.schema.json).

>>> request = {"period": "2026-11", "organisation": {"company": "华信物业", "branches": [
...     {"id": "东区", "head": "李强", "projects": [{"id": "翠湖花园", "head": "陈静"}]}]},
...     "scores": [{"project": "翠湖花园", "inspector": i, "score": s}
...                for i, s in (("甲", "89.99"), ("乙", 90), ("丙", 90))]}
>>> project = pmq.assess(request)["projects"][0]
>>> project["exact"], project["score"], project["pay"]["percent"], project["passed"]
(Fraction(26999, 300), 90, 0, False)
>>> pmq.assess_table(request, "csv").startswith("\\ufeff")
True
"""
import ctypes as _ctypes

from . import _lib
from . import types as _t

_assess = _lib.declare("pmq_assess", _ctypes.c_char_p, _lib.out_p)
_table = _lib.declare("pmq_assess_table", _ctypes.c_char_p, _ctypes.c_char_p, _ctypes.c_char_p,
                      _lib.out_p)


def assess(request: _t.Document) -> _t.JSONObject:
    """The assessment of a period: every project's and branch's exact score, pass/fail, pay,
    ranks, change and consecutive failures; the company mean; top and bottom; the summary
    tables with their due date; the quality analysis; the missing data (docs/assessment.md).
    Bad input raises pmq.Error naming every problem's path."""
    return _lib.call_json(_assess, _lib.document(request))


def assess_table(request: _t.Document, format: str = "text", lang: str = "zh") -> str:
    """The summary tables and report rendered: ``format`` "text" (what a manager reads) or
    "csv" (the 汇总表, UTF-8 with a BOM and CRLF, for Excel); ``lang`` "zh" or "en"."""
    out = _ctypes.c_void_p()
    _table(_lib.document(request), _lib.text(format), _lib.text(lang), _ctypes.byref(out))
    return _lib.take_string(out.value) or ""


__all__ = ["assess", "assess_table"]
