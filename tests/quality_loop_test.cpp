// Closing the quality loop (issue 14): per-notice deadlines and severity (R-CAL-11), corrective
// and preventive actions (R-CAL-12), follow-ups in the plan (R-CAL-13), coverage of planned
// checks (R-CAL-14), household visits aggregated (R-CAL-15).
#include "pmq/coverage.hpp"
#include "pmq/rectification.hpp"
#include "pmq/scoring.hpp"
#include "pmq/standard.hpp"

#include "test_support.hpp"

using pmq_test::error_of;
using pmq_test::has_problem;

namespace {

pmq::date d(const char *s) { return *pmq::parse_date(s); }

std::vector<pmq::rectification_event> events(const std::string &text) {
  return pmq::from_json_value<std::vector<pmq::rectification_event>>(pmq::parse_json(text));
}

const pmq::order_status &find(const std::vector<pmq::order_status> &v, const std::string &id) {
  for (const auto &s : v)
    if (s.order == id) return s;
  FAIL("no order " << id);
  throw;
}

using st = pmq::rectification_state;
using cs = pmq::capa_state;

} // namespace

// --- R-CAL-11 ---------------------------------------------------------------------------------

TEST_CASE("R-CAL-11 a notice's own due date: due on the day, overdue the day after", "[R-CAL-11]") {
  const auto ev = events(R"([
    {"order": "A", "kind": "issued", "date": "2026-11-02", "project": "P", "due": "2026-11-05",
     "department": "工程部", "responsible": "李工", "scope": "branch"},
    {"order": "B", "kind": "issued", "date": "2026-11-02", "project": "P"}])");
  const auto on_5 = pmq::rectification_states(ev, d("2026-11-05"));
  CHECK(find(on_5, "A").due == d("2026-11-05"));
  CHECK(find(on_5, "A").due_from == "notice");
  CHECK(find(on_5, "A").state == st::issued);
  CHECK(find(on_5, "A").responsible == std::optional<std::string>("李工"));
  CHECK(find(on_5, "A").scope == pmq::circulation_scope::branch);
  const auto on_6 = pmq::rectification_states(ev, d("2026-11-06"));
  CHECK(find(on_6, "A").state == st::overdue);
  CHECK(find(on_6, "A").days_overdue == 1);
  // R-CAL-6 stays the default: B is due a week after receipt
  CHECK(find(on_6, "B").due == d("2026-11-09"));
  CHECK(find(on_6, "B").due_from == "R-CAL-6");
  CHECK(find(on_6, "B").state == st::issued);
  CHECK(pmq::overdue_orders(on_6) == std::vector<std::string>{"A"});
}

TEST_CASE("R-CAL-11 days from receipt, in the calendar's days; a second notice keeps them",
          "[R-CAL-11]") {
  const auto ev = events(R"([
    {"order": "A", "kind": "issued", "date": "2026-11-02", "received": "2026-11-03",
     "project": "P", "days": 3},
    {"order": "A", "kind": "rectified", "date": "2026-11-06"},
    {"order": "A", "kind": "reinspected", "date": "2026-11-10", "passed": false}])");
  const auto on_7 = pmq::rectification_states(ev, d("2026-11-07"));
  CHECK(find(on_7, "A").due == d("2026-11-06"));
  CHECK_FALSE(find(on_7, "A").rectified_late); // reported on the due day
  const auto on_13 = pmq::rectification_states(ev, d("2026-11-13"));
  CHECK(find(on_13, "A").due == d("2026-11-13")); // the second notice: 3 days from 11-10
  CHECK(find(on_13, "A").state == st::failed);
  CHECK(pmq::rectification_states(ev, d("2026-11-14"))[0].state == st::overdue);
  // on a working-day calendar, 3 working days from Friday 11-06 are Mon, Tue, Wed
  pmq::business_calendar wd;
  wd.basis = pmq::day_basis::working_days;
  const auto w = events(R"([{"order": "W", "kind": "issued", "date": "2026-11-06",
                             "project": "P", "days": 3}])");
  CHECK(pmq::rectification_states(w, d("2026-11-06"), wd)[0].due == d("2026-11-11"));
}

