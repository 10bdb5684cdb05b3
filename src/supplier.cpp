#include "pmq/supplier.hpp"

#include "pmq/calendar.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

namespace pmq {

namespace g = boost::gregorian;

namespace {
void append(std::vector<problem> &to, const std::vector<problem> &from) {
  to.insert(to.end(), from.begin(), from.end());
}
// A character that shows nothing: Unicode White_Space (U+3000 ideographic space, U+00A0,
// U+2000..U+200A, …) and the invisible format characters an ERP's form may leave behind
// (zero-width space and joiners, word joiner, byte-order mark).
bool invisible(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200D) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x2060 || c == 0x3000 || c == 0xFEFF;
}

// True when the UTF-8 text (valid: the JSON reader checked it) shows no character at all.
bool blank_text(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    if (i + n > s.size()) return false;
    char32_t c = n == 1 ? b : n == 2 ? b & 0x1F : n == 3 ? b & 0x0F : b & 0x07;
    for (std::size_t k = 1; k < n; ++k)
      c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (!invisible(c)) return false;
    i += n;
  }
  return true;
}

bool blank(const std::optional<std::string> &s) { return !s || blank_text(*s); }
// Runs f; a pmq::error it throws gets `base` put in front of its paths.
template <class F> auto with_path(const std::string &base, F &&f) {
  try {
    return f();
  } catch (const error &e) {
    std::vector<problem> moved;
    for (const auto &p : e.problems())
      moved.push_back({p.path.empty() ? base : join_path(base, p.path), p.message});
    throw error(e.code(), std::move(moved));
  }
}
template <class E> std::string name_of(E v) {
  std::string out;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) {
    if (d.value == v) out = d.name;
  });
  return out;
}
} // namespace

// --- R-OUT-2 ----------------------------------------------------------------------------

qualification_result qualify(const qualification_checklist &c) {
  qualification_result r;
  r.supplier = c.supplier;
  auto need = [&](bool ok, const char *item, const char *title) {
    if (!ok) r.missing.push_back({item, title});
  };
  need(c.business_licence, "business_licence", "营业执照");
  need(c.legal_person, "legal_person", "法人资格");
  need(c.similar_work, "similar_work", "从事过类似服务项目的优良业绩");
  need(c.qa_capacity, "qa_capacity", "良好的质量保证能力");
  need(!c.qa_certificate_required || c.qa_certificate, "qa_certificate", "质量管理体系认证证书");
  need(c.sufficient_capacity, "sufficient_capacity", "承担相应服务项目的工作能力和实力");
  if (!c.service_report) {
    need(false, "service_report", "服务报告");
  } else {
    const auto &s = *c.service_report;
    need(!blank(s.responsible_person), "service_report.responsible_person", "外包方责任人");
    need(!blank(s.service_standard), "service_report.service_standard", "服务标准");
    need(!blank(s.service_plan), "service_report.service_plan", "外包服务方案");
    need(!blank(s.schedule), "service_report.schedule", "服务时间安排");
    need(!blank(s.qa_capacity), "service_report.qa_capacity", "质量保证能力");
  }
  r.qualified = r.missing.empty();
  return r;
}

// --- R-OUT-4 ----------------------------------------------------------------------------

std::vector<deduction_rule> default_deduction_table() {
  const auto pts = [](const char *s) { return *points::parse(s); };
  const auto yuan = [](std::int64_t y) { return money::from_fen(y * 100); };
  return {
      {incident::minor_nonconformity, "一般不合格", pts("1"), yuan(15)},
      {incident::serious_nonconformity, "严重不合格", pts("3"), yuan(50)},
      {incident::audit_failure, "稽查不合格", pts("5"), yuan(200)},
      {incident::valid_complaint, "有效投诉", pts("2"), yuan(50)},
      {incident::valid_complaint_late, "有效投诉处理不及时", pts("5"), yuan(200)},
      {incident::unfilled_vacancy, "缺员3天内未补充", pts("2"), yuan(0)},
      {incident::manager_change_violation, "管理人员更换违规", pts("2"), yuan(0)},
      {incident::late_roster, "花名册未按时报送", pts("1"), yuan(0)},
      {incident::excess_staff_changes, "人员更换超过2人次", pts("1"), yuan(0)},
      {incident::age_out_of_range, "人员年龄不符", pts("1"), yuan(0)},
      {incident::missing_certificate, "未持证上岗", pts("2"), yuan(0)},
      {incident::missing_patrol_record, "巡查记录缺失", pts("0.5"), yuan(0)},
  };
}

