#include "pmq/explain.hpp"

#include <unordered_map>

namespace pmq {

namespace {

struct message_entry {
  std::string_view key, zh, en;
};

// Every label and explanation pmq writes for people, in both languages.
constexpr message_entry messages[] = {
    // --- scoring: items (R-STD-5) and the steps to the final score -------------------------
    {"score.no_defects", "未发现问题", "no defects found"},
    {"score.defects", "{0} 处 × {1} = 扣 {2} 分", "{0} defects × {1} = {2} deducted"},
    {"score.defect", "{0} 处 × {1} = 扣 {2} 分", "{0} defect × {1} = {2} deducted"},
    {"score.capped", "{0} 处 × {1}，扣完本项 {2} 分为止（扣完为止）",
     "{0} defects × {1}, capped at the item's {2} (扣完为止)"},
    {"score.passed", "合格", "passed"},
    {"score.failed", "不合格：扣 {0} 分", "failed: {0} deducted"},
    {"score.meets_unjudged", "未发现问题：符合标准", "no findings: meets the standard"},
    {"score.level", "{0}：{1} × {2} = {3}", "{0}: {1} × {2} = {3}"},
    {"score.meets", "符合", "meets"},
    {"score.basically_meets", "基本符合", "basically meets"},
    {"score.fails", "不符合", "fails"},
    {"score.graded", "评分 {0} / {1}", "graded {0} of {1}"},
    {"score.veto", "触发一票否决", "veto triggered (一票否决)"},
    {"score.veto_not", "未触发", "not triggered"},
    {"score.na_zero", "不适用：按标准规定计 0 分",
     "not applicable: counts as 0 (the standard's policy)"},
    {"score.na_standard", "本标准不适用此项：不计入满分",
     "not applicable in this standard: removed from the maximum"},
    {"score.na", "不适用：不计入满分", "not applicable: removed from the maximum"},
    {"score.weights", "Σ 权重 × 专业得分 ÷ 专业满分，满分 {0}",
     "Σ weight × section score ÷ section maximum, out of {0}"},
    {"score.weights_rebased", "（按适用权重 {0} 折算）",
     " (re-based from the applicable weights {0})"},
    {"score.rebase", "折算：适用满分 {1} 中得 {0} 分 × {2} ÷ {1}",
     "re-based: {0} of {1} applicable × {2} ÷ {1}"},
    {"score.carry_over", "整改单 {0} 复检未完成：−{1}",
     "rectification {0} not done at re-inspection: −{1}"},
    {"score.reason", "（{0}）", " ({0})"},
    {"score.veto_zero", "否决项 {0} 触发：总分为 0", "veto item {0} triggered: total set to 0"},
    {"score.veto_cap", "否决项 {0} 触发：总分封顶 {1}",
     "veto item {0} triggered: total capped at {1}"},
    {"score.veto_cap_scaled", "{0}（满分 {1}）= {2}", "{0} of {1} = {2}"},
    // --- test cases (pmq test) ----------------------------------------------------------------
    {"case.score", "得分 {0} / {1}（条款合计 {2} / {3}）", "score {0} of {1} (items {2} of {3})"},
    {"case.no_data", "无（无数据）", "none (no data)"},
    {"case.passed", "，合格", ", passed"},
    {"case.failed", "，不合格", ", FAILED"},
    {"case.step", "  {0} → {1}：{2}", "  {0} → {1}: {2}"},
    {"case.item", "  {0} {1}：{2}（{3}）", "  {0} {1}: {2} ({3})"},
    {"case.na", "不适用", "n/a"},
    {"case.critical", "  关键专业 {0} 低于其最低分", "  critical section {0} below its minimum"},
    {"case.band", "{0} 属于评分表 {2} 的档次 {1}", "{0} falls in band {1} of table {2}"},
    {"case.band_pay", "；工资调整 {0} %", "; pay adjustment {0} %"},
    {"case.award", "；有评优资格", "; award eligible"},
    {"case.no_award", "；无评优资格", "; not award eligible"},
    {"case.band_passed", "；合格", "; passed"},
    {"case.band_failed", "；不合格", "; failed"},
    // --- the assessment's tables (R-REP-2) ----------------------------------------------------

    {"no", "序号", "No."},
    {"project", "项目", "Project"},
    {"head", "负责人", "Head"},
    {"mean", "平均分", "Mean"},
    {"deduction", "扣分(整改)", "Deduction (rectification)"},
    {"final", "最终得分", "Final score"},
    {"rank", "排名", "Rank"},
    {"pay", "工资调整", "Pay adjustment"},
    {"performance_pay", "绩效工资调整", "Performance pay"},
    {"remarks", "备注", "Remarks"},
    {"summary_title", "《{0}{1}项目考核评分汇总表》", "{0}: project assessment score summary, {1}"},
    {"month_period", "{0}年{1}月份", "{0}-{1}"},
    {"half_period", "{0}年{1}半年", "{0} H{1}"},
    {"half_1", "上", "1"},
    {"half_2", "下", "2"},
    {"due", "报送品质管理部及人力资源部，截止 {0}（下月5日前，R-CAL-5）",
     "to the quality department and HR by {0} (before the 5th of the next month, R-CAL-5)"},
    {"branch_head", "分公司负责人 {0}", "Branch head {0}"},
    {"branch_score", "分公司得分", "Branch score"},
    {"no_data", "无数据", "no data"},
    {"consecutive_failure", "连续两次不合格（通报批评并处罚）",
     "failed twice in a row (public reprimand and penalty)"},
    {"carry_over_not_applied", "整改扣分未扣（本期无数据）",
     "carry-over not applied (no data this period)"},
    {"decided_on_exact", "按精确值 {0} 判定", "decided on the exact {0}"},
    {"pay_up", "上浮{0}%", "+{0} %"},
    {"pay_down", "下浮{0}%", "−{0} %"},
    {"pay_none", "不变", "unchanged"},
    {"perf_down", "绩效降{0}%", "performance −{0} %"},
    {"perf_none", "不降", "no reduction"},
    {"report_title", "{0} {1}考核（{2}）", "{0}: assessment {1} ({2})"},
    {"regime_branch", "分公司月度考核，000 二(二)", "branch's monthly assessment, 000 II(2)"},
    {"regime_company", "公司半年度考核，000 二(一)", "head office's half-yearly audit, 000 II(1)"},
    {"pass_mark", "合格线 {0} 分", "pass mark {0}"},
    {"branches", "各分公司", "Branches"},
    {"branch_line", "{0}（负责人 {1}）：{2}，第 {3} 名{4}", "{0} (head {1}): {2}, rank {3}{4}"},
    {"branch_line_no_data", "{0}（负责人 {1}）：无数据", "{0} (head {1}): no data"},
    {"branch_pay", "，负责人工资 {0}", ", head's pay {0}"},
    {"company", "公司", "Company"},
    {"company_line", "{0}：各分公司平均 {1}（{2} 个分公司）；全部项目平均 {3}（{4} 个项目）",
     "{0}: mean of the branches {1} ({2} branches); mean of all projects {3} ({4} projects)"},
    {"top", "前 {0} 名", "Top {0}"},
    {"bottom", "后 {0} 名", "Bottom {0}"},
    {"standing_line", "第 {0} 名 {1}（{2}）{3}", "rank {0} {1} ({2}) {3}"},
    {"failures", "连续两次不合格（R-SCORE-6）", "Failed twice in a row (R-SCORE-6)"},
    {"failure_line", "{0}：{1}", "{0}: {1}"},
    {"analysis", "扣分分析（R-REP-1）：共扣 {0} 分，{1} 张检查表",
     "Where points were lost (R-REP-1): {0} points, {1} sheets"},
    {"analysis_note", "每项 = 各项目（各检查人该项扣分的平均）之和，精确计算",
     "each = Σ over projects of the mean, over its inspectors, of the item's deduction; exact"},
    {"pareto", "扣分最多的五项（帕累托；与第五项并列者一并列出）",
     "The five costliest items (Pareto; items tied with the fifth included)"},
    {"pareto_line", "{0}. {1} {2}：{3} 分，{4}%，累计 {5}%",
     "{0}. {1} {2}: {3} points, {4} %, cumulative {5} %"},
    {"by_section", "按专业", "By section"},
    {"by_department", "按责任部门", "By responsible department"},
    {"loss_line", "{0} {1}：{2} 分", "{0} {1}: {2} points"},
    {"department_line", "{0}：{1} 分", "{0}: {1} points"},
    {"unspecified", "（未注明）", "(not stated)"},
    {"repeats", "重复问题（连续各期同一条款扣分）",
     "Repeat findings (same item failed in consecutive periods)"},
    {"repeat_line", "{0} {1} {2}：{3}", "{0} {1} {2}: {3}"},
    {"problems", "问题清单（缺失数据）", "Problems (missing data)"},
    {"p_project_no_data", "{0}（{1}）本期无检查数据：不计 0 分，不参与排名",
     "{0} ({1}) has no inspection this period: not 0, unranked"},
    {"p_branch_no_data", "{0} 本期无任何项目数据", "{0} has no project with data this period"},
    {"p_inspection_no_data", "检查表 {0}（{1}）全部条款不适用：无数据",
     "sheet {0} ({1}) has every item not applicable: no data"},
    {"p_carry_over_not_applied", "整改单 {0} 的扣分未能扣除：{1} 本期无数据，仍待扣",
     "carry-over of order {0} not applied: {1} has no data this period; it stays due"},
    {"p_previous_period_missing", "未提供上期（{0}）结果：无环比，连续不合格从本期起算",
     "no result for the period before ({0}): no change shown, failure runs start here"},
    {"none", "无", "none"},
    {"rect_title", "《分公司检查各项目物业管理中心对{0}不合格项整改情况表》（截至 {1}）",
     "Rectification of the nonconformities the branches found in {0} (as of {1})"},
    {"branch", "分公司", "Branch"},
    {"rect_due", "报送品质管理部，截止 {0}（R-CAL-5）",
     "to the quality department by {0} (R-CAL-5)"},
    {"rect_issued", "下发", "Issued"},
    {"rect_open", "未到期", "Open"},
    {"rect_overdue", "逾期", "Overdue"},
    {"rect_on_time", "按期整改", "Rectified on time"},
    {"rect_late", "逾期整改", "Rectified late"},
    {"rect_awaiting", "待复检", "Awaiting re-inspection"},
    {"rect_passed", "复检合格", "Passed"},
    {"rect_failed", "复检不合格", "Failed"},
    {"rect_second", "二次通知", "Second notices"},
    {"rect_penalty", "处罚通知", "Penalty notices"},
    {"total", "合计", "Total"},
    {"sheet_summary", "汇总表", "summary"},
    {"sheet_rectification", "整改情况表", "rectification"},
    // --- the HTML reports (R-REP-3, R-REP-1, R-REP-2) ----------------------------------------
    {"report.inspection_title", "物业管理质量检查报告",
     "Property management quality inspection report"},
    {"report.inspection_sub", "{0} · 检查表 {1}", "{0} · sheet {1}"},
    {"report.summary", "检查概况与得分", "The inspection and its score"},
    {"report.date", "检查日期", "Date"},
    {"report.inspector", "检查人", "Inspector"},
    {"report.sheet", "检查表编号", "Sheet"},
    {"report.standard", "检查标准", "Standard"},
    {"report.version", "标准版本", "Version"},
    {"report.score", "得分", "Score"},
    {"report.passed", "合格", "Passed"},
    {"report.failed", "不合格", "Failed"},
    {"report.pay_band", "工资档次：", "Pay band:"},
    {"report.score_note", "条款得分合计 {0} / 适用满分 {1}；问题 {2} 项",
     "items earned {0} of {1} applicable; {2} findings"},
    {"report.veto_alert", "一票否决：{0} {1} 已触发", "Veto: {0} {1} triggered"},
    {"report.critical_alert", "关键专业 {0} {1} 低于最低分 {2}",
     "Critical section {0} {1} below its minimum {2}"},
    {"report.sections", "各专业得分（得分 / 满分）", "Sections (earned / maximum)"},
    {"report.deductions", "扣分明细", "Deductions"},
    {"report.item", "条款", "Item"},
    {"report.deducted", "扣分", "Lost"},
    {"report.explanation", "说明", "Explanation"},
    {"report.finding", "问题描述", "Finding"},
    {"report.location", "地点", "Location"},
    {"report.time", "时间", "Time"},
    {"report.department", "责任部门", "Department"},
    {"report.veto", "否决", "veto"},
    {"report.no_finding_recorded", "未记录问题描述", "no finding recorded"},
    {"report.no_deductions", "无扣分", "No deductions"},
    {"report.notices", "整改通知", "Rectification notices"},
    {"report.notices_note", "每个责任部门一份整改通知书；收到后一周内完成整改并复检（R-CAL-6）。",
     "One notice per responsible department; to be done within a week of receipt, then "
     "re-inspected (R-CAL-6)."},
    {"report.to_rectify", "整改内容", "To rectify"},
    {"report.due", "整改期限", "Due"},
    {"report.due_unknown", "（检查日期未填）", "(no inspection date)"},
    {"report.households", "走访住户", "Household visits"},
    {"report.hh_visited", "走访户数", "Households visited"},
    {"report.hh_satisfied", "满意", "Satisfied"},
    {"report.hh_basically_satisfied", "基本满意", "Basically satisfied"},
    {"report.hh_unsatisfied", "不满意", "Unsatisfied"},
    {"report.hh_satisfaction", "满意率", "Satisfaction rate"},
    {"report.hh_complaints", "投诉", "Complaints"},
    {"report.hh_handled", "处理妥当", "Handled properly"},
    {"report.hh_handling_rate", "投诉处理妥当率", "Complaint handling rate"},
    {"report.sign_inspector", "检查人：", "Inspector:"},
    {"report.sign_approver", "审批（副总经理）：", "Approved (deputy GM):"},
    {"report.sign_date", "日期：", "Date:"},
    {"report.assessment_title", "{0} {1}项目考核报告", "{0}: project assessment {1}"},
    {"report.overview", "考核概况", "Overview"},
    {"report.branch_score", "得分", "Score"},
    {"report.change", "环比", "Change"},
    {"report.all_projects_mean", "全部项目平均 {0}（{1} 个项目有数据）",
     "mean of all projects {0} ({1} projects with data)"},
    {"report.ranking", "项目排名", "Projects ranked"},
    {"report.unranked", "无数据，不排名", "no data, unranked"},
    {"report.pay_distribution", "工资调整分布", "Pay adjustments"},
    {"report.projects_n", "{0} 个项目", "{0} projects"},
    {"report.no_data_unscored", "无数据（不计 0 分）", "no data (not 0)"},
    {"report.summary_tables", "考核评分汇总表", "Score summary tables"},
    {"report.trend", "各项目得分趋势", "Trend per project"},
    {"report.trend_note", "空心圆：该期无数据（不计 0 分）；断线表示缺期。",
     "Hollow circles: no data in that period (not 0); a gap breaks the line."},
    {"report.pareto_text", "{0} 分 · {1}% · 累计 {2}%", "{0} · {1} % · cum. {2} %"},
    {"report.points_n", "{0} 分", "{0} points"},
    {"report.rectification", "不合格项整改情况", "Rectification status"},
    {"report.targets_title", "{0} 质量目标完成统计表（{1}）",
     "{0}: quality target completion ({1})"},
    {"report.targets_sub", "统计期 {0} 至 {1}", "from {0} to {1}"},
    {"report.targets_overview", "目标完成情况", "Targets"},
    {"report.met_n", "达标 {0}", "met {0}"},
    {"report.missed_n", "未达标 {0}", "missed {0}"},
    {"report.nodata_n", "无数据 {0}", "no data {0}"},
    {"report.key", "编号", "Key"},
    {"report.kpi", "质量目标", "Target"},
    {"report.target", "目标值", "Threshold"},
    {"report.actual", "实际", "Actual"},
    {"report.period_value", "本期", "Period"},
    {"report.gap", "差距", "Gap"},
    {"report.status", "结论", "Status"},
    {"report.met", "达标", "met"},
    {"report.missed", "未达标", "missed"},
    {"report.gap_note",
     "差距 = 实际 − 目标值（以目标的单位计；负数低于目标）；无数据既不算达标也不算未达标。",
     "Gap = actual − threshold in the target's unit (negative: below it); no data is neither met "
     "nor missed."},
    {"report.gap_chart", "各目标差距（{0}）", "Gap per target ({0})"},
    {"unit.percent", "百分点", "percentage points"},
    {"unit.count", "次数/件数", "count"},
    {"unit.points", "分", "points"},
    {"unit.times_per_period", "次/期", "times per period"},
};

const message_entry *find(std::string_view key) {
  static const auto index = [] {
    std::unordered_map<std::string_view, const message_entry *> m;
    for (const auto &e : messages)
      m.emplace(e.key, &e);
    return m;
  }();
  const auto it = index.find(key);
  return it == index.end() ? nullptr : it->second;
}

// A decimal without trailing zeros: ratio × max has at most 6 places.
std::string exact_decimal(const fraction &v) {
  std::string text = render(v, 6);
  while (text.back() == '0')
    text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

std::string explain_item(const item &it, const item_result &r, const standard &def, language lang) {
  const auto m = [&](std::string_view key) { return std::string(message(key, lang)); };
  if (!r.applicable)
    return def.not_applicable == na_policy::count_as_zero ? m("score.na_zero")
           : it.kind == item_kind::not_applicable         ? m("score.na_standard")
                                                          : m("score.na");
  switch (it.kind) {
  case item_kind::deduct: {
    if (r.defects == 0) return m("score.no_defects");
    const points per = it.deduction ? *it.deduction : points{};
    // 扣完为止 (R-STD-5): more defects than the item's maximum holds.
    const bool capped =
        per > points{} && std::int64_t(r.defects) > it.max_score.milli() / per.milli();
    if (capped)
      return message("score.capped", lang,
                     {std::to_string(r.defects), per.to_string(), it.max_score.to_string()});
    return message(r.defects == 1 ? "score.defect" : "score.defects", lang,
                   {std::to_string(r.defects), per.to_string(), r.deducted.to_string()});
  }
  case item_kind::pass_fail:
    return r.score == points{} && r.max_score > points{}
               ? message("score.failed", lang, {r.max_score.to_string()})
               : m("score.passed");
  case item_kind::three_level: {
    if (!r.level) return m("score.meets_unjudged");
    const auto &ratios = def.three_level;
    const points ratio = *r.level == level::meets             ? ratios.meets
                         : *r.level == level::basically_meets ? ratios.basically_meets
                                                              : ratios.fails;
    const char *name = *r.level == level::meets             ? "score.meets"
                       : *r.level == level::basically_meets ? "score.basically_meets"
                                                            : "score.fails";
    return message("score.level", lang,
                   {m(name), ratio.to_string(), r.max_score.to_string(), exact_decimal(r.exact)});
  }
  case item_kind::graded:
    return message("score.graded", lang, {r.score.to_string(), r.max_score.to_string()});
  case item_kind::veto:
    return m(r.vetoed ? "score.veto" : "score.veto_not");
  case item_kind::not_applicable:
    break;
  }
  return "";
}

} // namespace

std::optional<language> parse_language(std::string_view text) {
  if (text == "zh") return language::zh;
  if (text == "en") return language::en;
  return std::nullopt;
}

std::string_view message(std::string_view key, language lang) {
  const auto *e = find(key);
  if (!e) return key;
  return lang == language::zh ? e->zh : e->en;
}

std::string message(std::string_view key, language lang, std::initializer_list<std::string> args) {
  const std::string_view pattern = message(key, lang);
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' &&
        pattern[i + 1] >= '0' && pattern[i + 1] <= '9') {
      const std::size_t k = std::size_t(pattern[i + 1] - '0');
      if (k < args.size()) out += *(args.begin() + k);
      i += 2;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

void explain(score_result &r, const standard &def, const std::vector<carry_over> &carried,
             language lang) {
  for (std::size_t si = 0; si < r.sections.size() && si < def.sections.size(); ++si) {
    auto &sr = r.sections[si];
    const auto &sec = def.sections[si];
    for (std::size_t ii = 0; ii < sr.items.size() && ii < sec.items.size(); ++ii)
      sr.items[ii].explanation = explain_item(sec.items[ii], sr.items[ii], def, lang);
  }
  const points full = r.full_score;
  for (auto &a : r.adjustments) {
    switch (a.kind) {
    case adjustment_kind::weights: {
      fraction applicable = 0;
      for (const auto &sr : r.sections)
        if (sr.max_score > points{} && sr.weight) applicable += sr.weight->value();
      a.explanation = message("score.weights", lang, {full.to_string()});
      if (applicable != full.value())
        a.explanation +=
            message("score.weights_rebased", lang, {to_points(applicable).to_string()});
      break;
    }
    case adjustment_kind::rebase:
      a.explanation = message("score.rebase", lang,
                              {r.earned.to_string(), r.max_score.to_string(), full.to_string()});
      break;
    case adjustment_kind::carry_over: {
      const carry_over *c = nullptr;
      for (const auto &k : carried)
        if (a.source && k.order == *a.source) c = &k;
      if (!c) break;
      a.explanation = message("score.carry_over", lang, {c->order, c->points.to_string()});
      if (!c->reason.empty()) a.explanation += message("score.reason", lang, {c->reason});
      break;
    }
    case adjustment_kind::veto: {
      const item *v = nullptr;
      for (const auto &sec : def.sections)
        for (const auto &it : sec.items)
          if (a.source && it.id == *a.source) v = &it;
      if (!v) break;
      if (v->veto_effect != veto_effect::cap || !v->veto_cap) {
        a.explanation = message("score.veto_zero", lang, {v->id});
        break;
      }
      const points cap = *v->veto_cap;
      const points basis = def.thresholds == threshold_policy::scaled ? threshold_basis(def) : full;
      const fraction limit = cap.value() * full.value() / basis.value();
      a.explanation =
          message("score.veto_cap", lang,
                  {v->id, limit == cap.value()
                              ? cap.to_string()
                              : message("score.veto_cap_scaled", lang,
                                        {cap.to_string(), basis.to_string(), render(limit, 3)})});
      break;
    }
    }
  }
}

score_result explained(score_result r, const standard &def, const std::vector<carry_over> &carried,
                       language lang) {
  explain(r, def, carried, lang);
  return r;
}

} // namespace pmq
