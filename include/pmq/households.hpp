// Household visits (走/回访住户, R-CAL-7, R-CAL-15): the answers of the households visited during
// an inspection, aggregated into its satisfaction figures.
//
// 000 §5.3.1: "小区住户抽查5-10户,对公司各项服务进行评价,检查投诉是否得到恰当的处理", recorded
// in 《走/回访住户记录表》 (§5.3.2). Each visited household rates services satisfied (满意),
// basically satisfied (基本满意) or unsatisfied (不满意) and says whether its complaint was
// handled properly. The satisfaction rate counts every rating: (satisfied + basically
// satisfied) ÷ all ratings — the manuals' 综合满意率 (003 质量目标 四1: "(回收调查问卷张数×
// 每张表项数 - 不满意项数之和)/(回收调查表张数×每张表项数)"). The complaint handling rate is
// handled properly ÷ households with a complaint. Both exact; no ratings or no complaint is
// "no data" (null), never 0 % or 100 %.
#pragma once

#include "pmq/expr.hpp"
#include "pmq/json.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pmq {

BOOST_DEFINE_ENUM_CLASS(household_rating, satisfied, basically_satisfied, unsatisfied)

/// Was the household's complaint handled properly (投诉是否得到恰当的处理); none: no complaint.
BOOST_DEFINE_ENUM_CLASS(complaint_handling, handled, not_handled, none)

/// One visited household's answers: a rating per service, and its complaint.
struct household_visit {
  std::string id; ///< "3-2-501"
  std::map<std::string, household_rating> ratings;
  complaint_handling complaint = complaint_handling::none;
  static constexpr std::array<std::string_view, 2> json_defaulted{"ratings", "complaint"};
};
BOOST_DESCRIBE_STRUCT(household_visit, (), (id, ratings, complaint))

struct household_rating_counts {
  std::uint32_t satisfied = 0;
  std::uint32_t basically_satisfied = 0;
  std::uint32_t unsatisfied = 0;
};
BOOST_DESCRIBE_STRUCT(household_rating_counts, (), (satisfied, basically_satisfied, unsatisfied))

/// A rate written as KPI rates are ({"exact", "value", "unit"}), or null for no data (a zero
/// denominator). Also used by coverage.hpp.
struct nullable_rate {
  pmq::rate value;
};
void write(json &j, const nullable_rate &r);

/// R-CAL-15: the inspection's household figures.
struct household_summary {
  std::uint32_t visited = 0;
  household_rating_counts ratings;
  nullable_rate satisfaction_rate;       ///< (satisfied + basically) ÷ all ratings
  std::uint32_t complaints = 0;          ///< households with a complaint
  std::uint32_t handled_properly = 0;    ///< ... handled properly
  nullable_rate complaint_handling_rate; ///< handled_properly ÷ complaints
};
BOOST_DESCRIBE_STRUCT(household_summary, (),
                      (visited, ratings, satisfaction_rate, complaints, handled_properly,
                       complaint_handling_rate))

/// Adds every problem of the visits under `path` (`households[2].id`): an empty or duplicate
/// household id, an empty service name.
void check_households(const std::vector<household_visit> &visits, const std::string &path,
                      problem_list &problems);

/// R-CAL-15: aggregates the visits (assumed checked).
household_summary summarize_households(const std::vector<household_visit> &visits);

} // namespace pmq