namespace {
__extension__ typedef __int128 i128;
// round(n / d) half away from zero, d > 0.
std::int64_t div_half_up(i128 n, i128 d) {
  const bool neg = n < 0;
  const i128 m = neg ? -n : n;
  i128 q = m / d;
  if ((m % d) * 2 >= d) ++q;
  return std::int64_t(neg ? -q : q);
}
} // namespace

std::optional<points> satisfaction_deduction(const satisfaction_survey &s,
                                             const monthly_rules &rules) {
  if (s.surveyed == 0) return std::nullopt;
  // (target − 100·satisfied/surveyed) percentage points × points per percent, in 1/1000 point:
  // (target_milli·surveyed − 100 000·satisfied) · per_milli ÷ (1000·surveyed), exactly, in 128
  // bits.
  const i128 shortfall =
      i128(rules.satisfaction_target.milli()) * s.surveyed - i128(100000) * s.satisfied;
  if (shortfall <= 0) return points{};
  return points::from_milli(
      div_half_up(shortfall * rules.points_per_percent_below.milli(), i128(1000) * s.surveyed));
}

namespace {
constexpr std::int64_t max_fee_fen = 1'000'000'000'000; // ¥10 000 000 000 a month
constexpr std::int64_t max_fine_fen = 1'000'000'000;    // ¥10 000 000 an incident
} // namespace

money settlement_amount(money fee, std::uint64_t attended, std::uint64_t contracted,
                        const fraction &reduction_percent, money fines) {
  if (contracted == 0)
    throw error(errc::invalid_argument, "", "no contracted person-days: no data");
  if (attended > contracted)
    throw error(errc::invalid_argument, "", "attended person-days exceed the contracted ones");
  if (fee < money{} || fee.fen() > max_fee_fen)
    throw error(errc::invalid_argument, "", "fee out of range");
  if (fines < money{}) throw error(errc::invalid_argument, "", "fines must not be negative");
  if (reduction_percent < 0 || reduction_percent > 100)
    throw error(errc::invalid_argument, "", "reduction percent must be 0..100");
  // fee × attended/contracted × (100 − pct)/100, exactly, rounded half up to the fen once.
  const fraction due_fen = fraction(fee.fen()) * make_fraction(attended, contracted) *
                           (fraction(100) - reduction_percent) / 100;
  const auto due = to_money(due_fen / money::scale);
  return due > fines ? due - fines : money{};
}

money settlement_amount(money fee, std::uint64_t attended, std::uint64_t contracted,
                        points reduction_percent, money fines) {
  return settlement_amount(fee, attended, contracted, reduction_percent.value(), fines);
}

namespace {
// R-SCORE-5's per-point scheme on the month's score (out of the monthly rules' full_score),
// exactly: passed on the score itself, the points lost counted as `rounding` says, times
// percent_per_point, at most 100 % — never rounded before the settlement: 0.5 point × 0.005 %
// is 0.0025 %, not 0.003 %.
struct fee_cut {
  bool passed = true;
  fraction points_lost = 0;
  fraction percent = 0;
};

fee_cut fee_reduction_for(points score, const per_point_scheme &scheme) {
  fee_cut c;
  c.passed = score >= scheme.pass_mark;
  if (c.passed) return c;
  const fraction lost = scheme.pass_mark.value() - score.value();
  switch (scheme.rounding) {
  case point_loss_rounding::whole_points:
    c.points_lost = fraction(floor(lost));
    break;
  case point_loss_rounding::started_points:
    c.points_lost = fraction(ceil(lost));
    break;
  case point_loss_rounding::exact:
    c.points_lost = lost;
    break;
  }
  c.percent = c.points_lost * scheme.percent_per_point.value();
  if (c.percent > 100) c.percent = 100;
  return c;
}

// Shows an exact percentage: its decimal when it has at most 6 places ("0.0025"), else "n/d".
std::string exact_text(const fraction &v) {
  if (round_half_up(v, 6) != v) return to_string(v);
  std::string s = render(v, 6);
  while (s.back() == '0')
    s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}
} // namespace

