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
  constexpr points &operator+=(points o) {
    milli_ += o.milli_;
    return *this;
  }
  constexpr points &operator-=(points o) {
    milli_ -= o.milli_;
    return *this;
  }
  constexpr points operator-() const { return from_milli(-milli_); }
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

  constexpr money operator+(money o) const { return from_fen(fen_ + o.fen_); }
  constexpr money operator-(money o) const { return from_fen(fen_ - o.fen_); }
  constexpr money operator*(std::int64_t n) const { return from_fen(fen_ * n); }
  constexpr money &operator+=(money o) {
    fen_ += o.fen_;
    return *this;
  }
  constexpr money &operator-=(money o) {
    fen_ -= o.fen_;
    return *this;
  }
  constexpr money operator-() const { return from_fen(-fen_); }
  constexpr auto operator<=>(const money &) const = default;

private:
  std::int64_t fen_ = 0;
};

/// Rounds a fraction of yuan to the fen, half away from zero.
money to_money(const fraction &yuan);

/// Rounds half away from zero (四舍五入) to `places` decimals and renders the decimal
/// string, e.g. render(fraction(2, 3), 2) == "0.67". places must be 0..9.
std::string render(const fraction &value, int places);

/// Rounds half away from zero to `places` decimals, exactly.
fraction round_half_up(const fraction &value, int places);

/// Rounds a fraction of points to whole thousandths (half away from zero).
points to_points(const fraction &value);

} // namespace pmq
