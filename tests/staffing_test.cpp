#include "pmq/staffing.hpp"

#include "test_support.hpp"

using namespace pmq_test;
using pmq::date;
using pmq::money;

namespace {
date d(const char *s) { return *pmq::parse_date(s); }

// November 2026 (30 days): 4 cleaners, 1 security guard; a supervisor who patrols.
pmq::staffing_month november() {
  pmq::staffing_month m;
  m.supplier = "SUP-CLEAN";
  m.year = 2026;
  m.month = 11;
  m.contract = {{"保洁员", pmq::role_kind::cleaner, 4, false},
                {"秩序维护员", pmq::role_kind::security, 1, true},
                {"主管", pmq::role_kind::manager, 1, false}};
  m.roster = {{"C1", "张", "保洁员", d("1980-03-01"), false, false},
              {"C2", std::nullopt, "保洁员", d("1985-07-15"), false, false},
              {"C3", std::nullopt, "保洁员", d("1990-01-01"), false, false},
              {"C4", std::nullopt, "保洁员", d("1976-11-01"), false, false},
              {"S1", std::nullopt, "秩序维护员", d("1995-05-05"), true, false},
              {"M1", std::nullopt, "主管", d("1982-02-02"), false, true}};
  m.roster_submitted = d("2026-11-03");
  m.attendance = {{"保洁员", std::vector<std::uint32_t>(30, 4)},
                  {"秩序维护员", std::vector<std::uint32_t>(30, 1)},
                  {"主管", std::vector<std::uint32_t>(30, 1)}};
  m.patrols = {{"M1", std::vector<std::optional<std::uint32_t>>(30, 2u)}};
  return m;
}

pmq::staff_change change(const char *on, std::optional<std::string> left,
                         std::optional<std::string> joined) {
  pmq::staff_change c;
  c.date = d(on);
  c.role = "保洁员";
  c.left = std::move(left);
  c.joined = std::move(joined);
  return c;
}

std::uint32_t incidents(const pmq::staffing_result &r, pmq::incident kind) {
  for (const auto &i : r.incidents)
    if (i.kind == kind) return i.count;
  return 0;
}
} // namespace

TEST_CASE("a compliant month has no violations", "[R-OUT-5][R-OUT-7][R-OUT-8][R-OUT-9][staffing]") {
  const auto r = pmq::check_staffing(november());
  CHECK(r.violations.empty());
  CHECK(r.incidents.empty());
  CHECK(r.days == 30);
  CHECK(r.contracted_person_days == 180);
  CHECK(r.attended_person_days == 180);
  CHECK_FALSE(r.settle_by_attendance);
}

TEST_CASE("a vacancy filled within 3 days is fine; on the 4th day it is not",
          "[R-OUT-5][staffing]") {
  auto m = november();
  // One cleaner short on Nov 10, 11, 12: three days, filled on the 13th.
  for (int day = 9; day < 12; ++day)
    m.attendance[0].present[day] = 3;
  auto r = pmq::check_staffing(m);
  CHECK(r.violations.empty());
  CHECK_FALSE(r.settle_by_attendance);
  CHECK(r.roles[0].vacancy_days == 3);
  CHECK(r.attended_person_days == 177);

  m.attendance[0].present[12] = 3; // still short on the 13th: the 4th day
  r = pmq::check_staffing(m);
  REQUIRE(r.violations.size() == 1);
  CHECK(r.violations[0].rule == "R-OUT-5");
  CHECK(r.violations[0].date == d("2026-11-13"));
  CHECK(r.violations[0].message.find("since 2026-11-10") != std::string::npos);
  CHECK(r.settle_by_attendance);
  CHECK(incidents(r, pmq::incident::unfilled_vacancy) == 1);
  CHECK(r.roles[0].late_vacancies == 1);
  CHECK(r.attended_person_days == 176);
}

namespace {
// December 2026 (31 days), same contract as November.
pmq::staffing_month december() {
  auto m = november();
  m.month = 12;
  m.roster_submitted = d("2026-12-03");
  for (auto &a : m.attendance)
    a.present.resize(31, a.present[0]);
  m.patrols[0].records.resize(31, 2u);
  return m;
}
} // namespace

