// R-CAL-13: follow-up (复检) slots for the rectification orders still open when a plan starts
// (001 §4.3.1 b: the monthly plan includes "物业管理部上月检查问题的整改落实情况").
#include "pmq/calendar.hpp"
#include "pmq/rectification.hpp"

#include <algorithm>
#include <map>

namespace pmq {

namespace {

// The order lifecycle names its problems `events[i]…`; in a plan request they are
// `rectification[i]…`.
void add_renamed(problem_list &problems, const error &e) {
  for (const auto &p : e.problems())
    problems.add(p.path.rfind("events", 0) == 0 ? "rectification" + p.path.substr(6)
                                                : join_path("rectification", p.path),
                 p.message);
}

std::optional<date> last_working(const business_calendar &c, const date &from, date to) {
  for (; to >= from; to = to - boost::gregorian::days(1))
    if (is_working_day(c, to)) return to;
  return std::nullopt;
}

std::optional<date> first_working(const business_calendar &c, date from, const date &to) {
  for (; from <= to; from = from + boost::gregorian::days(1))
    if (is_working_day(c, from)) return from;
  return std::nullopt;
}

} // namespace

std::vector<plan_slot> follow_up_slots(const plan_request &req, const business_calendar &cal,
                                       problem_list &problems) {
  std::vector<plan_slot> out;
  if (req.rectification.empty() && req.follow_ups.empty()) return out;
  std::vector<order_status> orders;
  try {
    orders = rectification_states(req.rectification, req.from, cal,
                                  req.rules.value_or(deadline_rules{}));
  } catch (const error &e) {
    add_renamed(problems, e);
    return out;
  }
  std::map<std::string, const order_status *> by_id;
  for (const auto &o : orders)
    by_id.emplace(o.order, &o);
  const auto planned = [&](const std::string &project) {
    return std::find(req.projects.begin(), req.projects.end(), project) != req.projects.end();
  };
  // A passed order is followed up for its CAPA, against the CAPA's due date.
  const auto due_of = [](const order_status &o) {
    return o.state == rectification_state::passed && o.capa && o.capa->due ? *o.capa->due : o.due;
  };

  std::map<std::string, date> pinned;
  for (std::size_t k = 0; k < req.follow_ups.size(); ++k) {
    const auto &f = req.follow_ups[k];
    const auto p = join_path("follow_ups", k);
    const auto it = by_id.find(f.order);
    if (it == by_id.end()) {
      problems.add(join_path(p, "order"), "no order \"" + f.order + "\" issued by " +
                                              format_date(req.from) + " in \"rectification\"");
      continue;
    }
    const auto &o = *it->second;
    if (o.closed) {
      problems.add(join_path(p, "order"), "order \"" + f.order + "\" is closed on " +
                                              format_date(req.from) + " (passed re-inspection on " +
                                              format_date(o.reinspected.value_or(o.issued)) +
                                              "): it has no follow-up");
      continue;
    }
    if (!planned(o.project))
      problems.add(join_path(p, "order"), "order \"" + f.order + "\" is of project \"" + o.project +
                                              "\", not a project of the plan");
    if (f.day < req.from || f.day > req.to)
      problems.add(join_path(p, "day"), format_date(f.day) + " is outside the plan (" +
                                            format_date(req.from) + " to " + format_date(req.to) +
                                            ")");
    if (!pinned.emplace(f.order, f.day).second)
      problems.add(join_path(p, "order"), "a second follow-up day for order \"" + f.order + "\"");
  }
  if (!problems.empty()) return out;

  for (const auto &o : orders) {
    if (o.closed || !planned(o.project)) continue;
    const date due = due_of(o);
    std::optional<date> day;
    if (const auto it = pinned.find(o.order); it != pinned.end())
      day = it->second;
    else if (due >= req.from)
      day = last_working(cal, req.from, std::min(due, req.to));
    if (!day) day = first_working(cal, req.from, req.to);
    if (!day) continue; // no working day in the whole plan
    plan_slot s;
    s.day = *day;
    s.project = o.project;
    s.level = check_level::follow_up;
    s.rule = "R-CAL-13";
    s.order = o.order;
    s.due = due;
    out.push_back(std::move(s));
  }
  return out;
}

} // namespace pmq