TEST_CASE("R-CAL-11 late is judged against the notice's own due date", "[R-CAL-11]") {
  for (const auto &[done, late] : {std::pair{"2026-11-05", false}, {"2026-11-06", true}}) {
    const auto ev = events(std::string(R"([
      {"order": "A", "kind": "issued", "date": "2026-11-02", "project": "P", "due": "2026-11-05"},
      {"order": "A", "kind": "rectified", "date": ")") +
                           done + R"("}])");
    CHECK(pmq::rectification_states(ev, d("2026-11-30"))[0].rectified_late == late);
  }
}

TEST_CASE("R-CAL-11 R-CAL-12 default deadlines per severity", "[R-CAL-11][R-CAL-12]") {
  const auto ev = events(R"([
    {"order": "M", "kind": "issued", "date": "2026-11-02", "project": "P", "severity": "major"},
    {"order": "Q", "kind": "issued", "date": "2026-11-02", "project": "P",
     "severity": "potential"},
    {"order": "O", "kind": "issued", "date": "2026-11-02", "project": "P",
     "severity": "ordinary"}])");
  pmq::deadline_rules rules;
  rules.major_days = 3;
  const auto s = pmq::rectification_states(ev, d("2026-11-05"), {}, rules);
  CHECK(find(s, "M").due == d("2026-11-05"));
  CHECK(find(s, "M").due_from == "severity");
  CHECK(find(s, "Q").due == d("2026-11-09")); // no potential_days: R-CAL-6's week
  CHECK(find(s, "Q").due_from == "R-CAL-6");
  CHECK(find(s, "O").due == d("2026-11-09"));
  // the default rules: every severity gets the week
  CHECK(find(pmq::rectification_states(ev, d("2026-11-05")), "M").due == d("2026-11-09"));
  rules.potential_days = 0;
  pmq::problem_list problems;
  pmq::check_rules(rules, "rules", problems);
  REQUIRE(problems.items().size() == 1);
  CHECK(problems.items()[0].path == "rules.potential_days");
}

TEST_CASE("R-CAL-11 bad notice deadlines", "[R-CAL-11]") {
  auto e = error_of([] {
    pmq::rectification_states(events(R"([
      {"order": "A", "kind": "issued", "date": "2026-11-05", "project": "P", "due": "2026-11-04"},
      {"order": "B", "kind": "issued", "date": "2026-11-05", "project": "P", "due": "2026-11-09",
       "days": 3},
      {"order": "C", "kind": "issued", "date": "2026-11-05", "project": "P", "days": 0},
      {"order": "D", "kind": "issued", "date": "2026-11-05", "project": "P", "received":
       "2026-11-07", "due": "2026-11-06"},
      {"order": "A", "kind": "rectified", "date": "2026-11-06", "severity": "major"}])"),
                              d("2026-11-30"));
  });
  CHECK(has_problem(e, "events[0].due", "before the event's date"));
  CHECK(has_problem(e, "events[1].days", "not both"));
  CHECK(has_problem(e, "events[2].days", "1..366"));
  CHECK(has_problem(e, "events[3].due", "before the notice was received"));
  CHECK(has_problem(e, "events[4].severity", "not used by a \"rectified\" event"));
  // the due day itself is allowed
  CHECK_NOTHROW(pmq::rectification_states(
      events(R"([{"order": "A", "kind": "issued", "date": "2026-11-05", "project": "P",
                  "due": "2026-11-05"}])"),
      d("2026-11-30")));
}

TEST_CASE("R-CAL-5 R-CAL-11 the status table honours per-notice deadlines",
          "[R-CAL-5][R-CAL-11][R-CAL-12]") {
  const auto ev = events(R"([
    {"order": "A", "kind": "issued", "date": "2026-11-02", "project": "P", "due": "2026-11-05"},
    {"order": "B", "kind": "issued", "date": "2026-11-02", "project": "P", "severity": "major"},
    {"order": "C", "kind": "issued", "date": "2026-11-02", "project": "P"},
    {"order": "C", "kind": "rectified", "date": "2026-11-06"},
    {"order": "C", "kind": "reinspected", "date": "2026-11-07", "passed": true}])");
  const auto t = pmq::rectification_status_table(ev, {2026, 11}, d("2026-11-06"));
  CHECK(t.total.issued == 3);
  CHECK(t.total.overdue == 1); // A: its own deadline passed; B is in R-CAL-6's week
  CHECK(t.total.open == 1);
  CHECK(t.total.major == 1);
  CHECK(t.total.capa_open == 1); // B needs an action
  CHECK(t.total.awaiting_reinspection == 1);
  const auto t2 = pmq::rectification_status_table(ev, {2026, 11}, d("2026-11-07"));
  CHECK(t2.total.closed == 1);
}

