// C ABI for the HTML reports (R-REP-3, R-REP-1, R-REP-2) and explanations in a chosen
// language: converts and forwards to pmq/report.hpp and pmq/explain.hpp. The HTML is returned
// as a string (an ERP embeds it); writing a file is the caller's.
#include "common.hpp"
#include "standard_handle.hpp"

#include "pmq/explain.hpp"
#include "pmq/report.hpp"

#include <string>

using namespace pmq::capi;

namespace {

// NULL means Chinese; anything but "zh" and "en" is PMQ_EINVAL naming `lang`.
std::optional<pmq::language> language_arg(const char *lang) {
  return pmq::parse_language(lang ? lang : "zh");
}

int bad_language(const char *lang) {
  return fail(PMQ_EINVAL, "lang", "must be \"zh\" or \"en\", got \"" + std::string(lang) + "\"");
}

} // namespace

extern "C" {

PMQ_API int pmq_score_lang(const pmq_standard *standard, const char *inspection_json,
                           const char *lang, char **result_json) {
  return guard([&] {
    PMQ_REQUIRE(result_json);
    *result_json = nullptr;
    PMQ_REQUIRE(standard);
    PMQ_REQUIRE(inspection_json);
    const auto language = language_arg(lang);
    if (!language) return bad_language(lang);
    const auto ins = standard->compiled.read_inspection(inspection_json);
    auto result = standard->compiled.score(ins);
    if (*language != pmq::language::zh)
      pmq::explain(result, standard->compiled.definition(), ins.carry_over, *language);
    return give(result_json, pmq::to_json(result));
  });
}

PMQ_API int pmq_report_inspection(const pmq_standard *standard, const char *inspection_json,
                                  const char *lang, char **html) {
  return guard([&] {
    PMQ_REQUIRE(html);
    *html = nullptr;
    PMQ_REQUIRE(standard);
    PMQ_REQUIRE(inspection_json);
    const auto language = language_arg(lang);
    if (!language) return bad_language(lang);
    *html =
        dup(pmq::inspection_report(standard->compiled.definition(), inspection_json, *language));
    return ok();
  });
}

PMQ_API int pmq_report_assessment(const char *request_json, const char *lang, char **html) {
  return guard([&] {
    PMQ_REQUIRE(html);
    *html = nullptr;
    PMQ_REQUIRE(request_json);
    const auto language = language_arg(lang);
    if (!language) return bad_language(lang);
    const auto result =
        pmq::assess(pmq::assessment_request_from_json(pmq::parse_json(request_json)));
    *html = dup(pmq::assessment_report(result, *language));
    return ok();
  });
}

PMQ_API int pmq_report_targets(const char *plan_json, const char *actuals_json, const char *period,
                               const char *lang, char **html) {
  return guard([&] {
    PMQ_REQUIRE(html);
    *html = nullptr;
    PMQ_REQUIRE(plan_json);
    PMQ_REQUIRE(actuals_json);
    PMQ_REQUIRE(period);
    const auto language = language_arg(lang);
    if (!language) return bad_language(lang);
    const auto p = pmq::parse_period(period);
    if (!p)
      return fail(PMQ_EINVAL, "period",
                  std::string(1, '"') + period +
                      "\" is not a period (2026-03, 2026-Q1, 2026-H1, 2026)");
    const pmq::compiled_plan plan(pmq::load_target_plan(plan_json));
    const auto months = pmq::month_actuals_from_json(pmq::parse_json(actuals_json));
    *html = dup(pmq::targets_report(plan, months, *p, *language));
    return ok();
  });
}

} // extern "C"
