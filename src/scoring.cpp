#include "pmq/scoring.hpp"

#include "loading.hpp"

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

  // The typed path's table: one flat row per item, in order, in working units `unit` per
  // 1/1000 point (1; 1000 when a three-level ratio makes item scores thousandths of that).
  // Deduct, pass_fail and plain graded items are linear: score = max(0, a + value × b) for
  // 0 ≤ value ≤ limit; the others (`linear` false) take the slower switch.
  struct flat_item {
    std::int64_t a = 0, b = 0;
    std::uint64_t limit = 0; ///< the largest valid value (negative values are above it)
    std::int64_t max = 0;    ///< max_score, in working units
    std::int64_t na_max = 0; ///< the maximum when not applicable: max (count_as_zero) or 0
    item_kind kind = item_kind::deduct;
    bool linear = false;
    std::int64_t step = 0;     ///< graded: the step, in 1/1000 points (0: none)
    std::int64_t level[3]{};   ///< three_level: the score per level, in working units
    std::int64_t veto_cap = 0; ///< veto items: the cap in 1/1000 points (0: zero)
  };
  std::vector<flat_item> flat;
  std::vector<std::size_t> section_end;     ///< one past each section's last row in `flat`
  std::vector<std::int64_t> section_weight; ///< weighted standards: each section's (-1: none)
  std::int64_t unit = 1;
  bool fast = false; ///< the table's sums fit int64 with room (else: the explaining path)
  bool weighted = false;
  bool na_forbidden = false;

  void compile_flat();
  // The typed path without allocation: false when a value is out of range or an
  // intermediate would not fit (then the explaining path decides, and reports).
  bool fast_values(const std::int64_t *values, std::optional<points> &out) const;
  bool other_value(const flat_item &f, std::int64_t val, std::int64_t &e, std::int64_t &m,
                   std::int64_t &min_cap) const;
  std::optional<points> explained_values(std::span<const std::int64_t> values) const;

  score_result score(const inspection &ins, bool explain) const;
  score_result run(const std::vector<const response *> &by_item, const std::vector<std::size_t> &at,
                   const char *base, bool explain, const std::vector<carry_over> &carried,
                   problem_list &problems) const;
};

compiled_standard::compiled_standard(standard s)
    : compiled_standard((validate(s), std::move(s)), validated{}) {}

compiled_standard compiled_standard::load(std::string_view json_text) {
  return compiled_standard(load_standard(json_text), validated{}); // load_standard validates
}

compiled_standard::compiled_standard(standard s, validated) : impl_(std::make_unique<impl>()) {
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
  impl_->compile_flat();
}

void compiled_standard::impl::compile_flat() {
  weighted = def.weight_total.has_value();
  na_forbidden = def.not_applicable == na_policy::forbidden;
  for (const auto &sec : def.sections)
    for (const auto &it : sec.items)
      if (it.kind == item_kind::three_level) unit = 1000;
  flat.reserve(items);
  for (const auto &sec : def.sections) {
    for (const auto &it : sec.items) {
      flat_item f;
      f.kind = it.kind;
      const std::int64_t m = it.max_score.milli();
      f.max = m * unit;
      f.na_max = def.not_applicable == na_policy::count_as_zero ? f.max : 0;
      switch (it.kind) {
      case item_kind::deduct: // m − defects × per, never below 0 (扣完为止)
        f.linear = true;
        f.a = m * unit;
        f.b = -it.deduction->milli() * unit;
        // In 1/1000 points defects × per ≤ 2^32 × 10^9 cannot overflow; in finer units the
        // linear form stops at the cap, and more defects (a score of 0) take the switch.
        f.limit = unit == 1 ? UINT32_MAX : std::uint64_t(m / it.deduction->milli());
        break;
      case item_kind::pass_fail:
        f.linear = true;
        f.b = m * unit;
        f.limit = 1;
        break;
      case item_kind::graded:
        f.linear = !it.step;
        f.b = unit;
        f.limit = std::uint64_t(m);
        f.step = it.step ? it.step->milli() : 0;
        break;
      case item_kind::three_level:
        f.limit = 2;
        f.level[0] = m * def.three_level.meets.milli();
        f.level[1] = m * def.three_level.basically_meets.milli();
        f.level[2] = m * def.three_level.fails.milli();
        break;
      case item_kind::veto:
        f.limit = 1;
        f.veto_cap = it.veto_effect == veto_effect::cap ? it.veto_cap->milli() : 0;
        break;
      case item_kind::not_applicable:
        f.limit = UINT64_MAX >> 1; // any value ≥ 0
        break;
      }
      flat.push_back(f);
    }
    section_end.push_back(flat.size());
    section_weight.push_back(sec.weight ? sec.weight->milli() : -1);
  }
  // Every maximum is at most 1,000,000 points; with sums of at most 10^9 points the sums in
  // working units stay below 10^15 and every product of two below 2^127.
  constexpr std::int64_t room = 1'000'000'000'000; // 10^9 points, in 1/1000 points
  fast = full.milli() <= room && target_full.milli() <= room && basis.milli() <= room;
  for (const auto &f : flat)
    fast = fast && f.veto_cap <= room;
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
  return impl_->score(ins, true);
}

