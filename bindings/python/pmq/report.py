"""Reports people read (R-REP-3, R-REP-1, R-REP-2; docs/reports.md): each returns one
self-contained HTML document (inline CSS and SVG, no script, nothing fetched; printable on A4)
in ``lang`` "zh" (default) or "en". Writing it to a file is the caller's.

>>> inspection = {"id": "I-1", "project": "翠湖花园", "date": "2026-11-18", "responses": [
...     {"item": "BJ-01", "findings": [{"description": "<script>alert(1)</script>",
...      "location": "2号楼", "time": "2026-11-18T09:25+08:00", "department": "保洁部"}]}]}
>>> with pmq.Standard.builtin() as standard:
...     html = pmq.report.inspection_report(standard, inspection)
>>> html.startswith("<!DOCTYPE html>"), "<script>" in html, "&lt;script&gt;" in html
(True, False, True)
"""
import ctypes as _ctypes

from . import _lib
from . import types as _t
from .scoring import Standard

_inspection = _lib.declare("pmq_report_inspection", _ctypes.c_void_p, _ctypes.c_char_p,
                           _ctypes.c_char_p, _lib.out_p)
_assessment = _lib.declare("pmq_report_assessment", _ctypes.c_char_p, _ctypes.c_char_p,
                           _lib.out_p)
_targets = _lib.declare("pmq_report_targets", _ctypes.c_char_p, _ctypes.c_char_p,
                        _ctypes.c_char_p, _ctypes.c_char_p, _lib.out_p)


def _html(function, *args) -> str:
    out = _ctypes.c_void_p()
    function(*args, _ctypes.byref(out))
    return _lib.take_string(out.value) or ""


def inspection_report(standard: Standard, inspection: _t.Document, lang: str = "zh") -> str:
    """The 《物业管理质量检查报告》 of one inspection scored against ``standard``."""
    return _html(_inspection, standard._live(), _lib.document(inspection), _lib.text(lang))


def assessment_report(request: _t.Document, lang: str = "zh") -> str:
    """The period's assessment report from an assessment request (as ``pmq.assess``)."""
    return _html(_assessment, _lib.document(request), _lib.text(lang))


def targets_report(plan: _t.Document, actuals: _t.Document, period: str,
                   lang: str = "zh") -> str:
    """The 《质量目标完成统计表》 for ``period`` ("2026-03", "2026-Q1", "2026-H1", "2026"), the
    months of a longer period side by side."""
    return _html(_targets, _lib.document(plan), _lib.document(actuals), _lib.text(period),
                 _lib.text(lang))


__all__ = ["inspection_report", "assessment_report", "targets_report"]