// --- R-CAL-12 ---------------------------------------------------------------------------------

namespace {
const char *capa_story = R"([
  {"order": "M", "kind": "issued", "date": "2026-11-02", "project": "P", "severity": "major"},
  {"order": "M", "kind": "capa_opened", "date": "2026-11-03", "owner": "工程部经理",
   "approver": "副总经理", "due": "2026-11-20"},
  {"order": "M", "kind": "rectified", "date": "2026-11-06"},
  {"order": "M", "kind": "reinspected", "date": "2026-11-10", "passed": true},
  {"order": "M", "kind": "capa_implemented", "date": "2026-11-21"},
  {"order": "M", "kind": "capa_verified", "date": "2026-11-25", "effective": false,
   "due": "2026-12-10"},
  {"order": "M", "kind": "capa_implemented", "date": "2026-12-05"},
  {"order": "M", "kind": "capa_verified", "date": "2026-12-08", "effective": true}])";
}

TEST_CASE("R-CAL-12 a major finding needs a CAPA verified effective before the order closes",
          "[R-CAL-12]") {
  const auto ev = events(capa_story);
  const auto on_2 = pmq::rectification_states(ev, d("2026-11-02"));
  REQUIRE(on_2[0].capa);
  CHECK(on_2[0].capa->state == cs::required);
  const auto on_10 = pmq::rectification_states(ev, d("2026-11-10"));
  CHECK(on_10[0].state == st::passed);
  CHECK_FALSE(on_10[0].closed); // the action is still open
  CHECK(on_10[0].capa->state == cs::open);
  CHECK(on_10[0].capa->owner == std::optional<std::string>("工程部经理"));
  CHECK(on_10[0].capa->approver == std::optional<std::string>("副总经理"));
  // due on 11-20: not overdue that day, overdue the day after
  const auto on_20 = pmq::rectification_states(ev, d("2026-11-20"));
  CHECK_FALSE(on_20[0].capa->overdue);
  CHECK(pmq::overdue_capas(on_20).empty());
  const auto on_21 = pmq::rectification_states(ev, d("2026-11-21"));
  CHECK(on_21[0].capa->state == cs::implemented); // implemented that day: no longer open
  const auto ev_late = events(R"([
    {"order": "M", "kind": "issued", "date": "2026-11-02", "project": "P", "severity": "major"},
    {"order": "M", "kind": "capa_opened", "date": "2026-11-03", "owner": "o", "approver": "a",
     "due": "2026-11-20"}])");
  const auto late = pmq::rectification_states(ev_late, d("2026-11-21"));
  CHECK(late[0].capa->overdue);
  CHECK(late[0].capa->days_overdue == 1);
  CHECK(pmq::overdue_capas(late) == std::vector<std::string>{"M"});
  // not effective: reopened with a new due date
  const auto on_25 = pmq::rectification_states(ev, d("2026-11-25"));
  CHECK(on_25[0].capa->state == cs::open);
  CHECK(on_25[0].capa->reopened == 1);
  CHECK(on_25[0].capa->due == d("2026-12-10"));
  CHECK_FALSE(on_25[0].closed);
  const auto on_dec8 = pmq::rectification_states(ev, d("2026-12-08"));
  CHECK(on_dec8[0].capa->state == cs::effective);
  CHECK(on_dec8[0].closed);
}

TEST_CASE("R-CAL-12 an ordinary finding gets a CAPA on request; potential ones need one",
          "[R-CAL-12]") {
  const auto ev = events(R"([
    {"order": "O", "kind": "issued", "date": "2026-11-02", "project": "P"},
    {"order": "O", "kind": "capa_opened", "date": "2026-11-02", "owner": "o", "approver": "a",
     "due": "2026-11-02"},
    {"order": "Q", "kind": "issued", "date": "2026-11-02", "project": "P",
     "severity": "potential"},
    {"order": "Q", "kind": "rectified", "date": "2026-11-03"},
    {"order": "Q", "kind": "reinspected", "date": "2026-11-04", "passed": true}])");
  const auto s = pmq::rectification_states(ev, d("2026-11-04"));
  CHECK(find(s, "O").capa->state == cs::open);
  CHECK(find(s, "O").capa->overdue); // due 11-02, now 11-04
  CHECK(find(s, "Q").capa->state == cs::required);
  CHECK_FALSE(find(s, "Q").closed);
  CHECK(find(s, "Q").state == st::passed);
}

