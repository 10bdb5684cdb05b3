/* The C ABI's error contract where issue 10 found it broken (docs/reliability.md), one test per
   defect. Defects 1 and 2 are fixed by issue 9 ("Exact where rules meet"): their tests are
   compiled only with PMQ_ISSUE9_MERGED=1 (tests/CMakeLists.txt). */
#include "check.h"

#include <pmq/pmq.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* After a failure: no output, a message, and details that belong to this call. */
static void check_failed(int status, int expected, const char *path, char *out) {
  CHECK(status == expected);
  CHECK(out == NULL);
  CHECK(pmq_last_error()[0] != '\0');
  CHECK(strcmp(pmq_last_error_path(), path) == 0);
  CHECK(contains(pmq_last_error_json(), "\"path\":\""));
  if (strcmp(pmq_last_error_path(), path) != 0)
    fprintf(stderr, "  path \"%s\", expected \"%s\"\n", pmq_last_error_path(), path);
  pmq_free(out);
}

static void defect3_supplier_bar_after_9999(void) {
  char *out = NULL;
  check_failed(pmq_supplier_year("{\"year\":2026,\"decided\":\"9999-12-31\",\"suppliers\":[{"
                                 "\"supplier\":\"A\",\"monthly_scores\":[50]}]}",
                                 NULL, &out),
               PMQ_EINPUT, "decided", out);
  CHECK(contains(pmq_last_error(), "after 9999-12-31"));
  check_failed(pmq_supplier_may_bid("{\"supplier\":\"A\",\"on\":\"9999-12-31\",\"decisions\":[{"
                                    "\"supplier\":\"A\",\"decided\":\"9999-02-01\",\"reason\":"
                                    "\"subcontracting\"}]}",
                                    &out),
               PMQ_EINPUT, "decisions[0].decided", out);
}

static void defect4_no_stale_or_empty_messages(void) {
  char *out = NULL;
  CHECK(pmq_calendar_deadlines("{\"month\":\"2026-13\"}", &out) == PMQ_EINPUT);
  CHECK(strcmp(pmq_last_error_path(), "month") == 0);
  /* The next failure, with a message that quotes invalid UTF-8, replaces every detail. */
  check_failed(pmq_supplier_default_rules("\xff", &out), PMQ_EINVAL, "which", out);
  CHECK(contains(pmq_last_error(), "no default rules"));
  CHECK(contains(pmq_last_error(), "\xEF\xBF\xBD")); /* U+FFFD stands in for the bad byte */
  CHECK(!contains(pmq_last_error_json(), "2026-13"));
  CHECK(contains(pmq_last_error_json(), "\"path\":\"which\""));
  /* A key "\u0000" is named visibly, not cut off at the NUL. */
  check_failed(pmq_calendar_deadlines("{\"month\":\"2026-12\",\"\\u0000\":1}", &out), PMQ_EINPUT,
               "\\u0000", out);
  CHECK(contains(pmq_last_error(), "unknown field"));
  /* Invalid UTF-8 in the document itself: a parse error with a message. */
  check_failed(pmq_calendar_deadlines("{\"month\":\"\xc3\x28\"}", &out), PMQ_EPARSE, "", out);
  CHECK(contains(pmq_last_error(), "not valid JSON"));
  /* Success clears everything. */
  CHECK(pmq_calendar_deadlines("{\"month\":\"2026-12\"}", &out) == PMQ_OK);
  CHECK(strcmp(pmq_last_error(), "") == 0 && strcmp(pmq_last_error_path(), "") == 0);
  CHECK(strcmp(pmq_last_error_json(), "[]") == 0);
  pmq_free(out);
}

static void defect5_no_silent_rounding(void) {
  char *out = NULL;
  check_failed(pmq_kpi_evaluate("R-KPI-12",
                                "{\"valid_complaints\":40,\"handled_late\":0.1230000000000000001}",
                                &out),
               PMQ_EINPUT, "counts.handled_late", out);
  check_failed(pmq_expr_evaluate("a", "{\"a\":89.99999999999999999}", &out), PMQ_EINPUT, "values.a",
               out);
  CHECK(contains(pmq_last_error(), "more digits than pmq reads exactly"));
  check_failed(pmq_supplier_year("{\"year\":2026,\"decided\":\"2026-12-31\",\"suppliers\":[{"
                                 "\"supplier\":\"A\",\"monthly_scores\":[79.99999999999999999]}]}",
                                 NULL, &out),
               PMQ_EINPUT, "suppliers[0].monthly_scores[0]", out);
}

