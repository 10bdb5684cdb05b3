/* Tests the calendar, rectification and complaint parts of the C ABI from C (C11). */
#include "check.h"

#include <pmq/pmq.h>

#include <stdio.h>
#include <string.h>

/* R-CAL-5 and R-CAL-9 across the turn of the year and in a leap February. */
static void test_deadlines(void) {
  char *out = NULL;
  CHECK(pmq_calendar_deadlines("{\"month\": \"2026-12\"}", &out) == PMQ_OK);
  CHECK(contains(out, "\"rule\":\"R-CAL-5\""));
  CHECK(contains(out, "\"due\":\"2027-01-05\""));
  CHECK(contains(out, "\"due\":\"2027-01-10\"")); /* R-OUT-10 */
  pmq_free(out);
  out = NULL;
  CHECK(pmq_calendar_deadlines("{\"month\": \"2028-02\"}", &out) == PMQ_OK);
  CHECK(contains(out, "\"due\":\"2028-02-29\"")); /* R-CAL-9 in a leap February */
  pmq_free(out);
  out = NULL;
  CHECK(pmq_calendar_deadlines("{\"month\": \"2026-02-30\"}", &out) == PMQ_EINPUT);
  CHECK(out == NULL);
  CHECK(strcmp(pmq_last_error_path(), "month") == 0);
  CHECK(pmq_calendar_deadlines("{\"month\": ", &out) == PMQ_EPARSE);
  CHECK(pmq_calendar_deadlines(NULL, &out) == PMQ_EINVAL);
  CHECK(pmq_calendar_deadlines("{}", NULL) == PMQ_EINVAL);
}

static void test_plan_and_sample(void) {
  const char *req = "{\"from\": \"2026-01-01\", \"to\": \"2026-12-31\", \"projects\": [\"P-01\"],"
                    " \"seed\": 42}";
  char *a = NULL, *b = NULL;
  CHECK(pmq_inspection_plan(req, &a) == PMQ_OK);
  CHECK(pmq_inspection_plan(req, &b) == PMQ_OK);
  CHECK(a && b && strcmp(a, b) == 0); /* same seed, same plan */
  CHECK(contains(a, "\"level\":\"head_office_audit\""));
  CHECK(contains(a, "\"rule\":\"R-CAL-3\""));
  /* R-CAL-1: the plan starts on a Thursday; that week's 周检 is on Jan 1 */
  CHECK(contains(a, "{\"day\":\"2026-01-01\",\"project\":\"P-01\",\"level\":\"weekly\""));
  pmq_free(a);
  pmq_free(b);
  a = NULL;
  CHECK(pmq_inspection_plan("{\"from\": \"2026-06-01\", \"to\": \"2026-05-01\", \"projects\": "
                            "[\"P\"], \"seed\": 1}",
                            &a) == PMQ_EINPUT);
  CHECK(strcmp(pmq_last_error_path(), "to") == 0);
  CHECK(pmq_household_sample("{\"seed\": 3, \"households\": [{\"id\": \"1\"}, {\"id\": \"2\"}, "
                             "{\"id\": \"3\"}, {\"id\": \"4\"}, {\"id\": \"5\"}, {\"id\": \"6\"}]}",
                             &a) == PMQ_OK);
  CHECK(a && a[0] == '[');
  pmq_free(a);
  a = NULL;
  CHECK(pmq_household_sample("{\"seed\": 3, \"count\": 4, \"households\": []}", &a) == PMQ_EINPUT);
  CHECK(contains(pmq_last_error_json(), "\"path\":\"count\""));
  CHECK(pmq_archive_loans("{\"today\": \"2027-01-04\", \"loans\": [{\"file\": \"A\", "
                          "\"borrowed\": \"2026-12-20\"}]}",
                          &a) == PMQ_OK);
  CHECK(contains(a, "\"overdue\":[\"A\"]"));
  pmq_free(a);
}

/* R-CAL-14: a plan's slot done on time or missed; nothing due yet is no data (null). */
static void test_coverage(void) {
  const char *plan = "{\"plan\": {\"from\": \"2026-12-07\", \"to\": \"2026-12-13\", \"seed\": 0, "
                     "\"slots\": [{\"day\": \"2026-12-07\", \"project\": \"P\", \"level\": "
                     "\"daily\", \"rule\": \"R-CAL-1\", \"unannounced\": false}]}, ";
  char req[1024];
  char *out = NULL;
  snprintf(req, sizeof req,
           "%s\"performed\": [{\"day\": \"2026-12-07\", \"project\": \"P\", \"level\": "
           "\"daily\"}], \"as_of\": \"2026-12-13\"}",
           plan);
  CHECK(pmq_inspection_coverage(req, &out) == PMQ_OK);
  CHECK(contains(out, "\"state\":\"on_time\""));
  CHECK(contains(out, "\"coverage_rate\":{\"exact\":\"1\""));
  pmq_free(out);
  out = NULL;
  snprintf(req, sizeof req, "%s\"as_of\": \"2026-12-07\"}", plan);
  CHECK(pmq_inspection_coverage(req, &out) == PMQ_OK);
  CHECK(contains(out, "\"coverage_rate\":null"));
  pmq_free(out);
  out = NULL;
  snprintf(req, sizeof req,
           "%s\"performed\": [{\"day\": \"2026-12-14\", \"project\": \"P\", \"level\": "
           "\"daily\"}], \"as_of\": \"2026-12-13\"}",
           plan);
  CHECK(pmq_inspection_coverage(req, &out) == PMQ_EINPUT);
  CHECK(strcmp(pmq_last_error_path(), "performed[0].day") == 0);
  CHECK(pmq_inspection_coverage(NULL, &out) == PMQ_EINVAL);
}