TEST_CASE("R-CAL-12 bad actions: unknown order, verification before implementation, ...",
          "[R-CAL-12]") {
  const auto head = std::string(R"([
    {"order": "M", "kind": "issued", "date": "2026-11-02", "project": "P", "severity": "major"},)");
  const auto first_problem = [&](const std::string &tail) {
    return error_of([&] { pmq::rectification_states(events(head + tail), d("2026-11-30")); });
  };
  CHECK(has_problem(first_problem(R"({"order": "X", "kind": "capa_opened", "date": "2026-11-03",
     "owner": "o", "approver": "a", "due": "2026-11-20"}])"),
                    "events[1].order", "has no \"issued\" event"));
  CHECK(has_problem(first_problem(R"({"order": "M", "kind": "capa_opened", "date": "2026-11-03",
     "owner": "o", "approver": "a", "due": "2026-11-20"},
     {"order": "M", "kind": "capa_verified", "date": "2026-11-04", "effective": true}])"),
                    "events[2].kind", "verification before implementation"));
  CHECK(has_problem(first_problem(R"({"order": "M", "kind": "capa_implemented",
     "date": "2026-11-04"}])"),
                    "events[1].kind", "no corrective/preventive action was opened"));
  CHECK(has_problem(first_problem(R"({"order": "M", "kind": "capa_opened", "date": "2026-11-03",
     "owner": "o", "approver": "a", "due": "2026-11-20"},
     {"order": "M", "kind": "capa_opened", "date": "2026-11-04", "owner": "o", "approver": "a",
      "due": "2026-11-20"}])"),
                    "events[2].kind", "already open"));
  const auto e = first_problem(R"({"order": "M", "kind": "capa_opened", "date": "2026-11-03",
     "due": "2026-11-02"},
     {"order": "M", "kind": "capa_verified", "date": "2026-11-04", "effective": false},
     {"order": "M", "kind": "capa_verified", "date": "2026-11-04"}])");
  CHECK(has_problem(e, "events[1].owner", "owner"));
  CHECK(has_problem(e, "events[1].approver", "approver"));
  CHECK(has_problem(e, "events[1].due", "before the event's date"));
  CHECK(has_problem(e, "events[2].due", "new due date"));
  CHECK(has_problem(e, "events[3].effective", "whether the action worked"));
}

// --- R-CAL-13 ---------------------------------------------------------------------------------

namespace {
pmq::plan_request december(const std::string &extra) {
  return pmq::plan_request_from_json(pmq::parse_json(
      R"({"from": "2026-12-01", "to": "2026-12-31", "projects": ["P-01", "P-02"], "seed": 1,
          "options": {"daily": false, "night_checks_per_month": 0, "branch_day": 0})" +
      extra + "}"));
}

std::vector<pmq::plan_slot> of_level(const pmq::inspection_plan &p, pmq::check_level l) {
  std::vector<pmq::plan_slot> out;
  for (const auto &s : p.slots)
    if (s.level == l) out.push_back(s);
  return out;
}

const char *open_orders = R"(, "rectification": [
  {"order": "R-1", "kind": "issued", "date": "2026-11-25", "project": "P-01"},
  {"order": "R-2", "kind": "issued", "date": "2026-11-20", "project": "P-01"},
  {"order": "R-3", "kind": "issued", "date": "2026-11-20", "project": "P-02"},
  {"order": "R-3", "kind": "rectified", "date": "2026-11-22"},
  {"order": "R-3", "kind": "reinspected", "date": "2026-11-28", "passed": true},
  {"order": "R-4", "kind": "issued", "date": "2026-12-10", "project": "P-02"},
  {"order": "R-5", "kind": "issued", "date": "2026-11-25", "project": "P-09"},
  {"order": "R-6", "kind": "issued", "date": "2026-11-10", "project": "P-02", "severity": "major"},
  {"order": "R-6", "kind": "capa_opened", "date": "2026-11-10", "owner": "o", "approver": "a",
   "due": "2026-12-15"},
  {"order": "R-6", "kind": "rectified", "date": "2026-11-12"},
  {"order": "R-6", "kind": "reinspected", "date": "2026-11-20", "passed": true},
  {"order": "R-7", "kind": "issued", "date": "2026-11-30", "project": "P-02", "due": "2027-01-15"},
  {"order": "R-8", "kind": "issued", "date": "2026-11-24", "project": "P-02"}])";
} // namespace

