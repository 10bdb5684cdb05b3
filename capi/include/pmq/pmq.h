/* pmq — the C ABI.
 *
 * A thin C layer over the pmq C++ core: it converts and forwards, the core decides.
 * Conventions (after libgit2, zstd, sqlite3):
 *   - Every function returns PMQ_OK (0) or a negative PMQ_E... code. Codes are only ever
 *     appended, never renumbered.
 *   - pmq_last_error() is the calling thread's last message, naming the JSON path of the
 *     offending field ("sections[1].items[3].max_score: must be greater than 0").
 *   - Input is UTF-8 JSON text (const char*, NUL-terminated). Output strings are owned by
 *     the caller and released with pmq_free().
 *   - Compiled objects are opaque handles, created through an out-parameter and released
 *     by their _free function, which accepts NULL.
 *   - NULL arguments return PMQ_EINVAL; nothing here crashes on bad input.
 *   - Every function is safe to call from many threads; a handle may be shared by threads
 *     for scoring (it is immutable).
 */
#ifndef PMQ_H
#define PMQ_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(PMQ_BUILDING)
#define PMQ_API __attribute__((visibility("default")))
#else
#define PMQ_API
#endif

#define PMQ_VERSION_MAJOR 0
#define PMQ_VERSION_MINOR 1
#define PMQ_VERSION_PATCH 0

/* Status codes. Which one is decided by where the fault is (docs/c-api.md, error codes):
 * a JSON document argument that is not JSON is PMQ_EPARSE; a JSON document that is JSON but
 * breaks its format or a rule is PMQ_EINPUT (even a bad date or period inside it); any other
 * argument - NULL, a number out of range, a malformed plain string such as a period, a
 * comparator or a date, an unknown built-in or catalogue id - is PMQ_EINVAL. */
#define PMQ_OK 0
#define PMQ_EINVAL (-1)    /* a NULL, out-of-range or malformed argument that is not JSON */
#define PMQ_EPARSE (-2)    /* a JSON argument is not JSON (or not UTF-8, or nested too deep) */
#define PMQ_EINPUT (-3)    /* a JSON argument is well-formed but breaks its format or a rule */
#define PMQ_ENOMEM (-4)    /* out of memory */
#define PMQ_EINTERNAL (-5) /* a bug in pmq: please report it */

/* "0.1.0": the library's version at run time (static string, do not free). */
PMQ_API const char *pmq_version(void);

/* The calling thread's last error message, or "" after success. Borrowed: valid until the
 * next pmq call on this thread. */
PMQ_API const char *pmq_last_error(void);

/* The JSON path of the first problem of the last error ("" when the whole document is at
 * fault). Borrowed, like pmq_last_error(). */
PMQ_API const char *pmq_last_error_path(void);

/* Every problem of the last error as a JSON array [{"path": ..., "message": ...}]
 * ("[]" after success). Borrowed, like pmq_last_error(). */
PMQ_API const char *pmq_last_error_json(void);

/* Releases a string returned by pmq. NULL is allowed. */
PMQ_API void pmq_free(void *p);

/* ---- standards (R-STD-1 ... R-STD-6) ------------------------------------------------ */

typedef struct pmq_standard pmq_standard;

/* Loads and validates a standard from JSON; every problem is reported with its path. */
PMQ_API int pmq_standard_load(const char *standard_json, pmq_standard **out);

/* A built-in standard by id; id NULL or "" gives the default (the residential example). */
PMQ_API int pmq_standard_builtin(const char *id, pmq_standard **out);

/* The ids of the built-in standards as a JSON array of strings (caller frees). */
PMQ_API int pmq_builtin_standards(char **ids_json);

/* The standard as JSON (caller frees). */
PMQ_API int pmq_standard_to_json(const pmq_standard *standard, char **out_json);

/* Releases a standard. NULL is allowed. */
PMQ_API void pmq_standard_free(pmq_standard *standard);

/* ---- scoring ------------------------------------------------------------------------ */

