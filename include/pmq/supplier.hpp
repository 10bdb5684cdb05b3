// Outsourced suppliers (外包方): qualification, monthly evaluation with fee deductions,
// yearly standings and bars (004 外包服务控制程序 / 物业外包服务监管细则 / 外包服务管理流程).
//
// - R-OUT-1: the kinds of outsourced service (service_kind).
// - R-OUT-2: qualification is a checklist → qualified or not, with what is missing.
// - R-OUT-3: tender evaluation — see pmq/tender.hpp.
// - R-OUT-4: the month's score from customer satisfaction, the complaint record and
//   inspection findings (and the staffing breaches of pmq/staffing.hpp, R-OUT-5 … R-OUT-9);
//   a deduction table (points and per-incident fines) as data; the settlement exact to
//   the fen, rounded half up once.
// - R-OUT-10: the month's evaluation is handed in before the 10th.
// - R-OUT-11: the yearly evaluation → standings from a validated band table (pmq/bands.hpp)
//   with actions; unqualified: contract ended, barred 2 years; breaking the law, a major
//   safety accident, falsification or subcontracting: contract ended, barred 3 years.
#pragma once

#include "pmq/bands.hpp"
#include "pmq/datetime.hpp"
#include "pmq/json.hpp"
#include "pmq/numeric.hpp"
#include "pmq/staffing.hpp"
#include "pmq/tender.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pmq {

/// R-OUT-1: what is outsourced (外包项目).
BOOST_DEFINE_ENUM_CLASS(service_kind,
                        cleaning,                ///< 保洁 (incl. 外观立面清洁 facade)
                        repairs,                 ///< 零星维修、设备保养
                        landscaping,             ///< 绿化
                        waste_disposal,          ///< 废品处置、垃圾清运
                        pest_control,            ///< 除四害消杀
                        moving,                  ///< 搬运
                        purchasing,              ///< 物品采购
                        security,                ///< 安保
                        lifts,                   ///< 电梯维修/检测
                        fire_systems,            ///< 消防监控/报警设施
                        water_tank_disinfection, ///< 水箱消毒/水质检测
                        other)

// --- R-OUT-2: qualification ----------------------------------------------------------------

/// The service report (服务报告) a supplier submits before it starts; absent or empty
/// fields are missing.
struct service_report {
  std::optional<std::string> responsible_person; ///< 外包方责任人
  std::optional<std::string> service_standard;   ///< 服务标准
  std::optional<std::string> service_plan;       ///< 外包服务方案
  std::optional<std::string> schedule;           ///< 服务时间安排
  std::optional<std::string> qa_capacity;        ///< 质量保证能力
};
BOOST_DESCRIBE_STRUCT(service_report, (),
                      (responsible_person, service_standard, service_plan, schedule, qa_capacity))

struct qualification_checklist {
  std::string supplier;
  std::optional<std::string> name;
  std::optional<service_kind> service;
  bool business_licence = false;                     ///< a. 营业执照
  bool legal_person = false;                         ///< a. 法人资格
  bool similar_work = false;                         ///< b. 类似服务项目的优良业绩
  bool qa_capacity = false;                          ///< c. 质量保证能力
  bool qa_certificate_required = false;              ///< c. 必要时 …
  bool qa_certificate = false;                       ///< … 质量管理体系认证证书
  bool sufficient_capacity = false;                  ///< d. 工作能力和实力
  std::optional<pmq::service_report> service_report; ///< e.
  static constexpr std::array<std::string_view, 2> json_defaulted{"qa_certificate_required",
                                                                  "qa_certificate"};
};
BOOST_DESCRIBE_STRUCT(qualification_checklist, (),
                      (supplier, name, service, business_licence, legal_person, similar_work,
                       qa_capacity, qa_certificate_required, qa_certificate, sufficient_capacity,
                       service_report))

struct missing_requirement {
  std::string item;  ///< the checklist field, e.g. "service_report.schedule"
  std::string title; ///< in the manual's words, e.g. "服务时间安排"
};
BOOST_DESCRIBE_STRUCT(missing_requirement, (), (item, title))

struct qualification_result {
  std::string supplier;
  bool qualified = false;
  std::vector<missing_requirement> missing; ///< in the checklist's order; empty iff qualified
};
BOOST_DESCRIBE_STRUCT(qualification_result, (), (supplier, qualified, missing))

/// R-OUT-2: every condition of 4.5.1 a–e; the QA certificate only where required.
qualification_result qualify(const qualification_checklist &c);