bool evaluation_on_time(const date &submitted, std::uint32_t year, std::uint32_t month,
                        const monthly_rules &rules) {
  // One reading of "before the Nth" across pmq: the calendar's deadline rule (R-OUT-10).
  deadline_rules r;
  r.before_includes_day = rules.evaluation_due_day_inclusive;
  r.supplier_evaluation_day = rules.evaluation_due_day;
  return submitted <=
         supplier_evaluation_deadline(business_calendar{}, r, year_month{int(year), int(month)});
}

std::vector<problem> check_monthly_rules(const monthly_rules &r, const std::string &base) {
  problem_list out;
  const auto at = [&](const char *m) { return join_path(base, m); };
  if (r.full_score <= points{} || r.full_score > points{10000})
    out.add(at("full_score"), "must be greater than 0 and at most 10000");
  if (r.satisfaction_target < points{} || r.satisfaction_target > points{100})
    out.add(at("satisfaction_target"), "a percentage: must be 0..100");
  if (r.points_per_percent_below < points{} || r.points_per_percent_below > points{10000})
    out.add(at("points_per_percent_below"), "must be 0..10000");
  std::set<incident> seen;
  for (std::size_t i = 0; i < r.deductions.size(); ++i) {
    const auto p = join_path(at("deductions"), i);
    const auto &d = r.deductions[i];
    if (!seen.insert(d.kind).second)
      out.add(join_path(p, "kind"), "a second rule for " + name_of(d.kind));
    if (d.points_each < points{}) out.add(join_path(p, "points_each"), "must not be negative");
    if (d.points_each > r.full_score)
      out.add(join_path(p, "points_each"), "exceeds the full score");
    if (d.fine_each < money{}) out.add(join_path(p, "fine_each"), "must not be negative");
    if (d.fine_each.fen() > max_fine_fen)
      out.add(join_path(p, "fine_each"), "must be at most ¥10000000");
  }
  if (r.fee_reduction.percent_per_point < points{} ||
      r.fee_reduction.percent_per_point > points{100})
    out.add(join_path(at("fee_reduction"), "percent_per_point"), "must be 0..100");
  if (r.fee_reduction.pass_mark < points{} || r.fee_reduction.pass_mark > r.full_score)
    out.add(join_path(at("fee_reduction"), "pass_mark"), "must be 0.." + r.full_score.to_string());
  if (r.evaluation_due_day < 1 || r.evaluation_due_day > 31)
    out.add(at("evaluation_due_day"), "must be 1..31");
  auto items = out.items();
  append(items, check_staffing_rules(r.staffing, at("staffing")));
  return items;
}

std::vector<problem> check_monthly_record(const monthly_record &m, const monthly_rules &rules) {
  problem_list out;
  if (m.supplier.empty()) out.add("supplier", "must not be empty");
  if (m.year < 1400 || m.year > 9999)
    out.add("year", "must be 1400..9999, got " + std::to_string(m.year));
  if (m.month < 1 || m.month > 12)
    out.add("month", "must be 1..12, got " + std::to_string(m.month));
  if (m.fee < money{})
    out.add("fee", "must not be negative, got " + m.fee.to_string());
  else if (m.fee.fen() > max_fee_fen)
    out.add("fee", "implausibly large");
  if (m.satisfaction && m.satisfaction->satisfied > m.satisfaction->surveyed)
    out.add("satisfaction.satisfied", std::to_string(m.satisfaction->satisfied) +
                                          " satisfied out of " +
                                          std::to_string(m.satisfaction->surveyed) + " surveyed");
  std::map<incident, std::uint64_t> per_kind;
  for (std::size_t i = 0; i < m.incidents.size(); ++i) {
    const auto p = join_path(join_path("incidents", i), "count");
    if (m.incidents[i].count > 100000)
      out.add(p, "implausibly large");
    else if ((per_kind[m.incidents[i].kind] += m.incidents[i].count) > 100000)
      out.add(p, "more than 100000 incidents of one kind in a month: implausibly large");
  }
  auto items = out.items();
  if (m.staffing) {
    const auto &s = *m.staffing;
    if (s.supplier != m.supplier)
      items.push_back(
          {"staffing.supplier",
           "\"" + s.supplier + "\" is not the record's supplier \"" + m.supplier + "\""});
    if (s.year != m.year || s.month != m.month)
      items.push_back({"staffing.month", "the staffing month is not the record's month"});
    append(items, check_staffing_month(s, "staffing", rules.staffing));
  }
  return items;
}

