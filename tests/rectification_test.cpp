#include "pmq/rectification.hpp"

#include "test_support.hpp"

using pmq_test::error_of;
using pmq_test::has_problem;

namespace {

pmq::date d(const char *s) { return *pmq::parse_date(s); }
pmq::year_month ym(const char *s) { return *pmq::parse_year_month(s); }

std::vector<pmq::rectification_event> events(const std::string &text) {
  return pmq::from_json_value<std::vector<pmq::rectification_event>>(pmq::parse_json(text));
}

// A month of orders (see docs/rectification.md, the worked example).
const char *november = R"([
  {"order": "R-5", "kind": "issued", "date": "2026-10-28", "project": "P-01", "item": "BJ-01"},
  {"order": "R-1", "kind": "issued", "date": "2026-11-02", "project": "P-01", "item": "KF-03"},
  {"order": "R-2", "kind": "issued", "date": "2026-11-02", "received": "2026-11-03", "project": "P-01"},
  {"order": "R-1", "kind": "rectified", "date": "2026-11-09"},
  {"order": "R-1", "kind": "reinspected", "date": "2026-11-10", "passed": true},
  {"order": "R-5", "kind": "reinspected", "date": "2026-11-05", "passed": false},
  {"order": "R-2", "kind": "reinspected", "date": "2026-11-12", "passed": false},
  {"order": "R-2", "kind": "rectified", "date": "2026-11-18"},
  {"order": "R-2", "kind": "reinspected", "date": "2026-11-20", "passed": true},
  {"order": "R-3", "kind": "issued", "date": "2026-11-20", "project": "P-02", "item": "LH-02"},
  {"order": "R-3", "kind": "rectified", "date": "2026-11-28"},
  {"order": "R-3", "kind": "reinspected", "date": "2026-11-30", "passed": false},
  {"order": "R-4", "kind": "issued", "date": "2026-11-25", "project": "P-02"},
  {"order": "R-4", "kind": "penalty_notice", "date": "2026-11-26", "person": "张三", "amount": 200,
   "reason": "整改不及时"}
])";

const pmq::order_status &find(const std::vector<pmq::order_status> &v, const std::string &id) {
  for (const auto &s : v)
    if (s.order == id) return s;
  FAIL("no order " << id);
  throw;
}

} // namespace

TEST_CASE("R-CAL-6 an order is due one week after receipt; on the due day it is not overdue",
          "[R-CAL-6]") {
  const auto ev = events(november);
  auto on_10 = pmq::rectification_states(ev, d("2026-11-10"));
  CHECK(find(on_10, "R-2").due == d("2026-11-10")); // received on the 3rd
  CHECK(find(on_10, "R-2").state == pmq::rectification_state::issued);
  auto on_11 = pmq::rectification_states(ev, d("2026-11-11"));
  CHECK(find(on_11, "R-2").state == pmq::rectification_state::overdue);
  CHECK(find(on_11, "R-2").days_overdue == 1);
  CHECK(pmq::overdue_orders(on_11) == std::vector<std::string>{"R-2"});
  // R-1 reported done on its due day: on time, then passed
  const auto &r1 = find(on_11, "R-1");
  CHECK(r1.state == pmq::rectification_state::passed);
  CHECK_FALSE(r1.rectified_late);
  // before its issue an order does not exist yet
  CHECK(pmq::rectification_states(ev, d("2026-11-01")).size() == 1);
}

TEST_CASE("R-CAL-6 / R-SCORE-3 a failed re-inspection: second notice, circular, new week",
          "[R-CAL-6][R-SCORE-3]") {
  const auto ev = events(november);
  auto s = pmq::rectification_states(ev, d("2026-11-12"));
  const auto &r2 = find(s, "R-2");
  CHECK(r2.state == pmq::rectification_state::failed);
  CHECK(r2.second_notice);
  CHECK(r2.circulated);
  CHECK(r2.failed_reinspections == 1);
  CHECK(r2.due == d("2026-11-19"));
  // second round: rectified (late against the first week), then passed
  s = pmq::rectification_states(ev, d("2026-11-30"));
  CHECK(find(s, "R-2").state == pmq::rectification_state::passed);
  CHECK(find(s, "R-2").rectified_late);
  // a failed order whose second deadline passes is overdue again
  s = pmq::rectification_states(ev, d("2026-12-08"));
  CHECK(find(s, "R-3").state == pmq::rectification_state::overdue);
  CHECK(pmq::overdue_orders(s) == std::vector<std::string>{"R-5", "R-3", "R-4"});
}

