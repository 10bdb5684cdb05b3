"""Loading libpmq_c and declaring its functions (ctypes). Internal to the pmq package.

Every C function is declared once, with argtypes, restype and an errcheck that raises
pmq.Error. The library is found through the PMQ_LIBRARY environment variable, then next to
this package, then on the system's library path.
"""
import ctypes
import ctypes.util
import json
import os

from ._errors import Error


def _find_library():
    explicit = os.environ.get("PMQ_LIBRARY")
    if explicit:
        return explicit
    here = os.path.dirname(os.path.abspath(__file__))
    for name in ("libpmq_c.so", "libpmq_c.so.0", "libpmq_c.dylib", "pmq_c.dll"):
        candidate = os.path.join(here, name)
        if os.path.exists(candidate):
            return candidate
    found = ctypes.util.find_library("pmq_c")
    if found:
        return found
    raise OSError("libpmq_c not found: set PMQ_LIBRARY to its path")


lib = ctypes.CDLL(_find_library())

lib.pmq_version.argtypes = []
lib.pmq_version.restype = ctypes.c_char_p
lib.pmq_last_error.argtypes = []
lib.pmq_last_error.restype = ctypes.c_char_p
lib.pmq_last_error_path.argtypes = []
lib.pmq_last_error_path.restype = ctypes.c_char_p
lib.pmq_last_error_json.argtypes = []
lib.pmq_last_error_json.restype = ctypes.c_char_p
lib.pmq_free.argtypes = [ctypes.c_void_p]
lib.pmq_free.restype = None


def _errcheck(status, func, args):
    if status != 0:
        raise Error.from_last(status)
    return status


def declare(name, *argtypes):
    """Declares a status-returning C function; failures raise pmq.Error."""
    f = getattr(lib, name)
    f.argtypes = list(argtypes)
    f.restype = ctypes.c_int
    f.errcheck = _errcheck
    return f


def take_string(ptr):
    """Reads a string the library returned (char* owned by the caller) and frees it."""
    try:
        return ctypes.string_at(ptr).decode("utf-8") if ptr else None
    finally:
        lib.pmq_free(ptr)


def call_json(func, *args):
    """Calls a C function whose last parameter is ``char **`` receiving JSON, after ``args``;
    returns the decoded JSON (the string is freed)."""
    out = ctypes.c_void_p()
    func(*args, ctypes.byref(out))
    return json.loads(take_string(out.value))


def encode(value):
    """A dict/list (serialised) or a JSON string → UTF-8 bytes for the C ABI."""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if isinstance(value, str):
        return value.encode("utf-8")
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


class Handle:
    """Base of the classes that own a C handle: ``close()``, ``with`` and ``__del__``.

    Subclasses set ``_free`` to the C function that releases the handle."""

    _free = None
    _kind = "handle"

    def __init__(self, handle):
        self._handle = handle

    def _live(self):
        if not self._handle:
            raise ValueError(f"this pmq.{type(self).__name__} is closed")
        return self._handle

    def close(self):
        if getattr(self, "_handle", None):
            type(self)._free(self._handle)
            self._handle = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()
