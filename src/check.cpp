#include "pmq/check.hpp"

#include "loading.hpp"

#include "pmq/scoring.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <set>

namespace pmq {

namespace {
std::string item_path(std::size_t si, std::size_t ii) {
  return join_path(join_path(join_path("sections", si), "items"), ii);
}

// The inspection every item fails as badly as it can: deduct items lose their whole
// maximum, pass/fail items fail, three-level items get the lowest ratio, graded items 0.
// Veto items are not triggered (a veto fails the inspection anyway).
inspection worst_inspection(const standard &s) {
  inspection worst;
  worst.id = "worst";
  const auto &r = s.three_level;
  const level lowest = r.fails <= r.basically_meets && r.fails <= r.meets ? level::fails
                       : r.basically_meets <= r.meets                     ? level::basically_meets
                                                                          : level::meets;
  for (const auto &sec : s.sections)
    for (const auto &it : sec.items) {
      response resp;
      resp.item = it.id;
      switch (it.kind) {
      case item_kind::deduct: {
        const auto per = it.deduction ? it.deduction->milli() : 0;
        if (per <= 0) continue;
        const auto n = (it.max_score.milli() + per - 1) / per;
        resp.defects = static_cast<std::uint32_t>(
            std::min<std::int64_t>(n, std::numeric_limits<std::uint32_t>::max()));
        break;
      }
      case item_kind::pass_fail:
        resp.passed = false;
        break;
      case item_kind::three_level:
        resp.level = lowest;
        break;
      case item_kind::graded:
        resp.score = points{};
        break;
      case item_kind::not_applicable:
      case item_kind::veto:
        continue;
      }
      worst.responses.push_back(std::move(resp));
    }
  return worst;
}

void standard_score_warnings(const standard &s, problem_list &out) {
  const compiled_standard compiled(s);
  const auto worst = compiled.score(worst_inspection(s));
  const auto best = compiled.score(inspection{"best", {}, {}, {}, {}, {}, {}, {}});
  if (s.pass_mark && worst.score && *worst.score >= *s.pass_mark)
    out.add("pass_mark", "every inspection passes: even with every item failed the score is " +
                             worst.score->to_string() + ", not below the pass mark " +
                             s.pass_mark->to_string());
  else if (s.pass_mark && best.score && *best.score == *s.pass_mark && *s.pass_mark > points{})
    out.add("pass_mark", "only a perfect inspection passes: the pass mark " +
                             s.pass_mark->to_string() + " is the full score");
  if (s.pass_mark && best.score && *best.score < *s.pass_mark)
    out.add("pass_mark",
            "no inspection can pass: the best possible score is " + best.score->to_string());
  for (std::size_t si = 0; si < s.sections.size(); ++si) {
    const auto &sec = s.sections[si];
    if (!sec.critical_min) continue;
    const auto sp = join_path(join_path("sections", si), "critical_min");
    const auto &w = worst.sections[si];
    const auto max = items_total(sec);
    if (!w.failed_critical)
      out.add(sp, "the section can never fail: even with every item failed it scores " +
                      w.score.to_string() + ", not below its minimum " +
                      sec.critical_min->to_string());
    else if (best.sections[si].failed_critical)
      out.add(sp, "no inspection can keep this section above its minimum " +
                      sec.critical_min->to_string());
    else if (*sec.critical_min == max)
      out.add(sp, "the minimum is the section's maximum " + max.to_string() +
                      ": a single defect fails the inspection");
  }
}
} // namespace

std::vector<problem> standard_warnings(const standard &s) {
  problem_list out;
  std::map<std::string, std::string> section_titles;
  const points full = s.weight_total ? *s.weight_total : s.rebase_to.value_or([&] {
    points sum;
    for (const auto &sec : s.sections)
      sum += sec.total.value_or(items_total(sec));
    return sum;
  }());
  for (std::size_t si = 0; si < s.sections.size(); ++si) {
    const auto &sec = s.sections[si];
    const auto sp = join_path("sections", si);
    if (!sec.title.empty()) {
      const auto [first, fresh] = section_titles.emplace(sec.title, sp);
      if (!fresh)
        out.add(join_path(sp, "title"),
                "duplicate section title \"" + sec.title + "\" (also at " + first->second + ")");
    }
    std::map<std::string, std::string> titles;
    for (std::size_t ii = 0; ii < sec.items.size(); ++ii) {
      const auto &it = sec.items[ii];
      const auto ip = item_path(si, ii);
      if (!it.title.empty()) {
        const auto [first, fresh] = titles.emplace(it.title, ip);
        if (!fresh)
          out.add(join_path(ip, "title"), "duplicate item title \"" + it.title + "\" in section " +
                                              sec.id + " (also at " + first->second + ")");
      }
      if (it.requirement.empty())
        out.add(join_path(ip, "requirement"),
                "empty: say what meets the standard (R-STD-3), or inspectors will disagree");
      if (it.kind == item_kind::deduct && it.deduction && *it.deduction == it.max_score)
        out.add(join_path(ip, "deduction"),
                "equals the item's max_score " + it.max_score.to_string() +
                    ": one defect takes the whole item (meant a pass_fail item, or a smaller "
                    "deduction?)");
      if (it.kind == item_kind::graded && it.step && it.step->milli() > 0 &&
          it.max_score.milli() % it.step->milli() != 0)
        out.add(join_path(ip, "step"),
                "the maximum " + it.max_score.to_string() + " is not a multiple of the step " +
                    it.step->to_string() + ": an inspector cannot give full marks");
      if (it.kind == item_kind::veto && it.veto_effect == veto_effect::cap && it.veto_cap &&
          *it.veto_cap >= full)
        out.add(join_path(ip, "veto_cap"), "the cap " + it.veto_cap->to_string() +
                                               " is not below the full score " + full.to_string() +
                                               ": the veto caps nothing");
      if (it.kind == item_kind::veto && s.pass_mark && it.veto_effect == veto_effect::cap &&
          it.veto_cap && *it.veto_cap >= *s.pass_mark)
        out.add(join_path(ip, "veto_cap"),
                "the cap " + it.veto_cap->to_string() + " is not below the pass mark " +
                    s.pass_mark->to_string() + ": a capped score still looks like a pass");
    }
  }
  const auto &r = s.three_level;
  if (r.meets < r.basically_meets || r.basically_meets < r.fails)
    out.add("three_level", "the ratios are not ordered meets ≥ basically_meets ≥ fails (" +
                               r.meets.to_string() + ", " + r.basically_meets.to_string() + ", " +
                               r.fails.to_string() + ")");
  standard_score_warnings(s, out);
  return out.items();
}

std::vector<problem> band_table_warnings(const band_table &t) {
  problem_list out;
  std::map<std::string, std::size_t> labels;
  for (std::size_t i = 0; i < t.bands.size(); ++i) {
    const auto &b = t.bands[i];
    const auto bp = join_path("bands", i);
    if (b.label.empty())
      out.add(join_path(bp, "label"), "empty: reports will show nothing");
    else if (const auto [first, fresh] = labels.emplace(b.label, i); !fresh)
      out.add(join_path(bp, "label"), "duplicate label \"" + b.label + "\" (also bands[" +
                                          std::to_string(first->second) + "])");
    if (b.from && b.to && *b.from == *b.to)
      out.add(bp, "the band holds the single score " + b.from->to_string() + ": meant a range?");
  }
  // Outcomes should not go against the score: a higher band never pays less, never loses
  // award eligibility or a pass a lower band has.
  std::vector<std::size_t> order(t.bands.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  const auto lo = [&](std::size_t i) { return t.bands[i].from.value_or(t.min); };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return lo(a) < lo(b); });
  for (std::size_t k = 1; k < order.size(); ++k) {
    const auto &below = t.bands[order[k - 1]];
    const auto &above = t.bands[order[k]];
    const auto ap = join_path("bands", order[k]);
    const auto which =
        " than bands[" + std::to_string(order[k - 1]) + "] (" + below.id + ") below it";
    if (below.pay_adjustment && above.pay_adjustment &&
        *above.pay_adjustment < *below.pay_adjustment)
      out.add(join_path(ap, "pay_adjustment"), "a higher score pays less" + which);
    if (below.award_eligible && above.award_eligible && *below.award_eligible &&
        !*above.award_eligible)
      out.add(join_path(ap, "award_eligible"),
              "a higher score loses the award eligibility it has" + which);
    if (below.passed && above.passed && *below.passed && !*above.passed)
      out.add(join_path(ap, "passed"), "a higher score fails where a lower one passes" + which);
  }
  return out.items();
}