TEST_CASE("R-SCORE-3 carry-over deductions for the next assessment", "[R-SCORE-3]") {
  const auto ev = events(november);
  const auto c = pmq::carry_overs(ev, ym("2026-11"));
  REQUIRE(c.size() == 3); // R-5 (issued in October), R-2, R-3
  CHECK(c[0].order == "R-5");
  CHECK(c[1].order == "R-2");
  CHECK(c[2].order == "R-3");
  CHECK(c[0].points == pmq::points{2}); // the default
  CHECK(c[2].reason.find("2026-11-30") != std::string::npos);
  const auto half = pmq::carry_overs(ev, ym("2026-11"), *pmq::points::parse("1.5"));
  CHECK(half[0].points == *pmq::points::parse("1.5"));
  CHECK(pmq::carry_overs(ev, ym("2026-10")).empty());
  CHECK(pmq::carry_overs(ev, ym("2026-12")).empty());
  // exactly the shape the scoring engine reads
  const auto j = pmq::to_json(c);
  CHECK(j[0].size() == 5); // order, project, points, reason, applies_to (no department given)
  CHECK(j[0]["order"] == "R-5");
  CHECK(j[0]["applies_to"] == "2026-12");
  CHECK(c[0].project == ev.front().project.value_or(""));
  CHECK_FALSE(c[0].project.empty()); // R-SCORE-3: a carry-over belongs to its project
  CHECK(j[0]["points"] == 2);
  CHECK(j[0].contains("reason"));
  CHECK(pmq::to_json(half)[0]["points"] == 1.5);
}

