"""Standards and scoring (R-STD-1 … R-STD-6, R-SCORE-1 … R-SCORE-3): ``pmq.Standard`` over the
C handle ``pmq_standard``, roll-ups, one-shot scoring."""
import array as _array
import ctypes as _ctypes
from decimal import Decimal as _Decimal
import typing as _typing

from . import _lib
from ._numbers import to_count as _to_count
from . import types as _t

_p = _ctypes.c_void_p
_load = _lib.declare("pmq_standard_load", _ctypes.c_char_p, _ctypes.POINTER(_p))
_builtin = _lib.declare("pmq_standard_builtin", _ctypes.c_char_p, _ctypes.POINTER(_p))
_builtins = _lib.declare("pmq_builtin_standards", _lib.out_p)
_to_json = _lib.declare("pmq_standard_to_json", _p, _lib.out_p)
_score = _lib.declare("pmq_score", _p, _ctypes.c_char_p, _lib.out_p)
_score_lang = _lib.declare("pmq_score_lang", _p, _ctypes.c_char_p, _ctypes.c_char_p, _lib.out_p)
_score_batch = _lib.declare("pmq_score_batch", _p, _ctypes.c_char_p, _lib.out_p)
_score_summary = _lib.declare("pmq_score_summary", _p, _ctypes.c_char_p, _lib.out_p)
_score_batch_summary = _lib.declare("pmq_score_batch_summary", _p, _ctypes.c_char_p, _lib.out_p)
_derive = _lib.declare("pmq_standard_derive", _p, _ctypes.c_char_p, _ctypes.POINTER(_p))
_item_count = _lib.declare("pmq_standard_item_count", _p, _ctypes.POINTER(_ctypes.c_size_t))
_score_values = _lib.declare("pmq_score_values", _p, _ctypes.POINTER(_ctypes.c_int64),
                             _ctypes.c_size_t, _ctypes.POINTER(_ctypes.c_int64))
_score_values_batch = _lib.declare("pmq_score_values_batch", _p, _ctypes.c_void_p,
                                   _ctypes.c_size_t, _ctypes.c_size_t, _ctypes.c_void_p)
_rollup = _lib.declare("pmq_rollup", _ctypes.c_char_p, _lib.out_p)

#: score_values: the item has no response (full marks).
NO_RESPONSE = -1
#: score_values: the item does not apply.
NOT_APPLICABLE = -2
#: score_values_batch: nothing applicable was scored in that inspection.
NO_DATA = -(2 ** 63)
_NO_DATA = NO_DATA
# Buffer formats read as native int64 (array('q'), numpy int64: 'l' on LP64), and as raw bytes.
_INT64_FORMATS = {"q", "@q", "=q", "l", "@l", "=l"}
_BYTE_FORMATS = {"B", "b", "c", "@B", "@b", "=B", "=b"}


def _int64_buffer(values: _typing.Any) -> memoryview:
    """The values as a C-contiguous memoryview of native int64, without a per-value Python
    loop: any buffer of int64 (array('q'), a numpy int64 array, 1-D or 2-D), raw bytes in
    native byte order, or else an iterable of ints (copied into an array('q'))."""
    try:
        mv = memoryview(values)
    except TypeError:
        try:
            return memoryview(_array.array("q", values))
        except (TypeError, OverflowError) as e:
            raise TypeError(f"values: expected int64 values, a buffer or ints ({e})") from None
    if not mv.c_contiguous:
        raise ValueError("values: the buffer must be C-contiguous")
    if mv.format in _BYTE_FORMATS and mv.itemsize == 1:
        if mv.nbytes % 8:
            raise ValueError(f"values: {mv.nbytes} bytes is not a whole number of int64 values")
        return mv.cast("B").cast("q")
    if mv.format not in _INT64_FORMATS or mv.itemsize != 8:
        raise TypeError(f"values: expected int64 values, got a buffer of format {mv.format!r}")
    return mv


