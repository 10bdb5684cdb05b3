// A KPI over longer periods from monthly counts, and months documents as JSON.
#include "kpi_detail.hpp"

#include <algorithm>
#include <map>

namespace pmq {

using namespace kpi_detail;

namespace {
// Sums the counts of the given (month, counts, path) entries per the KPI's aggregation.
quantities
sum_entries(const kpi &k,
            const std::vector<std::tuple<date, const quantities *, std::string>> &entries,
            problem_list &problems) {
  quantities out;
  for (const auto &in : k.definition().inputs) {
    std::optional<fraction> acc;
    std::string first_path;
    for (const auto &[d, counts, path] : entries) {
      const auto it = counts->find(in.name);
      if (it == counts->end()) continue;
      if (!acc) {
        acc = it->second;
        first_path = path;
      } else if (in.aggregate == aggregation::sum) {
        acc = exact::add(*acc, it->second, join_path(path, in.name));
      } else if (*acc != it->second) {
        problems.add(join_path(path, in.name),
                     "is the same in every month (aggregate \"constant\") but differs from " +
                         first_path + " (" + exact::to_string(*acc) + " vs " +
                         exact::to_string(it->second) + ")");
      }
    }
    if (acc) out[in.name] = *acc;
  }
  return out;
}
} // namespace

std::optional<quantities> sum_counts(const kpi &k, const std::vector<month_counts> &months,
                                     const period &p, std::vector<std::string> *used) {
  problem_list problems;
  std::vector<std::tuple<date, const quantities *, std::string>> entries;
  for (std::size_t i = 0; i < months.size(); ++i) {
    const auto mp = join_path("", i);
    const auto d = month_start(months[i].month, join_path(mp, "month"), problems);
    k.check_counts(months[i].counts, join_path(mp, "counts"), problems);
    if (d && p.contains(*d)) {
      entries.emplace_back(*d, &months[i].counts, join_path(mp, "counts"));
      if (used) used->push_back(months[i].month);
    }
  }
  problems.throw_if_any();
  if (entries.empty()) return std::nullopt;
  auto sum = sum_entries(k, entries, problems);
  problems.throw_if_any();
  return sum;
}

longer_period_rule default_longer_period_rule(kpi_unit u) {
  switch (u) {
  case kpi_unit::percent:
  case kpi_unit::points:
    return longer_period_rule::recompute;
  case kpi_unit::count:
    return longer_period_rule::scale;
  case kpi_unit::times_per_period:
    return longer_period_rule::every_month;
  }
  return longer_period_rule::recompute;
}

longer_period_rule kpi::longer_periods() const {
  return def_.longer_periods ? *def_.longer_periods : default_longer_period_rule(def_.target.unit);
}

namespace kpi_detail {

// Checks a months document for one KPI (months well formed and given once, counts valid)
// and lists its entries; problems at `[i].month` and `[i].counts.name`.
month_entries collect_months(const kpi &k, const std::vector<month_counts> &months,
                             problem_list &problems) {
  month_entries out;
  std::map<date, std::size_t> seen;
  for (std::size_t i = 0; i < months.size(); ++i) {
    const auto mp = join_path("", i);
    const auto d = month_start(months[i].month, join_path(mp, "month"), problems);
    if (d) {
      if (auto [it, fresh] = seen.emplace(*d, i); !fresh)
        problems.add(join_path(mp, "month"), "month " + months[i].month +
                                                 " given twice (first at [" +
                                                 std::to_string(it->second) + "])");
      else
        out.emplace_back(*d, &months[i].counts, join_path(mp, "counts"));
    }
    k.check_counts(months[i].counts, join_path(mp, "counts"), problems);
  }
  return out;
}

std::string month_label(const date &d) {
  period p;
  p.kind = period_kind::month;
  p.year = d.year();
  p.index = d.month();
  return p.label();
}

// True when value a is a worse miss of target t than value b (both in the target's unit):
// lower for ≥ and >, higher for ≤ and <, further from the threshold for =.
bool worse(const target_spec &t, const fraction &a, const fraction &b) {
  switch (t.op) {
  case comparator::ge:
  case comparator::gt:
    return a < b;
  case comparator::le:
  case comparator::lt:
    return a > b;
  case comparator::eq:
    return abs(a - t.threshold.value()) > abs(b - t.threshold.value());
  }
  return false;
}

// The KPI over period `p` from `entries` (any months, each once), by its longer-period rule
// (kpi.hpp). `stated` is the target as stated per month; `no_counts` prefixes the reason of
// a period without counts ("no counts reported for" + " 2026-03").
series_point evaluate_entries(const kpi &k, const month_entries &entries, const period &p,
                              const target_spec &stated, const std::string &no_counts) {
  series_point out;
  out.when = p;
  out.longer_periods = k.definition().longer_periods ? *k.definition().longer_periods
                                                     : default_longer_period_rule(stated.unit);
  const date from = out.longer_periods == longer_period_rule::year_to_date
                        ? date(p.first().year(), 1, 1)
                        : p.first();
  const date to = p.last();
  month_entries in;
  for (const auto &e : entries)
    if (from <= std::get<0>(e) && std::get<0>(e) <= to) in.push_back(e);
  std::sort(in.begin(), in.end(),
            [](const auto &a, const auto &b) { return std::get<0>(a) < std::get<0>(b); });
  for (const auto &e : in)
    out.months_with_data.push_back(month_label(std::get<0>(e)));
  out.value.id = k.definition().id;
  out.value.target = stated;
  out.value.places = k.definition().places;
  const auto none = [&](const std::string &label) {
    out.value.actual = rate::no_data(no_counts + " " + label);
    out.value.result = target_result{};
  };

  if (out.longer_periods != longer_period_rule::every_month) {
    if (in.empty()) {
      none(p.label());
      return out;
    }
    problem_list problems;
    out.counts = sum_entries(k, in, problems);
    problems.throw_if_any();
    target_spec applied = stated;
    if (out.longer_periods == longer_period_rule::scale) {
      try {
        applied.threshold = stated.threshold * std::int64_t(in.size());
      } catch (const error &) {
        throw error(errc::invalid_input, "target.threshold",
                    stated.threshold.to_string() + " × " + std::to_string(in.size()) +
                        " months is too large");
      }
    }
    // One month: its own path; several: the summed counts are named by the period.
    out.value =
        k.evaluate(*out.counts, in.size() == 1 ? std::get<2>(in.front()) : p.label(), applied);
    return out;
  }

  // every_month: each month of the period on its own.
  std::size_t missed = 0, without = 0;
  std::optional<std::size_t> worst;
  std::string first_without;
  for (date m = p.first(); m <= to; m = m.end_of_month() + boost::gregorian::days(1)) {
    month_result mr;
    mr.month = month_label(m);
    const auto it =
        std::find_if(in.begin(), in.end(), [&](const auto &e) { return std::get<0>(e) == m; });
    if (it == in.end()) {
      mr.value.id = k.definition().id;
      mr.value.actual = rate::no_data(no_counts + " " + mr.month);
      mr.value.target = stated;
      mr.value.places = k.definition().places;
    } else {
      mr.value = k.evaluate(*std::get<1>(*it), std::get<2>(*it), stated);
    }
    switch (mr.value.result.status) {
    case target_status::missed:
      ++missed;
      break;
    case target_status::no_data:
      if (without++ == 0) first_without = mr.value.actual.reason();
      break;
    case target_status::met:
      break;
    }
    out.by_month.push_back(std::move(mr));
    const auto &v = out.by_month.back().value;
    if (v.actual &&
        (!worst || worse(stated, in_unit(stated.unit, v.actual.value()),
                         in_unit(stated.unit, out.by_month[*worst].value.actual.value()))))
      worst = out.by_month.size() - 1;
  }
  if (in.empty()) {
    none(p.label());
    return out;
  }
  if (missed == 0 && without > 0) {
    // Not every month is known to meet the target.
    out.value.actual =
        rate::no_data(out.by_month.size() == 1 ? first_without
                                               : first_without + " (every month of " + p.label() +
                                                     " must meet the target)");
    out.value.result = target_result{};
    return out;
  }
  const auto &w = out.by_month[*worst].value;
  out.value.actual = w.actual;
  out.value.result = w.result;
  out.value.result.status = missed > 0 ? target_status::missed : target_status::met;
  return out;
}
} // namespace kpi_detail

series_point evaluate_period(const kpi &k, const std::vector<month_counts> &months, const period &p,
                             const std::optional<target_spec> &target) {
  problem_list problems;
  const auto entries = collect_months(k, months, problems);
  problems.throw_if_any();
  return evaluate_entries(k, entries, p, target ? *target : k.definition().target, "no data for");
}

std::vector<series_point> kpi_series(const kpi &k, const std::vector<month_counts> &months,
                                     period_kind kind) {
  problem_list problems;
  const auto entries = collect_months(k, months, problems);
  if (months.empty()) problems.add("", "at least one month is needed");
  problems.throw_if_any();
  if (entries.empty()) return {}; // every month was refused above; not reached
  date first = std::get<0>(entries.front()), last = first;
  for (const auto &e : entries) {
    first = std::min(first, std::get<0>(e));
    last = std::max(last, std::get<0>(e));
  }
  // Sorted once; each period then takes only its own months (a binary search for the first),
  // so a series is linear in its months, not months × periods.
  auto sorted = entries;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto &a, const auto &b) { return std::get<0>(a) < std::get<0>(b); });
  const auto rule = k.definition().longer_periods
                        ? *k.definition().longer_periods
                        : default_longer_period_rule(k.definition().target.unit);
  std::vector<series_point> out;
  month_entries in;
  for (period p = period_of(first, kind);;
       p = period_of(p.last() + boost::gregorian::days(1), kind)) {
    const date from =
        rule == longer_period_rule::year_to_date ? date(p.first().year(), 1, 1) : p.first();
    auto it = std::lower_bound(sorted.begin(), sorted.end(), from,
                               [](const auto &e, const date &d) { return std::get<0>(e) < d; });
    in.clear();
    for (; it != sorted.end() && std::get<0>(*it) <= p.last(); ++it)
      in.push_back(*it);
    out.push_back(evaluate_entries(k, in, p, k.definition().target, "no data for"));
    if (p.last() >= last) break; // never step past the last month (nor past year 9999)
  }
  return out;
}