TEST_CASE("R-SCORE-3 a carry-over belongs to its project and department and applies once, at "
          "the next assessment of the regime",
          "[R-SCORE-3]") {
  const auto ev = events(R"([
    {"order": "Z-1", "kind": "issued", "date": "2026-11-02", "project": "翠苑-01",
     "department": "保洁部", "item": "BJ-01"},
    {"order": "Z-1", "kind": "reinspected", "date": "2026-11-12", "passed": false},
    {"order": "Z-2", "kind": "issued", "date": "2026-11-20", "project": "翠苑-02"},
    {"order": "Z-2", "kind": "reinspected", "date": "2026-12-01", "passed": false},
    {"order": "Z-2", "kind": "rectified", "date": "2026-12-03"},
    {"order": "Z-2", "kind": "reinspected", "date": "2026-12-31", "passed": false},
    {"order": "Z-3", "kind": "issued", "date": "2026-12-20", "project": "翠苑-01",
     "department": "工程部"},
    {"order": "Z-3", "kind": "reinspected", "date": "2027-01-05", "passed": false},
    {"order": "Z-4", "kind": "issued", "date": "2026-06-20", "project": "翠苑-03"},
    {"order": "Z-4", "kind": "reinspected", "date": "2026-06-30", "passed": false},
    {"order": "Z-5", "kind": "issued", "date": "2026-06-22", "project": "翠苑-03"},
    {"order": "Z-5", "kind": "reinspected", "date": "2026-07-01", "passed": false}
  ])");
  using pmq::assessment_regime;
  // the branch regime (default): the next month; the year's turn goes to January
  auto c = pmq::carry_overs(ev, ym("2026-11"));
  REQUIRE(c.size() == 1);
  CHECK(c[0].order == "Z-1");
  CHECK(c[0].project == "翠苑-01");
  CHECK(c[0].department == "保洁部");
  CHECK(c[0].applies_to == "2026-12");
  CHECK(c[0].reason.find("circulated branch-wide") != std::string::npos);
  c = pmq::carry_overs(ev, ym("2026-12"));
  REQUIRE(c.size() == 1); // Z-2 failed twice in December: one carry-over, both dates named
  CHECK(c[0].order == "Z-2");
  CHECK(c[0].project == "翠苑-02");
  CHECK_FALSE(c[0].department);
  CHECK(c[0].applies_to == "2027-01");
  CHECK(c[0].reason.find("2026-12-01, 2026-12-31") != std::string::npos);
  c = pmq::carry_overs(ev, ym("2027-01"));
  REQUIRE(c.size() == 1);
  CHECK(c[0].applies_to == "2027-02");
  CHECK(c[0].department == "工程部");
  // the company regime: the next half year; H2 goes to the next year's H1
  const pmq::business_calendar cal{};
  const pmq::deadline_rules rules{};
  const auto company = [&](const char *m) {
    return pmq::carry_overs(ev, ym(m), pmq::points{2}, cal, rules, assessment_regime::company);
  };
  c = company("2026-11");
  REQUIRE(c.size() == 1);
  CHECK(c[0].applies_to == "2027-H1");
  CHECK(c[0].reason.find("circulated company-wide") != std::string::npos);
  CHECK(company("2026-12").at(0).applies_to == "2027-H1");
  CHECK(company("2027-01").at(0).applies_to == "2027-H2");
  // both sides of the mid-year boundary: June 30 → H2, July 1 → next H1
  c = company("2026-06");
  REQUIRE(c.size() == 1);
  CHECK(c[0].order == "Z-4");
  CHECK(c[0].applies_to == "2026-H2");
  c = company("2026-07");
  REQUIRE(c.size() == 1);
  CHECK(c[0].order == "Z-5");
  CHECK(c[0].applies_to == "2027-H1");
  CHECK(pmq::carry_overs(ev, ym("2026-06")).at(0).applies_to == "2026-07");
  CHECK(pmq::next_assessment_period(ym("2026-01"), assessment_regime::company) == "2026-H2");
  CHECK(pmq::next_assessment_period(ym("2026-12"), assessment_regime::branch) == "2027-01");
  // each failure is listed in exactly one month's report: applied once
  int listed = 0;
  for (const char *m : {"2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12",
                        "2027-01", "2027-02"})
    listed += int(pmq::carry_overs(ev, ym(m)).size());
  CHECK(listed == 5);
  // the department is kept on the order's status too, and comes back out in JSON
  const auto st = pmq::rectification_states(ev, d("2026-11-30"));
  CHECK(find(st, "Z-1").department == "保洁部");
  const auto j = pmq::to_json(pmq::carry_overs(ev, ym("2026-11")));
  CHECK(j[0]["department"] == "保洁部");
  CHECK(j[0]["applies_to"] == "2026-12");
  // through the report request
  auto req = pmq::parse_json(R"({"month": "2026-11", "regime": "company"})");
  req["events"] = pmq::to_json_value(ev);
  auto r = pmq::rectification_monthly_report(pmq::rectification_report_request_from_json(req));
  CHECK(r.carry_over.at(0).applies_to == "2027-H1");
  req["regime"] = "branch";
  r = pmq::rectification_monthly_report(pmq::rectification_report_request_from_json(req));
  CHECK(r.carry_over.at(0).applies_to == "2026-12");
  req["regime"] = "quarterly";
  CHECK(has_problem(error_of([&] { pmq::rectification_report_request_from_json(req); }), "regime",
                    "unknown value"));
}

TEST_CASE("R-SCORE-3 a department only on the notice; no report past 9999",
          "[R-SCORE-3][bad-input]") {
  auto e = error_of([] {
    pmq::rectification_states(
        events(R"([{"order": "A", "kind": "issued", "date": "2026-11-02", "project": "P"},
                   {"order": "A", "kind": "rectified", "date": "2026-11-05", "department": "X"}])"),
        d("2026-11-30"));
  });
  CHECK(has_problem(e, "events[1].department", "not used by a \"rectified\" event"));
  // December 9999's table is due in 10000; H2 9999's next half year is 10000-H1
  auto req = pmq::parse_json(R"({"month": "9999-12", "events": []})");
  e = error_of(
      [&] { pmq::rectification_monthly_report(pmq::rectification_report_request_from_json(req)); });
  CHECK(e.code() == pmq::errc::invalid_input);
  CHECK(has_problem(e, "month", "after 9999-12-31"));
  CHECK(error_of([] {
          pmq::rectification_status_table({}, ym("9999-12"), d("9999-12-31"));
        }).path() == "month");
  req = pmq::parse_json(R"({"month": "9999-07", "regime": "company", "events": []})");
  CHECK(error_of([&] {
          pmq::rectification_monthly_report(pmq::rectification_report_request_from_json(req));
        }).path() == "month");
  req["regime"] = "branch";
  CHECK(pmq::rectification_monthly_report(pmq::rectification_report_request_from_json(req))
            .carry_over.empty());
  req = pmq::parse_json(R"({"month": "9999-06", "regime": "company", "events": []})");
  CHECK(pmq::rectification_monthly_report(pmq::rectification_report_request_from_json(req))
            .carry_over.empty());
}

