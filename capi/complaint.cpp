// C ABI for complaints (R-CAL-10; counts for R-KPI-6, R-KPI-7, R-KPI-12).
#include "common.hpp"

#include "pmq/complaint.hpp"

using namespace pmq::capi;

extern "C" {

PMQ_API int pmq_complaints_evaluate(const char *request_json, char **report_json) {
  return json_call(request_json, report_json, [](const pmq::json &j) {
    return pmq::to_json(pmq::evaluate_complaints(pmq::complaints_request_from_json(j)));
  });
}

PMQ_API int pmq_complaint_classes(char **classes_json) {
  return guard([&] {
    PMQ_REQUIRE(classes_json);
    *classes_json = nullptr;
    return give(classes_json, pmq::to_json_value(pmq::default_complaint_classes()));
  });
}

} // extern "C"
