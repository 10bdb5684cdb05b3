/* Tests the KPI part of the C ABI from C (C11, -Wall -Wextra -Wpedantic -Werror). */
#include "check.h"

#include <pmq/pmq.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* R-KPI-31: a zero denominator is no data, not 0 % or 100 % */
static void test_rate(void) {
  char *pct = NULL;
  int has = -1, status = -1;
  CHECK(pmq_rate(197, 200, 2, &pct, &has) == PMQ_OK);
  CHECK(has == 1 && pct && strcmp(pct, "98.50") == 0);
  pmq_free(pct);
  pct = NULL;
  CHECK(pmq_rate(1, 8, 1, &pct, &has) == PMQ_OK); /* 12.5 % -> half up */
  CHECK(pct && strcmp(pct, "12.5") == 0);
  pmq_free(pct);
  pct = NULL;
  CHECK(pmq_rate(0, 0, 2, &pct, &has) == PMQ_OK);
  CHECK(has == 0 && pct == NULL);
  CHECK(pmq_rate(1, -2, 2, &pct, &has) == PMQ_EINVAL);
  CHECK(strcmp(pmq_last_error_path(), "denominator") == 0);
  CHECK(pmq_rate(1, 2, 12, &pct, &has) == PMQ_EINVAL);
  CHECK(pmq_rate(1, 2, 2, NULL, &has) == PMQ_EINVAL);

  CHECK(pmq_rate_check(49, 50, "ge", "98", &status) == PMQ_OK && status == PMQ_KPI_MET);
  CHECK(pmq_rate_check(89999, 100000, "ge", "90", &status) == PMQ_OK && status == PMQ_KPI_MISSED);
  CHECK(pmq_rate_check(0, 0, "ge", "90", &status) == PMQ_OK && status == PMQ_KPI_NO_DATA);
  CHECK(pmq_rate_check(1, 2, ">=", "90", &status) == PMQ_EINVAL);
  CHECK(pmq_rate_check(1, 2, "ge", "ninety", &status) == PMQ_EINVAL);
}

static void test_catalogue(void) {
  char *out = NULL;
  const char *names[] = {"valid_complaints", "handled_late"};
  const int64_t values[] = {40, 1};
  CHECK(pmq_kpi_catalogue(&out) == PMQ_OK);
  CHECK(contains(out, "\"R-KPI-13\""));
  pmq_free(out);
  out = NULL;
  CHECK(pmq_kpi_evaluate("R-KPI-12", "{\"valid_complaints\":40,\"handled_late\":1}", &out) ==
        PMQ_OK);
  CHECK(contains(out, "\"exact\":\"39/40\",\"value\":\"97.50\""));
  CHECK(contains(out, "\"status\":\"missed\""));
  pmq_free(out);
  out = NULL;
  CHECK(pmq_kpi_evaluate_counts("complaint_timeliness", names, values, 2, &out) == PMQ_OK);
  CHECK(contains(out, "\"gap\":\"-2.50\""));
  pmq_free(out);
  out = NULL;
  CHECK(pmq_kpi_evaluate("R-KPI-12", "{\"valid_complaints\":0,\"handled_late\":0}", &out) ==
        PMQ_OK);
  CHECK(contains(out, "\"no_data\":true"));
  CHECK(contains(out, "\"status\":\"no_data\""));
  pmq_free(out);
  out = NULL;
  /* impossible counts name the field */
  CHECK(pmq_kpi_evaluate("R-KPI-12", "{\"valid_complaints\":3,\"handled_late\":4}", &out) ==
        PMQ_EINPUT);
  CHECK(strcmp(pmq_last_error_path(), "counts.handled_late") == 0);
  CHECK(pmq_kpi_evaluate("R-KPI-12", "{\"valid_complaints\":-3,\"handled_late\":0}", &out) ==
        PMQ_EINPUT);
  CHECK(strcmp(pmq_last_error_path(), "counts.valid_complaints") == 0);
  CHECK(pmq_kpi_evaluate("R-KPI-99", "{}", &out) == PMQ_EINVAL);
  CHECK(pmq_kpi_evaluate("R-KPI-12", "{", &out) == PMQ_EPARSE);
  CHECK(out == NULL);
  CHECK(pmq_kpi_evaluate_counts("R-KPI-12", NULL, NULL, 1, &out) == PMQ_EINVAL);
}