monthly_result evaluate_month(const monthly_record &m, const monthly_rules &rules) {
  auto problems = check_monthly_rules(rules, "rules");
  append(problems, check_monthly_record(m, rules));
  throw_if_any(std::move(problems));

  monthly_result r;
  r.supplier = m.supplier;
  r.year = m.year;
  r.month = m.month;
  r.fee = m.fee;
  auto &w = r.working;

  if (m.satisfaction) {
    if (const auto d = satisfaction_deduction(*m.satisfaction, rules)) {
      r.satisfaction_rate = render(fraction(std::int64_t(m.satisfaction->satisfied) * 100,
                                            std::int64_t(m.satisfaction->surveyed)),
                                   2);
      r.satisfaction_deduction = *d;
      w.push_back("satisfaction " + std::to_string(m.satisfaction->satisfied) + "/" +
                  std::to_string(m.satisfaction->surveyed) + " = " + *r.satisfaction_rate +
                  "% (target " + rules.satisfaction_target.to_string() + "%): −" + d->to_string() +
                  " points");
    } else {
      w.push_back("satisfaction: nobody surveyed — no data, no deduction");
    }
  } else {
    w.push_back("satisfaction: not given — no data, no deduction");
  }

  // Incidents by kind: the record's, then the staffing check's.
  std::map<incident, const deduction_rule *> table;
  for (const auto &d : rules.deductions)
    table[d.kind] = &d;
  auto add_line = [&](incident kind, std::uint32_t n, const char *source) {
    if (n == 0) return;
    deduction_line line;
    line.kind = kind;
    line.count = n;
    line.source = source;
    if (const auto it = table.find(kind); it != table.end()) {
      line.title = it->second->title;
      line.points_each = it->second->points_each;
      line.fine_each = it->second->fine_each;
    } else {
      line.title = name_of(kind) + " (no deduction rule)";
    }
    line.points_total = line.points_each * n;
    line.fine_total = line.fine_each * n;
    r.deductions.push_back(line);
  };
  std::map<incident, std::uint32_t> counted;
  for (const auto &i : m.incidents)
    counted[i.kind] += i.count;
  for (const auto &[kind, n] : counted)
    add_line(kind, n, "record");
  std::uint64_t attended = 1, contracted = 1;
  if (m.staffing) {
    r.staffing = check_staffing(*m.staffing, rules.staffing);
    for (const auto &i : r.staffing->incidents)
      add_line(i.kind, i.count, "staffing");
    if (r.staffing->settle_by_attendance) {
      r.settled_by_attendance = true;
      attended = r.staffing->attended_person_days;
      contracted = r.staffing->contracted_person_days;
    }
    r.attended_person_days = r.staffing->attended_person_days;
    r.contracted_person_days = r.staffing->contracted_person_days;
  }

  r.points_deducted = r.satisfaction_deduction;
  for (const auto &l : r.deductions) {
    r.points_deducted += l.points_total;
    r.fines += l.fine_total;
    w.push_back(l.title + " × " + std::to_string(l.count) + ": −" + l.points_total.to_string() +
                " points, fine ¥" + l.fine_total.to_string());
  }
  r.score = r.points_deducted >= rules.full_score ? points{} : rules.full_score - r.points_deducted;
  w.push_back("score " + rules.full_score.to_string() + " − " + r.points_deducted.to_string() +
              " = " + r.score.to_string());

  const auto reduction = fee_reduction_for(r.score, rules.fee_reduction);
  const fraction &percent = reduction.percent;
  r.passed = reduction.passed;
  r.fee_reduction_percent = to_points(percent);
  r.fee_reduction_percent_exact = to_string(percent);
  if (!r.passed)
    w.push_back("below the pass mark " + rules.fee_reduction.pass_mark.to_string() + ": " +
                exact_text(reduction.points_lost) + " points lost × " +
                rules.fee_reduction.percent_per_point.to_string() + "% = fee reduced by " +
                exact_text(percent) + "%");

  r.base_amount = settle_by_attendance(m.fee, attended, contracted);
  if (r.settled_by_attendance)
    w.push_back("settled by attendance (R-OUT-5): ¥" + m.fee.to_string() + " × " +
                std::to_string(attended) + " ÷ " + std::to_string(contracted) + " person-days = ¥" +
                r.base_amount.to_string());
  const money before_fines = settlement_amount(m.fee, attended, contracted, percent, money{});
  r.settlement = settlement_amount(m.fee, attended, contracted, percent, r.fines);
  r.settlement_floored = r.fines > before_fines;
  r.score_reduction = r.base_amount - before_fines;
  w.push_back("settlement ¥" + r.base_amount.to_string() + " − ¥" + r.score_reduction.to_string() +
              " (score) − ¥" + r.fines.to_string() + " (fines) = ¥" + r.settlement.to_string() +
              (r.settlement_floored ? " (fines exceed the amount due: floored at 0)" : ""));
  if (m.submitted) r.submitted_on_time = evaluation_on_time(*m.submitted, m.year, m.month, rules);
  return r;
}

