#include "pmq/standard.hpp"

#include "loading.hpp"
#include "presets.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <type_traits>
#include <unordered_map>

namespace pmq {

points items_total(const section &s) {
  points sum;
  for (const auto &i : s.items)
    sum += i.max_score;
  return sum;
}

points full_score(const standard &s) {
  if (s.rebase_to) return *s.rebase_to;
  if (s.weight_total) return *s.weight_total;
  points sum;
  for (const auto &sec : s.sections)
    sum += items_total(sec);
  return sum;
}

points threshold_basis(const standard &s) { return s.basis.value_or(full_score(s)); }

points threshold_basis(const section &s) { return s.basis.value_or(items_total(s)); }

namespace {
// Keeps every sum of scores far inside int64 (documented in docs/formats.md); exact
// arithmetic above it is big-integer and cannot overflow.
const points max_points{1000000};

// Where a section or an item is, as a JSON path built only when a problem is reported:
// checking a valid standard builds no path.
struct section_at {
  std::size_t si;
  operator std::string() const { return join_path("sections", si); }
};
struct item_at {
  std::size_t si, ii;
  operator std::string() const { return join_path(join_path(section_at{si}, "items"), ii); }
};
template <class At>
requires std::is_same_v<At, section_at> || std::is_same_v<At, item_at> std::string
join_path(const At &at, const char *field) {
  return pmq::join_path(std::string(at), field);
}

void check_item(const item &it, const item_at &ip, problem_list &out) {
  const auto not_for = [&](bool present, const char *field, const char *which) {
    if (present)
      out.add(join_path(ip, field), std::string("only ") + which + " items take " + field);
  };
  if (it.kind == item_kind::veto) {
    if (it.max_score != points{})
      out.add(join_path(ip, "max_score"),
              "a veto item carries no points: must be 0, got " + it.max_score.to_string());
    if (!it.veto_effect)
      out.add(join_path(ip, "veto_effect"), "required for a veto item (zero or cap)");
    if (it.veto_effect == veto_effect::cap && !it.veto_cap)
      out.add(join_path(ip, "veto_cap"), "required for a veto item whose effect is cap");
    if (it.veto_effect == veto_effect::zero && it.veto_cap)
      out.add(join_path(ip, "veto_cap"), "a veto item whose effect is zero takes no cap");
  } else {
    if (it.max_score <= points{})
      out.add(join_path(ip, "max_score"),
              "must be greater than 0, got " + it.max_score.to_string());
    else if (it.max_score > max_points)
      out.add(join_path(ip, "max_score"),
              "must be at most " + max_points.to_string() + ", got " + it.max_score.to_string());
    not_for(it.veto_effect.has_value(), "veto_effect", "veto");
    not_for(it.veto_cap.has_value(), "veto_cap", "veto");
  }
  if (it.kind == item_kind::deduct) {
    if (!it.deduction)
      out.add(join_path(ip, "deduction"), "required for a deduct item (points per defect)");
    else if (*it.deduction <= points{})
      out.add(join_path(ip, "deduction"),
              "must be greater than 0, got " + it.deduction->to_string());
    else if (*it.deduction > it.max_score && it.max_score > points{})
      out.add(join_path(ip, "deduction"), "per-defect deduction " + it.deduction->to_string() +
                                              " exceeds the item's max_score " +
                                              it.max_score.to_string());
  } else {
    not_for(it.deduction.has_value(), "deduction", "deduct");
  }
  if (it.kind == item_kind::graded) {
    if (it.step && (*it.step <= points{} || *it.step > it.max_score))
      out.add(join_path(ip, "step"), "must be greater than 0 and at most max_score");
  } else {
    not_for(it.step.has_value(), "step", "graded");
  }
}
} // namespace

std::vector<problem> check_standard(const standard &s) {
  problem_list out;
  if (s.id.empty()) out.add("id", "must not be empty");
  if (s.sections.empty()) out.add("sections", "a standard needs at least one section");
  // id → where first seen
  std::unordered_map<std::string_view, item_at> item_ids;
  std::unordered_map<std::string_view, section_at> section_ids;
  item_ids.reserve(64);
  points grand, weights;
  for (std::size_t si = 0; si < s.sections.size(); ++si) {
    const auto &sec = s.sections[si];
    const section_at sp{si};
    if (sec.id.empty())
      out.add(join_path(sp, "id"), "must not be empty");
    else if (auto [it, fresh] = section_ids.emplace(sec.id, sp); !fresh)
      out.add(join_path(sp, "id"),
              "duplicate section id \"" + sec.id + "\" (first at " + std::string(it->second) + ")");
    if (sec.items.empty()) out.add(join_path(sp, "items"), "a section needs at least one item");
    for (std::size_t ii = 0; ii < sec.items.size(); ++ii) {
      const auto &it = sec.items[ii];
      const item_at ip{si, ii};
      if (it.id.empty())
        out.add(join_path(ip, "id"), "must not be empty");
      else if (auto [prev, fresh] = item_ids.emplace(it.id, ip); !fresh)
        out.add(join_path(ip, "id"),
                "duplicate item id \"" + it.id + "\" (first at " + std::string(prev->second) + ")");
      check_item(it, ip, out);
    }
    if (sec.weight && *sec.weight <= points{})
      out.add(join_path(sp, "weight"), "must be greater than 0, got " + sec.weight->to_string());
    if (sec.weight)
      weights += *sec.weight;
    else if (s.weight_total)
      out.add(join_path(sp, "weight"), "required: the standard declares weight_total");
    if (sec.weight && !s.weight_total)
      out.add(join_path(sp, "weight"), "a weighted section needs the standard's weight_total");
    if (sec.basis && (*sec.basis <= points{} || *sec.basis > max_points))
      out.add(join_path(sp, "basis"),
              "must be greater than 0 and at most " + max_points.to_string());
    if (sec.basis && s.thresholds == threshold_policy::absolute)
      out.add(join_path(sp, "basis"), "a basis applies to scaled thresholds only");
    const points section_basis =
        s.thresholds == threshold_policy::scaled ? threshold_basis(sec) : items_total(sec);
    if (sec.critical_min && (*sec.critical_min < points{} || *sec.critical_min > section_basis))
      out.add(join_path(sp, "critical_min"),
              "must be between 0 and the section's maximum " + section_basis.to_string());
    const points sum = items_total(sec);
    if (sec.total && *sec.total != sum)
      out.add(join_path(sp, "total"), "declared " + sec.total->to_string() +
                                          " but the items' max_score values sum to " +
                                          sum.to_string());
    grand += sec.total ? *sec.total : sum;
  }
  if (s.total && *s.total != grand)
    out.add("total",
            "declared " + s.total->to_string() + " but the sections sum to " + grand.to_string());
  if (s.weight_total && *s.weight_total != weights && !s.sections.empty())
    out.add("weight_total", "declared " + s.weight_total->to_string() +
                                " but the section weights sum to " + weights.to_string());
  if (s.rebase_to && (*s.rebase_to <= points{} || *s.rebase_to > max_points))
    out.add("rebase_to", "must be greater than 0 and at most " + max_points.to_string());
  if (s.weight_total && (*s.weight_total <= points{} || *s.weight_total > max_points))
    out.add("weight_total", "must be greater than 0 and at most " + max_points.to_string());
  if (s.not_applicable == na_policy::forbidden)
    for (std::size_t si = 0; si < s.sections.size(); ++si)
      for (std::size_t ii = 0; ii < s.sections[si].items.size(); ++ii)
        if (s.sections[si].items[ii].kind == item_kind::not_applicable)
          out.add(join_path(join_path(join_path("sections", si), "items"), ii) + ".kind",
                  "not_applicable items contradict the standard's not_applicable policy forbidden");
  if (s.decimals > 3) out.add("decimals", "must be 0 to 3, got " + std::to_string(s.decimals));

  const auto ratio = [&](points r, const char *name) {
    if (r < points{} || r > points{1})
      out.add(join_path("three_level", name), "must be a ratio from 0 to 1, got " + r.to_string());
  };
  ratio(s.three_level.meets, "meets");
  ratio(s.three_level.basically_meets, "basically_meets");
  ratio(s.three_level.fails, "fails");
  if (s.three_level.basically_meets > s.three_level.meets ||
      s.three_level.fails > s.three_level.basically_meets)
    out.add("three_level", "ratios must not increase as the judgement worsens: meets " +
                               s.three_level.meets.to_string() + " ≥ basically_meets " +
                               s.three_level.basically_meets.to_string() + " ≥ fails " +
                               s.three_level.fails.to_string());
  if (s.basis && (*s.basis <= points{} || *s.basis > max_points))
    out.add("basis", "must be greater than 0 and at most " + max_points.to_string());
  if (s.basis && s.thresholds == threshold_policy::absolute)
    out.add("basis", "a basis applies to scaled thresholds only");
  // Thresholds are stated against the basis (scaled) or the full score (absolute).
  const points full = s.rebase_to ? *s.rebase_to : s.weight_total.value_or(grand);
  const points against = s.thresholds == threshold_policy::scaled ? s.basis.value_or(full) : full;
  const char *against_name =
      s.basis && s.thresholds == threshold_policy::scaled ? "the basis " : "the full score ";
  if (s.pass_mark && (*s.pass_mark < points{} || *s.pass_mark > against))
    out.add("pass_mark",
            std::string("must be between 0 and ") + against_name + against.to_string());
  for (std::size_t si = 0; si < s.sections.size(); ++si)
    for (std::size_t ii = 0; ii < s.sections[si].items.size(); ++ii) {
      const auto &it = s.sections[si].items[ii];
      if (it.kind == item_kind::veto && it.veto_cap &&
          (*it.veto_cap < points{} || *it.veto_cap > against))
        out.add(join_path(join_path(join_path("sections", si), "items"), ii) + ".veto_cap",
                std::string("must be between 0 and ") + against_name + against.to_string());
    }
  return out.items();
}

void validate(const standard &s) {
  auto problems = check_standard(s);
  throw_if_any(std::move(problems));
}

standard standard_from_json(const json &value) {
  return read_and_check<standard>(value, check_standard);
}

standard load_standard(std::string_view json_text) {
  return standard_from_json(parse_json(json_text));
}

json to_json(const standard &s) { return to_json_value(s); }

namespace {
constexpr std::string_view default_builtin = "pmq-residential-example";

const std::vector<standard> &builtins() {
  static const std::vector<standard> all = [] {
    std::vector<standard> v;
    for (const auto &[name, text] : presets::all()) {
      auto j = parse_json(text);
      if (!j.contains("sections")) continue; // other presets (bands, formulas) live elsewhere
      v.push_back(standard_from_json(j));
    }
    std::stable_partition(v.begin(), v.end(),
                          [](const standard &s) { return s.id == default_builtin; });
    return v;
  }();
  return all;
}
} // namespace

std::vector<std::string> builtin_standard_ids() {
  std::vector<std::string> ids;
  for (const auto &s : builtins())
    ids.push_back(s.id);
  return ids;
}

const standard &builtin_standard(std::string_view id) {
  const auto &all = builtins();
  if (id.empty()) id = default_builtin;
  for (const auto &s : all)
    if (s.id == id) return s;
  std::string known;
  for (const auto &s : all)
    known += (known.empty() ? "" : ", ") + s.id;
  throw error(errc::invalid_argument, "",
              "no built-in standard \"" + std::string(id) + "\" (built in: " + known + ")");
}

} // namespace pmq

