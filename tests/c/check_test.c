/* The C ABI for checking a company's rules and running its test cases. */
#include "check.h"

#include <pmq/pmq.h>

int main(void) {
  char *out = NULL;
  CHECK(pmq_check("{\"id\":\"co\",\"version\":\"1\",\"title\":\"t\",\"pass_mark\":0,\"sections\":"
                  "[{\"id\":\"A\",\"title\":\"a\",\"items\":[{\"id\":\"A-1\",\"title\":\"x\","
                  "\"requirement\":\"r\",\"max_score\":2,\"kind\":\"deduct\",\"deduction\":2}]}]}",
                  NULL, &out) == PMQ_OK);
  CHECK(contains(out, "\"valid\":true"));
  CHECK(contains(out, "sections[0].items[0].deduction"));
  CHECK(contains(out, "every inspection passes"));
  pmq_free(out);

  /* A document that does not load is still an answer: PMQ_OK with its errors. */
  CHECK(pmq_check("{\"id\":\"t\",\"title\":\"t\",\"min\":0,\"max\":100,\"bands\":[]}", "band_table",
                  &out) == PMQ_OK);
  CHECK(contains(out, "\"valid\":false"));
  pmq_free(out);
  CHECK(pmq_check("{}", "nonsense", &out) == PMQ_EINVAL);
  CHECK(out == NULL);
  CHECK(pmq_check("{", NULL, &out) == PMQ_EPARSE);
  CHECK(contains(pmq_last_error(), "line 1, column 2"));
  CHECK(pmq_check(NULL, NULL, &out) == PMQ_EINVAL);
  CHECK(pmq_check("{}", NULL, NULL) == PMQ_EINVAL);

  CHECK(pmq_test_case("{\"name\":\"b\",\"bands\":\"pay_adjustment\",\"score\":\"94.999\","
                      "\"expect\":{\"band\":\"plus_10\"}}",
                      &out) == PMQ_OK);
  CHECK(contains(out, "\"passed\":false"));
  CHECK(contains(out, "\"expected\":\"plus_10\",\"actual\":\"plus_5\""));
  pmq_free(out);
  CHECK(pmq_test_case(NULL, &out) == PMQ_EINVAL);
  return check_report();
}