TEST_CASE("R-OUT-5 a vacancy run crosses the month end: Nov 29 – Dec 2 is four days",
          "[R-OUT-5][staffing]") {
  // November: one cleaner short on the 29th and 30th — two days, no violation yet, open at the
  // month's end
  auto nov = november();
  nov.attendance[0].present[28] = nov.attendance[0].present[29] = 3;
  const auto rn = pmq::check_staffing(nov);
  CHECK(rn.violations.empty());
  CHECK_FALSE(rn.settle_by_attendance);
  REQUIRE(rn.open_vacancies.size() == 1);
  CHECK(rn.open_vacancies[0].role == "保洁员");
  CHECK(rn.open_vacancies[0].since == d("2026-11-29"));

  // December, still short on the 1st and 2nd: issue 9 — the run restarted on Dec 1 and the
  // 4-day vacancy went unseen. With the vacancy carried in it is a violation on Dec 2.
  auto dec = december();
  dec.attendance[0].present[0] = dec.attendance[0].present[1] = 3;
  CHECK(pmq::check_staffing(dec).violations.empty()); // nothing carried: two days only
  dec.carried_vacancies = rn.open_vacancies;
  auto r = pmq::check_staffing(dec);
  REQUIRE(r.violations.size() == 1);
  CHECK(r.violations[0].rule == "R-OUT-5");
  CHECK(r.violations[0].date == d("2026-12-02"));
  CHECK(r.violations[0].message.find("since 2026-11-29") != std::string::npos);
  CHECK(r.settle_by_attendance);
  CHECK(r.roles[0].late_vacancies == 1);
  CHECK(r.roles[0].vacancy_days == 2); // December's own short days
  CHECK(r.open_vacancies.empty());     // filled on the 3rd

  // the other side: filled on Dec 2 — Nov 29, 30, Dec 1 are three days, within the grace
  dec.attendance[0].present[1] = 4;
  r = pmq::check_staffing(dec);
  CHECK(r.violations.empty());
  CHECK_FALSE(r.settle_by_attendance);
  // filled on Dec 1: the carried run simply ends
  dec.attendance[0].present[0] = 4;
  CHECK(pmq::check_staffing(dec).violations.empty());

  // a run already past its grace last month was counted then: no second violation, but the
  // month is settled by attendance while it stays unfilled
  dec = december();
  dec.carried_vacancies = {{"保洁员", d("2026-11-20")}};
  dec.attendance[0].present[0] = 3;
  r = pmq::check_staffing(dec);
  CHECK(r.violations.empty());
  CHECK(r.settle_by_attendance);
  CHECK(r.attended_person_days == 185); // 6 × 31 − 1
  // and one carried in for another role does not touch this one
  dec = december();
  dec.carried_vacancies = {{"秩序维护员", d("2026-11-30")}};
  dec.attendance[0].present[0] = dec.attendance[0].present[1] = 3;
  CHECK(pmq::check_staffing(dec).violations.empty());

  // a run open on the year's last day carries into January the same way
  auto jan = november();
  jan.year = 2027;
  jan.month = 1;
  jan.roster_submitted = d("2027-01-04");
  for (auto &a : jan.attendance)
    a.present.resize(31, a.present[0]);
  jan.patrols[0].records.resize(31, 2u);
  jan.carried_vacancies = {{"保洁员", d("2026-12-31")}};
  jan.attendance[0].present[0] = jan.attendance[0].present[1] = jan.attendance[0].present[2] = 2;
  r = pmq::check_staffing(jan);
  REQUIRE(r.violations.size() == 1);
  CHECK(r.violations[0].date == d("2027-01-03"));
  // short through the month's last day: open, with the day it began
  jan.attendance[0].present[30] = 3;
  r = pmq::check_staffing(jan);
  REQUIRE(r.open_vacancies.size() == 1);
  CHECK(r.open_vacancies[0].since == d("2027-01-31"));
  // through JSON, in and out
  const auto j = pmq::to_json(r);
  CHECK(j["open_vacancies"][0]["since"] == "2027-01-31");
  CHECK(pmq::load_staffing_month(pmq::to_json_value(jan).dump()).carried_vacancies.size() == 1);
}