static void test_expr_and_custom(void) {
  char *out = NULL;
  CHECK(pmq_expr_evaluate("(valid - late) / valid", "{\"valid\":40,\"late\":1}", &out) == PMQ_OK);
  CHECK(contains(out, "\"exact\":\"39/40\""));
  pmq_free(out);
  out = NULL;
  CHECK(pmq_expr_evaluate("a / b", "{\"a\":1,\"b\":0}", &out) == PMQ_OK);
  CHECK(contains(out, "\"no_data\":true"));
  pmq_free(out);
  out = NULL;
  CHECK(pmq_expr_evaluate("(a + b", "{}", &out) == PMQ_EINPUT);
  CHECK(contains(pmq_last_error(), "at position 7"));
  CHECK(pmq_expr_evaluate("a + b", "{\"a\":1}", &out) == PMQ_EINPUT);
  CHECK(strcmp(pmq_last_error_path(), "values.b") == 0);
  CHECK(pmq_kpi_evaluate_custom("{\"id\":\"x\",\"name\":\"一次修复率\",\"expression\":\"(r - v) / "
                                "r\",\"inputs\":[{\"name\":\"r\","
                                "\"description\":\"维修\"},{\"name\":\"v\",\"description\":"
                                "\"返修\"}],\"target\":{\"op\":\"ge\","
                                "\"threshold\":95,\"unit\":\"percent\"}}",
                                "{\"r\":20,\"v\":1}", &out) == PMQ_OK);
  CHECK(contains(out, "\"status\":\"met\""));
  pmq_free(out);
}

static void test_table_and_fees(void) {
  char *out = NULL;
  const char *plan =
      "{\"company\":\"XX物业\",\"year\":2026,\"targets\":[{\"key\":\"KF-01\",\"kpi\":\"R-KPI-12\","
      "\"department\":\"客服部\",\"owner\":\"张三\"}]}";
  const char *actuals =
      "[{\"month\":\"2026-01\",\"actuals\":[{\"target\":\"KF-01\",\"counts\":{\"valid_complaints\":"
      "40,"
      "\"handled_late\":1}}]},{\"month\":\"2026-03\",\"actuals\":[{\"target\":\"KF-01\",\"counts\":"
      "{\"valid_complaints\":10,\"handled_late\":0}}]}]";
  const char *months =
      "[{\"month\":\"2026-01\",\"counts\":{\"valid_complaints\":40,\"handled_late\":1}},"
      "{\"month\":\"2026-03\",\"counts\":{\"valid_complaints\":10,\"handled_late\":0}}]";
  const char *fees = "{\"name\":\"欠费收缴\",\"lines\":[{\"fee_type\":\"电费欠费\",\"due\":152700,"
                     "\"target_rate\":90,"
                     "\"collected\":[{\"month\":\"2026-05\",\"amount\":137430}]}]}";
  CHECK(pmq_kpi_table(plan, actuals, "2026-Q1", &out) == PMQ_OK);
  CHECK(contains(out, "\"exact\":\"49/50\"")); /* summed, not averaged */
  CHECK(contains(out, "质量目标完成统计表"));
  pmq_free(out);
  out = NULL;
  CHECK(pmq_kpi_table(plan, actuals, "2026-Q5", &out) == PMQ_EINVAL);
  CHECK(pmq_kpi_series("R-KPI-12", months, "month", &out) == PMQ_OK);
  CHECK(contains(out, "\"period\":\"2026-02\",\"months\":[],\"counts\":null"));
  pmq_free(out);
  out = NULL;
  CHECK(pmq_kpi_series("R-KPI-12", months, "fortnight", &out) == PMQ_EINVAL);
  CHECK(pmq_fee_plan_check(fees, "2026-Q2", &out) == PMQ_OK);
  CHECK(contains(out, "\"required\":\"137430.00\""));
  CHECK(contains(out, "\"status\":\"met\""));
  pmq_free(out);
  out = NULL;
  CHECK(pmq_fee_plan_check(fees, NULL, &out) == PMQ_EINVAL);
}

/* Issue 9: exact where the rules meet. */

/* R-KPI-31: rates of counts; a negative numerator is refused like a negative denominator, and
   any int64 counts give the exact rate. */
