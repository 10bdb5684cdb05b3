// Exact numbers for pmq.
//
// Scores are compared against thresholds (R-SCORE-4: ">= 95") and added up
// (R-STD-5: a hundred 0.1-point deductions), so they are never binary floating point.
// `points` is a fixed-point decimal: an int64 count of 1/1000 point, overflow-checked.
// Quotients that are not whole thousandths (a mean of three inspectors' scores, R-SCORE-1;
// a weighted score; a rate, R-KPI-31) are exact `fraction`s until rendered: big-integer
// rationals (Boost.Multiprecision cpp_rational), so no sum, weight or mean of any size can
// overflow. Every decision (a band, a pass mark, a target) compares exact values; rendering
// rounds half away from zero (四舍五入) to a number of places the caller declares, once.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pmq {

/// An exact integer of any size.
using integer = boost::multiprecision::cpp_int;
/// An exact rational number of any size (numerator and denominator are big integers);
/// always in lowest terms with a positive denominator.
using fraction = boost::multiprecision::cpp_rational;

/// n / d exactly; d must not be 0.
fraction make_fraction(const integer &n, const integer &d);

/// "197/200", "3", "-1/2": lowest terms, the form pmq writes every exact value in.
std::string to_string(const fraction &f);

/// Parses an exact number: a plain decimal of any precision ("89.9967", "-3", "0.5") or a
/// fraction "n/d" ("26999/300", d > 0). Empty optional for anything else, or for more than
/// `max_digits` digits in all.
std::optional<fraction> parse_fraction(std::string_view text, std::size_t max_digits = 60);

/// Thrown (as pmq::error(errc::invalid_input)) when a value leaves the range a fixed-point
/// type can hold; callers that know the input's path catch it and name the field.
[[noreturn]] void throw_out_of_range(const char *what);

// Overflow-checked int64 arithmetic for the fixed-point types.
constexpr std::int64_t checked_add(std::int64_t a, std::int64_t b) {
  std::int64_t r = 0;
  if (__builtin_add_overflow(a, b, &r)) throw_out_of_range("a sum of fixed-point values");
  return r;
}
constexpr std::int64_t checked_sub(std::int64_t a, std::int64_t b) {
  std::int64_t r = 0;
  if (__builtin_sub_overflow(a, b, &r)) throw_out_of_range("a difference of fixed-point values");
  return r;
}
constexpr std::int64_t checked_mul(std::int64_t a, std::int64_t b) {
  std::int64_t r = 0;
  if (__builtin_mul_overflow(a, b, &r)) throw_out_of_range("a product of fixed-point values");
  return r;
}

/// A score in points, exact to 1/1000 point.
class points {
public:
  static constexpr int decimals = 3;
  static constexpr std::int64_t scale = 1000;

  constexpr points() = default;
  /// Whole points: `points{95}`.
  constexpr explicit points(std::int64_t whole) : milli_(whole * scale) {}

  /// Whole points from an exact fraction that is a whole number of thousandths; empty
  /// optional when it is not, or out of range.
  static std::optional<points> exactly(const fraction &value);
  static constexpr points from_milli(std::int64_t milli) {
    points p;
    p.milli_ = milli;
    return p;
  }
  /// Parses a plain decimal ("95", "0.1", "-2.125"). Empty optional when the text is not
  /// a decimal, has more than three places, or does not fit.
  static std::optional<points> parse(std::string_view text);

  constexpr std::int64_t milli() const { return milli_; }
  fraction value() const { return fraction(milli_, scale); }
  /// Shortest exact decimal: "95", "94.9", "0.125".
  std::string to_string() const;

  // Overflow-checked: a result outside int64 thousandths throws pmq::error(invalid_input).
  constexpr points operator+(points o) const { return from_milli(checked_add(milli_, o.milli_)); }
  constexpr points operator-(points o) const { return from_milli(checked_sub(milli_, o.milli_)); }
  constexpr points operator*(std::int64_t n) const { return from_milli(checked_mul(milli_, n)); }
  constexpr points &operator+=(points o) { return *this = *this + o; }
  constexpr points &operator-=(points o) { return *this = *this - o; }
  constexpr points operator-() const { return from_milli(checked_sub(0, milli_)); }
  constexpr auto operator<=>(const points &) const = default;

private:
  std::int64_t milli_ = 0;
};

/// An amount of money in yuan, exact to the fen (an int64 count of fen).
class money {
public:
  static constexpr int decimals = 2;
  static constexpr std::int64_t scale = 100;

  constexpr money() = default;
  static constexpr money from_fen(std::int64_t fen) {
    money m;
    m.fen_ = fen;
    return m;
  }
  /// Parses "152700", "15.5", "-0.01"; empty optional for more than two places or overflow.
  static std::optional<money> parse(std::string_view text);

  constexpr std::int64_t fen() const { return fen_; }
  fraction value() const { return fraction(fen_, scale); } ///< in yuan
  /// Always two places: "152700.00", "-0.05".
  std::string to_string() const;

  constexpr money operator+(money o) const { return from_fen(checked_add(fen_, o.fen_)); }
  constexpr money operator-(money o) const { return from_fen(checked_sub(fen_, o.fen_)); }
  constexpr money operator*(std::int64_t n) const { return from_fen(checked_mul(fen_, n)); }
  constexpr money &operator+=(money o) { return *this = *this + o; }
  constexpr money &operator-=(money o) { return *this = *this - o; }
  constexpr money operator-() const { return from_fen(checked_sub(0, fen_)); }
  constexpr auto operator<=>(const money &) const = default;

private:
  std::int64_t fen_ = 0;
};

/// Rounds a fraction of yuan to the fen, half away from zero. Throws pmq::error
/// (invalid_input) when the result leaves int64 fen.
money to_money(const fraction &yuan);

/// Rounds half away from zero (四舍五入) to `places` decimals and renders the decimal
/// string, e.g. render(fraction(2, 3), 2) == "0.67". A negative value that rounds to zero
/// keeps its sign ("-0.00"), so a missed target never reads as met. places must be 0..18.
std::string render(const fraction &value, int places);

/// Rounds half away from zero to `places` decimals, exactly.
fraction round_half_up(const fraction &value, int places);

/// The integer part rounded down / up: floor(7/2) == 3, ceil(-7/2) == -3.
integer floor(const fraction &value);
integer ceil(const fraction &value);

/// Rounds a fraction of points to whole thousandths (half away from zero). Throws
/// pmq::error(invalid_input) when the result leaves the range of points.
points to_points(const fraction &value);

} // namespace pmq
