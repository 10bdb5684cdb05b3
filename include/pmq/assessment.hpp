// The period's assessment (月度/半年考核) in one call: inspections → each project's score, pay,
// ranks and history → the branch and company scores → the 《分公司年月份项目考核评分汇总表》.
//
// Two regimes (000 §二): the branch regime (二(二)) assesses each project monthly ("2026-11")
// and moves the project heads' pay; the company regime (二(一)) audits every project each
// half-year ("2026-H2") and moves the project heads' and the branch heads' pay (二(一)1.5).
// A project's score is its inspectors' mean (R-SCORE-1), less its carry-over deductions taken
// once (R-SCORE-3); a branch's is its project's, or their mean (R-SCORE-2). Pay follows the
// R-SCORE-4 table or the R-SCORE-5 per-point scheme, decided on the exact final score; two
// failed periods in a row are flagged (R-SCORE-6; a gap between periods breaks the run). The
// summary table is due before the 5th of the next month (R-CAL-5, branch regime). The quality
// analysis (R-REP-1) sums the points lost by section, item and responsible department, with a
// Pareto of the five costliest items, repeat findings and each project's trend. The tables of
// R-REP-2 are rendered as text or CSV (UTF-8 with BOM) in Chinese or English.
//
// Everything is reused: scoring (compiled_standard), means and carry-overs (roll_up), bands
// (classify), per-point pay, derived standards, deadlines. The function is pure: no I/O, no
// clock. Bad input throws pmq::error listing every problem with its JSON path.
#pragma once

#include "pmq/bands.hpp"
#include "pmq/calendar.hpp"
#include "pmq/explain.hpp"
#include "pmq/inspection.hpp"
#include "pmq/json.hpp"
#include "pmq/numeric.hpp"
#include "pmq/rectification.hpp"
#include "pmq/rollup.hpp"
#include "pmq/standard.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pmq {

// pmq::assessment_regime (rectification.hpp): the branch's monthly assessment (000 二(二)) or
// head office's half-yearly audit (二(一)); the same regime a carry-over's applies_to follows.

/// R-SCORE-4 (a band table on the month's pay) or R-SCORE-5 (points lost below the pass
/// mark lower performance pay).
BOOST_DEFINE_ENUM_CLASS(pay_scheme, table, per_point)

// pmq::language (explain.hpp): the language of rendered tables and labels.

// --- the request ------------------------------------------------------------------------

struct org_project {
  std::string id;                  ///< what inspections, scores and carry-overs name
  std::optional<std::string> name; ///< shown in the tables; default: id
  std::string head;                ///< the responsible head (项目物业管理中心负责人)
  /// The standard its inspections are scored against: an id of the request's `standards` or
  /// of a built-in standard; default: the request's `standard`.
  std::optional<std::string> standard;
  /// R-STD-2: the project's own standard, derived from `standard` by this selection.
  std::optional<pmq::selection> selection;
};
BOOST_DESCRIBE_STRUCT(org_project, (), (id, name, head, standard, selection))

struct org_branch {
  std::string id;
  std::optional<std::string> name;
  std::string head; ///< the branch head (分公司负责人): pay moves in the company regime
  std::vector<org_project> projects;
};
BOOST_DESCRIBE_STRUCT(org_branch, (), (id, name, head, projects))

struct org_chart {
  std::string company;
  std::vector<org_branch> branches;
};
BOOST_DESCRIBE_STRUCT(org_chart, (), (company, branches))

/// An inspector's score given already scored (no items: not in the quality analysis).
struct given_score {
  std::string project;
  std::string inspector;
  fraction score; ///< exact: a JSON number, "89.9967" or "26999/300"
  std::optional<pmq::date> date;
  std::optional<std::string> inspection; ///< the sheet's id, for the record
};
BOOST_DESCRIBE_STRUCT(given_score, (), (project, inspector, score, date, inspection))

/// A project's result in an earlier period: its final score (absent: no data), whether it
/// passed (default: score ≥ the request's pass mark) and the items it failed (for repeat
/// findings). The result's `as_previous` has exactly this shape.
struct previous_project {
  std::string project;
  std::optional<fraction> score;
  std::optional<bool> passed;
  std::vector<std::string> failed_items;
  static constexpr std::array<std::string_view, 1> json_defaulted{"failed_items"};
};
BOOST_DESCRIBE_STRUCT(previous_project, (), (project, score, passed, failed_items))

