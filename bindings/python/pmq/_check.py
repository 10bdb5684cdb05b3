"""Checking a company's own rules before they are used (what ``pmq check FILE`` does).

>>> report = pmq.check({"id": "co", "version": "1", "title": "公司标准", "pass_mark": 0,
...     "sections": [{"id": "BJ", "title": "保洁", "items": [
...         {"id": "BJ-01", "title": "楼道", "requirement": "无杂物", "max_score": 2,
...          "kind": "deduct", "deduction": 2}]}]})
>>> report["valid"]
True
>>> for w in report["warnings"]:
...     print(w["path"])
sections[0].items[0].deduction
pass_mark
"""
import ctypes as _ctypes
import typing as _typing

from . import _lib
from . import types as _t

_check = _lib.declare("pmq_check", _ctypes.c_char_p, _ctypes.c_char_p, _lib.out_p)


def check(document: _t.Document, kind: _typing.Optional[str] = None) -> _t.CheckReport:
    """Checks a standard, band table, KPI definition, target plan or fee plan (``kind``:
    "standard", "band_table", "kpi_definition", "target_plan", "fee_plan"; None to tell from
    its members): every error that stops it loading, and — when it loads — warnings about
    what is probably wrong (a pass mark every inspection reaches, a deduction equal to the
    item's maximum, duplicate titles, a veto cap that caps nothing, …)."""
    return _lib.call_json(_check, _lib.document(document), _lib.text(kind) if kind else None)


__all__ = ["check"]
