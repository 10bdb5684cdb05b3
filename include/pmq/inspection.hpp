// Inspections: what an inspector found, item by item, against one standard.
//
// A response answers one item: the defects found (deduct items), pass or fail
// (pass/fail items), or not applicable. A failed check is recorded as findings with
// description, location, time and responsible department (R-STD-4). An item with no
// response scores full marks: the sheet records only what was found wrong.
#pragma once

#include "pmq/datetime.hpp"
#include "pmq/json.hpp"

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
  std::optional<bool> passed;           ///< pass/fail items: required
  bool not_applicable = false;          ///< removes the item from the maximum
  std::vector<finding> findings;
  static constexpr std::array<std::string_view, 2> json_defaulted{"not_applicable", "findings"};
};
BOOST_DESCRIBE_STRUCT(response, (), (item, defects, passed, not_applicable, findings))

struct inspection {
  std::string id;
  std::optional<std::string> standard; ///< when given, must match the standard's id
  std::optional<std::string> project;
  std::optional<std::string> inspector;
  std::optional<pmq::date> date;
  std::vector<response> responses;
};
BOOST_DESCRIBE_STRUCT(inspection, (), (id, standard, project, inspector, date, responses))

/// Reads an inspection from JSON (format only; it is checked against a standard when scored).
inspection load_inspection(std::string_view json_text);
inspection inspection_from_json(const json& value);

json to_json(const inspection& i);

} // namespace pmq