struct previous_branch {
  std::string branch;
  std::optional<fraction> score;
  std::optional<bool> passed;
};
BOOST_DESCRIBE_STRUCT(previous_branch, (), (branch, score, passed))

struct previous_period {
  std::string period; ///< of the request's kind ("2026-10", "2026-H1"), before its period
  std::vector<previous_project> projects;
  std::vector<previous_branch> branches;
  static constexpr std::array<std::string_view, 2> json_defaulted{"projects", "branches"};
};
BOOST_DESCRIBE_STRUCT(previous_period, (), (period, projects, branches))

struct pay_rules {
  pay_scheme scheme = pay_scheme::table;
  /// The R-SCORE-4 table; in JSON a built-in table's id or a band table. Default:
  /// the built-in "pay_adjustment".
  std::optional<band_table> table;
  /// The R-SCORE-5 scheme (default: 90 passes, 1 % per whole point lost).
  std::optional<per_point_scheme> per_point;
  static constexpr std::array<std::string_view, 1> json_defaulted{"scheme"};
};
BOOST_DESCRIBE_STRUCT(pay_rules, (), (scheme, table, per_point))

/// The rectification events up to the period's end: the 整改情况表 (R-CAL-5, branch regime)
/// and the carry-overs (R-SCORE-3) they bring into this period — one per order whose
/// re-inspection failed in the previous assessment period (the previous month; for the company
/// regime, the previous half year), `carry_over_points` each (pmq::carry_overs).
struct rectification_input {
  std::vector<rectification_event> events;
  std::optional<pmq::date> as_of;          ///< default: the period's last day
  std::optional<points> carry_over_points; ///< default 2 (R-SCORE-3)
  std::optional<bool> derive_carry_over;   ///< default true; false: only `carry_over` counts
};
BOOST_DESCRIBE_STRUCT(rectification_input, (),
                      (events, as_of, carry_over_points, derive_carry_over))

struct assessment_request {
  assessment_regime regime = assessment_regime::branch;
  std::string period; ///< branch: "2026-11"; company: "2026-H2"
  org_chart organisation;
  /// Default standard of the projects: an id of `standards` or a built-in standard
  /// (default "pmq-residential-example").
  std::optional<std::string> standard;
  std::vector<pmq::standard> standards;
  std::vector<pmq::inspection> inspections; ///< raw, each naming project, inspector, date
  std::vector<given_score> scores;          ///< already scored
  std::vector<pmq::carry_over> carry_over;  ///< R-SCORE-3: deducted in this period
  std::vector<previous_period> previous;
  pay_rules pay;
  /// Pass/fail of projects and branches (R-SCORE-6's failures): exact ≥ pass mark. Default:
  /// the per-point scheme's pass mark, else 90 (R-SCORE-5: 90 passes; 000 names none).
  std::optional<points> pass_mark;
  std::uint32_t top_n = 3;                   ///< how many best and worst projects to list (1..1000)
  std::uint32_t decimals = 2;                ///< places every shown mean is rounded to, once (0..3)
  std::optional<business_calendar> calendar; ///< for the due date (R-CAL-5)
  std::optional<deadline_rules> rules;
  std::optional<rectification_input> rectification;
  static constexpr std::array<std::string_view, 9> json_defaulted{
      "standards", "inspections", "scores",   "carry_over", "previous",
      "pay",       "top_n",       "decimals", "regime"};
};
BOOST_DESCRIBE_STRUCT(assessment_request, (),
                      (regime, period, organisation, standard, standards, inspections, scores,
                       carry_over, previous, pay, pass_mark, top_n, decimals, calendar, rules,
                       rectification))

// --- the result -------------------------------------------------------------------------

struct inspector_score {
  std::string inspector;
  std::optional<std::string> inspection;
  std::optional<pmq::date> date;
  std::optional<points> score;   ///< shown, the standard's places; absent: no data (all N/A)
  std::optional<fraction> exact; ///< what the mean uses
  std::optional<bool> passed;    ///< the sheet's own verdict (pass mark, critical, veto)
  std::uint32_t findings = 0;
};
BOOST_DESCRIBE_STRUCT(inspector_score, (),
                      (inspector, inspection, date, score, exact, passed, findings))

