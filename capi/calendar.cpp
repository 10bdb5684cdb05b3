// C ABI for the business calendar: JSON request in, JSON result out (R-CAL-1..9, R-CAL-13/14,
// R-OUT-7/10).
#include "common.hpp"

#include "pmq/calendar.hpp"
#include "pmq/coverage.hpp"

using namespace pmq::capi;

extern "C" {

PMQ_API int pmq_calendar_deadlines(const char *request_json, char **table_json) {
  return json_call(request_json, table_json, [](const pmq::json &j) {
    const auto req = pmq::deadlines_request_from_json(j);
    return pmq::to_json(pmq::monthly_deadlines(req.calendar.value_or(pmq::business_calendar{}),
                                               req.rules.value_or(pmq::deadline_rules{}),
                                               req.month));
  });
}

PMQ_API int pmq_archive_loans(const char *request_json, char **report_json) {
  return json_call(request_json, report_json, [](const pmq::json &j) {
    return pmq::to_json(pmq::check_archive_loans(pmq::archive_loans_request_from_json(j)));
  });
}

PMQ_API int pmq_inspection_plan(const char *request_json, char **plan_json) {
  return json_call(request_json, plan_json, [](const pmq::json &j) {
    return pmq::to_json(pmq::plan_inspections(pmq::plan_request_from_json(j)));
  });
}

PMQ_API int pmq_inspection_coverage(const char *request_json, char **coverage_json) {
  return json_call(request_json, coverage_json, [](const pmq::json &j) {
    return pmq::to_json(pmq::inspection_coverage(pmq::coverage_request_from_json(j)));
  });
}

PMQ_API int pmq_household_sample(const char *request_json, char **sample_json) {
  return json_call(request_json, sample_json, [](const pmq::json &j) {
    return pmq::to_json(pmq::sample_households(pmq::household_sample_request_from_json(j)));
  });
}

} // extern "C"
