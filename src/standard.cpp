#include "pmq/standard.hpp"

#include "presets.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace pmq {

points items_total(const section& s) {
  points sum;
  for (const auto& i : s.items) sum += i.max_score;
  return sum;
}

std::vector<problem> check_standard(const standard& s) {
  problem_list out;
  if (s.id.empty()) out.add("id", "must not be empty");
  if (s.sections.empty()) out.add("sections", "a standard needs at least one section");
  std::map<std::string, std::string> item_ids; // id → path where first seen
  std::map<std::string, std::string> section_ids;
  points grand;
  for (std::size_t si = 0; si < s.sections.size(); ++si) {
    const auto& sec = s.sections[si];
    const auto sp = join_path("sections", si);
    if (sec.id.empty()) out.add(join_path(sp, "id"), "must not be empty");
    else if (auto [it, fresh] = section_ids.emplace(sec.id, sp); !fresh)
      out.add(join_path(sp, "id"), "duplicate section id \"" + sec.id + "\" (first at " +
                                       it->second + ")");
    if (sec.items.empty()) out.add(join_path(sp, "items"), "a section needs at least one item");
    for (std::size_t ii = 0; ii < sec.items.size(); ++ii) {
      const auto& it = sec.items[ii];
      const auto ip = join_path(join_path(sp, "items"), ii);
      if (it.id.empty()) out.add(join_path(ip, "id"), "must not be empty");
      else if (auto [prev, fresh] = item_ids.emplace(it.id, ip); !fresh)
        out.add(join_path(ip, "id"),
                "duplicate item id \"" + it.id + "\" (first at " + prev->second + ")");
      if (it.max_score <= points{})
        out.add(join_path(ip, "max_score"), "must be greater than 0, got " + it.max_score.to_string());
      if (it.kind == item_kind::deduct) {
        if (!it.deduction)
          out.add(join_path(ip, "deduction"), "required for a deduct item (points per defect)");
        else if (*it.deduction <= points{})
          out.add(join_path(ip, "deduction"), "must be greater than 0, got " + it.deduction->to_string());
        else if (*it.deduction > it.max_score && it.max_score > points{})
          out.add(join_path(ip, "deduction"), "per-defect deduction " + it.deduction->to_string() +
                                                  " exceeds the item's max_score " +
                                                  it.max_score.to_string());
      } else if (it.deduction) {
        out.add(join_path(ip, "deduction"), "only deduct items take a per-defect deduction");
      }
    }
    const points sum = items_total(sec);
    if (sec.total && *sec.total != sum)
      out.add(join_path(sp, "total"), "declared " + sec.total->to_string() +
                                          " but the items' max_score values sum to " + sum.to_string());
    grand += sec.total ? *sec.total : sum;
  }
  if (s.total && *s.total != grand)
    out.add("total", "declared " + s.total->to_string() + " but the sections sum to " + grand.to_string());
  return out.items();
}

void validate(const standard& s) {
  auto problems = check_standard(s);
  if (!problems.empty()) throw error(errc::invalid_input, std::move(problems));
}

standard standard_from_json(const json& value) {
  auto s = from_json_value<standard>(value);
  validate(s);
  return s;
}

standard load_standard(std::string_view json_text) { return standard_from_json(parse_json(json_text)); }

json to_json(const standard& s) { return to_json_value(s); }

namespace {
constexpr std::string_view default_builtin = "pmq-residential-example";

const std::vector<standard>& builtins() {
  static const std::vector<standard> all = [] {
    std::vector<standard> v;
    for (const auto& [name, text] : presets::all()) {
      auto j = parse_json(text);
      if (!j.contains("sections")) continue; // other presets (bands, formulas) live elsewhere
      v.push_back(standard_from_json(j));
    }
    std::stable_partition(v.begin(), v.end(),
                          [](const standard& s) { return s.id == default_builtin; });
    return v;
  }();
  return all;
}
} // namespace

std::vector<std::string> builtin_standard_ids() {
  std::vector<std::string> ids;
  for (const auto& s : builtins()) ids.push_back(s.id);
  return ids;
}

const standard& builtin_standard(std::string_view id) {
  const auto& all = builtins();
  if (id.empty()) id = default_builtin;
  for (const auto& s : all)
    if (s.id == id) return s;
  std::string known;
  for (const auto& s : all) known += (known.empty() ? "" : ", ") + s.id;
  throw error(errc::invalid_argument, "", "no built-in standard \"" + std::string(id) +
                                              "\" (built in: " + known + ")");
}

} // namespace pmq