/// How a head's pay moves, decided on the exact score.
struct pay_outcome {
  std::string head;
  pay_scheme scheme = pay_scheme::table;
  std::optional<std::string> band;  ///< table: the band's id ("plus_5")
  std::optional<std::string> label; ///< table: the band's label ("当月工资上浮5%")
  /// Percent: table → of the month's pay (+10 … −10); per_point → of performance pay (≤ 0).
  std::optional<points> percent;
  std::optional<fraction> percent_exact;
  std::optional<per_point_result> per_point;
};
BOOST_DESCRIBE_STRUCT(pay_outcome, (),
                      (head, scheme, band, label, percent, percent_exact, per_point))

struct period_score {
  std::string period;
  std::optional<points> score; ///< absent: no data
  std::optional<fraction> exact;
  std::optional<bool> passed;
};
BOOST_DESCRIBE_STRUCT(period_score, (), (period, score, exact, passed))

/// This period's final score less the previous period's (when both have data).
struct score_change {
  std::string since; ///< the previous period
  fraction exact;
  points score; ///< shown, rounded once from exact
};
BOOST_DESCRIBE_STRUCT(score_change, (), (since, exact, score))

struct project_assessment {
  std::string id;
  std::string name;
  std::string branch;
  std::string head;
  std::string standard;
  std::vector<inspector_score> inspectors;
  std::uint32_t inputs = 0;           ///< inspector scores with data in the mean
  std::optional<fraction> mean_exact; ///< R-SCORE-1, before carry-overs
  std::optional<points> mean;
  /// R-SCORE-3: the carry-overs of this period, taken once from the mean (when it has data;
  /// otherwise listed under problems as not applied).
  std::vector<pmq::carry_over> carry_over;
  points carry_over_points;      ///< their sum
  std::optional<fraction> exact; ///< final; absent: no data (never 0)
  std::optional<points> score;
  std::optional<bool> passed;
  std::optional<pay_outcome> pay;
  std::optional<std::uint32_t> rank_in_branch; ///< ties share a rank; no data: unranked
  std::optional<std::uint32_t> rank_in_company;
  std::optional<score_change> change;
  std::uint32_t failed_in_row = 0;       ///< failed periods in a row, ending with this one
  bool consecutive_failure = false;      ///< R-SCORE-6: failed_in_row ≥ 2
  std::vector<std::string> failed_items; ///< items that lost points on any sheet
  std::vector<period_score> trend;       ///< R-REP-1: every supplied period, then this one
};
BOOST_DESCRIBE_STRUCT(project_assessment, (),
                      (id, name, branch, head, standard, inspectors, inputs, mean_exact, mean,
                       carry_over, carry_over_points, exact, score, passed, pay, rank_in_branch,
                       rank_in_company, change, failed_in_row, consecutive_failure, failed_items,
                       trend))

struct branch_assessment {
  std::string id;
  std::string name;
  std::string head;
  std::vector<std::string> projects;
  std::uint32_t inputs = 0; ///< projects with data in the mean (R-SCORE-2)
  std::optional<fraction> exact;
  std::optional<points> score;
  std::optional<bool> passed;
  std::optional<pay_outcome> pay; ///< company regime: the branch head's pay (000 二(一)1.5)
  std::optional<std::uint32_t> rank;
  std::optional<score_change> change;
  std::uint32_t failed_in_row = 0;
  bool consecutive_failure = false;
  std::vector<period_score> trend;
};
BOOST_DESCRIBE_STRUCT(branch_assessment, (),
                      (id, name, head, projects, inputs, exact, score, passed, pay, rank, change,
                       failed_in_row, consecutive_failure, trend))

struct company_assessment {
  std::string name;
  mean_score mean;         ///< the mean of the branch scores
  mean_score all_projects; ///< the mean over every project with data
};
BOOST_DESCRIBE_STRUCT(company_assessment, (), (name, mean, all_projects))

struct standing {
  std::string project;
  std::string branch;
  std::uint32_t rank = 0; ///< in the company
  fraction exact;
  points score;
};
BOOST_DESCRIBE_STRUCT(standing, (), (project, branch, rank, exact, score))

BOOST_DEFINE_ENUM_CLASS(failure_subject, project, branch)

