// C ABI for outsourced suppliers (R-OUT-1 … R-OUT-11): JSON in, JSON out; converts and
// forwards to pmq/supplier.hpp, pmq/tender.hpp and pmq/staffing.hpp.
#include "common.hpp"

#include "pmq/supplier.hpp"

#include <string>

using namespace pmq::capi;

namespace {
// Rules documents are optional: NULL or "" means the documented defaults.
bool given(const char *rules_json) { return rules_json && *rules_json; }
} // namespace

extern "C" {

PMQ_API int pmq_supplier_qualify(const char *checklist_json, char **result_json) {
  return guard([&] {
    PMQ_REQUIRE(result_json);
    *result_json = nullptr;
    PMQ_REQUIRE(checklist_json);
    return give(result_json, pmq::to_json(pmq::qualify(pmq::load_qualification(checklist_json))));
  });
}

PMQ_API int pmq_supplier_tender(const char *tender_json, const char *rules_json,
                                char **result_json) {
  return guard([&] {
    PMQ_REQUIRE(result_json);
    *result_json = nullptr;
    PMQ_REQUIRE(tender_json);
    const auto rules = given(rules_json) ? pmq::load_tender_rules(rules_json) : pmq::tender_rules{};
    return give(result_json,
                pmq::to_json(pmq::evaluate_tender(pmq::load_tender(tender_json), rules)));
  });
}

PMQ_API int pmq_supplier_staffing(const char *month_json, const char *rules_json,
                                  char **result_json) {
  return guard([&] {
    PMQ_REQUIRE(result_json);
    *result_json = nullptr;
    PMQ_REQUIRE(month_json);
    const auto rules =
        given(rules_json) ? pmq::load_staffing_rules(rules_json) : pmq::staffing_rules{};
    return give(result_json,
                pmq::to_json(pmq::check_staffing(pmq::load_staffing_month(month_json), rules)));
  });
}

PMQ_API int pmq_supplier_month(const char *record_json, const char *rules_json,
                               char **result_json) {
  return guard([&] {
    PMQ_REQUIRE(result_json);
    *result_json = nullptr;
    PMQ_REQUIRE(record_json);
    const auto rules =
        given(rules_json) ? pmq::load_monthly_rules(rules_json) : pmq::monthly_rules{};
    return give(result_json,
                pmq::to_json(pmq::evaluate_month(pmq::load_monthly_record(record_json), rules)));
  });
}

PMQ_API int pmq_supplier_year(const char *review_json, const char *rules_json, char **result_json) {
  return guard([&] {
    PMQ_REQUIRE(result_json);
    *result_json = nullptr;
    PMQ_REQUIRE(review_json);
    const auto rules = given(rules_json) ? pmq::load_yearly_rules(rules_json) : pmq::yearly_rules{};
    return give(result_json,
                pmq::to_json(pmq::evaluate_year(pmq::load_yearly_review(review_json), rules)));
  });
}

PMQ_API int pmq_supplier_may_bid(const char *query_json, char **result_json) {
  return guard([&] {
    PMQ_REQUIRE(result_json);
    *result_json = nullptr;
    PMQ_REQUIRE(query_json);
    return give(result_json, pmq::to_json(pmq::may_bid(pmq::load_bid_query(query_json))));
  });
}

PMQ_API int pmq_supplier_default_rules(const char *which, char **rules_json) {
  return guard([&] {
    PMQ_REQUIRE(rules_json);
    *rules_json = nullptr;
    PMQ_REQUIRE(which);
    const std::string w = which;
    if (w == "monthly") return give(rules_json, pmq::to_json_value(pmq::monthly_rules{}));
    if (w == "staffing") return give(rules_json, pmq::to_json_value(pmq::staffing_rules{}));
    if (w == "tender") return give(rules_json, pmq::to_json_value(pmq::tender_rules{}));
    if (w == "yearly")
      return give(rules_json,
                  pmq::to_json_value(pmq::yearly_rules{pmq::default_supplier_standings(), {}}));
    return fail(PMQ_EINVAL, "which",
                "no default rules \"" + w + "\" (monthly, staffing, tender, yearly)");
  });
}

} // extern "C"