// --- R-OUT-4: monthly evaluation and settlement ------------------------------------------

/// One line of the deduction table: points off the month's score and a fine per incident.
struct deduction_rule {
  pmq::incident kind = incident::minor_nonconformity;
  std::string title;
  points points_each;
  money fine_each;
};
BOOST_DESCRIBE_STRUCT(deduction_rule, (), (kind, title, points_each, fine_each))

/// The default table: the fines are the contract example's (一般不合格 ¥15, 严重不合格 ¥50,
/// 稽查不合格 ¥200, 有效投诉 ¥50, 处理不及时 ¥200); every points value and the staffing
/// lines are pmq's documented defaults (docs/supplier.md), not the manual's.
std::vector<deduction_rule> default_deduction_table();

struct monthly_rules {
  points full_score{100};
  points satisfaction_target{95};     ///< percent; below it …
  points points_per_percent_below{1}; ///< … this many points per percentage point, exactly
  std::vector<deduction_rule> deductions = default_deduction_table();
  /// A score below the pass mark reduces the fee: percent_per_point of the fee for each
  /// point lost (R-SCORE-5's scheme, default 90 and 1 % per whole point).
  per_point_scheme fee_reduction{};
  std::uint32_t evaluation_due_day = 10;    ///< R-OUT-10: handed in before the 10th …
  bool evaluation_due_day_inclusive = true; ///< as calendar.hpp: the 10th is on time
  pmq::staffing_rules staffing{};
  static constexpr std::array<std::string_view, 8> json_defaulted{
      "full_score",    "satisfaction_target", "points_per_percent_below",     "deductions",
      "fee_reduction", "evaluation_due_day",  "evaluation_due_day_inclusive", "staffing"};
};
BOOST_DESCRIBE_STRUCT(monthly_rules, (),
                      (full_score, satisfaction_target, points_per_percent_below, deductions,
                       fee_reduction, evaluation_due_day, evaluation_due_day_inclusive, staffing))

/// 客户满意度调查: questionnaires returned and how many were satisfied.
struct satisfaction_survey {
  std::uint32_t surveyed = 0;
  std::uint32_t satisfied = 0;
};
BOOST_DESCRIBE_STRUCT(satisfaction_survey, (), (surveyed, satisfied))

struct monthly_record {
  std::string supplier;
  std::uint32_t year = 0;
  std::uint32_t month = 0;
  money fee; ///< the contract's monthly fee
  std::optional<satisfaction_survey> satisfaction;
  std::vector<incident_count> incidents;  ///< findings and complaints (valid ones only)
  std::optional<staffing_month> staffing; ///< when given, checked and its breaches counted
  std::optional<pmq::date> submitted;     ///< when the evaluation was handed in (R-OUT-10)
  static constexpr std::array<std::string_view, 1> json_defaulted{"incidents"};
};
BOOST_DESCRIBE_STRUCT(monthly_record, (),
                      (supplier, year, month, fee, satisfaction, incidents, staffing, submitted))

struct deduction_line {
  pmq::incident kind = incident::minor_nonconformity;
  std::string title;
  std::uint32_t count = 0;
  points points_each;
  points points_total;
  money fine_each;
  money fine_total;
  std::string source; ///< "record" or "staffing"
};
BOOST_DESCRIBE_STRUCT(deduction_line, (),
                      (kind, title, count, points_each, points_total, fine_each, fine_total,
                       source))

struct monthly_result {
  std::string supplier;
  std::uint32_t year = 0;
  std::uint32_t month = 0;
  std::optional<std::string> satisfaction_rate; ///< percent, 2 places; absent: no data
  points satisfaction_deduction;
  std::vector<deduction_line> deductions;
  points points_deducted; ///< satisfaction + every line
  points score;           ///< full_score − points_deducted, never below 0
  bool passed = false;    ///< score ≥ fee_reduction.pass_mark
  /// The fee reduction in percent, rounded half up to 1/1000 for display …
  points fee_reduction_percent;
  /// … and exactly ("n/d" or "n"), as the settlement applies it: "1/400" for 0.0025 %.
  std::string fee_reduction_percent_exact = "0";
  money fee;
  bool settled_by_attendance = false; ///< R-OUT-5
  std::optional<std::uint64_t> attended_person_days;
  std::optional<std::uint64_t> contracted_person_days;
  money base_amount;     ///< fee, or fee × attended ÷ contracted (rounded for display)
  money score_reduction; ///< base_amount − fines − settlement: the table adds up to the fen
  money fines;
  money settlement;                      ///< rounded half up to the fen once; never below 0
  bool settlement_floored = false;       ///< the fines exceeded what was due
  std::optional<bool> submitted_on_time; ///< R-OUT-10, when `submitted` was given
  std::vector<std::string> working;      ///< the computation in words, line by line
  std::optional<staffing_result> staffing;
};
BOOST_DESCRIBE_STRUCT(monthly_result, (),
                      (supplier, year, month, satisfaction_rate, satisfaction_deduction, deductions,
                       points_deducted, score, passed, fee_reduction_percent,
                       fee_reduction_percent_exact, fee, settled_by_attendance,
                       attended_person_days, contracted_person_days, base_amount, score_reduction,
                       fines, settlement, settlement_floored, submitted_on_time, working, staffing))

