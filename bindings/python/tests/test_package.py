"""The package: public API only, typed, and found after an install without PMQ_LIBRARY."""
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import pmq
import pmq.kpi
import pmq.supplier

PACKAGE = os.path.dirname(pmq.__file__)


class PackageTest(unittest.TestCase):
    def test_only_public_names(self):
        for module in (pmq, pmq.kpi, pmq.supplier, pmq.testing):
            public = {n for n in vars(module) if not n.startswith("_")}
            modules = {"kpi", "supplier", "testing", "types", "bands", "calendar", "complaint",
                       "rectification", "scoring", "pandas", "assessment", "expr"}
            self.assertEqual(public - set(module.__all__) - modules, set(), module.__name__)
            for name in module.__all__:
                self.assertTrue(hasattr(module, name), f"{module.__name__}.{name}")
        for leaked in ("ctypes", "declare", "encode", "lib", "call_json"):
            self.assertFalse(hasattr(pmq.kpi, leaked), leaked)

    def test_typed(self):
        self.assertTrue(os.path.exists(os.path.join(PACKAGE, "py.typed")))
        self.assertIn("return", pmq.Standard.score.__annotations__)

    def test_found_in_the_install_prefix_without_pmq_library(self):
        # <prefix>/lib/libpmq_c.so.0 and <prefix>/lib/python3.X/dist-packages/pmq, as
        # cmake --install lays them out.
        with tempfile.TemporaryDirectory() as prefix:
            site = os.path.join(prefix, "lib", "python3", "dist-packages")
            shutil.copytree(PACKAGE, os.path.join(site, "pmq"),
                            ignore=shutil.ignore_patterns("__pycache__"))
            shutil.copy(pmq.library_path(), os.path.join(prefix, "lib", "libpmq_c.so.0"))
            env = {k: v for k, v in os.environ.items() if k not in ("PMQ_LIBRARY", "PYTHONPATH")}
            env["PYTHONPATH"] = site
            out = subprocess.run([sys.executable, "-c", "import pmq; print(pmq.library_path())"],
                                 env=env, cwd=prefix, capture_output=True, text=True,
                                 check=True).stdout
            self.assertEqual(out.strip(), os.path.join(prefix, "lib", "libpmq_c.so.0"))

    def test_pip_installs_it(self):
        if not (importlib.util.find_spec("pip") and importlib.util.find_spec("setuptools")):
            self.skipTest("needs python3-pip")
        source = os.path.join(PACKAGE, "..")
        with tempfile.TemporaryDirectory() as d:
            # A copy, so the build leaves nothing in the source tree.
            shutil.copytree(source, os.path.join(d, "src"),
                            ignore=shutil.ignore_patterns("__pycache__", "build", "*.egg-info"))
            subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                            "--no-build-isolation", "--no-index", "--target",
                            os.path.join(d, "site"), os.path.join(d, "src")],
                           check=True, capture_output=True, cwd=d)
            self.assertTrue(os.path.exists(os.path.join(d, "site", "pmq", "py.typed")))
            env = dict(os.environ, PYTHONPATH=os.path.join(d, "site"))
            out = subprocess.run([sys.executable, "-c", "import pmq; print(pmq.__file__)"],
                                 env=env, cwd=d, capture_output=True, text=True, check=True)
            self.assertTrue(out.stdout.startswith(os.path.join(d, "site")))


if __name__ == "__main__":
    unittest.main()