TEST_CASE("R-CAL-13 the plan follows up the orders open at its start, by their due dates",
          "[R-CAL-13]") {
  const auto plan = pmq::plan_inspections(december(open_orders));
  const auto f = of_level(plan, pmq::check_level::follow_up);
  REQUIRE(f.size() == 5);
  // by day: R-2 overdue since 11-28 → the plan's first day; R-8 due 12-01 = the first day;
  // R-1 due 12-02; R-6 passed but its CAPA is due 12-15; R-7 due after the plan → its last day
  CHECK(f[0].order == std::optional<std::string>("R-2"));
  CHECK(f[0].day == d("2026-12-01"));
  CHECK(f[0].due == d("2026-11-27"));
  CHECK(f[1].order == std::optional<std::string>("R-8"));
  CHECK(f[1].day == d("2026-12-01"));
  CHECK(f[2].order == std::optional<std::string>("R-1"));
  CHECK(f[2].day == d("2026-12-02"));
  CHECK(f[2].rule == "R-CAL-13");
  CHECK(f[3].order == std::optional<std::string>("R-6"));
  CHECK(f[3].day == d("2026-12-15"));
  CHECK(f[4].order == std::optional<std::string>("R-7"));
  CHECK(f[4].day == d("2026-12-31"));
  // R-3 closed, R-4 issued after the start, R-5 not a project of the plan: no follow-up
  // the plan without orders has no follow-ups (and the same other slots)
  const auto plain = pmq::plan_inspections(december(""));
  CHECK(of_level(plain, pmq::check_level::follow_up).empty());
  CHECK(plain.slots.size() + 5 == plan.slots.size());
}

TEST_CASE("R-CAL-13 on a working-day calendar the follow-up comes before a weekend due date",
          "[R-CAL-13]") {
  auto req = december(R"(, "calendar": {"basis": "working_days"}, "rules":
    {"rectification_working_days": 4}, "rectification": [
    {"order": "R-1", "kind": "issued", "date": "2026-11-30", "project": "P-01", "due": "2026-12-05"},
    {"order": "R-2", "kind": "issued", "date": "2026-11-30", "project": "P-01", "due": "2026-12-04"}])");
  const auto f = of_level(pmq::plan_inspections(req), pmq::check_level::follow_up);
  REQUIRE(f.size() == 2);
  CHECK(f[0].day == d("2026-12-04")); // Saturday 12-05 → Friday 12-04
  CHECK(f[1].day == d("2026-12-04")); // Friday 12-04 itself
}

TEST_CASE("R-CAL-13 pinned follow-ups and their errors", "[R-CAL-13]") {
  const auto ok = of_level(
      pmq::plan_inspections(december(std::string(open_orders) +
                                     R"(, "follow_ups": [{"order": "R-1", "day": "2026-12-03"}])")),
      pmq::check_level::follow_up);
  CHECK(ok[2].order == std::optional<std::string>("R-1"));
  CHECK(ok[2].day == d("2026-12-03"));
  auto e = error_of([] {
    pmq::plan_inspections(december(std::string(open_orders) + R"(, "follow_ups": [
      {"order": "R-3", "day": "2026-12-03"}, {"order": "R-X", "day": "2026-12-03"},
      {"order": "R-1", "day": "2027-01-03"}, {"order": "R-5", "day": "2026-12-03"},
      {"order": "R-1", "day": "2026-12-04"}])"));
  });
  CHECK(has_problem(e, "follow_ups[0].order", "is closed on 2026-12-01"));
  CHECK(has_problem(e, "follow_ups[1].order", "no order \"R-X\""));
  CHECK(has_problem(e, "follow_ups[2].day", "outside the plan"));
  CHECK(has_problem(e, "follow_ups[3].order", "not a project of the plan"));
  CHECK(has_problem(e, "follow_ups[4].order", "a second follow-up day"));
  auto bad_events = error_of([] {
    pmq::plan_inspections(december(R"(, "rectification": [
      {"order": "R-1", "kind": "rectified", "date": "2026-11-25"}])"));
  });
  CHECK(has_problem(bad_events, "rectification[0].order", "has no \"issued\" event"));
}

