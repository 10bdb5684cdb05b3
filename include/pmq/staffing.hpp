// Staffing compliance of an outsourced team (物业外包服务监管细则, R-OUT-5 … R-OUT-9).
//
// From the contracted headcount per role (合同人数), the month's roster (花名册), daily
// attendance, staff changes and patrol records, check_staffing finds every breach of the
// supervision rules and counts them as incidents for the monthly evaluation (R-OUT-4):
//   - R-OUT-5: a vacancy (fewer on site than contracted, for leave or departure) must be
//     filled within 3 calendar days, counted across the month end (a run open on the last day
//     is carried into the next month); otherwise the month is settled by actual attendance
//     (pro-rata, see settle_by_attendance) and points are deducted;
//   - R-OUT-6: managers (主管及以上) change at most once a calendar year, with a month's
//     written notice, an interview and a week's handover;
//   - R-OUT-7: the roster is submitted before the 5th; at most 2 staff changes a month;
//   - R-OUT-8: ages by role (cleaners 30–50, security 20–40, meeting service 18–30,
//     maintenance 25–55, inclusive); certified roles need their certificates;
//   - R-OUT-9: project manager, department heads and foremen patrol at least twice a day;
//     each missing record is a deduction.
// Dates are plain calendar days (R-CAL rules: no working-day calendar is assumed). Every
// number the manual gives is a parameter of staffing_rules with that number as default.
#pragma once

#include "pmq/datetime.hpp"
#include "pmq/json.hpp"
#include "pmq/numeric.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pmq {

/// What costs an outsourced supplier points and/or money in its monthly evaluation
/// (R-OUT-4). The caller counts findings and complaints; check_staffing counts the rest.
BOOST_DEFINE_ENUM_CLASS(incident,
                        minor_nonconformity,      ///< 一般不合格 (inspection finding)
                        serious_nonconformity,    ///< 严重不合格
                        audit_failure,            ///< failure found by a company audit (稽查)
                        valid_complaint,          ///< valid complaint handled on time
                        valid_complaint_late,     ///< valid complaint handled late
                        unfilled_vacancy,         ///< R-OUT-5: not filled within the grace days
                        manager_change_violation, ///< R-OUT-6
                        late_roster,              ///< R-OUT-7: roster not in before the 5th
                        excess_staff_changes,     ///< R-OUT-7: each change beyond the 2nd
                        age_out_of_range,         ///< R-OUT-8
                        missing_certificate,      ///< R-OUT-8 (持证上岗)
                        missing_patrol_record     ///< R-OUT-9: each record short of 2 a day
)

struct incident_count {
  pmq::incident kind = incident::minor_nonconformity;
  std::uint32_t count = 0;
  std::optional<std::string> note;
};
BOOST_DESCRIBE_STRUCT(incident_count, (), (kind, count, note))

/// Role families with an age range (R-OUT-8).
BOOST_DEFINE_ENUM_CLASS(role_kind,
                        cleaner,         ///< 保洁员
                        security,        ///< 秩序维护员
                        meeting_service, ///< 会服人员
                        maintenance,     ///< 维修人员
                        manager,         ///< 主管及以上 (R-OUT-6); no age range by default
                        other)

/// Inclusive age range of a role family: 30–50 admits 30 and 50, refuses 29 and 51.
struct age_range {
  role_kind kind = role_kind::other;
  std::uint32_t min_age = 0;
  std::uint32_t max_age = 0;
};
BOOST_DESCRIBE_STRUCT(age_range, (), (kind, min_age, max_age))

/// The rules' numbers; every default is the manual's (004 物业外包服务监管细则).
struct staffing_rules {
  std::uint32_t vacancy_grace_days = 3;           ///< R-OUT-5: "3天之内补充"
  std::uint32_t max_staff_changes_per_month = 2;  ///< R-OUT-7: "不超过2人次"
  std::uint32_t max_manager_changes_per_year = 1; ///< R-OUT-6: per calendar year
  std::uint32_t manager_notice_months = 1;        ///< R-OUT-6: "更换之前一个月"
  std::uint32_t manager_handover_days = 7;        ///< R-OUT-6: "至少一周"
  std::uint32_t roster_due_day = 5;               ///< R-OUT-7: "每月5日前"
  bool roster_due_day_inclusive = true;           ///< as calendar.hpp: the 5th is on time
  std::uint32_t min_patrols_per_day = 2;          ///< R-OUT-9: "每天巡视不少于2次"
  std::vector<age_range> age_ranges{{role_kind::cleaner, 30, 50},
                                    {role_kind::security, 20, 40},
                                    {role_kind::meeting_service, 18, 30},
                                    {role_kind::maintenance, 25, 55}}; ///< R-OUT-8
  static constexpr std::array<std::string_view, 9> json_defaulted{
      "vacancy_grace_days",       "max_staff_changes_per_month", "max_manager_changes_per_year",
      "manager_notice_months",    "manager_handover_days",       "roster_due_day",
      "roster_due_day_inclusive", "min_patrols_per_day",         "age_ranges"};
};
BOOST_DESCRIBE_STRUCT(staffing_rules, (),
                      (vacancy_grace_days, max_staff_changes_per_month,
                       max_manager_changes_per_year, manager_notice_months, manager_handover_days,
                       roster_due_day, roster_due_day_inclusive, min_patrols_per_day, age_ranges))

