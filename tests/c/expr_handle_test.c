/* The compiled expression handle (pmq_expr_*) from C (compiled as C11): parsed once,
 * evaluated many times with int64 counts, exact results, no data, and bad input refused. */
#include "check.h"

#include <pmq/pmq.h>

#include <stdint.h>
#include <string.h>

int main(void) {
  pmq_expr *e = NULL;
  size_t n = 0;
  const char *name = NULL;
  int64_t num = -1, den = -1;
  int64_t values[2];
  int64_t k;

  CHECK(pmq_expr_create("(valid - late) / valid", &e) == PMQ_OK);
  CHECK(pmq_expr_name_count(e, &n) == PMQ_OK);
  CHECK(n == 2);
  CHECK(pmq_expr_name(e, 0, &name) == PMQ_OK);
  CHECK(name && strcmp(name, "late") == 0); /* names sorted: the values' order */
  CHECK(pmq_expr_name(e, 1, &name) == PMQ_OK);
  CHECK(name && strcmp(name, "valid") == 0);
  CHECK(pmq_expr_name(e, 2, &name) == PMQ_EINVAL);
  CHECK(name == NULL);

  values[0] = 1;
  values[1] = 40;
  CHECK(pmq_expr_eval_int64(e, values, 2, &num, &den) == PMQ_OK);
  CHECK(num == 39 && den == 40); /* exact: 39/40 */
  /* many evaluations of the one handle, each exact */
  for (k = 1; k <= 1000; ++k) {
    values[0] = k % 7;
    values[1] = k + 10;
    CHECK(pmq_expr_eval_int64(e, values, 2, &num, &den) == PMQ_OK);
    CHECK(num * (k + 10) == (k + 10 - k % 7) * den);
  }
  /* a zero divisor: no data (denominator 0), never 0 or 100 % */
  values[0] = 0;
  values[1] = 0;
  CHECK(pmq_expr_eval_int64(e, values, 2, &num, &den) == PMQ_OK);
  CHECK(den == 0);

  /* bad input */
  values[0] = -1;
  values[1] = 4;
  CHECK(pmq_expr_eval_int64(e, values, 2, &num, &den) == PMQ_EINPUT);
  CHECK(strcmp(pmq_last_error_path(), "values[0]") == 0);
  values[0] = 1;
  CHECK(pmq_expr_eval_int64(e, values, 1, &num, &den) == PMQ_EINPUT);
  CHECK(strcmp(pmq_last_error_path(), "values") == 0);
  CHECK(pmq_expr_eval_int64(e, NULL, 2, &num, &den) == PMQ_EINVAL);
  CHECK(pmq_expr_eval_int64(NULL, values, 2, &num, &den) == PMQ_EINVAL);
  CHECK(pmq_expr_eval_int64(e, values, 2, NULL, &den) == PMQ_EINVAL);
  pmq_expr_free(e);

  /* a result whose terms do not fit int64 */
  e = NULL;
  CHECK(pmq_expr_create("a * a * a", &e) == PMQ_OK);
  values[0] = INT64_MAX;
  CHECK(pmq_expr_eval_int64(e, values, 1, &num, &den) == PMQ_EINPUT);
  CHECK(contains(pmq_last_error(), "does not fit int64"));
  pmq_expr_free(e);

  /* an expression that does not parse */
  e = (pmq_expr *)1;
  CHECK(pmq_expr_create("(a + b", &e) == PMQ_EINPUT);
  CHECK(e == NULL);
  CHECK(contains(pmq_last_error(), "at position 7"));
  CHECK(pmq_expr_create(NULL, &e) == PMQ_EINVAL);
  CHECK(pmq_expr_create("a", NULL) == PMQ_EINVAL);
  pmq_expr_free(NULL);
  return check_report();
}