TEST_CASE("R-OUT-5 carried vacancies are checked with their paths", "[R-OUT-5][staffing][errors]") {
  auto m = december();
  m.carried_vacancies = {{"清洁工", d("2026-11-30")},
                         {"保洁员", d("2026-12-01")},
                         {"秩序维护员", d("2026-11-29")},
                         {"秩序维护员", d("2026-11-30")}};
  const auto e = error_of([&] { pmq::check_staffing(m); });
  CHECK(e.code() == pmq::errc::invalid_input);
  CHECK(has_problem(e, "carried_vacancies[0].role", "no role"));
  CHECK(has_problem(e, "carried_vacancies[1].since", "not before the month"));
  CHECK(has_problem(e, "carried_vacancies[3].role", "a second open vacancy"));
  CHECK(e.problems().size() == 3);
  CHECK(has_problem(
      error_of([] {
        pmq::load_staffing_month(
            R"({"supplier":"S","year":2026,"month":12,"contract":[{"role":"A","headcount":1}],
        "roster":[],"attendance":[{"role":"A","present":[1]}],
        "carried_vacancies":[{"role":"A","since":"2026-11-31"}]})");
      }),
      "carried_vacancies[0].since", "not a valid date"));
}

TEST_CASE("counts in a staffing month are integers", "[R-OUT-5][R-OUT-9][staffing][errors]") {
  const auto e = error_of([] {
    pmq::load_staffing_month(
        R"({"supplier":"S","year":2026,"month":11,"contract":[{"role":"A","headcount":1.5}],
      "roster":[],"attendance":[{"role":"A","present":[1, 0.5]}],
      "patrols":[{"staff":"x","records":[1.5]}]})");
  });
  CHECK(e.code() == pmq::errc::invalid_input);
  CHECK(has_problem(e, "contract[0].headcount", "expected an integer"));
  CHECK(has_problem(e, "attendance[0].present[1]", "expected an integer"));
  CHECK(has_problem(e, "patrols[0].records[0]", "expected an integer"));
  CHECK(has_problem(error_of([] { pmq::load_staffing_rules(R"({"vacancy_grace_days":3.5})"); }),
                    "vacancy_grace_days", "expected an integer"));
}

TEST_CASE("dates near 1400 and 9999 are input errors, not internal ones",
          "[R-OUT-6][R-OUT-8][staffing][errors]") {
  CHECK(pmq::subtract_months(d("1400-02-28"), 1) == d("1400-01-28")); // 1400 is no leap year
  CHECK(error_of([] { pmq::subtract_months(d("1400-01-31"), 1); }).code() ==
        pmq::errc::invalid_input);
  CHECK(pmq::add_years(d("9998-02-28"), 1) == d("9999-02-28"));
  CHECK(error_of([] { pmq::add_years(d("9999-01-01"), 1); }).code() == pmq::errc::invalid_input);
  // a manager change in January 1400 has its month's notice deadline in 1399
  auto m = november();
  m.year = 1400;
  m.month = 1;
  m.roster_submitted = d("1400-01-03");
  for (auto &a : m.attendance)
    a.present.resize(31, a.present[0]);
  m.patrols[0].records.resize(31, 2u);
  for (auto &s : m.roster)
    s.birth_date = d("1400-01-01");
  m.contract[0].kind = m.contract[1].kind = pmq::role_kind::other;
  pmq::staff_change c;
  c.date = d("1400-01-20");
  c.role = "主管";
  c.joined = "M2";
  c.manager = true;
  c.notice_date = d("1400-01-01");
  c.interviewed = true;
  c.handover_start = d("1400-01-05");
  m.changes = {c};
  auto e = error_of([&] { pmq::check_staffing(m); });
  CHECK(e.code() == pmq::errc::invalid_input);
  CHECK(has_problem(e, "changes[0].date", "falls before 1400-01-01"));
  // with no notice period asked for, it is a plain month
  pmq::staffing_rules none;
  none.manager_notice_months = 0;
  CHECK(pmq::check_staffing(m, none).violations.empty());
  // February 1400: the deadline is 1400-01-20, fine
  c.date = d("1400-02-20");
  m.month = 2;
  m.roster_submitted = d("1400-02-03");
  for (auto &a : m.attendance)
    a.present.resize(28, a.present[0]);
  m.patrols[0].records.resize(28, 2u);
  m.changes = {c};
  CHECK(pmq::check_staffing(m).violations.empty());
}

TEST_CASE("vacancy runs and over-staffing", "[R-OUT-5][staffing]") {
  CHECK(pmq::vacancy_runs(4, {4, 3, 3, 4, 2, 2, 2, 2}) == std::vector<std::uint32_t>{2, 4});
  CHECK(pmq::vacancy_runs(1, {1, 1, 2}).empty());
  auto m = november();
  m.attendance[0].present[0] = 6; // extra staff do not earn extra person-days
  CHECK(pmq::check_staffing(m).attended_person_days == 180);
}

