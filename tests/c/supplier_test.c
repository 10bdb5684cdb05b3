/* Tests the supplier C ABI (R-OUT-*) from C (compiled as C11). */
#include "check.h"

#include <pmq/pmq.h>

#include <stdio.h>
#include <string.h>

static void test_qualify(void) {
  char *out = NULL;
  CHECK(pmq_supplier_qualify("{\"supplier\":\"S\",\"business_licence\":true,\"legal_person\":true,"
                             "\"similar_work\":true,\"qa_capacity\":true,\"sufficient_capacity\":"
                             "true}",
                             &out) == PMQ_OK);
  CHECK(contains(out, "\"qualified\":false"));
  CHECK(contains(out, "\"item\":\"service_report\""));
  pmq_free(out);
  out = NULL;
  CHECK(pmq_supplier_qualify("{\"supplier\":\"S\"}", &out) == PMQ_EINPUT);
  CHECK(out == NULL);
  CHECK(strcmp(pmq_last_error_path(), "business_licence") == 0);
}

static void test_month(void) {
  /* ¥10 000, 21 minor nonconformities at 0.5 points and ¥15: score 89.5, fines ¥315 */
  const char *rules = "{\"deductions\":[{\"kind\":\"minor_nonconformity\",\"title\":\"一般不合格\","
                      "\"points_each\":0.5,\"fine_each\":15}]}";
  char *out = NULL;
  CHECK(pmq_supplier_month("{\"supplier\":\"S\",\"year\":2026,\"month\":11,\"fee\":10000,"
                           "\"incidents\":[{\"kind\":\"minor_nonconformity\",\"count\":21}]}",
                           rules, &out) == PMQ_OK);
  CHECK(contains(out, "\"score\":89.5"));
  CHECK(contains(out, "\"fines\":315"));
  CHECK(contains(out, "\"settlement\":9685"));
  pmq_free(out);
  out = NULL;
  /* defaults when rules are NULL */
  CHECK(pmq_supplier_month("{\"supplier\":\"S\",\"year\":2026,\"month\":11,\"fee\":100}", NULL,
                           &out) == PMQ_OK);
  CHECK(contains(out, "\"settlement\":100"));
  pmq_free(out);
  out = NULL;
  /* inconsistent counts, named by path */
  CHECK(pmq_supplier_month("{\"supplier\":\"S\",\"year\":2026,\"month\":11,\"fee\":100,"
                           "\"satisfaction\":{\"surveyed\":1,\"satisfied\":2}}",
                           NULL, &out) == PMQ_EINPUT);
  CHECK(strcmp(pmq_last_error_path(), "satisfaction.satisfied") == 0);
  /* bad rules document */
  CHECK(pmq_supplier_month("{\"supplier\":\"S\",\"year\":2026,\"month\":11,\"fee\":100}",
                           "{\"full_score\":\"x\"}", &out) == PMQ_EINPUT);
  CHECK(strcmp(pmq_last_error_path(), "full_score") == 0);
  CHECK(pmq_supplier_month("{", NULL, &out) == PMQ_EPARSE);
}

static void test_tender_staffing_year_bid(void) {
  char *out = NULL;
  CHECK(pmq_supplier_tender("{\"id\":\"T\",\"bids\":[{\"bidder\":\"A\",\"price\":10},{\"bidder\":"
                            "\"B\",\"price\":9}],\"experts\":[\"E\"],\"marks\":[{\"expert\":\"E\","
                            "\"bidder\":\"A\",\"service\":80,\"financial\":80},{\"expert\":\"E\","
                            "\"bidder\":\"B\",\"service\":90,\"financial\":70}]}",
                            "", &out) == PMQ_OK);
  CHECK(contains(out, "\"candidates\":[\"B\",\"A\"]"));
  pmq_free(out);
  out = NULL;
  CHECK(pmq_supplier_staffing(
            "{\"supplier\":\"S\",\"year\":2026,\"month\":2,\"contract\":[{\"role\":"
            "\"A\",\"headcount\":1}],\"roster\":[],\"roster_submitted\":\"2026-02-01\","
            "\"attendance\":[{\"role\":\"A\",\"present\":[1]}]}",
            NULL, &out) == PMQ_EINPUT);
  CHECK(strcmp(pmq_last_error_path(), "attendance[0].present") == 0);
  CHECK(pmq_supplier_year("{\"year\":2026,\"decided\":\"2026-12-31\",\"suppliers\":[{\"supplier\":"
                          "\"A\",\"monthly_scores\":[79.999]}]}",
                          NULL, &out) == PMQ_OK);
  CHECK(contains(out, "\"band\":\"unqualified\""));
  CHECK(contains(out, "\"may_bid_from\":\"2028-12-31\""));
  pmq_free(out);
  out = NULL;
  CHECK(
      pmq_supplier_may_bid("{\"supplier\":\"A\",\"on\":\"2028-12-30\",\"decisions\":[{\"supplier\":"
                           "\"A\",\"decided\":\"2026-12-31\",\"reason\":\"unqualified\"}]}",
                           &out) == PMQ_OK);
  CHECK(contains(out, "\"may_bid\":false"));
  pmq_free(out);
  out = NULL;
  CHECK(pmq_supplier_default_rules("yearly", &out) == PMQ_OK);
  CHECK(contains(out, "supplier_standings"));
  pmq_free(out);
  out = NULL;
  CHECK(pmq_supplier_default_rules("nope", &out) == PMQ_EINVAL);
}

static void test_nulls(void) {
  char *out = NULL;
  CHECK(pmq_supplier_qualify(NULL, &out) == PMQ_EINVAL);
  CHECK(pmq_supplier_qualify("{}", NULL) == PMQ_EINVAL);
  CHECK(pmq_supplier_tender(NULL, NULL, &out) == PMQ_EINVAL);
  CHECK(pmq_supplier_staffing(NULL, NULL, &out) == PMQ_EINVAL);
  CHECK(pmq_supplier_month(NULL, NULL, &out) == PMQ_EINVAL);
  CHECK(pmq_supplier_year("{}", NULL, NULL) == PMQ_EINVAL);
  CHECK(pmq_supplier_may_bid(NULL, &out) == PMQ_EINVAL);
  CHECK(pmq_supplier_default_rules(NULL, &out) == PMQ_EINVAL);
  CHECK(contains(pmq_last_error(), "must not be NULL"));
}

int main(void) {
  test_qualify();
  test_month();
  test_tender_staffing_year_bid();
  test_nulls();
  return check_report();
}
