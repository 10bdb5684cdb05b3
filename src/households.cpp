#include "pmq/households.hpp"

#include "pmq/kpi.hpp"

namespace pmq {

void write(json &j, const nullable_rate &r) {
  j = r.value ? rate_to_json(r.value, kpi_unit::percent, 2) : json(nullptr);
}

void check_households(const std::vector<household_visit> &visits, const std::string &path,
                      problem_list &problems) {
  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < visits.size(); ++i) {
    const auto p = join_path(path, i);
    const auto &v = visits[i];
    if (v.id.empty())
      problems.add(join_path(p, "id"), "must not be empty");
    else if (const auto [it, fresh] = seen.emplace(v.id, i); !fresh)
      problems.add(join_path(p, "id"), "household \"" + v.id + "\" visited twice (first at " +
                                           join_path(path, it->second) + ")");
    for (const auto &entry : v.ratings)
      if (entry.first.empty())
        problems.add(join_path(join_path(p, "ratings"), entry.first), "a service has a name");
  }
}

household_summary summarize_households(const std::vector<household_visit> &visits) {
  household_summary s;
  s.visited = static_cast<std::uint32_t>(visits.size());
  for (const auto &v : visits) {
    for (const auto &entry : v.ratings)
      switch (entry.second) {
      case household_rating::satisfied:
        ++s.ratings.satisfied;
        break;
      case household_rating::basically_satisfied:
        ++s.ratings.basically_satisfied;
        break;
      case household_rating::unsatisfied:
        ++s.ratings.unsatisfied;
        break;
      }
    if (v.complaint != complaint_handling::none) ++s.complaints;
    if (v.complaint == complaint_handling::handled) ++s.handled_properly;
  }
  const std::int64_t all =
      std::int64_t{s.ratings.satisfied} + s.ratings.basically_satisfied + s.ratings.unsatisfied;
  s.satisfaction_rate.value =
      rate::ratio(fraction(std::int64_t{s.ratings.satisfied} + s.ratings.basically_satisfied),
                  fraction(all), "no household rated a service");
  s.complaint_handling_rate.value =
      rate::ratio(fraction(std::int64_t{s.handled_properly}), fraction(std::int64_t{s.complaints}),
                  "no visited household had a complaint");
  return s;
}

} // namespace pmq
