"""Loading libpmq_c and declaring its functions (ctypes). Internal to the pmq package.

Every C function is declared once, with argtypes, restype and an errcheck that raises
pmq.Error. The library is found through the PMQ_LIBRARY environment variable, then next to
this package, then in the lib/ folder of the prefix the package is installed under (so
``cmake --install`` and the .deb work without settings), then on the system's library path.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from typing import Any, Callable, Optional

from ._errors import Error
from ._numbers import decode, encode

_NAMES = ("libpmq_c.so.0", "libpmq_c.so", "libpmq_c.dylib", "pmq_c.dll")


def _candidates() -> list[str]:
    here = os.path.dirname(os.path.abspath(__file__))
    found = [os.path.join(here, n) for n in _NAMES]
    # The install prefix: <prefix>/lib/python3.X/dist-packages/pmq, <prefix>/share/pmq/python/pmq.
    multiarch = getattr(sys.implementation, "_multiarch", "")
    folder = here
    for _ in range(6):
        folder = os.path.dirname(folder)
        for lib in ("lib", os.path.join("lib", multiarch) if multiarch else None, "lib64"):
            if lib:
                found += [os.path.join(folder, lib, n) for n in _NAMES]
    return found


def _find_library() -> str:
    explicit = os.environ.get("PMQ_LIBRARY")
    if explicit:
        return explicit
    for candidate in _candidates():
        if os.path.exists(candidate):
            return candidate
    system = ctypes.util.find_library("pmq_c")
    if system:
        return system
    raise OSError("libpmq_c not found: install pmq (the .deb or cmake --install), "
                  "or set PMQ_LIBRARY to the library's path")


lib = ctypes.CDLL(_find_library())
path = lib._name

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

out_p = ctypes.POINTER(ctypes.c_void_p)


def _errcheck(status: int, func: Any, args: Any) -> int:
    if status != 0:
        raise Error.from_last(status)
    return status


def declare(name: str, *argtypes: Any) -> Callable[..., int]:
    """Declares a status-returning C function; failures raise pmq.Error."""
    f = getattr(lib, name)
    f.argtypes = list(argtypes)
    f.restype = ctypes.c_int
    f.errcheck = _errcheck
    return f


def declare_free(name: str) -> Callable[[Any], None]:
    f = getattr(lib, name)
    f.argtypes = [ctypes.c_void_p]
    f.restype = None
    return f


def take_string(ptr: Optional[int]) -> Optional[str]:
    """Reads a string the library returned (char* owned by the caller) and frees it."""
    try:
        return ctypes.string_at(ptr).decode("utf-8") if ptr else None
    finally:
        lib.pmq_free(ptr)


def call_json(func: Callable[..., int], *args: Any) -> Any:
    """Calls a C function whose last parameter is ``char **`` receiving JSON, after ``args``;
    returns the decoded JSON (numbers as int or Decimal, ``exact`` values as Fraction)."""
    out = ctypes.c_void_p()
    func(*args, ctypes.byref(out))
    text = take_string(out.value)
    return decode(text) if text is not None else None


def text(value: str) -> bytes:
    """A plain string argument (an id, a period) for the C ABI."""
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value.encode("utf-8")


def document(value: Any) -> bytes:
    """A JSON document for the C ABI: a dict/list (serialised exactly), or JSON text."""
    return encode(value)


class Handle:
    """Base of the classes that own a C handle: ``close()``, ``with`` and ``__del__``.

    Subclasses set ``_free`` to the C function that releases the handle."""

    _free: Callable[[Any], None]

    def __init__(self, handle: ctypes.c_void_p) -> None:
        self._handle: Optional[ctypes.c_void_p] = handle

    def _live(self) -> ctypes.c_void_p:
        if not self._handle:
            raise ValueError(f"this pmq.{type(self).__name__} is closed")
        return self._handle

    def close(self) -> None:
        """Releases the compiled object; closing twice is fine."""
        handle = getattr(self, "_handle", None)
        if handle:
            type(self)._free(handle)
            self._handle = None

    def __enter__(self):  # type: ignore[no-untyped-def]
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        self.close()


__all__: list[str] = []
