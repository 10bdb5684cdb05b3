"""Standards and scoring (R-STD-*, R-SCORE-*): pmq.Standard over the C handle pmq_standard."""
import ctypes
import json

from ._lib import declare, encode, lib, take_string

_standard_p = ctypes.c_void_p
_load = declare("pmq_standard_load", ctypes.c_char_p, ctypes.POINTER(_standard_p))
_builtin = declare("pmq_standard_builtin", ctypes.c_char_p, ctypes.POINTER(_standard_p))
_builtins = declare("pmq_builtin_standards", ctypes.POINTER(ctypes.c_void_p))
_to_json = declare("pmq_standard_to_json", _standard_p, ctypes.POINTER(ctypes.c_void_p))
_score = declare("pmq_score", _standard_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p))
_score_batch = declare("pmq_score_batch", _standard_p, ctypes.c_char_p,
                       ctypes.POINTER(ctypes.c_void_p))
lib.pmq_standard_free.argtypes = [_standard_p]
lib.pmq_standard_free.restype = None


def _call_for_json(func, *args):
    out = ctypes.c_void_p()
    func(*args, ctypes.byref(out))
    return json.loads(take_string(out.value))


class Standard:
    """A validated, compiled quality standard that scores many inspections.

    Use ``Standard.load(dict_or_json)`` or ``Standard.builtin(id=None)``; release it with
    ``close()`` or a ``with`` block.
    """

    def __init__(self, handle):
        self._handle = handle

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

    def _live(self):
        if not self._handle:
            raise ValueError("this pmq.Standard is closed")
        return self._handle

    def to_dict(self):
        return _call_for_json(_to_json, self._live())

    def score(self, inspection):
        """Scores one inspection (dict or JSON string) → result dict."""
        return _call_for_json(_score, self._live(), encode(inspection))

    def score_batch(self, inspections):
        """Scores a list of inspections in one call → list of result dicts."""
        return _call_for_json(_score_batch, self._live(), encode(inspections))

    def close(self):
        if getattr(self, "_handle", None):
            lib.pmq_standard_free(self._handle)
            self._handle = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()


def builtin_standards():
    """The ids of the built-in standards; the first is the default."""
    return _call_for_json(_builtins)


def score(standard, inspection):
    """One-shot: scores an inspection against a standard (dict/JSON, or a Standard)."""
    if isinstance(standard, Standard):
        return standard.score(inspection)
    with Standard.load(standard) as s:
        return s.score(inspection)
