// Calendar: business days, the deadlines of the inspection regime (R-CAL-*), inspection plans and
// sampling.
//
// Every deadline rule takes a business_calendar. By default it counts plain calendar days
// ("one week" is seven days unless a company gives working days); a company may give a working-day
// calendar as data: weekend days, public holidays and make-up working days (调休) that fall
// on a weekend. Dates cross every interface as ISO 8601 `YYYY-MM-DD`, months as `YYYY-MM`.
//
// "Before the Nth" (N日前) is read as "no later than the Nth": the Nth itself is on time,
// the day after is late. deadline_rules::before_includes_day = false reads it strictly
// (the Nth is already late). Rules served: R-CAL-1..R-CAL-5, R-CAL-7..R-CAL-9, R-OUT-7,
// R-OUT-10; R-CAL-6 (the one-week rectification limit) is computed here and used by
// rectification.hpp.
//
// Randomness (unannounced audits, night checks, household visits) is reproducible: a
// std::mt19937_64 (its output is fixed by the C++ standard) seeded from the caller's seed
// and a stream name (FNV-1a 64 of e.g. "audit|P-01|2026-H1"), mapped to 0..n-1 by
// rejection sampling (never std::uniform_int_distribution, whose output differs between
// standard libraries). The same inputs and seed give the same result on every platform, and
// one project's draw does not change when another project is added.
#pragma once

#include "pmq/datetime.hpp"
#include "pmq/json.hpp"
#include "pmq/rectification_event.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace pmq {

BOOST_DEFINE_ENUM_CLASS(weekday, monday, tuesday, wednesday, thursday, friday, saturday, sunday)

/// How day counts are read: plain calendar days (default) or working days.
BOOST_DEFINE_ENUM_CLASS(day_basis, calendar_days, working_days)

/// Where a day-of-month deadline goes when it falls on a non-working day (working-day
/// calendars only): kept, moved to the next working day (default, as statutory filing
/// deadlines are), or moved back to the previous working day.
BOOST_DEFINE_ENUM_CLASS(roll_rule, none, next_working_day, previous_working_day)

/// A company's business calendar, as data. With basis calendar_days every day is a
/// working day and holidays/workdays must be empty.
struct business_calendar {
  day_basis basis = day_basis::calendar_days;
  std::vector<weekday> weekend{weekday::saturday, weekday::sunday};
  std::vector<date> holidays; ///< public holidays (法定节假日)
  std::vector<date> workdays; ///< make-up working days on a weekend (调休上班)
  roll_rule roll = roll_rule::next_working_day;
  static constexpr std::array<std::string_view, 5> json_defaulted{"basis", "weekend", "holidays",
                                                                  "workdays", "roll"};
};
BOOST_DESCRIBE_STRUCT(business_calendar, (), (basis, weekend, holidays, workdays, roll))

/// The deadline numbers of the inspection regime (R-CAL-*), with their defaults from the manuals.
struct deadline_rules {
  bool before_includes_day = true;              ///< "before the 5th": the 5th is on time
  std::uint32_t rectification_days = 7;         ///< R-CAL-6: one week, calendar days
  std::uint32_t rectification_working_days = 5; ///< R-CAL-6 on a working-day calendar
  std::uint32_t plan_day = 25;                  ///< R-CAL-4: next month's plan before the 25th
  std::uint32_t summary_day = 5;                ///< R-CAL-5: score summary + rectification table
  std::uint32_t roster_day = 5;                 ///< R-OUT-7: supplier's roster
  std::uint32_t supplier_evaluation_day = 10;   ///< R-OUT-10: supplier's monthly evaluation
  std::uint32_t metered_charges_day = 30;       ///< R-CAL-9: clamped to the month's last day
  std::uint32_t archive_loan_days = 14;         ///< R-CAL-8: two weeks, calendar days
  std::uint32_t archive_loan_working_days = 10; ///< R-CAL-8 on a working-day calendar
  /// R-CAL-11: default deadline of a major / potential finding's notice, in the calendar's
  /// days (working days on a working-day calendar); absent: R-CAL-6's week.
  std::optional<std::uint32_t> major_days;
  std::optional<std::uint32_t> potential_days;
  static constexpr std::array<std::string_view, 10> json_defaulted{"before_includes_day",
                                                                   "rectification_days",
                                                                   "rectification_working_days",
                                                                   "plan_day",
                                                                   "summary_day",
                                                                   "roster_day",
                                                                   "supplier_evaluation_day",
                                                                   "metered_charges_day",
                                                                   "archive_loan_days",
                                                                   "archive_loan_working_days"};
};
BOOST_DESCRIBE_STRUCT(deadline_rules, (),
                      (before_includes_day, rectification_days, rectification_working_days,
                       plan_day, summary_day, roster_day, supplier_evaluation_day,
                       metered_charges_day, archive_loan_days, archive_loan_working_days,
                       major_days, potential_days))

