"""Outsourced suppliers (R-OUT-1 … R-OUT-11): qualification, tenders, staffing compliance,
monthly evaluation and settlement, yearly standings and bars (docs/supplier.md).

Each function takes its C function's documents; ``rules`` may be omitted (None) for the
documented defaults, which ``default_rules(which)`` shows. Money is exact to the fen.

>>> r = pmq.supplier.may_bid({"supplier": "S", "on": "2028-12-30",
...     "decisions": [{"supplier": "S", "decided": "2026-12-31", "reason": "unqualified"}]})
>>> r["may_bid"], r["may_bid_from"]
(False, '2028-12-31')
"""
import ctypes as _ctypes
import typing as _typing

from . import _lib
from . import types as _t

_qualify = _lib.declare("pmq_supplier_qualify", _ctypes.c_char_p, _lib.out_p)
_tender = _lib.declare("pmq_supplier_tender", _ctypes.c_char_p, _ctypes.c_char_p, _lib.out_p)
_staffing = _lib.declare("pmq_supplier_staffing", _ctypes.c_char_p, _ctypes.c_char_p, _lib.out_p)
_month = _lib.declare("pmq_supplier_month", _ctypes.c_char_p, _ctypes.c_char_p, _lib.out_p)
_year = _lib.declare("pmq_supplier_year", _ctypes.c_char_p, _ctypes.c_char_p, _lib.out_p)
_may_bid = _lib.declare("pmq_supplier_may_bid", _ctypes.c_char_p, _lib.out_p)
_defaults = _lib.declare("pmq_supplier_default_rules", _ctypes.c_char_p, _lib.out_p)


def _rules(rules: _typing.Optional[_t.Document]) -> _typing.Optional[bytes]:
    return None if rules is None else _lib.document(rules)


def qualify(checklist: _t.Document) -> _t.JSONObject:
    """R-OUT-2: a qualification checklist → ``{"qualified", "missing": [{"item", "title"}]}``."""
    return _lib.call_json(_qualify, _lib.document(checklist))


def evaluate_tender(tender: _t.Document,
                    rules: _typing.Optional[_t.Document] = None) -> _t.JSONObject:
    """R-OUT-3: bids, experts and marks → the ranking table and the candidate list."""
    return _lib.call_json(_tender, _lib.document(tender), _rules(rules))


def check_staffing(month: _t.Document,
                   rules: _typing.Optional[_t.Document] = None) -> _t.JSONObject:
    """R-OUT-5 … R-OUT-9: a staffing month → violations, incidents and person-days."""
    return _lib.call_json(_staffing, _lib.document(month), _rules(rules))


def evaluate_month(record: _t.Document,
                   rules: _typing.Optional[_t.Document] = None) -> _t.JSONObject:
    """R-OUT-4: a monthly record → score, deduction lines and the settlement to the fen."""
    return _lib.call_json(_month, _lib.document(record), _rules(rules))


def evaluate_year(review: _t.Document,
                  rules: _typing.Optional[_t.Document] = None) -> _t.JSONObject:
    """R-OUT-11: a yearly review → standings, the qualified-supplier list and new bars."""
    return _lib.call_json(_year, _lib.document(review), _rules(rules))


def may_bid(query: _t.Document) -> _t.JSONObject:
    """R-OUT-11: ``{"supplier", "on", "decisions": [...], "rules"?}`` → may this supplier bid
    on that date?"""
    return _lib.call_json(_may_bid, _lib.document(query))


def default_rules(which: str) -> _t.JSONObject:
    """The default rules: "monthly", "staffing", "tender" or "yearly"."""
    return _lib.call_json(_defaults, _lib.text(which))


__all__ = ["qualify", "evaluate_tender", "check_staffing", "evaluate_month", "evaluate_year",
           "may_bid", "default_rules"]
