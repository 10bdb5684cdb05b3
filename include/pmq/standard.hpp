// Quality standards (服务质量检查标准) and their checklists.
//
// A standard is data, not code (R-STD-3): a tree standard → sections (专业) → items
// (检查条款), each item with an id, a Chinese title, the requirement text, a maximum
// score and how it is scored (R-STD-1, R-STD-5). Loading validates the whole tree and
// reports every problem with its JSON path. Two standards are built in: a company's
// residential sheet out of 100 and a national 示范小区-style 100-point sheet (R-STD-6).
#pragma once

#include "pmq/json.hpp"
#include "pmq/numeric.hpp"

#include "pmq/datetime.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pmq {

/// How an item is scored (R-STD-5).
BOOST_DEFINE_ENUM_CLASS(item_kind,
                        deduct,    ///< `deduction` points per defect, never below 0 (扣完为止)
                        pass_fail, ///< all or nothing
                        three_level, ///< 符合 / 基本符合 / 不符合: full, half, zero by default
                        graded,      ///< the inspector gives 0..max in declared steps
                        not_applicable, ///< kept for the record, removed from the maximum
                        veto ///< 一票否决: zeroes or caps the whole result (no points)
)

/// The three-level judgement of a three_level item.
BOOST_DEFINE_ENUM_CLASS(level, meets, basically_meets, fails)

/// What a triggered veto item does to the total (R-STD-5).
BOOST_DEFINE_ENUM_CLASS(veto_effect, zero, cap)

/// What an item that does not apply does to the maximum (declared per standard).
BOOST_DEFINE_ENUM_CLASS(na_policy,
                        rebase,        ///< removed from the maximum; the total is re-based to the
                                       ///< full score: score × full ÷ applicable max (default)
                        count_as_zero, ///< stays in the maximum and scores 0
                        forbidden      ///< a not-applicable response is an error
)

/// How a derived project standard keeps score (R-STD-2).
BOOST_DEFINE_ENUM_CLASS(derive_policy,
                        retotal, ///< the project standard's full score is what remains
                        rebase   ///< scores are re-based to the company standard's full score
)

/// How a standard's thresholds (pass_mark, veto caps, sections' critical_min) relate to
/// what is scored. One model for not-applicable items and derived standards (R-STD-2):
/// a threshold is stated against a basis — the full score it was written for — and, when
/// `scaled`, moves in proportion with what remains: a pass mark of 90 of 100 is 86.4 on a
/// derived standard out of 96, and a critical minimum of 12 of a 20-point section is 9 when
/// 5 of its points do not apply. `absolute` thresholds are compared as written.
BOOST_DEFINE_ENUM_CLASS(threshold_policy, scaled, absolute)

/// The share of an item's maximum that each three-level judgement earns.
struct level_ratios {
  points meets{1};
  points basically_meets = points::from_milli(500);
  points fails{0};
  static constexpr std::array<std::string_view, 3> json_defaulted{"meets", "basically_meets",
                                                                  "fails"};
};
BOOST_DESCRIBE_STRUCT(level_ratios, (), (meets, basically_meets, fails))

/// Where a derived standard came from (R-STD-2).
struct origin {
  std::string id;
  std::string version;
};
BOOST_DESCRIBE_STRUCT(origin, (), (id, version))

/// 业态 (R-STD-2).
BOOST_DEFINE_ENUM_CLASS(property_type, residential, commercial, public_rental, industrial_municipal)

struct item {
  std::string id;
  std::string title; ///< 检查条款, Chinese
  std::optional<std::string> title_en;
  std::string requirement; ///< what "meets the standard" means (R-STD-3)
  points max_score;
  item_kind kind = item_kind::deduct;
  std::optional<points> deduction; ///< per defect; required for `deduct`, absent otherwise
  std::optional<points> step;      ///< graded items: the score must be a multiple of it
  std::optional<pmq::veto_effect> veto_effect; ///< veto items: required
  std::optional<points> veto_cap; ///< veto items with effect `cap`: the total's ceiling
  /// R-STD-2 selection tags: the property types and grades the clause applies to (empty: all).
  std::vector<pmq::property_type> property_types;
  std::vector<std::string> grades;
  static constexpr std::array<std::string_view, 2> json_defaulted{"property_types", "grades"};
};
BOOST_DESCRIBE_STRUCT(item, (),
                      (id, title, title_en, requirement, max_score, kind, deduction, step,
                       veto_effect, veto_cap, property_types, grades))

struct section {
  std::string id;
  std::string title; ///< 专业, e.g. 保洁
  std::optional<std::string> title_en;
  std::optional<points> total;  ///< when given, must equal the sum of the items' maxima
  std::optional<points> weight; ///< when the standard is weighted: this section's weight
  /// A critical section: below this score the inspection fails whatever the total.
  std::optional<points> critical_min;
  /// The section maximum critical_min is stated against (scaled thresholds); default: the
  /// section's item total. Set by derive_standard to the company section's maximum.
  std::optional<points> basis;
  std::vector<item> items;
};
BOOST_DESCRIBE_STRUCT(section, (), (id, title, title_en, total, weight, critical_min, basis, items))