/// One contracted role: how many people the contract puts on site every day.
struct role_quota {
  std::string role; ///< e.g. "保洁员"; unique within the contract
  role_kind kind = role_kind::other;
  std::uint32_t headcount = 0;
  bool certificate_required = false; ///< 持证上岗 (R-OUT-8)
  static constexpr std::array<std::string_view, 2> json_defaulted{"kind", "certificate_required"};
};
BOOST_DESCRIBE_STRUCT(role_quota, (), (role, kind, headcount, certificate_required))

/// A person on the roster (物业服务人员花名册).
struct staff_member {
  std::string id;
  std::optional<std::string> name;
  std::string role; ///< one of the contract's roles
  pmq::date birth_date;
  bool certified = false; ///< holds the certificate the role requires
  bool patrols = false;   ///< must patrol twice a day (R-OUT-9): manager, heads, foremen
  static constexpr std::array<std::string_view, 2> json_defaulted{"certified", "patrols"};
};
BOOST_DESCRIBE_STRUCT(staff_member, (), (id, name, role, birth_date, certified, patrols))

/// Head count on site for one role, one entry per day of the month.
struct role_attendance {
  std::string role;
  std::vector<std::uint32_t> present;
};
BOOST_DESCRIBE_STRUCT(role_attendance, (), (role, present))

/// Patrol records of one person, one entry per day of the month; null: off duty that day.
struct patrol_log {
  std::string staff;
  std::vector<std::optional<std::uint32_t>> records;
};
BOOST_DESCRIBE_STRUCT(patrol_log, (), (staff, records))

/// One staff change (人次): someone leaves and/or someone joins.
struct staff_change {
  pmq::date date;
  std::string role;
  std::optional<std::string> left;
  std::optional<std::string> joined;
  bool manager = false;                    ///< a manager change (R-OUT-6)
  std::optional<pmq::date> notice_date;    ///< written notice to the client (managers)
  std::optional<bool> interviewed;         ///< the client interviewed the newcomer (managers)
  std::optional<pmq::date> handover_start; ///< newcomer on site from (managers)
  static constexpr std::array<std::string_view, 1> json_defaulted{"manager"};
};
BOOST_DESCRIBE_STRUCT(staff_change, (),
                      (date, role, left, joined, manager, notice_date, interviewed, handover_start))

/// A vacancy still open on the last day of the previous month (R-OUT-5: "3天之内补充" counts
/// across the month end): the role and the first day of its run. The previous month's result
/// lists these as `open_vacancies`.
struct open_vacancy {
  std::string role;
  pmq::date since; ///< first day of the run of short days
};
BOOST_DESCRIBE_STRUCT(open_vacancy, (), (role, since))

/// One supplier's month on one site.
struct staffing_month {
  std::string supplier;
  std::uint32_t year = 0;
  std::uint32_t month = 0;
  std::vector<role_quota> contract;
  std::vector<staff_member> roster;
  std::optional<pmq::date> roster_submitted;
  std::vector<role_attendance> attendance; ///< one entry per contracted role
  std::vector<patrol_log> patrols;         ///< patrolling staff without a log patrolled never
  /// This month's changes, plus earlier manager changes of the same calendar year (R-OUT-6).
  std::vector<staff_change> changes;
  /// Vacancies open on the previous month's last day (at most one per role): a run of short
  /// days continues into this month, so Nov 29 – Dec 2 is four days (R-OUT-5).
  std::vector<open_vacancy> carried_vacancies;
  static constexpr std::array<std::string_view, 3> json_defaulted{"patrols", "changes",
                                                                  "carried_vacancies"};
};
BOOST_DESCRIBE_STRUCT(staffing_month, (),
                      (supplier, year, month, contract, roster, roster_submitted, attendance,
                       patrols, changes, carried_vacancies))

struct staffing_violation {
  std::string rule; ///< "R-OUT-5" …
  pmq::incident kind = incident::unfilled_vacancy;
  std::string subject; ///< the role or the staff id
  std::optional<pmq::date> date;
  std::uint32_t count = 1; ///< incidents this violation contributes
  std::string message;
};
BOOST_DESCRIBE_STRUCT(staffing_violation, (), (rule, kind, subject, date, count, message))