// --- R-OUT-11 ---------------------------------------------------------------------------

namespace {
// A bar that would end after 9999-12-31 (the last date pmq holds) is an input error at
// `path`, not the date type's exception.
void check_bar_end(const bar_decision &d, const bar_rules &rules, const std::string &path) {
  const auto years =
      d.reason == bar_reason::unqualified ? rules.unqualified_years : rules.violation_years;
  if (static_cast<long long>(d.decided.year()) + years > 9999)
    throw error(errc::invalid_input, path,
                "a bar of " + std::to_string(years) + " years from " + format_date(d.decided) +
                    " ends after 9999-12-31, the last date pmq holds");
}
} // namespace

supplier_bar bar_for(const bar_decision &d, const bar_rules &rules) {
  check_bar_end(d, rules, "decided");
  supplier_bar b;
  b.supplier = d.supplier;
  b.reason = d.reason;
  b.decided = d.decided;
  b.note = d.note;
  b.years = d.reason == bar_reason::unqualified ? rules.unqualified_years : rules.violation_years;
  b.may_bid_from = add_years(d.decided, b.years);
  b.barred_through = b.may_bid_from - g::days(1);
  return b;
}

namespace {
// bar_for at `path` (the decision date's path in a request).
supplier_bar checked_bar(const bar_decision &d, const bar_rules &rules, const std::string &path) {
  check_bar_end(d, rules, path);
  return bar_for(d, rules);
}

std::vector<problem> check_bar_rules(const bar_rules &r, const std::string &base) {
  problem_list out;
  if (r.unqualified_years == 0 || r.unqualified_years > 100)
    out.add(join_path(base, "unqualified_years"), "must be 1..100");
  if (r.violation_years == 0 || r.violation_years > 100)
    out.add(join_path(base, "violation_years"), "must be 1..100");
  return out.items();
}
} // namespace

