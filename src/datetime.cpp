#include "pmq/datetime.hpp"

#include <cstdio>

namespace pmq {

namespace {
bool digits(std::string_view s, std::size_t pos, std::size_t n, int &out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

std::optional<date> make_date(int y, int m, int d) {
  // Boost's range; checked here so no exception is used for control flow.
  if (y < 1400 || y > 9999 || m < 1 || m > 12 || d < 1) return std::nullopt;
  if (d > boost::gregorian::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(y),
                                                                 static_cast<unsigned short>(m)))
    return std::nullopt;
  return date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
              static_cast<unsigned short>(d));
}
} // namespace

std::optional<date> parse_date(std::string_view s) {
  int y = 0, m = 0, d = 0;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 0, 4, y) || !digits(s, 5, 2, m) ||
      !digits(s, 8, 2, d))
    return std::nullopt;
  return make_date(y, m, d);
}

std::string format_date(const date &d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", int(d.year()), int(d.month()), int(d.day()));
  return buf;
}

bool valid_utc_offset(int minutes) {
  // The zones in use span UTC−12:00 (Baker Island) to UTC+14:00 (Line Islands), in steps of a
  // quarter hour (+05:45 Nepal, +08:45 Eucla, +12:45 Chatham, −09:30 Marquesas).
  return minutes >= -12 * 60 && minutes <= 14 * 60 && minutes % 15 == 0;
}

std::optional<timestamp> parse_timestamp(std::string_view s) {
  if (s.size() < 16 || s[10] != 'T' || s[13] != ':') return std::nullopt;
  auto day = parse_date(s.substr(0, 10));
  int hh = 0, mm = 0, ss = 0;
  if (!day || !digits(s, 11, 2, hh) || !digits(s, 14, 2, mm) || hh > 23 || mm > 59)
    return std::nullopt;
  std::size_t pos = 16;
  if (pos < s.size() && s[pos] == ':') {
    if (!digits(s, pos + 1, 2, ss) || ss > 59) return std::nullopt;
    pos += 3;
  }
  int offset = 0;
  if (pos < s.size() && s[pos] == 'Z') {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    int oh = 0, om = 0;
    if (pos + 6 > s.size() || s[pos + 3] != ':' || !digits(s, pos + 1, 2, oh) ||
        !digits(s, pos + 4, 2, om) || om > 59)
      return std::nullopt;
    offset = (oh * 60 + om) * (s[pos] == '-' ? -1 : 1);
    if (!valid_utc_offset(offset)) return std::nullopt;
    pos += 6;
  } else {
    return std::nullopt; // no offset: ambiguous
  }
  if (pos != s.size()) return std::nullopt;
  using namespace boost::posix_time;
  // The moment itself must be a date pmq holds: 1400-01-01T00:30+08:00 is in 1399 in UTC, and
  // comparing it would leave Boost's range.
  const long utc_minutes = (hh * 60L + mm) - offset;
  if ((*day == boost::gregorian::date(1400, 1, 1) && utc_minutes < 0) ||
      (*day == boost::gregorian::date(9999, 12, 31) && utc_minutes >= 24 * 60))
    return std::nullopt;
  return timestamp{ptime(*day, hours(hh) + minutes(mm) + seconds(ss)), offset};
}

std::string format_timestamp(const timestamp &t) {
  const auto d = t.local.date();
  const auto tod = t.local.time_of_day();
  char buf[96];
  const int off = t.offset_minutes < 0 ? -t.offset_minutes : t.offset_minutes;
  if (t.offset_minutes == 0) {
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", format_date(d).c_str(), int(tod.hours()),
                  int(tod.minutes()), int(tod.seconds()));
  } else {
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d%c%02d:%02d", format_date(d).c_str(),
                  int(tod.hours()), int(tod.minutes()), int(tod.seconds()),
                  t.offset_minutes < 0 ? '-' : '+', off / 60, off % 60);
  }
  return buf;
}

date year_month::first_day() const {
  return date(static_cast<unsigned short>(year), static_cast<unsigned short>(month), 1);
}

date year_month::last_day() const { return first_day().end_of_month(); }

year_month year_month::next() const {
  return month == 12 ? year_month{year + 1, 1} : year_month{year, month + 1};
}

year_month year_month::prev() const {
  return month == 1 ? year_month{year - 1, 12} : year_month{year, month - 1};
}

year_month month_of(const date &d) { return {int(d.year()), int(d.month())}; }

std::optional<year_month> parse_year_month(std::string_view s) {
  int y = 0, m = 0;
  if (s.size() != 7 || s[4] != '-' || !digits(s, 0, 4, y) || !digits(s, 5, 2, m))
    return std::nullopt;
  if (y < 1400 || y > 9999 || m < 1 || m > 12) return std::nullopt;
  return year_month{y, m};
}

std::string format_year_month(const year_month &m) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d", m.year, m.month);
  return buf;
}

} // namespace pmq
