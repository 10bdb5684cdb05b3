// Band tables: a score → an outcome (pay adjustment, grade, standing and its actions).
//
// A band table is data, validated once: its bands tile the declared range [min, max] with no
// gap and no overlap, each edge declared inclusive or exclusive, and both ends of the range —
// in particular the maximum score — fall inside a band (ERPNext's supplier scorecard leaves a
// score of exactly 100 in no band; pmq refuses such a table). Presets: the monthly pay table
// of R-SCORE-4 with its exact edges, the annual grades 优/良/一般/差 of R-SCORE-6 (default
// thresholds documented in docs/scoring.md). Also here: the per-point scheme of R-SCORE-5.
#pragma once

#include "pmq/json.hpp"
#include "pmq/numeric.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pmq {

BOOST_DEFINE_ENUM_CLASS(edge, inclusive, exclusive)

struct band {
  std::string id;                       ///< e.g. "plus_10"
  std::string label;                    ///< e.g. "当月工资上浮10%"
  std::optional<points> from;           ///< lower edge; absent: the table's min, inclusive
  std::optional<edge> from_edge;        ///< default inclusive
  std::optional<points> to;             ///< upper edge; absent: the table's max, inclusive
  std::optional<edge> to_edge;          ///< default exclusive
  std::optional<points> pay_adjustment; ///< percent of the month's pay, e.g. 10 or -5
  std::optional<bool> award_eligible;   ///< 评先 eligibility (R-SCORE-6)
  std::optional<bool> passed;           ///< whether a score in this band passes
  std::vector<std::string> actions;     ///< e.g. "block_new_contracts", "warn"
  static constexpr std::array<std::string_view, 1> json_defaulted{"actions"};
};
BOOST_DESCRIBE_STRUCT(band, (),
                      (id, label, from, from_edge, to, to_edge, pay_adjustment, award_eligible,
                       passed, actions))

struct band_table {
  std::string id;
  std::string title;
  points min; ///< lowest possible score, e.g. 0
  points max; ///< highest possible score, e.g. 100
  std::vector<band> bands;
};
BOOST_DESCRIBE_STRUCT(band_table, (), (id, title, min, max, bands))

/// Every problem of a band table (gaps, overlaps, uncovered ends, duplicate ids), each with
/// its JSON path; empty when valid.
std::vector<problem> check_band_table(const band_table &t);

/// Reads and validates a band table; throws pmq::error listing every problem.
band_table load_band_table(std::string_view json_text);
band_table band_table_from_json(const json &value);
json to_json(const band_table &t);

/// The band an exact score falls in: 26999/300 (89.9967, shown as 90) is below an edge of
/// 90. Throws pmq::error(errc::invalid_argument) for a score outside [min, max]. The table
/// must be valid (as every loaded one is).
const band &classify(const band_table &t, const fraction &score);
const band &classify(const band_table &t, points score);

/// Ids of the built-in band tables: "pay_adjustment" (R-SCORE-4), "annual_grades" (R-SCORE-6),
/// "supplier_standings" (R-OUT-11).
std::vector<std::string> builtin_band_table_ids();
/// A built-in band table by id; throws pmq::error(errc::invalid_argument) for an unknown id.
const band_table &builtin_band_table(std::string_view id);

/// How R-SCORE-5 counts a fraction of a point lost below the pass mark.
BOOST_DEFINE_ENUM_CLASS(point_loss_rounding,
                        whole_points,   ///< floor(pass − score): 88.5 → 1 point (default)
                        started_points, ///< ceil(pass − score): 88.5 → 2 points
                        exact           ///< pass − score exactly: 88.5 → 1.5 points
)

struct per_point_scheme {
  points pass_mark{90};        ///< R-SCORE-5: 90 passes
  points percent_per_point{1}; ///< each point lost below the pass mark: −1 percentage point
  point_loss_rounding rounding = point_loss_rounding::whole_points;
  points full_score{100}; ///< R-SCORE-5: assessments are out of 100; scores are 0..this
  static constexpr std::array<std::string_view, 4> json_defaulted{"pass_mark", "percent_per_point",
                                                                  "rounding", "full_score"};
};
BOOST_DESCRIBE_STRUCT(per_point_scheme, (), (pass_mark, percent_per_point, rounding, full_score))

struct per_point_result {
  bool passed = false;          ///< score ≥ pass mark, on the exact score
  points points_lost;           ///< below the pass mark, counted per the rounding rule (shown)
  points pay_reduction;         ///< percentage points of performance pay, ≥ 0 (shown)
  fraction points_lost_exact;   ///< points_lost exactly ("1/3" with rounding exact)
  fraction pay_reduction_exact; ///< pay_reduction exactly
};
BOOST_DESCRIBE_STRUCT(per_point_result, (),
                      (passed, points_lost, pay_reduction, points_lost_exact, pay_reduction_exact))

/// R-SCORE-5: 90 passes; below it each point lost lowers performance pay by one
/// percentage point (低于1分降1个百分点). Decided on the exact score; a score outside
/// 0..full_score, or a scheme whose numbers do not fit together, is an input error naming
/// its field ("score", "pass_mark", …).
per_point_result per_point_pay(const fraction &score, const per_point_scheme &scheme = {});
per_point_result per_point_pay(points score, const per_point_scheme &scheme = {});

} // namespace pmq
