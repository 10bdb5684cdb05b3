"""Unit tests of a quality department's own rules, from pytest or unittest — the same cases
and the same comparisons as ``pmq test cases.json`` (docs/testing.md).

A case file::

    {"defaults": {"standard": "my_standard.json"},
     "cases": [
       {"name": "two dirty stairwells cost 0.4",
        "inspection": {"id": "T-1", "responses": [{"item": "BJ-02", "defects": 2}]},
        "expect": {"score": "99.6", "passed": true}},
       {"name": "94.999 is still +5 %", "bands": "pay_adjustment", "score": "94.999",
        "expect": {"band": "plus_5"}}]}

Files named in a case (a string ending in ".json") are read relative to the case file;
built-in rules are named by id.

pytest::

    import pmq.testing
    @pytest.mark.parametrize("case", pmq.testing.load_cases("rules/cases.json"), ids=str)
    def test_rules(case):
        case.check()

unittest::

    import pmq.testing
    RuleCases = pmq.testing.unittest_class("rules/cases.json")   # one test method per case

>>> cases = pmq.testing.load_cases([{"name": "95 is +10 %", "bands": "pay_adjustment",
...                                  "score": 95, "expect": {"band": "plus_10"}}])
>>> [(str(c), c.run()["passed"]) for c in cases]
[('95 is +10 %', True)]
"""
import ctypes as _ctypes
import os as _os
import re as _re
import unittest as _unittest
import typing as _typing

from . import _lib
from ._numbers import decode as _decode
from . import types as _t

_run = _lib.declare("pmq_test_case", _ctypes.c_char_p, _lib.out_p)

# Members of a case that may name a document file.
_DOCUMENT_MEMBERS = ("standard", "inspection", "bands", "kpi", "counts", "target", "per_point")


class CaseFailed(AssertionError):
    """A case whose expectations did not hold (or that could not run); the message lists
    expected vs actual and the explanation."""


def _resolve(case: dict, folder: str, cache: dict[str, _typing.Any]) -> dict:
    out = dict(case)
    for member in _DOCUMENT_MEMBERS:
        value = out.get(member)
        if isinstance(value, str) and value.endswith(".json"):
            path = _os.path.normpath(_os.path.join(folder, value))
            if not _os.path.isfile(path):
                continue  # the case reports it
            if path not in cache:
                with open(path, encoding="utf-8") as f:
                    cache[path] = _decode(f.read())
            out[member] = cache[path]
    return out


class Case:
    """One case of a case file, with its documents read."""

    def __init__(self, case: dict, index: int) -> None:
        self.case = case
        self.index = index
        self.name = str(case.get("name", f"case {index}"))

    def __str__(self) -> str:
        return self.name

    __repr__ = __str__

    def run(self) -> _t.CaseOutcome:
        """Runs the case: its outcome, passed or not."""
        return _lib.call_json(_run, _lib.document(self.case))

    def check(self) -> _t.CaseOutcome:
        """Runs the case; raises CaseFailed (an AssertionError) with expected vs actual and
        the explanation when it does not pass."""
        outcome = self.run()
        if not outcome["passed"]:
            raise CaseFailed(report(outcome))
        return outcome


def report(outcome: _t.CaseOutcome) -> str:
    """An outcome as text: errors, expected vs actual, the explanation."""
    lines = [f"{'ERROR' if outcome['errors'] else 'FAIL'}: {outcome['name']}"]
    for e in outcome["errors"]:
        lines.append(f"  {e['path'] + ': ' if e['path'] else ''}{e['message']}")
    for f in outcome["failures"]:
        lines.append(f"  {f['field']}: expected {f['expected']}, actual {f['actual']}")
    if outcome["explanation"]:
        lines.append("  explanation:")
        lines += [f"    {line}" for line in outcome["explanation"]]
    return "\n".join(lines)


def load_cases(source: _typing.Union[str, "_os.PathLike[str]", dict, list]) -> list[Case]:
    """The cases of a case file (a path), or of a case file's content (a dict with "cases"
    and optional "defaults", or a list of cases; paths then relative to the working folder)."""
    folder = "."
    if isinstance(source, (str, _os.PathLike)):
        path = _os.fspath(source)
        folder = _os.path.dirname(path) or "."
        with open(path, encoding="utf-8") as f:
            source = _decode(f.read())
    cases: _typing.Iterable[_typing.Any] = (source.get("cases", []) if isinstance(source, dict)
                                            else source)
    defaults = source.get("defaults", {}) if isinstance(source, dict) else {}
    cache: dict[str, _typing.Any] = {}
    defaults = _resolve(defaults, folder, cache) if isinstance(defaults, dict) else {}
    out = []
    for i, c in enumerate(cases):
        merged = dict(defaults)
        merged.update(c if isinstance(c, dict) else {"name": f"case {i}", "case": c})
        out.append(Case(_resolve(merged, folder, cache), i))
    return out


def run_cases(source: _typing.Union[str, "_os.PathLike[str]", dict, list]) -> list[_t.CaseOutcome]:
    """Runs every case: the outcomes, in order."""
    return [c.run() for c in load_cases(source)]


def assert_cases(source: _typing.Union[str, "_os.PathLike[str]", dict, list]) -> None:
    """Runs every case; raises CaseFailed listing every case that did not pass."""
    failed = [report(o) for o in run_cases(source) if not o["passed"]]
    if failed:
        raise CaseFailed(f"{len(failed)} case(s) failed:\n" + "\n".join(failed))


def unittest_class(source: _typing.Union[str, "_os.PathLike[str]", dict, list],
                    name: _typing.Optional[str] = None) -> type:
    """A unittest.TestCase subclass with one test method per case, named after the case."""
    methods: dict[str, _typing.Any] = {}
    for case in load_cases(source):
        slug = _re.sub(r"\W+", "_", case.name, flags=_re.ASCII).strip("_").lower() or "case"
        method = f"test_{case.index:03d}_{slug}"[:80]

        def test(self: _unittest.TestCase, case: Case = case) -> None:
            outcome = case.run()
            if not outcome["passed"]:
                self.fail(report(outcome))

        test.__doc__ = case.name
        methods[method] = test
    return type(name or "PmqCases", (_unittest.TestCase,), methods)


__all__ = ["Case", "CaseFailed", "load_cases", "run_cases", "assert_cases", "unittest_class",
           "report"]