/* Scores one inspection (JSON) against a compiled standard; the result is JSON with item,
 * section and total scores and an explanation of every deduction (caller frees). */
PMQ_API int pmq_score(const pmq_standard *standard, const char *inspection_json,
                      char **result_json);

/* pmq_score with the explanations in `lang`: "zh" (Chinese, the default; NULL means "zh") or
 * "en"; anything else is PMQ_EINVAL naming "lang". pmq_score writes them in Chinese. */
PMQ_API int pmq_score_lang(const pmq_standard *standard, const char *inspection_json,
                           const char *lang, char **result_json);

/* Scores a JSON array of inspections in one call; the result is a JSON array of results.
 * Problems name the inspection: "[3].responses[0].item". */
PMQ_API int pmq_score_batch(const pmq_standard *standard, const char *inspections_json,
                            char **results_json);

/* The summary of pmq_score's result, for batches and dashboards: {"inspection", "status",
 * "score"?, "exact"?, "passed"?, "vetoes", "failed_sections"}, the same decisions without
 * item results or explanations (none is built). Problems as pmq_score's. */
PMQ_API int pmq_score_summary(const pmq_standard *standard, const char *inspection_json,
                              char **summary_json);

/* pmq_score_batch with a summary per inspection (as pmq_score_summary writes it). Both batch
 * forms read and score one inspection at a time: memory does not grow with the batch beyond
 * the input and the output text. */
PMQ_API int pmq_score_batch_summary(const pmq_standard *standard, const char *inspections_json,
                                    char **summaries_json);

/* Derives a project standard from a company standard (R-STD-2). selection_json:
 * {"id", "version"?, "title"?, "property_type"?, "grade"?, "clauses"?: [...], "exclude"?: [...]}.
 * The new handle is released with pmq_standard_free. */
PMQ_API int pmq_standard_derive(const pmq_standard *company, const char *selection_json,
                                pmq_standard **out);

/* Typed fast path, no JSON: the number of items of a standard (all sections, in order). */
PMQ_API int pmq_standard_item_count(const pmq_standard *standard, size_t *count);

/* Typed fast path: one value per item of the standard, in the standard's item order:
 *   PMQ_NO_RESPONSE (-1): no response (full marks); PMQ_NOT_APPLICABLE (-2): not applicable;
 *   deduct: the number of defects; pass_fail and veto: 1 passed, 0 failed;
 *   three_level: 0 meets, 1 basically meets, 2 fails; graded: the score in 1/1000 points.
 * Writes the final score in 1/1000 points, or PMQ_NO_DATA when nothing applicable was
 * scored. Errors (a value out of range) name the index: "values[3]". */
#define PMQ_NO_RESPONSE (-1)
#define PMQ_NOT_APPLICABLE (-2)
#define PMQ_NO_DATA INT64_MIN
PMQ_API int pmq_score_values(const pmq_standard *standard, const int64_t *values, size_t count,
                             int64_t *score_milli);

/* Typed batch: `inspections` rows of `items` values each (row-major: the k-th inspection's
 * values are values[k * items .. k * items + items - 1]), items being the standard's item
 * count; writes one final score per inspection to scores_milli (PMQ_NO_DATA when nothing
 * applicable was scored). Every row is checked; problems name the row: "[3].values[2]". */
PMQ_API int pmq_score_values_batch(const pmq_standard *standard, const int64_t *values,
                                   size_t inspections, size_t items, int64_t *scores_milli);

/* Roll-ups (R-SCORE-1, R-SCORE-2, R-SCORE-3): {"branches": [{"id", "projects": [{"id",
 * "scores": [90, "89.9967", "26999/300", ...], "carry_over"?: [...]}]}], "decimals"?: 2,
 * "bands"?: "pay_adjustment" | {band table}} → project, branch and company means, exact
 * ("exact": "26999/300") and shown ("score": 90), with their input counts and, when bands
 * are named, the band decided on the exact mean (caller frees). */
PMQ_API int pmq_rollup(const char *input_json, char **result_json);