namespace kpi_detail {
// The months documents below are read by hand: the counts in them are quantities, whose
// values (exact non-negative decimals) only quantities_from_json reads.

// Throws unless a months document is an array.
void require_months_array(const json &j) {
  if (!j.is_array())
    throw error(errc::invalid_input, "",
                std::string("expected an array of months, got ") + json_io::type_name(j));
}

// One {"<key_name>": "...", "<value_name>": ...} object at `path`: reads the string member
// `key_name` into `key` (missing: a missing required field), reports any member other than
// the two as an unknown field and points `value` at the `value_name` member (nullptr when
// absent). False, with a problem, when j is not an object.
bool read_keyed(const json &j, const std::string &path, const char *key_name, std::string &key,
                const char *value_name, const json *&value, problem_list &problems) {
  value = nullptr;
  if (!j.is_object()) {
    problems.add(path, std::string("expected an object, got ") + json_io::type_name(j));
    return false;
  }
  for (const auto &[k, v] : j.items())
    if (k != key_name && k != value_name) problems.add(join_path(path, k), "unknown field");
  if (const auto it = j.find(key_name); it == j.end())
    problems.add(join_path(path, key_name), "missing required field");
  else
    json_io::read(*it, key, join_path(path, key_name), problems);
  if (const auto it = j.find(value_name); it != j.end()) value = &*it;
  return true;
}

// The required counts member `counts` (nullptr when absent) at `path`.
void read_counts(const json *counts, const std::string &path, quantities &out,
                 problem_list &problems) {
  if (!counts) {
    problems.add(path, "missing required field");
    return;
  }
  try {
    out = quantities_from_json(*counts, path);
  } catch (const error &e) {
    add_all(problems, e);
  }
}
} // namespace kpi_detail