/// R-SCORE-6: failed this period and the one before (通报批评并处罚).
struct failure_run {
  failure_subject kind = failure_subject::project;
  std::string subject;
  std::vector<std::string> periods; ///< the failed periods in a row, oldest first
};
BOOST_DESCRIBE_STRUCT(failure_run, (), (kind, subject, periods))

BOOST_DEFINE_ENUM_CLASS(summary_remark,
                        no_data,                ///< no inspection with data: not 0, unranked
                        consecutive_failure,    ///< R-SCORE-6
                        carry_over_not_applied, ///< no data: the deduction stays due
                        decided_on_exact        ///< the shown score would decide otherwise (90.00
                                                ///< shown, 26999/300 exact: not +5 %)
)

/// One row of the 汇总表; every number rounded once from its exact value to `decimals`.
struct summary_row {
  std::uint32_t no = 0;                      ///< 序号
  std::string project;                       ///< 项目 (its name)
  std::string head;                          ///< 负责人
  std::vector<std::optional<points>> scores; ///< one per column of `inspectors`
  std::optional<points> mean;                ///< 平均分
  std::optional<points> deduction;           ///< 扣分(整改): the carry-overs' sum
  std::vector<std::string> orders;           ///< ... their orders
  std::optional<points> final_score;         ///< 最终得分
  std::optional<fraction> exact;             ///< ... exactly
  std::optional<std::uint32_t> rank;         ///< 排名 within the branch
  std::optional<points> pay_percent;         ///< 工资调整
  std::vector<summary_remark> remarks;       ///< 备注
};
BOOST_DESCRIBE_STRUCT(summary_row, (),
                      (no, project, head, scores, mean, deduction, orders, final_score, exact, rank,
                       pay_percent, remarks))

/// 《分公司年月份项目考核评分汇总表》 of one branch (R-REP-2).
struct summary_table {
  std::string branch;
  std::string branch_name;
  std::string head;
  std::string period;
  /// R-CAL-5 (branch regime): due to the quality department and HR before the 5th of the
  /// next month. Absent in the company regime (the manual sets no date for head office).
  std::optional<pmq::date> due;
  std::vector<std::string> inspectors; ///< the inspector columns, in order of appearance
  std::vector<summary_row> rows;
  std::optional<points> branch_score;
};
BOOST_DESCRIBE_STRUCT(summary_table, (),
                      (branch, branch_name, head, period, due, inspectors, rows, branch_score))

/// Points lost by one section, item or department (R-REP-1): Σ over projects of the mean,
/// over the project's scored sheets, of the points the item lost on each sheet.
struct loss {
  std::string id; ///< section id, item id, or the department's name
  std::string title;
  fraction exact;
  pmq::points points;
  std::uint32_t sheets = 0;   ///< sheets on which it lost points
  std::uint32_t projects = 0; ///< projects in which it lost points
};
BOOST_DESCRIBE_STRUCT(loss, (), (id, title, exact, points, sheets, projects))

struct pareto_entry {
  std::string item;
  std::string title;
  fraction exact;
  pmq::points points;
  fraction share_exact; ///< of all points lost
  pmq::points percent;  ///< share × 100, shown
  pmq::points cumulative_percent;
};
BOOST_DESCRIBE_STRUCT(pareto_entry, (),
                      (item, title, exact, points, share_exact, percent, cumulative_percent))

/// The same item failed in this period and the supplied period(s) right before it.
struct repeat_finding {
  std::string project;
  std::string item;
  std::string title;
  std::vector<std::string> periods; ///< the failed periods in a row, oldest first
};
BOOST_DESCRIBE_STRUCT(repeat_finding, (), (project, item, title, periods))

struct quality_analysis {
  std::uint32_t sheets = 0;               ///< raw inspections analysed
  std::uint32_t scores_without_items = 0; ///< given scores: no item detail
  fraction total_exact;                   ///< Σ of every item's loss
  pmq::points total;
  std::vector<loss> sections;       ///< by points lost, most first
  std::vector<loss> items;          ///< by points lost, most first
  std::vector<loss> departments;    ///< from the findings' departments (R-STD-4)
  std::vector<pareto_entry> pareto; ///< the five costliest items (and any tied with the fifth)
  std::vector<repeat_finding> repeat_findings;
};
BOOST_DESCRIBE_STRUCT(quality_analysis, (),
                      (sheets, scores_without_items, total_exact, total, sections, items,
                       departments, pareto, repeat_findings))

