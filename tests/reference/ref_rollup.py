"""Reference: roll-ups (R-SCORE-1, R-SCORE-2) with the band of R-SCORE-4 decided on the exact
mean. Written from domain.md, docs/scoring.md and issue 9's model, not from pmq's C++.

Each level is {"exact": Fraction | None, "score": Fraction | None, "inputs": n, "band": i | None}.
"""
from fractions import Fraction

import ref_bands
from exact import q, round_half_up


def _level(values, decimals, table):
    if not values:
        return {"exact": None, "score": None, "inputs": 0, "band": None}
    mean = sum(values, Fraction(0)) / len(values)
    band = ref_bands.classify(table, mean) if table is not None else None
    return {"exact": mean, "score": round_half_up(mean, decimals), "inputs": len(values),
            "band": band}


def roll_up(request):
    decimals = request.get("decimals", 2)
    table = request.get("bands")
    if isinstance(table, str):
        table = ref_bands.BUILTIN[table]
    branches = []
    branch_means = []
    project_means = []
    for b in request["branches"]:
        projects = []
        means = []
        for p in b["projects"]:
            level = _level([q(s) for s in p["scores"]], decimals, table)
            projects.append({"id": p["id"], "result": level})
            if level["exact"] is not None:
                means.append(level["exact"])
        project_means.extend(means)
        level = _level(means, decimals, table)  # one project: its own score
        if level["exact"] is not None:
            branch_means.append(level["exact"])
        branches.append({"id": b["id"], "result": level, "projects": projects})
    return {"company": _level(branch_means, decimals, table),
            "all_projects": _level(project_means, decimals, table),
            "branches": branches}
