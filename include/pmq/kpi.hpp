// Quality targets and KPIs (质量目标及计算公式): the formula catalogue, target evaluation,
// decomposition to departments and the monthly 《质量目标完成统计表》, fee collection plans.
//
// Rules (docs/rules.md): R-KPI-1 … R-KPI-13 are named pure functions below, each beside its
// expression in the built-in catalogue (src/presets/kpi_catalogue.json), which also holds the
// supervision targets R-KPI-20 … R-KPI-29 and the department targets of 003 as ready
// definitions whose open numbers are parameters (the target threshold) with documented
// defaults. Rates are exact fractions until rendered; a zero denominator is "no data"
// (R-KPI-31) and a target on it is neither met nor missed. Targets are stated for a month;
// over a longer period a KPI follows its longer_period_rule: rates are recomputed from the
// summed counts (never an average of monthly rates), count limits scale with the months,
// frequencies (R-KPI-26) hold in every month, yearly KPIs (R-KPI-8) run year to date. Counts
// are whole numbers; only money, areas and hours are decimal. R-KPI-30 (decomposition and
// the monthly statistics table) and R-KPI-32 (fee arrears collection plans, each aggregate's
// requirement rounded up once) close the concern.
#pragma once

#include "pmq/datetime.hpp"
#include "pmq/expr.hpp"
#include "pmq/json.hpp"
#include "pmq/numeric.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pmq {

// --- targets ---------------------------------------------------------------------------

/// ≥, >, ≤, <, =.
BOOST_DEFINE_ENUM_CLASS(comparator, ge, gt, le, lt, eq)

/// The unit a KPI's value and its threshold are stated in. For `percent` the value is a
/// ratio (197/200) shown × 100 ("98.50") and the threshold is in percent (98); the other
/// units show the value as it is.
BOOST_DEFINE_ENUM_CLASS(kpi_unit, percent, count, points, times_per_period)

BOOST_DEFINE_ENUM_CLASS(target_status, met, missed, no_data)

/// A target: `op threshold unit`, e.g. {ge, 98, percent} is "≥ 98 %".
struct target_spec {
  comparator op = comparator::ge;
  points threshold; ///< exact to 1/1000 of the unit: 89.999 and 90 differ
  kpi_unit unit = kpi_unit::percent;
  bool operator==(const target_spec &) const = default;
};
BOOST_DESCRIBE_STRUCT(target_spec, (), (op, threshold, unit))

/// "≥ 98 %", "= 0", "≥ 1 times per period".
std::string describe(const target_spec &t);

struct target_result {
  target_status status = target_status::no_data;
  /// actual − threshold in the target's unit (negative: below the threshold); empty
  /// when there is no data.
  std::optional<fraction> gap;
};

/// Evaluates an actual value against a target (comparison is exact: 89.9995 % is below 90 %
/// even though it renders as "90.00"). No data → status no_data, no gap (R-KPI-31).
target_result evaluate_target(const target_spec &t, const rate &actual);

/// The value in the target's unit (× 100 for percent).
fraction in_unit(kpi_unit u, const fraction &value);

/// The JSON form of a value (docs/kpi.md): {"exact": "197/200", "value": "98.50", "unit":
/// "percent"} or {"no_data": true, "reason": "no valid complaints"}; `value` is in the unit,
/// rounded half up to `places`.
json rate_to_json(const rate &r, kpi_unit unit = kpi_unit::percent, int places = 2);

// --- the catalogue: R-KPI-1 … R-KPI-13 as named pure functions --------------------------
//
// Each validates its inputs (a negative count, or a part larger than its whole, throws
// pmq::error(invalid_input) naming the field) and returns the exact value or no data.