TEST_CASE("R-CAL-14 quarterly, year-end and special checks are plannable levels", "[R-CAL-14]") {
  const auto plan = pmq::plan_inspections(december(R"(, "special": [
    {"day": "2026-12-08", "what": "消防专项检查"},
    {"day": "2026-12-09", "project": "P-02", "what": "电梯专项检查"}])"));
  const auto sp = of_level(plan, pmq::check_level::special);
  REQUIRE(sp.size() == 3);
  CHECK(sp[0].project == "P-01");
  CHECK(sp[1].project == "P-02");
  CHECK(sp[2].what == std::optional<std::string>("电梯专项检查"));
  CHECK(sp[2].rule == "R-CAL-14");
  CHECK(of_level(plan, pmq::check_level::quarterly).empty()); // off by default
  CHECK(of_level(plan, pmq::check_level::year_end).empty());
  auto req = pmq::plan_request_from_json(pmq::parse_json(
      R"({"from": "2026-10-01", "to": "2026-12-31", "projects": ["P-01"], "seed": 1,
          "options": {"quarterly_day": 10, "year_end_day": 20}})"));
  const auto p2 = pmq::plan_inspections(req);
  const auto q = of_level(p2, pmq::check_level::quarterly);
  REQUIRE(q.size() == 1);
  CHECK(q[0].day == d("2026-12-10")); // the quarter's third month (joint_month_of_quarter 3)
  const auto y = of_level(p2, pmq::check_level::year_end);
  REQUIRE(y.size() == 1);
  CHECK(y[0].day == d("2026-12-20"));
  auto e = error_of([] {
    pmq::plan_inspections(december(R"(, "special": [{"day": "2027-01-02", "what": ""},
      {"day": "2026-12-02", "project": "P-09", "what": "x"}])"));
  });
  CHECK(has_problem(e, "special[0].day", "outside the plan"));
  CHECK(has_problem(e, "special[0].what", "must not be empty"));
  CHECK(has_problem(e, "special[1].project", "not a project of the plan"));
  auto e2 = error_of([] {
    pmq::plan_inspections(pmq::plan_request_from_json(pmq::parse_json(
        R"({"from": "2026-12-01", "to": "2026-12-31", "projects": ["P"], "seed": 1,
            "options": {"year_end_day": 32, "quarterly_day": 32}})")));
  });
  CHECK(has_problem(e2, "options.year_end_day", "1..31"));
  CHECK(has_problem(e2, "options.quarterly_day", "1..31"));
}

// --- R-CAL-14 ---------------------------------------------------------------------------------

namespace {
pmq::coverage_report coverage(const std::string &performed, const char *as_of, int grace,
                              const std::string &extra = "") {
  return pmq::inspection_coverage(pmq::coverage_request_from_json(pmq::parse_json(
      R"({"plan": {"from": "2026-12-07", "to": "2026-12-20", "seed": 0, "slots": [
        {"day": "2026-12-07", "project": "P-01", "level": "daily", "rule": "R-CAL-1", "unannounced": false},
        {"day": "2026-12-08", "project": "P-01", "level": "daily", "rule": "R-CAL-1", "unannounced": false},
        {"day": "2026-12-09", "project": "P-01", "level": "daily", "rule": "R-CAL-1", "unannounced": false},
        {"day": "2026-12-07", "project": "P-02", "level": "weekly", "rule": "R-CAL-1", "unannounced": false}]},
        "performed": )" +
      performed + R"(, "as_of": ")" + as_of + R"(", "grace_days": )" + std::to_string(grace) +
      extra + "}")));
}
const char *done = R"([{"day": "2026-12-07", "project": "P-01", "level": "daily"},
                       {"day": "2026-12-11", "project": "P-01", "level": "daily"},
                       {"day": "2026-12-06", "project": "P-02", "level": "weekly"}])";
} // namespace

