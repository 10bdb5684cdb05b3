"""Outsourced suppliers (R-OUT-1 ... R-OUT-11): qualification, tenders, staffing compliance,
monthly evaluation and settlement, yearly standings and bars.

Every function takes dicts or JSON strings and returns a dict. ``rules`` may be omitted (or
None) for the documented defaults; ``default_rules(which)`` shows them.

    import pmq
    r = pmq.supplier.evaluate_month(record)
    r["settlement"]  # yuan, exact to the fen
"""
import ctypes
import json

from ._lib import call_json, declare, encode

_out = ctypes.POINTER(ctypes.c_void_p)
_qualify = declare("pmq_supplier_qualify", ctypes.c_char_p, _out)
_tender = declare("pmq_supplier_tender", ctypes.c_char_p, ctypes.c_char_p, _out)
_staffing = declare("pmq_supplier_staffing", ctypes.c_char_p, ctypes.c_char_p, _out)
_month = declare("pmq_supplier_month", ctypes.c_char_p, ctypes.c_char_p, _out)
_year = declare("pmq_supplier_year", ctypes.c_char_p, ctypes.c_char_p, _out)
_may_bid = declare("pmq_supplier_may_bid", ctypes.c_char_p, _out)
_defaults = declare("pmq_supplier_default_rules", ctypes.c_char_p, _out)


def _rules(rules):
    return None if rules is None else encode(rules)


def qualify(checklist):
    """R-OUT-2: a qualification checklist -> {"qualified", "missing": [{"item", "title"}]}."""
    return call_json(_qualify, encode(checklist))


def evaluate_tender(tender, rules=None):
    """R-OUT-3: bids, experts and marks -> the ranking table and the candidate list."""
    return call_json(_tender, encode(tender), _rules(rules))


def check_staffing(month, rules=None):
    """R-OUT-5 ... R-OUT-9: a staffing month -> violations, incidents and person-days."""
    return call_json(_staffing, encode(month), _rules(rules))


def evaluate_month(record, rules=None):
    """R-OUT-4: a monthly record -> score, deduction lines and the settlement to the fen."""
    return call_json(_month, encode(record), _rules(rules))


def evaluate_year(review, rules=None):
    """R-OUT-11: a yearly review -> standings, the qualified-supplier list and new bars."""
    return call_json(_year, encode(review), _rules(rules))


def may_bid(supplier, on, decisions, rules=None):
    """R-OUT-11: may ``supplier`` bid on date ``on`` (ISO string) given the bar decisions?"""
    query = {"supplier": supplier, "on": on, "decisions": decisions}
    if rules is not None:
        query["rules"] = rules if not isinstance(rules, str) else json.loads(rules)
    return call_json(_may_bid, encode(query))


def default_rules(which):
    """The default rules: "monthly", "staffing", "tender" or "yearly"."""
    return call_json(_defaults, which.encode("utf-8"))
