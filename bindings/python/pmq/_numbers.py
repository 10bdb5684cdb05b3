"""Exact numbers across the C ABI. Internal to the pmq package.

Results: JSON numbers become ``int`` (whole) or ``decimal.Decimal`` (never ``float``); a
string "n/d" or "n" under a key named ``exact`` (or ending in ``_exact``) becomes a
``fractions.Fraction``.

Inputs: a number argument (a score) is an ``int``, a decimal ``str``, a ``Decimal`` or a
``Fraction``; a ``float`` is refused, because it is binary: 94.1 is stored as
94.099999999999994315658113919198513031005859375 and pmq cannot know which decimal was meant.
Documents (dicts and lists) are written as JSON exactly: ``Decimal`` as its decimal digits,
``Fraction`` as a decimal when it is one (else as the string "n/d"), and a ``float`` as its
shortest decimal (what ``json.dumps`` writes), which the library reads as that decimal and
refuses, with the field's path, when it has more decimals than the field holds.
"""
from __future__ import annotations

import json
import math
import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, Union

Number = Union[int, str, Decimal, Fraction]

_FRACTION = re.compile(r"^-?\d+(/\d+)?$")
_FLOAT_REFUSED = (
    "a float is binary and not exact (94.1 is stored as 94.0999999999999943…), so pmq cannot "
    "know which decimal you meant: pass an int, a str such as \"94.1\", a decimal.Decimal or "
    "a fractions.Fraction")


def _exact_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = {}
    for key, value in pairs:
        if (key == "exact" or key.endswith("_exact")) and isinstance(value, str) \
                and _FRACTION.match(value):
            value = Fraction(value)
        out[key] = value
    return out


def decode(text: str) -> Any:
    """Parses a result: numbers as int or Decimal, ``exact`` strings as Fraction."""
    return json.loads(text, parse_float=Decimal, object_pairs_hook=_exact_pairs)


def _decimal_text(d: Decimal) -> str:
    if not d.is_finite():
        raise ValueError(f"{d} is not a finite number")
    text = format(d, "f")
    return text


def _fraction_text(f: Fraction) -> str:
    """A fraction as a decimal when it has a finite one, else "n/d"."""
    den = f.denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den != 1:
        return f"{f.numerator}/{f.denominator}"
    places = max(twos, fives)
    scaled = f * 10 ** places
    return _decimal_text(Decimal(int(scaled)).scaleb(-places))


def _write(value: Any, out: list[str]) -> None:
    if value is None or value is True or value is False:
        out.append(json.dumps(value))
    elif isinstance(value, str):
        out.append(json.dumps(value, ensure_ascii=False))
    elif isinstance(value, int):
        out.append(str(int(value)))
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value} is not a finite number")
        out.append(repr(value))
    elif isinstance(value, Decimal):
        out.append(_decimal_text(value))
    elif isinstance(value, Fraction):
        text = _fraction_text(value)
        out.append(json.dumps(text) if "/" in text else text)
    elif isinstance(value, dict):
        out.append("{")
        for i, (k, v) in enumerate(value.items()):
            if not isinstance(k, str):
                raise TypeError(f"JSON object keys must be strings, got {k!r}")
            if i:
                out.append(",")
            out.append(json.dumps(k, ensure_ascii=False))
            out.append(":")
            _write(v, out)
        out.append("}")
    elif isinstance(value, (list, tuple)):
        out.append("[")
        for i, v in enumerate(value):
            if i:
                out.append(",")
            _write(v, out)
        out.append("]")
    else:
        raise TypeError(f"cannot write {type(value).__name__} as JSON")


class _NotPlain(Exception):
    pass


def _not_plain(value: Any) -> Any:
    raise _NotPlain


def encode(value: Any) -> bytes:
    """A dict/list (written exactly) or JSON text (str/bytes) → UTF-8 bytes for the C ABI."""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, (dict, list, tuple)):
        # Plain documents (str, int, float, bool, None, dicts, lists) through the C encoder,
        # which writes them as _write does (a float as its repr); anything else — a Decimal,
        # a Fraction, a non-finite float, an unknown type — is written, or refused, by _write.
        try:
            return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"),
                              default=_not_plain).encode("utf-8")
        except (_NotPlain, ValueError):
            pass
    out: list[str] = []
    _write(value, out)
    return "".join(out).encode("utf-8")


def to_exact(value: Number, what: str = "score") -> Fraction:
    """An exact number from int, str ("94.5", "283/3"), Decimal or Fraction; float refused."""
    if isinstance(value, bool):
        raise TypeError(f"{what}: expected a number, got a bool")
    if isinstance(value, float):
        raise TypeError(f"{what}: {_FLOAT_REFUSED}")
    if isinstance(value, (int, Fraction)):
        return Fraction(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{what}: {value} is not a finite number")
        return Fraction(value)
    if isinstance(value, str):
        text = value.strip()
        try:
            if "/" in text:
                if not _FRACTION.match(text):
                    raise ValueError
                return Fraction(text)
            d = Decimal(text)
            if not d.is_finite():
                raise ValueError
            return Fraction(d)
        except (ValueError, InvalidOperation, ZeroDivisionError):
            raise ValueError(f"{what}: {value!r} is not a decimal or a fraction n/d") from None
    raise TypeError(f"{what}: expected int, str, Decimal or Fraction, got {type(value).__name__}")


def to_milli(value: Number, what: str = "score") -> int:
    """A score in 1/1000 points for the C ABI's typed functions; more than 3 decimals (or a
    fraction that is not whole thousandths) is refused rather than rounded."""
    f = to_exact(value, what) * 1000
    if f.denominator != 1:
        raise ValueError(f"{what}: {value} is not a whole number of thousandths of a point "
                         "(this function takes at most 3 decimals)")
    return int(f)


def to_exact_text(value: Number, what: str = "score") -> str:
    """The exact text of a number for the C ABI's string entry points: a decimal ("94.5") when
    it has one, else a fraction ("26999/300")."""
    return _fraction_text(to_exact(value, what))


def to_count(value: Any, what: str) -> int:
    """A whole count (int, or an integral str/Decimal/Fraction); float refused."""
    f = to_exact(value, what)
    if f.denominator != 1:
        raise ValueError(f"{what}: {value} is not a whole number")
    if not -(2 ** 63) <= f.numerator < 2 ** 63:
        # ctypes would wrap it silently (2**64 + 7 would become 7)
        raise ValueError(f"{what}: {value} is outside the 64-bit range the C ABI takes")
    return int(f)


__all__: list[str] = []
