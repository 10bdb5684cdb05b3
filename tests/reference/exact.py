"""Exact numbers for the reference: parsing, rounding half away from zero, rendering.

Everything the reference computes is a fractions.Fraction; nothing here knows pmq.
"""
from decimal import Decimal
from fractions import Fraction
import json
import re

_DECIMAL = re.compile(r"^-?\d+(\.\d+)?$")
_RATIO = re.compile(r"^-?\d+/\d+$")


def q(value):
    """An exact Fraction from an int, a Decimal, a Fraction or a string ("89.9967", "26999/300").

    Floats are refused: a reference that accepted them would hide the very errors it hunts."""
    if isinstance(value, bool):
        raise TypeError("bool is not a number")
    if isinstance(value, (int, Fraction)):
        return Fraction(value)
    if isinstance(value, Decimal):
        return Fraction(value)
    if isinstance(value, str):
        s = value.strip()
        if _DECIMAL.match(s) or _RATIO.match(s):
            return Fraction(s)
        raise ValueError(f"not an exact number: {value!r}")
    raise TypeError(f"not an exact number: {value!r} ({type(value).__name__})")


def round_half_up(x, places):
    """x rounded half away from zero (四舍五入) to `places` decimals, as a Fraction."""
    x = Fraction(x)
    scale = 10 ** places
    n = (abs(x) * scale + Fraction(1, 2)).__floor__()
    return Fraction(n if x >= 0 else -n, scale)


def render(x, places):
    """x rounded half away from zero to `places` decimals, written with its sign: a negative
    value that rounds to zero keeps its minus ("-0.00")."""
    x = Fraction(x)
    r = abs(round_half_up(x, places))
    scale = 10 ** places
    whole, frac = divmod(r.numerator * (scale // r.denominator), scale)
    text = str(whole) if places == 0 else f"{whole}.{frac:0{places}d}"
    return ("-" if x < 0 else "") + text


def exact_text(x):
    """The canonical exact string: "n" for an integer, else "n/d" in lowest terms."""
    x = Fraction(x)
    return str(x.numerator) if x.denominator == 1 else f"{x.numerator}/{x.denominator}"


def number_text(x):
    """A display number (Fraction or Decimal with a finite decimal expansion) as the shortest
    plain decimal: 92.7, 90, 0.125. Used to compare JSON numbers without floats."""
    d = x if isinstance(x, Decimal) else _to_decimal(Fraction(x))
    d = d.normalize()
    text = format(d, "f")
    return "0" if text in ("-0", "0") else text


def _to_decimal(x):
    den = x.denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den != 1:
        raise ValueError(f"{x} has no finite decimal expansion")
    places = max(twos, fives)
    return Decimal(x.numerator * 10 ** places // x.denominator).scaleb(-places)


def to_decimal(x):
    """A Fraction with a finite decimal expansion as a Decimal (exact)."""
    return _to_decimal(Fraction(x))


def is_decimal(x, places):
    """Whether x is a multiple of 10^-places."""
    return (Fraction(x) * 10 ** places).denominator == 1


def dumps(value):
    """Compact JSON text with Decimals written as exact JSON numbers (never via float) and
    Fractions as "n/d" strings."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return number_text(value)
    if isinstance(value, Fraction):
        return json.dumps(exact_text(value))
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return "{" + ", ".join(json.dumps(str(k), ensure_ascii=False) + ": " + dumps(v)
                               for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(dumps(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as exact JSON")


def loads(text):
    """JSON text with every non-integer number read as an exact Decimal."""
    return json.loads(text, parse_float=Decimal)
