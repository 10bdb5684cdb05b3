"""The shapes of pmq's results, as TypedDicts (for type checkers and readers).

Numbers are exact: ``int`` when whole, ``decimal.Decimal`` otherwise (never ``float``);
``exact`` values are ``fractions.Fraction``. Keys marked optional are absent when they do not
apply (a score with no data has no ``score``). Shapes not spelled out here are JSON objects
documented on the concern's page (docs/*.md).
"""
from __future__ import annotations

import sys
from decimal import Decimal
from fractions import Fraction
from typing import Any, Dict, List, Union

if sys.version_info >= (3, 11):
    from typing import TypedDict
else:  # pragma: no cover
    from typing_extensions import TypedDict

#: A number in a result: int when whole, Decimal otherwise.
Number = Union[int, Decimal]
#: A number given to pmq: int, a decimal str ("94.5"), Decimal or Fraction (never float).
NumberIn = Union[int, str, Decimal, Fraction]
#: A JSON object (a dict from ``json.loads``, or pmq's results).
JSONObject = Dict[str, Any]
#: A JSON document given to pmq: a dict or list, or JSON text.
Document = Union[Dict[str, Any], List[Any], str, bytes]


class Finding(TypedDict):
    description: str
    location: str
    time: str
    department: str


class _ItemResult(TypedDict):
    id: str
    title: str
    kind: str
    applicable: bool
    max_score: Number
    score: Number
    deducted: Number
    defects: int
    vetoed: bool
    explanation: str
    findings: List[Finding]


class ItemResult(_ItemResult, total=False):
    level: str


class _SectionResult(TypedDict):
    id: str
    title: str
    max_score: Number
    score: Number
    failed_critical: bool
    items: List[ItemResult]


class SectionResult(_SectionResult, total=False):
    weight: Number
    critical_min: Number


class _Adjustment(TypedDict):
    kind: str
    before: Number
    after: Number
    explanation: str


class Adjustment(_Adjustment, total=False):
    source: str


class _ScoreResult(TypedDict):
    standard: str
    standard_version: str
    inspection: str
    status: str
    full_score: Number
    max_score: Number
    earned: Number
    findings: int
    sections: List[SectionResult]


class ScoreResult(_ScoreResult, total=False):
    """``Standard.score``: docs/scoring.md."""
    project: str
    inspector: str
    date: str
    score: Number
    passed: bool
    failed_sections: List[str]
    vetoes: List[str]
    adjustments: List[Adjustment]


#: ``Bands.classify``: a band of a band table (every key but id and label may be absent).
Band = TypedDict("Band", {"id": str, "label": str, "from": Number, "from_edge": str,
                          "to": Number, "to_edge": str, "pay_adjustment": Number,
                          "award_eligible": bool, "passed": bool, "actions": List[str]},
                 total=False)


class PerPointResult(TypedDict):
    """``per_point_pay`` (R-SCORE-5)."""
    passed: bool
    points_lost: Number
    pay_reduction: Number


class _MeanScore(TypedDict):
    inputs: int


class MeanScore(_MeanScore, total=False):
    score: Number
    exact: Fraction


class ProjectRollup(TypedDict):
    id: str
    result: MeanScore


class BranchRollup(TypedDict):
    id: str
    result: MeanScore
    projects: List[ProjectRollup]


class RollupResult(TypedDict):
    """``rollup`` (R-SCORE-1, R-SCORE-2)."""
    company: MeanScore
    all_projects: MeanScore
    branches: List[BranchRollup]


class KpiResult(TypedDict):
    """``kpi.evaluate``: ``actual`` is {"exact", "value", "unit"} or {"no_data", "reason"};
    ``gap`` is None without data (docs/kpi.md)."""
    kpi: str
    actual: JSONObject
    target: JSONObject
    target_text: str
    status: str
    gap: Union[str, None]


class Problem(TypedDict):
    path: str
    message: str


class CheckReport(TypedDict):
    """``check``: errors stop the document loading; warnings say what is probably wrong."""
    kind: str
    valid: bool
    errors: List[Problem]
    warnings: List[Problem]


class CaseFailure(TypedDict):
    field: str
    expected: str
    actual: str


class CaseOutcome(TypedDict):
    """One case of ``pmq.testing`` (docs/testing.md)."""
    name: str
    kind: str
    passed: bool
    errors: List[Problem]
    failures: List[CaseFailure]
    explanation: List[str]
    actual: JSONObject


__all__ = ["Number", "NumberIn", "JSONObject", "Document", "Finding", "ItemResult",
           "SectionResult", "Adjustment", "ScoreResult", "Band", "PerPointResult", "MeanScore",
           "ProjectRollup", "BranchRollup", "RollupResult", "KpiResult", "Problem",
           "CheckReport", "CaseFailure", "CaseOutcome"]