static void defect7_duplicate_keys(void) {
  char *out = NULL;
  check_failed(pmq_kpi_evaluate("R-KPI-12",
                                "{\"valid_complaints\":40,\"handled_late\":1,\"handled_late\":0}",
                                &out),
               PMQ_EINPUT, "counts.handled_late", out);
  CHECK(contains(pmq_last_error(), "duplicate key"));
  check_failed(
      pmq_rollup("{\"branches\":[{\"id\":\"b\",\"projects\":[{\"id\":\"p\",\"scores\":[90],"
                 "\"id\":\"q\"}]}]}",
                 &out),
      PMQ_EINPUT, "branches[0].projects[0].id", out);
}

static void defect8_typed_counts_match_json_counts(void) {
  char *out = NULL;
  const char *names[] = {"valid_complaints", "handled_late", "handled_late"};
  int64_t values[] = {INT64_MAX, 0, 0};
  /* INT64_MAX: refused as the JSON form refuses 9223372036854775807, at the same path. */
  check_failed(pmq_kpi_evaluate_counts("R-KPI-12", names, values, 2, &out), PMQ_EINPUT,
               "counts.valid_complaints", out);
  {
    char typed[256];
    snprintf(typed, sizeof typed, "%s", pmq_last_error());
    check_failed(pmq_kpi_evaluate("R-KPI-12",
                                  "{\"valid_complaints\":9223372036854775807,\"handled_late\":0}",
                                  &out),
                 PMQ_EINPUT, "counts.valid_complaints", out);
    CHECK(strcmp(typed, pmq_last_error()) == 0);
  }
  values[0] = -1;
  check_failed(pmq_kpi_evaluate_counts("R-KPI-12", names, values, 2, &out), PMQ_EINPUT,
               "counts.valid_complaints", out);
  CHECK(contains(pmq_last_error(), "must not be negative"));
  /* A name given twice: refused, not last-one-wins. */
  values[0] = 40;
  values[1] = 1;
  check_failed(pmq_kpi_evaluate_counts("R-KPI-12", names, values, 3, &out), PMQ_EINPUT, "names[2]",
               out);
  CHECK(contains(pmq_last_error(), "duplicate"));
  CHECK(pmq_kpi_evaluate_counts("R-KPI-12", names, values, 2, &out) == PMQ_OK);
  CHECK(contains(out, "\"exact\":\"39/40\""));
  pmq_free(out);
}

#if PMQ_ISSUE9_MERGED
/* TODO(issue 9): on by PMQ_ISSUE9_MERGED=1 once "Exact where rules meet" is merged. */
static void defect1_expression_results_never_internal(void) {
  char *out = NULL;
  CHECK(pmq_expr_evaluate("9922899228074", "{}", &out) == PMQ_OK);
  CHECK(contains(out, "\"exact\":\"9922899228074\""));
  pmq_free(out);
  out = NULL;
  {
    const int status = pmq_expr_evaluate("a - b", "{\"a\":0,\"b\":4611686018427387903}", &out);
    CHECK(status == PMQ_OK || status == PMQ_EINPUT);
    CHECK(status != PMQ_EINTERNAL);
    pmq_free(out);
  }
}

static void defect2_per_point_pay_refuses_impossible_scores(void) {
  char *out = NULL;
  check_failed(pmq_per_point_pay(INT64_MIN, NULL, &out), PMQ_EINPUT, pmq_last_error_path(), out);
  check_failed(pmq_per_point_pay(150000, NULL, &out), PMQ_EINPUT, pmq_last_error_path(), out);
  check_failed(pmq_per_point_pay(-1, NULL, &out), PMQ_EINPUT, pmq_last_error_path(), out);
  CHECK(pmq_per_point_pay(100000, NULL, &out) == PMQ_OK);
  pmq_free(out);
}
#endif

int main(void) {
  defect3_supplier_bar_after_9999();
  defect4_no_stale_or_empty_messages();
  defect5_no_silent_rounding();
  defect7_duplicate_keys();
  defect8_typed_counts_match_json_counts();
#if PMQ_ISSUE9_MERGED
  defect1_expression_results_never_internal();
  defect2_per_point_pay_refuses_impossible_scores();
#endif
  return check_report();
}