class Standard(_lib.Handle):
    """A validated, compiled quality standard that scores many inspections, from any number
    of threads.

    >>> with pmq.Standard.builtin() as standard:
    ...     result = standard.score({"id": "INS-1", "responses": [{"item": "BJ-01", "defects": 3}]})
    >>> result["score"], result["status"]
    (Decimal('98.5'), 'scored')
    >>> result["sections"][3]["items"][0]["explanation"]
    '3 处 × 0.5 = 扣 1.5 分'
    >>> standard = pmq.Standard.builtin()
    >>> standard.score({"id": "INS-1", "responses": [{"item": "BJ-01", "defects": 3}]},
    ...                lang="en")["sections"][3]["items"][0]["explanation"]
    '3 defects × 0.5 = 1.5 deducted'
    >>> standard.close()

    Use ``Standard.load(document)`` or ``Standard.builtin(id=None)``; release it with
    ``close()`` or a ``with`` block.
    """

    _free = _lib.declare_free("pmq_standard_free")

    @classmethod
    def load(cls, standard: _t.Document) -> "Standard":
        """Validates and compiles a standard (a dict or JSON text); every problem is reported
        at once, each with its JSON path.

        >>> pmq.Standard.load({"id": "x", "version": "1", "title": "t", "sections": []})
        Traceback (most recent call last):
        ...
        pmq.Error: sections: a standard needs at least one section
        """
        handle = _p()
        _load(_lib.document(standard), _ctypes.byref(handle))
        return cls(handle)

    @classmethod
    def builtin(cls, standard_id: _typing.Optional[str] = None) -> "Standard":
        """A built-in standard by id (see ``builtin_standards()``); None: the default."""
        handle = _p()
        _builtin(_lib.text(standard_id) if standard_id else None, _ctypes.byref(handle))
        return cls(handle)

    def to_dict(self) -> dict:
        """The standard as a dict (the JSON format of docs/scoring.md)."""
        return _lib.call_json(_to_json, self._live())

    def score(self, inspection: _t.Document, lang: str = "zh",
              summary: bool = False) -> _t.ScoreResult:
        """Scores one inspection (a dict or JSON text): item, section and final scores, each
        deduction and each step to the final score explained, in ``lang`` ("zh" or "en").
        With ``summary=True`` only what was decided: ``{"inspection", "status", "score"?,
        "exact"?, "passed"?, "vetoes"?, "failed_sections"?}``, absent as in the full result
        (faster: no item results or explanations are built, so ``lang`` does not matter).

        >>> with pmq.Standard.builtin() as s:
        ...     s.score({"id": "I", "responses": [{"item": "BJ-01", "defects": 3}]}, summary=True)
        {'inspection': 'I', 'status': 'scored', 'score': Decimal('98.5'), 'exact': Fraction(197, 2)}
        """
        if summary:
            return _lib.call_json(_score_summary, self._live(), _lib.document(inspection))
        if lang == "zh":
            return _lib.call_json(_score, self._live(), _lib.document(inspection))
        return _lib.call_json(_score_lang, self._live(), _lib.document(inspection),
                              _lib.text(lang))

    def score_batch(self, inspections: _typing.Union[_typing.Sequence[dict], str],
                    summary: bool = False) -> list[_t.ScoreResult]:
        """Scores a list of inspections in one call, one at a time (memory stays flat);
        problems name the inspection (``[3].responses[0].item``). ``summary=True`` gives
        each inspection's summary, as ``score(..., summary=True)``."""
        return _lib.call_json(_score_batch_summary if summary else _score_batch, self._live(),
                              _lib.document(inspections))

    def derive(self, selection: _t.Document) -> "Standard":
        """R-STD-2: a project standard selected from this company standard (a new Standard).

        The selection is ``{"id", "version"?, "title"?, "property_type"?, "grade"?,
        "clauses"?: [...], "exclude"?: [...]}`` (docs/scoring.md).

        >>> with pmq.Standard.builtin() as company, \\
        ...         company.derive({"id": "p1", "exclude": ["LH-03"]}) as p:
        ...     p.to_dict()["origin"]
        {'id': 'pmq-residential-example', 'version': '1.0'}
        """
        handle = _p()
        _derive(self._live(), _lib.document(selection), _ctypes.byref(handle))
        return Standard(handle)

    def item_count(self) -> int:
        """The number of items, over all sections in order (the typed path's value count)."""
        n = _ctypes.c_size_t()
        _item_count(self._live(), _ctypes.byref(n))
        return n.value

    def score_values(self, values: _typing.Sequence[int]) -> _typing.Optional[_Decimal]:
        """Typed path, for rescoring histories fast: one int per item in order (NO_RESPONSE,
        NOT_APPLICABLE, defects, 1/0 passed, 0/1/2 three-level, graded score in 1/1000
        points) → the final score as a Decimal, or None for no data."""
        ints = [_to_count(v, f"values[{i}]") for i, v in enumerate(values)]
        arr = (_ctypes.c_int64 * len(ints))(*ints)
        out = _ctypes.c_int64()
        _score_values(self._live(), arr, len(ints), _ctypes.byref(out))
        return None if out.value == _NO_DATA else _Decimal(out.value).scaleb(-3)

    def score_values_batch(self, values: _typing.Any,
                           items: _typing.Optional[int] = None) -> "_array.array[int]":
        """Typed batch: many inspections' values, row after row (item_count() per inspection),
        from any buffer of int64 — an ``array('q')``, ``bytes`` in native byte order, a numpy
        int64 array (1-D, or 2-D with one row per inspection) — or an iterable of ints,
        without a Python loop over the values. Returns an ``array('q')`` of final scores in
        1/1000 points, one per inspection, ``NO_DATA`` where nothing applicable was scored.
        Problems name the row: ``[3].values[2]``.

        >>> from array import array
        >>> with pmq.Standard.builtin() as s:
        ...     n = s.item_count()
        ...     s.score_values_batch(array("q", [NO_RESPONSE] * n + [NOT_APPLICABLE] * n))
        array('q', [100000, -9223372036854775808])
        """
        mv = _int64_buffer(values)
        count = self.item_count()
        if mv.ndim == 2:
            rows, width = mv.shape
        else:
            width = count if items is None else items
            rows = mv.shape[0] // width if width else 0
            if width and mv.shape[0] % width:
                raise ValueError(f"values: {mv.shape[0]} values is not a whole number of rows "
                                 f"of {width}")
        if items is not None and items != width:
            raise ValueError(f"values: rows of {width} values, but items={items}")
        out = _array.array("q", bytes(8 * rows))
        if rows == 0:
            return out
        out_ptr = out.buffer_info()[0]
        raw = mv.cast("B") if mv.ndim == 1 else mv.cast("B", (mv.nbytes,))
        if raw.readonly:
            raw = memoryview(bytearray(raw))  # one copy of a read-only buffer (bytes)
        in_ptr = _ctypes.addressof(_ctypes.c_char.from_buffer(raw))
        _score_values_batch(self._live(), in_ptr, rows, width, out_ptr)
        return out