TEST_CASE("R-SCORE-7 penalty notices are kept with their order", "[R-SCORE-7]") {
  const auto s = pmq::rectification_states(events(november), d("2026-11-30"));
  const auto &r4 = find(s, "R-4");
  REQUIRE(r4.penalties.size() == 1);
  CHECK(r4.penalties[0].person == "张三");
  CHECK(*r4.penalties[0].amount == *pmq::money::parse("200"));
  CHECK(r4.state == pmq::rectification_state::issued);
}

TEST_CASE("R-CAL-5 the month's rectification status table", "[R-CAL-5][R-REP-2]") {
  const auto t = pmq::rectification_status_table(events(november), ym("2026-11"), d("2026-11-30"));
  CHECK(t.due == d("2026-12-05"));
  REQUIRE(t.rows.size() == 2);
  const auto &p1 = t.rows[0];
  CHECK(p1.project == "P-01");
  CHECK(p1.issued == 2); // R-5 was issued in October
  CHECK(p1.passed == 2);
  CHECK(p1.rectified_on_time == 1);
  CHECK(p1.rectified_late == 1);
  CHECK(p1.second_notices == 1); // R-2 failed, then passed
  const auto &p2 = t.rows[1];
  CHECK(p2.issued == 2);
  CHECK(p2.failed == 1);
  CHECK(p2.open == 1);
  CHECK(p2.rectified_late == 1);
  CHECK(p2.penalty_notices == 1);
  CHECK(t.total.project == "*");
  CHECK(t.total.issued == 4);
  // a month across the year's turn
  const auto dec =
      pmq::rectification_status_table(events(november), ym("2026-12"), d("2026-12-31"));
  CHECK(dec.due == d("2027-01-05"));
  CHECK(dec.rows.empty());
}

TEST_CASE("the monthly report request", "[R-CAL-5][R-SCORE-3]") {
  auto j = pmq::parse_json(R"({"month": "2026-11", "carry_over_points": 3})");
  j["events"] = pmq::parse_json(november);
  const auto r = pmq::rectification_monthly_report(pmq::rectification_report_request_from_json(j));
  CHECK(r.table.as_of == d("2026-11-30"));
  CHECK(r.carry_over.size() == 3);
  CHECK(r.carry_over[0].points == pmq::points{3});
  j["carry_over_points"] = -1;
  const auto e = error_of(
      [&] { pmq::rectification_monthly_report(pmq::rectification_report_request_from_json(j)); });
  CHECK(has_problem(e, "carry_over_points", "greater than 0"));
  j["carry_over_points"] = 0;
  CHECK(has_problem(error_of([&] {
                      pmq::rectification_monthly_report(
                          pmq::rectification_report_request_from_json(j));
                    }),
                    "carry_over_points", "greater than 0"));
}

TEST_CASE("a working-day calendar moves the rectification deadline", "[R-CAL-6][calendar]") {
  auto j = pmq::parse_json(R"({"as_of": "2026-10-13",
    "calendar": {"basis": "working_days", "holidays": ["2026-10-01", "2026-10-02", "2026-10-05",
      "2026-10-06", "2026-10-07"], "workdays": ["2026-10-10"]},
    "events": [{"order": "N-1", "kind": "issued", "date": "2026-09-30", "project": "P"}]})");
  auto r = pmq::rectification_status(pmq::rectification_status_request_from_json(j));
  CHECK(r.orders[0].due == d("2026-10-13"));
  CHECK(r.overdue.empty());
  j["as_of"] = "2026-10-14";
  r = pmq::rectification_status(pmq::rectification_status_request_from_json(j));
  CHECK(r.overdue == std::vector<std::string>{"N-1"});
}

