#!/usr/bin/env python3
"""Differential reference for pmq (issue 9): seeded random cases per concern, each computed by the
independent Python reference (exact fractions) and by the library, results required identical.

    python3 tests/reference/run.py                       # every concern, default case counts
    python3 tests/reference/run.py scoring --cases 200 --seed 1
    python3 tests/reference/run.py rollup --seed 7 --case 123   # one case, both results shown

Needs PMQ_LIBRARY (the built libpmq_c) and PYTHONPATH=bindings/python, as ctest sets them.
Exit status 0 when every case agrees, 1 when some disagree (each class of disagreement is
printed with the seed, a minimal input found by shrinking and both results), 2 on bad usage.
"""
import argparse
import os
import random
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from exact import dumps  # noqa: E402

CONCERNS = ["scoring", "rollup", "bands", "kpi", "supplier"]
DEFAULT_CASES = {"scoring": 2000, "rollup": 2000, "bands": 5000, "kpi": 5000, "supplier": 2000}


def load_concern(name):
    import importlib
    return importlib.import_module(f"check_{name}")


def case_rng(seed, concern, k):
    """Each case has its own generator, so one case is reproduced without the others."""
    return random.Random(f"{seed}/{concern}/{k}")


def run_both(mod, case):
    ref = mod.reference(case)
    lib = mod.library(case)
    return ref, lib


def differences(ref, lib):
    """The keys whose values differ. When either side is an error, only the error counts."""
    if "error" in ref or "error" in lib:
        if ref.get("error") == lib.get("error"):
            return []
        where = ""
        if "error" in lib and lib.get("~detail", "").find(":") > 0:
            # the field the library names, ids and indices erased: "sections[].basis"
            where = " @" + re.sub(r"\[[^\]]*\]", "[]", lib["~detail"].split(":")[0])
        return [f"error[{ref.get('error', 'none')} → {lib.get('error', 'none')}{where}]"]
    keys = sorted(k for k in set(ref) | set(lib) if not k.startswith("~"))
    return [k for k in keys if ref.get(k, "<absent>") != lib.get(k, "<absent>")]


def signature(diff):
    """The class of a disagreement: the differing keys with their ids and indices erased."""
    return tuple(sorted({re.sub(r"\[[^\]]*\]", "[]", k) if not k.startswith("error[") else k
                         for k in diff}))


def shrink(mod, case, sig, budget_s=4.0, budget_calls=400):
    """Greedy: take the first simpler candidate that still disagrees in the same class."""
    t0 = time.monotonic()
    calls = 0
    steps = 0
    improved = True
    while improved and time.monotonic() - t0 < budget_s and calls < budget_calls:
        improved = False
        for cand in mod.shrink(case):
            calls += 1
            try:
                ref, lib = run_both(mod, cand)
            except Exception:  # a candidate the reference cannot take (invalid): skip it
                continue
            if signature(differences(ref, lib)) == sig:
                case = cand
                steps += 1
                improved = True
                break
            if time.monotonic() - t0 > budget_s or calls >= budget_calls:
                break
    return case, steps


def show_pair(ref, lib, diff, indent="      ", limit=40):
    lines = []
    for k in diff:
        if k.startswith("error["):
            lines.append(f"{indent}error: reference {ref.get('error', 'none')!s} "
                         f"({ref.get('~detail', '')}); library {lib.get('error', 'none')} "
                         f"({lib.get('~detail', '')})")
        else:
            lines.append(f"{indent}{k}: reference {ref.get(k, '<absent>')}  library "
                         f"{lib.get(k, '<absent>')}")
    if len(lines) > limit:
        lines = lines[:limit] + [f"{indent}… {len(lines) - limit} more"]
    return "\n".join(lines)


