// Rectification: the life of a rectification order (整改通知), consecutive failures.
//
// An order is issued after an inspection and must be completed within one week of its
// receipt (R-CAL-6, deadline from calendar.hpp). It is then re-inspected (复检): a pass
// closes it; a failure brings a second notice, a company-wide circular and a carry-over
// deduction in the next assessment (R-SCORE-3). Supervisors may issue penalty notices
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
// Two consecutive failed assessments bring a public reprimand and a penalty (R-SCORE-6):
// consecutive_failures() finds them from a list of assessments.
#pragma once

#include "pmq/calendar.hpp"
#include "pmq/datetime.hpp"
#include "pmq/inspection.hpp"
#include "pmq/json.hpp"
#include "pmq/numeric.hpp"

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

BOOST_DEFINE_ENUM_CLASS(rectification_event_kind, issued, rectified, reinspected, penalty_notice)

/// One dated event of an order. Which optional fields apply depends on the kind:
/// issued: project (required), item, description, received (default: the event's date);
/// reinspected: passed (required); penalty_notice: person (required), amount, reason.
struct rectification_event {
  std::string order;
  rectification_event_kind kind = rectification_event_kind::issued;
  pmq::date date;
  std::optional<std::string> project;
  std::optional<std::string> item;
  std::optional<std::string> description;
  std::optional<pmq::date> received;
  std::optional<bool> passed;
  std::optional<std::string> person;
  std::optional<money> amount;
  std::optional<std::string> reason;
};
BOOST_DESCRIBE_STRUCT(rectification_event, (),
                      (order, kind, date, project, item, description, received, passed, person,
                       amount, reason))

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
};
BOOST_DESCRIBE_STRUCT(order_status, (),
                      (order, project, item, description, issued, received, due, state, rectified,
                       rectified_late, reinspected, failed_reinspections, second_notice, circulated,
                       days_overdue, penalties))

/// Replays the events dated on or before `as_of` (the whole list is validated) and returns
/// every order issued by then, in order of issue. Events of one order are applied in date
/// order; events on the same day keep their input order.
std::vector<order_status> rectification_states(const std::vector<rectification_event> &events,
                                               const pmq::date &as_of,
                                               const business_calendar &calendar = {},
                                               const deadline_rules &rules = {});

/// The ids of the orders that are overdue on `as_of` (R-CAL-6): past due, not reported done.
std::vector<std::string> overdue_orders(const std::vector<order_status> &states);

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
};
BOOST_DESCRIBE_STRUCT(rectification_row, (),
                      (project, issued, open, overdue, rectified_on_time, rectified_late,
                       awaiting_reinspection, passed, failed, second_notices, penalty_notices))

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

/// R-SCORE-3: one carry-over per order whose re-inspection failed within `month` (the
/// assessment period), of `points_per_order` (> 0, default 2) each, to deduct from the next
/// assessment's total.
std::vector<carry_over> carry_overs(const std::vector<rectification_event> &events,
                                    year_month month, points points_per_order = points{2},
                                    const business_calendar &calendar = {},
                                    const deadline_rules &rules = {});

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
};
BOOST_DESCRIBE_STRUCT(rectification_status_report, (), (as_of, orders, overdue))

rectification_status_report rectification_status(const rectification_status_request &request);

/// Request of pmq_rectification_report: the month's table and carry-overs.
/// as_of defaults to the month's last day; carry_over_points to 2.
struct rectification_report_request {
  std::optional<business_calendar> calendar;
  std::optional<deadline_rules> rules;
  year_month month;
  std::optional<pmq::date> as_of;
  std::optional<points> carry_over_points;
  std::vector<rectification_event> events;
};
BOOST_DESCRIBE_STRUCT(rectification_report_request, (),
                      (calendar, rules, month, as_of, carry_over_points, events))

struct rectification_report {
  rectification_table table;
  std::vector<pmq::carry_over> carry_over; ///< same shape as an inspection's "carry_over"
};
BOOST_DESCRIBE_STRUCT(rectification_report, (), (table, carry_over))

rectification_report rectification_monthly_report(const rectification_report_request &request);

// --- consecutive failures (R-SCORE-6) -----------------------------------------------------

/// One assessment of a subject (a project, a branch, a supplier, a person). period is
/// "YYYY", "YYYY-Hn", "YYYY-Qn", "YYYY-MM" or "YYYY-MM-DD"; give score or passed.
struct assessment {
  std::string subject;
  std::string period;
  std::optional<points> score;
  std::optional<bool> passed;
};
BOOST_DESCRIBE_STRUCT(assessment, (), (subject, period, score, passed))

struct consecutive_failures_request {
  std::vector<assessment> assessments;
  points pass_threshold{90}; ///< R-SCORE-5: 90 passes (score ≥ threshold)
  static constexpr std::array<std::string_view, 1> json_defaulted{"pass_threshold"};
};
BOOST_DESCRIBE_STRUCT(consecutive_failures_request, (), (assessments, pass_threshold))

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
/// assessment (by period) also failed. Subjects are reported in order of first appearance.
std::vector<consecutive_failure> consecutive_failures(const consecutive_failures_request &request);

rectification_status_request rectification_status_request_from_json(const json &value);
rectification_report_request rectification_report_request_from_json(const json &value);
consecutive_failures_request consecutive_failures_request_from_json(const json &value);

json to_json(const rectification_status_report &r);
json to_json(const rectification_report &r);
json to_json(const std::vector<consecutive_failure> &r);
json to_json(const std::vector<carry_over> &r);

} // namespace pmq