/// R-KPI-1 月外发公文偏差率: nonconforming ÷ sent. Target < 2 %.
rate document_error_rate(std::int64_t nonconforming, std::int64_t sent);
/// R-KPI-2 刊物重大过失: the count itself. Target = 0.
rate publication_major_errors(std::int64_t major_errors);
/// R-KPI-3 刊物每期文字差错率: character errors ÷ characters (punctuation included).
/// Target ≤ 2 % (the manual writes only "2%"; ≤ is pmq's reading).
rate typo_rate(std::int64_t errors, std::int64_t characters);
/// R-KPI-4 中层以上管理岗位持证上岗率: certified ÷ managers. Target 100 % (≥ 100).
rate certified_manager_rate(std::int64_t certified, std::int64_t managers);
/// R-KPI-5 督导工作记录准确率: (records − wrong) ÷ records. Target ≥ 98 %.
rate record_accuracy(std::int64_t records, std::int64_t wrong);
/// R-KPI-6 总经理热线/信件投诉处理及时率: (valid − late) ÷ valid. Target 100 %.
rate hotline_timeliness(std::int64_t valid_complaints, std::int64_t handled_late);
/// R-KPI-7 投诉回访满意率, as the manual writes it: (satisfied − not satisfied) ÷ valid
/// complaints. It counts dissatisfaction twice and can be negative. Target ≥ 98 %.
rate followup_satisfaction_manual(std::int64_t valid_complaints, std::int64_t satisfied,
                                  std::int64_t not_satisfied);
/// R-KPI-7, the plain ratio offered beside it: satisfied ÷ followed up.
rate followup_satisfaction(std::int64_t satisfied, std::int64_t followed_up);
/// R-KPI-8 全年培训计划实施率: held ÷ planned (held ≤ planned). Target 100 %.
rate training_execution(std::int64_t held, std::int64_t planned);
/// R-KPI-9 上报问题处理及时率: (reported − not closed by deadline) ÷ reported. Target 100 %.
rate reported_problem_timeliness(std::int64_t reported, std::int64_t not_closed_on_time);
/// R-KPI-10 业户综合满意率 (item-based): (questionnaires × items − Σ unsatisfied items) ÷
/// (questionnaires × items). Target ≥ 98 %.
rate overall_satisfaction(std::int64_t questionnaires, std::int64_t items_per_questionnaire,
                          std::int64_t unsatisfied_items);
/// R-KPI-11 月物业管理费收缴率: collected ÷ due (collected ≤ due). Target ≥ 95 %.
rate fee_collection_rate(money collected, money due);
/// R-KPI-12 有效投诉处理及时率: (valid − late) ÷ valid. Target 100 %.
rate complaint_timeliness(std::int64_t valid_complaints, std::int64_t handled_late);

/// R-KPI-13: the manual names 影响电梯正常运行的故障率 ≤ 2 % a month but no formula.
BOOST_DEFINE_ENUM_CLASS(lift_failure_definition,
                        per_lift_day,   ///< failures ÷ (lifts × days) — pmq's default
                        downtime_share, ///< failure hours ÷ (lifts × service hours per lift)
                        per_lift        ///< failures ÷ lifts
)
struct lift_counts {
  std::int64_t lifts = 0;
  std::int64_t days = 0;     ///< days in the period (per_lift_day)
  std::int64_t failures = 0; ///< failures that stopped a lift
  fraction failure_hours;    ///< hours out of service through failures (downtime_share)
  fraction service_hours;    ///< scheduled service hours per lift (downtime_share)
};
/// R-KPI-13 影响电梯正常运行的故障率 under the chosen definition. Target ≤ 2 %.
rate lift_failure_rate(const lift_counts &c,
                       lift_failure_definition d = lift_failure_definition::per_lift_day);

// --- satisfaction, every way it is counted (R-KPI-10, R-KPI-20) -------------------------

/// One question of a survey: how many respondents answered satisfied / basically
/// satisfied / unsatisfied (满意 / 基本满意 / 不满意).
struct question_tally {
  std::string id;
  std::uint32_t satisfied = 0;
  std::uint32_t basically_satisfied = 0;
  std::uint32_t unsatisfied = 0;
};
BOOST_DESCRIBE_STRUCT(question_tally, (), (id, satisfied, basically_satisfied, unsatisfied))