/// Adds every problem of a calendar / rules under `path` ("calendar.workdays[0]").
void check_calendar(const business_calendar &c, const std::string &path, problem_list &problems);
void check_rules(const deadline_rules &r, const std::string &path, problem_list &problems);

/// Is d a working day? Every day is, on a calendar_days calendar.
bool is_working_day(const business_calendar &c, const date &d);

/// The day `n` working days after d (n = 0: d itself). Throws pmq::error when the calendar
/// has no working day within ten years.
date add_working_days(const business_calendar &c, const date &d, std::uint32_t n);

/// Moves a deadline that falls on a non-working day as the calendar's roll rule says.
date roll_deadline(const business_calendar &c, const date &d);

/// The last allowed day of "before the `day`th of `m`" (R-CAL-4/5/9, R-OUT-7/10):
/// the `day`th (or the day before, when before_includes_day is false), clamped to the
/// month's last day (R-CAL-9: "before the 30th" in February is Feb 28, or 29 in a leap
/// year), then rolled on a working-day calendar, but never out of its month (a forward roll
/// that would leave the month rolls back instead; with no working day left, the day stays).
date day_of_month_deadline(const business_calendar &c, const deadline_rules &r, year_month m,
                           std::uint32_t day);

/// R-CAL-6: a rectification notice received on `received` must be completed by this day:
/// received + 7 calendar days, or + 5 working days on a working-day calendar.
date rectification_deadline(const business_calendar &c, const deadline_rules &r,
                            const date &received);

/// R-CAL-4: the inspection plan for `plan_month` is due before the 25th of the month before.
date inspection_plan_deadline(const business_calendar &c, const deadline_rules &r,
                              year_month plan_month);
/// R-CAL-4: ... and approved by the property department's head before that month's end.
date inspection_plan_approval_deadline(const business_calendar &c, year_month plan_month);

/// R-CAL-5: the branch score summary and the rectification status table for `month` are
/// due before the 5th of the next month.
date score_summary_deadline(const business_calendar &c, const deadline_rules &r, year_month month);

/// R-OUT-7: the supplier's roster for `month` is due before the 5th of that month.
date roster_deadline(const business_calendar &c, const deadline_rules &r, year_month month);

/// R-OUT-10: the supplier's evaluation of `month` is handed in before the 10th of the next.
date supplier_evaluation_deadline(const business_calendar &c, const deadline_rules &r,
                                  year_month month);

/// R-CAL-9: metered charges for `month` are computed before the 30th of that month; in
/// February (no 30th) the deadline is the month's last day.
date metered_charges_deadline(const business_calendar &c, const deadline_rules &r,
                              year_month month);

/// R-CAL-8: a file borrowed on `borrowed` is due back two weeks later (14 calendar days,
/// or 10 working days on a working-day calendar).
date archive_loan_due(const business_calendar &c, const deadline_rules &r, const date &borrowed);

/// Done on `done` for a deadline `due`: on time when done ≤ due.
inline bool on_time(const date &due, const date &done) { return done <= due; }

// --- the month's deadline table ---------------------------------------------------------

struct deadline_entry {
  std::string rule;  ///< "R-CAL-5"
  std::string what;  ///< "branch score summary for 2026-12"
  year_month period; ///< the month the document is about
  date due;          ///< last allowed day
};
BOOST_DESCRIBE_STRUCT(deadline_entry, (), (rule, what, period, due))

/// Every monthly deadline concerning `month`'s work (R-CAL-4, R-CAL-5, R-CAL-9, R-OUT-7,
/// R-OUT-10), sorted by due date.
std::vector<deadline_entry> monthly_deadlines(const business_calendar &c, const deadline_rules &r,
                                              year_month month);

struct deadlines_request {
  std::optional<business_calendar> calendar;
  std::optional<deadline_rules> rules;
  year_month month;
};
BOOST_DESCRIBE_STRUCT(deadlines_request, (), (calendar, rules, month))

/// Reads and validates a deadlines request ({"month": "2026-12", "calendar"?, "rules"?}).
deadlines_request deadlines_request_from_json(const json &value);

// --- archive loans (R-CAL-8) ------------------------------------------------------------

struct archive_loan {
  std::string file;
  std::optional<std::string> borrower;
  date borrowed;
  std::optional<date> returned;
};
BOOST_DESCRIBE_STRUCT(archive_loan, (), (file, borrower, borrowed, returned))

BOOST_DEFINE_ENUM_CLASS(loan_state, on_loan, overdue, returned_on_time, returned_late)

