/* The bad-input catalogue (docs/reliability.md): walks tests/data/invalid/manifest.tsv and
   gives each document to its entry point, which must fail with the manifest's status code and
   JSON path, no output, a message, and problems whose first path is that path. PMQ_EINTERNAL
   is never acceptable. Each function's valid base document must succeed, so that every bad
   document differs from a good one in the one way it names. */
#include "check.h"

#include <pmq/pmq.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *read_file(const char *path) {
  FILE *f = fopen(path, "rb");
  char *data = NULL;
  long n = 0;
  if (!f) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
    data = malloc((size_t)n + 1);
    if (data && fread(data, 1, (size_t)n, f) != (size_t)n) {
      free(data);
      data = NULL;
    }
    if (data) data[n] = '\0';
  }
  fclose(f);
  return data;
}

static char *valid(const char *name) {
  char path[512];
  char *data;
  snprintf(path, sizeof path, "%s/valid/%s", PMQ_TEST_DATA, name);
  data = read_file(path);
  if (!data) {
    fprintf(stderr, "cannot read %s\n", path);
    exit(2);
  }
  return data;
}

/* Shared inputs of the entry points that take more than the document. */
static pmq_standard *residential, *national;
static char *tender, *staffing_month, *supplier_month, *supplier_year, *custom, *custom_counts,
    *kpi_plan, *kpi_actuals;

/* Calls `function` with `doc`; *out_set tells whether an output was left set (and frees it).
   Returns -100 for a function the test does not know. */
static int call(const char *function, const char *doc, int *out_set) {
  char *out = NULL;
  pmq_standard *standard = NULL;
  pmq_bands *bands = NULL;
  int status = -100;
  if (!strcmp(function, "standard_load")) {
    status = pmq_standard_load(doc, &standard);
  } else if (!strcmp(function, "score")) {
    status = pmq_score(residential, doc, &out);
  } else if (!strcmp(function, "score_batch")) {
    status = pmq_score_batch(residential, doc, &out);
  } else if (!strcmp(function, "score_summary")) {
    status = pmq_score_summary(residential, doc, &out);
  } else if (!strcmp(function, "score_batch_summary")) {
    status = pmq_score_batch_summary(residential, doc, &out);
  } else if (!strcmp(function, "standard_derive")) {
    status = pmq_standard_derive(national, doc, &standard);
  } else if (!strcmp(function, "rollup")) {
    status = pmq_rollup(doc, &out);
  } else if (!strcmp(function, "bands_load")) {
    status = pmq_bands_load(doc, &bands);
  } else if (!strcmp(function, "per_point_pay")) {
    status = pmq_per_point_pay(87500, doc, &out);
  } else if (!strcmp(function, "supplier_qualify")) {
    status = pmq_supplier_qualify(doc, &out);
  } else if (!strcmp(function, "supplier_tender")) {
    status = pmq_supplier_tender(doc, NULL, &out);
  } else if (!strcmp(function, "supplier_tender_rules")) {
    status = pmq_supplier_tender(tender, doc, &out);
  } else if (!strcmp(function, "supplier_staffing")) {
    status = pmq_supplier_staffing(doc, NULL, &out);
  } else if (!strcmp(function, "supplier_staffing_rules")) {
    status = pmq_supplier_staffing(staffing_month, doc, &out);
  } else if (!strcmp(function, "supplier_month")) {
    status = pmq_supplier_month(doc, NULL, &out);
  } else if (!strcmp(function, "supplier_monthly_rules")) {
    status = pmq_supplier_month(supplier_month, doc, &out);
  } else if (!strcmp(function, "supplier_year")) {
    status = pmq_supplier_year(doc, NULL, &out);
  } else if (!strcmp(function, "supplier_yearly_rules")) {
    status = pmq_supplier_year(supplier_year, doc, &out);
  } else if (!strcmp(function, "supplier_may_bid")) {
    status = pmq_supplier_may_bid(doc, &out);
  } else if (!strcmp(function, "calendar_deadlines")) {
    status = pmq_calendar_deadlines(doc, &out);
  } else if (!strcmp(function, "archive_loans")) {
    status = pmq_archive_loans(doc, &out);
  } else if (!strcmp(function, "inspection_plan")) {
    status = pmq_inspection_plan(doc, &out);
  } else if (!strcmp(function, "inspection_coverage")) {
    status = pmq_inspection_coverage(doc, &out);
  } else if (!strcmp(function, "household_sample")) {
    status = pmq_household_sample(doc, &out);
  } else if (!strcmp(function, "rectification_status")) {
    status = pmq_rectification_status(doc, &out);
  } else if (!strcmp(function, "rectification_report")) {
    status = pmq_rectification_report(doc, &out);
  } else if (!strcmp(function, "consecutive_failures")) {
    status = pmq_consecutive_failures(doc, &out);
  } else if (!strcmp(function, "complaints_evaluate")) {
    status = pmq_complaints_evaluate(doc, &out);
  } else if (!strcmp(function, "kpi_evaluate")) {
    status = pmq_kpi_evaluate("R-KPI-12", doc, &out);
  } else if (!strcmp(function, "kpi_custom")) {
    status = pmq_kpi_evaluate_custom(doc, custom_counts, &out);
  } else if (!strcmp(function, "kpi_custom_counts")) {
    status = pmq_kpi_evaluate_custom(custom, doc, &out);
  } else if (!strcmp(function, "expr_values")) {
    status = pmq_expr_evaluate("(a - b) / a", doc, &out);
  } else if (!strcmp(function, "kpi_series")) {
    status = pmq_kpi_series("R-KPI-12", doc, "quarter", &out);
  } else if (!strcmp(function, "kpi_table_plan")) {
    status = pmq_kpi_table(doc, kpi_actuals, "2026-Q1", &out);
  } else if (!strcmp(function, "kpi_table_actuals")) {
    status = pmq_kpi_table(kpi_plan, doc, "2026-Q1", &out);
  } else if (!strcmp(function, "report_inspection")) {
    status = pmq_report_inspection(residential, doc, "zh", &out);
  } else if (!strcmp(function, "report_targets_plan")) {
    status = pmq_report_targets(doc, kpi_actuals, "2026-Q1", "en", &out);
  } else if (!strcmp(function, "fee_plan")) {
    status = pmq_fee_plan_check(doc, "2026-Q2", &out);
  }
  *out_set = out != NULL || standard != NULL || bands != NULL;
  pmq_free(out);
  pmq_standard_free(standard);
  pmq_bands_free(bands);
  return status;
}