/// (respondents − unsatisfied) ÷ respondents for one question.
rate question_rate(const question_tally &q);
/// The average of the question rates (questions without respondents are left out; none
/// left → no data). This is an average of rates on purpose: it is how some surveys count.
rate average_question_rate(const std::vector<question_tally> &questions);
/// Σ (respondents − unsatisfied) ÷ Σ respondents: R-KPI-10 when every questionnaire
/// answers every question.
rate pooled_satisfaction(const std::vector<question_tally> &questions);
/// Σ satisfied ÷ Σ respondents: only "satisfied" counts (basically satisfied does not).
rate satisfied_share(const std::vector<question_tally> &questions);
/// Mean score on a 1–5 scale: counts[k] respondents gave k + 1 points.
rate rating_mean(const std::array<std::int64_t, 5> &counts);

/// 完好率 by count: (intact [+ basically intact]) ÷ total.
rate condition_rate_by_count(std::int64_t intact, std::int64_t basically_intact, std::int64_t total,
                             bool count_basically_intact = false);
/// 完好率 by floor area: (完好 area + 基本完好 area) ÷ total area (m², exact decimals).
rate condition_rate_by_area(const fraction &intact_area, const fraction &basically_intact_area,
                            const fraction &total_area);

// --- KPI definitions as data ------------------------------------------------------------

/// How an input is combined over a period: summed, or the same in every month (the number
/// of lifts, the items per questionnaire) — months that disagree are an error.
BOOST_DEFINE_ENUM_CLASS(aggregation, sum, constant)

/// What an input counts, and so which values it accepts (R-KPI-1 … R-KPI-13 count things;
/// only money, areas and hours are decimal): `count` a whole number (1.5 complaints is an
/// error), `money` yuan exact to the fen (at most 2 decimals), `area` m² and `hours` at most
/// 6 decimals.
BOOST_DEFINE_ENUM_CLASS(quantity_kind, count, money, area, hours)

struct kpi_input {
  std::string name;
  std::string description;
  aggregation aggregate = aggregation::sum;
  quantity_kind kind = quantity_kind::count;
  static constexpr std::array<std::string_view, 2> json_defaulted{"aggregate", "kind"};
};
BOOST_DESCRIBE_STRUCT(kpi_input, (), (name, description, aggregate, kind))

/// How a target stated for a month is evaluated over a longer period (a quarter, a half-year,
/// a year), R-KPI-30 (domain.md §3: targets are evaluated monthly unless stated):
/// - `recompute`: the months' counts are summed and the value recomputed, then compared with
///   the threshold as stated — rates and means (97.5 % and 100 % make 77/78, not their mean).
///   The default for `percent` and `points` targets.
/// - `scale`: a count limited per month ("valid complaints ≤ 3 a month"): the months' counts
///   are summed and compared with the threshold × the number of months that reported counts
///   (≤ 9 over a fully reported quarter). The default for `count` targets.
/// - `every_month`: a frequency ("at least one training a month", R-KPI-26): every month of
///   the period is evaluated on its own and the period is met only when each month is; the
///   value shown is the worst month's. The default for `times_per_period` targets.
/// - `year_to_date`: a KPI the manual states over the year (R-KPI-8 全年培训计划实施率): any
///   period asks for the year to date, January of its year to the end of the period, counts
///   summed and the value recomputed; a year gives the whole year.
BOOST_DEFINE_ENUM_CLASS(longer_period_rule, recompute, scale, every_month, year_to_date)

/// The rule a target of unit `u` follows when the definition names none.
longer_period_rule default_longer_period_rule(kpi_unit u);

/// An impossible-input check: the field must be at most the expression's value
/// ("handled_late" at most "valid_complaints").
struct kpi_constraint {
  std::string field;
  std::string at_most;
};
BOOST_DESCRIBE_STRUCT(kpi_constraint, (), (field, at_most))