BOOST_DEFINE_ENUM_CLASS(assessment_notice_kind,
                        project_no_data,        ///< no inspection with data: not 0, unranked
                        branch_no_data,         ///< none of its projects has data
                        inspection_no_data,     ///< every item not applicable
                        carry_over_not_applied, ///< its project has no data this period
                        previous_period_missing ///< no result for the period before
)

/// Something the reader must know (missing data); not an error.
struct assessment_notice {
  assessment_notice_kind kind = assessment_notice_kind::project_no_data;
  std::optional<std::string> branch;
  std::optional<std::string> project;
  std::optional<std::string> inspection;
  std::optional<std::string> order;
  std::optional<std::string> period;
};
BOOST_DESCRIBE_STRUCT(assessment_notice, (), (kind, branch, project, inspection, order, period))

struct assessment_result {
  assessment_regime regime = assessment_regime::branch;
  std::string period;
  pmq::date from;           ///< the period's first day
  pmq::date to;             ///< ... and last
  fraction pass_mark_exact; ///< the pass mark applied
  pay_scheme scheme = pay_scheme::table;
  std::uint32_t decimals = 2;
  company_assessment company;
  std::vector<branch_assessment> branches;
  std::vector<project_assessment> projects; ///< in the organisation's order
  std::vector<standing> top;    ///< best top_n by exact final score (ties at the cut kept)
  std::vector<standing> bottom; ///< worst top_n, worst first
  std::vector<failure_run> consecutive_failures;    ///< R-SCORE-6
  std::vector<summary_table> summary_tables;        ///< one per branch (R-REP-2)
  std::optional<rectification_table> rectification; ///< the 整改情况表, when events are given
  quality_analysis analysis;                        ///< R-REP-1
  std::vector<assessment_notice> problems;          ///< missing data, named
  previous_period as_previous; ///< this period, to pass as `previous` next time
};
BOOST_DESCRIBE_STRUCT(assessment_result, (),
                      (regime, period, from, to, pass_mark_exact, scheme, decimals, company,
                       branches, projects, top, bottom, consecutive_failures, summary_tables,
                       rectification, analysis, problems, as_previous))

/// Reads a request (docs/schemas/assessment.schema.json); `pay.table` may name a built-in
/// band table. Format problems only; assess() checks the rest.
assessment_request assessment_request_from_json(const json &value);

/// The period's assessment. Throws pmq::error(invalid_input) listing every problem: unknown
/// projects, inspections outside the period, duplicate inspectors of a project, projects in
/// two branches, duplicate ids, carry-overs of unknown projects or of another period, a
/// standard not out of the pay scale's full score, and each sheet's scoring problems.
assessment_result assess(const assessment_request &request);
assessment_result assess(std::string_view request_json);

json to_json(const assessment_result &r);

/// A rendered sheet: rows of cells (a title row, a header row, the rows; blocks separated by
/// an empty row), the same content for text, CSV and a spreadsheet's sheet.
struct assessment_sheet {
  std::string name; ///< "汇总表" / "summary", "整改情况表" / "rectification"
  std::vector<std::vector<std::string>> rows;
};

/// The 汇总表 of every branch and, when events were given, the 整改情况表.
std::vector<assessment_sheet> assessment_sheets(const assessment_result &r,
                                                language lang = language::zh);

/// One line of the missing-data list, in `lang`: a notice about `project` (its shown name) of
/// `branch` (its shown name); either may be empty when the notice names none.
std::string notice_text(const assessment_notice &n, const std::string &project,
                        const std::string &branch, language lang = language::zh);

/// The report a manager reads: the summary tables, then branch and company scores, top and
/// bottom, consecutive failures, where the points were lost, and missing data.
std::string assessment_text(const assessment_result &r, language lang = language::zh);

/// One sheet as CSV that Excel opens correctly: UTF-8 with a BOM, CRLF line ends, fields
/// quoted as RFC 4180 says. sheet 0 is the 汇总表.
std::string assessment_csv(const assessment_result &r, language lang = language::zh,
                           std::size_t sheet = 0);

} // namespace pmq