TEST_CASE("invalid transitions are rejected with the event's path", "[R-CAL-6][bad-input]") {
  auto check = [](const std::string &text, const std::string &path, const std::string &fragment) {
    const auto e = error_of([&] { pmq::rectification_states(events(text), d("2026-12-31")); });
    CHECK(e.code() == pmq::errc::invalid_input);
    CHECK(has_problem(e, path, fragment));
  };
  // re-inspection before the deadline of an order not reported done
  check(R"([{"order": "A", "kind": "issued", "date": "2026-11-02", "project": "P"},
            {"order": "A", "kind": "reinspected", "date": "2026-11-05", "passed": false}])",
        "events[1].kind", "not reported done and not yet overdue (due 2026-11-09)");
  check(R"([{"order": "A", "kind": "issued", "date": "2026-11-02", "project": "P"},
            {"order": "A", "kind": "rectified", "date": "2026-11-05"},
            {"order": "A", "kind": "rectified", "date": "2026-11-06"}])",
        "events[2].kind", "already reported done");
  check(R"([{"order": "A", "kind": "issued", "date": "2026-11-02", "project": "P"},
            {"order": "A", "kind": "rectified", "date": "2026-11-05"},
            {"order": "A", "kind": "reinspected", "date": "2026-11-06", "passed": true},
            {"order": "A", "kind": "rectified", "date": "2026-11-07"}])",
        "events[3].kind", "closed");
  check(R"([{"order": "A", "kind": "issued", "date": "2026-11-02", "project": "P"},
            {"order": "A", "kind": "issued", "date": "2026-11-03", "project": "P"}])",
        "events[1].kind", "already issued");
  check(R"([{"order": "B", "kind": "rectified", "date": "2026-11-05"}])", "events[0].order",
        "no \"issued\" event");
  // an event dated before the issue
  check(R"([{"order": "A", "kind": "issued", "date": "2026-11-02", "project": "P"},
            {"order": "A", "kind": "rectified", "date": "2026-11-01"}])",
        "events[1].order", "no \"issued\" event on or before 2026-11-01");
  check(R"([{"order": "A", "kind": "issued", "date": "2026-11-02", "project": "P"},
            {"order": "A", "kind": "reinspected", "date": "2026-11-20"}])",
        "events[1].passed", "whether it passed");
  check(
      R"([{"order": "A", "kind": "issued", "date": "2026-11-02", "received": "2026-11-01", "project": "P"}])",
      "events[0].received", "before it was issued");
  check(R"([{"order": "A", "kind": "issued", "date": "2026-11-02"}])", "events[0].project",
        "names its project");
  check(
      R"([{"order": "A", "kind": "issued", "date": "2026-11-02", "project": "P", "passed": true}])",
      "events[0].passed", "not used by");
  check(R"([{"order": "A", "kind": "issued", "date": "2026-11-02", "project": "P"},
            {"order": "A", "kind": "penalty_notice", "date": "2026-11-03", "person": "X", "amount": -5}])",
        "events[1].amount", "negative");
}

TEST_CASE("bad event JSON names the field", "[R-CAL-6][bad-input]") {
  auto e = error_of([] { events(R"([{"order": "A", "kind": "closed", "date": "2026-11-02"}])"); });
  CHECK(has_problem(e, "[0].kind", "unknown value"));
  e = error_of([] { events(R"([{"order": "A", "kind": "issued", "date": "2026-02-30"}])"); });
  CHECK(has_problem(e, "[0].date", "not a valid date"));
  e = error_of([] { events(R"([{"order": "A", "kind": "issued", "date": "0000-01-01"}])"); });
  CHECK(has_problem(e, "[0].date", "not a valid date"));
  e = error_of([] { events(R"([{"order": "A", "kind": "issued"}])"); });
  CHECK(has_problem(e, "[0].date", "missing required field"));
  e = error_of([] { events(R"([{"order": 5, "kind": "issued", "date": "2026-11-02"}])"); });
  CHECK(has_problem(e, "[0].order", "expected a string"));
  e = error_of([] {
    pmq::rectification_status_request_from_json(
        pmq::parse_json(R"({"as_of": "2026-11-31", "events": []})"));
  });
  CHECK(has_problem(e, "as_of", "not a valid date"));
}

// --- consecutive failures -----------------------------------------------------------------

