#include "pmq/coverage.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace pmq {

namespace {

weekday weekday_of(const date &d) {
  return static_cast<weekday>((d.day_of_week().as_number() + 6) % 7);
}

nullable_rate share(std::uint32_t part, std::uint32_t whole, const char *why) {
  return {rate::ratio(fraction(std::int64_t{part}), fraction(std::int64_t{whole}), why)};
}

void finish(coverage_counts &c) {
  const auto due = c.on_time + c.late + c.missed;
  c.coverage_rate = share(c.on_time + c.late, due, "nothing planned was due");
  c.on_time_rate = share(c.on_time, due, "nothing planned was due");
}

void check(const coverage_request &req, problem_list &problems) {
  const auto &plan = req.plan;
  if (plan.to < plan.from)
    problems.add("plan.to", "the plan ends (" + format_date(plan.to) + ") before it starts (" +
                                format_date(plan.from) + ")");
  else if ((plan.to - plan.from).days() > 730)
    problems.add("plan.to", "a plan covers at most 731 days");
  if (plan.to.year() > 9998) problems.add("plan.to", "plans end in 9998 or earlier");
  if (req.grace_days > 366)
    problems.add("grace_days", "must be 0..366 days, got " + std::to_string(req.grace_days));
  for (std::size_t i = 0; i < plan.slots.size(); ++i) {
    const auto &s = plan.slots[i];
    const auto p = join_path("plan.slots", i);
    if (s.project.empty()) problems.add(join_path(p, "project"), "must not be empty");
    if (s.day < plan.from || s.day > plan.to)
      problems.add(join_path(p, "day"), format_date(s.day) + " is outside the plan (" +
                                            format_date(plan.from) + " to " + format_date(plan.to) +
                                            ")");
  }
  for (std::size_t i = 0; i < req.performed.size(); ++i) {
    const auto &c = req.performed[i];
    const auto p = join_path("performed", i);
    if (c.project.empty()) problems.add(join_path(p, "project"), "must not be empty");
    if (c.day > req.as_of)
      problems.add(join_path(p, "day"), format_date(c.day) + " is after as_of (" +
                                            format_date(req.as_of) + "): not performed yet");
  }
  std::set<std::string> planned;
  for (const auto &s : plan.slots)
    planned.insert(s.project);
  std::map<std::string, std::string> area_of;
  for (const auto &[area, projects] : req.areas) {
    const auto p = join_path("areas", area);
    if (area.empty()) problems.add(p, "an area has a name");
    for (std::size_t k = 0; k < projects.size(); ++k) {
      const auto &name = projects[k];
      if (!planned.count(name))
        problems.add(join_path(p, k), "\"" + name + "\" has no slot in the plan");
      else if (const auto [it, fresh] = area_of.emplace(name, area); !fresh)
        problems.add(join_path(p, k), "\"" + name + "\" is already in area \"" + it->second + "\"");
    }
  }
}

} // namespace

