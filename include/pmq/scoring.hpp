// Scoring: an inspection against a standard → item, section and total scores.
//
// Every point is explained: each item result says how its score came about (defects ×
// deduction, capped at the item's maximum; a three-level judgement; a grade; a veto —
// R-STD-5), and lists the findings behind it (R-STD-4); each step from the sum of the items
// to the final score (weights, re-basing after not-applicable items, carry-over deductions
// of R-SCORE-3, vetoes) is an adjustment with its own explanation. Arithmetic is exact
// (big-integer fractions), so fifty 0.1-point deductions from 100 land exactly on 95 and a
// weighted standard with 3-decimal maxima cannot overflow; pass/fail is decided on the
// exact value, and the one rounding, for display, is half up to the standard's decimals.
#pragma once

#include "pmq/inspection.hpp"
#include "pmq/standard.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace pmq {

struct item_result {
  std::string id;
  std::string title;
  item_kind kind = item_kind::deduct;
  bool applicable = true;
  points max_score; ///< 0 when not applicable (policy rebase) and for veto items
  points score;     ///< 0 ≤ score ≤ max_score; shown to 1/1000 point (see exact)
  fraction exact;   ///< the exact score ("333/2000" for 0.1665): sums use this, never rounded
  points deducted;  ///< max_score − score
  std::uint32_t defects = 0;
  std::optional<pmq::level> level; ///< three_level items, when judged
  bool vetoed = false;             ///< a veto item that was triggered
  std::string explanation;         ///< e.g. "3 defects × 0.5 = 1.5 deducted"
  std::vector<finding> findings;
};
BOOST_DESCRIBE_STRUCT(item_result, (),
                      (id, title, kind, applicable, max_score, score, exact, deducted, defects,
                       level, vetoed, explanation, findings))

struct section_result {
  std::string id;
  std::string title;
  points max_score; ///< sum of the applicable items' maxima
  points score;     ///< sum of the items' scores, shown to 1/1000 point
  fraction exact;   ///< sum of the items' exact scores
  std::optional<points> weight;
  std::optional<points> critical_min; ///< as the standard states it
  bool failed_critical = false;       ///< a critical section below its minimum (R-STD-5 model)
  std::vector<item_result> items;
};
BOOST_DESCRIBE_STRUCT(section_result, (),
                      (id, title, max_score, score, exact, weight, critical_min, failed_critical,
                       items))

/// A step from the sum of item scores to the final score, in the order applied. before and
/// after are shown to 1/1000 point; the steps themselves are exact.
BOOST_DEFINE_ENUM_CLASS(adjustment_kind, weights, rebase, carry_over, veto)
struct adjustment {
  adjustment_kind kind = adjustment_kind::rebase;
  points before;
  points after;
  std::optional<std::string> source; ///< the carry-over's order, the veto item's id
  std::string explanation;
};
BOOST_DESCRIBE_STRUCT(adjustment, (), (kind, before, after, source, explanation))

BOOST_DEFINE_ENUM_CLASS(score_status, scored, no_data)

struct score_result {
  std::string standard;
  std::string standard_version;
  std::string inspection;
  std::optional<std::string> project;
  std::optional<std::string> inspector;
  std::optional<pmq::date> date;
  /// `no_data` when nothing applicable was scored (every item not applicable): then `score`
  /// and `passed` are absent — never a division by zero, never 0 or 100.
  score_status status = score_status::scored;
  points full_score; ///< what the final score is out of (rebase_to, weight_total or total)
  points max_score;  ///< the applicable maximum of the items
  points earned;     ///< the sum of the item scores, shown to 1/1000 point
  /// The final score, exact: earned, re-based or weighted, less carry-over deductions
  /// (never below 0), then vetoes. Every decision (passed, bands) is taken on it.
  std::optional<fraction> exact;
  /// The final score shown: exact rounded once, half up, to the standard's decimals.
  std::optional<points> score;
  /// The pass mark this inspection was held to, exact: the standard's, scaled to what is
  /// scored when thresholds are scaled (90 of 100 is 86.4 of a derived 96).
  std::optional<fraction> pass_mark;
  /// Present when the standard has a pass mark or a critical section, or a veto triggered:
  /// exact ≥ pass mark, no critical section below its minimum, no veto.
  std::optional<bool> passed;
  std::vector<std::string> failed_sections; ///< critical sections below their minimum
  std::vector<std::string> vetoes;          ///< triggered veto items
  std::uint32_t findings = 0;
  std::vector<adjustment> adjustments;
  std::vector<section_result> sections;
  /// R-CAL-15: the visited households' figures, when the inspection gave households.
  std::optional<household_summary> households;
  static constexpr std::array<std::string_view, 3> json_defaulted{"failed_sections", "vetoes",
                                                                  "adjustments"};
};
BOOST_DESCRIBE_STRUCT(score_result, (),
                      (standard, standard_version, inspection, project, inspector, date, status,
                       full_score, max_score, earned, exact, score, pass_mark, passed,
                       failed_sections, vetoes, findings, adjustments, sections, households))

