// Rectification: the life of a rectification order (整改通知), consecutive failures.
//
// An order is issued after an inspection and must be completed within one week of its
// receipt (R-CAL-6, deadline from calendar.hpp). It is then re-inspected (复检): a pass
// closes it; a failure brings a second notice, a company-wide circular and a carry-over
// deduction at the project's next assessment (R-SCORE-3: the next month in the branch regime,
// the next half year in the company regime). Supervisors may issue penalty notices
// (处罚通知单, R-SCORE-7) at any point after issue. The lifecycle is a pure state machine
// over a list of dated events: replaying the events up to a date gives every order's state
// on that date, the overdue list and the monthly rectification status table (R-CAL-5).
//
//   issued ──rectified──▶ rectified ──reinspected(pass)──▶ passed
//     │                      ▲      └─reinspected(fail)─▶ failed (second notice, circular,
//     │                      │                              │     new one-week deadline)
//     └─(due date passes)──▶ overdue ◀─(new due date passes)─┘
//                            │  └─rectified (late)─▶ rectified
//                            └─reinspected─▶ passed | failed
//   failed ──rectified──▶ rectified (second round)
//
// Anything else (re-inspecting an order that is neither reported done nor overdue, a second
// "issued", any event after "passed" other than a penalty notice) is rejected with the
// event's path.
//
// R-CAL-11: a notice may set its own deadline (`due`, or `days` from receipt); without one the
// severity's default applies (deadline_rules::major_days / potential_days), and without that
// R-CAL-6's week. R-CAL-12: a finding is ordinary (一般), major (重大) or potential (潜在不合格);
// major and potential ones need a corrective/preventive action (纠正预防措施, CAPA) with an
// owner, an approver and a due date, verified effective before the order closes:
//
//   required ──capa_opened──▶ open ──capa_implemented──▶ implemented
//                              ▲                            │
//                              └─capa_verified(not effective, new due)─┤
//                                           capa_verified(effective)──▶ effective
//
// An ordinary finding gets a CAPA on request (a capa_opened event). An order is `closed` when
// it passed re-inspection and has no CAPA short of effective.
//
// Two consecutive failed assessments bring a public reprimand and a penalty (R-SCORE-6):
// consecutive_failures() finds them from a list of assessments, on exact scores; a missing
// period breaks the run (a documented parameter).
#pragma once

#include "pmq/calendar.hpp"
#include "pmq/datetime.hpp"
#include "pmq/inspection.hpp"
#include "pmq/json.hpp"
#include "pmq/numeric.hpp"
#include "pmq/rectification_event.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pmq {

// pmq::carry_over (inspection.hpp) is what carry_overs() produces: a deduction carried into
// the next assessment for an order that failed re-inspection (R-SCORE-3), read by the
// scoring engine from an inspection's "carry_over".

/// R-CAL-12: where a corrective/preventive action stands. `required`: a major or potential
/// finding whose action is not opened yet.
BOOST_DEFINE_ENUM_CLASS(capa_state, required, open, implemented, effective)

struct capa_status {
  capa_state state = capa_state::required;
  std::optional<std::string> owner;
  std::optional<std::string> approver;
  std::optional<pmq::date> opened;
  std::optional<pmq::date> due; ///< the current due date (a reopened action's new one)
  std::optional<pmq::date> implemented;
  std::optional<pmq::date> verified; ///< the last verification
  std::uint32_t reopened = 0;        ///< verifications that found it not effective
  bool overdue = false;              ///< open past its due date
  std::uint32_t days_overdue = 0;
};
BOOST_DESCRIBE_STRUCT(capa_status, (),
                      (state, owner, approver, opened, due, implemented, verified, reopened,
                       overdue, days_overdue))

BOOST_DEFINE_ENUM_CLASS(rectification_state, issued, overdue, rectified, passed, failed)

/// A penalty notice (处罚通知单, R-SCORE-7).
struct penalty_notice {
  pmq::date date;
  std::string person;
  std::optional<money> amount;
  std::optional<std::string> reason;
};
BOOST_DESCRIBE_STRUCT(penalty_notice, (), (date, person, amount, reason))

