#include "pmq/numeric.hpp"

#include <cstdlib>
#include <limits>
#include <stdexcept>

namespace pmq {

namespace {
// A plain decimal with at most `decimals` places (extra trailing zeros allowed) as an int64
// count of 10^-decimals; empty optional for anything else or on overflow.
std::optional<std::int64_t> parse_fixed(std::string_view text, int decimals, std::int64_t scale) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
    negative = text[i] == '-';
    ++i;
  }
  std::int64_t whole = 0;
  std::size_t digits = 0;
  const std::int64_t limit = std::numeric_limits<std::int64_t>::max() / scale / 10;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++digits) {
    if (whole > limit) return std::nullopt;
    whole = whole * 10 + (text[i] - '0');
  }
  std::int64_t frac = 0;
  int places = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++places) {
      if (places >= decimals) {
        if (text[i] != '0') return std::nullopt; // more places than we hold exactly
        continue;
      }
      frac = frac * 10 + (text[i] - '0');
      ++digits;
    }
  }
  if (digits == 0 || i != text.size()) return std::nullopt;
  for (int p = places < decimals ? places : decimals; p < decimals; ++p)
    frac *= 10;
  const std::int64_t v = whole * scale + frac;
  return negative ? -v : v;
}

std::string format_fixed(std::int64_t v, int decimals, std::int64_t scale, bool trim) {
  const bool negative = v < 0;
  // int64 min has no positive counterpart; go through unsigned.
  const std::uint64_t magnitude =
      negative ? std::uint64_t(0) - static_cast<std::uint64_t>(v) : std::uint64_t(v);
  std::string out = negative ? "-" : "";
  out += std::to_string(magnitude / std::uint64_t(scale));
  const std::uint64_t frac = magnitude % std::uint64_t(scale);
  if (frac != 0 || !trim) {
    std::string f = std::to_string(frac);
    f.insert(0, std::size_t(decimals) - f.size(), '0');
    if (trim)
      while (!f.empty() && f.back() == '0')
        f.pop_back();
    out += "." + f;
  }
  return out;
}
} // namespace

std::optional<points> points::parse(std::string_view text) {
  const auto v = parse_fixed(text, decimals, scale);
  if (!v) return std::nullopt;
  return from_milli(*v);
}

std::string points::to_string() const { return format_fixed(milli_, decimals, scale, true); }

std::optional<money> money::parse(std::string_view text) {
  const auto v = parse_fixed(text, decimals, scale);
  if (!v) return std::nullopt;
  return from_fen(*v);
}

std::string money::to_string() const { return format_fixed(fen_, decimals, scale, false); }

namespace {
std::int64_t pow10(int places) {
  if (places < 0 || places > 9) throw std::invalid_argument("pmq: places must be 0..9");
  std::int64_t p = 1;
  for (int i = 0; i < places; ++i)
    p *= 10;
  return p;
}

// round(n / d) half away from zero, d > 0.
std::int64_t div_round_half_up(std::int64_t n, std::int64_t d) {
  const std::int64_t q = n / d;
  const std::int64_t r = n % d;
  const std::int64_t twice = (r < 0 ? -r : r) * 2;
  if (twice >= d) return n < 0 ? q - 1 : q + 1;
  return q;
}
std::int64_t checked_mul(std::int64_t a, std::int64_t b) {
  std::int64_t r = 0;
  if (__builtin_mul_overflow(a, b, &r)) throw std::overflow_error("pmq: number too large to round");
  return r;
}
} // namespace

fraction round_half_up(const fraction &value, int places) {
  const std::int64_t p = pow10(places);
  // value * p = num * p / den; boost::rational keeps den > 0.
  const std::int64_t scaled =
      div_round_half_up(checked_mul(value.numerator(), p), value.denominator());
  return fraction(scaled, p);
}

std::string render(const fraction &value, int places) {
  const std::int64_t p = pow10(places);
  const std::int64_t scaled =
      div_round_half_up(checked_mul(value.numerator(), p), value.denominator());
  const bool negative = scaled < 0;
  const std::int64_t mag = negative ? -scaled : scaled;
  std::string out = negative ? "-" : "";
  out += std::to_string(mag / p);
  if (places > 0) {
    std::string f = std::to_string(mag % p);
    f.insert(0, std::size_t(places) - f.size(), '0');
    out += "." + f;
  }
  return out;
}

money to_money(const fraction &yuan) {
  return money::from_fen(
      div_round_half_up(checked_mul(yuan.numerator(), money::scale), yuan.denominator()));
}

points to_points(const fraction &value) {
  return points::from_milli(
      div_round_half_up(checked_mul(value.numerator(), points::scale), value.denominator()));
}

} // namespace pmq
