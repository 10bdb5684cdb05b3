// Exact numbers for pmq.
//
// Scores are compared against thresholds (R-SCORE-4: ">= 95") and added up
// (R-STD-5: a hundred 0.1-point deductions), so they are never binary floating point.
// `points` is a fixed-point decimal: an int64 count of 1/1000 point. Quotients that
// are not whole thousandths (a mean of three inspectors' scores, R-SCORE-1; a rate,
// R-KPI-31) are exact `fraction`s until rendered, and rendering rounds half up
// (四舍五入) to a number of places the caller declares.
#pragma once

#include <boost/rational.hpp>

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pmq {

/// An exact rational number (numerator and denominator are int64).
using fraction = boost::rational<std::int64_t>;

/// A score in points, exact to 1/1000 point.
class points {
public:
  static constexpr int decimals = 3;
  static constexpr std::int64_t scale = 1000;

  constexpr points() = default;
  /// Whole points: `points{95}`.
  constexpr explicit points(std::int64_t whole) : milli_(whole * scale) {}

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

  constexpr points operator+(points o) const { return from_milli(milli_ + o.milli_); }
  constexpr points operator-(points o) const { return from_milli(milli_ - o.milli_); }
  constexpr points operator*(std::int64_t n) const { return from_milli(milli_ * n); }
  constexpr points& operator+=(points o) { milli_ += o.milli_; return *this; }
  constexpr points& operator-=(points o) { milli_ -= o.milli_; return *this; }
  constexpr points operator-() const { return from_milli(-milli_); }
  constexpr auto operator<=>(const points&) const = default;

private:
  std::int64_t milli_ = 0;
};

/// Rounds half away from zero (四舍五入) to `places` decimals and renders the decimal
/// string, e.g. render(fraction(2, 3), 2) == "0.67". places must be 0..9.
std::string render(const fraction& value, int places);

/// Rounds half away from zero to `places` decimals, exactly.
fraction round_half_up(const fraction& value, int places);

/// Rounds a fraction of points to whole thousandths (half away from zero).
points to_points(const fraction& value);

} // namespace pmq