std::vector<problem> kpi_definition_warnings(const kpi_definition &d, const std::string &path) {
  problem_list out;
  try {
    const auto e = expression::parse(d.expression);
    const auto &used = e.names();
    for (std::size_t i = 0; i < d.inputs.size(); ++i)
      if (std::find(used.begin(), used.end(), d.inputs[i].name) == used.end())
        out.add(join_path(join_path(join_path(path, "inputs"), i), "name"),
                "input \"" + d.inputs[i].name + "\" is declared but the expression never uses it");
  } catch (const error &) {
    // The definition's own check reports a bad expression.
  }
  const auto &t = d.target;
  if (t.unit == kpi_unit::percent) {
    const points hundred{100};
    const bool never = (t.op == comparator::gt && t.threshold >= hundred) ||
                       (t.op == comparator::ge && t.threshold > hundred) ||
                       (t.op == comparator::lt && t.threshold <= points{}) ||
                       (t.op == comparator::eq && t.threshold > hundred);
    if (never)
      out.add(join_path(join_path(path, "target"), "threshold"),
              "no share of a whole meets \"" + describe(t) + "\" (a rate is 0 % to 100 %)");
  }
  if (!d.no_data_reason)
    out.add(join_path(path, "no_data_reason"),
            "absent: a zero denominator will be reported as no data without saying why (R-KPI-31)");
  return out.items();
}