TEST_CASE("R-CAL-14 each planned slot is on time, late within the grace, missed or pending",
          "[R-CAL-14]") {
  using ss = pmq::slot_state;
  // grace 3: 12-11 is 3 days after the 12-08 slot: late
  const auto g3 = coverage(done, "2026-12-20", 3);
  CHECK(g3.slots[0].state == ss::on_time);
  CHECK(g3.slots[1].state == ss::late);
  CHECK(g3.slots[1].days_late == 3);
  CHECK(g3.slots[1].performed == std::optional<std::size_t>(1));
  CHECK(g3.slots[2].state == ss::missed); // 12-11 went to 12-08
  CHECK(g3.slots[3].state == ss::missed); // a check the day before is not this slot's
  CHECK(g3.unplanned == std::vector<std::size_t>{2});
  CHECK(g3.total.on_time == 1);
  CHECK(g3.total.late == 1);
  CHECK(g3.total.missed == 2);
  CHECK(g3.total.coverage_rate.value.value() == pmq::fraction(1, 2));
  CHECK(g3.projects[0].coverage_rate.value.value() == pmq::fraction(2, 3));
  CHECK(g3.projects[0].on_time_rate.value.value() == pmq::fraction(1, 3));
  // grace 2: the same check is one day too late for 12-08, and 2 days late for 12-09
  const auto g2 = coverage(done, "2026-12-20", 2);
  CHECK(g2.slots[1].state == ss::missed);
  CHECK(g2.slots[2].state == ss::late);
  CHECK(g2.slots[2].days_late == 2);
  CHECK(g2.unplanned == std::vector<std::size_t>{2});
  // grace 0: nothing is late
  const auto g0 = coverage(done, "2026-12-20", 0);
  CHECK(g0.total.late == 0);
  CHECK(g0.unplanned == std::vector<std::size_t>{1, 2});
  // pending until day + grace has passed: 12-09 + 3 = 12-12
  CHECK(coverage("[]", "2026-12-12", 3).slots[2].state == ss::pending);
  CHECK(coverage("[]", "2026-12-13", 3).slots[2].state == ss::missed);
}

TEST_CASE("R-CAL-14 nothing due yet: coverage is no data, not 0 % or 100 %", "[R-CAL-14]") {
  const auto r = coverage("[]", "2026-12-07", 3);
  CHECK(r.total.pending == 4);
  CHECK_FALSE(r.total.coverage_rate.value.has_value());
  const auto j = pmq::to_json(r);
  CHECK(j.at("total").at("coverage_rate").is_null());
  const auto g = pmq::to_json(coverage(done, "2026-12-20", 3));
  CHECK(g.at("total").at("coverage_rate").at("exact") == "1/2");
  CHECK(g.at("total").at("coverage_rate").at("value") == "50.00");
}

TEST_CASE("R-CAL-14 weekly supervision patrols per project and area, with the gaps", "[R-CAL-14]") {
  const std::string patrols = R"([{"day": "2026-12-09", "project": "P-01", "level": "supervision"},
    {"day": "2026-12-16", "project": "P-01", "level": "supervision"},
    {"day": "2026-12-13", "project": "P-02", "level": "supervision"}])";
  const std::string areas = R"(, "areas": {"小站片区": ["P-01", "P-02"]})";
  const auto r = coverage(patrols, "2026-12-20", 3, areas);
  REQUIRE(r.patrols.size() == 3);
  CHECK(r.patrols[0].project == "P-01");
  CHECK(r.patrols[0].weeks == 2);
  CHECK(r.patrols[0].patrolled == 2);
  CHECK(r.patrols[1].patrolled == 1); // Sunday 12-13 is the first week's last day
  CHECK(r.patrols[1].gaps == std::vector<pmq::date>{d("2026-12-14")});
  CHECK(r.patrols[2].project == "*");
  CHECK(r.patrols[2].rate.value.value() == pmq::fraction(3, 4));
  CHECK(r.unplanned.empty()); // patrols are not planned slots
  // the second week ends on 12-20: on 12-19 only one week counts
  CHECK(coverage(patrols, "2026-12-19", 3, areas).patrols[0].weeks == 1);
  // before any whole week has ended: no data
  CHECK_FALSE(coverage("[]", "2026-12-12", 3, areas).patrols[2].rate.value.has_value());
}

TEST_CASE("R-CAL-14 bad coverage requests", "[R-CAL-14]") {
  auto e = error_of([] {
    coverage(R"([{"day": "2026-12-21", "project": "P-01", "level": "daily"}])", "2026-12-20", 400,
             R"(, "areas": {"A": ["P-01", "P-09"], "B": ["P-01"]})");
  });
  CHECK(has_problem(e, "performed[0].day", "after as_of"));
  CHECK(has_problem(e, "grace_days", "0..366"));
  CHECK(has_problem(e, "areas.A[1]", "no slot in the plan"));
  CHECK(has_problem(e, "areas.B[0]", "already in area \"A\""));
}

