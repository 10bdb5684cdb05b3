// Fee collection plans (R-KPI-32).
#include "kpi_detail.hpp"
#include "loading.hpp"

#include <map>
#include <set>

namespace pmq {

using namespace kpi_detail;

namespace {
// due × rate ÷ 100 in fen, exact: what a target rate asks of an amount due.
fraction required_fen(money due, points rate_percent) {
  return exact::mul(fraction(due.fen()), exact::div(rate_percent.value(), fraction(100)));
}
// The least whole number of fen reaching `fen`: rounded up, once.
money round_up_to_fen(const fraction &fen) {
  const integer q = ceil(fen);
  if (q > std::numeric_limits<std::int64_t>::max()) throw_out_of_range("a required amount");
  return money::from_fen(q.convert_to<std::int64_t>());
}
} // namespace

money required_amount(money due, points rate_percent) {
  // Rounded up so that reaching it meets the target.
  return round_up_to_fen(required_fen(due, rate_percent));
}

namespace {
fee_status make_status(std::string type, std::optional<std::string> building, money due,
                       money collected, money in_period, std::optional<points> rate_pct,
                       money required) {
  fee_status s;
  s.fee_type = std::move(type);
  s.building = std::move(building);
  s.due = due;
  s.collected = collected;
  s.collected_in_period = in_period;
  s.target_rate = rate_pct;
  s.required = required;
  s.shortfall = collected >= required ? money{} : required - collected;
  s.actual = rate::ratio(fraction(collected.fen()), fraction(due.fen()), "nothing due");
  if (s.actual) s.status = collected >= required ? target_status::met : target_status::missed;
  return s;
}

money checked_add(money a, money b, const std::string &path) {
  std::int64_t r = 0;
  if (__builtin_add_overflow(a.fen(), b.fen(), &r))
    throw error(errc::invalid_input, path, "amount too large");
  return money::from_fen(r);
}
} // namespace

fee_check check_fee_plan(const fee_plan &plan, const period &p) {
  problem_list problems;
  if (plan.lines.empty()) problems.add("lines", "a plan needs at least one line");
  std::set<std::pair<std::string, std::string>> seen;
  std::vector<money> totals(plan.lines.size()), to_end(plan.lines.size()),
      in_period(plan.lines.size());
  for (std::size_t i = 0; i < plan.lines.size(); ++i) {
    const auto &l = plan.lines[i];
    const auto lp = join_path("lines", i);
    if (l.fee_type.empty()) problems.add(join_path(lp, "fee_type"), "must not be empty");
    if (!seen.insert({l.fee_type, l.building.value_or("")}).second)
      problems.add(join_path(lp, "fee_type"),
                   "fee type \"" + l.fee_type + "\" given twice for the same building");
    if (l.due < money{})
      problems.add(join_path(lp, "due"), "must not be negative, got " + l.due.to_string());
    if (l.target_rate <= points{} || l.target_rate > points{100})
      problems.add(join_path(lp, "target_rate"),
                   "must be more than 0 and at most 100 (percent), got " +
                       l.target_rate.to_string());
    for (std::size_t k = 0; k < l.collected.size(); ++k) {
      const auto cp = join_path(join_path(lp, "collected"), k);
      const auto d = month_start(l.collected[k].month, join_path(cp, "month"), problems);
      const money a = l.collected[k].amount;
      if (a < money{}) {
        problems.add(join_path(cp, "amount"), "must not be negative, got " + a.to_string());
        continue;
      }
      totals[i] = checked_add(totals[i], a, join_path(cp, "amount"));
      if (d && *d <= p.last()) to_end[i] = to_end[i] + a;
      if (d && p.contains(*d)) in_period[i] = in_period[i] + a;
    }
    if (l.due >= money{} && totals[i] > l.due)
      problems.add(join_path(lp, "collected"), "collected " + totals[i].to_string() +
                                                   " in all is more than the " + l.due.to_string() +
                                                   " due");
  }
  problems.throw_if_any();
  fee_check out;
  out.plan = plan.name;
  out.when = p;
  // An aggregate (a fee type, a building, the total) adds its lines' exact requirements and
  // rounds up once: two lines due 135,016.34 and 10,868.75 at 92.5 % need 134,943.71 together
  // (145,885.09 × 92.5 % = 134,943.70825), not the 134,943.72 of their rounded-up parts.
  struct acc {
    money due, collected, in_period;
    fraction required;
    std::optional<points> rate;
    bool mixed = false;
  };
  std::vector<std::string> order, building_order;
  std::map<std::string, acc> by_type, by_building;
  acc total;
  const auto fold = [](acc &a, money due, money col, money inp, const fraction &req, points r) {
    a.due = checked_add(a.due, due, "lines");
    a.collected = checked_add(a.collected, col, "lines");
    a.in_period = checked_add(a.in_period, inp, "lines");
    a.required += req;
    if (!a.rate && !a.mixed)
      a.rate = r;
    else if (a.rate && *a.rate != r) {
      a.rate.reset();
      a.mixed = true;
    }
  };
  for (std::size_t i = 0; i < plan.lines.size(); ++i) {
    const auto &l = plan.lines[i];
    const fraction req = required_fen(l.due, l.target_rate);
    out.lines.push_back(make_status(l.fee_type, l.building, l.due, to_end[i], in_period[i],
                                    l.target_rate, round_up_to_fen(req)));
    if (!by_type.count(l.fee_type)) order.push_back(l.fee_type);
    fold(by_type[l.fee_type], l.due, to_end[i], in_period[i], req, l.target_rate);
    if (l.building) {
      if (!by_building.count(*l.building)) building_order.push_back(*l.building);
      fold(by_building[*l.building], l.due, to_end[i], in_period[i], req, l.target_rate);
    }
    fold(total, l.due, to_end[i], in_period[i], req, l.target_rate);
  }
  for (const auto &type : order) {
    const auto &a = by_type[type];
    out.by_fee_type.push_back(make_status(type, std::nullopt, a.due, a.collected, a.in_period,
                                          a.rate, round_up_to_fen(a.required)));
  }
  for (const auto &b : building_order) {
    const auto &a = by_building[b];
    out.by_building.push_back(make_status("all", b, a.due, a.collected, a.in_period, a.rate,
                                          round_up_to_fen(a.required)));
  }
  out.total = make_status("total", std::nullopt, total.due, total.collected, total.in_period,
                          total.rate, round_up_to_fen(total.required));
  return out;
}

fee_check check_fee_plan(std::string_view plan_json, const period &p) {
  return read_then<fee_plan>(parse_json(plan_json),
                             [&](const fee_plan &plan) { return check_fee_plan(plan, p); });
}

fee_plan load_fee_plan(std::string_view json_text) {
  return from_json_value<fee_plan>(parse_json(json_text));
}

namespace {
json fee_status_json(const fee_status &s) {
  json j = json::object();
  j["fee_type"] = s.fee_type;
  if (s.building) j["building"] = *s.building;
  j["due"] = s.due.to_string();
  j["collected"] = s.collected.to_string();
  j["collected_in_period"] = s.collected_in_period.to_string();
  j["target_rate"] = s.target_rate ? json(s.target_rate->to_string()) : json(nullptr);
  j["required"] = s.required.to_string();
  j["shortfall"] = s.shortfall.to_string();
  j["actual"] = rate_to_json(s.actual, kpi_unit::percent, 2);
  j["status"] = enum_name(s.status);
  return j;
}
} // namespace

json to_json(const fee_check &c) {
  json j = json::object();
  j["plan"] = c.plan;
  j["period"] = c.when.label();
  j["checked_to"] = format_date(c.when.last());
  j["lines"] = json::array();
  for (const auto &l : c.lines)
    j["lines"].push_back(fee_status_json(l));
  j["by_fee_type"] = json::array();
  for (const auto &l : c.by_fee_type)
    j["by_fee_type"].push_back(fee_status_json(l));
  j["by_building"] = json::array();
  for (const auto &l : c.by_building)
    j["by_building"].push_back(fee_status_json(l));
  j["total"] = fee_status_json(c.total);
  return j;
}

} // namespace pmq