std::vector<problem> target_plan_warnings(const target_plan &p) {
  problem_list out;
  std::set<std::string> used;
  std::map<std::pair<std::string, std::string>, std::size_t> seen;
  for (std::size_t i = 0; i < p.targets.size(); ++i) {
    const auto &t = p.targets[i];
    const auto tp = join_path("targets", i);
    used.insert(t.kpi);
    if (t.measures.empty())
      out.add(join_path(tp, "measures"), "no measures: R-KPI-30 gives every target its measures");
    const auto key = std::make_pair(t.kpi, t.department + "\n" + t.project.value_or(""));
    if (const auto [first, fresh] = seen.emplace(key, i); !fresh)
      out.add(join_path(tp, "kpi"), "the same KPI \"" + t.kpi + "\" for the same department" +
                                        (t.project ? " and project" : "") + " as targets[" +
                                        std::to_string(first->second) + "]");
  }
  for (std::size_t i = 0; i < p.custom_kpis.size(); ++i) {
    const auto cp = join_path("custom_kpis", i);
    if (!used.count(p.custom_kpis[i].id))
      out.add(join_path(cp, "id"), "custom KPI \"" + p.custom_kpis[i].id + "\" has no target");
    for (auto &w : kpi_definition_warnings(p.custom_kpis[i], cp))
      out.add(std::move(w.path), std::move(w.message));
  }
  return out.items();
}

std::vector<problem> fee_plan_warnings(const fee_plan &p) {
  problem_list out;
  for (std::size_t i = 0; i < p.lines.size(); ++i)
    if (p.lines[i].due == money{})
      out.add(join_path(join_path("lines", i), "due"),
              "nothing due: the collection rate will always be no data");
  return out.items();
}

std::optional<document_kind> guess_document_kind(const json &d) {
  if (!d.is_object()) return std::nullopt;
  if (d.contains("sections")) return document_kind::standard;
  if (d.contains("bands")) return document_kind::band_table;
  if (d.contains("expression")) return document_kind::kpi_definition;
  if (d.contains("targets")) return document_kind::target_plan;
  if (d.contains("lines")) return document_kind::fee_plan;
  return std::nullopt;
}

namespace {
template <class Load, class Warn>
void run_check(check_report &r, const json &d, Load load, Warn warn) {
  try {
    const auto loaded = load(d);
    r.valid = true;
    r.warnings = warn(loaded);
  } catch (const error &e) {
    if (e.code() != errc::invalid_input && e.code() != errc::parse &&
        e.code() != errc::invalid_argument)
      throw;
    r.errors = e.problems();
  }
}

// Reads a T, then compiles it (which throws what does not hold) and gives the T.
// In one pass: type errors and what the compiling finds are reported together.
template <class T, class Compiled> T read_compiled(const json &j) {
  return read_then<T>(j, [](const T &value) {
    const Compiled compiled(value);
    return value;
  });
}

fee_plan read_fee_plan(const json &j) {
  return read_then<fee_plan>(j, [](const fee_plan &p) {
    check_fee_plan(p, period{period_kind::year, 9999, 1}); // every collection counts
    return p;
  });
}
} // namespace

check_report check_document(const json &d, std::optional<document_kind> kind) {
  if (!kind) kind = guess_document_kind(d);
  if (!kind)
    throw error(errc::invalid_input, "",
                "not a standard (sections), band table (bands), KPI definition (expression), "
                "target plan (targets) or fee plan (lines)");
  check_report r;
  r.kind = *kind;
  switch (*kind) {
  case document_kind::standard:
    run_check(r, d, standard_from_json, standard_warnings);
    break;
  case document_kind::band_table:
    run_check(r, d, band_table_from_json, band_table_warnings);
    break;
  case document_kind::kpi_definition:
    run_check(r, d, read_compiled<kpi_definition, kpi>,
              [](const kpi_definition &def) { return kpi_definition_warnings(def); });
    break;
  case document_kind::target_plan:
    run_check(r, d, read_compiled<target_plan, compiled_plan>, target_plan_warnings);
    break;
  case document_kind::fee_plan:
    run_check(r, d, read_fee_plan, fee_plan_warnings);
    break;
  }
  return r;
}

json to_json(const check_report &r) {
  const auto list = [](const std::vector<problem> &ps) {
    json a = json::array();
    for (const auto &p : ps)
      a.push_back({{"path", p.path}, {"message", p.message}});
    return a;
  };
  json j = json::object();
  j["kind"] = to_json_value(r.kind);
  j["valid"] = r.valid;
  j["errors"] = list(r.errors);
  j["warnings"] = list(r.warnings);
  return j;
}

} // namespace pmq