/// A score result's short form, for batches and dashboards: what was decided, without the
/// items, sections and explanations (so none is built).
struct score_summary {
  std::string inspection;
  score_status status = score_status::scored;
  std::optional<points> score;   ///< as score_result::score
  std::optional<fraction> exact; ///< as score_result::exact
  std::optional<bool> passed;    ///< as score_result::passed
  std::vector<std::string> vetoes;
  std::vector<std::string> failed_sections;
  static constexpr std::array<std::string_view, 2> json_defaulted{"vetoes", "failed_sections"};
};
BOOST_DESCRIBE_STRUCT(score_summary, (),
                      (inspection, status, score, exact, passed, vetoes, failed_sections))

/// How much of a result the JSON forms write: all of it, or the summary.
BOOST_DEFINE_ENUM_CLASS(result_form, explained, summary)

/// A standard validated and indexed once, to score many inspections. Immutable, so one
/// instance may be shared by many threads.
class compiled_standard {
public:
  explicit compiled_standard(standard s);
  /// Reads, validates (once) and compiles a standard's JSON text (as load_standard reads it).
  static compiled_standard load(std::string_view json_text);
  ~compiled_standard();
  compiled_standard(compiled_standard &&) noexcept;
  compiled_standard &operator=(compiled_standard &&) noexcept;

  const pmq::standard &definition() const;

  /// Scores one inspection. Throws pmq::error(errc::invalid_input) listing every problem
  /// (unknown items, responses of the wrong kind, a standard id that does not match).
  score_result score(const inspection &i) const;

  /// The same decisions as score(i), in short: no item or section results, no explanation
  /// built. Throws what score(i) throws.
  score_summary summarize(const inspection &i) const;

  /// Scores many inspections; problems are reported under `[k]` for the k-th inspection.
  std::vector<score_result> score(const std::vector<inspection> &batch) const;

  /// Reads an inspection (JSON text) to be scored against this standard, reporting every
  /// problem in one pass: what could not be read (types, fields), the inspection's own
  /// problems and, when anything is wrong, what scoring what was read finds (an unknown item
  /// beside a wrong type elsewhere), each with its path — a problem inside an object that
  /// could not be read is left out (its values are defaults). What is returned still has to
  /// be scored: score(read_inspection(text)) costs what score(load_inspection(text)) does.
  inspection read_inspection(std::string_view json_text) const;
  inspection read_inspection(const json &value) const;
  inspection read_inspection(const char *json_text) const {
    return read_inspection(std::string_view(json_text));
  }
  inspection read_inspection(const std::string &json_text) const {
    return read_inspection(std::string_view(json_text));
  }
  /// The same for a JSON array of inspections, each inspection's problems under `[k]`.
  std::vector<inspection> read_inspections(std::string_view json_text) const;

  /// The number of items, over all sections in order (the typed path's value count).
  std::size_t item_count() const;

  /// Typed path, for rescoring histories without JSON: one value per item in order —
  /// no_response, not_applicable, or per kind: defects (deduct), 1/0 passed (pass_fail,
  /// veto), 0/1/2 meets/basically/fails (three_level), score in 1/1000 points (graded).
  /// Returns the final score as score() would, or an empty optional for no data. Problems
  /// name the index: `values[3]`.
  static constexpr std::int64_t no_response = -1;
  static constexpr std::int64_t not_applicable = -2;
  /// One pass over a table compiled with the standard, without allocating; a value out of
  /// range is reported exactly as the explaining path reports it.
  std::optional<points> score_values(std::span<const std::int64_t> values) const;

  /// Typed batch: `values` holds one row of item_count() values per inspection, row after
  /// row; writes each inspection's final score in 1/1000 points (no_data when nothing
  /// applicable was scored) to out_milli, which has one element per inspection. Problems
  /// name the row: `[3].values[2]`; every row is checked.
  static constexpr std::int64_t no_data = INT64_MIN;
  void score_values(std::span<const std::int64_t> values, std::span<std::int64_t> out_milli) const;

private:
  struct impl;
  std::unique_ptr<impl> impl_;
  struct validated {};
  compiled_standard(standard s, validated);
};

/// One-shot convenience: validate, then score.
score_result score(const standard &s, const inspection &i);

json to_json(const score_result &r);
json to_json(const score_summary &r);
/// The summary of a full result (what compiled_standard::summarize gives).
score_summary summary_of(const score_result &r);

/// Scores a JSON array of inspections one at a time — only one inspection's document is in
/// memory at once — and hands the results' JSON array, piece by piece, to `append`: the
/// text of to_json_value(c.score(load_inspections(text))).dump(). On a problem it throws
/// what that would throw (after having appended part of the array: discard it).
/// With result_form::summary each result is its score_summary.
void score_json_batch(const compiled_standard &c, std::string_view inspections_json,
                      const std::function<void(std::string_view)> &append,
                      result_form form = result_form::explained);

} // namespace pmq