/* ---- band tables (R-SCORE-4, R-SCORE-5, R-SCORE-6) --------------------------------- */

typedef struct pmq_bands pmq_bands;

/* Loads and validates a band table (no gaps, no overlaps, both ends covered). */
PMQ_API int pmq_bands_load(const char *bands_json, pmq_bands **out);

/* A built-in band table: "pay_adjustment" (R-SCORE-4) or "annual_grades" (R-SCORE-6). */
PMQ_API int pmq_bands_builtin(const char *id, pmq_bands **out);

/* The band a score (in 1/1000 points) falls in, as JSON (caller frees). */
PMQ_API int pmq_bands_classify(const pmq_bands *bands, int64_t score_milli, char **band_json);

/* The band an exact score falls in, the score given as text: a decimal of any precision
 * ("89.9967") or a fraction ("26999/300", as pmq writes every "exact" value). Decisions are
 * taken on the exact value: 26999/300 is below an edge of 90 though it shows as 90. */
PMQ_API int pmq_bands_classify_exact(const pmq_bands *bands, const char *score,
                                     char **band_json);

/* Releases a band table. NULL is allowed. */
PMQ_API void pmq_bands_free(pmq_bands *bands);

/* R-SCORE-5: pass at 90, one percentage point of performance pay per point lost below it.
 * scheme_json may be NULL for the defaults ({"pass_mark": 90, "percent_per_point": 1,
 * "rounding": "whole_points", "full_score": 100}). A score outside 0..full_score is
 * PMQ_EINPUT at "score". */
PMQ_API int pmq_per_point_pay(int64_t score_milli, const char *scheme_json, char **result_json);

/* R-SCORE-5 on an exact score given as text ("89.9967", "26999/300"). */
PMQ_API int pmq_per_point_pay_exact(const char *score, const char *scheme_json,
                                    char **result_json);

/* ---- outsourced suppliers (R-OUT-1 ... R-OUT-11) --------------------------------------
 * JSON in, JSON out (caller frees the result with pmq_free). A rules argument may be NULL
 * or "" for the documented defaults (see pmq_supplier_default_rules); paths in errors about
 * a rules document are relative to that document. Formats: docs/supplier.md. */

/* R-OUT-2: a qualification checklist -> {"qualified": bool, "missing": [...]}. */
PMQ_API int pmq_supplier_qualify(const char *checklist_json, char **result_json);

/* R-OUT-3: a tender (bids, experts, marks) -> the ranking table and the candidate list. */
PMQ_API int pmq_supplier_tender(const char *tender_json, const char *rules_json,
                                char **result_json);

/* R-OUT-5 ... R-OUT-9: a staffing month (contract, roster, attendance, patrols, changes) ->
 * violations, incident counts and person-days. */
PMQ_API int pmq_supplier_staffing(const char *month_json, const char *rules_json,
                                  char **result_json);

/* R-OUT-4 (with R-OUT-5 ... R-OUT-10): a monthly record -> score, deduction lines and the
 * settlement exact to the fen. */
PMQ_API int pmq_supplier_month(const char *record_json, const char *rules_json, char **result_json);

/* R-OUT-11: a yearly review -> standings, the qualified-supplier list and new bars. */
PMQ_API int pmq_supplier_year(const char *review_json, const char *rules_json, char **result_json);

/* R-OUT-11: {"supplier", "on", "decisions": [...]} -> may this supplier bid on that date? */
PMQ_API int pmq_supplier_may_bid(const char *query_json, char **result_json);

/* The default rules as JSON: which is "monthly", "staffing", "tender" or "yearly". */
PMQ_API int pmq_supplier_default_rules(const char *which, char **rules_json);
/* ---- calendar and deadlines (R-CAL-1 ... R-CAL-9, R-OUT-7, R-OUT-10) ------------------- *
 * Every function takes a JSON request and returns a JSON result (caller frees). Dates are
 * "YYYY-MM-DD", months "YYYY-MM"; "calendar" (optional) is a business calendar
 * {"basis": "calendar_days"|"working_days", "weekend", "holidays", "workdays", "roll"} and
 * "rules" (optional) the deadline numbers; see docs/calendar.md. */