struct loan_status {
  std::string file;
  std::optional<std::string> borrower;
  date borrowed;
  date due;
  std::optional<date> returned;
  loan_state state = loan_state::on_loan;
  std::uint32_t days_overdue = 0; ///< calendar days past due (as of today, or when returned)
};
BOOST_DESCRIBE_STRUCT(loan_status, (),
                      (file, borrower, borrowed, due, returned, state, days_overdue))

struct archive_loans_request {
  std::optional<business_calendar> calendar;
  std::optional<deadline_rules> rules;
  date today;
  std::vector<archive_loan> loans;
};
BOOST_DESCRIBE_STRUCT(archive_loans_request, (), (calendar, rules, today, loans))

struct archive_loans_report {
  date today;
  std::vector<loan_status> loans;
  std::vector<std::string> overdue; ///< files on loan past their due date, to report
};
BOOST_DESCRIBE_STRUCT(archive_loans_report, (), (today, loans, overdue))

/// R-CAL-8: each loan's due date and state on `today`, and the overdue list.
archive_loans_report check_archive_loans(const archive_loans_request &request);
archive_loans_request archive_loans_request_from_json(const json &value);

// --- inspection plans (R-CAL-1, R-CAL-2, R-CAL-3) ---------------------------------------

/// The checking levels (001: 日检、周检、月检、季检、半年考评、年终总评, 专项检查, and the
/// supervisors' weekly patrol 督导巡查, §2.2.1). follow_up is a re-inspection (复检) of an open
/// rectification order (R-CAL-13).
BOOST_DEFINE_ENUM_CLASS(check_level, daily, weekly, monthly, night, branch_monthly, joint_quarterly,
                        head_office_audit, quarterly, year_end, special, follow_up, supervision)

/// A week cut by the plan's start (the plan begins after the week's first working day):
/// check_in_plan gives it its 周检 on the first working day of the week inside the plan
/// (default: a plan stands alone); regular_day_only leaves it to the plan holding the week's
/// regular day, so that plans back to back check every week once.
BOOST_DEFINE_ENUM_CLASS(partial_week_rule, check_in_plan, regular_day_only)

/// How the plan places each level. Defaults documented in docs/calendar.md.
struct plan_options {
  bool daily = true;                   ///< R-CAL-1 日检: every working day
  weekday weekly_on = weekday::monday; ///< R-CAL-1 周检: first working day from this weekday
  partial_week_rule partial_weeks = partial_week_rule::check_in_plan; ///< the first week
  std::uint32_t monthly_day = 25; ///< R-CAL-1 月检: first working day from this day (clamped)
  std::uint32_t night_checks_per_month = 2; ///< R-CAL-1 夜查: random nights per project and month
  std::uint32_t branch_day = 20;            ///< R-CAL-2 branch's monthly assessment: first working
                                            ///< day from this day; 0 = not planned
  std::uint32_t joint_month_of_quarter = 3; ///< R-CAL-3: 1..3, default the quarter's last month
  std::uint32_t joint_day = 15;             ///< R-CAL-3: first working day from this day
  std::uint32_t audit_window_first_month = 1; ///< R-CAL-2: window inside the half year (1..6)
  std::uint32_t audit_window_last_month = 6;
  /// R-CAL-14 季检: the project's own quarterly check, first working day from this day of the
  /// quarter's joint_month_of_quarter; 0 (default) = not planned.
  std::uint32_t quarterly_day = 0;
  /// R-CAL-14 年终总评: the year-end evaluation, first working day from this day of
  /// December; 0 (default) = not planned.
  std::uint32_t year_end_day = 0;
  static constexpr std::array<std::string_view, 12> json_defaulted{"daily",
                                                                   "weekly_on",
                                                                   "partial_weeks",
                                                                   "monthly_day",
                                                                   "night_checks_per_month",
                                                                   "branch_day",
                                                                   "joint_month_of_quarter",
                                                                   "joint_day",
                                                                   "audit_window_first_month",
                                                                   "audit_window_last_month",
                                                                   "quarterly_day",
                                                                   "year_end_day"};
};
BOOST_DESCRIBE_STRUCT(plan_options, (),
                      (daily, weekly_on, partial_weeks, monthly_day, night_checks_per_month,
                       branch_day, joint_month_of_quarter, joint_day, audit_window_first_month,
                       audit_window_last_month, quarterly_day, year_end_day))

/// R-CAL-14 专项检查: a special check on a given day, of one project or (none named) of all.
struct special_check {
  date day;
  std::optional<std::string> project;
  std::string what; ///< what it checks ("消防专项检查")
};
BOOST_DESCRIBE_STRUCT(special_check, (), (day, project, what))

/// R-CAL-13: a follow-up (复检) of an order pinned to a day instead of the default placement.
struct follow_up_pin {
  std::string order;
  date day;
};
BOOST_DESCRIBE_STRUCT(follow_up_pin, (), (order, day))

