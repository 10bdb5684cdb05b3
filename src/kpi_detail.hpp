// Internals shared by the KPI rooms: kpi.cpp (definitions), kpi_target.cpp, kpi_rates.cpp,
// satisfaction.cpp, period.cpp, kpi_series.cpp, statistics_table.cpp and fee_plan.cpp.
// Not installed.
#pragma once

#include "pmq/kpi.hpp"

#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace pmq::kpi_detail {

// An enum's JSON name ("met", "percent").
template <class E> std::string enum_name(E v) {
  json j;
  json_io::write(j, v);
  return j.get<std::string>();
}

// Every problem of `e` added to `to`.
inline void add_all(problem_list &to, const error &e) {
  for (const auto &p : e.problems())
    to.add(p.path, p.message);
}

// Argument checks of the named catalogue functions; all problems at once.
struct checks {
  problem_list problems;
  void count(const char *name, std::int64_t v) {
    if (v < 0) problems.add(name, "must not be negative, got " + std::to_string(v));
  }
  void at_most(const char *name, std::int64_t v, const char *bound_name, std::int64_t bound) {
    if (v >= 0 && bound >= 0 && v > bound)
      problems.add(name, std::to_string(v) + " is more than " + bound_name + " (" +
                             std::to_string(bound) + ")");
  }
  // a and then b, two disjoint parts of whole: a ≤ whole and b ≤ whole − a.
  void two_parts(const char *a_name, std::int64_t a, const char *b_name, std::int64_t b,
                 const char *whole_name, std::int64_t whole) {
    count(a_name, a);
    count(b_name, b);
    count(whole_name, whole);
    at_most(a_name, a, whole_name, whole);
    if (a >= 0 && a <= whole)
      at_most(b_name, b, (std::string(whole_name) + " - " + a_name).c_str(), whole - a);
  }
  void done() const { problems.throw_if_any(); }
};

// "YYYY-MM" → the first of that month; problems at `path` (period.cpp).
std::optional<date> month_start(const std::string &text, const std::string &path,
                                problem_list &problems);

// (month, counts, path) of each month of a months document (kpi_series.cpp).
using month_entries = std::vector<std::tuple<date, const quantities *, std::string>>;

// The KPI over period `p` from `entries` by its longer-period rule (kpi_series.cpp).
series_point evaluate_entries(const kpi &k, const month_entries &entries, const period &p,
                              const target_spec &stated, const std::string &no_counts);

// Readers of the months documents (kpi_series.cpp).
void require_months_array(const json &j);
bool read_keyed(const json &j, const std::string &path, const char *key_name, std::string &key,
                const char *value_name, const json *&value, problem_list &problems);
void read_counts(const json *counts, const std::string &path, quantities &out,
                 problem_list &problems);
json by_month_json(const std::vector<month_result> &months);

// A months document: an array of {"month": "YYYY-MM", "<value_name>": ...}. For each entry
// whose shape is right, read_one(month, value (nullptr when absent), value path, problems)
// gives the entry (or nothing); every problem is thrown at once at the end.
template <class T, class F>
std::vector<T> read_months(const json &j, const char *value_name, F read_one) {
  require_months_array(j);
  problem_list problems;
  std::vector<T> out;
  for (std::size_t i = 0; i < j.size(); ++i) {
    const auto mp = join_path("", i);
    std::string month;
    const json *value = nullptr;
    if (!read_keyed(j[i], mp, "month", month, value_name, value, problems)) continue;
    if (auto entry = read_one(std::move(month), value, join_path(mp, value_name), problems))
      out.push_back(std::move(*entry));
  }
  problems.throw_if_any();
  return out;
}

} // namespace pmq::kpi_detail
