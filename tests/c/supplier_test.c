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

/* Issue 9: decisions on exact values, month-end vacancy runs, dates near 9999. */
static void test_exact_and_boundaries(void) {
  char *out = NULL;
  /* R-OUT-11: [79.999, 80] averages 79.9995: shown 80, unqualified */
  CHECK(pmq_supplier_year("{\"year\":2026,\"decided\":\"2026-12-31\",\"suppliers\":[{\"supplier\":"
                          "\"A\",\"monthly_scores\":[79.999,80]}]}",
                          NULL, &out) == PMQ_OK);
  CHECK(contains(out, "\"score\":80,\"exact\":\"159999/2000\""));
  CHECK(contains(out, "\"band\":\"unqualified\""));
  CHECK(contains(out, "\"qualified_suppliers\":[]"));
  pmq_free(out);
  out = NULL;
  /* a bar past 9999-12-31: PMQ_EINPUT at "decided", not PMQ_EINTERNAL */
  CHECK(pmq_supplier_year("{\"year\":9999,\"decided\":\"9999-12-31\",\"suppliers\":[{\"supplier\":"
                          "\"A\",\"monthly_scores\":[70]}]}",
                          NULL, &out) == PMQ_EINPUT);
  CHECK(out == NULL);
  CHECK(strcmp(pmq_last_error_path(), "decided") == 0);
  CHECK(pmq_supplier_may_bid("{\"supplier\":\"A\",\"on\":\"9999-12-31\",\"decisions\":[{"
                             "\"supplier\":\"A\",\"decided\":\"9999-01-01\",\"reason\":"
                             "\"unqualified\"}]}",
                             &out) == PMQ_EINPUT);
  CHECK(strcmp(pmq_last_error_path(), "decisions[0].decided") == 0);
  /* R-OUT-4: the exact reduction, 0.5 point × 0.005 % = 0.0025 %: ¥29 999.25 */
  CHECK(pmq_supplier_month("{\"supplier\":\"S\",\"year\":2026,\"month\":11,\"fee\":30000,"
                           "\"incidents\":[{\"kind\":\"minor_nonconformity\",\"count\":1}]}",
                           "{\"deductions\":[{\"kind\":\"minor_nonconformity\",\"title\":\"x\","
                           "\"points_each\":10.5,\"fine_each\":0}],\"fee_reduction\":{"
                           "\"rounding\":\"exact\",\"percent_per_point\":0.005}}",
                           &out) == PMQ_OK);
  CHECK(contains(out, "\"fee_reduction_percent\":0.003,\"fee_reduction_percent_exact\":\"1/400\""));
  CHECK(contains(out, "\"settlement\":29999.25"));
  pmq_free(out);
  out = NULL;
  /* counts are integers */
  CHECK(pmq_supplier_month("{\"supplier\":\"S\",\"year\":2026,\"month\":11,\"fee\":1,"
                           "\"incidents\":[{\"kind\":\"valid_complaint\",\"count\":1.5}]}",
                           NULL, &out) == PMQ_EINPUT);
  CHECK(strcmp(pmq_last_error_path(), "incidents[0].count") == 0);
  /* R-OUT-5: a vacancy open since Nov 29, still short on Dec 1 and 2: a violation on Dec 2 */
  {
    char month[2048];
    char present[200] = "";
    for (int day = 1; day <= 31; ++day)
      strcat(present, day <= 2 ? "0," : "1,");
    present[strlen(present) - 1] = '\0';
    snprintf(month, sizeof month,
             "{\"supplier\":\"S\",\"year\":2026,\"month\":12,\"contract\":[{\"role\":\"A\","
             "\"headcount\":1}],\"roster\":[],\"roster_submitted\":\"2026-12-01\","
             "\"attendance\":[{\"role\":\"A\",\"present\":[%s]}]%s}",
             present, ",\"carried_vacancies\":[{\"role\":\"A\",\"since\":\"2026-11-29\"}]");
    CHECK(pmq_supplier_staffing(month, NULL, &out) == PMQ_OK);
    CHECK(contains(out, "\"date\":\"2026-12-02\""));
    CHECK(contains(out, "vacancy since 2026-11-29"));
    CHECK(contains(out, "\"settle_by_attendance\":true"));
    pmq_free(out);
    out = NULL;
    snprintf(month, sizeof month,
             "{\"supplier\":\"S\",\"year\":2026,\"month\":12,\"contract\":[{\"role\":\"A\","
             "\"headcount\":1}],\"roster\":[],\"roster_submitted\":\"2026-12-01\","
             "\"attendance\":[{\"role\":\"A\",\"present\":[%s]}]%s}",
             present, ",\"carried_vacancies\":[{\"role\":\"A\",\"since\":\"2026-12-01\"}]");
    CHECK(pmq_supplier_staffing(month, NULL, &out) == PMQ_EINPUT);
    CHECK(strcmp(pmq_last_error_path(), "carried_vacancies[0].since") == 0);
  }
  /* R-OUT-2: a responsible person of one full-width space is missing */
  CHECK(pmq_supplier_qualify(
            "{\"supplier\":\"S\",\"business_licence\":true,\"legal_person\":true,"
            "\"similar_work\":true,\"qa_capacity\":true,\"sufficient_capacity\":true,"
            "\"service_report\":{\"responsible_person\":\"\u3000\",\"service_standard\":\"a\","
            "\"service_plan\":\"b\",\"schedule\":\"c\",\"qa_capacity\":\"d\"}}",
            &out) == PMQ_OK);
  CHECK(contains(out, "\"qualified\":false"));
  CHECK(contains(out, "\"item\":\"service_report.responsible_person\""));
  pmq_free(out);
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
  test_exact_and_boundaries();
  test_nulls();
  return check_report();
}
