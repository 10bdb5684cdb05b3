// Scoring: an inspection against a standard → item, section and total scores.
//
// Every point is explained: each item result says how its score came about (defects ×
// deduction, capped at the item's maximum, R-STD-5), and lists the findings behind it
// (R-STD-4). Arithmetic is fixed-point (1/1000 point), so fifty 0.1-point deductions from
// 100 land exactly on 95. Items that are not applicable leave the maximum (R-STD-5).
#pragma once

#include "pmq/inspection.hpp"
#include "pmq/standard.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pmq {

struct item_result {
  std::string id;
  std::string title;
  item_kind kind = item_kind::deduct;
  bool applicable = true;
  points max_score;    ///< 0 when not applicable
  points score;        ///< 0 ≤ score ≤ max_score
  points deducted;     ///< max_score − score
  std::uint32_t defects = 0;
  std::string explanation; ///< e.g. "3 defects × 0.5 = 1.5 deducted"
  std::vector<finding> findings;
};
BOOST_DESCRIBE_STRUCT(item_result, (),
                      (id, title, kind, applicable, max_score, score, deducted, defects,
                       explanation, findings))

struct section_result {
  std::string id;
  std::string title;
  points max_score; ///< sum of the applicable items' maxima
  points score;
  std::vector<item_result> items;
};
BOOST_DESCRIBE_STRUCT(section_result, (), (id, title, max_score, score, items))

struct score_result {
  std::string standard;
  std::string standard_version;
  std::string inspection;
  std::optional<std::string> project;
  std::optional<std::string> inspector;
  std::optional<pmq::date> date;
  points full_score; ///< the standard's total, all items applicable
  points max_score;  ///< the applicable maximum
  points score;      ///< the sum of the sections' scores
  std::uint32_t findings = 0;
  std::vector<section_result> sections;
};
BOOST_DESCRIBE_STRUCT(score_result, (),
                      (standard, standard_version, inspection, project, inspector, date,
                       full_score, max_score, score, findings, sections))

/// A standard validated and indexed once, to score many inspections. Immutable, so one
/// instance may be shared by many threads.
class compiled_standard {
public:
  explicit compiled_standard(standard s);
  ~compiled_standard();
  compiled_standard(compiled_standard&&) noexcept;
  compiled_standard& operator=(compiled_standard&&) noexcept;

  const pmq::standard& definition() const;

  /// Scores one inspection. Throws pmq::error(errc::invalid_input) listing every problem
  /// (unknown items, responses of the wrong kind, a standard id that does not match).
  score_result score(const inspection& i) const;

  /// Scores many inspections; problems are reported under `[k]` for the k-th inspection.
  std::vector<score_result> score(const std::vector<inspection>& batch) const;

private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

/// One-shot convenience: validate, then score.
score_result score(const standard& s, const inspection& i);

json to_json(const score_result& r);

} // namespace pmq