// --- R-CAL-15 ---------------------------------------------------------------------------------

TEST_CASE("R-CAL-15 household answers aggregate into the inspection's satisfaction",
          "[R-CAL-15][R-CAL-7]") {
  const auto i = pmq::load_inspection(R"({"id": "I", "responses": [], "households": [
    {"id": "3-2-501", "ratings": {"保洁": "satisfied", "绿化": "basically_satisfied",
                                  "秩序维护": "unsatisfied"}, "complaint": "handled"},
    {"id": "3-2-502", "ratings": {"保洁": "satisfied", "绿化": "satisfied"},
     "complaint": "not_handled"},
    {"id": "1-1-101", "ratings": {"保洁": "basically_satisfied"}}]})");
  const auto r = pmq::score(pmq::builtin_standard(), i);
  REQUIRE(r.households);
  const auto &h = *r.households;
  CHECK(h.visited == 3);
  CHECK(h.ratings.satisfied == 3);
  CHECK(h.ratings.basically_satisfied == 2);
  CHECK(h.ratings.unsatisfied == 1);
  CHECK(h.satisfaction_rate.value.value() == pmq::fraction(5, 6));
  CHECK(h.complaints == 2);
  CHECK(h.handled_properly == 1);
  CHECK(h.complaint_handling_rate.value.value() == pmq::fraction(1, 2));
  const auto j = pmq::to_json(r).at("households");
  CHECK(j.at("satisfaction_rate").at("exact") == "5/6");
  CHECK(j.at("satisfaction_rate").at("value") == "83.33");
  // no household had a complaint: no data
  const auto none = pmq::score(pmq::builtin_standard(),
                               pmq::load_inspection(R"({"id": "I", "responses": [], "households": [
    {"id": "1", "ratings": {"保洁": "unsatisfied"}}]})"));
  CHECK(none.households->satisfaction_rate.value.value() == pmq::fraction(0));
  CHECK(pmq::to_json(none).at("households").at("complaint_handling_rate").is_null());
  // no households given: no households object
  CHECK_FALSE(
      pmq::score(pmq::builtin_standard(), pmq::load_inspection(R"({"id": "I", "responses": []})"))
          .households);
}

TEST_CASE("R-CAL-15 bad household answers", "[R-CAL-15]") {
  auto e = error_of([] {
    pmq::score(pmq::builtin_standard(), pmq::load_inspection(R"({"id": "I", "responses": [],
      "households": [{"id": "A"}, {"id": "A"}, {"id": ""}]})"));
  });
  CHECK(has_problem(e, "households[1].id", "visited twice"));
  CHECK(has_problem(e, "households[2].id", "must not be empty"));
  auto e2 = error_of([] {
    pmq::load_inspection(R"({"id": "I", "responses": [],
      "households": [{"id": "A", "ratings": {"保洁": "happy"}, "complaint": "maybe"}]})");
  });
  CHECK(has_problem(e2, "households[0].ratings.保洁", "unknown value \"happy\""));
  CHECK(has_problem(e2, "households[0].complaint", "unknown value \"maybe\""));
}

TEST_CASE("R-CAL-11 R-CAL-12 the worked example of docs/rectification.md", "[R-CAL-11][R-CAL-12]") {
  auto j = pmq::parse_json(pmq_test::read_file(PMQ_TEST_DATA "/valid/quality_loop_status.json"));
  const auto r = pmq::rectification_status(pmq::rectification_status_request_from_json(j));
  const auto &m = r.orders.at(0);
  CHECK(m.due == d("2026-11-05"));
  CHECK(m.due_from == "severity");
  CHECK_FALSE(m.rectified_late);
  CHECK(m.state == st::passed);
  CHECK_FALSE(m.closed);
  CHECK(m.capa->overdue);
  CHECK(m.capa->days_overdue == 1);
  CHECK(r.overdue_capas == std::vector<std::string>{"M"});
  j["as_of"] = "2026-11-20";
  CHECK(pmq::rectification_status(pmq::rectification_status_request_from_json(j))
            .overdue_capas.empty());
}
