// Inspections: what an inspector found, item by item, against one standard.
//
// A response answers one item: the defects found (deduct items), pass or fail
// (pass/fail items), or not applicable. A failed check is recorded as findings with
// description, location, time and responsible department (R-STD-4). An item with no
// response scores full marks: the sheet records only what was found wrong.
#pragma once

#include "pmq/datetime.hpp"
#include "pmq/households.hpp"
#include "pmq/json.hpp"
#include "pmq/standard.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pmq {

/// A nonconformity (R-STD-4): 问题描述、发现地点、发现时间、责任部门.
struct finding {
  std::string description;
  std::string location;
  timestamp time;
  std::string department;
};
BOOST_DESCRIBE_STRUCT(finding, (), (description, location, time, department))

struct response {
  std::string item;                     ///< the item's id in the standard
  std::optional<std::uint32_t> defects; ///< deduct items; defaults to the number of findings
  std::optional<bool> passed;           ///< pass/fail items: required; veto items: false triggers
  std::optional<pmq::level> level;      ///< three_level items: required
  std::optional<points> score;          ///< graded items: required, 0..max in the item's steps
  bool not_applicable = false;          ///< see the standard's not_applicable policy
  std::vector<finding> findings;
  static constexpr std::array<std::string_view, 2> json_defaulted{"not_applicable", "findings"};
};
BOOST_DESCRIBE_STRUCT(response, (), (item, defects, passed, level, score, not_applicable, findings))

/// R-SCORE-3: a rectification found not done at re-inspection costs points at the next
/// assessment. Produced by the rectification lifecycle. It belongs to the project whose
/// order was not rectified and is deducted once, from that project's score at its next
/// assessment (the next month in the branch regime, the next half-year in the company
/// regime); on an inspection it must name the inspection's project.
struct carry_over {
  std::string order;                     ///< the rectification order's id
  std::string project;                   ///< the project whose order it was
  std::optional<std::string> department; ///< the responsible department, when known
  pmq::points points;                    ///< the deduction, > 0
  std::string reason;
  /// The assessment period it is deducted in ("2026-12", "2027-H1"), when known.
  std::optional<std::string> applies_to;
};
BOOST_DESCRIBE_STRUCT(carry_over, (), (order, project, department, points, reason, applies_to))

struct inspection {
  std::string id;
  std::optional<std::string> standard; ///< when given, must match the standard's id
  std::optional<std::string> project;
  std::optional<std::string> inspector;
  std::optional<pmq::date> date;
  std::vector<response> responses;
  std::vector<pmq::carry_over> carry_over; ///< deductions carried from earlier assessments
  /// R-CAL-7, R-CAL-15: the visited households' answers (households.hpp).
  std::optional<std::vector<household_visit>> households;
  static constexpr std::array<std::string_view, 1> json_defaulted{"carry_over"};
};
BOOST_DESCRIBE_STRUCT(inspection, (),
                      (id, standard, project, inspector, date, responses, carry_over, households))

/// Reads a JSON array of inspections; problems are named `[k].…`.
std::vector<inspection> load_inspections(std::string_view json_text);
/// An inspection's own problems (an empty id, a carry-over of 0 points) under `path`; what
/// depends on the standard is checked when it is scored.
void check_inspection(const inspection &i, const std::string &path, problem_list &problems);

/// Reads an inspection from JSON (format only; it is checked against a standard when scored).
inspection load_inspection(std::string_view json_text);
inspection inspection_from_json(const json &value);

json to_json(const inspection &i);

} // namespace pmq
