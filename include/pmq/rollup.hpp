// Roll-ups: inspectors' scores → project → branch → company (R-SCORE-1, R-SCORE-2).
//
// R-SCORE-1: a project's score is the mean of its inspectors' scores. R-SCORE-2: a branch
// with one project takes that project's score; with two or more, the mean of its projects'
// scores. The company roll-up is the mean of the branch scores (pmq's choice; the manuals
// name none), beside the mean over all projects. Means are exact fractions all the way up;
// rounding happens once, when a level is rendered, half up to the declared places (default
// 2). Every result carries how many inputs it came from; a level with no inputs is "no
// data", never 0.
#pragma once

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
  std::vector<points> scores; ///< one per inspector (R-SCORE-1)
};
BOOST_DESCRIBE_STRUCT(project_scores, (), (id, scores))

struct branch_scores {
  std::string id;
  std::vector<project_scores> projects;
};
BOOST_DESCRIBE_STRUCT(branch_scores, (), (id, projects))

struct rollup_input {
  std::vector<branch_scores> branches;
  std::uint32_t decimals = 2; ///< places each rendered score is rounded to (0..3)
  static constexpr std::array<std::string_view, 1> json_defaulted{"decimals"};
};
BOOST_DESCRIBE_STRUCT(rollup_input, (), (branches, decimals))

/// A mean with its provenance.
struct mean_score {
  std::optional<points> score;      ///< rounded half up to the declared places; absent: no data
  std::optional<std::string> exact; ///< the exact mean as a fraction, e.g. "283/3"
  std::uint32_t inputs = 0;         ///< how many scores (or projects, branches) it came from
};
BOOST_DESCRIBE_STRUCT(mean_score, (), (score, exact, inputs))

struct project_rollup {
  std::string id;
  mean_score result;
};
BOOST_DESCRIBE_STRUCT(project_rollup, (), (id, result))

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
mean_score project_score(const std::vector<points> &inspector_scores, std::uint32_t decimals = 2);

/// The whole roll-up (R-SCORE-1, R-SCORE-2). Throws pmq::error for negative scores,
/// duplicate ids or decimals outside 0..3, naming the path.
rollup_result roll_up(const rollup_input &input);
rollup_result roll_up(std::string_view json_text);

json to_json(const rollup_result &r);

} // namespace pmq