/// R-OUT-4: points off for satisfaction below target: (target − rate %) × points per
/// percent, exact, rounded half up to 1/1000 point. Empty optional when nobody was
/// surveyed (no data: no deduction).
std::optional<points> satisfaction_deduction(const satisfaction_survey &s,
                                             const monthly_rules &rules = {});

/// R-OUT-4: the settlement, rounded half up to the fen once:
///   round(fee × attended ÷ contracted × (100 − reduction %) ÷ 100) − fines, floored at 0.
/// The reduction is exact (a fraction of a percent is never rounded first). Pass attended ==
/// contracted when the month is not settled by attendance.
money settlement_amount(money fee, std::uint64_t attended, std::uint64_t contracted,
                        const fraction &reduction_percent, money fines);
money settlement_amount(money fee, std::uint64_t attended, std::uint64_t contracted,
                        points reduction_percent, money fines);

/// R-OUT-10: the evaluation of year/month handed in before the due day of the next month.
bool evaluation_on_time(const pmq::date &submitted, std::uint32_t year, std::uint32_t month,
                        const monthly_rules &rules = {});

std::vector<problem> check_monthly_rules(const monthly_rules &r, const std::string &base = "");
std::vector<problem> check_monthly_record(const monthly_record &m, const monthly_rules &rules = {});

/// R-OUT-4 (with R-OUT-5 … R-OUT-10): the month's score, deductions and settlement.
monthly_result evaluate_month(const monthly_record &m, const monthly_rules &rules = {});

// --- R-OUT-11: bars and the yearly evaluation ----------------------------------------------

BOOST_DEFINE_ENUM_CLASS(bar_reason,
                        unqualified,  ///< rated unqualified in the yearly evaluation: 2 years
                        breaking_law, ///< 违反法律法规: 3 years
                        safety_accident, ///< 安全事故, 重大损失或严重影响公司形象: 3 years
                        falsification, ///< 弄虚作假、隐瞒真实情况: 3 years
                        subcontracting ///< 外包合同再转包: 3 years
)

struct bar_rules {
  std::uint32_t unqualified_years = 2;
  std::uint32_t violation_years = 3;
  static constexpr std::array<std::string_view, 2> json_defaulted{"unqualified_years",
                                                                  "violation_years"};
};
BOOST_DESCRIBE_STRUCT(bar_rules, (), (unqualified_years, violation_years))

struct bar_decision {
  std::string supplier;
  pmq::date decided;
  bar_reason reason = bar_reason::unqualified;
  std::optional<std::string> note;
};
BOOST_DESCRIBE_STRUCT(bar_decision, (), (supplier, decided, reason, note))

/// A bar runs from the decision date through the day before its anniversary, both
/// inclusive; the supplier may bid again on the anniversary (`may_bid_from`). A decision
/// on Feb 29 has its anniversary on Mar 1 in a non-leap year.
struct supplier_bar {
  std::string supplier;
  bar_reason reason = bar_reason::unqualified;
  pmq::date decided;
  std::uint32_t years = 0;
  pmq::date barred_through; ///< last barred day (inclusive)
  pmq::date may_bid_from;   ///< the anniversary
  std::optional<std::string> note;
};
BOOST_DESCRIBE_STRUCT(supplier_bar, (),
                      (supplier, reason, decided, years, barred_through, may_bid_from, note))

/// R-OUT-11: the bar a decision imposes.
supplier_bar bar_for(const bar_decision &d, const bar_rules &rules = {});

struct bid_query {
  std::string supplier;
  pmq::date on;
  std::vector<bar_decision> decisions; ///< every decision on record (any supplier)
  std::optional<bar_rules> rules;
};
BOOST_DESCRIBE_STRUCT(bid_query, (), (supplier, on, decisions, rules))