/* {"month", "calendar"?, "rules"?} -> the month's deadlines [{"rule", "what", "period",
 * "due"}], by due date (R-CAL-4, R-CAL-5, R-CAL-9, R-OUT-7, R-OUT-10). */
PMQ_API int pmq_calendar_deadlines(const char *request_json, char **table_json);

/* {"today", "loans": [{"file", "borrower"?, "borrowed", "returned"?}], ...} -> each loan's due
 * date and state, and the overdue list (R-CAL-8). */
PMQ_API int pmq_archive_loans(const char *request_json, char **report_json);

/* {"from", "to", "projects", "seed", "options"?, "calendar"?, "special"?, "rectification"?,
 * "rules"?, "follow_ups"?} -> the dated inspection slots (R-CAL-1, R-CAL-2, R-CAL-3; follow-ups
 * of open orders R-CAL-13; special, quarterly, year-end checks R-CAL-14); the same request gives
 * the same plan everywhere. */
PMQ_API int pmq_inspection_plan(const char *request_json, char **plan_json);

/* {"plan": a plan as pmq_inspection_plan returns it, "performed": [{"day", "project", "level",
 * "order"?, "id"?}], "as_of", "grace_days"?, "areas"?, "week_starts"?} -> each slot on time,
 * late, missed or pending, coverage per project, weekly supervision patrols per area (R-CAL-14). */
PMQ_API int pmq_inspection_coverage(const char *request_json, char **coverage_json);

/* {"households": [{"id", "building"?}], "count"?, "seed", "spread_across_buildings"?} -> the
 * households to visit (R-CAL-7), reproducible from the seed. */
PMQ_API int pmq_household_sample(const char *request_json, char **sample_json);

/* ---- rectification (R-CAL-5, R-CAL-6, R-SCORE-3, R-SCORE-6, R-SCORE-7) ------------------ */

/* {"as_of", "events": [...], "calendar"?, "rules"?} -> every order's state on as_of and the
 * overdue list. Invalid transitions fail with PMQ_EINPUT naming "events[k].kind". */
PMQ_API int pmq_rectification_status(const char *request_json, char **status_json);

/* {"month", "events", "as_of"?, "carry_over_points"?, ...} -> {"table": the month's
 * rectification status table, "carry_over": [{"order", "points", "reason"}]}. */
PMQ_API int pmq_rectification_report(const char *request_json, char **report_json);

/* {"assessments": [{"subject", "period", "score"|"passed"}], "pass_threshold"?} -> who failed
 * twice in a row [{"subject", "previous", "period", "consequence"}]. */
PMQ_API int pmq_consecutive_failures(const char *request_json, char **failures_json);

/* ---- the period's assessment (R-SCORE-1...6, R-CAL-5, R-REP-1, R-REP-2) ------------------- */

/* {"regime": "branch"|"company", "period": "2026-11"|"2026-H2", "organisation": {"company",
 * "branches": [{"id", "head", "projects": [{"id", "head", "standard"?, "selection"?}]}]},
 * "inspections"?, "scores"?, "carry_over"?, "previous"?, "pay"?, "pass_mark"?, "top_n"?, ...}
 * (docs/assessment.md, docs/schemas/assessment.schema.json) -> every project's and branch's
 * exact score, pass/fail, pay, ranks, change and consecutive failures, the company mean,
 * top/bottom, the summary tables with their due date, the quality analysis and the list of
 * missing data. Bad input: PMQ_EINPUT naming every problem's path ("inspections[3].date"). */
PMQ_API int pmq_assess(const char *request_json, char **result_json);

/* The same request rendered as the summary tables (《分公司年月份项目考核评分汇总表》) and the
 * report: format "text" (what a manager reads) or "csv" (the summary table, UTF-8 with a BOM,
 * CRLF, for Excel); lang "zh" (default) or "en". NULL format means "text", NULL lang "zh";
 * anything else is PMQ_EINVAL. The caller frees *out with pmq_free. */