def builtin_standards() -> list[str]:
    """The ids of the built-in standards; the first is the default.

    >>> pmq.builtin_standards()
    ['pmq-residential-example', 'cn-national-demo-estate']
    """
    return _lib.call_json(_builtins)


def rollup(request: _t.Document) -> _t.RollupResult:
    """R-SCORE-1/2: project means of the inspectors' scores, then branch and company means,
    exact until rounded once; request ``{"branches": [{"id", "projects": [{"id", "scores"}]}],
    "decimals"?}``.

    >>> r = pmq.rollup({"branches": [
    ...     {"id": "b", "projects": [{"id": "p", "scores": [95, 94, 94]}]}]})
    >>> r["company"]
    {'score': Decimal('94.33'), 'exact': Fraction(283, 3), 'inputs': 1}
    """
    return _lib.call_json(_rollup, _lib.document(request))


def score(standard: _typing.Union[_t.Document, Standard],
          inspection: _t.Document) -> _t.ScoreResult:
    """One-shot: scores an inspection against a standard (a document, or a Standard)."""
    if isinstance(standard, Standard):
        return standard.score(inspection)
    with Standard.load(standard) as s:
        return s.score(inspection)


__all__ = ["Standard", "builtin_standards", "rollup", "score", "NO_RESPONSE", "NOT_APPLICABLE"]
