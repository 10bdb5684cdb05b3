// Target decomposition and the 《质量目标完成统计表》 (R-KPI-30).
#include "kpi_detail.hpp"
#include "loading.hpp"

#include <map>
#include <set>

namespace pmq {

using namespace kpi_detail;

compiled_plan::compiled_plan(target_plan p) : plan_(std::move(p)) {
  problem_list problems;
  if (plan_.company.empty()) problems.add("company", "must not be empty");
  if (plan_.year < 1400 || plan_.year > 9999)
    problems.add("year", "must be a year 1400..9999, got " + std::to_string(plan_.year));
  if (plan_.targets.empty()) problems.add("targets", "a plan needs at least one target");
  std::map<std::string, std::size_t> custom;
  std::vector<std::optional<kpi>> compiled_custom;
  for (std::size_t i = 0; i < plan_.custom_kpis.size(); ++i) {
    const auto cp = join_path("custom_kpis", i);
    try {
      compiled_custom.emplace_back(kpi(plan_.custom_kpis[i], cp));
    } catch (const error &e) {
      add_all(problems, e);
      compiled_custom.emplace_back(std::nullopt);
    }
    if (auto [it, fresh] = custom.emplace(plan_.custom_kpis[i].id, i); !fresh)
      problems.add(join_path(cp, "id"), "duplicate KPI id \"" + it->first + "\"");
  }
  std::set<std::string> keys;
  for (std::size_t i = 0; i < plan_.targets.size(); ++i) {
    const auto &t = plan_.targets[i];
    const auto tp = join_path("targets", i);
    if (t.key.empty())
      problems.add(join_path(tp, "key"), "must not be empty");
    else if (!keys.insert(t.key).second)
      problems.add(join_path(tp, "key"), "duplicate target key \"" + t.key + "\"");
    if (t.department.empty()) problems.add(join_path(tp, "department"), "must not be empty");
    if (t.owner.empty()) problems.add(join_path(tp, "owner"), "must not be empty");
    if (const auto it = custom.find(t.kpi); it != custom.end()) {
      if (compiled_custom[it->second]) kpis_.push_back(*compiled_custom[it->second]);
      continue;
    }
    try {
      kpis_.emplace_back(catalogue_kpi(t.kpi));
    } catch (const error &) {
      problems.add(join_path(tp, "kpi"),
                   "no KPI \"" + t.kpi + "\" in the catalogue or custom_kpis");
    }
  }
  if (kpis_.size() == plan_.targets.size())
    for (std::size_t i = 0; i < plan_.targets.size(); ++i) {
      const auto &t = plan_.targets[i].target;
      if (t && kpis_[i].definition().longer_periods == longer_period_rule::scale &&
          t->unit != kpi_unit::count && t->unit != kpi_unit::times_per_period)
        problems.add(join_path(join_path(join_path("targets", i), "target"), "unit"),
                     "KPI \"" + kpis_[i].definition().id +
                         "\" scales a count's threshold over longer periods; a " +
                         enum_name(t->unit) + " target cannot be scaled");
    }
  problems.throw_if_any();
}

statistics_table compiled_plan::table(const std::vector<month_actuals> &months,
                                      const period &p) const {
  problem_list problems;
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < plan_.targets.size(); ++i)
    index[plan_.targets[i].key] = i;
  std::vector<month_entries> entries(plan_.targets.size());
  std::map<std::pair<std::string, date>, std::string> seen; // (key, month) → where
  for (std::size_t i = 0; i < months.size(); ++i) {
    const auto mp = join_path("", i);
    const auto d = month_start(months[i].month, join_path(mp, "month"), problems);
    for (std::size_t j = 0; j < months[i].actuals.size(); ++j) {
      const auto &a = months[i].actuals[j];
      const auto ap = join_path(join_path(mp, "actuals"), j);
      const auto it = index.find(a.target);
      if (it == index.end()) {
        problems.add(join_path(ap, "target"), "no target \"" + a.target + "\" in the plan");
        continue;
      }
      kpis_[it->second].check_counts(a.counts, join_path(ap, "counts"), problems);
      if (!d) continue;
      if (auto [s, fresh] = seen.emplace(std::pair{a.target, *d}, ap); !fresh)
        problems.add(join_path(ap, "target"), "target \"" + a.target + "\" reported twice for " +
                                                  months[i].month + " (first at " + s->second +
                                                  ")");
      else
        entries[it->second].emplace_back(*d, &a.counts, join_path(ap, "counts"));
    }
  }
  problems.throw_if_any();
  statistics_table out;
  out.company = plan_.company;
  out.when = p;
  for (std::size_t i = 0; i < plan_.targets.size(); ++i) {
    const auto &t = plan_.targets[i];
    const auto &k = kpis_[i];
    statistics_row row;
    row.key = t.key;
    row.kpi = k.definition().id;
    row.rule = k.definition().rule;
    row.name = k.definition().name;
    row.department = t.department;
    row.project = t.project;
    row.owner = t.owner;
    row.measures = t.measures;
    row.check_frequency = t.check_frequency;
    row.target = t.target ? *t.target : k.definition().target;
    row.places = k.definition().places;
    auto r = evaluate_entries(k, entries[i], p, row.target, "no counts reported for");
    row.applied_target = r.value.target;
    row.longer_periods = r.longer_periods;
    row.months = std::move(r.months_with_data);
    row.by_month = std::move(r.by_month);
    row.actual = r.value.actual;
    row.status = r.value.result.status;
    row.gap = r.value.result.gap;
    switch (row.status) {
    case target_status::met:
      ++out.met;
      break;
    case target_status::missed:
      ++out.missed;
      break;
    case target_status::no_data:
      ++out.no_data;
      break;
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

target_plan load_target_plan(std::string_view json_text) {
  // One pass: a type error in one target does not hide another target's unknown KPI.
  return read_then<target_plan>(parse_json(json_text), [](const target_plan &p) {
    const compiled_plan check(p);
    return p;
  });
}

std::vector<month_actuals> month_actuals_from_json(const json &j) {
  return read_months<month_actuals>(
      j, "actuals",
      [](std::string month, const json *acts, const std::string &path,
         problem_list &problems) -> std::optional<month_actuals> {
        if (!acts || !acts->is_array()) {
          problems.add(path, "expected an array of {target, counts}");
          return std::nullopt;
        }
        month_actuals ma{std::move(month), {}};
        for (std::size_t k = 0; k < acts->size(); ++k) {
          const auto ap = join_path(path, k);
          target_actuals ta;
          const json *counts = nullptr;
          if (!read_keyed((*acts)[k], ap, "target", ta.target, "counts", counts, problems))
            continue;
          read_counts(counts, join_path(ap, "counts"), ta.counts, problems);
          ma.actuals.push_back(std::move(ta));
        }
        return ma;
      });
}

json to_json(const statistics_table &t) {
  json j = json::object();
  j["title"] = "质量目标完成统计表";
  j["company"] = t.company;
  j["period"] = t.when.label();
  j["summary"] = {{"met", t.met}, {"missed", t.missed}, {"no_data", t.no_data}};
  j["rows"] = json::array();
  for (const auto &r : t.rows) {
    json row = json::object();
    row["key"] = r.key;
    row["kpi"] = r.kpi;
    row["rule"] = r.rule ? json(*r.rule) : json(nullptr);
    row["name"] = r.name;
    row["department"] = r.department;
    if (r.project) row["project"] = *r.project;
    row["owner"] = r.owner;
    row["measures"] = r.measures;
    row["check_frequency"] = enum_name(r.check_frequency);
    row["target"] = to_json_value(r.target);
    row["target_text"] = describe(r.target);
    row["longer_periods"] = enum_name(r.longer_periods);
    row["applied_target"] = to_json_value(r.applied_target);
    row["applied_target_text"] = describe(r.applied_target);
    row["actual"] = rate_to_json(r.actual, r.target.unit, r.places);
    row["status"] = enum_name(r.status);
    if (r.gap) row["gap"] = render(*r.gap, r.places);
    row["months"] = r.months;
    if (r.longer_periods == longer_period_rule::every_month)
      row["by_month"] = by_month_json(r.by_month);
    j["rows"].push_back(std::move(row));
  }
  return j;
}

std::string to_text(const statistics_table &t) {
  std::string out = "质量目标完成统计表  " + t.company + "  " + t.when.label() + "\n\n";
  out += "  key | 质量目标 | 目标值 | 实际 | 状态 | 差距 | 责任部门 | 责任人 | 规则\n";
  for (const auto &r : t.rows) {
    const char *status = r.status == target_status::met      ? "达成 met"
                         : r.status == target_status::missed ? "未达成 missed"
                                                             : "无数据 no data";
    std::string actual = r.actual ? render(in_unit(r.target.unit, r.actual.value()), r.places) +
                                        (r.target.unit == kpi_unit::percent ? " %" : "")
                                  : "无数据 (" + r.actual.reason() + ")";
    // The target as stated, and how it was applied to a longer period.
    std::string target = describe(r.target);
    if (r.applied_target != r.target)
      target += " a month, " + describe(r.applied_target) + " over " +
                std::to_string(r.months.size()) + " months";
    else if (r.longer_periods == longer_period_rule::every_month && r.by_month.size() > 1)
      target += ", every month";
    else if (r.longer_periods == longer_period_rule::year_to_date &&
             t.when.kind != period_kind::year)
      target += ", year to date";
    out += "  " + r.key + " | " + r.name + " | " + target + " | " + actual + " | " + status +
           " | " + (r.gap ? render(*r.gap, r.places) : std::string("—")) + " | " + r.department +
           (r.project ? " / " + *r.project : "") + " | " + r.owner + " | " + r.rule.value_or("—") +
           "\n";
  }
  out += "\n  met " + std::to_string(t.met) + ", missed " + std::to_string(t.missed) +
         ", no data " + std::to_string(t.no_data) + "\n";
  return out;
}

} // namespace pmq