static int code_of(const char *name) {
  if (!strcmp(name, "OK")) return PMQ_OK;
  if (!strcmp(name, "EINVAL")) return PMQ_EINVAL;
  if (!strcmp(name, "EPARSE")) return PMQ_EPARSE;
  if (!strcmp(name, "EINPUT")) return PMQ_EINPUT;
  return -100;
}

/* Splits a manifest line at tabs into at most n fields (in place); returns the count. */
static int split(char *line, char **fields, int n) {
  int k = 0;
  line[strcspn(line, "\r\n")] = '\0';
  fields[k++] = line;
  for (char *p = line; *p && k < n; ++p)
    if (*p == '\t') {
      *p = '\0';
      fields[k++] = p + 1;
    }
  return k;
}

/* Each function's valid base document, which must succeed. */
static void check_bases(void) {
  static const char *bases[][2] = {
      {"score", "@inspection"},
      {"score_summary", "@inspection"},
      {"standard_derive", "derive_selection.json"},
      {"rollup", "rollup.json"},
      {"per_point_pay", "per_point_scheme.json"},
      {"supplier_qualify", "supplier_qualification.json"},
      {"supplier_tender", "supplier_tender.json"},
      {"supplier_tender_rules", "supplier_tender_rules.json"},
      {"supplier_staffing", "staffing_month.json"},
      {"supplier_staffing_rules", "default_rules_staffing.json"},
      {"supplier_month", "supplier_month.json"},
      {"supplier_monthly_rules", "default_rules_monthly.json"},
      {"supplier_year", "supplier_year.json"},
      {"supplier_yearly_rules", "default_rules_yearly.json"},
      {"supplier_may_bid", "supplier_may_bid.json"},
      {"archive_loans", "archive_loans.json"},
      {"inspection_plan", "calendar_plan.json"},
      {"inspection_coverage", "calendar_coverage.json"},
      {"household_sample", "households.json"},
      {"rectification_status", "rectification_status.json"},
      {"rectification_report", "rectification.json"},
      {"consecutive_failures", "assessments.json"},
      {"complaints_evaluate", "complaints.json"},
      {"kpi_evaluate", "kpi_counts.json"},
      {"kpi_custom", "kpi_custom.json"},
      {"kpi_custom_counts", "kpi_custom_counts.json"},
      {"kpi_series", "kpi_months.json"},
      {"kpi_table_plan", "kpi_plan.json"},
      {"kpi_table_actuals", "kpi_actuals.json"},
      {"fee_plan", "fee_plan.json"},
  };
  for (size_t i = 0; i < sizeof bases / sizeof bases[0]; ++i) {
    char path[512];
    char *doc;
    int out_set = 0;
    if (bases[i][1][0] == '@') {
      snprintf(path, sizeof path, "%s/inspection.json", PMQ_EXAMPLES_DATA);
      doc = read_file(path);
    } else {
      doc = valid(bases[i][1]);
    }
    CHECK(doc != NULL);
    if (!doc) continue;
    CHECK(call(bases[i][0], doc, &out_set) == PMQ_OK);
    CHECK(out_set);
    free(doc);
  }
  {
    int out_set = 0;
    CHECK(call("calendar_deadlines", "{\"month\":\"2026-12\"}", &out_set) == PMQ_OK);
    CHECK(call("expr_values", "{\"a\":40,\"b\":1}", &out_set) == PMQ_OK);
  }
}

