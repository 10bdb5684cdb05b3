// C ABI for the period's assessment (R-SCORE-1…6, R-CAL-5, R-REP-1, R-REP-2): JSON request in,
// JSON result or a rendered table out. Converts and forwards to pmq/assessment.hpp.
#include "common.hpp"

#include "pmq/assessment.hpp"

#include <string>

using namespace pmq::capi;

extern "C" {

PMQ_API int pmq_assess(const char *request_json, char **result_json) {
  return json_call(request_json, result_json, [](const pmq::json &j) {
    return pmq::to_json(pmq::assess(pmq::assessment_request_from_json(j)));
  });
}

PMQ_API int pmq_assess_table(const char *request_json, const char *format, const char *lang,
                             char **out) {
  return guard([&] {
    PMQ_REQUIRE(out);
    *out = nullptr;
    PMQ_REQUIRE(request_json);
    const std::string f = format ? format : "text";
    if (f != "text" && f != "csv")
      return fail(PMQ_EINVAL, "format", "must be \"text\" or \"csv\", got \"" + f + "\"");
    const auto language = pmq::parse_language(lang ? lang : "zh");
    if (!language)
      return fail(PMQ_EINVAL, "lang",
                  "must be \"zh\" or \"en\", got \"" + std::string(lang) + "\"");
    const auto result =
        pmq::assess(pmq::assessment_request_from_json(pmq::parse_json(request_json)));
    *out = dup(f == "csv" ? pmq::assessment_csv(result, *language)
                          : pmq::assessment_text(result, *language));
    return ok();
  });
}

} // extern "C"