bid_eligibility may_bid(const bid_query &q) {
  const bar_rules rules = q.rules.value_or(bar_rules{});
  auto problems = check_bar_rules(rules, "rules");
  if (q.supplier.empty()) problems.push_back({"supplier", "must not be empty"});
  for (std::size_t i = 0; i < q.decisions.size(); ++i)
    if (q.decisions[i].supplier.empty())
      problems.push_back({join_path(join_path("decisions", i), "supplier"), "must not be empty"});
  throw_if_any(std::move(problems));
  bid_eligibility r;
  r.supplier = q.supplier;
  r.on = q.on;
  for (std::size_t i = 0; i < q.decisions.size(); ++i) {
    const auto &d = q.decisions[i];
    if (d.supplier != q.supplier || d.decided > q.on) continue;
    const auto b = checked_bar(d, rules, join_path(join_path("decisions", i), "decided"));
    if (q.on <= b.barred_through) {
      r.active_bars.push_back(b);
      if (!r.may_bid_from || b.may_bid_from > *r.may_bid_from) r.may_bid_from = b.may_bid_from;
    }
  }
  r.may_bid = r.active_bars.empty();
  return r;
}

const band_table &default_supplier_standings() { return builtin_band_table("supplier_standings"); }

namespace {
const std::set<std::string> &known_actions() {
  static const std::set<std::string> a{"warn", "block_new_contracts", "end_contract", "bar"};
  return a;
}
} // namespace

std::vector<problem> check_yearly_rules(const yearly_rules &r, const std::string &base) {
  std::vector<problem> out;
  if (r.standings) {
    const auto sp = join_path(base, "standings");
    for (auto p : check_band_table(*r.standings))
      out.push_back({p.path.empty() ? sp : sp + "." + p.path, p.message});
    for (std::size_t i = 0; i < r.standings->bands.size(); ++i) {
      const auto bp = join_path(join_path(sp, "bands"), i);
      const auto &b = r.standings->bands[i];
      if (!b.passed)
        out.push_back(
            {join_path(bp, "passed"), "a standing must say whether it is qualified (passed)"});
      for (std::size_t k = 0; k < b.actions.size(); ++k)
        if (!known_actions().count(b.actions[k]))
          out.push_back({join_path(join_path(bp, "actions"), k),
                         "unknown action \"" + b.actions[k] +
                             "\" (known: warn, block_new_contracts, end_contract, bar)"});
    }
  }
  append(out, check_bar_rules(r.bars, join_path(base, "bars")));
  return out;
}

namespace {
std::vector<problem> check_yearly_review(const yearly_review &y, const band_table &standings,
                                         const std::string &base = "") {
  problem_list out;
  const auto at = [&](const char *m) { return join_path(base, m); };
  if (y.year < 1400 || y.year > 9999) out.add(at("year"), "must be 1400..9999");
  if (y.suppliers.empty()) out.add(at("suppliers"), "a yearly review needs at least one supplier");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < y.suppliers.size(); ++i) {
    const auto p = join_path(at("suppliers"), i);
    const auto &s = y.suppliers[i];
    if (s.supplier.empty())
      out.add(join_path(p, "supplier"), "must not be empty");
    else if (!seen.insert(s.supplier).second)
      out.add(join_path(p, "supplier"), "duplicate supplier \"" + s.supplier + "\"");
    if (s.monthly_scores.size() > 12)
      out.add(join_path(p, "monthly_scores"),
              "at most 12 monthly scores, got " + std::to_string(s.monthly_scores.size()));
    for (std::size_t k = 0; k < s.monthly_scores.size(); ++k)
      if (s.monthly_scores[k] < standings.min || s.monthly_scores[k] > standings.max)
        out.add(join_path(join_path(p, "monthly_scores"), k),
                "must be " + standings.min.to_string() + ".." + standings.max.to_string() +
                    ", got " + s.monthly_scores[k].to_string());
    for (std::size_t k = 0; k < s.violations.size(); ++k) {
      const auto vp = join_path(join_path(p, "violations"), k);
      if (s.violations[k].reason == bar_reason::unqualified)
        out.add(join_path(vp, "reason"), "unqualified follows from the score, not a violation");
      if (s.violations[k].date > y.decided)
        out.add(join_path(vp, "date"), "after the decision date " + format_date(y.decided));
    }
  }
  return out.items();
}
} // namespace

