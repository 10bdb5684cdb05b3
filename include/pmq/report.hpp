// Reports people read (R-REP-3, R-REP-1, R-REP-2): self-contained HTML documents — inline CSS
// and SVG, no script, nothing fetched — printable on A4, in Chinese by default or English.
//
// - The inspection report (《物业管理质量检查报告》, 000 §5.4): the sheet's facts, the score
//   with its pass mark and pay band, a bar per section, every deduction with its explanation
//   and findings, vetoes and critical sections, the rectification notices to issue with their
//   due dates (R-CAL-6), and the household visits when the result carries them.
// - The period assessment, from pmq::assess: the 汇总表 of each branch, projects ranked, the
//   pay adjustments' distribution, each project's trend, the Pareto of deductions, the
//   rectification status table and the missing data.
// - The 《质量目标完成统计表》 (R-KPI-30): met, missed and no data visibly distinct, the gap
//   signed, the months of a period side by side.
//
// Every text from input is HTML-escaped. "No data" is drawn as such, never as zero. The
// functions are pure: they return the document; writing it to a file is the caller's.
#pragma once

#include "pmq/assessment.hpp"
#include "pmq/explain.hpp"
#include "pmq/inspection.hpp"
#include "pmq/kpi.hpp"
#include "pmq/scoring.hpp"
#include "pmq/standard.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pmq {

/// The inspection report of one scored inspection against its standard.
std::string inspection_report(const standard &def, const inspection &ins, const score_result &r,
                              language lang = language::zh);

/// Scores `inspection_json` against `def` and renders its report.
std::string inspection_report(const standard &def, std::string_view inspection_json,
                              language lang = language::zh);

/// The period's assessment report.
std::string assessment_report(const assessment_result &r, language lang = language::zh);

/// The 质量目标完成统计表: `tables[0]` is the period's; any further tables are its months,
/// shown side by side.
std::string targets_report(const std::vector<statistics_table> &tables,
                           language lang = language::zh);

/// The plan's table for period `p` (a month, quarter, half-year or year) from the months'
/// actuals, with each month of a longer period beside it.
std::string targets_report(const compiled_plan &plan, const std::vector<month_actuals> &months,
                           const period &p, language lang = language::zh);

} // namespace pmq
