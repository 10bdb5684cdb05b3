"""The examples in the package's docstrings, run as doctests (ctest python.doctests)."""
import doctest
from decimal import Decimal
from fractions import Fraction
import importlib
import unittest

import pmq

MODULES = ["pmq", "pmq.scoring", "pmq.bands", "pmq.kpi", "pmq._check", "pmq.calendar",
           "pmq.rectification", "pmq.supplier", "pmq.testing", "pmq.assessment", "pmq.report",
           "pmq.expr"]
try:
    import pandas  # noqa: F401
    MODULES.append("pmq.pandas")
except ImportError:  # pragma: no cover
    pass


def load_tests(loader, tests, pattern):
    for name in MODULES:
        tests.addTests(doctest.DocTestSuite(importlib.import_module(name),
                                            extraglobs={"pmq": pmq, "Decimal": Decimal,
                                                        "Fraction": Fraction}))
    return tests


if __name__ == "__main__":
    unittest.main()