TEST_CASE("pro-rata settlement by attendance rounds half up once", "[R-OUT-5][staffing]") {
  // ¥30 000.00 × 176 ÷ 180 = ¥29 333.333… → ¥29 333.33
  CHECK(pmq::settle_by_attendance(money::from_fen(3000000), 176, 180) == money::from_fen(2933333));
  // 1 fen × 1 ÷ 2 = 0.5 fen → 1 fen (half up); 1 ÷ 3 → 0
  CHECK(pmq::settle_by_attendance(money::from_fen(1), 1, 2) == money::from_fen(1));
  CHECK(pmq::settle_by_attendance(money::from_fen(1), 1, 3) == money::from_fen(0));
  CHECK(pmq::settle_by_attendance(money::from_fen(2), 2, 3) == money::from_fen(1));
  CHECK(pmq::settle_by_attendance(money::from_fen(100), 5, 5) == money::from_fen(100));
  // no data
  CHECK(error_of([] { pmq::settle_by_attendance(money::from_fen(100), 0, 0); }).code() ==
        pmq::errc::invalid_argument);
  CHECK(error_of([] { pmq::settle_by_attendance(money::from_fen(100), 6, 5); }).code() ==
        pmq::errc::invalid_argument);
}

TEST_CASE("ages in exact years with the birthday rule", "[R-OUT-8][staffing]") {
  CHECK(pmq::age_on(d("1990-06-15"), d("2026-06-15")) == 36);
  CHECK(pmq::age_on(d("1990-06-15"), d("2026-06-14")) == 35);
  // Feb 29: one year older on Mar 1 in a non-leap year, on Feb 29 in a leap year.
  CHECK(pmq::age_on(d("2000-02-29"), d("2026-02-28")) == 25);
  CHECK(pmq::age_on(d("2000-02-29"), d("2026-03-01")) == 26);
  CHECK(pmq::age_on(d("2000-02-29"), d("2028-02-28")) == 27);
  CHECK(pmq::age_on(d("2000-02-29"), d("2028-02-29")) == 28);
  CHECK(pmq::age_on(d("2000-02-29"), d("2000-02-29")) == 0);
  CHECK(error_of([] { pmq::age_on(d("2000-01-02"), d("2000-01-01")); }).code() ==
        pmq::errc::invalid_argument);
  CHECK(pmq::add_years(d("2024-02-29"), 2) == d("2026-03-01"));
  CHECK(pmq::add_years(d("2024-02-29"), 4) == d("2028-02-29"));
}

TEST_CASE("age ranges by role are inclusive on both ends", "[R-OUT-8][staffing]") {
  const auto range = pmq::age_range_for(pmq::role_kind::cleaner);
  REQUIRE(range);
  CHECK(range->min_age == 30);
  CHECK(range->max_age == 50);
  CHECK(pmq::age_range_for(pmq::role_kind::security)->max_age == 40);
  CHECK(pmq::age_range_for(pmq::role_kind::meeting_service)->min_age == 18);
  CHECK(pmq::age_range_for(pmq::role_kind::maintenance)->max_age == 55);
  CHECK_FALSE(pmq::age_range_for(pmq::role_kind::manager));

  auto m = november();                      // ages on 2026-11-01
  m.roster[3].birth_date = d("1976-11-01"); // 50 on the day: in range
  m.roster[2].birth_date = d("1996-11-01"); // 30 on the day: in range
  CHECK(pmq::check_staffing(m).violations.empty());
  m.roster[3].birth_date = d("1975-11-01"); // 51
  m.roster[2].birth_date = d("1996-11-02"); // 29 (turns 30 the next day)
  const auto r = pmq::check_staffing(m);
  REQUIRE(r.violations.size() == 2);
  CHECK(r.violations[0].subject == "C3");
  CHECK(r.violations[0].message.find("aged 29") != std::string::npos);
  CHECK(r.violations[1].subject == "C4");
  CHECK(r.violations[1].rule == "R-OUT-8");
  CHECK(incidents(r, pmq::incident::age_out_of_range) == 2);
}

TEST_CASE("certified roles need their certificates", "[R-OUT-8][staffing]") {
  auto m = november();
  m.roster[4].certified = false;
  const auto r = pmq::check_staffing(m);
  REQUIRE(r.violations.size() == 1);
  CHECK(r.violations[0].kind == pmq::incident::missing_certificate);
  CHECK(r.violations[0].subject == "S1");
}

