/* The typed batch (pmq_score_values_batch) from C (compiled as C11): one score per row, as
 * pmq_score_values gives it, and every kind of bad argument refused with its code and path. */
#include "check.h"

#include <pmq/pmq.h>

#include <stdint.h>
#include <string.h>

static const char *standard_json =
    "{\"id\":\"c-typed\",\"version\":\"1\",\"title\":\"typed\",\"total\":10,\"sections\":[{\"id\":"
    "\"BJ\",\"title\":\"保洁\",\"items\":["
    "{\"id\":\"BJ-01\",\"title\":\"楼道\",\"requirement\":\"无杂物\",\"max_score\":6,\"kind\":"
    "\"deduct\",\"deduction\":0.1},"
    "{\"id\":\"BJ-02\",\"title\":\"垃圾桶\",\"requirement\":\"无异味\",\"max_score\":4,\"kind\":"
    "\"pass_fail\"}]}]}";

int main(void) {
  pmq_standard *s = NULL;
  const int64_t rows[8] = {3, 1, PMQ_NO_RESPONSE, 0, PMQ_NOT_APPLICABLE, PMQ_NOT_APPLICABLE, 70, 1};
  const int64_t expected[4] = {9700, 6000, PMQ_NO_DATA, 4000};
  int64_t scores[4] = {0, 0, 0, 0};
  size_t k;
  CHECK(pmq_standard_load(standard_json, &s) == PMQ_OK);

  CHECK(pmq_score_values_batch(s, rows, 4, 2, scores) == PMQ_OK);
  for (k = 0; k < 4; ++k) {
    int64_t single = 0;
    CHECK(scores[k] == expected[k]);
    CHECK(pmq_score_values(s, rows + 2 * k, 2, &single) == PMQ_OK);
    CHECK(single == scores[k]);
  }
  /* no inspections: nothing written, nothing read */
  CHECK(pmq_score_values_batch(s, NULL, 0, 2, NULL) == PMQ_OK);

  /* bad values: every row checked, the first problem's path names its row */
  {
    const int64_t bad[6] = {1, 1, 1, 7, -9, 0};
    CHECK(pmq_score_values_batch(s, bad, 3, 2, scores) == PMQ_EINPUT);
    CHECK(strcmp(pmq_last_error_path(), "[1].values[1]") == 0);
    CHECK(contains(pmq_last_error_json(), "[2].values[0]"));
  }
  /* rows of the wrong width, NULL arguments */
  CHECK(pmq_score_values_batch(s, rows, 2, 3, scores) == PMQ_EINPUT);
  CHECK(strcmp(pmq_last_error_path(), "values") == 0);
  CHECK(contains(pmq_last_error(), "rows of 3 values"));
  CHECK(pmq_score_values_batch(s, rows, SIZE_MAX, 2, scores) == PMQ_EINPUT);
  CHECK(pmq_score_values_batch(s, NULL, 1, 2, scores) == PMQ_EINVAL);
  CHECK(pmq_score_values_batch(s, rows, 1, 2, NULL) == PMQ_EINVAL);
  CHECK(pmq_score_values_batch(NULL, rows, 1, 2, scores) == PMQ_EINVAL);

  pmq_standard_free(s);
  return check_report();
}