namespace {

pmq::consecutive_failures_request assessments(const std::string &text) {
  return pmq::consecutive_failures_request_from_json(pmq::parse_json(text));
}

const char *history = R"({"assessments": [
  {"subject": "P-01", "period": "2026-11", "score": 89},
  {"subject": "P-01", "period": "2026-09", "score": 95},
  {"subject": "P-01", "period": "2026-10", "score": 89.999},
  {"subject": "P-02", "period": "2026-10", "score": 90},
  {"subject": "P-02", "period": "2026-11", "score": 89.999},
  {"subject": "P-03", "period": "2026-Q1", "passed": false},
  {"subject": "P-03", "period": "2026-Q2", "passed": false},
  {"subject": "P-03", "period": "2026-Q3", "passed": false},
  {"subject": "P-04", "period": "2026-10", "passed": false},
  {"subject": "P-04", "period": "2026-11", "passed": true},
  {"subject": "P-04", "period": "2026-12", "passed": false}
]})";

} // namespace

TEST_CASE("R-SCORE-6 two consecutive failed assessments", "[R-SCORE-6][R-SCORE-5]") {
  const auto f = pmq::consecutive_failures(assessments(history));
  REQUIRE(f.size() == 3);
  CHECK(f[0].subject == "P-01"); // 89.999 then 89: 90 is the pass mark, R-SCORE-5
  CHECK(f[0].previous == "2026-10");
  CHECK(f[0].period == "2026-11");
  CHECK(f[1].subject == "P-03");
  CHECK(f[1].period == "2026-Q2");
  CHECK(f[2].period == "2026-Q3");
  CHECK(f[0].consequence.find("通报批评") != std::string::npos);
  // P-02 passed at exactly 90; P-04 was not in a row.
  auto lower = assessments(history);
  lower.pass_threshold = pmq::points{80};
  const auto g = pmq::consecutive_failures(lower);
  REQUIRE(g.size() == 2);
  CHECK(g[0].subject == "P-03");
}

TEST_CASE("R-SCORE-6 the year's turn and half years", "[R-SCORE-6]") {
  const auto f = pmq::consecutive_failures(assessments(R"({"assessments": [
    {"subject": "B-1", "period": "2027-H1", "score": 70},
    {"subject": "B-1", "period": "2026-H2", "score": 74.5},
    {"subject": "B-2", "period": "2026-12", "score": 60},
    {"subject": "B-2", "period": "2027-01", "score": 60}]})"));
  REQUIRE(f.size() == 2);
  CHECK(f[0].previous == "2026-H2");
  CHECK(f[0].period == "2027-H1");
  CHECK(f[1].previous == "2026-12");
  CHECK(f[1].period == "2027-01");
}

TEST_CASE("R-SCORE-6 a missing period breaks the run", "[R-SCORE-6]") {
  // issue 9: January and March failed, no February record, were reported as in a row
  const char *text = R"({"assessments": [
    {"subject": "P-01", "period": "2026-01", "score": 80},
    {"subject": "P-01", "period": "2026-03", "score": 80},
    {"subject": "P-02", "period": "2026-01", "score": 80},
    {"subject": "P-02", "period": "2026-02", "score": 80},
    {"subject": "P-03", "period": "2026-H1", "passed": false},
    {"subject": "P-03", "period": "2027-H1", "passed": false},
    {"subject": "P-04", "period": "2026-Q4", "passed": false},
    {"subject": "P-04", "period": "2027-01", "passed": false},
    {"subject": "P-05", "period": "2026-11-30", "passed": false},
    {"subject": "P-05", "period": "2026-12-01", "passed": false},
    {"subject": "P-05", "period": "2026-12-03", "passed": false}]})";
  auto f = pmq::consecutive_failures(assessments(text));
  REQUIRE(f.size() == 3);
  CHECK(f[0].subject == "P-02"); // Jan, Feb: in a row
  CHECK(f[1].subject == "P-04"); // a quarter, then the month right after it
  CHECK(f[1].previous == "2026-Q4");
  CHECK(f[2].subject == "P-05"); // Nov 30, Dec 1: consecutive days; Dec 3 is not
  CHECK(f[2].period == "2026-12-01");
  // a company that counts the previous assessment however far back
  auto req = assessments(text);
  req.gaps = pmq::gap_rule::ignored;
  f = pmq::consecutive_failures(req);
  REQUIRE(f.size() == 6);
  CHECK(f[0].subject == "P-01");
  CHECK(f[0].previous == "2026-01");
  CHECK(f[0].period == "2026-03");
  CHECK(assessments(R"({"gaps": "ignored", "assessments": []})").gaps == pmq::gap_rule::ignored);
  CHECK(has_problem(error_of([] { assessments(R"({"gaps": "bridged", "assessments": []})"); }),
                    "gaps", "unknown value"));
}

