// C ABI for checking a company's own rules and running its test cases: converts and forwards
// to pmq/check.hpp and pmq/testing.hpp.
#include "common.hpp"

#include "pmq/check.hpp"
#include "pmq/testing.hpp"

using namespace pmq::capi;

extern "C" {

PMQ_API int pmq_check(const char *document_json, const char *kind, char **report_json) {
  return guard([&] {
    PMQ_REQUIRE(report_json);
    *report_json = nullptr;
    PMQ_REQUIRE(document_json);
    std::optional<pmq::document_kind> k;
    if (kind && *kind) {
      pmq::document_kind parsed{};
      if (!boost::describe::enum_from_string(kind, parsed))
        return fail(PMQ_EINVAL, "kind",
                    std::string(1, '"') + kind +
                        "\" is not standard, band_table, kpi_definition, target_plan or fee_plan");
      k = parsed;
    }
    const auto doc = pmq::parse_json(document_json);
    return give(report_json, pmq::to_json(pmq::check_document(doc, k)));
  });
}

PMQ_API int pmq_test_case(const char *case_json, char **outcome_json) {
  return json_call(case_json, outcome_json,
                   [](const pmq::json &c) { return pmq::to_json(pmq::run_case(c)); });
}

} // extern "C"