TEST_CASE("the roster is due before the 5th", "[R-OUT-7][staffing]") {
  // Default, as calendar.hpp reads "before the 5th": the 5th is on time, the 6th late.
  CHECK(pmq::roster_on_time(d("2026-11-05"), 2026, 11));
  CHECK_FALSE(pmq::roster_on_time(d("2026-11-06"), 2026, 11));
  CHECK(pmq::roster_on_time(d("2026-10-28"), 2026, 11)); // early
  CHECK_FALSE(pmq::roster_on_time(d("2026-12-01"), 2026, 11));
  pmq::staffing_rules strict;
  strict.roster_due_day_inclusive = false;
  CHECK(pmq::roster_on_time(d("2026-11-04"), 2026, 11, strict));
  CHECK_FALSE(pmq::roster_on_time(d("2026-11-05"), 2026, 11, strict));

  auto m = november();
  m.roster_submitted = d("2026-11-06");
  auto r = pmq::check_staffing(m);
  REQUIRE(r.violations.size() == 1);
  CHECK(r.violations[0].kind == pmq::incident::late_roster);
  m.roster_submitted.reset();
  r = pmq::check_staffing(m);
  REQUIRE(r.violations.size() == 1);
  CHECK(r.violations[0].message == "no roster submitted");
}

TEST_CASE("at most two staff changes a month", "[R-OUT-7][staffing]") {
  auto m = november();
  m.changes = {change("2026-11-03", "C9", "C1"), change("2026-11-20", "C8", "C2")};
  CHECK(pmq::check_staffing(m).violations.empty());
  m.changes.push_back(change("2026-11-25", std::nullopt, "C3"));
  const auto r = pmq::check_staffing(m);
  REQUIRE(r.violations.size() == 1);
  CHECK(r.violations[0].kind == pmq::incident::excess_staff_changes);
  CHECK(r.violations[0].count == 1);
  CHECK(r.violations[0].date == d("2026-11-25"));
}

namespace {
pmq::staff_change manager_change(const char *on, const char *notice, const char *handover) {
  pmq::staff_change c;
  c.date = d(on);
  c.role = "主管";
  c.left = "M0";
  c.joined = "M1";
  c.manager = true;
  c.notice_date = d(notice);
  c.interviewed = true;
  c.handover_start = d(handover);
  return c;
}
} // namespace

TEST_CASE("manager changes: notice a month ahead, a week's handover, once a year",
          "[R-OUT-6][staffing]") {
  CHECK(pmq::manager_notice_in_time(d("2026-10-15"), d("2026-11-15")));
  CHECK_FALSE(pmq::manager_notice_in_time(d("2026-10-16"), d("2026-11-15")));
  // Month ends clamp: a change on May 31 needs notice by Apr 30; Mar 31 → Feb 28.
  CHECK(pmq::manager_notice_in_time(d("2026-04-30"), d("2026-05-31")));
  CHECK_FALSE(pmq::manager_notice_in_time(d("2026-05-01"), d("2026-05-31")));
  CHECK(pmq::subtract_months(d("2026-03-31"), 1) == d("2026-02-28"));
  CHECK(pmq::subtract_months(d("2026-01-15"), 1) == d("2025-12-15"));

  auto m = november();
  m.changes = {manager_change("2026-11-15", "2026-10-15", "2026-11-08")};
  CHECK(pmq::check_staffing(m).violations.empty());

  m.changes = {manager_change("2026-11-15", "2026-10-16", "2026-11-09")};
  auto r = pmq::check_staffing(m);
  REQUIRE(r.violations.size() == 2);
  CHECK(r.violations[0].message.find("notice on 2026-10-16") != std::string::npos);
  CHECK(r.violations[1].message.find("shorter than 7 days") != std::string::npos);

  // A second manager change in the same calendar year.
  m.changes = {manager_change("2026-03-01", "2026-01-20", "2026-02-20"),
               manager_change("2026-11-15", "2026-10-15", "2026-11-08")};
  r = pmq::check_staffing(m);
  REQUIRE(r.violations.size() == 1);
  CHECK(r.violations[0].message.find("no. 2 this year") != std::string::npos);
  CHECK(incidents(r, pmq::incident::manager_change_violation) == 1);

  // Not interviewed, no handover.
  auto c = manager_change("2026-11-15", "2026-10-01", "2026-11-01");
  c.interviewed.reset();
  c.handover_start.reset();
  m.changes = {c};
  CHECK(pmq::check_staffing(m).violations.size() == 2);
}