int main(void) {
  char path[512], line[4096];
  FILE *manifest;
  int documents = 0, wrong = 0;
  if (pmq_standard_builtin(NULL, &residential) != PMQ_OK ||
      pmq_standard_builtin("cn-national-demo-estate", &national) != PMQ_OK)
    return 2;
  tender = valid("supplier_tender.json");
  staffing_month = valid("staffing_month.json");
  supplier_month = valid("supplier_month.json");
  supplier_year = valid("supplier_year.json");
  custom = valid("kpi_custom.json");
  custom_counts = valid("kpi_custom_counts.json");
  kpi_plan = valid("kpi_plan.json");
  kpi_actuals = valid("kpi_actuals.json");
  check_bases();

  snprintf(path, sizeof path, "%s/invalid/manifest.tsv", PMQ_TEST_DATA);
  manifest = fopen(path, "r");
  CHECK(manifest != NULL);
  if (!manifest) return check_report();
  while (fgets(line, sizeof line, manifest)) {
    char *f[5];
    char file[512];
    char *doc;
    int status, out_set = 0, ok;
    if (line[0] == '#' || line[0] == '\n') continue;
    if (split(line, f, 5) < 4) {
      fprintf(stderr, "manifest: a line with fewer than 4 fields: %s\n", line);
      ++wrong;
      continue;
    }
    snprintf(file, sizeof file, "%s/invalid/%s", PMQ_TEST_DATA, f[0]);
    doc = read_file(file);
    if (!doc) {
      fprintf(stderr, "%s: cannot read\n", f[0]);
      ++wrong;
      continue;
    }
    ++documents;
    status = call(f[1], doc, &out_set);
    ok = status == code_of(f[2]) && status != PMQ_OK && !out_set && pmq_last_error()[0] != '\0' &&
         strcmp(pmq_last_error_path(), f[3]) == 0 && strcmp(pmq_last_error_json(), "[]") != 0;
    if (!ok) {
      ++wrong;
      fprintf(stderr, "%s (%s): status %d at \"%s\"%s, expected %s at \"%s\"\n  message: %s\n",
              f[0], f[1], status, pmq_last_error_path(), out_set ? " with an output" : "", f[2],
              f[3], pmq_last_error());
    }
    CHECK(status != PMQ_EINTERNAL);
    free(doc);
  }
  fclose(manifest);
  printf("%d bad documents, %d not refused as the manifest says\n", documents, wrong);
  CHECK(documents >= 200);
  CHECK(wrong == 0);
  pmq_standard_free(residential);
  pmq_standard_free(national);
  free(tender);
  free(staffing_month);
  free(supplier_month);
  free(supplier_year);
  free(custom);
  free(custom_counts);
  free(kpi_plan);
  free(kpi_actuals);
  return check_report();
}
