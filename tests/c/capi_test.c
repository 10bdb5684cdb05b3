/* Tests the C ABI from C (compiled as C11 with -Wall -Wextra -Wpedantic -Werror). */
#include "check.h"

#include <pmq/pmq.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *standard_json =
    "{\"id\":\"c-test\",\"version\":\"1\",\"title\":\"C 测试\",\"total\":10,\"sections\":[{\"id\":"
    "\"BJ\",\"title\":\"保洁\",\"items\":["
    "{\"id\":\"BJ-01\",\"title\":\"楼道\",\"requirement\":\"无杂物\",\"max_score\":6,\"kind\":"
    "\"deduct\",\"deduction\":0.1},"
    "{\"id\":\"BJ-02\",\"title\":\"垃圾桶\",\"requirement\":\"无异味\",\"max_score\":4,\"kind\":"
    "\"pass_fail\"}]}]}";

static void test_version(void) {
  char expected[32];
  snprintf(expected, sizeof expected, "%d.%d.%d", PMQ_VERSION_MAJOR, PMQ_VERSION_MINOR,
           PMQ_VERSION_PATCH);
  CHECK(strcmp(pmq_version(), expected) == 0);
}

static void test_score(void) {
  pmq_standard *s = NULL;
  char *result = NULL;
  CHECK(pmq_standard_load(standard_json, &s) == PMQ_OK);
  CHECK(s != NULL);
  CHECK(strcmp(pmq_last_error(), "") == 0);
  /* fifty 0.1 deductions: 6 - 5 = 1, total 5 exactly */
  CHECK(pmq_score(s, "{\"id\":\"I-1\",\"responses\":[{\"item\":\"BJ-01\",\"defects\":50}]}",
                  &result) == PMQ_OK);
  CHECK(contains(result, "\"score\":5,"));
  CHECK(contains(result, "50 处 × 0.1 = 扣 5 分"));
  pmq_free(result);
  result = NULL;
  CHECK(pmq_score_batch(s, "[{\"id\":\"a\",\"responses\":[]},{\"id\":\"b\",\"responses\":[]}]",
                        &result) == PMQ_OK);
  CHECK(result != NULL && result[0] == '[');
  pmq_free(result);
  pmq_standard_free(s);
}

static void test_builtin(void) {
  pmq_standard *s = NULL;
  char *ids = NULL, *json = NULL;
  CHECK(pmq_standard_builtin(NULL, &s) == PMQ_OK);
  CHECK(pmq_standard_to_json(s, &json) == PMQ_OK);
  CHECK(contains(json, "pmq-residential-example"));
  pmq_free(json);
  pmq_standard_free(s);
  s = NULL;
  CHECK(pmq_builtin_standards(&ids) == PMQ_OK);
  CHECK(contains(ids, "cn-national-demo-estate"));
  pmq_free(ids);
  CHECK(pmq_standard_builtin("no-such", &s) == PMQ_EINVAL);
  CHECK(s == NULL);
  CHECK(contains(pmq_last_error(), "no built-in standard"));
}