struct kpi_definition {
  std::string id;                  ///< "complaint_timeliness"
  std::optional<std::string> rule; ///< "R-KPI-12"
  std::string name;                ///< 有效投诉处理及时率
  std::optional<std::string> name_en;
  std::string expression; ///< in the expression language (expr.hpp)
  std::vector<kpi_input> inputs;
  std::vector<kpi_constraint> constraints;
  target_spec target;
  std::int32_t places = 2;                   ///< decimals when rendered (0..6)
  std::optional<std::string> no_data_reason; ///< e.g. "no valid complaints this month"
  std::optional<std::string> notes;
  /// How the target is evaluated over a period longer than a month; absent: the default of
  /// the target's unit (default_longer_period_rule).
  std::optional<longer_period_rule> longer_periods;
  static constexpr std::array<std::string_view, 2> json_defaulted{"constraints", "places"};
};
BOOST_DESCRIBE_STRUCT(kpi_definition, (),
                      (id, rule, name, name_en, expression, inputs, constraints, target, places,
                       no_data_reason, notes, longer_periods))

/// The value of one KPI for one set of counts.
struct kpi_result {
  std::string id;
  rate actual;
  target_spec target;
  target_result result;
  int places = 2;
};

/// A KPI definition checked and compiled once (its expression and constraints parsed).
class kpi {
public:
  /// Throws pmq::error(invalid_input) listing every problem under `path` (an unknown name
  /// in the expression, a duplicate input, places out of range, ...).
  explicit kpi(kpi_definition def, const std::string &path = "");
  /// A definition read from JSON and checked in one pass: type errors and the definition's
  /// own problems (an unknown input in the expression, …) are reported together.
  static kpi from_json(const json &definition);

  const kpi_definition &definition() const { return def_; }
  /// The definition's longer_periods, or the default of its target's unit.
  longer_period_rule longer_periods() const;

  /// Checks the counts (every input present, none unknown, none negative, each of its kind —
  /// a count whole, money to the fen —, constraints held) — each problem at `path.name` —
  /// then evaluates the expression and the target.
  /// `target` overrides the definition's.
  kpi_result evaluate(const quantities &counts, const std::string &path = "counts",
                      const std::optional<target_spec> &target = std::nullopt) const;

  /// The checks of evaluate() without evaluating: every problem is added to `problems`.
  void check_counts(const quantities &counts, const std::string &path,
                    problem_list &problems) const;

private:
  kpi_definition def_;
  expression expr_;
  std::vector<expression> bounds_;
};

/// The built-in catalogue: R-KPI-1 … R-KPI-13, R-KPI-20 … R-KPI-29 and the department
/// targets, from src/presets/kpi_catalogue.json.
const std::vector<kpi_definition> &kpi_catalogue();
/// A catalogue KPI by id ("complaint_timeliness") or rule ("R-KPI-12": the first with that
/// rule). Throws pmq::error(invalid_argument) naming the unknown id.
const kpi_definition &catalogue_kpi(std::string_view id_or_rule);

/// Reads JSON counts {"valid_complaints": 40, "area": 1250.5}: non-negative numbers up to
/// max_quantity, exact (at most 6 decimals). A number is read as written, never rounded: one
/// whose double does not give it back exactly in at most 15 significant digits
/// (5191955096804367.22) is an error. Whether a value fits its input's kind (a count whole)
/// is checked by kpi::evaluate. Each problem at `path.name`.
quantities quantities_from_json(const json &j, const std::string &path = "counts");
/// The largest quantity the JSON readers accept (2^62 − 1); arithmetic on quantities is exact
/// at any size.
inline constexpr std::int64_t max_quantity = 4611686018427387903;
json quantities_to_json(const quantities &q);

// --- periods ----------------------------------------------------------------------------

BOOST_DEFINE_ENUM_CLASS(period_kind, month, quarter, half_year, year)

/// A reporting period: "2026-03" (month), "2026-Q1", "2026-H1", "2026" (year).
struct period {
  period_kind kind = period_kind::month;
  int year = 2000;
  int index = 1; ///< month 1..12, quarter 1..4, half 1..2, 1 for a year
  date first() const;
  date last() const;
  bool contains(const date &d) const;
  std::string label() const;
  bool operator==(const period &) const = default;
};
/// Strict parse; empty optional for anything else ("2026-13", "2026-Q5").
std::optional<period> parse_period(std::string_view text);
/// The period of kind `k` that contains `d`.
period period_of(const date &d, period_kind k);

/// One month's counts of one KPI.
struct month_counts {
  std::string month; ///< "2026-03"
  quantities counts;
};