namespace pmq {

standard derive_standard(const standard &company, const selection &sel) {
  problem_list problems;
  if (sel.id.empty()) problems.add("id", "must not be empty");
  std::set<std::string> ids;
  for (const auto &sec : company.sections)
    for (const auto &it : sec.items)
      ids.insert(it.id);
  const auto check_ids = [&](const std::vector<std::string> &list, const char *field) {
    for (std::size_t k = 0; k < list.size(); ++k)
      if (!ids.count(list[k]))
        problems.add(join_path(field, k),
                     "no item \"" + list[k] + "\" in standard \"" + company.id + "\"");
  };
  if (sel.clauses) check_ids(*sel.clauses, "clauses");
  check_ids(sel.exclude, "exclude");
  problems.throw_if_any();

  const auto listed = [](const std::vector<std::string> &list, const std::string &id) {
    return std::find(list.begin(), list.end(), id) != list.end();
  };
  const auto keep = [&](const item &it) {
    if (sel.clauses && !listed(*sel.clauses, it.id)) return false;
    if (listed(sel.exclude, it.id)) return false;
    if (sel.property_type && !it.property_types.empty() &&
        std::find(it.property_types.begin(), it.property_types.end(), *sel.property_type) ==
            it.property_types.end())
      return false;
    if (sel.grade && !it.grades.empty() && !listed(it.grades, *sel.grade)) return false;
    return true;
  };

  standard d = company;
  d.id = sel.id;
  d.version = sel.version.value_or(company.version);
  d.title = sel.title.value_or(company.title);
  if (sel.property_type) d.property_type = sel.property_type;
  d.origin = pmq::origin{company.id, company.version};
  d.sections.clear();
  const bool scaled = company.thresholds == threshold_policy::scaled;
  for (const auto &sec : company.sections) {
    section ns = sec;
    ns.items.clear();
    for (const auto &it : sec.items)
      if (keep(it)) ns.items.push_back(it);
    if (ns.items.empty()) continue;
    if (ns.items.size() != sec.items.size()) {
      ns.total = items_total(ns); // re-totalled; what was dropped is no longer owed
      // The critical minimum keeps its company value and the maximum it was stated against.
      if (scaled && ns.critical_min) ns.basis = threshold_basis(sec);
    }
    d.sections.push_back(std::move(ns));
  }
  if (d.sections.empty())
    throw error(errc::invalid_input, "",
                "the selection leaves no clauses of standard \"" + company.id + "\"");

  points remaining, weights;
  for (const auto &sec : d.sections) {
    remaining += items_total(sec);
    if (sec.weight) weights += *sec.weight;
  }
  d.total = remaining;
  // A weighted standard keeps its sections' weights; the weights that remain are the total.
  if (d.weight_total) d.weight_total = weights;
  if (company.derive == derive_policy::rebase)
    d.rebase_to = full_score(company); // re-based: out of the company's full score
  else
    d.rebase_to.reset(); // re-totalled: out of what remains
  bool has_caps = false;
  for (const auto &sec : d.sections)
    for (const auto &it : sec.items)
      has_caps = has_caps || it.veto_cap.has_value();
  // Scaled thresholds: the company's pass mark and caps, against the company's full score.
  if (scaled && (d.pass_mark || has_caps)) d.basis = threshold_basis(company);
  validate(d);
  return d;
}

} // namespace pmq