score_summary compiled_standard::summarize(const inspection &ins) const {
  return summary_of(impl_->score(ins, false));
}

score_summary summary_of(const score_result &r) {
  return {r.inspection, r.status, r.score, r.exact, r.passed, r.vetoes, r.failed_sections};
}

score_result compiled_standard::impl::score(const inspection &ins, bool explaining) const {
  problem_list problems;
  if (ins.standard && *ins.standard != def.id)
    problems.add("standard",
                 "inspection is for standard \"" + *ins.standard + "\", not \"" + def.id + "\"");

  // Which response answers which item; every response must name a known item, once.
  constexpr std::size_t none = std::size_t(-1);
  std::vector<const response *> by_item(items, nullptr);
  std::vector<std::size_t> at(items, none);
  for (std::size_t k = 0; k < ins.responses.size(); ++k) {
    const auto &r = ins.responses[k];
    const auto it = index.find(r.item);
    if (it == index.end()) {
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
  auto out = run(by_item, at, "responses", explaining, ins.carry_over, problems);
  if (ins.households) out.households = summarize_households(*ins.households);
  out.inspection = ins.id;
  out.project = ins.project;
  out.inspector = ins.inspector;
  out.date = ins.date;
  if (explaining)
    pmq::explain(out, def, ins.carry_over, language::zh); // the words, from the numbers
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

namespace {
// Reads a T (an inspection, or an array of them) in one pass: reading problems, the
// inspections' own problems and, only when something is wrong, what scoring what was read
// says, merged (src/loading.hpp). On success nothing is scored here.
template <class T, class Own, class Score>
T read_in_one_pass(const json &value, Own own, Score score) {
  T out{};
  problem_list reading;
  json_io::read(value, out, std::string(), reading);
  problem_list mine;
  own(out, mine);
  if (reading.empty() && mine.empty()) return out;
  auto checking = mine.items();
  try {
    score(out);
  } catch (const error &e) {
    if (e.code() == errc::invalid_input)
      checking.insert(checking.end(), e.problems().begin(), e.problems().end());
  } catch (const std::exception &) {
    // Defaults scoring was not written for: the other problems say what is wrong.
  }
  throw error(errc::invalid_input, merge_problems(reading.items(), std::move(checking)));
}
} // namespace

inspection compiled_standard::read_inspection(std::string_view json_text) const {
  return read_inspection(parse_json(json_text));
}

inspection compiled_standard::read_inspection(const json &value) const {
  return read_in_one_pass<inspection>(
      value, [](const inspection &i, problem_list &p) { check_inspection(i, "", p); },
      [&](const inspection &i) { (void)score(i); });
}

std::vector<inspection> compiled_standard::read_inspections(std::string_view json_text) const {
  return read_in_one_pass<std::vector<inspection>>(
      parse_json(json_text),
      [](const std::vector<inspection> &all, problem_list &p) {
        for (std::size_t k = 0; k < all.size(); ++k)
          check_inspection(all[k], join_path("", k), p);
      },
      [&](const std::vector<inspection> &all) { (void)score(all); });
}

std::size_t compiled_standard::item_count() const { return impl_->index.size(); }

namespace {
__extension__ typedef __int128 wide; // products of two 10^18-bounded values

constexpr std::int64_t pow10(unsigned n) {
  std::int64_t p = 1;
  while (n--)
    p *= 10;
  return p;
}

// n / d points (n ≥ 0, d > 0) rounded half up to `decimals` places, in 1/1000 points, as
// to_points(round_half_up(n / d, decimals)) gives it; false when a product would not fit.
bool round_shown(wide n, wide d, unsigned decimals, std::int64_t &milli) {
  constexpr wide small = wide(1) << 59; // n × 10^3 and d fit int64: divide in 64 bits
  if (n < small && d < small && n * 1000 < small) {
    const std::int64_t q = std::int64_t(n) * pow10(decimals), dd = std::int64_t(d);
    std::int64_t r = q / dd;
    if (2 * (q - r * dd) >= dd) ++r;
    milli = r * pow10(3 - decimals);
    return true;
  }
  wide q;
  if (__builtin_mul_overflow(n, wide(pow10(decimals)), &q)) return false;
  wide r = q / d;
  if (2 * (q % d) >= d) ++r;
  r *= pow10(3 - decimals);
  if (r > INT64_MAX) return false;
  milli = std::int64_t(r);
  return true;
}
} // namespace

// One item's value that the linear formula does not cover: no response, not applicable,
// three-level, graded with a step, veto, a not-applicable item; false for a bad value.
bool compiled_standard::impl::other_value(const flat_item &f, std::int64_t val, std::int64_t &e,
                                          std::int64_t &m, std::int64_t &min_cap) const {
  m = f.max;
  if (val == compiled_standard::no_response) {
    if (f.kind == item_kind::not_applicable) {
      e = 0;
      m = f.na_max;
    } else {
      e = f.max;
    }
    return true;
  }
  if (val == compiled_standard::not_applicable) {
    if (na_forbidden) return false;
    e = 0;
    m = f.na_max;
    return true;
  }
  if (f.kind == item_kind::deduct && val >= 0 && val <= std::int64_t(UINT32_MAX)) {
    e = 0; // more defects than the item's maximum allows: capped (扣完为止)
    return true;
  }
  if (val < 0 || std::uint64_t(val) > f.limit) return false;
  switch (f.kind) {
  case item_kind::three_level:
    e = f.level[val];
    return true;
  case item_kind::graded:
    if (f.step && val % f.step != 0) return false;
    e = val * unit;
    return true;
  case item_kind::veto:
    e = 0;
    if (val == 0 && (min_cap < 0 || f.veto_cap < min_cap)) min_cap = f.veto_cap;
    return true;
  case item_kind::not_applicable:
    e = 0;
    m = f.na_max;
    return true;
  default:
    return false;
  }
}

bool compiled_standard::impl::fast_values(const std::int64_t *v, std::optional<points> &out) const {
  if (!fast) return false;
  std::int64_t earned = 0;   // Σ item scores, in working units
  std::int64_t max = 0;      // Σ applicable maxima, in working units
  std::int64_t min_cap = -1; // the lowest cap of a triggered veto (0: zero), in 1/1000 points
  std::optional<fraction> weighted_sum, applicable_weight;
  const flat_item *f = flat.data();
  std::size_t k = 0;
  for (std::size_t s = 0; s < section_end.size(); ++s) {
    std::int64_t sec_earned = 0, sec_max = 0;
    for (const std::size_t end = section_end[s]; k < end; ++k) {
      const flat_item &it = f[k];
      const std::int64_t val = v[k];
      if (it.linear && std::uint64_t(val) <= it.limit) { // the common case, branch-free
        const std::int64_t e = it.a + val * it.b;
        sec_earned += e < 0 ? 0 : e;
        sec_max += it.max;
      } else {
        std::int64_t e = 0, m = 0;
        if (!other_value(it, val, e, m, min_cap)) return false;
        sec_earned += e;
        sec_max += m;
      }
    }
    earned += sec_earned;
    max += sec_max;
    if (weighted && sec_max > 0 && section_weight[s] >= 0) {
      if (!weighted_sum) weighted_sum.emplace(0), applicable_weight.emplace(0);
      // w × section score ÷ section maximum: the working units cancel
      *weighted_sum += fraction(section_weight[s]) * sec_earned / sec_max;
      *applicable_weight += section_weight[s];
    }
  }
  if (max == 0 && min_cap < 0) {
    out.reset(); // nothing applicable was scored
    return true;
  }
  const std::int64_t F = target_full.milli();
  std::int64_t milli = 0;
  if (weighted && max != 0) {
    // Weighted: exact fractions, as the explaining path computes them.
    if (!applicable_weight || *applicable_weight == 0) return false;
    fraction total = *weighted_sum * F / (*applicable_weight * 1000);
    if (min_cap >= 0) {
      const fraction limit = scaled ? fraction(min_cap) * F / (basis.milli() * std::int64_t(1000))
                                    : fraction(min_cap, 1000);
      if (limit < total) total = limit;
    }
    out = to_points(round_half_up(total, int(def.decimals)));
    return true;
  }
  // total = n / d points
  wide n, d;
  if (max == 0) {
    n = F, d = 1000; // nothing applicable but a veto: the veto alone decides
  } else if (max != F * unit) {
    n = wide(earned) * F, d = wide(max) * 1000; // re-based: earned × F ÷ max
  } else {
    n = earned, d = wide(unit) * 1000;
  }
  if (min_cap >= 0) {
    const wide ln = scaled ? wide(min_cap) * F : wide(min_cap);
    const wide ld = scaled ? wide(basis.milli()) * 1000 : wide(1000);
    wide x, y;
    if (__builtin_mul_overflow(ln, d, &x) || __builtin_mul_overflow(n, ld, &y)) return false;
    if (x < y) n = ln, d = ld;
  }
  if (!round_shown(n, d, def.decimals, milli)) return false;
  out = points::from_milli(milli);
  return true;
}

std::optional<points> compiled_standard::score_values(std::span<const std::int64_t> values) const {
  if (values.size() == impl_->items) {
    std::optional<points> out;
    if (impl_->fast_values(values.data(), out)) return out;
  }
  return impl_->explained_values(values);
}

void compiled_standard::score_values(std::span<const std::int64_t> values,
                                     std::span<std::int64_t> out_milli) const {
  const std::size_t n = out_milli.size(), items = impl_->items;
  if (values.size() != n * items || (items == 0 && !values.empty()))
    throw error(errc::invalid_input, "values",
                "expected " + std::to_string(n) + " × " + std::to_string(items) +
                    " values (one row of one value per item for each inspection), got " +
                    std::to_string(values.size()));
  std::vector<problem> all;
  for (std::size_t k = 0; k < n; ++k) {
    std::optional<points> r;
    const std::int64_t *row = values.data() + k * items;
    if (!impl_->fast_values(row, r)) {
      try {
        r = impl_->explained_values(std::span<const std::int64_t>(row, items));
      } catch (const error &e) {
        if (e.code() != errc::invalid_input) throw;
        for (const auto &p : e.problems())
          all.push_back({join_path("", k) + (p.path.empty() ? "" : "." + p.path), p.message});
        continue;
      }
    }
    out_milli[k] = r ? r->milli() : no_data;
  }
  if (!all.empty()) throw error(errc::invalid_input, std::move(all));
}

std::optional<points>
compiled_standard::impl::explained_values(std::span<const std::int64_t> values) const {
  if (values.size() != items)
    throw error(errc::invalid_input, "values",
                "expected " + std::to_string(items) + " values (one per item), got " +
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
  return run(by_item, at, "values", false, none, problems).score;
}

score_result score(const standard &s, const inspection &i) { return compiled_standard(s).score(i); }

json to_json(const score_result &r) { return to_json_value(r); }
json to_json(const score_summary &r) { return to_json_value(r); }

void score_json_batch(const compiled_standard &c, std::string_view text,
                      const std::function<void(std::string_view)> &append, result_form form) {
  const auto one = [&](const inspection &ins) {
    return form == result_form::summary ? to_json_text(c.summarize(ins))
                                        : to_json_text(c.score(ins));
  };
  std::vector<std::string_view> elements;
  if (!detail::split_json_array(text, elements)) {
    const auto all = c.read_inspections(text); // throws what is wrong
    json out = json::array();
    const auto results = c.score(all);
    for (const auto &r : results)
      out.push_back(form == result_form::summary ? to_json(summary_of(r)) : to_json(r));
    append(out.dump());
    return;
  }
  try {
    append("[");
    for (std::size_t k = 0; k < elements.size(); ++k) {
      if (k) append(",");
      // One level less than the whole document's limit: the array holds the element.
      append(one(inspection_from_json(parse_json(elements[k], 63))));
    }
    append("]");
  } catch (const error &) {
    // Report the problems as reading the whole document reports them (every inspection's,
    // each under its [k]); it fails wherever one element failed.
    (void)c.score(c.read_inspections(text));
    throw; // not reached: the same text read whole is refused too
  }
}

} // namespace pmq
