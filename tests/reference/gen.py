"""Small helpers shared by the generators: exact random decimals and edge values."""
from decimal import Decimal
from fractions import Fraction

PRIMES = [p for p in range(2, 1000) if all(p % d for d in range(2, int(p ** 0.5) + 1))]


def dec(rng, lo, hi, places=3):
    """A random decimal with `places` places in [lo, hi] (exact, as Decimal)."""
    scale = 10 ** places
    n = rng.randint(int(Fraction(lo) * scale), int(Fraction(hi) * scale))
    return Decimal(n).scaleb(-places)


def points(rng, lo, hi):
    """A score in [lo, hi]: mostly 3-decimal, sometimes whole or one decimal."""
    style = rng.random()
    if style < 0.2:
        return Decimal(rng.randint(int(-(-Fraction(lo) // 1)), int(Fraction(hi) // 1)))
    if style < 0.35:
        return dec(rng, lo, hi, 1)
    return dec(rng, lo, hi, 3)


def near(rng, edge):
    """An exact value at, or just around, an edge: ±0.001, ±1/300, ±10^-6, ±1/7000."""
    edge = Fraction(edge)
    d = rng.choice([Fraction(0), Fraction(0), Fraction(1, 1000), Fraction(1, 300),
                    Fraction(1, 10 ** 6), Fraction(1, 7000), Fraction(1, 2000)])
    return edge + rng.choice([-1, 1]) * d


def as_input(rng, x, allow_fraction=True):
    """An exact value in one of the forms an exact-score API takes: int, "n.nnn" string,
    Decimal, "n/d" string or Fraction (decimal forms only where the expansion is finite)."""
    x = Fraction(x)
    finite = _finite(x)
    forms = []
    if x.denominator == 1:
        forms += ["int", "int"]
    if finite:
        forms += ["decimal_str", "Decimal"]
    if allow_fraction:
        forms += ["ratio_str", "Fraction"]
    form = rng.choice(forms)
    if form == "int":
        return int(x)
    if form == "decimal_str":
        return _dec_text(x)
    if form == "Decimal":
        return Decimal(_dec_text(x))
    if form == "ratio_str":
        return f"{x.numerator}/{x.denominator}"
    return x


def _finite(x):
    d = x.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    return d == 1


def _dec_text(x):
    from exact import number_text
    return number_text(x)