TEST_CASE("patrols: at least two records a day, each missing one counts", "[R-OUT-9][staffing]") {
  CHECK(pmq::missing_patrol_records(2) == 0);
  CHECK(pmq::missing_patrol_records(1) == 1);
  CHECK(pmq::missing_patrol_records(0) == 2);
  CHECK(pmq::missing_patrol_records(5) == 0);

  auto m = november();
  m.patrols[0].records[3] = 1u;
  m.patrols[0].records[4] = 0u;
  m.patrols[0].records[5] = std::nullopt; // off duty: not counted
  auto r = pmq::check_staffing(m);
  REQUIRE(r.violations.size() == 1);
  CHECK(r.violations[0].rule == "R-OUT-9");
  CHECK(r.violations[0].count == 3);
  CHECK(incidents(r, pmq::incident::missing_patrol_record) == 3);

  m.patrols.clear(); // no log at all: every day is missing both records
  r = pmq::check_staffing(m);
  CHECK(incidents(r, pmq::incident::missing_patrol_record) == 60);
}

TEST_CASE("staffing input errors name their paths", "[R-OUT-5][staffing][errors]") {
  // malformed JSON
  CHECK(error_of([] { pmq::load_staffing_month("{"); }).code() == pmq::errc::parse);
  // missing field, wrong type, negative count
  auto e = error_of([] {
    pmq::load_staffing_month(
        R"({"supplier":"S","year":2026,"month":11,"roster":[],"attendance":[]})");
  });
  CHECK(e.code() == pmq::errc::invalid_input);
  CHECK(has_problem(e, "contract", "missing required field"));
  e = error_of([] {
    pmq::load_staffing_month(
        R"({"supplier":"S","year":2026,"month":"11","contract":[{"role":"A","headcount":-1}],"roster":[],"attendance":[]})");
  });
  CHECK(has_problem(e, "month", "expected"));
  CHECK(has_problem(e, "contract[0].headcount", ""));
  // empty list
  e = error_of([] {
    pmq::load_staffing_month(
        R"({"supplier":"S","year":2026,"month":11,"contract":[],"roster":[],"attendance":[]})");
  });
  CHECK(has_problem(e, "contract", "at least one role"));
  // impossible date
  e = error_of([] {
    pmq::load_staffing_month(
        R"({"supplier":"S","year":2026,"month":11,"contract":[{"role":"A","headcount":1}],
      "roster":[{"id":"x","role":"A","birth_date":"1990-02-30"}],"attendance":[]})");
  });
  CHECK(has_problem(e, "roster[0].birth_date", ""));
  // inconsistent counts: 29 days of attendance in a 30-day month; an unknown role
  auto m = november();
  m.attendance[0].present.pop_back();
  m.roster[0].role = "清洁工";
  m.month = 13;
  e = error_of([&] { pmq::check_staffing(m); });
  CHECK(has_problem(e, "month", "1..12"));
  m.month = 11;
  e = error_of([&] { pmq::check_staffing(m); });
  CHECK(has_problem(e, "attendance[0].present",
                    "expected one count per day of the month (30), got 29"));
  CHECK(has_problem(e, "roster[0].role", "no role"));
  // a change after the month; rules with an inverted age range
  m = november();
  m.changes = {change("2026-12-01", "C1", std::nullopt)};
  pmq::staffing_rules rules;
  rules.age_ranges[0].min_age = 60;
  e = error_of([&] { pmq::check_staffing(m, rules); });
  CHECK(has_problem(e, "changes[0].date", "after the month"));
  CHECK(has_problem(e, "rules.age_ranges[0].min_age", "exceeds max_age"));
}

TEST_CASE("staffing results round-trip through JSON", "[R-OUT-5][staffing]") {
  auto m = november();
  const auto text = pmq::to_json_value(m).dump();
  const auto back = pmq::load_staffing_month(text);
  CHECK(back.roster.size() == 6);
  CHECK(back.patrols[0].records[0] == 2u);
  const auto j = pmq::to_json(pmq::check_staffing(back));
  CHECK(j["contracted_person_days"] == 180);
  CHECK(pmq::load_staffing_rules("{}").vacancy_grace_days == 3);
}