TEST_CASE("R-SCORE-6 failed is decided on the exact score", "[R-SCORE-6][R-SCORE-5]") {
  // 26999/300 = 89.9966… is shown as 90.00 and fails a pass mark of 90
  const auto f = pmq::consecutive_failures(assessments(R"({"assessments": [
    {"subject": "P-01", "period": "2026-10", "score": "26999/300"},
    {"subject": "P-01", "period": "2026-11", "score": "89.99999999"},
    {"subject": "P-02", "period": "2026-10", "score": "27000/300"},
    {"subject": "P-02", "period": "2026-11", "score": "89.9999999"},
    {"subject": "P-03", "period": "2026-10", "score": "90.0000001"},
    {"subject": "P-03", "period": "2026-11", "score": 89.999}]})"));
  REQUIRE(f.size() == 1);
  CHECK(f[0].subject == "P-01");
  auto e = error_of([] {
    assessments(R"({"assessments": [{"subject": "A", "period": "2026-10", "score": "ninety"},
                                      {"subject": "A", "period": "2026-11", "score": "1/0"},
                                      {"subject": "A", "period": "2026-12", "score": true}]})");
  });
  CHECK(e.code() == pmq::errc::invalid_input);
  CHECK(has_problem(e, "assessments[0].score", "is not an exact number"));
  CHECK(has_problem(e, "assessments[1].score", "is not an exact number"));
  CHECK(has_problem(e, "assessments[2].score", "expected a number"));
  // a JSON number is read exactly as written, any number of decimals
  const auto g = pmq::consecutive_failures(assessments(R"({"assessments": [
    {"subject": "A", "period": "2026-10", "score": 89.9999},
    {"subject": "A", "period": "2026-11", "score": 89.99999999},
    {"subject": "B", "period": "2026-10", "score": 90.0000},
    {"subject": "B", "period": "2026-11", "score": 89.99999999}]})"));
  REQUIRE(g.size() == 1);
  CHECK(g[0].subject == "A");
  CHECK(assessments(R"({"assessments": [{"subject": "A", "period": "2026-10", "score": 80.0001}]})")
            .assessments[0]
            .score->value == pmq::fraction(800001, 10000));
  // written back: a whole thousandth as a number, anything else as its exact fraction
  const auto req = assessments(R"({"assessments": [
    {"subject": "A", "period": "2026-10", "score": "89.5"},
    {"subject": "A", "period": "2026-11", "score": "26999/300"}]})");
  const auto j = pmq::to_json_value(req);
  CHECK(j["assessments"][0]["score"] == 89.5);
  CHECK(j["assessments"][1]["score"] == "26999/300");
}

TEST_CASE("R-SCORE-6 bad assessments", "[R-SCORE-6][bad-input]") {
  auto e = error_of([] {
    pmq::consecutive_failures(
        assessments(R"({"assessments": [{"subject": "A", "period": "2026-13", "score": 80}]})"));
  });
  CHECK(has_problem(e, "assessments[0].period", "not a period"));
  e = error_of([] {
    pmq::consecutive_failures(assessments(
        R"({"assessments": [{"subject": "A", "period": "2026-12", "score": 80, "passed": false}]})"));
  });
  CHECK(has_problem(e, "assessments[0].passed", "not both"));
  e = error_of([] {
    pmq::consecutive_failures(
        assessments(R"({"assessments": [{"subject": "A", "period": "2026-12"}]})"));
  });
  CHECK(has_problem(e, "assessments[0]", "give score or passed"));
  e = error_of([] {
    pmq::consecutive_failures(
        assessments(R"({"assessments": [{"subject": "A", "period": "2026-10", "score": 80},
      {"subject": "A", "period": "2026-10-15", "score": 80}]})"));
  });
  CHECK(has_problem(e, "assessments[1].period", "overlaps"));
  e = error_of([] {
    assessments(R"({"assessments": [{"subject": "A", "period": "2026-10", "score": [80]}]})");
  });
  CHECK(has_problem(e, "assessments[0].score", "expected a number or an exact value"));
}
