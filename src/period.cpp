// Periods: months, quarters, half-years and years ("2026-03", "2026-Q1", "2026-H2", "2026").
#include "kpi_detail.hpp"

#include <algorithm>

namespace pmq {

using namespace kpi_detail;

namespace kpi_detail {
int first_month(const period &p) {
  switch (p.kind) {
  case period_kind::month:
    return p.index;
  case period_kind::quarter:
    return 3 * (p.index - 1) + 1;
  case period_kind::half_year:
    return 6 * (p.index - 1) + 1;
  case period_kind::year:
    return 1;
  }
  return 1;
}
int months_in(period_kind k) {
  switch (k) {
  case period_kind::month:
    return 1;
  case period_kind::quarter:
    return 3;
  case period_kind::half_year:
    return 6;
  case period_kind::year:
    return 12;
  }
  return 1;
}
bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
int to_int(std::string_view s) {
  int v = 0;
  for (char c : s)
    v = v * 10 + (c - '0');
  return v;
}

// "YYYY-MM" → the first of that month; problems at `path`.
std::optional<date> month_start(const std::string &text, const std::string &path,
                                problem_list &problems) {
  const auto p = parse_period(text);
  if (!p || p->kind != period_kind::month) {
    problems.add(path, "\"" + text + "\" is not a month (expected YYYY-MM)");
    return std::nullopt;
  }
  return p->first();
}
} // namespace kpi_detail

date period::first() const {
  return date(static_cast<unsigned short>(year), static_cast<unsigned short>(first_month(*this)),
              1);
}

date period::last() const {
  const int m = first_month(*this) + months_in(kind) - 1;
  return date(static_cast<unsigned short>(year), static_cast<unsigned short>(m), 1).end_of_month();
}

bool period::contains(const date &d) const { return first() <= d && d <= last(); }

std::string period::label() const {
  const std::string y = std::to_string(year);
  switch (kind) {
  case period_kind::month:
    return y + (index < 10 ? "-0" : "-") + std::to_string(index);
  case period_kind::quarter:
    return y + "-Q" + std::to_string(index);
  case period_kind::half_year:
    return y + "-H" + std::to_string(index);
  case period_kind::year:
    return y;
  }
  return y;
}

std::optional<period> parse_period(std::string_view t) {
  if (t.size() < 4 || !digits(t.substr(0, 4))) return std::nullopt;
  period p;
  p.year = to_int(t.substr(0, 4));
  if (p.year < 1400) return std::nullopt;
  if (t.size() == 4) {
    p.kind = period_kind::year;
    p.index = 1;
    return p;
  }
  if (t.size() != 7 || t[4] != '-') return std::nullopt;
  const auto rest = t.substr(5);
  if (rest[0] == 'Q' && digits(rest.substr(1))) {
    p.kind = period_kind::quarter;
    p.index = to_int(rest.substr(1));
    if (p.index < 1 || p.index > 4) return std::nullopt;
  } else if (rest[0] == 'H' && digits(rest.substr(1))) {
    p.kind = period_kind::half_year;
    p.index = to_int(rest.substr(1));
    if (p.index < 1 || p.index > 2) return std::nullopt;
  } else if (digits(rest)) {
    p.kind = period_kind::month;
    p.index = to_int(rest);
    if (p.index < 1 || p.index > 12) return std::nullopt;
  } else {
    return std::nullopt;
  }
  return p;
}

period period_of(const date &d, period_kind k) {
  period p;
  p.kind = k;
  p.year = d.year();
  const int m = d.month();
  p.index = (m - 1) / months_in(k) + 1;
  return p;
}

} // namespace pmq