struct standard {
  std::string id;
  std::string version;
  std::string title;
  std::optional<std::string> title_en;
  std::optional<pmq::property_type> property_type;
  std::optional<pmq::date> effective_date;
  std::optional<points> total; ///< when given, must equal the sum of the sections
  /// Weighted standards: the section weights must sum to this (e.g. 100). Absent: the total
  /// is the plain sum of the section scores.
  std::optional<points> weight_total;
  std::optional<points> pass_mark; ///< when given, results say passed / failed
  /// Re-base final scores to this full score instead of the standard's own total (a derived
  /// standard with derive policy `rebase` keeps its company standard's full score). Applies
  /// whatever the not-applicable policy.
  std::optional<points> rebase_to;
  /// How pass_mark, veto caps and critical minima follow what is scored (default scaled).
  pmq::threshold_policy thresholds = threshold_policy::scaled;
  /// The full score pass_mark and veto caps are stated against (scaled thresholds); default:
  /// the standard's full score. Set by derive_standard to the company standard's.
  std::optional<points> basis;
  pmq::na_policy not_applicable = na_policy::rebase;
  pmq::level_ratios three_level;
  pmq::derive_policy derive = derive_policy::retotal;
  /// Places the final score is shown with, rounded half up once from the exact value
  /// (every final score; decisions use the exact value). 0..3, default 2.
  std::uint32_t decimals = 2;
  std::optional<pmq::origin> origin; ///< set on standards derived from another (R-STD-2)
  std::vector<section> sections;
  static constexpr std::array<std::string_view, 5> json_defaulted{
      "not_applicable", "three_level", "derive", "decimals", "thresholds"};
};
BOOST_DESCRIBE_STRUCT(standard, (),
                      (id, version, title, title_en, property_type, effective_date, total,
                       weight_total, pass_mark, rebase_to, thresholds, basis, not_applicable,
                       three_level, derive, decimals, origin, sections))

/// Every problem of a standard, each with its JSON path; empty when it is valid.
std::vector<problem> check_standard(const standard &s);

/// Throws pmq::error(errc::invalid_input) listing every problem of check_standard.
void validate(const standard &s);

/// Reads and validates a standard from JSON text / a JSON value.
standard load_standard(std::string_view json_text);
standard standard_from_json(const json &value);

json to_json(const standard &s);

/// The sum of a section's item maxima.
points items_total(const section &s);

/// The full score a standard's final scores are out of: rebase_to, else weight_total, else
/// the sum of its item maxima.
points full_score(const standard &s);

/// The full score its pass_mark and veto caps are stated against: basis, else full_score.
points threshold_basis(const standard &s);

/// The section maximum its critical_min is stated against: basis, else the item total.
points threshold_basis(const section &s);

/// What a project selects from a company standard (R-STD-2).
struct selection {
  std::string id;                     ///< the derived standard's id
  std::optional<std::string> version; ///< default: the company standard's version
  std::optional<std::string> title;
  std::optional<pmq::property_type> property_type; ///< keep clauses tagged for it (or untagged)
  std::optional<std::string> grade;                ///< keep clauses tagged for it (or untagged)
  std::optional<std::vector<std::string>> clauses; ///< when given: keep only these item ids
  std::vector<std::string> exclude;                ///< drop these item ids
  static constexpr std::array<std::string_view, 1> json_defaulted{"exclude"};
};
BOOST_DESCRIBE_STRUCT(selection, (), (id, version, title, property_type, grade, clauses, exclude))

/// R-STD-2: a project standard from a company standard. Keeps the clauses that fit the
/// selection and drops sections left empty. With derive policy `retotal` (default) the
/// project standard is out of what remains (section totals, the total and a weighted
/// standard's weight_total become the remaining sums); with `rebase` its scores are re-based
/// to the company standard's full score (rebase_to). Either way the section weights stay,
/// and scaled thresholds keep the company's values with their basis recorded (the company's
/// full score and section maxima), so they move with what remains: pass mark 90 of 100 is
/// 86.4 of a remaining 96. Absolute thresholds are kept as written (a pass mark above the
/// remaining total is then an error). The result records its origin and is validated;
/// unknown clause ids and a selection that leaves nothing are errors.
standard derive_standard(const standard &company, const selection &sel);

/// Ids of the built-in standards; the first is the default.
std::vector<std::string> builtin_standard_ids();

/// A built-in standard by id; the default one when id is empty. Throws
/// pmq::error(errc::invalid_argument) for an unknown id.
const standard &builtin_standard(std::string_view id = {});

} // namespace pmq