/// An order's state on a date, with what happened to it.
struct order_status {
  std::string order;
  std::string project;
  std::optional<std::string> department; ///< the responsible department, when the notice names it
  std::optional<std::string> item;
  std::optional<std::string> description;
  pmq::date issued;
  pmq::date received;
  pmq::date due; ///< R-CAL-6 (after a failed re-inspection: the second notice's)
  rectification_state state = rectification_state::issued;
  std::optional<pmq::date> rectified;   ///< last reported completion
  bool rectified_late = false;          ///< reported after one week from receipt (R-CAL-6)
  std::optional<pmq::date> reinspected; ///< last re-inspection
  std::uint32_t failed_reinspections = 0;
  bool second_notice = false;     ///< R-CAL-6 / R-SCORE-3: after a failed re-inspection
  bool circulated = false;        ///< ... circulated company-wide (通报)
  std::uint32_t days_overdue = 0; ///< while overdue: calendar days past due
  std::vector<penalty_notice> penalties;
  finding_severity severity = finding_severity::ordinary; ///< R-CAL-12
  std::optional<std::string> responsible;                 ///< 责任人
  std::optional<circulation_scope> scope;                 ///< where it is circulated
  /// R-CAL-11: where `due` came from: "notice" (the notice's own due/days), "severity" (the
  /// severity's default deadline) or "R-CAL-6" (the rule-wide week).
  std::string due_from = "R-CAL-6";
  std::optional<capa_status> capa; ///< R-CAL-12
  bool closed = false;             ///< passed, and no CAPA short of effective
};
BOOST_DESCRIBE_STRUCT(order_status, (),
                      (order, project, department, item, description, issued, received, due, state,
                       rectified, rectified_late, reinspected, failed_reinspections, second_notice,
                       circulated, days_overdue, penalties, severity, responsible, scope, due_from,
                       capa, closed))

/// Replays the events dated on or before `as_of` (the whole list is validated) and returns
/// every order issued by then, in order of issue. Events of one order are applied in date
/// order; events on the same day keep their input order.
std::vector<order_status> rectification_states(const std::vector<rectification_event> &events,
                                               const pmq::date &as_of,
                                               const business_calendar &calendar = {},
                                               const deadline_rules &rules = {});

/// The ids of the orders that are overdue on `as_of` (R-CAL-6): past due, not reported done.
std::vector<std::string> overdue_orders(const std::vector<order_status> &states);

/// R-CAL-12: the ids of the orders whose CAPA is open past its due date.
std::vector<std::string> overdue_capas(const std::vector<order_status> &states);

/// One row of the rectification status table (《整改情况表》, R-CAL-5), per project and month:
/// the orders issued in the month, as they stand on the report date.
struct rectification_row {
  std::string project;
  std::uint32_t issued = 0;
  std::uint32_t open = 0; ///< not yet due, not reported done
  std::uint32_t overdue = 0;
  std::uint32_t rectified_on_time = 0; ///< reported done by the due date (whatever came after)
  std::uint32_t rectified_late = 0;
  std::uint32_t awaiting_reinspection = 0;
  std::uint32_t passed = 0;
  std::uint32_t failed = 0;         ///< now in the week of a second notice
  std::uint32_t second_notices = 0; ///< failed a re-inspection (any state): circulated
  std::uint32_t penalty_notices = 0;
  std::uint32_t major = 0;        ///< R-CAL-12: major findings among the issued
  std::uint32_t potential = 0;    ///< ... potential nonconformities
  std::uint32_t capa_open = 0;    ///< a CAPA short of effective (required, open, implemented)
  std::uint32_t capa_overdue = 0; ///< a CAPA open past its due date
  std::uint32_t closed = 0;       ///< passed with no CAPA short of effective
};
BOOST_DESCRIBE_STRUCT(rectification_row, (),
                      (project, issued, open, overdue, rectified_on_time, rectified_late,
                       awaiting_reinspection, passed, failed, second_notices, penalty_notices,
                       major, potential, capa_open, capa_overdue, closed))

struct rectification_table {
  year_month month;
  pmq::date as_of;
  pmq::date due; ///< R-CAL-5: when the table is due (before the 5th of the next month)
  std::vector<rectification_row> rows; ///< by project name
  rectification_row total;             ///< project "*"
};
BOOST_DESCRIBE_STRUCT(rectification_table, (), (month, as_of, due, rows, total))

/// R-CAL-5: the month's rectification status table, as of `as_of`.
rectification_table rectification_status_table(const std::vector<rectification_event> &events,
                                               year_month month, const pmq::date &as_of,
                                               const business_calendar &calendar = {},
                                               const deadline_rules &rules = {});

/// Who assesses, and so when "the next assessment" is (000 §二(一)1 and (二)1): the branch
/// assesses each project every month (分公司定期质量考核, 每月考核一次; a failed
/// rectification is circulated branch-wide); the head office every half year (公司定期质量考核,
/// 每半年一次; circulated company-wide).
BOOST_DEFINE_ENUM_CLASS(assessment_regime, branch, company)

/// The assessment period a carry-over for a re-inspection failed in `month` is deducted in:
/// the next month ("2026-12" for 2026-11) in the branch regime, the next half year ("2027-H1"
/// for any month of 2026-H2) in the company regime.
std::string next_assessment_period(year_month month, assessment_regime regime);

/// R-SCORE-3: one carry-over per order whose re-inspection failed within `month`, of
/// `points_per_order` (> 0, default 2) each. It belongs to the order's project (and its
/// department, when the notice named one) and is deducted once, at the project's next
/// assessment (`applies_to`, next_assessment_period). Orders in issue order.
std::vector<carry_over> carry_overs(const std::vector<rectification_event> &events,
                                    year_month month, points points_per_order = points{2},
                                    const business_calendar &calendar = {},
                                    const deadline_rules &rules = {},
                                    assessment_regime regime = assessment_regime::branch);

