#include "pmq/numeric.hpp"

#include "pmq/error.hpp"

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
integer pow10(int places) {
  if (places < 0 || places > 18) throw std::invalid_argument("pmq: places must be 0..18");
  integer p = 1;
  for (int i = 0; i < places; ++i)
    p *= 10;
  return p;
}

// round(n / d) half away from zero, d > 0.
integer div_round_half_up(const integer &n, const integer &d) {
  integer q, r;
  boost::multiprecision::divide_qr(n, d, q, r); // truncates toward zero; r has n's sign
  if (2 * abs(r) >= d) q += n < 0 ? -1 : 1;
  return q;
}

// Decimal digits only; cpp_int's own string constructor would read a leading 0 as octal.
integer decimal_integer(std::string_view digits) {
  const auto first = digits.find_first_not_of('0');
  if (first == std::string_view::npos) return 0;
  return integer(std::string(digits.substr(first)));
}

std::int64_t to_int64(const integer &v, const char *what) {
  if (v > std::numeric_limits<std::int64_t>::max() || v < std::numeric_limits<std::int64_t>::min())
    throw_out_of_range(what);
  return v.convert_to<std::int64_t>();
}
} // namespace

void throw_out_of_range(const char *what) {
  throw error(errc::invalid_input, "",
              std::string("number too large: ") + what + " leaves the range pmq holds exactly");
}

fraction make_fraction(const integer &n, const integer &d) {
  if (d == 0) throw std::domain_error("pmq::make_fraction: zero denominator");
  return fraction(n, d);
}

std::string to_string(const fraction &f) {
  if (denominator(f) == 1) return numerator(f).str();
  return numerator(f).str() + "/" + denominator(f).str();
}

std::optional<fraction> parse_fraction(std::string_view text, std::size_t max_digits) {
  const auto slash = text.find('/');
  if (slash != std::string_view::npos) {
    const auto n = parse_fraction(text.substr(0, slash), max_digits);
    const auto d_text = text.substr(slash + 1);
    if (!n || denominator(*n) != 1 || d_text.empty() || d_text.size() > max_digits)
      return std::nullopt;
    for (char c : d_text)
      if (c < '0' || c > '9') return std::nullopt;
    const integer d = decimal_integer(d_text);
    if (d == 0) return std::nullopt;
    return fraction(numerator(*n), d);
  }
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  std::string digits;
  std::size_t int_digits = 0, places = 0;
  bool point = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.' && !point) {
      point = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    digits += c;
    if (digits.size() > max_digits) return std::nullopt;
    (point ? places : int_digits)++;
  }
  if (int_digits == 0 || (point && places == 0)) return std::nullopt; // "", ".5", "5."
  const integer n = decimal_integer(digits);
  // Not pow10: a decimal may have more places than a rendering (up to max_digits).
  return fraction(negative ? integer(-n) : n,
                  boost::multiprecision::pow(integer(10), static_cast<unsigned>(places)));
}

std::optional<points> points::exactly(const fraction &value) {
  const fraction milli = value * scale;
  if (denominator(milli) != 1) return std::nullopt;
  const integer &n = numerator(milli);
  if (n > std::numeric_limits<std::int64_t>::max() || n < std::numeric_limits<std::int64_t>::min())
    return std::nullopt;
  return from_milli(n.convert_to<std::int64_t>());
}

fraction round_half_up(const fraction &value, int places) {
  const integer p = pow10(places);
  return fraction(div_round_half_up(numerator(value) * p, denominator(value)), p);
}

integer floor(const fraction &value) {
  integer q, r;
  boost::multiprecision::divide_qr(numerator(value), denominator(value), q, r);
  return r < 0 ? integer(q - 1) : q;
}

integer ceil(const fraction &value) {
  integer q, r;
  boost::multiprecision::divide_qr(numerator(value), denominator(value), q, r);
  return r > 0 ? integer(q + 1) : q;
}

std::string render(const fraction &value, int places) {
  const integer p = pow10(places);
  const integer scaled = div_round_half_up(numerator(value) * p, denominator(value));
  const bool negative = value < 0; // -0.00001 renders "-0.00": the sign survives rounding
  const integer mag = abs(scaled);
  std::string out = negative ? "-" : "";
  out += integer(mag / p).str();
  if (places > 0) {
    std::string f = integer(mag % p).str();
    f.insert(0, std::size_t(places) - f.size(), '0');
    out += "." + f;
  }
  return out;
}

money to_money(const fraction &yuan) {
  return money::from_fen(to_int64(
      div_round_half_up(numerator(yuan) * money::scale, denominator(yuan)), "an amount of money"));
}

points to_points(const fraction &value) {
  return points::from_milli(
      to_int64(div_round_half_up(numerator(value) * points::scale, denominator(value)), "a score"));
}

} // namespace pmq
