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

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pmq {

/// How an item is scored (R-STD-5).
BOOST_DEFINE_ENUM_CLASS(item_kind,
                        deduct,        ///< `deduction` points per defect, never below 0 (扣完为止)
                        pass_fail,     ///< all or nothing
                        not_applicable ///< kept for the record, removed from the maximum
)

/// 业态 (R-STD-2).
BOOST_DEFINE_ENUM_CLASS(property_type, residential, commercial, public_rental,
                        industrial_municipal)

struct item {
  std::string id;
  std::string title;       ///< 检查条款, Chinese
  std::string requirement; ///< what "meets the standard" means (R-STD-3)
  points max_score;
  item_kind kind = item_kind::deduct;
  std::optional<points> deduction; ///< per defect; required for `deduct`, absent otherwise
};
BOOST_DESCRIBE_STRUCT(item, (), (id, title, requirement, max_score, kind, deduction))

struct section {
  std::string id;
  std::string title; ///< 专业, e.g. 保洁
  std::optional<std::string> title_en;
  std::optional<points> total; ///< when given, must equal the sum of the items' maxima
  std::vector<item> items;
};
BOOST_DESCRIBE_STRUCT(section, (), (id, title, title_en, total, items))

struct standard {
  std::string id;
  std::string version;
  std::string title;
  std::optional<std::string> title_en;
  std::optional<pmq::property_type> property_type;
  std::optional<points> total; ///< when given, must equal the sum of the sections
  std::vector<section> sections;
};
BOOST_DESCRIBE_STRUCT(standard, (), (id, version, title, title_en, property_type, total, sections))

/// Every problem of a standard, each with its JSON path; empty when it is valid.
std::vector<problem> check_standard(const standard& s);

/// Throws pmq::error(errc::invalid_input) listing every problem of check_standard.
void validate(const standard& s);

/// Reads and validates a standard from JSON text / a JSON value.
standard load_standard(std::string_view json_text);
standard standard_from_json(const json& value);

json to_json(const standard& s);

/// The sum of a section's item maxima.
points items_total(const section& s);

/// Ids of the built-in standards; the first is the default.
std::vector<std::string> builtin_standard_ids();

/// A built-in standard by id; the default one when id is empty. Throws
/// pmq::error(errc::invalid_argument) for an unknown id.
const standard& builtin_standard(std::string_view id = {});

} // namespace pmq