/// One month's value inside a period evaluated month by month (`every_month`).
struct month_result {
  std::string month; ///< "2026-02"
  kpi_result value;  ///< no data when the month reported no counts
};

/// A KPI over one period: the months whose counts were used, their sum (absent when no month
/// had data) and the value. `value.target` is the target the value was compared with: the
/// stated one, or under `scale` its threshold × the months with data.
struct series_point {
  period when;
  std::vector<std::string> months_with_data;
  std::optional<quantities> counts;
  kpi_result value;
  longer_period_rule longer_periods = longer_period_rule::recompute; ///< the rule followed
  std::vector<month_result> by_month; ///< `every_month`: each month of the period, in order
};

/// The KPI over period `p` from monthly counts, following its longer_period_rule (months
/// outside the period, or outside the year to date, are ignored). `target` overrides the
/// definition's (stated per month). Problems at `[i].counts.name`.
series_point evaluate_period(const kpi &k, const std::vector<month_counts> &months, const period &p,
                             const std::optional<target_spec> &target = {});

/// The KPI over every period of kind `k` from the first to the last month given, each as
/// evaluate_period gives it (counts summed and the rate recomputed for rates, never an
/// average of monthly rates); a period without data stays in the series as no data.
/// Problems at `[i].counts.name`.
std::vector<series_point> kpi_series(const kpi &k, const std::vector<month_counts> &months,
                                     period_kind kind);

/// Reads [{"month": "2026-01", "counts": {...}}, ...]; problems at `[i].counts.name`.
std::vector<month_counts> month_counts_from_json(const json &j);
/// [{"period": "2026-Q1", "months": [...], "counts": {...} | null, "kpi": ..., "actual": ...,
///   "target": ..., "status": ..., "gap": ...}, ...]
json to_json(const std::vector<series_point> &series);

/// Sums the months that fall in `p` (empty optional when none does).
std::optional<quantities> sum_counts(const kpi &k, const std::vector<month_counts> &months,
                                     const period &p, std::vector<std::string> *used = nullptr);

// --- decomposition and the 《质量目标完成统计表》 (R-KPI-30) -------------------------------

/// One target of the company set, decomposed to a department (and project).
struct plan_target {
  std::string key;        ///< unique in the plan, e.g. "KF-01"
  std::string kpi;        ///< a catalogue id / rule, or the id of a custom KPI
  std::string department; ///< 客服部
  std::optional<std::string> project;
  std::string owner;                 ///< 责任人
  std::vector<std::string> measures; ///< 措施
  period_kind check_frequency = period_kind::month;
  std::optional<target_spec> target; ///< overrides the KPI's default
  static constexpr std::array<std::string_view, 2> json_defaulted{"measures", "check_frequency"};
};
BOOST_DESCRIBE_STRUCT(plan_target, (),
                      (key, kpi, department, project, owner, measures, check_frequency, target))

/// A company's yearly target set (set by management review, R-KPI-30).
struct target_plan {
  std::string company;
  std::int32_t year = 0;
  std::vector<kpi_definition> custom_kpis; ///< company formulas beside the catalogue
  std::vector<plan_target> targets;
  static constexpr std::array<std::string_view, 1> json_defaulted{"custom_kpis"};
};
BOOST_DESCRIBE_STRUCT(target_plan, (), (company, year, custom_kpis, targets))

/// Actual counts for the plan's targets in one month.
struct target_actuals {
  std::string target; ///< a plan_target key
  quantities counts;
};
struct month_actuals {
  std::string month; ///< "2026-03"
  std::vector<target_actuals> actuals;
};

/// A row of the 《质量目标完成统计表》.
struct statistics_row {
  std::string key;
  std::string kpi;
  std::optional<std::string> rule;
  std::string name;
  std::string department;
  std::optional<std::string> project;
  std::string owner;
  std::vector<std::string> measures;
  period_kind check_frequency = period_kind::month;
  target_spec target;         ///< as stated (per month)
  target_spec applied_target; ///< what the period's value was compared with (see scale)
  longer_period_rule longer_periods = longer_period_rule::recompute; ///< the rule followed
  rate actual;
  target_status status = target_status::no_data;
  std::optional<fraction> gap;
  int places = 2;
  std::vector<std::string> months;    ///< the months whose counts were used
  std::vector<month_result> by_month; ///< `every_month`: each month of the period
};

