"""pmq for pandas (optional: ``import pmq.pandas`` needs pandas): inspections and KPI counts as
DataFrames, results as DataFrames, numbers exact (``Decimal`` objects, never float).

Inspections come in one of two shapes:

- one row per item response: an ``inspection`` column (the id), an ``item`` column and any of
  the response columns ``defects``, ``passed``, ``level``, ``score``, ``not_applicable`` (empty
  cells are left out), plus inspection columns ``project``, ``inspector``, ``date``,
  ``standard`` (an inspection with nothing found is a row whose ``item`` is empty);
- one row per inspection with a ``responses`` column (a list of response dicts, or its JSON).

>>> import pandas as pd
>>> rows = pd.DataFrame({"inspection": ["I-1", "I-1", "I-2"],
...                      "item": ["BJ-01", "KF-05", None],
...                      "defects": [3, None, None], "passed": [None, False, None]})
>>> frames = pmq.pandas.score_frame("pmq-residential-example", rows)
>>> frames.results[["inspection", "score", "status"]].values.tolist()
[['I-1', Decimal('95.5'), 'scored'], ['I-2', 100, 'scored']]
>>> lost = frames.items.query("inspection == 'I-1' and deducted != 0")
>>> lost[["item", "explanation"]].values.tolist()
[['KF-05', '不合格：扣 3 分'], ['BJ-01', '3 处 × 0.5 = 扣 1.5 分']]

This is also the path for histories that outgrow one machine: each partition of a Dask
DataFrame is scored by ``score_frame`` (``map_partitions``), with one compiled standard per
worker process (examples/python/dask_rescore.py).
"""
import collections as _collections
import math as _math
import threading as _threading
import typing as _typing

import pandas as _pd

from . import _lib
from . import kpi as _kpi
from . import types as _t
from ._numbers import decode as _decode
from .scoring import Standard as _Standard

#: The two DataFrames of ``score_frame``: one row per inspection, one row per item.
ScoreFrames = _collections.namedtuple("ScoreFrames", ["results", "items"])

RESULT_COLUMNS = ["inspection", "project", "inspector", "date", "standard", "status", "score",
                  "full_score", "passed", "findings", "failed_sections", "vetoes"]
ITEM_COLUMNS = ["inspection", "section", "item", "title", "kind", "applicable", "max_score",
                "score", "deducted", "defects", "explanation"]
_RESPONSE_COLUMNS = ("defects", "passed", "level", "score", "not_applicable")
_INSPECTION_COLUMNS = ("project", "inspector", "date", "standard")

_cache: "dict[str, _Standard]" = {}
_cache_lock = _threading.Lock()


def compiled(standard: _typing.Union[str, _t.Document, _Standard]) -> _Standard:
    """The compiled Standard for a built-in id, a document or JSON text — compiled once per
    process and kept (a compiled standard is immutable and may be shared by threads), so
    each Dask worker compiles it once, not once per partition."""
    if isinstance(standard, _Standard):
        return standard
    if isinstance(standard, str) and not standard.lstrip().startswith("{"):
        key = "builtin:" + standard
    else:
        key = _lib.document(standard).decode("utf-8")
    with _cache_lock:
        found = _cache.get(key)
        if found is None:
            found = (_Standard.builtin(standard) if key.startswith("builtin:")
                     else _Standard.load(key))
            _cache[key] = found
        return found


def _missing(v: _typing.Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and _math.isnan(v):
        return True
    return v is _pd.NA or v is _pd.NaT


def _plain(v: _typing.Any) -> _typing.Any:
    """A DataFrame cell as a JSON value: numpy scalars as Python ones, whole floats as int."""
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):
        v = v.item()
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, _pd.Timestamp):
        return v.strftime("%Y-%m-%d")
    return v


def inspections_from_frame(frame: _pd.DataFrame) -> list:
    """The inspections of a DataFrame in either shape, as documents, in order of first
    appearance."""
    if "inspection" not in frame.columns and "id" not in frame.columns:
        raise ValueError("the DataFrame needs an 'inspection' (or 'id') column")
    id_col = "inspection" if "inspection" in frame.columns else "id"
    records = frame.to_dict("records")
    out: "dict[str, dict]" = {}
    for row in records:
        ident = str(_plain(row[id_col]))
        ins = out.get(ident)
        if ins is None:
            ins = {"id": ident, "responses": []}
            for c in _INSPECTION_COLUMNS:
                if c in row and not _missing(row[c]):
                    ins[c] = str(_plain(row[c]))
            out[ident] = ins
        if "responses" in frame.columns:
            responses = row["responses"]
            if isinstance(responses, (str, bytes)):
                responses = _decode(responses)
            ins["responses"].extend(responses if not _missing(responses) else [])
        elif "item" in frame.columns and not _missing(row["item"]):
            response = {"item": str(row["item"])}
            for c in _RESPONSE_COLUMNS:
                if c in row and not _missing(row[c]):
                    response[c] = _plain(row[c])
            ins["responses"].append(response)
    return list(out.values())


