"""pmq — property-service quality management rules (物业服务品质管理), from Python.

A pure-Python package over the C library libpmq_c (ctypes). Rules — standards, band tables,
KPI definitions, calendars, supplier rules — are data; pmq validates them and does the
arithmetic exactly.

>>> import pmq
>>> with pmq.Standard.builtin() as standard:
...     result = standard.score({"id": "INS-1", "responses": [{"item": "BJ-01", "defects": 3}]})
>>> result["score"]
Decimal('98.5')
>>> pmq.Bands.builtin("pay_adjustment").classify(result["score"])["id"]
'plus_10'

Numbers in results are ``int`` or ``decimal.Decimal`` (never ``float``); exact values
(``exact``) are ``fractions.Fraction``. Numbers given to pmq are int, str, Decimal or Fraction;
a float is refused where a number is an argument (it is not exact). Each function takes the
request of its C function (a dict or JSON text); failures raise ``pmq.Error`` with ``code``,
``message``, ``path`` and ``problems``. Modules: ``pmq.kpi``, ``pmq.supplier``,
``pmq.testing``, ``pmq.types`` and, with pandas installed, ``pmq.pandas``.
"""
import typing as _typing

from . import _lib, _numbers
from ._errors import EINPUT, EINTERNAL, EINVAL, ENOMEM, EPARSE, OK, Error
from .assessment import assess, assess_table
from .bands import Bands, per_point_pay
from .calendar import archive_loans, inspection_plan, monthly_deadlines, sample_households
from .calendar import inspection_coverage
from ._check import check
from .complaint import complaint_classes, evaluate_complaints
from .expr import Expression
from .rectification import consecutive_failures, rectification_report, rectification_status
from .scoring import NO_DATA, NO_RESPONSE, NOT_APPLICABLE, Standard, builtin_standards, rollup, score
from . import kpi, report, supplier, testing, types

Error.__module__ = "pmq"

__version__ = "0.1.0"


def version() -> str:
    """The version of the loaded libpmq_c.

    >>> pmq.version()
    '0.1.0'
    """
    return _lib.lib.pmq_version().decode("ascii")


def dumps(document: _typing.Any) -> str:
    """A document or result as JSON text, exactly: Decimal as its digits, Fraction as a
    decimal when it has one (else "n/d"); ``json.dumps`` cannot write Decimal.

    >>> pmq.dumps({"score": Decimal("92.71"), "exact": Fraction(2225, 24)})
    '{"score":92.71,"exact":"2225/24"}'
    """
    return _numbers.encode(document).decode("utf-8")


def library_path() -> str:
    """Where the loaded libpmq_c is (PMQ_LIBRARY, the package's folder, the install
    prefix's lib/, or the system's library path)."""
    return str(_lib.path)


__all__ = ["Error", "OK", "EINVAL", "EPARSE", "EINPUT", "ENOMEM", "EINTERNAL",
           "Standard", "Expression", "builtin_standards", "score", "rollup", "NO_DATA", "NO_RESPONSE", "NOT_APPLICABLE",
           "Bands", "per_point_pay", "check", "assess", "assess_table",
           "monthly_deadlines", "archive_loans", "inspection_plan", "sample_households",
           "rectification_status", "rectification_report", "consecutive_failures",
           "complaint_classes", "evaluate_complaints",
           "kpi", "report", "supplier", "testing", "types", "version", "library_path", "dumps",
           "inspection_coverage"]