coverage_report inspection_coverage(const coverage_request &req) {
  problem_list problems;
  check(req, problems);
  problems.throw_if_any();
  const auto &plan = req.plan;
  coverage_report out;
  out.as_of = req.as_of;
  out.grace_days = req.grace_days;

  // Performed checks by (project, level, day); each used once.
  using key = std::tuple<std::string, check_level, date>;
  std::map<key, std::vector<std::size_t>> by_day;
  for (std::size_t i = 0; i < req.performed.size(); ++i) {
    const auto &c = req.performed[i];
    by_day[{c.project, c.level, c.day}].push_back(i);
  }
  std::vector<bool> used(req.performed.size(), false);
  const auto take = [&](const plan_slot &s, const date &d) -> std::optional<std::size_t> {
    const auto it = by_day.find({s.project, s.level, d});
    if (it == by_day.end()) return std::nullopt;
    for (const auto i : it->second) {
      const auto &c = req.performed[i];
      if (used[i] || (s.order && c.order && *c.order != *s.order)) continue;
      used[i] = true;
      return i;
    }
    return std::nullopt;
  };

  // Slots in date order (a plan is sorted already; a hand-made one may not be).
  std::vector<std::size_t> order(plan.slots.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return plan.slots[a].day < plan.slots[b].day;
  });
  out.slots.resize(plan.slots.size());
  for (std::size_t i = 0; i < plan.slots.size(); ++i) {
    const auto &s = plan.slots[i];
    out.slots[i] = {s.day, s.project, s.level, s.order, slot_state::pending, {}, {}, 0};
  }
  for (const auto i : order) // on time: on the slot's own day
    if (const auto m = take(plan.slots[i], plan.slots[i].day)) {
      out.slots[i].state = slot_state::on_time;
      out.slots[i].done = plan.slots[i].day;
      out.slots[i].performed = *m;
    }
  for (const auto i : order) { // late: the earliest check within the grace
    auto &sc = out.slots[i];
    if (sc.state == slot_state::on_time) continue;
    for (std::uint32_t g = 1; g <= req.grace_days; ++g) {
      const date d = sc.day + boost::gregorian::days(g);
      if (d > req.as_of) break;
      if (const auto m = take(plan.slots[i], d)) {
        sc.state = slot_state::late;
        sc.done = d;
        sc.performed = *m;
        sc.days_late = g;
        break;
      }
    }
    if (sc.state == slot_state::pending &&
        (req.as_of - sc.day).days() > static_cast<long>(req.grace_days))
      sc.state = slot_state::missed;
  }

  // Counts per project, in order of first appearance, and in total.
  std::map<std::string, std::size_t> at;
  out.total.project = "*";
  for (const auto &sc : out.slots) {
    auto [it, fresh] = at.emplace(sc.project, out.projects.size());
    if (fresh) out.projects.push_back({sc.project, 0, 0, 0, 0, 0, {}, {}});
    for (auto *c : {&out.projects[it->second], &out.total}) {
      ++c->planned;
      switch (sc.state) {
      case slot_state::on_time:
        ++c->on_time;
        break;
      case slot_state::late:
        ++c->late;
        break;
      case slot_state::missed:
        ++c->missed;
        break;
      case slot_state::pending:
        ++c->pending;
        break;
      }
    }
  }
  for (auto &c : out.projects)
    finish(c);
  finish(out.total);

  for (std::size_t i = 0; i < req.performed.size(); ++i)
    if (!used[i] && req.performed[i].level != check_level::supervision) out.unplanned.push_back(i);

  // Weekly supervision patrols: whole weeks from the plan's start that ended by as_of.
  std::set<std::pair<std::string, date>> patrol_days;
  for (const auto &c : req.performed)
    if (c.level == check_level::supervision) patrol_days.insert({c.project, c.day});
  date first = plan.from;
  while (weekday_of(first) != req.week_starts)
    first = first + boost::gregorian::days(1);
  const date end = std::min(plan.to, req.as_of);
  std::vector<date> weeks;
  for (date w = first; w <= end && (end - w).days() >= 6; w = w + boost::gregorian::days(7))
    weeks.push_back(w);
  for (const auto &[area, projects] : req.areas) {
    patrol_coverage whole{area, "*", 0, 0, {}, {}};
    for (const auto &project : projects) {
      patrol_coverage pc{area, project, 0, 0, {}, {}};
      for (const auto &w : weeks) {
        ++pc.weeks;
        const auto lo = patrol_days.lower_bound({project, w});
        if (lo != patrol_days.end() && lo->first == project &&
            lo->second <= w + boost::gregorian::days(6))
          ++pc.patrolled;
        else
          pc.gaps.push_back(w);
      }
      pc.rate = share(pc.patrolled, pc.weeks, "no whole week of the plan has ended");
      whole.weeks += pc.weeks;
      whole.patrolled += pc.patrolled;
      out.patrols.push_back(std::move(pc));
    }
    whole.rate = share(whole.patrolled, whole.weeks, "no whole week of the plan has ended");
    out.patrols.push_back(std::move(whole));
  }
  return out;
}

coverage_request coverage_request_from_json(const json &value) {
  return from_json_value<coverage_request>(value); // checked when evaluated
}

json to_json(const coverage_report &r) { return to_json_value(r); }

} // namespace pmq