std::vector<month_counts> month_counts_from_json(const json &j) {
  return read_months<month_counts>(
      j, "counts",
      [](std::string month, const json *counts, const std::string &path, problem_list &problems) {
        month_counts mc{std::move(month), {}};
        read_counts(counts, path, mc.counts, problems);
        return std::optional<month_counts>(std::move(mc));
      });
}

namespace kpi_detail {
json by_month_json(const std::vector<month_result> &months) {
  json out = json::array();
  for (const auto &m : months) {
    const auto &v = m.value;
    json month = {{"month", m.month},
                  {"actual", rate_to_json(v.actual, v.target.unit, v.places)},
                  {"status", enum_name(v.result.status)}};
    if (v.result.gap) month["gap"] = render(*v.result.gap, v.places);
    out.push_back(std::move(month));
  }
  return out;
}
} // namespace kpi_detail

json to_json(const std::vector<series_point> &series) {
  json j = json::array();
  for (const auto &sp : series) {
    json p = json::object();
    p["period"] = sp.when.label();
    p["months"] = sp.months_with_data;
    p["counts"] = sp.counts ? quantities_to_json(*sp.counts) : json(nullptr);
    const json value = to_json(sp.value);
    for (const auto &[k, v] : value.items())
      p[k] = v;
    p["longer_periods"] = enum_name(sp.longer_periods);
    if (sp.longer_periods == longer_period_rule::every_month)
      p["by_month"] = by_month_json(sp.by_month);
    j.push_back(std::move(p));
  }
  return j;
}

json to_json(const kpi_result &r) {
  json j = json::object();
  j["kpi"] = r.id;
  j["actual"] = rate_to_json(r.actual, r.target.unit, r.places);
  j["target"] = to_json_value(r.target);
  j["target_text"] = describe(r.target);
  j["status"] = enum_name(r.result.status);
  // No data has no gap: absent, not null (docs/formats.md: output omits absent fields).
  if (r.result.gap) j["gap"] = render(*r.result.gap, r.places);
  return j;
}

} // namespace pmq
