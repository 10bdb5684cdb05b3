// Satisfaction and condition rates, every way the manuals count them (R-KPI-10, R-KPI-20).
#include "kpi_detail.hpp"

namespace pmq {

using namespace kpi_detail;

namespace {
fraction respondents(const question_tally &q) {
  return fraction(std::int64_t(q.satisfied) + q.basically_satisfied + q.unsatisfied);
}
} // namespace

rate question_rate(const question_tally &q) {
  const fraction n = respondents(q);
  return rate::ratio(exact::sub(n, fraction(std::int64_t(q.unsatisfied))), n, "no respondents");
}

rate average_question_rate(const std::vector<question_tally> &questions) {
  fraction sum;
  std::int64_t counted = 0;
  for (const auto &q : questions) {
    const rate r = question_rate(q);
    if (!r) continue;
    sum = exact::add(sum, r.value());
    ++counted;
  }
  return rate::ratio(sum, fraction(counted), "no question has respondents");
}

rate pooled_satisfaction(const std::vector<question_tally> &questions) {
  fraction n, unsat;
  for (const auto &q : questions) {
    n = exact::add(n, respondents(q));
    unsat = exact::add(unsat, fraction(std::int64_t(q.unsatisfied)));
  }
  return rate::ratio(exact::sub(n, unsat), n, "no respondents");
}

rate satisfied_share(const std::vector<question_tally> &questions) {
  fraction n, sat;
  for (const auto &q : questions) {
    n = exact::add(n, respondents(q));
    sat = exact::add(sat, fraction(std::int64_t(q.satisfied)));
  }
  return rate::ratio(sat, n, "no respondents");
}

rate rating_mean(const std::array<std::int64_t, 5> &counts) {
  problem_list problems;
  fraction total, n;
  for (std::size_t k = 0; k < counts.size(); ++k) {
    if (counts[k] < 0) {
      problems.add(join_path("counts", k),
                   "must not be negative, got " + std::to_string(counts[k]));
      continue;
    }
    n = exact::add(n, fraction(counts[k]));
    total = exact::add(total, exact::mul(fraction(counts[k]), fraction(std::int64_t(k) + 1)));
  }
  problems.throw_if_any();
  return rate::ratio(total, n, "no ratings");
}

rate condition_rate_by_count(std::int64_t intact, std::int64_t basically_intact, std::int64_t total,
                             bool count_basically_intact) {
  checks c;
  c.two_parts("intact", intact, "basically_intact", basically_intact, "total", total);
  c.done();
  return rate::ratio(fraction(intact + (count_basically_intact ? basically_intact : 0)),
                     fraction(total), "nothing to count");
}

rate condition_rate_by_area(const fraction &intact_area, const fraction &basically_intact_area,
                            const fraction &total_area) {
  problem_list p;
  if (intact_area < 0) p.add("intact_area", "must not be negative");
  if (basically_intact_area < 0) p.add("basically_intact_area", "must not be negative");
  if (total_area < 0) p.add("total_area", "must not be negative");
  p.throw_if_any();
  const fraction good = exact::add(intact_area, basically_intact_area);
  if (good > total_area)
    throw error(errc::invalid_input, "basically_intact_area",
                "intact_area + basically_intact_area (" + exact::to_string(good) +
                    ") is more than total_area (" + exact::to_string(total_area) + ")");
  return rate::ratio(good, total_area, "no floor area");
}

} // namespace pmq