/// Request of pmq_rectification_status: {"events": [...], "as_of": date, calendar?, rules?}.
struct rectification_status_request {
  std::optional<business_calendar> calendar;
  std::optional<deadline_rules> rules;
  pmq::date as_of;
  std::vector<rectification_event> events;
};
BOOST_DESCRIBE_STRUCT(rectification_status_request, (), (calendar, rules, as_of, events))

struct rectification_status_report {
  pmq::date as_of;
  std::vector<order_status> orders;
  std::vector<std::string> overdue;
  std::vector<std::string> overdue_capas; ///< R-CAL-12
};
BOOST_DESCRIBE_STRUCT(rectification_status_report, (), (as_of, orders, overdue, overdue_capas))

rectification_status_report rectification_status(const rectification_status_request &request);

/// Request of pmq_rectification_report: the month's table and carry-overs.
/// as_of defaults to the month's last day; carry_over_points to 2; regime to branch.
struct rectification_report_request {
  std::optional<business_calendar> calendar;
  std::optional<deadline_rules> rules;
  year_month month;
  std::optional<pmq::date> as_of;
  std::optional<points> carry_over_points;
  std::optional<assessment_regime> regime;
  std::vector<rectification_event> events;
};
BOOST_DESCRIBE_STRUCT(rectification_report_request, (),
                      (calendar, rules, month, as_of, carry_over_points, regime, events))

struct rectification_report {
  rectification_table table;
  std::vector<pmq::carry_over> carry_over; ///< same shape as an inspection's "carry_over"
};
BOOST_DESCRIBE_STRUCT(rectification_report, (), (table, carry_over))

rectification_report rectification_monthly_report(const rectification_report_request &request);

// --- consecutive failures (R-SCORE-6) -----------------------------------------------------

/// An assessment's score, exact. In JSON a number, read exactly as written (92.5, 89.9967), or
/// a string holding a decimal of any precision or a fraction ("89.99966667", "26999/300"):
/// 26999/300 fails a pass mark of 90 though it is shown as 90.00.
struct assessment_score {
  fraction value;
  bool operator==(const assessment_score &) const = default;
};
void read(const json &j, assessment_score &out, const std::string &path, problem_list &problems);
void write(json &j, const assessment_score &v);

/// One assessment of a subject (a project, a branch, a supplier, a person). period is
/// "YYYY", "YYYY-Hn", "YYYY-Qn", "YYYY-MM" or "YYYY-MM-DD"; give score or passed.
struct assessment {
  std::string subject;
  std::string period;
  std::optional<assessment_score> score;
  std::optional<bool> passed;
};
BOOST_DESCRIBE_STRUCT(assessment, (), (subject, period, score, passed))

/// What a missing period between two assessments of a subject does (R-SCORE-6): by default
/// it breaks the run — January and March failed with no February record are not two in a
/// row; `ignored` compares each assessment with the subject's previous one, however far back.
BOOST_DEFINE_ENUM_CLASS(gap_rule, breaks_run, ignored)

struct consecutive_failures_request {
  std::vector<assessment> assessments;
  points pass_threshold{90}; ///< R-SCORE-5: 90 passes (score ≥ threshold, exactly)
  gap_rule gaps = gap_rule::breaks_run;
  static constexpr std::array<std::string_view, 2> json_defaulted{"pass_threshold", "gaps"};
};
BOOST_DESCRIBE_STRUCT(consecutive_failures_request, (), (assessments, pass_threshold, gaps))

/// A subject that failed an assessment right after failing the one before (R-SCORE-6):
/// public reprimand and penalty (通报批评并处罚).
struct consecutive_failure {
  std::string subject;
  std::string previous; ///< the earlier failed period
  std::string period;   ///< the second failed period in a row
  std::string consequence;
};
BOOST_DESCRIBE_STRUCT(consecutive_failure, (), (subject, previous, period, consequence))

/// R-SCORE-6: each assessment that failed right after the same subject's previous
/// assessment also failed, the previous one being the period just before (contiguous: it ends
/// the day before this one starts) — or, with gaps ignored, the subject's last earlier one.
/// Failed means an exact score below pass_threshold, or passed == false. Subjects are reported
/// in order of first appearance.
std::vector<consecutive_failure> consecutive_failures(const consecutive_failures_request &request);

rectification_status_request rectification_status_request_from_json(const json &value);
rectification_report_request rectification_report_request_from_json(const json &value);
consecutive_failures_request consecutive_failures_request_from_json(const json &value);

json to_json(const rectification_status_report &r);
json to_json(const rectification_report &r);
json to_json(const std::vector<consecutive_failure> &r);
json to_json(const std::vector<carry_over> &r);

} // namespace pmq