PMQ_API int pmq_assess_table(const char *request_json, const char *format, const char *lang,
                             char **out);

/* ---- reports people read (R-REP-3, R-REP-1, R-REP-2; docs/reports.md) ---------------------- */

/* Each returns one self-contained HTML document (inline CSS and SVG, no script, nothing
 * fetched; printable on A4) in `lang`: "zh" (default; NULL means "zh") or "en", anything else
 * PMQ_EINVAL. Every text from the input is HTML-escaped. The caller frees *html with pmq_free;
 * writing it to a file is the caller's. Bad input: the same errors as the JSON call. */

/* The 《物业管理质量检查报告》 of one inspection scored against `standard` (as pmq_score). */
PMQ_API int pmq_report_inspection(const pmq_standard *standard, const char *inspection_json,
                                  const char *lang, char **html);

/* The period's assessment report from an assessment request (as pmq_assess). */
PMQ_API int pmq_report_assessment(const char *request_json, const char *lang, char **html);

/* The 《质量目标完成统计表》 of a target plan for `period` (as pmq_kpi_table), with each month of
 * a longer period side by side. */
PMQ_API int pmq_report_targets(const char *plan_json, const char *actuals_json,
                               const char *period, const char *lang, char **html);

/* ---- complaints (R-CAL-10; counts for R-KPI-6, R-KPI-7, R-KPI-12) ----------------------- */

/* {"as_of", "complaints": [...], "classes"?} -> each complaint on time / late / pending, the
 * counts {"valid_complaints", "handled_late", "followed_up", ...} and missing follow-ups.
 * Times need an explicit UTC offset. */
PMQ_API int pmq_complaints_evaluate(const char *request_json, char **report_json);

/* The default complaint classes and time limits as a JSON array (caller frees). */
PMQ_API int pmq_complaint_classes(char **classes_json);

/* ---- checking and testing a company's own rules -------------------------------------- */

/* Checks a standard, band table, KPI definition, target plan or fee plan (kind: "standard",
 * "band_table", "kpi_definition", "target_plan", "fee_plan", or NULL/"" to tell from its
 * members). The report {"kind", "valid", "errors": [{"path", "message"}], "warnings": [...]}
 * lists every problem that stops it loading, and - when it loads - what is probably wrong
 * (a pass mark every inspection reaches, a deduction equal to the item's maximum, duplicate
 * titles, ...). A document with errors still returns PMQ_OK: the report is the answer. */
PMQ_API int pmq_check(const char *document_json, const char *kind, char **report_json);

/* Runs one test case of a quality department's rules (docs/testing.md; documents inline,
 * built-in rules by id) -> {"name", "kind", "passed", "errors", "failures": [{"field",
 * "expected", "actual"}], "explanation": [...], "actual": {...}}. A failing case is PMQ_OK. */
PMQ_API int pmq_test_case(const char *case_json, char **outcome_json);
/* ---- quality targets and KPIs (R-KPI-1 ... R-KPI-32) --------------------------------- */

/* Target status, as returned by pmq_rate_check. */
#define PMQ_KPI_NO_DATA 0 /* zero denominator: neither met nor missed (R-KPI-31) */
#define PMQ_KPI_MET 1
#define PMQ_KPI_MISSED 2

/* numerator / denominator as a percentage rounded half up to `places` (0..9), e.g. 197, 200,
 * 2 -> "98.50" (caller frees). A zero denominator is "no data": *percent is set to NULL,
 * *has_data to 0 and PMQ_OK is returned. A negative numerator or denominator is PMQ_EINPUT
 * (path "numerator" or "denominator"); any other int64 values give the exact rate. */
PMQ_API int pmq_rate(int64_t numerator, int64_t denominator, int places, char **percent,
                     int *has_data);

