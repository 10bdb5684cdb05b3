#include "pmq/scoring.hpp"

#include <unordered_map>

namespace pmq {

struct compiled_standard::impl {
  standard def;
  points full;
  // item id → (section index, item index)
  std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> index;
};

compiled_standard::compiled_standard(standard s) : impl_(std::make_unique<impl>()) {
  validate(s);
  impl_->def = std::move(s);
  for (std::size_t si = 0; si < impl_->def.sections.size(); ++si) {
    const auto& sec = impl_->def.sections[si];
    impl_->full += items_total(sec);
    for (std::size_t ii = 0; ii < sec.items.size(); ++ii) impl_->index.emplace(sec.items[ii].id, std::pair{si, ii});
  }
}

compiled_standard::~compiled_standard() = default;
compiled_standard::compiled_standard(compiled_standard&&) noexcept = default;
compiled_standard& compiled_standard::operator=(compiled_standard&&) noexcept = default;

const standard& compiled_standard::definition() const { return impl_->def; }

namespace {

// defects × per-defect deduction exceeds the item's maximum exactly when defects is more
// than max ÷ per (integer division); testing that first keeps huge counts from overflowing.
bool exceeds_max(std::uint32_t defects, points per_defect, points max) {
  return std::int64_t(defects) > max.milli() / per_defect.milli();
}

void score_item(const item& it, const response* r, const std::string& rp, item_result& out,
                problem_list& problems) {
  out.id = it.id;
  out.title = it.title;
  out.kind = it.kind;
  out.max_score = it.max_score;
  out.score = it.max_score;
  if (r) out.findings = r->findings;
  if (it.kind == item_kind::not_applicable || (r && r->not_applicable)) {
    if (r && (r->defects || r->passed || !r->findings.empty()))
      problems.add(rp, "a response marked not_applicable cannot record defects, passed or findings");
    out.applicable = false;
    out.max_score = out.score = points{};
    out.explanation = it.kind == item_kind::not_applicable
                          ? "not applicable in this standard: removed from the maximum"
                          : "not applicable: removed from the maximum";
    return;
  }
  switch (it.kind) {
  case item_kind::deduct: {
    if (r && r->passed) problems.add(join_path(rp, "passed"), "item \"" + it.id + "\" is a deduct item: give defects or findings, not passed");
    const std::size_t recorded = r ? r->findings.size() : 0;
    if (r && r->defects && *r->defects < recorded)
      problems.add(join_path(rp, "defects"), std::to_string(*r->defects) + " defects but " + std::to_string(recorded) + " findings recorded");
    out.defects = r && r->defects ? *r->defects : static_cast<std::uint32_t>(recorded);
    const points per = *it.deduction;
    const bool capped = exceeds_max(out.defects, per, it.max_score); // 扣完为止, R-STD-5
    const points ded = capped ? it.max_score : per * out.defects;
    out.score = it.max_score - ded;
    if (out.defects == 0)
      out.explanation = "no defects found";
    else if (capped)
      out.explanation = std::to_string(out.defects) + " defects × " + per.to_string() +
                        ", capped at the item's " + it.max_score.to_string() + " (扣完为止)";
    else
      out.explanation = std::to_string(out.defects) + (out.defects == 1 ? " defect × " : " defects × ") +
                        per.to_string() + " = " + ded.to_string() + " deducted";
    break;
  }
  case item_kind::pass_fail: {
    if (r && r->defects) problems.add(join_path(rp, "defects"), "item \"" + it.id + "\" is pass_fail: give passed, not defects");
    if (!r) {
      out.explanation = "no findings: passed";
      break;
    }
    if (!r->passed) {
      problems.add(join_path(rp, "passed"), "required for pass_fail item \"" + it.id + "\"");
      break;
    }
    if (!*r->passed) out.score = points{};
    out.explanation = *r->passed ? "passed" : "failed: " + it.max_score.to_string() + " deducted";
    break;
  }
  case item_kind::not_applicable: break; // handled above
  }
  out.deducted = out.max_score - out.score;
}

} // namespace

score_result compiled_standard::score(const inspection& ins) const {
  const auto& def = impl_->def;
  problem_list problems;
  if (ins.standard && *ins.standard != def.id)
    problems.add("standard", "inspection is for standard \"" + *ins.standard + "\", not \"" + def.id + "\"");

  // Which response answers which item; every response must name a known item, once.
  std::vector<std::vector<const response*>> answer(def.sections.size());
  std::vector<std::vector<std::size_t>> answer_at(def.sections.size());
  for (std::size_t si = 0; si < def.sections.size(); ++si) {
    answer[si].assign(def.sections[si].items.size(), nullptr);
    answer_at[si].assign(def.sections[si].items.size(), 0);
  }
  for (std::size_t k = 0; k < ins.responses.size(); ++k) {
    const auto& r = ins.responses[k];
    const auto rp = join_path("responses", k);
    const auto it = impl_->index.find(r.item);
    if (it == impl_->index.end()) {
      problems.add(join_path(rp, "item"), "no item \"" + r.item + "\" in standard \"" + def.id + "\"");
      continue;
    }
    auto& slot = answer[it->second.first][it->second.second];
    if (slot) {
      problems.add(join_path(rp, "item"), "item \"" + r.item + "\" answered twice (first at responses[" +
                                              std::to_string(answer_at[it->second.first][it->second.second]) + "])");
      continue;
    }
    slot = &r;
    answer_at[it->second.first][it->second.second] = k;
  }

  score_result out;
  out.standard = def.id;
  out.standard_version = def.version;
  out.inspection = ins.id;
  out.project = ins.project;
  out.inspector = ins.inspector;
  out.date = ins.date;
  out.full_score = impl_->full;
  out.sections.resize(def.sections.size());
  for (std::size_t si = 0; si < def.sections.size(); ++si) {
    const auto& sec = def.sections[si];
    auto& sr = out.sections[si];
    sr.id = sec.id;
    sr.title = sec.title;
    sr.items.resize(sec.items.size());
    for (std::size_t ii = 0; ii < sec.items.size(); ++ii) {
      const response* r = answer[si][ii];
      score_item(sec.items[ii], r, r ? join_path("responses", answer_at[si][ii]) : std::string(),
                 sr.items[ii], problems);
      sr.max_score += sr.items[ii].max_score;
      sr.score += sr.items[ii].score;
      out.findings += static_cast<std::uint32_t>(sr.items[ii].findings.size());
    }
    out.max_score += sr.max_score;
    out.score += sr.score;
  }
  problems.throw_if_any();
  return out;
}

std::vector<score_result> compiled_standard::score(const std::vector<inspection>& batch) const {
  std::vector<score_result> out;
  out.reserve(batch.size());
  std::vector<problem> all;
  for (std::size_t k = 0; k < batch.size(); ++k) {
    try {
      out.push_back(score(batch[k]));
    } catch (const error& e) {
      for (const auto& p : e.problems())
        all.push_back({join_path("", k) + (p.path.empty() ? "" : "." + p.path), p.message});
    }
  }
  if (!all.empty()) throw error(errc::invalid_input, std::move(all));
  return out;
}

score_result score(const standard& s, const inspection& i) { return compiled_standard(s).score(i); }

json to_json(const score_result& r) { return to_json_value(r); }

} // namespace pmq
