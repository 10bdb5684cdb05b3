#include "pmq/scoring.hpp"

#include "pmq/explain.hpp"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <unordered_map>

namespace pmq {

struct compiled_standard::impl {
  standard def;
  points full;        ///< sum of all item maxima
  points target_full; ///< what final scores are out of
  points basis;       ///< what pass_mark and veto caps are stated against
  bool scaled = true; ///< thresholds scale with what is scored
  std::size_t items = 0;
  // item id → its position over all sections, in order
  std::unordered_map<std::string, std::size_t> index;

  score_result run(const std::vector<const response *> &by_item, const std::vector<std::size_t> &at,
                   const char *base, bool explain, const std::vector<carry_over> &carried,
                   problem_list &problems) const;
};

compiled_standard::compiled_standard(standard s) : impl_(std::make_unique<impl>()) {
  validate(s);
  impl_->def = std::move(s);
  const auto &def = impl_->def;
  for (std::size_t si = 0; si < def.sections.size(); ++si) {
    const auto &sec = def.sections[si];
    impl_->full += items_total(sec);
    for (const auto &it : sec.items)
      impl_->index.emplace(it.id, impl_->items++);
  }
  impl_->target_full = full_score(def);
  impl_->scaled = def.thresholds == threshold_policy::scaled;
  impl_->basis = impl_->scaled ? threshold_basis(def) : impl_->target_full;
}

compiled_standard::~compiled_standard() = default;
compiled_standard::compiled_standard(compiled_standard &&) noexcept = default;
compiled_standard &compiled_standard::operator=(compiled_standard &&) noexcept = default;

const standard &compiled_standard::definition() const { return impl_->def; }

namespace {

// Where a response came from ("responses[3]", "values[3]"); the path string is built only
// when a problem is reported, so the error-free path allocates nothing for it.
struct where {
  const char *base;
  std::size_t index;
  std::string path(const char *field = nullptr) const {
    auto p = join_path(base, index);
    return field ? join_path(p, field) : p;
  }
};

// defects × per-defect deduction exceeds the item's maximum exactly when defects is more
// than max ÷ per (integer division); testing that first keeps huge counts from overflowing.
bool exceeds_max(std::uint32_t defects, points per_defect, points max) {
  return std::int64_t(defects) > max.milli() / per_defect.milli();
}

// What a response may carry for an item of a given kind; anything else is reported.
void check_fields(const item &it, const response &r, const where &at, problem_list &problems) {
  const auto refuse = [&](bool present, const char *field, const char *what) {
    if (present)
      problems.add(at.path(field), "item \"" + it.id + "\" is a " +
                                       std::string(boost::describe::enum_to_string(it.kind, "?")) +
                                       " item: " + what);
  };
  const auto k = it.kind;
  refuse(r.defects && k != item_kind::deduct, "defects", "only deduct items take defects");
  refuse(r.passed && k != item_kind::pass_fail && k != item_kind::veto, "passed",
         "only pass_fail and veto items take passed");
  refuse(r.level && k != item_kind::three_level, "level", "only three_level items take level");
  refuse(r.score && k != item_kind::graded, "score", "only graded items take score");
}

// Scores one item from its response (or none). With explain false (the typed path) it
// skips the title and findings, and only the numbers are filled in. The words are written
// afterwards from the numbers (explain.cpp), not here.
// Returns true when the item's exact score is not a whole number of thousandths (a
// three-level ratio); `exact` is then set, otherwise it is the shown score (set only when
// explaining: sums go through int64 thousandths, which keeps the common path cheap).
bool score_item(const standard &def, const item &it, const response *r, const where &at,
                bool explain, item_result &out, problem_list &problems) {
  if (explain) {
    out.id = it.id;
    out.title = it.title;
  }
  out.kind = it.kind;
  out.max_score = it.max_score;
  out.score = it.max_score;
  bool fractional = false;
  if (r) {
    if (explain) out.findings = r->findings;
    check_fields(it, *r, at, problems);
  }
  const bool na = it.kind == item_kind::not_applicable || (r && r->not_applicable);
  if (na) {
    if (r && r->not_applicable && def.not_applicable == na_policy::forbidden)
      problems.add(at.path("not_applicable"),
                   "standard \"" + def.id + "\" does not allow items to be not applicable");
    if (r && r->not_applicable &&
        (r->defects || r->passed || r->level || r->score || !r->findings.empty()))
      problems.add(at.path(),
                   "a response marked not_applicable cannot record defects, passed, level, "
                   "score or findings");
    out.applicable = false;
    out.score = points{};
    if (explain) out.exact = 0;
    if (def.not_applicable != na_policy::count_as_zero) out.max_score = points{};
    out.deducted = out.max_score - out.score;
    return false;
  }
  switch (it.kind) {
  case item_kind::deduct: {
    const std::size_t recorded = r ? r->findings.size() : 0;
    if (r && r->defects && *r->defects < recorded)
      problems.add(at.path("defects"), std::to_string(*r->defects) + " defects but " +
                                           std::to_string(recorded) + " findings recorded");
    out.defects = r && r->defects ? *r->defects : static_cast<std::uint32_t>(recorded);
    const points per = *it.deduction;
    const bool capped = exceeds_max(out.defects, per, it.max_score); // 扣完为止, R-STD-5
    const points ded = capped ? it.max_score : per * out.defects;
    out.score = it.max_score - ded;
    break;
  }
  case item_kind::pass_fail:
    if (r && !r->passed)
      problems.add(at.path("passed"), "required for pass_fail item \"" + it.id + "\"");
    else if (r && !*r->passed)
      out.score = points{};
    break;
  case item_kind::three_level:
    if (!r) {
    } else if (!r->level) {
      problems.add(at.path("level"), "required for three_level item \"" + it.id +
                                         "\" (meets, basically_meets or fails)");
    } else {
      const auto &ratios = def.three_level;
      const points ratio = *r->level == level::meets             ? ratios.meets
                           : *r->level == level::basically_meets ? ratios.basically_meets
                                                                 : ratios.fails;
      out.level = r->level;
      out.exact = it.max_score.value() * ratio.value(); // exact: never rounded per item
      out.score = to_points(out.exact);                 // shown to 1/1000 point
      fractional = points::exactly(out.exact) != out.score;
    }
    break;
  case item_kind::graded:
    if (!r) {
    } else if (!r->score) {
      problems.add(at.path("score"), "required for graded item \"" + it.id + "\" (0 to " +
                                         it.max_score.to_string() + ")");
    } else if (*r->score < points{} || *r->score > it.max_score) {
      problems.add(at.path("score"), "must be between 0 and " + it.max_score.to_string() +
                                         ", got " + r->score->to_string());
    } else if (it.step && r->score->milli() % it.step->milli() != 0) {
      problems.add(at.path("score"), r->score->to_string() + " is not a multiple of the step " +
                                         it.step->to_string());
    } else {
      out.score = *r->score;
    }
    break;
  case item_kind::veto:
    out.vetoed = r && r->passed && !*r->passed;
    break;
  case item_kind::not_applicable:
    break; // handled above
  }
  if (!fractional && explain) out.exact = out.score.value();
  out.deducted = out.max_score - out.score;
  return fractional;
}

} // namespace

score_result compiled_standard::score(const inspection &ins) const {
  const auto &def = impl_->def;
  problem_list problems;
  if (ins.standard && *ins.standard != def.id)
    problems.add("standard",
                 "inspection is for standard \"" + *ins.standard + "\", not \"" + def.id + "\"");

  // Which response answers which item; every response must name a known item, once.
  constexpr std::size_t none = std::size_t(-1);
  std::vector<const response *> by_item(impl_->items, nullptr);
  std::vector<std::size_t> at(impl_->items, none);
  for (std::size_t k = 0; k < ins.responses.size(); ++k) {
    const auto &r = ins.responses[k];
    const auto it = impl_->index.find(r.item);
    if (it == impl_->index.end()) {
      problems.add(join_path(join_path("responses", k), "item"),
                   "no item \"" + r.item + "\" in standard \"" + def.id + "\"");
      continue;
    }
    if (by_item[it->second]) {
      problems.add(join_path(join_path("responses", k), "item"),
                   "item \"" + r.item + "\" answered twice (first at responses[" +
                       std::to_string(at[it->second]) + "])");
      continue;
    }
    by_item[it->second] = &r;
    at[it->second] = k;
  }

  // R-SCORE-3: a carry-over belongs to one project; it cannot cost another project points.
  for (std::size_t k = 0; k < ins.carry_over.size(); ++k)
    if (!ins.project || ins.carry_over[k].project != *ins.project)
      problems.add(join_path(join_path("carry_over", k), "project"),
                   "carry-over of order \"" + ins.carry_over[k].order + "\" belongs to project \"" +
                       ins.carry_over[k].project + "\"" +
                       (ins.project ? ", not to this inspection's project \"" + *ins.project + "\""
                                    : "; the inspection names no project"));

  if (ins.households) check_households(*ins.households, "households", problems); // R-CAL-15
  auto out = impl_->run(by_item, at, "responses", true, ins.carry_over, problems);
  if (ins.households) out.households = summarize_households(*ins.households);
  out.inspection = ins.id;
  out.project = ins.project;
  out.inspector = ins.inspector;
  out.date = ins.date;
  explain(out, def, ins.carry_over, language::zh); // the words, from the numbers
  return out;
}

score_result compiled_standard::impl::run(const std::vector<const response *> &by_item,
                                          const std::vector<std::size_t> &at, const char *base,
                                          bool explain, const std::vector<carry_over> &carried,
                                          problem_list &problems) const {
  score_result out;
  out.standard = def.id;
  out.standard_version = def.version;
  out.full_score = target_full;
  out.sections.resize(def.sections.size());
  std::vector<std::pair<std::string, points>> vetoes; // item id, cap (0 for zero)
  bool critical = false;                              // the standard has a critical section
  fraction earned = 0;
  std::size_t flat = 0;
  for (std::size_t si = 0; si < def.sections.size(); ++si) {
    const auto &sec = def.sections[si];
    auto &sr = out.sections[si];
    sr.id = sec.id;
    if (explain) sr.title = sec.title;
    sr.weight = sec.weight;
    sr.critical_min = sec.critical_min;
    sr.items.resize(sec.items.size());
    points whole; // the items' scores that are whole thousandths, summed in int64
    fraction rest = 0;
    bool any_rest = false;
    for (std::size_t ii = 0; ii < sec.items.size(); ++ii, ++flat) {
      auto &ir = sr.items[ii];
      if (score_item(def, sec.items[ii], by_item[flat], where{base, at[flat]}, explain, ir,
                     problems)) {
        rest += ir.exact;
        any_rest = true;
      } else {
        whole += ir.score;
      }
      sr.max_score += ir.max_score;
      out.findings += static_cast<std::uint32_t>(ir.findings.size());
      if (ir.vetoed) {
        out.vetoes.push_back(sec.items[ii].id);
        vetoes.emplace_back(sec.items[ii].id, sec.items[ii].veto_effect == veto_effect::cap
                                                  ? *sec.items[ii].veto_cap
                                                  : points{});
      }
    }
    sr.exact = any_rest ? whole.value() + rest : whole.value();
    sr.score = any_rest ? to_points(sr.exact) : whole;
    // A critical section's minimum is stated against its basis (its full maximum, or the
    // company section's for a derived standard); scaled, it moves with the applicable
    // maximum: failed when score × basis < min × applicable. Absolute: score < min.
    if (sec.critical_min) {
      critical = true;
      if (sr.max_score > points{}) {
        sr.failed_critical = scaled ? sr.exact * threshold_basis(sec).value() <
                                          sec.critical_min->value() * sr.max_score.value()
                                    : sr.exact < sec.critical_min->value();
        if (sr.failed_critical) out.failed_sections.push_back(sec.id);
      }
    }
    out.max_score += sr.max_score;
    earned += sr.exact;
  }
  out.earned = to_points(earned);
  problems.throw_if_any();

  if (out.max_score == points{} && vetoes.empty()) {
    out.status = score_status::no_data; // nothing applicable was scored
    return out;
  }

  const fraction full = target_full.value();
  const auto shown = [](const fraction &v) { return to_points(v); };
  fraction total = earned;
  if (out.max_score == points{}) {
    total = full; // nothing applicable but a veto: the veto alone decides (below)
  } else if (def.weight_total) {
    // Σ weight × section score ÷ section maximum over the applicable sections, re-based to
    // the full score when some sections (and their weights) do not apply.
    fraction weighted = 0, applicable_weight = 0;
    for (const auto &sr : out.sections)
      if (sr.max_score > points{} && sr.weight) {
        weighted += sr.weight->value() * sr.exact / sr.max_score.value();
        applicable_weight += sr.weight->value();
      }
    total = weighted * full / applicable_weight;
    out.adjustments.push_back(
        {adjustment_kind::weights, out.earned, shown(total), std::nullopt, {}});
  } else if (out.max_score != target_full) {
    total = earned * full / out.max_score.value();
    out.adjustments.push_back(
        {adjustment_kind::rebase, out.earned, shown(total), std::nullopt, {}});
  }

  // R-SCORE-3: carried-over deductions from earlier rectifications, never below 0.
  for (const auto &c : carried) {
    const points before = shown(total);
    total = total > c.points.value() ? total - c.points.value() : fraction(0);
    out.adjustments.push_back({adjustment_kind::carry_over, before, shown(total), c.order, {}});
  }

  // Vetoes (一票否决) come last: they bound whatever the rest gave. A cap is stated against
  // the threshold basis and scales with the full score like the pass mark.
  for (const auto &[id, cap] : vetoes) {
    const points before = shown(total);
    const fraction limit = scaled ? cap.value() * full / basis.value() : cap.value();
    if (limit < total) total = limit;
    out.adjustments.push_back({adjustment_kind::veto, before, shown(total), id, {}});
  }

  out.exact = total;
  out.score = to_points(round_half_up(total, int(def.decimals))); // the one rounding, for display
  if (def.pass_mark)
    out.pass_mark = scaled ? def.pass_mark->value() * full / basis.value() : def.pass_mark->value();
  if (def.pass_mark || critical || !out.vetoes.empty())
    out.passed = out.failed_sections.empty() && out.vetoes.empty() &&
                 (!out.pass_mark || total >= *out.pass_mark);
  return out;
}

std::vector<score_result> compiled_standard::score(const std::vector<inspection> &batch) const {
  std::vector<score_result> out;
  out.reserve(batch.size());
  std::vector<problem> all;
  for (std::size_t k = 0; k < batch.size(); ++k) {
    try {
      out.push_back(score(batch[k]));
    } catch (const error &e) {
      for (const auto &p : e.problems())
        all.push_back({join_path("", k) + (p.path.empty() ? "" : "." + p.path), p.message});
    }
  }
  if (!all.empty()) throw error(errc::invalid_input, std::move(all));
  return out;
}

std::size_t compiled_standard::item_count() const { return impl_->index.size(); }

std::optional<points> compiled_standard::score_values(std::span<const std::int64_t> values) const {
  const auto &def = impl_->def;
  if (values.size() != impl_->items)
    throw error(errc::invalid_input, "values",
                "expected " + std::to_string(impl_->items) + " values (one per item), got " +
                    std::to_string(values.size()));
  // Positional responses, scored by the same rules as the JSON path, without the text.
  std::vector<response> responses(values.size());
  std::vector<const response *> by_item(values.size(), nullptr);
  std::vector<std::size_t> at(values.size());
  problem_list problems;
  std::size_t k = 0;
  for (const auto &sec : def.sections)
    for (const auto &it : sec.items) {
      const std::int64_t v = values[k];
      at[k] = k;
      response &r = responses[k];
      const where w{"values", k++};
      if (v == no_response) continue;
      by_item[w.index] = &r;
      if (v == not_applicable) {
        r.not_applicable = true;
        continue;
      }
      if (v < 0) {
        problems.add(w.path(),
                     "must be -1 (no response), -2 (not applicable) or a value ≥ 0, got " +
                         std::to_string(v));
        by_item[w.index] = nullptr;
        continue;
      }
      switch (it.kind) {
      case item_kind::deduct:
        if (v > std::int64_t(UINT32_MAX)) problems.add(w.path(), "too many defects");
        r.defects = static_cast<std::uint32_t>(std::min<std::int64_t>(v, UINT32_MAX));
        break;
      case item_kind::pass_fail:
      case item_kind::veto:
        if (v > 1)
          problems.add(w.path(), "a pass_fail or veto item takes 1 (passed) or 0 (failed)");
        r.passed = v == 1;
        break;
      case item_kind::three_level:
        if (v > 2)
          problems.add(w.path(), "a three_level item takes 0 (meets), 1 (basically) or 2 (fails)");
        r.level = static_cast<level>(std::min<std::int64_t>(v, 2));
        break;
      case item_kind::graded:
        r.score = points::from_milli(v);
        break;
      case item_kind::not_applicable:
        break;
      }
    }
  problems.throw_if_any();
  static const std::vector<carry_over> none;
  return impl_->run(by_item, at, "values", false, none, problems).score;
}

score_result score(const standard &s, const inspection &i) { return compiled_standard(s).score(i); }

json to_json(const score_result &r) { return to_json_value(r); }

} // namespace pmq
