// Checking a company's own rules before they are used: `pmq check FILE`.
//
// A quality department writes its own standard, band table, KPI definition, target plan or
// fee plan. Loading one already refuses what is invalid (every problem with its JSON path);
// checking it also warns about what loads but is probably wrong: a pass mark no inspection
// can reach (or that every inspection reaches), a critical minimum its section cannot
// reach, a per-defect deduction equal to the item's maximum (one defect takes the item: a
// pass/fail item?), duplicate titles, a veto cap that caps nothing, bands whose outcomes go
// against the score, KPI inputs the formula never uses, targets no value can meet. Serves
// R-STD-1 … R-STD-6, R-SCORE-4 … R-SCORE-6, R-KPI-30 and R-KPI-32.
#pragma once

#include "pmq/bands.hpp"
#include "pmq/json.hpp"
#include "pmq/kpi.hpp"
#include "pmq/standard.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pmq {

/// What a checked document is.
BOOST_DEFINE_ENUM_CLASS(document_kind, standard, band_table, kpi_definition, target_plan, fee_plan)

/// The outcome of a check: the document's kind, every error (the document does not load)
/// and every warning (it loads, but is probably not what was meant). Warnings are only
/// looked for when there are no errors.
struct check_report {
  document_kind kind = document_kind::standard;
  bool valid = false; ///< no errors (warnings allowed)
  std::vector<problem> errors;
  std::vector<problem> warnings;
};

/// The kind of a document from its members ("sections": a standard, "bands": a band table,
/// "expression": a KPI definition, "targets": a target plan, "lines": a fee plan); empty
/// when it is none of these.
std::optional<document_kind> guess_document_kind(const json &document);

/// Checks a document of the given kind (guessed when absent). Throws pmq::error only when
/// the kind is neither given nor recognisable (errc::invalid_input); problems of the
/// document itself are in the report.
check_report check_document(const json &document, std::optional<document_kind> kind = {});

/// The warnings alone, for documents already loaded.
std::vector<problem> standard_warnings(const standard &s);
std::vector<problem> band_table_warnings(const band_table &t);
std::vector<problem> kpi_definition_warnings(const kpi_definition &d, const std::string &path = "");
std::vector<problem> target_plan_warnings(const target_plan &p);
std::vector<problem> fee_plan_warnings(const fee_plan &p);

json to_json(const check_report &r);

} // namespace pmq