def score_frame(standard: _typing.Union[str, _t.Document, _Standard],
                inspections: _pd.DataFrame) -> ScoreFrames:
    """Scores every inspection of a DataFrame (either shape) → ``ScoreFrames(results, items)``:
    one row per inspection (RESULT_COLUMNS) and one row per item (ITEM_COLUMNS); scores are
    Decimal (object columns), absent values None."""
    results = compiled(standard).score_batch(inspections_from_frame(inspections))
    rows, items = [], []
    for r in results:
        rows.append({c: r.get(c) for c in RESULT_COLUMNS[:5]} | {
            "standard": r["standard"], "status": r["status"], "score": r.get("score"),
            "full_score": r["full_score"], "passed": r.get("passed"), "findings": r["findings"],
            "failed_sections": list(r.get("failed_sections", [])),
            "vetoes": list(r.get("vetoes", []))})
        for s in r["sections"]:
            for i in s["items"]:
                items.append({"inspection": r["inspection"], "section": s["id"], "item": i["id"],
                              "title": i["title"], "kind": i["kind"],
                              "applicable": i["applicable"], "max_score": i["max_score"],
                              "score": i["score"], "deducted": i["deducted"],
                              "defects": i["defects"], "explanation": i["explanation"]})
    return ScoreFrames(_pd.DataFrame(rows, columns=RESULT_COLUMNS, dtype=object),
                       _pd.DataFrame(items, columns=ITEM_COLUMNS, dtype=object))


KPI_COLUMNS = ["period", "months", "status", "value", "exact", "unit", "target", "gap"]


def kpi_frame(kpi_id: str, counts: _pd.DataFrame, period: str = "month",
              by: _typing.Optional[_typing.Sequence[str]] = None) -> _pd.DataFrame:
    """Evaluates a catalogue KPI over monthly counts: ``counts`` has a ``month`` column
    ("2026-01") and one column per input of the KPI; ``by`` names grouping columns (a
    project, a department). Per group and ``period`` ("month", "quarter", "half_year",
    "year") the counts are summed and the rate recomputed (never a mean of monthly rates);
    periods without data are rows with status "no_data".

    >>> import pandas as pd
    >>> counts = pd.DataFrame({"month": ["2026-01", "2026-02"], "valid_complaints": [40, 10],
    ...                        "handled_late": [1, 0]})
    >>> t = pmq.pandas.kpi_frame("R-KPI-12", counts, period="quarter")
    >>> t[["period", "status", "value", "exact", "gap"]].values.tolist()
    [['2026-Q1', 'missed', '98.00', '49/50', '-2.00']]
    """
    by = list(by or [])
    if "month" not in counts.columns:
        raise ValueError("the DataFrame needs a 'month' column (YYYY-MM)")
    inputs = [c for c in counts.columns if c != "month" and c not in by]
    groups = (counts.groupby(by if len(by) > 1 else by[0], sort=False) if by
              else [((), counts)])
    out = []
    for key, part in groups:
        key = key if isinstance(key, tuple) else (key,)
        months = [{"month": str(r["month"]),
                   "counts": {c: _plain(r[c]) for c in inputs if not _missing(r[c])}}
                  for r in part.to_dict("records")]
        for p in _kpi.series(kpi_id, months, period):
            actual = p["actual"]
            row = dict(zip(by, key))
            row.update({"period": p["period"], "months": list(p.get("months", [])),
                        "status": p["status"], "value": actual.get("value"),
                        "exact": str(actual["exact"]) if "exact" in actual else None,
                        "unit": actual.get("unit"), "target": p.get("target_text"),
                        "gap": p.get("gap")})
            out.append(row)
    return _pd.DataFrame(out, columns=by + KPI_COLUMNS, dtype=object)


__all__ = ["ScoreFrames", "score_frame", "inspections_from_frame", "kpi_frame", "compiled",
           "RESULT_COLUMNS", "ITEM_COLUMNS", "KPI_COLUMNS"]