static void test_rectification(void) {
  const char *events =
      "\"events\": [{\"order\": \"R-1\", \"kind\": \"issued\", \"date\": \"2026-11-02\", "
      "\"project\": \"P-01\"}, {\"order\": \"R-1\", \"kind\": \"reinspected\", \"date\": "
      "\"2026-11-12\", \"passed\": false}]";
  char req[1024];
  char *out = NULL;
  snprintf(req, sizeof req, "{\"as_of\": \"2026-11-10\", %s}", events);
  CHECK(pmq_rectification_status(req, &out) == PMQ_OK);
  CHECK(contains(out, "\"overdue\":[\"R-1\"]"));
  pmq_free(out);
  out = NULL;
  snprintf(req, sizeof req, "{\"month\": \"2026-11\", %s}", events);
  CHECK(pmq_rectification_report(req, &out) == PMQ_OK);
  CHECK(contains(out, "\"carry_over\":[{\"order\":\"R-1\",\"project\":"));
  pmq_free(out);
  out = NULL;
  CHECK(pmq_rectification_status(
            "{\"as_of\": \"2026-11-30\", \"events\": [{\"order\": \"R-1\", \"kind\": "
            "\"rectified\", \"date\": \"2026-11-02\"}]}",
            &out) == PMQ_EINPUT);
  CHECK(strcmp(pmq_last_error_path(), "events[0].order") == 0);
  CHECK(pmq_consecutive_failures(
            "{\"assessments\": [{\"subject\": \"P\", \"period\": \"2026-10\", \"score\": 89.999},"
            " {\"subject\": \"P\", \"period\": \"2026-11\", \"score\": 80}]}",
            &out) == PMQ_OK);
  CHECK(contains(out, "\"previous\":\"2026-10\""));
  pmq_free(out);
  out = NULL;
  /* R-SCORE-3: the company regime applies a November failure in the next half year, and the
     carry-over names the responsible department */
  snprintf(req, sizeof req,
           "{\"month\": \"2026-11\", \"regime\": \"company\", \"events\": [{\"order\": "
           "\"R-1\", \"kind\": \"issued\", \"date\": \"2026-11-02\", \"project\": \"P-01\", "
           "\"department\": \"KF\"}, {\"order\": \"R-1\", \"kind\": \"reinspected\", \"date\": "
           "\"2026-11-12\", \"passed\": false}]}");
  CHECK(pmq_rectification_report(req, &out) == PMQ_OK);
  CHECK(contains(out, "\"department\":\"KF\""));
  CHECK(contains(out, "\"applies_to\":\"2027-H1\""));
  pmq_free(out);
  out = NULL;
  /* R-SCORE-6: January and March with no February record are not in a row */
  CHECK(pmq_consecutive_failures(
            "{\"assessments\": [{\"subject\": \"P\", \"period\": \"2026-01\", \"score\": 80},"
            " {\"subject\": \"P\", \"period\": \"2026-03\", \"score\": 80}]}",
            &out) == PMQ_OK);
  CHECK(out && strcmp(out, "[]") == 0);
  pmq_free(out);
  out = NULL;
  /* ... and a failure is decided on the exact score: 26999/300 < 90 */
  CHECK(pmq_consecutive_failures(
            "{\"assessments\": [{\"subject\": \"P\", \"period\": \"2026-01\", \"score\": "
            "\"26999/300\"}, {\"subject\": \"P\", \"period\": \"2026-02\", \"score\": 80}]}",
            &out) == PMQ_OK);
  CHECK(contains(out, "\"previous\":\"2026-01\""));
  pmq_free(out);
  out = NULL;
  CHECK(pmq_consecutive_failures(
            "{\"assessments\": [{\"subject\": \"P\", \"period\": \"2026-01\", \"score\": "
            "\"x\"}]}",
            &out) == PMQ_EINPUT);
  CHECK(strcmp(pmq_last_error_path(), "assessments[0].score") == 0);
}

static void test_complaints(void) {
  char *out = NULL;
  CHECK(pmq_complaint_classes(&out) == PMQ_OK);
  CHECK(contains(out, "\"urgent_repair\""));
  pmq_free(out);
  out = NULL;
  CHECK(pmq_complaints_evaluate(
            "{\"as_of\": \"2026-11-30T18:00+08:00\", \"complaints\": [{\"id\": \"C-1\", "
            "\"category\": \"urgent_repair\", \"received\": \"2026-11-30T08:00+08:00\", "
            "\"responded\": \"2026-11-30T08:31+08:00\", \"handled\": \"2026-11-30T08:50+08:00\"}]}",
            &out) == PMQ_OK);
  CHECK(contains(out, "\"handled_late\":1"));
  CHECK(contains(out, "\"valid_complaints\":1"));
  pmq_free(out);
  out = NULL;
  CHECK(pmq_complaints_evaluate(
            "{\"as_of\": \"2026-11-30T18:00+08:00\", \"complaints\": [{\"id\": \"C-1\", "
            "\"category\": \"other\", \"received\": \"2026-11-30T08:00\"}]}",
            &out) == PMQ_EINPUT);
  CHECK(strcmp(pmq_last_error_path(), "complaints[0].received") == 0);
  /* an offset no zone uses */
  CHECK(pmq_complaints_evaluate(
            "{\"as_of\": \"2026-11-30T18:00+08:00\", \"complaints\": [{\"id\": \"C-1\", "
            "\"category\": \"other\", \"received\": \"2026-11-30T08:00+14:30\"}]}",
            &out) == PMQ_EINPUT);
  CHECK(strcmp(pmq_last_error_path(), "complaints[0].received") == 0);
}

int main(void) {
  test_deadlines();
  test_plan_and_sample();
  test_rectification();
  test_coverage();
  test_complaints();
  return check_report();
}