def run_concern(name, n, seed, max_shrink, verbose=False, only=None, out=sys.stdout):
    mod = load_concern(name)
    t0 = time.monotonic()
    classes = {}  # signature → {"count", "first": (label, case, diff)}
    total = agree = 0
    items = []
    if only is None:
        items.extend((f"fixed:{label}", case) for label, case in mod.fixed())
        items.extend((str(k), None) for k in range(n))
    else:
        items.append((str(only), None))
    for label, case in items:
        if case is None:
            case = mod.generate(case_rng(seed, name, int(label)))
        total += 1
        ref, lib = run_both(mod, case)
        diff = differences(ref, lib)
        if only is not None or verbose:
            print(f"case {label}: {dumps(mod.show(case))}", file=out)
            print(f"  reference: {dumps(ref)}\n  library:   {dumps(lib)}", file=out)
        if not diff:
            agree += 1
            continue
        sig = signature(diff)
        c = classes.setdefault(sig, {"count": 0, "first": (label, case, diff)})
        c["count"] += 1
    elapsed = time.monotonic() - t0
    bad = total - agree
    print(f"reference.{name}: {total} cases (seed {seed}), {agree} agree, {bad} disagree"
          f"{f' in {len(classes)} classes' if classes else ''} [{elapsed:.1f} s]", file=out)
    report = []
    for i, (sig, c) in enumerate(sorted(classes.items(), key=lambda kv: -kv[1]["count"])):
        label, case, diff = c["first"]
        steps = 0
        if i < max_shrink:
            case, steps = shrink(mod, case, sig)
        ref, lib = run_both(mod, case)
        diff = differences(ref, lib)
        print(f"\n  class {i + 1}: {', '.join(sig)} — {c['count']} case(s); first: case {label} "
              f"(reproduce: run.py {name} --seed {seed} --case {label.replace('fixed:', '')})",
              file=out)
        print(f"    minimal input ({steps} shrink steps): {dumps(mod.show(case))}", file=out)
        print("    differs:\n" + show_pair(ref, lib, diff), file=out)
        report.append({"class": list(sig), "count": c["count"], "first": label,
                       "input": mod.show(case), "reference": ref, "library": lib})
    return bad == 0, report


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("concerns", nargs="*", help=f"any of {', '.join(CONCERNS)} (default: all)")
    p.add_argument("--cases", type=int, help="random cases per concern (default per concern)")
    p.add_argument("--seed", default="1", help="the run's seed (any string)")
    p.add_argument("--case", help="run only this case number (or fixed case name) and show it")
    p.add_argument("--shrink", type=int, default=8, help="classes to shrink (default 8)")
    p.add_argument("--verbose", action="store_true", help="print every case and both results")
    p.add_argument("--report-json", help="write the disagreement classes to this file")
    args = p.parse_args(argv)
    concerns = args.concerns or CONCERNS
    for name in concerns:
        if name not in CONCERNS:
            p.error(f"unknown concern {name!r}: choose from {', '.join(CONCERNS)}")
    ok = True
    reports = {}
    for name in concerns:
        n = args.cases if args.cases is not None else DEFAULT_CASES[name]
        only = None
        if args.case is not None:
            mod = load_concern(name)
            fixed = dict(mod.fixed())
            if args.case in fixed:
                good, rep = _run_fixed(name, mod, args.case, fixed[args.case])
                ok &= good
                continue
            only = int(args.case)
        good, rep = run_concern(name, n, args.seed, args.shrink, args.verbose, only)
        ok &= good
        reports[name] = rep
    if args.report_json:
        with open(args.report_json, "w", encoding="utf-8") as f:
            f.write(dumps(reports))
    return 0 if ok else 1


def _run_fixed(name, mod, label, case):
    ref, lib = run_both(mod, case)
    diff = differences(ref, lib)
    print(f"case fixed:{label}: {dumps(mod.show(case))}")
    print(f"  reference: {dumps(ref)}\n  library:   {dumps(lib)}")
    if diff:
        print("  differs:\n" + show_pair(ref, lib, diff, indent="    "))
    return not diff, []


if __name__ == "__main__":
    sys.exit(main())