struct statistics_table {
  std::string company;
  period when;
  std::vector<statistics_row> rows;
  int met = 0, missed = 0, no_data = 0;
};

/// A plan checked and compiled (every KPI resolved and compiled, keys unique).
class compiled_plan {
public:
  explicit compiled_plan(target_plan p);
  const target_plan &definition() const { return plan_; }
  /// The table for `p` (a month, quarter, half-year or year): each target evaluated over `p`
  /// by its KPI's longer_period_rule (counts summed and the rate recomputed; a count limit
  /// scaled by the months; a frequency checked month by month; a yearly KPI over the year to
  /// date). A target without counts is a row with no data. Problems at
  /// `[i].actuals[j].counts.name`.
  statistics_table table(const std::vector<month_actuals> &months, const period &p) const;

private:
  target_plan plan_;
  std::vector<kpi> kpis_; // one per target, in order
};

target_plan load_target_plan(std::string_view json_text);
std::vector<month_actuals> month_actuals_from_json(const json &j);
json to_json(const statistics_table &t);
json to_json(const kpi_result &r);
/// The table as text, in the manual's columns.
std::string to_text(const statistics_table &t);

// --- fee collection plans (R-KPI-32) ----------------------------------------------------

struct fee_collection {
  std::string month; ///< "2026-04"
  money amount;
};
BOOST_DESCRIBE_STRUCT(fee_collection, (), (month, amount))

/// One line of an arrears collection plan: a fee type in a building (or all buildings).
struct fee_plan_line {
  std::string fee_type;                ///< 电费欠费, 物业费欠费
  std::optional<std::string> building; ///< 6栋
  money due;                           ///< 应收, e.g. 152700.00
  points target_rate;                  ///< percent, e.g. 90
  std::vector<fee_collection> collected;
  static constexpr std::array<std::string_view, 1> json_defaulted{"collected"};
};
BOOST_DESCRIBE_STRUCT(fee_plan_line, (), (fee_type, building, due, target_rate, collected))

struct fee_plan {
  std::string name;
  std::vector<fee_plan_line> lines;
};
BOOST_DESCRIBE_STRUCT(fee_plan, (), (name, lines))

struct fee_status {
  std::string fee_type;
  std::optional<std::string> building;
  money due;
  money collected; ///< cumulative to the end of the checked period
  money collected_in_period;
  std::optional<points> target_rate; ///< absent on a total whose lines differ
  /// The least amount (to the fen) that meets the target: due × rate rounded up once, on
  /// the line or on the aggregate itself (Σ due × rate of its lines, rounded up once — never
  /// a sum of rounded-up line requirements).
  money required;
  money shortfall; ///< max(0, required − collected)
  rate actual;
  target_status status = target_status::no_data;
};

struct fee_check {
  std::string plan;
  period when;
  std::vector<fee_status> lines;
  std::vector<fee_status> by_fee_type; ///< totals per fee type (building = absent)
  std::vector<fee_status> by_building; ///< totals per building (fee_type = "all")
  fee_status total;
};

/// The least amount to the fen reaching `rate_percent` % of `due` (rounded up: 90 % of
/// 0.05 yuan needs 0.05).
money required_amount(money due, points rate_percent);

/// Checks a plan at the end of period `p` (the company checks quarterly, R-KPI-32):
/// collections up to the period's end count, those after it do not. Collected more than
/// due, a negative amount or a month that is not "YYYY-MM" is an error naming the field.
fee_check check_fee_plan(const fee_plan &plan, const period &p);
fee_plan load_fee_plan(std::string_view json_text);
/// A fee plan read from JSON text and checked for the period in one pass: type errors and the
/// plan's own problems are reported together.
fee_check check_fee_plan(std::string_view plan_json, const period &p);
json to_json(const fee_check &c);

} // namespace pmq