static void test_errors(void) {
  pmq_standard *s = NULL;
  char *result = NULL;
  /* malformed JSON */
  CHECK(pmq_standard_load("{", &s) == PMQ_EPARSE);
  CHECK(s == NULL);
  /* a field with the wrong type, named by its path */
  CHECK(pmq_standard_load("{\"id\":\"x\",\"version\":\"1\",\"title\":\"t\",\"sections\":[{\"id\":"
                          "\"A\",\"title\":\"a\",\"items\":[{\"id\":\"I\",\"title\":\"i\","
                          "\"requirement\":\"r\",\"max_score\":-2,\"kind\":\"pass_fail\"}]}]}",
                          &s) == PMQ_EINPUT);
  CHECK(strcmp(pmq_last_error_path(), "sections[0].items[0].max_score") == 0);
  CHECK(contains(pmq_last_error(), "must be greater than 0"));
  CHECK(contains(pmq_last_error_json(), "sections[0].items[0].max_score"));
  /* unknown item in an inspection */
  CHECK(pmq_standard_load(standard_json, &s) == PMQ_OK);
  CHECK(pmq_score(s, "{\"id\":\"I\",\"responses\":[{\"item\":\"ZZ\"}]}", &result) == PMQ_EINPUT);
  CHECK(result == NULL);
  CHECK(strcmp(pmq_last_error_path(), "responses[0].item") == 0);
  /* NULL arguments never crash */
  CHECK(pmq_score(NULL, "{}", &result) == PMQ_EINVAL);
  CHECK(pmq_score(s, NULL, &result) == PMQ_EINVAL);
  CHECK(pmq_score(s, "{}", NULL) == PMQ_EINVAL);
  CHECK(pmq_score_batch(s, NULL, &result) == PMQ_EINVAL);
  {
    pmq_standard *unused = NULL;
    CHECK(pmq_standard_load(NULL, &unused) == PMQ_EINVAL);
    CHECK(unused == NULL);
  }
  CHECK(pmq_standard_load(standard_json, NULL) == PMQ_EINVAL);
  CHECK(pmq_standard_to_json(NULL, &result) == PMQ_EINVAL);
  CHECK(pmq_builtin_standards(NULL) == PMQ_EINVAL);
  CHECK(contains(pmq_last_error(), "must not be NULL"));
  pmq_standard_free(NULL);
  pmq_free(NULL);
  pmq_standard_free(s);
  s = NULL;
  /* success clears the last error */
  CHECK(pmq_standard_load(standard_json, &s) == PMQ_OK);
  CHECK(strcmp(pmq_last_error(), "") == 0);
  CHECK(strcmp(pmq_last_error_json(), "[]") == 0);
  pmq_standard_free(s);
}