struct plan_request {
  std::optional<business_calendar> calendar;
  std::optional<plan_options> options;
  date from;
  date to; ///< inclusive; at most 731 days after from; years 1401..9998
  std::vector<std::string> projects;
  std::uint64_t seed = 0;
  std::vector<special_check> special; ///< R-CAL-14 专项检查
  /// R-CAL-13: the rectification events; the orders not closed as of `from` get follow-ups.
  std::vector<rectification_event> rectification;
  std::optional<deadline_rules> rules;   ///< the orders' deadlines (R-CAL-6, R-CAL-11)
  std::vector<follow_up_pin> follow_ups; ///< R-CAL-13: days chosen for some orders' follow-ups
  static constexpr std::array<std::string_view, 3> json_defaulted{"special", "rectification",
                                                                  "follow_ups"};
};
BOOST_DESCRIBE_STRUCT(plan_request, (),
                      (calendar, options, from, to, projects, seed, special, rectification, rules,
                       follow_ups))

struct plan_slot {
  date day;
  std::string project;
  check_level level = check_level::daily;
  std::string rule;                 ///< "R-CAL-1"
  bool unannounced = false;         ///< R-CAL-2: keep the date secret from the project
  std::optional<std::string> order; ///< follow_up: the order re-inspected
  std::optional<date> due;          ///< follow_up: the order's (or its CAPA's) due date
  std::optional<std::string> what;  ///< special: what it checks
};
BOOST_DESCRIBE_STRUCT(plan_slot, (), (day, project, level, rule, unannounced, order, due, what))

/// R-CAL-13: the follow-up (复检) slots of a plan: one per order of a planned project not closed
/// as of `from` (open, overdue, reported done, failed, or passed with its CAPA short of
/// effective), on the last working day on or before its due date (a CAPA's, for a passed order)
/// within the plan — the plan's first working day when that date is already past — or on the
/// day pinned in follow_ups. Problems are added with their paths (`rectification[2].kind`,
/// `follow_ups[0].order`).
std::vector<plan_slot> follow_up_slots(const plan_request &request,
                                       const business_calendar &calendar, problem_list &problems);

struct inspection_plan {
  date from;
  date to;
  std::uint64_t seed = 0;
  std::vector<plan_slot> slots; ///< by date, then project (input order), then level
};
BOOST_DESCRIBE_STRUCT(inspection_plan, (), (from, to, seed, slots))

/// R-CAL-1/2/3, R-CAL-13, R-CAL-14: the dated inspection slots for the period and projects. Levels:
/// daily, weekly and monthly internal checks and random night checks (R-CAL-1), the branch's
/// monthly assessment (R-CAL-2), the quarterly joint inspection (R-CAL-3) and the
/// half-yearly unannounced head-office audit (R-CAL-2), drawn from the seed among the working
/// days of its window. The audit's date depends on the seed, the project, the half year, the
/// window options and the calendar only — never on the plan's from/to: a plan lists it when
/// it falls inside. Same request, same plan.
inspection_plan plan_inspections(const plan_request &request);
plan_request plan_request_from_json(const json &value);

// --- household visits (R-CAL-7) ---------------------------------------------------------

struct household {
  std::string id;
  std::optional<std::string> building;
};
BOOST_DESCRIBE_STRUCT(household, (), (id, building))

struct household_sample_request {
  std::vector<household> households;
  std::uint32_t count = 5; ///< within min_count..max_count
  std::uint32_t min_count = 5;
  std::uint32_t max_count = 10;
  bool spread_across_buildings = false;
  std::uint64_t seed = 0;
  static constexpr std::array<std::string_view, 4> json_defaulted{"count", "min_count", "max_count",
                                                                  "spread_across_buildings"};
};
BOOST_DESCRIBE_STRUCT(household_sample_request, (),
                      (households, count, min_count, max_count, spread_across_buildings, seed))

/// R-CAL-7: picks `count` (5..10) households, reproducibly from the seed. With
/// spread_across_buildings, buildings take turns (in a seeded order) so that the sample
/// covers as many buildings as it can. The result keeps the input order.
std::vector<household> sample_households(const household_sample_request &request);
household_sample_request household_sample_request_from_json(const json &value);

// --- reproducible randomness ------------------------------------------------------------

/// A named stream of reproducible random numbers: std::mt19937_64 seeded with
/// seed XOR FNV-1a-64(stream), mapped to 0..n-1 by rejection sampling.
class seeded_random {
public:
  seeded_random(std::uint64_t seed, std::string_view stream);
  /// Uniform in 0..n-1; n must be > 0.
  std::uint64_t below(std::uint64_t n);

private:
  std::mt19937_64 gen_;
};

json to_json(const std::vector<deadline_entry> &table);
json to_json(const archive_loans_report &r);
json to_json(const inspection_plan &p);
json to_json(const std::vector<household> &sample);

} // namespace pmq