struct role_staffing {
  std::string role;
  std::uint32_t headcount = 0;
  std::uint64_t contracted_person_days = 0; ///< headcount × days in the month
  std::uint64_t attended_person_days = 0;   ///< Σ min(present, headcount) over the days
  std::uint32_t vacancy_days = 0;           ///< days with fewer present than contracted
  std::uint32_t late_vacancies = 0;         ///< vacancy runs longer than the grace days
};
BOOST_DESCRIBE_STRUCT(role_staffing, (),
                      (role, headcount, contracted_person_days, attended_person_days, vacancy_days,
                       late_vacancies))

struct staffing_result {
  std::string supplier;
  std::uint32_t year = 0;
  std::uint32_t month = 0;
  std::uint32_t days = 0;
  std::vector<role_staffing> roles;
  std::uint64_t contracted_person_days = 0;
  std::uint64_t attended_person_days = 0;
  /// R-OUT-5: some day of the month was short beyond the grace days (a run carried in from
  /// the previous month included)
  bool settle_by_attendance = false;
  std::vector<incident_count> incidents; ///< per kind, for the monthly evaluation
  std::vector<staffing_violation> violations;
  /// Vacancies still open on the month's last day: next month's `carried_vacancies`.
  std::vector<open_vacancy> open_vacancies;
};
BOOST_DESCRIBE_STRUCT(staffing_result, (),
                      (supplier, year, month, days, roles, contracted_person_days,
                       attended_person_days, settle_by_attendance, incidents, violations,
                       open_vacancies))

// --- the rules as pure functions ---------------------------------------------------------

/// The same day `years` later. Feb 29 falls on Mar 1 in a non-leap year (used for ages,
/// R-OUT-8, and bars, R-OUT-11). Throws pmq::error(invalid_input) past 9999-12-31.
pmq::date add_years(const pmq::date &d, std::uint32_t years);

/// The same day `months` earlier, clamped to the month's end (Mar 31 − 1 month = Feb 28/29).
/// Throws pmq::error(invalid_input) before 1400-01-01.
pmq::date subtract_months(const pmq::date &d, std::uint32_t months);

/// R-OUT-8: age in whole years on `on`. A birthday counts from its day: born 1990-06-15 is
/// 36 on 2026-06-15 and 35 the day before; born on Feb 29 turns a year older on Mar 1 in
/// non-leap years. Throws pmq::error(invalid_argument) when `on` is before `birth`.
std::uint32_t age_on(const pmq::date &birth, const pmq::date &on);

/// R-OUT-8: the range of a role family, if the rules give one.
std::optional<age_range> age_range_for(role_kind kind, const staffing_rules &rules = {});

/// R-OUT-5: lengths of the runs of consecutive days with fewer present than `headcount`.
std::vector<std::uint32_t> vacancy_runs(std::uint32_t headcount,
                                        const std::vector<std::uint32_t> &present);

/// R-OUT-5: fee × attended ÷ contracted person-days, rounded half up to the fen once.
/// Throws pmq::error(invalid_argument) when contracted is 0 (no data) or attended > contracted.
money settle_by_attendance(money fee, std::uint64_t attended, std::uint64_t contracted);

/// R-OUT-6: written notice given at least `months` before the change (same day of the
/// month, clamped to the month's end): a change on 2026-05-31 needs notice by 2026-04-30.
bool manager_notice_in_time(const pmq::date &notice, const pmq::date &change,
                            std::uint32_t months = 1);

/// R-OUT-7: the roster for year/month submitted in time (before the due day, or on it when
/// roster_due_day_inclusive). A roster submitted in a later month is late.
bool roster_on_time(const pmq::date &submitted, std::uint32_t year, std::uint32_t month,
                    const staffing_rules &rules = {});

/// R-OUT-9: records missing from a day's patrols: max(0, minimum − records).
std::uint32_t missing_patrol_records(std::uint32_t records, std::uint32_t minimum = 2);

/// Every problem of a staffing month (format, consistency, and dates the rules would carry
/// out of 1400..9999), each with its JSON path.
std::vector<problem> check_staffing_month(const staffing_month &m, const std::string &base = "",
                                          const staffing_rules &rules = {});
std::vector<problem> check_staffing_rules(const staffing_rules &r, const std::string &base = "");

/// R-OUT-5 … R-OUT-9: every breach of the supervision rules in the month. Throws
/// pmq::error(invalid_input) listing every problem of the input.
staffing_result check_staffing(const staffing_month &m, const staffing_rules &rules = {});

staffing_month load_staffing_month(std::string_view json_text);
staffing_rules load_staffing_rules(std::string_view json_text);
json to_json(const staffing_result &r);

} // namespace pmq