static void test_bands_rollup_derive(void) {
  pmq_bands *pay = NULL, *bad = NULL;
  pmq_standard *co = NULL, *project = NULL;
  char *out = NULL;
  size_t n = 0;
  int64_t score = 0;
  int64_t values[2];
  /* R-SCORE-4 edges through the C ABI */
  CHECK(pmq_bands_builtin("pay_adjustment", &pay) == PMQ_OK);
  CHECK(pmq_bands_classify(pay, 95000, &out) == PMQ_OK);
  CHECK(contains(out, "\"plus_10\""));
  pmq_free(out);
  CHECK(pmq_bands_classify(pay, 94999, &out) == PMQ_OK);
  CHECK(contains(out, "\"plus_5\""));
  pmq_free(out);
  out = NULL;
  CHECK(pmq_bands_classify(pay, 100001, &out) == PMQ_EINVAL);
  CHECK(out == NULL);
  CHECK(pmq_bands_classify(NULL, 1, &out) == PMQ_EINVAL);
  /* issue 9: decided on the exact score — 26999/300 (89.9967, shown 90) is below 90 */
  CHECK(pmq_bands_classify_exact(pay, "26999/300", &out) == PMQ_OK);
  CHECK(contains(out, "\"unchanged\""));
  pmq_free(out);
  CHECK(pmq_bands_classify_exact(pay, "90", &out) == PMQ_OK);
  CHECK(contains(out, "\"plus_5\""));
  pmq_free(out);
  CHECK(pmq_bands_classify_exact(pay, "89.99999999999999999", &out) == PMQ_OK);
  CHECK(contains(out, "\"unchanged\""));
  pmq_free(out);
  out = NULL;
  CHECK(pmq_bands_classify_exact(pay, "ninety", &out) == PMQ_EINPUT);
  CHECK(out == NULL);
  CHECK(strcmp(pmq_last_error_path(), "score") == 0);
  CHECK(pmq_bands_classify_exact(pay, "1/0", &out) == PMQ_EINPUT);
  CHECK(pmq_bands_classify_exact(pay, NULL, &out) == PMQ_EINVAL);
  CHECK(pmq_bands_classify_exact(pay, "100.001", &out) == PMQ_EINVAL);
  pmq_bands_free(pay);
  pmq_bands_free(NULL);
  /* a table leaving 100 in no band is refused */
  CHECK(pmq_bands_load("{\"id\":\"t\",\"title\":\"t\",\"min\":0,\"max\":100,\"bands\":[{\"id\":"
                       "\"a\",\"label\":\"a\",\"to\":100,\"to_edge\":\"exclusive\"}]}",
                       &bad) == PMQ_EINPUT);
  CHECK(bad == NULL);
  CHECK(strcmp(pmq_last_error_path(), "bands[0].to_edge") == 0);
  /* R-SCORE-5 */
  CHECK(pmq_per_point_pay(88500, NULL, &out) == PMQ_OK);
  CHECK(contains(out, "\"pay_reduction\":1"));
  pmq_free(out);
  CHECK(pmq_per_point_pay(88500, "{\"rounding\":\"exact\"}", &out) == PMQ_OK);
  CHECK(contains(out, "\"pay_reduction\":1.5"));
  pmq_free(out);
  /* scores outside 0..100 are refused, INT64_MIN without overflow */
  out = NULL;
  CHECK(pmq_per_point_pay(150000, NULL, &out) == PMQ_EINPUT);
  CHECK(out == NULL);
  CHECK(strcmp(pmq_last_error_path(), "score") == 0);
  CHECK(pmq_per_point_pay(INT64_MIN, NULL, &out) == PMQ_EINPUT);
  CHECK(strcmp(pmq_last_error_path(), "score") == 0);
  CHECK(pmq_per_point_pay_exact("269/3", "{\"rounding\":\"exact\"}", &out) == PMQ_OK);
  CHECK(contains(out, "\"points_lost_exact\":\"1/3\""));
  pmq_free(out);
  CHECK(pmq_per_point_pay_exact("x", NULL, &out) == PMQ_EINPUT);
  CHECK(strcmp(pmq_last_error_path(), "score") == 0);
  /* R-SCORE-1/2 */
  CHECK(pmq_rollup(
            "{\"branches\":[{\"id\":\"b\",\"projects\":[{\"id\":\"p\",\"scores\":[95,94,94]}]}]}",
            &out) == PMQ_OK);
  CHECK(contains(out, "\"exact\":\"283/3\""));
  pmq_free(out);
  CHECK(pmq_rollup("{\"branches\":[{\"id\":\"b\",\"projects\":[{\"id\":\"p\",\"scores\":[-1]}]}]}",
                   &out) == PMQ_EINPUT);
  CHECK(strcmp(pmq_last_error_path(), "branches[0].projects[0].scores[0]") == 0);
  /* R-STD-2 derive, then the typed path */
  CHECK(pmq_standard_load(standard_json, &co) == PMQ_OK);
  CHECK(pmq_standard_derive(co, "{\"id\":\"p\",\"clauses\":[\"BJ-01\"]}", &project) == PMQ_OK);
  CHECK(pmq_standard_item_count(project, &n) == PMQ_OK);
  CHECK(n == 1);
  CHECK(pmq_standard_derive(co, "{\"id\":\"p\"}", NULL) == PMQ_EINVAL);
  {
    pmq_standard *none = NULL;
    CHECK(pmq_standard_derive(co, "{\"id\":\"p\",\"clauses\":[\"NOPE\"]}", &none) == PMQ_EINPUT);
    CHECK(none == NULL);
    CHECK(strcmp(pmq_last_error_path(), "clauses[0]") == 0);
  }
  values[0] = 50;
  CHECK(pmq_score_values(project, values, 1, &score) == PMQ_OK);
  CHECK(score == 1000); /* 6 - 50 × 0.1 = 1 */
  values[0] = PMQ_NOT_APPLICABLE;
  CHECK(pmq_score_values(project, values, 1, &score) == PMQ_OK);
  CHECK(score == PMQ_NO_DATA);
  values[0] = -9;
  CHECK(pmq_score_values(project, values, 1, &score) == PMQ_EINPUT);
  CHECK(strcmp(pmq_last_error_path(), "values[0]") == 0);
  CHECK(pmq_score_values(project, NULL, 1, &score) == PMQ_EINVAL);
  CHECK(pmq_score_values(project, values, 2, &score) == PMQ_EINPUT);
  pmq_standard_free(project);
  pmq_standard_free(co);
}

int main(void) {
  test_version();
  test_score();
  test_builtin();
  test_errors();
  test_bands_rollup_derive();
  return check_report();
}