static void test_rate_inputs(void) {
  char *pct = NULL;
  int has = -1, status = -1;
  CHECK(pmq_rate(-1, 10, 2, &pct, &has) == PMQ_EINVAL); /* was accepted: "-10.00" */
  CHECK(strcmp(pmq_last_error_path(), "numerator") == 0);
  CHECK(contains(pmq_last_error(), "must not be negative"));
  CHECK(pct == NULL && has == 0);
  CHECK(pmq_rate(-1, -1, 2, &pct, &has) == PMQ_EINVAL); /* both named */
  CHECK(contains(pmq_last_error_json(), "\"numerator\"") &&
        contains(pmq_last_error_json(), "\"denominator\""));
  CHECK(pmq_rate(0, 10, 2, &pct, &has) == PMQ_OK); /* the other side: zero is a count */
  CHECK(has == 1 && pct && strcmp(pct, "0.00") == 0);
  pmq_free(pct);
  pct = NULL;
  CHECK(pmq_rate_check(-1, 10, "ge", "0", &status) == PMQ_EINVAL);
  CHECK(strcmp(pmq_last_error_path(), "numerator") == 0);
  CHECK(pmq_rate(INT64_MAX - 1, INT64_MAX, 9, &pct, &has) == PMQ_OK);
  CHECK(pct && strcmp(pct, "100.000000000") == 0);
  pmq_free(pct);
  pct = NULL;
  CHECK(pmq_rate_check(INT64_MAX - 1, INT64_MAX, "ge", "100", &status) == PMQ_OK);
  CHECK(status == PMQ_KPI_MISSED); /* shows 100.000000000, is below 100 % */
  CHECK(pmq_rate_check(INT64_MAX, INT64_MAX, "ge", "100", &status) == PMQ_OK);
  CHECK(status == PMQ_KPI_MET);
}

/* R-KPI-31, R-KPI-12: large values are exact; counts are whole; the miss shows its sign. */
static void test_large_and_whole(void) {
  char *out = NULL;
  CHECK(pmq_expr_evaluate("a * a", "{\"a\":1000000000}", &out) == PMQ_OK);
  CHECK(contains(out, "\"exact\":\"1000000000000000000\""));
  pmq_free(out);
  out = NULL;
  CHECK(pmq_expr_evaluate("a * a", "{\"a\":1000000000000000000}", &out) == PMQ_OK);
  CHECK(contains(out, "\"exact\":\"1000000000000000000000000000000000000\""));
  pmq_free(out);
  out = NULL;
  CHECK(pmq_kpi_evaluate("R-KPI-12", "{\"valid_complaints\":1000000000000000,\"handled_late\":1}",
                         &out) == PMQ_OK);
  CHECK(contains(out, "\"exact\":\"999999999999999/1000000000000000\""));
  CHECK(contains(out, "\"status\":\"missed\""));
  CHECK(contains(out, "\"gap\":\"-0.00\""));
  pmq_free(out);
  out = NULL;
  CHECK(pmq_kpi_evaluate("R-KPI-12", "{\"valid_complaints\":1.5,\"handled_late\":0}", &out) ==
        PMQ_EINPUT);
  CHECK(strcmp(pmq_last_error_path(), "counts.valid_complaints") == 0);
  CHECK(contains(pmq_last_error(), "whole number"));
  CHECK(out == NULL);
  CHECK(pmq_expr_evaluate("c / a", "{\"a\":5191955096804367.22,\"c\":648}", &out) == PMQ_EINPUT);
  CHECK(strcmp(pmq_last_error_path(), "values.a") == 0);
  CHECK(pmq_kpi_evaluate("R-KPI-12",
                         "{\"valid_complaints\":4611686018427387904,\"handled_late\":0}",
                         &out) == PMQ_EINPUT);
  CHECK(strcmp(pmq_last_error_path(), "counts.valid_complaints") == 0);
}

/* R-KPI-26 over a quarter (every month), R-KPI-32 on an aggregate (rounded up once). */
static void test_periods_and_aggregates(void) {
  char *out = NULL;
  const char *months = "[{\"month\":\"2026-01\",\"counts\":{\"trainings\":1}},"
                       "{\"month\":\"2026-02\",\"counts\":{\"trainings\":0}},"
                       "{\"month\":\"2026-03\",\"counts\":{\"trainings\":0}}]";
  const char *fees = "{\"name\":\"计划\",\"lines\":["
                     "{\"fee_type\":\"电费欠费\",\"building\":\"8栋\",\"due\":135016.34,"
                     "\"target_rate\":92.5},"
                     "{\"fee_type\":\"物业费欠费\",\"building\":\"6栋\",\"due\":10868.75,"
                     "\"target_rate\":92.5}]}";
  CHECK(pmq_kpi_series("R-KPI-26", months, "quarter", &out) == PMQ_OK);
  CHECK(contains(out, "\"status\":\"missed\"")); /* was met: one training in January */
  CHECK(contains(out, "\"longer_periods\":\"every_month\""));
  pmq_free(out);
  out = NULL;
  CHECK(pmq_fee_plan_check(fees, "2026", &out) == PMQ_OK);
  CHECK(contains(out, "\"required\":\"134943.71\"")); /* the total; was 134943.72 */
  CHECK(!contains(out, "134943.72"));
  pmq_free(out);
}

int main(void) {
  test_rate();
  test_catalogue();
  test_expr_and_custom();
  test_table_and_fees();
  test_rate_inputs();
  test_large_and_whole();
  test_periods_and_aggregates();
  return check_report();
}
