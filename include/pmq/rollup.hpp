// Roll-ups: inspectors' scores → project → branch → company (R-SCORE-1, R-SCORE-2).
//
// R-SCORE-1: a project's score is the mean of its inspectors' scores. R-SCORE-2: a branch
// with one project takes that project's score; with two or more, the mean of its projects'
// scores. The company roll-up is the mean of the branch scores (pmq's choice; the manuals
// name none), beside the mean over all projects. Means are exact fractions (big integers:
// no roll-up overflows, whatever its size) all the way up; rounding happens once, when a
// level is shown, half up to the declared places (default 2). When the request names a band
// table, every level's band is decided on its exact mean: 26999/300 (89.9967, shown as 90)
// is below an edge of 90. R-SCORE-3: a project's carry-over deductions are taken once from
// its mean. Every result carries how many inputs it came from; a level with no inputs is
// "no data", never 0.
#pragma once

#include "pmq/bands.hpp"
#include "pmq/inspection.hpp"
#include "pmq/json.hpp"
#include "pmq/numeric.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pmq {

struct project_scores {
  std::string id;
  /// One per inspector (R-SCORE-1), exact: JSON numbers or strings ("26999/300").
  std::vector<fraction> scores;
  /// R-SCORE-3: deductions carried into this assessment; each must name this project.
  std::vector<pmq::carry_over> carry_over;
  static constexpr std::array<std::string_view, 1> json_defaulted{"carry_over"};
};
BOOST_DESCRIBE_STRUCT(project_scores, (), (id, scores, carry_over))

struct branch_scores {
  std::string id;
  std::vector<project_scores> projects;
};
BOOST_DESCRIBE_STRUCT(branch_scores, (), (id, projects))

struct rollup_input {
  std::vector<branch_scores> branches;
  std::uint32_t decimals = 2; ///< places each shown score is rounded to (0..3)
  /// Band each level's exact mean: in JSON a built-in table's id ("pay_adjustment") or a
  /// band table object.
  std::optional<band_table> bands;
  static constexpr std::array<std::string_view, 1> json_defaulted{"decimals"};
};
BOOST_DESCRIBE_STRUCT(rollup_input, (), (branches, decimals, bands))

/// A mean with its provenance.
struct mean_score {
  std::optional<points> score;   ///< rounded half up to the declared places; absent: no data
  std::optional<fraction> exact; ///< the exact mean as a fraction, e.g. "283/3"
  std::uint32_t inputs = 0;      ///< how many scores (or projects, branches) it came from
  std::optional<pmq::band> band; ///< when the request names bands: decided on `exact`
};
BOOST_DESCRIBE_STRUCT(mean_score, (), (score, exact, inputs, band))

struct project_rollup {
  std::string id;
  mean_score result; ///< the inspectors' mean less the carry-overs (never below 0)
  /// R-SCORE-3: the carry-overs taken from this project's mean, and the mean before them.
  std::vector<pmq::carry_over> carry_over;
  std::optional<fraction> before_carry_over;
  static constexpr std::array<std::string_view, 2> json_defaulted{"carry_over",
                                                                  "before_carry_over"};
};
BOOST_DESCRIBE_STRUCT(project_rollup, (), (id, result, carry_over, before_carry_over))

struct branch_rollup {
  std::string id;
  mean_score result;
  std::vector<project_rollup> projects;
};
BOOST_DESCRIBE_STRUCT(branch_rollup, (), (id, result, projects))

struct rollup_result {
  mean_score company;      ///< mean of the branch scores
  mean_score all_projects; ///< mean over every project with data
  std::vector<branch_rollup> branches;
};
BOOST_DESCRIBE_STRUCT(rollup_result, (), (company, all_projects, branches))

/// The exact mean of some values; empty optional for none (no data).
std::optional<fraction> mean(const std::vector<fraction> &values);

/// R-SCORE-1: the project's score from its inspectors' scores.
mean_score project_score(const std::vector<fraction> &inspector_scores, std::uint32_t decimals = 2);
mean_score project_score(const std::vector<points> &inspector_scores, std::uint32_t decimals = 2);

/// The whole roll-up (R-SCORE-1, R-SCORE-2, R-SCORE-3). Throws pmq::error for scores
/// outside 0..1000000, duplicate ids, decimals outside 0..3, a carry-over of another
/// project, or an unknown built-in band table, naming the path.
rollup_result roll_up(const rollup_input &input);
rollup_result roll_up(std::string_view json_text);
rollup_input rollup_input_from_json(const json &value);

json to_json(const rollup_result &r);

} // namespace pmq