yearly_result evaluate_year(const yearly_review &y, const yearly_rules &rules) {
  auto problems = check_yearly_rules(rules, "rules");
  throw_if_any(problems);
  const band_table &standings = rules.standings ? *rules.standings : default_supplier_standings();
  throw_if_any(check_yearly_review(y, standings));

  yearly_result r;
  r.year = y.year;
  r.decided = y.decided;
  for (const auto &s : y.suppliers) {
    supplier_standing st;
    st.supplier = s.supplier;
    st.months = std::uint32_t(s.monthly_scores.size());
    if (s.monthly_scores.empty()) {
      st.band = "no_data";
      st.label = "no monthly evaluations: no standing";
    } else {
      // R-OUT-11 on the exact mean: [79.999, 80] averages 79.9995, below 80 (shown as 80).
      integer sum = 0;
      for (const auto &p : s.monthly_scores)
        sum += p.milli();
      const fraction mean = make_fraction(sum, integer(s.monthly_scores.size()) * points::scale);
      st.score = to_points(mean);
      st.exact = to_string(mean);
      const band &b = classify(standings, mean); // on the exact mean
      st.band = b.id;
      st.label = b.label;
      st.actions = b.actions;
      st.qualified = b.passed.value_or(false);
      const auto has = [&](const char *a) {
        return std::find(b.actions.begin(), b.actions.end(), a) != b.actions.end();
      };
      st.contract_ends = !st.qualified || has("end_contract");
      st.may_take_new_contracts = st.qualified && !has("block_new_contracts");
      if (!st.qualified || has("bar"))
        st.bars.push_back(checked_bar(
            {s.supplier, y.decided, bar_reason::unqualified, std::nullopt}, rules.bars, "decided"));
    }
    for (const auto &v : s.violations) {
      st.bars.push_back(
          checked_bar({s.supplier, y.decided, v.reason, v.note}, rules.bars, "decided"));
      st.qualified = false;
      st.contract_ends = true;
      st.may_take_new_contracts = false;
    }
    if (st.qualified) r.qualified_suppliers.push_back(st.supplier);
    r.bars.insert(r.bars.end(), st.bars.begin(), st.bars.end());
    r.suppliers.push_back(std::move(st));
  }
  return r;
}

// --- JSON ---------------------------------------------------------------------------------

qualification_checklist load_qualification(std::string_view json_text) {
  auto c = from_json_text<qualification_checklist>(json_text);
  if (blank_text(c.supplier)) throw error(errc::invalid_input, "supplier", "must not be empty");
  return c;
}

monthly_record load_monthly_record(std::string_view json_text) {
  auto m = from_json_text<monthly_record>(json_text);
  // Checks that depend on the rules (a notice period reaching before 1400) wait for them.
  monthly_rules lenient;
  lenient.staffing.manager_notice_months = 0;
  throw_if_any(check_monthly_record(m, lenient));
  return m;
}

monthly_rules load_monthly_rules(std::string_view json_text) {
  auto r = from_json_text<monthly_rules>(json_text);
  throw_if_any(check_monthly_rules(r));
  return r;
}

yearly_review load_yearly_review(std::string_view json_text) {
  auto y = from_json_text<yearly_review>(json_text);
  // Score ranges depend on the standings table: checked again when evaluated.
  band_table any;
  any.min = points::from_milli(INT64_MIN);
  any.max = points::from_milli(INT64_MAX);
  throw_if_any(check_yearly_review(y, any));
  return y;
}

yearly_rules load_yearly_rules(std::string_view json_text) {
  auto r = from_json_text<yearly_rules>(json_text);
  throw_if_any(check_yearly_rules(r));
  return r;
}

bid_query load_bid_query(std::string_view json_text) {
  return from_json_text<bid_query>(json_text);
}

json to_json(const qualification_result &r) { return to_json_value(r); }
json to_json(const monthly_result &r) { return to_json_value(r); }
json to_json(const yearly_result &r) { return to_json_value(r); }
json to_json(const bid_eligibility &r) { return to_json_value(r); }

} // namespace pmq
