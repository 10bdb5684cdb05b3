// C ABI for rectification orders, carry-overs and consecutive failures (R-CAL-5, R-CAL-6,
// R-SCORE-3, R-SCORE-6, R-SCORE-7): JSON request in, JSON result out.
#include "common.hpp"

#include "pmq/rectification.hpp"

using namespace pmq::capi;

extern "C" {

PMQ_API int pmq_rectification_status(const char *request_json, char **status_json) {
  return json_call(request_json, status_json, [](const pmq::json &j) {
    return pmq::to_json(pmq::rectification_status(pmq::rectification_status_request_from_json(j)));
  });
}

PMQ_API int pmq_rectification_report(const char *request_json, char **report_json) {
  return json_call(request_json, report_json, [](const pmq::json &j) {
    return pmq::to_json(
        pmq::rectification_monthly_report(pmq::rectification_report_request_from_json(j)));
  });
}

PMQ_API int pmq_consecutive_failures(const char *request_json, char **failures_json) {
  return json_call(request_json, failures_json, [](const pmq::json &j) {
    return pmq::to_json(pmq::consecutive_failures(pmq::consecutive_failures_request_from_json(j)));
  });
}

} // extern "C"