struct bid_eligibility {
  std::string supplier;
  pmq::date on;
  bool may_bid = true;
  std::vector<supplier_bar> active_bars; ///< the bars in force on `on`
  std::optional<pmq::date> may_bid_from; ///< when barred: the first free day
};
BOOST_DESCRIBE_STRUCT(bid_eligibility, (), (supplier, on, may_bid, active_bars, may_bid_from))

/// R-OUT-11: may this supplier bid on this date? Decisions after `on` do not count yet.
bid_eligibility may_bid(const bid_query &q);

struct supplier_violation {
  bar_reason reason = bar_reason::breaking_law; ///< not `unqualified` (that comes from the score)
  pmq::date date;
  std::optional<std::string> note;
};
BOOST_DESCRIBE_STRUCT(supplier_violation, (), (reason, date, note))

struct supplier_year {
  std::string supplier;
  std::vector<points> monthly_scores; ///< the year's monthly evaluations; empty: no data
  std::vector<supplier_violation> violations;
  static constexpr std::array<std::string_view, 1> json_defaulted{"violations"};
};
BOOST_DESCRIBE_STRUCT(supplier_year, (), (supplier, monthly_scores, violations))

struct yearly_review {
  std::uint32_t year = 0;
  pmq::date decided; ///< the decision date: bars run from it
  std::vector<supplier_year> suppliers;
};
BOOST_DESCRIBE_STRUCT(yearly_review, (), (year, decided, suppliers))

/// Known standing actions: "warn", "block_new_contracts", "end_contract", "bar".
struct yearly_rules {
  /// Standings by yearly score; absent: the built-in "supplier_standings" band table. Every
  /// band must say whether it `passed` (qualified); actions are from the list above.
  std::optional<band_table> standings;
  pmq::bar_rules bars{};
  static constexpr std::array<std::string_view, 1> json_defaulted{"bars"};
};
BOOST_DESCRIBE_STRUCT(yearly_rules, (), (standings, bars))

struct supplier_standing {
  std::string supplier;
  /// The mean of the monthly scores, rounded half up to 1/1000 for display; absent: no data.
  std::optional<points> score;
  /// The exact mean ("n/d" or "n"), on which the standing is decided: [79.999, 80] averages
  /// "159999/2000" (79.9995), shown as 80 and unqualified.
  std::optional<std::string> exact;
  std::uint32_t months = 0;
  std::string band; ///< the band's id, or "no_data"
  std::string label;
  bool qualified = false; ///< on the qualified-supplier list (合格外包方名录)
  std::vector<std::string> actions;
  bool contract_ends = false;
  bool may_take_new_contracts = false;
  std::vector<supplier_bar> bars;
};
BOOST_DESCRIBE_STRUCT(supplier_standing, (),
                      (supplier, score, exact, months, band, label, qualified, actions,
                       contract_ends, may_take_new_contracts, bars))

struct yearly_result {
  std::uint32_t year = 0;
  pmq::date decided;
  std::vector<supplier_standing> suppliers;
  std::vector<std::string> qualified_suppliers; ///< 合格外包方名录
  std::vector<supplier_bar> bars;               ///< every new bar (decisions to record)
};
BOOST_DESCRIBE_STRUCT(yearly_result, (), (year, decided, suppliers, qualified_suppliers, bars))

/// The built-in standings table (id "supplier_standings",
/// src/presets/bands_supplier_standings.json).
const band_table &default_supplier_standings();

std::vector<problem> check_yearly_rules(const yearly_rules &r, const std::string &base = "");

/// R-OUT-11: standings, the qualified-supplier list and the bars. Each standing is decided on
/// the exact mean of the monthly scores; the rounded `score` is for display only. Throws
/// pmq::error(invalid_input) at "decided" when a bar would end after 9999-12-31.
yearly_result evaluate_year(const yearly_review &y, const yearly_rules &rules = {});

// --- JSON entry points (every loader validates and reports every problem) ------------------

qualification_checklist load_qualification(std::string_view json_text);
monthly_record load_monthly_record(std::string_view json_text);
monthly_rules load_monthly_rules(std::string_view json_text);
yearly_review load_yearly_review(std::string_view json_text);
yearly_rules load_yearly_rules(std::string_view json_text);
bid_query load_bid_query(std::string_view json_text);

json to_json(const qualification_result &r);
json to_json(const monthly_result &r);
json to_json(const yearly_result &r);
json to_json(const bid_eligibility &r);

} // namespace pmq
