"""Standards and scoring (R-STD-*, R-SCORE-*): pmq.Standard over the C handle pmq_standard."""
import ctypes

from ._lib import Handle, call_json, declare, encode, lib

_standard_p = ctypes.c_void_p
_load = declare("pmq_standard_load", ctypes.c_char_p, ctypes.POINTER(_standard_p))
_builtin = declare("pmq_standard_builtin", ctypes.c_char_p, ctypes.POINTER(_standard_p))
_builtins = declare("pmq_builtin_standards", ctypes.POINTER(ctypes.c_void_p))
_to_json = declare("pmq_standard_to_json", _standard_p, ctypes.POINTER(ctypes.c_void_p))
_score = declare("pmq_score", _standard_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p))
_score_batch = declare("pmq_score_batch", _standard_p, ctypes.c_char_p,
                       ctypes.POINTER(ctypes.c_void_p))
_derive = declare("pmq_standard_derive", _standard_p, ctypes.c_char_p, ctypes.POINTER(_standard_p))
_item_count = declare("pmq_standard_item_count", _standard_p, ctypes.POINTER(ctypes.c_size_t))
_score_values = declare("pmq_score_values", _standard_p, ctypes.POINTER(ctypes.c_int64),
                        ctypes.c_size_t, ctypes.POINTER(ctypes.c_int64))
_rollup = declare("pmq_rollup", ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p))

NO_RESPONSE = -1
NOT_APPLICABLE = -2
_NO_DATA = -(2 ** 63)
lib.pmq_standard_free.argtypes = [_standard_p]
lib.pmq_standard_free.restype = None


class Standard(Handle):
    """A validated, compiled quality standard that scores many inspections.

    Use ``Standard.load(dict_or_json)`` or ``Standard.builtin(id=None)``; release it with
    ``close()`` or a ``with`` block.
    """

    _free = lib.pmq_standard_free

    @classmethod
    def load(cls, standard):
        handle = _standard_p()
        _load(encode(standard), ctypes.byref(handle))
        return cls(handle)

    @classmethod
    def builtin(cls, standard_id=None):
        handle = _standard_p()
        _builtin(standard_id.encode("utf-8") if standard_id else None, ctypes.byref(handle))
        return cls(handle)

    def to_dict(self):
        return call_json(_to_json, self._live())

    def score(self, inspection):
        """Scores one inspection (dict or JSON string) → result dict."""
        return call_json(_score, self._live(), encode(inspection))

    def score_batch(self, inspections):
        """Scores a list of inspections in one call → list of result dicts."""
        return call_json(_score_batch, self._live(), encode(inspections))

    def derive(self, selection):
        """R-STD-2: a project standard selected from this company standard (a new Standard)."""
        handle = _standard_p()
        _derive(self._live(), encode(selection), ctypes.byref(handle))
        return Standard(handle)

    def item_count(self):
        n = ctypes.c_size_t()
        _item_count(self._live(), ctypes.byref(n))
        return n.value

    def score_values(self, values):
        """Typed path: one int per item in order (NO_RESPONSE, NOT_APPLICABLE, defects,
        1/0 passed, 0/1/2 three-level, graded score in 1/1000 points) → the final score as
        a decimal.Decimal, or None for no data."""
        from decimal import Decimal

        arr = (ctypes.c_int64 * len(values))(*values)
        out = ctypes.c_int64()
        _score_values(self._live(), arr, len(values), ctypes.byref(out))
        return None if out.value == _NO_DATA else Decimal(out.value).scaleb(-3)



def builtin_standards():
    """The ids of the built-in standards; the first is the default."""
    return call_json(_builtins)


def rollup(data):
    """R-SCORE-1/2: project, branch and company means with their input counts."""
    return call_json(_rollup, encode(data))


def score(standard, inspection):
    """One-shot: scores an inspection against a standard (dict/JSON, or a Standard)."""
    if isinstance(standard, Standard):
        return standard.score(inspection)
    with Standard.load(standard) as s:
        return s.score(inspection)
