// Coverage of planned checks (R-CAL-14): given an inspection plan (calendar.hpp) and the
// inspections performed, each planned slot is done on time, done late (within a grace), missed,
// or still pending; per project a coverage rate; and the supervisors' weekly patrol of every
// project of every area (001 §2.2.1: "每周完成…片区住宅物业项目的督导巡查工作,并填写上报
// 《住宅物业服务质量督导巡查记录》") with the list of weeks without one.
//
// A performed check matches a slot of the same project and level (a follow-up also of the same
// order, when the check names one), each check at most one slot: first every slot done on its
// own day (on time), then, slot by slot in date order, the earliest check 1..grace_days calendar
// days after it (late). A slot with no match is missed once as_of is past day + grace_days, and
// pending until then. Coverage = (on time + late) ÷ (on time + late + missed): "no data" (null)
// when nothing planned was due yet, never 0 % or 100 %.
#pragma once

#include "pmq/calendar.hpp"
#include "pmq/households.hpp"
#include "pmq/json.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pmq {

/// An inspection that took place: its day, project and level (a follow-up may name its order).
struct performed_check {
  date day;
  std::string project;
  check_level level = check_level::daily;
  std::optional<std::string> order;
  std::optional<std::string> id; ///< the inspection's id, echoed in the report
};
BOOST_DESCRIBE_STRUCT(performed_check, (), (day, project, level, order, id))

struct coverage_request {
  inspection_plan plan; ///< as pmq_inspection_plan returns it
  std::vector<performed_check> performed;
  date as_of;
  std::uint32_t grace_days = 3; ///< late but done: 1..grace_days days after the slot (0..366)
  /// Area (片区) → its projects, for the weekly supervision patrol (R-CAL-14).
  std::map<std::string, std::vector<std::string>> areas;
  weekday week_starts = weekday::monday;
  static constexpr std::array<std::string_view, 4> json_defaulted{"performed", "grace_days",
                                                                  "areas", "week_starts"};
};
BOOST_DESCRIBE_STRUCT(coverage_request, (),
                      (plan, performed, as_of, grace_days, areas, week_starts))

BOOST_DEFINE_ENUM_CLASS(slot_state, on_time, late, missed, pending)

struct slot_coverage {
  date day;
  std::string project;
  check_level level = check_level::daily;
  std::optional<std::string> order;
  slot_state state = slot_state::pending;
  std::optional<date> done;             ///< the matched check's day
  std::optional<std::size_t> performed; ///< its index in `performed`
  std::uint32_t days_late = 0;
};
BOOST_DESCRIBE_STRUCT(slot_coverage, (),
                      (day, project, level, order, state, done, performed, days_late))

struct coverage_counts {
  std::string project; ///< "*" for the total
  std::uint32_t planned = 0;
  std::uint32_t on_time = 0;
  std::uint32_t late = 0;
  std::uint32_t missed = 0;
  std::uint32_t pending = 0;
  nullable_rate coverage_rate; ///< (on_time + late) ÷ (on_time + late + missed)
  nullable_rate on_time_rate;  ///< on_time ÷ (on_time + late + missed)
};
BOOST_DESCRIBE_STRUCT(coverage_counts, (),
                      (project, planned, on_time, late, missed, pending, coverage_rate,
                       on_time_rate))

/// The weekly supervision patrol of one project (or, with project "*", of a whole area): the
/// weeks that ended by as_of within the plan, those with a patrol, and the gaps (week starts).
struct patrol_coverage {
  std::optional<std::string> area;
  std::string project;
  std::uint32_t weeks = 0;
  std::uint32_t patrolled = 0;
  nullable_rate rate; ///< patrolled ÷ weeks
  std::vector<date> gaps;
};
BOOST_DESCRIBE_STRUCT(patrol_coverage, (), (area, project, weeks, patrolled, rate, gaps))

struct coverage_report {
  date as_of;
  std::uint32_t grace_days = 0;
  std::vector<slot_coverage> slots;
  std::vector<coverage_counts> projects; ///< in the plan's order of first appearance
  coverage_counts total;
  std::vector<patrol_coverage> patrols; ///< per project of the areas, then "*" per area
  /// Performed checks (other than supervision patrols) that matched no slot: their indices.
  std::vector<std::size_t> unplanned;
};
BOOST_DESCRIBE_STRUCT(coverage_report, (),
                      (as_of, grace_days, slots, projects, total, patrols, unplanned))

/// R-CAL-14: coverage of the plan on as_of. Bad input (a performed check after as_of, a slot
/// outside the plan, a project in two areas or not in the plan) throws with its path.
coverage_report inspection_coverage(const coverage_request &request);
coverage_request coverage_request_from_json(const json &value);
json to_json(const coverage_report &r);

} // namespace pmq