/* Evaluates numerator / denominator against a target: `comparator` is "ge", "gt", "le",
 * "lt" or "eq"; `threshold_percent` a decimal such as "98" or "89.999". *status is one of
 * PMQ_KPI_NO_DATA, PMQ_KPI_MET, PMQ_KPI_MISSED; the comparison is exact. Negative counts are
 * PMQ_EINPUT, as for pmq_rate. */
PMQ_API int pmq_rate_check(int64_t numerator, int64_t denominator, const char *comparator,
                           const char *threshold_percent, int *status);

/* The built-in KPI catalogue as a JSON array of definitions (caller frees). */
PMQ_API int pmq_kpi_catalogue(char **catalogue_json);

/* Evaluates a catalogue KPI (by id, or rule id such as "R-KPI-12") on JSON counts
 * {"valid_complaints": 40, "handled_late": 1}; the result is JSON {"kpi", "actual",
 * "target", "target_text", "status", "gap"} (docs/kpi.md). */
PMQ_API int pmq_kpi_evaluate(const char *kpi_id, const char *counts_json, char **result_json);

/* The same with typed counts: names[i] = values[i] for i < count. */
PMQ_API int pmq_kpi_evaluate_counts(const char *kpi_id, const char *const *names,
                                    const int64_t *values, size_t count, char **result_json);

/* Evaluates a custom KPI definition (JSON, the catalogue's format) on JSON counts. */
PMQ_API int pmq_kpi_evaluate_custom(const char *definition_json, const char *counts_json,
                                    char **result_json);

/* Evaluates an expression of the KPI language over JSON values; the result is the value's
 * JSON {"exact": "39/40", "value": "0.975000", "unit": "count"} with 6 places, or
 * {"no_data": true, "reason": ...}. Errors name the position in the expression. */
PMQ_API int pmq_expr_evaluate(const char *expression, const char *values_json, char **result_json);

/* A compiled expression, for evaluating one custom KPI many times: parsed and checked once
 * (errors as pmq_expr_evaluate's, at "expression"), then evaluated with typed values — no
 * JSON, no map of names. Immutable: one handle may be shared by threads. */
typedef struct pmq_expr pmq_expr;
PMQ_API int pmq_expr_create(const char *expression, pmq_expr **out);
PMQ_API void pmq_expr_free(pmq_expr *expr);
/* The names the expression reads, sorted, each once: the order of the values below. The
 * name is owned by the handle. */
PMQ_API int pmq_expr_name_count(const pmq_expr *expr, size_t *count);
PMQ_API int pmq_expr_name(const pmq_expr *expr, size_t index, const char **name);
/* Evaluates exactly with one count (>= 0) per name, in the names' order; writes the result as
 * a fraction in lowest terms, numerator / denominator (denominator > 0), or denominator 0
 * for no data (a zero divisor). PMQ_EINPUT for a negative count ("values[2]"), a wrong
 * number of values, or a result whose terms do not fit int64. */
PMQ_API int pmq_expr_eval_int64(const pmq_expr *expr, const int64_t *values, size_t count,
                                int64_t *numerator, int64_t *denominator);

/* A catalogue KPI over months [{"month": "2026-01", "counts": {...}}, ...] per period
 * ("month", "quarter", "half_year" or "year"): counts summed, rate recomputed. */
PMQ_API int pmq_kpi_series(const char *kpi_id, const char *months_json, const char *period_kind,
                           char **series_json);

/* The 质量目标完成统计表 (R-KPI-30): a target plan (JSON), the months' actuals (JSON array)
 * and a period ("2026-03", "2026-Q1", "2026-H1", "2026"). */
PMQ_API int pmq_kpi_table(const char *plan_json, const char *actuals_json, const char *period,
                          char **table_json);

/* Checks a fee arrears collection plan (R-KPI-32) at the end of a period ("2026-Q2"). */
PMQ_API int pmq_fee_plan_check(const char *plan_json, const char *period, char **check_json);

#ifdef __cplusplus
}
#endif

#endif /* PMQ_H */
