/* Tests the assessment part of the C ABI from C (C11): pmq_assess and pmq_assess_table
   (R-SCORE-1, R-SCORE-3, R-SCORE-4, R-CAL-5, R-REP-2). */
#include "check.h"

#include <pmq/pmq.h>

#include <stdio.h>
#include <string.h>

#define ORG                                                                                                  \
  "\"organisation\": {\"company\": \"华信物业\", \"branches\": [{\"id\": \"东区\", \"head\": "         \
  "\"李强\", \"projects\": [{\"id\": \"翠湖花园\", \"head\": \"陈静\"}, {\"id\": \"金色家园\", " \
  "\"head\": \"孙丽\"}]}]}"

/* 89.99, 90, 90: the exact mean 26999/300 is shown as 90.00 but is below 90 (R-SCORE-4). */
static const char *edge_request =
    "{\"period\": \"2026-11\", " ORG ", \"scores\": ["
    "{\"project\": \"翠湖花园\", \"inspector\": \"甲\", \"score\": \"89.99\"},"
    "{\"project\": \"翠湖花园\", \"inspector\": \"乙\", \"score\": 90},"
    "{\"project\": \"翠湖花园\", \"inspector\": \"丙\", \"score\": 90}]}";

static void test_assess(void) {
  char *out = NULL;
  CHECK(pmq_assess(edge_request, &out) == PMQ_OK);
  CHECK(contains(out, "\"exact\":\"26999/300\""));
  CHECK(contains(out, "\"score\":90,"));
  CHECK(contains(out, "\"band\":\"unchanged\""));
  CHECK(contains(out, "\"passed\":false"));
  CHECK(contains(out, "\"due\":\"2026-12-05\"")); /* R-CAL-5 */
  CHECK(contains(out, "\"kind\":\"project_no_data\",\"branch\":\"东区\",\"project\":\"金色家园\""));
  pmq_free(out);
}

static void test_carry_over(void) {
  const char *req = "{\"period\": \"2026-11\", " ORG ", \"scores\": ["
                    "{\"project\": \"翠湖花园\", \"inspector\": \"甲\", \"score\": 96},"
                    "{\"project\": \"翠湖花园\", \"inspector\": \"乙\", \"score\": 95}],"
                    " \"carry_over\": [{\"order\": \"ZG-1\", \"project\": \"翠湖花园\", "
                    "\"points\": 2, \"reason\": \"未整改\"}]}";
  char *out = NULL;
  CHECK(pmq_assess(req, &out) == PMQ_OK);
  CHECK(contains(out, "\"mean_exact\":\"191/2\"")); /* 95.5 before, once: 93.5 after */
  CHECK(contains(out, "\"exact\":\"187/2\""));
  CHECK(contains(out, "\"band\":\"plus_5\""));
  pmq_free(out);
}

static void test_tables(void) {
  char *out = NULL;
  CHECK(pmq_assess_table(edge_request, NULL, NULL, &out) == PMQ_OK);
  CHECK(contains(out, "《东区2026年11月份项目考核评分汇总表》"));
  CHECK(contains(out, "按精确值 26999/300"));
  pmq_free(out);
  out = NULL;
  CHECK(pmq_assess_table(edge_request, "csv", "en", &out) == PMQ_OK);
  CHECK(out && strncmp(out, "\xEF\xBB\xBF", 3) == 0); /* UTF-8 with a BOM, for Excel */
  CHECK(contains(out, "No.,Project,Head,甲,乙,丙,Mean"));
  CHECK(contains(out, "\r\n"));
  pmq_free(out);
  out = NULL;
  CHECK(pmq_assess_table(edge_request, "xlsx", "zh", &out) == PMQ_EINVAL);
  CHECK(strcmp(pmq_last_error_path(), "format") == 0);
  CHECK(pmq_assess_table(edge_request, "text", "fr", &out) == PMQ_EINVAL);
  CHECK(out == NULL);
}

static void test_errors(void) {
  char *out = NULL;
  const char *bad = "{\"period\": \"2026-11\", " ORG ", \"scores\": ["
                    "{\"project\": \"翠湖\", \"inspector\": \"甲\", \"score\": 90},"
                    "{\"project\": \"金色家园\", \"inspector\": \"甲\", \"score\": 90, "
                    "\"date\": \"2026-12-01\"}]}";
  CHECK(pmq_assess(bad, &out) == PMQ_EINPUT);
  CHECK(out == NULL);
  CHECK(strcmp(pmq_last_error_path(), "scores[0].project") == 0);
  CHECK(contains(pmq_last_error_json(), "\"path\":\"scores[1].date\""));
  CHECK(pmq_assess("{\"period\": ", &out) == PMQ_EPARSE);
  CHECK(pmq_assess(NULL, &out) == PMQ_EINVAL);
  CHECK(pmq_assess(edge_request, NULL) == PMQ_EINVAL);
  CHECK(pmq_assess_table(NULL, "text", "zh", &out) == PMQ_EINVAL);
  CHECK(pmq_assess_table(edge_request, "text", "zh", NULL) == PMQ_EINVAL);
}

int main(void) {
  test_assess();
  test_carry_over();
  test_tables();
  test_errors();
  return check_report();
}
