// Dates and timestamps as they cross pmq's interfaces.
//
// Dates are ISO 8601 `YYYY-MM-DD` (Boost.Date_Time's gregorian::date, years 1400..9999).
// Where a moment matters (a finding's time, a complaint's receipt), it is
// `YYYY-MM-DDThh:mm[:ss]` with an explicit UTC offset (`+08:00` or `Z`): a time without an
// offset is ambiguous across an ERP's servers and is rejected, and so is an offset no time zone
// uses (outside −12:00 … +14:00, or minutes other than 00/15/30/45).
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace pmq {

using date = boost::gregorian::date;

/// A moment with the UTC offset it was recorded in.
struct timestamp {
  boost::posix_time::ptime local; ///< wall-clock time at the offset
  int offset_minutes = 0;         ///< e.g. +480 for +08:00

  boost::posix_time::ptime utc() const {
    return local - boost::posix_time::minutes(offset_minutes);
  }
  bool operator==(const timestamp &) const = default;
};

/// Strict ISO 8601 calendar date; empty optional for anything else (Feb 30, year 0, "2026-1-5").
std::optional<date> parse_date(std::string_view text);
std::string format_date(const date &d);

/// A calendar month, `YYYY-MM` on every interface (an assessment or reporting period).
struct year_month {
  int year = 1970; ///< 1400..9999, as for dates
  int month = 1;   ///< 1..12

  date first_day() const;
  date last_day() const;
  year_month next() const;
  year_month prev() const;
  auto operator<=>(const year_month &) const = default;
};

/// The month a date falls in.
year_month month_of(const date &d);
/// Strict `YYYY-MM`; empty optional for anything else ("2026-13", "2026-1", year 0).
std::optional<year_month> parse_year_month(std::string_view text);
std::string format_year_month(const year_month &m);

/// A UTC offset that real time zones use: −12:00 … +14:00, minutes 00, 15, 30 or 45.
bool valid_utc_offset(int minutes);

/// Strict `YYYY-MM-DDThh:mm[:ss](Z|±hh:mm)`; empty optional otherwise: no offset, an offset
/// outside valid_utc_offset (`+14:30`, `-13:00`, `+08:20`), or a moment whose UTC falls
/// outside 1400-01-01 … 9999-12-31.
std::optional<timestamp> parse_timestamp(std::string_view text);
std::string format_timestamp(const timestamp &t);

} // namespace pmq
