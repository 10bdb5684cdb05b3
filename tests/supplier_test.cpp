#include "pmq/supplier.hpp"

#include "test_support.hpp"

#include <algorithm>

using namespace pmq_test;
using pmq::date;
using pmq::money;
using pmq::points;

namespace {
date d(const char *s) { return *pmq::parse_date(s); }
points p(const char *s) { return *points::parse(s); }
money yuan(const char *s) { return *money::parse(s); }

pmq::qualification_checklist complete() {
  pmq::qualification_checklist c;
  c.supplier = "SUP-1";
  c.business_licence = c.legal_person = c.similar_work = c.qa_capacity = c.sufficient_capacity =
      true;
  c.service_report =
      pmq::service_report{"王经理", "保洁服务标准", "方案", "每日7:00-19:00", "ISO 9001"};
  return c;
}
} // namespace

TEST_CASE("outsourced service kinds", "[R-OUT-1][supplier]") {
  CHECK(pmq::from_json_value<pmq::service_kind>(pmq::json("pest_control")) ==
        pmq::service_kind::pest_control);
  CHECK(pmq::to_json_value(pmq::service_kind::water_tank_disinfection) ==
        "water_tank_disinfection");
  CHECK(error_of([] { pmq::from_json_value<pmq::service_kind>(pmq::json("gardening")); }).code() ==
        pmq::errc::invalid_input);
}

TEST_CASE("qualification: a complete checklist qualifies", "[R-OUT-2][supplier]") {
  const auto r = pmq::qualify(complete());
  CHECK(r.qualified);
  CHECK(r.missing.empty());
}

TEST_CASE("qualification lists everything missing", "[R-OUT-2][supplier]") {
  auto c = complete();
  c.legal_person = false;
  c.qa_certificate_required = true; // certificate required but not held
  c.service_report->schedule = "  ";
  c.service_report->responsible_person.reset();
  auto r = pmq::qualify(c);
  CHECK_FALSE(r.qualified);
  REQUIRE(r.missing.size() == 4);
  CHECK(r.missing[0].item == "legal_person");
  CHECK(r.missing[1].item == "qa_certificate");
  CHECK(r.missing[1].title == "质量管理体系认证证书");
  CHECK(r.missing[2].item == "service_report.responsible_person");
  CHECK(r.missing[3].item == "service_report.schedule");
  // the certificate only counts where required
  c = complete();
  c.qa_certificate = false;
  CHECK(pmq::qualify(c).qualified);
  c.service_report.reset();
  r = pmq::qualify(c);
  REQUIRE(r.missing.size() == 1);
  CHECK(r.missing[0].item == "service_report");
  // every condition on its own
  for (auto field :
       {&pmq::qualification_checklist::business_licence,
        &pmq::qualification_checklist::similar_work, &pmq::qualification_checklist::qa_capacity,
        &pmq::qualification_checklist::sufficient_capacity}) {
    c = complete();
    c.*field = false;
    CHECK_FALSE(pmq::qualify(c).qualified);
  }
  CHECK(has_problem(
      error_of([] { pmq::load_qualification(R"({"supplier":"S","business_licence":true})"); }),
      "legal_person", "missing required field"));
  CHECK(
      pmq::to_json(pmq::qualify(pmq::load_qualification(
          R"({"supplier":"S","business_licence":true,"legal_person":true,"similar_work":true,"qa_capacity":true,"sufficient_capacity":false})")))
          ["missing"]
              .size() == 2);
}

// --- monthly evaluation ----------------------------------------------------------------

namespace {
// The worked example of docs/supplier.md: a cleaning contractor, November 2026, ¥30 000.
pmq::monthly_record worked_example() {
  pmq::monthly_record m;
  m.supplier = "SUP-CLEAN";
  m.year = 2026;
  m.month = 11;
  m.fee = yuan("30000");
  m.satisfaction = pmq::satisfaction_survey{200, 188}; // 94 %
  m.incidents = {{pmq::incident::minor_nonconformity, 3, std::nullopt},
                 {pmq::incident::serious_nonconformity, 1, std::nullopt},
                 {pmq::incident::valid_complaint, 2, std::nullopt},
                 {pmq::incident::valid_complaint_late, 1, std::nullopt}};
  pmq::staffing_month s;
  s.supplier = m.supplier;
  s.year = 2026;
  s.month = 11;
  s.contract = {{"保洁员", pmq::role_kind::cleaner, 4, false},
                {"秩序维护员", pmq::role_kind::security, 1, false},
                {"主管", pmq::role_kind::manager, 1, false}};
  s.roster = {{"C1", std::nullopt, "保洁员", d("1980-03-01"), false, false},
              {"M1", std::nullopt, "主管", d("1982-02-02"), false, true}};
  s.roster_submitted = d("2026-11-03");
  s.attendance = {{"保洁员", std::vector<std::uint32_t>(30, 4)},
                  {"秩序维护员", std::vector<std::uint32_t>(30, 1)},
                  {"主管", std::vector<std::uint32_t>(30, 1)}};
  for (int day = 9; day < 13; ++day)
    s.attendance[0].present[day] = 3; // Nov 10–13
  s.patrols = {{"M1", std::vector<std::optional<std::uint32_t>>(30, 2u)}};
  s.patrols[0].records[17] = 1u; // Nov 18
  s.patrols[0].records[18] = 0u; // Nov 19
  m.staffing = s;
  m.submitted = d("2026-12-08");
  return m;
}

const pmq::deduction_line *line(const pmq::monthly_result &r, pmq::incident kind) {
  for (const auto &l : r.deductions)
    if (l.kind == kind) return &l;
  return nullptr;
}
} // namespace

TEST_CASE("qualification: a field of only Unicode spaces is empty", "[R-OUT-2][supplier]") {
  // issue 9: a responsible person of one full-width space (U+3000) passed as filled
  for (const char *text : {"\u3000", "\u3000\u3000", " \u3000\t", "\u00a0", "\u2003", "\u200b",
                           "\ufeff", "\u2028", "\u202f\u205f", ""}) {
    auto c = complete();
    c.service_report->responsible_person = text;
    const auto r = pmq::qualify(c);
    CHECK_FALSE(r.qualified);
    REQUIRE(r.missing.size() == 1);
    CHECK(r.missing[0].item == "service_report.responsible_person");
  }
  // a name with spaces around it, or a single visible character, is filled
  for (const char *text : {"\u3000王经理\u3000", "王", "a", "\u3000.", "0"}) {
    auto c = complete();
    c.service_report->responsible_person = text;
    CHECK(pmq::qualify(c).qualified);
  }
  // through JSON too, for every report field
  const auto r = pmq::qualify(pmq::load_qualification(
      R"({"supplier":"S","business_licence":true,"legal_person":true,"similar_work":true,
          "qa_capacity":true,"sufficient_capacity":true,
          "service_report":{"responsible_person":"\u3000","service_standard":"\u00a0\u3000",
                            "service_plan":"方案","schedule":"\t\u3000\n","qa_capacity":"ISO"}})"));
  REQUIRE(r.missing.size() == 3);
  CHECK(r.missing[0].item == "service_report.responsible_person");
  CHECK(r.missing[1].item == "service_report.service_standard");
  CHECK(r.missing[2].item == "service_report.schedule");
  const auto e = error_of([] {
    pmq::load_qualification(R"({"supplier":"\u3000","business_licence":true,"legal_person":true,
      "similar_work":true,"qa_capacity":true,"sufficient_capacity":true})");
  });
  CHECK(e.code() == pmq::errc::invalid_input);
  CHECK(has_problem(e, "supplier", "must not be empty"));
}

TEST_CASE("the default deduction table carries the contract's fines", "[R-OUT-4][supplier]") {
  const auto t = pmq::default_deduction_table();
  auto fine = [&](pmq::incident k) {
    for (const auto &r : t)
      if (r.kind == k) return r.fine_each;
    FAIL("no rule");
    return money{};
  };
  CHECK(fine(pmq::incident::minor_nonconformity) == yuan("15"));
  CHECK(fine(pmq::incident::serious_nonconformity) == yuan("50"));
  CHECK(fine(pmq::incident::audit_failure) == yuan("200"));
  CHECK(fine(pmq::incident::valid_complaint) == yuan("50"));
  CHECK(fine(pmq::incident::valid_complaint_late) == yuan("200"));
  CHECK(pmq::check_monthly_rules(pmq::monthly_rules{}).empty());
}

TEST_CASE("the worked monthly settlement, exact to the fen",
          "[R-OUT-4][R-OUT-5][R-OUT-9][R-OUT-10][R-SCORE-8][R-REP-2][supplier]") {
  const auto r = pmq::evaluate_month(worked_example());
  CHECK(r.satisfaction_rate == "94.00");
  CHECK(r.satisfaction_deduction == points(1));
  REQUIRE(line(r, pmq::incident::minor_nonconformity));
  CHECK(line(r, pmq::incident::minor_nonconformity)->fine_total == yuan("45"));
  CHECK(line(r, pmq::incident::valid_complaint_late)->points_total == points(5));
  REQUIRE(line(r, pmq::incident::unfilled_vacancy));
  CHECK(line(r, pmq::incident::unfilled_vacancy)->source == "staffing");
  CHECK(line(r, pmq::incident::missing_patrol_record)->count == 3);
  CHECK(line(r, pmq::incident::missing_patrol_record)->points_total == p("1.5"));
  CHECK(r.points_deducted == p("19.5"));
  CHECK(r.score == p("80.5"));
  CHECK_FALSE(r.passed);
  CHECK(r.fee_reduction_percent == points(9)); // 9.5 points lost, whole points: 9 × 1 %
  CHECK(r.settled_by_attendance);
  CHECK(r.attended_person_days == 176u);
  CHECK(r.contracted_person_days == 180u);
  CHECK(r.base_amount == yuan("29333.33"));
  CHECK(r.score_reduction == yuan("2640.00"));
  CHECK(r.fines == yuan("395"));
  CHECK(r.settlement == yuan("26298.33"));
  CHECK(r.base_amount - r.score_reduction - r.fines == r.settlement);
  CHECK(r.submitted_on_time == true);
  CHECK_FALSE(r.working.empty());
}

TEST_CASE("the pass mark: 90 passes, 89.5 loses no whole point, 89 loses 1 %",
          "[R-OUT-4][supplier]") {
  pmq::monthly_record m;
  m.supplier = "S";
  m.year = 2026;
  m.month = 1;
  m.fee = yuan("10000");
  pmq::monthly_rules rules;
  rules.deductions = {{pmq::incident::minor_nonconformity, "x", p("0.5"), money{}}};
  m.incidents = {{pmq::incident::minor_nonconformity, 20, std::nullopt}}; // 90
  auto r = pmq::evaluate_month(m, rules);
  CHECK(r.score == points(90));
  CHECK(r.passed);
  CHECK(r.settlement == yuan("10000"));
  m.incidents[0].count = 21; // 89.5
  r = pmq::evaluate_month(m, rules);
  CHECK_FALSE(r.passed);
  CHECK(r.fee_reduction_percent == points(0));
  CHECK(r.settlement == yuan("10000"));
  m.incidents[0].count = 22; // 89
  r = pmq::evaluate_month(m, rules);
  CHECK(r.fee_reduction_percent == points(1));
  CHECK(r.settlement == yuan("9900"));
  m.incidents[0].count = 1000; // far below: score floors at 0, reduction at 90 %
  r = pmq::evaluate_month(m, rules);
  CHECK(r.score == points(0));
  CHECK(r.fee_reduction_percent == points(90));
  CHECK(r.settlement == yuan("1000"));
}

TEST_CASE("the fee reduction is applied exactly: 0.5 point × 0.005 % is 0.0025 %",
          "[R-OUT-4][R-SCORE-5][supplier]") {
  pmq::monthly_record m;
  m.supplier = "S";
  m.year = 2026;
  m.month = 11;
  m.fee = yuan("30000");
  m.incidents = {{pmq::incident::minor_nonconformity, 1, std::nullopt}};
  pmq::monthly_rules rules;
  rules.deductions = {{pmq::incident::minor_nonconformity, "一般不合格", p("10.5"), money{}}};
  rules.fee_reduction.rounding = pmq::point_loss_rounding::exact;
  rules.fee_reduction.percent_per_point = p("0.005");
  auto r = pmq::evaluate_month(m, rules);
  CHECK(r.score == p("89.5"));
  CHECK_FALSE(r.passed);
  CHECK(r.fee_reduction_percent_exact == "1/400"); // 0.0025 %
  CHECK(r.fee_reduction_percent == p("0.003"));    // shown to 1/1000, half up
  // 30 000 × (100 − 0.0025) ÷ 100 = 29 999.25; issue 9: 0.003 % first gave 29 999.10
  CHECK(r.settlement == yuan("29999.25"));
  CHECK(r.score_reduction == yuan("0.75"));
  CHECK(r.base_amount - r.score_reduction - r.fines == r.settlement);
  CHECK(std::any_of(r.working.begin(), r.working.end(), [](const std::string &w) {
    return w.find("fee reduced by 0.0025%") != std::string::npos;
  }));
  // one thousandth either side of the pass mark
  rules.deductions[0].points_each = p("9.999"); // 90.001: passes
  r = pmq::evaluate_month(m, rules);
  CHECK(r.passed);
  CHECK(r.fee_reduction_percent_exact == "0");
  CHECK(r.settlement == yuan("30000"));
  rules.deductions[0].points_each = p("10.001"); // 89.999: 0.001 × 0.005 % = 0.000005 %
  r = pmq::evaluate_month(m, rules);
  CHECK_FALSE(r.passed);
  CHECK(r.fee_reduction_percent_exact == "1/200000");
  CHECK(r.fee_reduction_percent == points(0));
  CHECK(r.settlement == yuan("30000")); // 0.0015 yuan off: rounds back to the fen
  // a fee where the fraction of a percent shows: 300 000.00 × 0.000005 % = ¥0.015 off,
  // 299 999.985 → 299 999.99 (the reduction shown, 0.000 %, would have taken nothing off)
  m.fee = yuan("300000");
  CHECK(pmq::evaluate_month(m, rules).settlement == yuan("299999.99"));
  // the exact overload of settlement_amount, and the points one for whole thousandths
  CHECK(pmq::settlement_amount(yuan("30000"), 1, 1, pmq::fraction(1, 400), money{}) ==
        yuan("29999.25"));
  CHECK(pmq::settlement_amount(yuan("30000"), 1, 1, p("0.003"), money{}) == yuan("29999.10"));
  CHECK(error_of([] {
          pmq::settlement_amount(yuan("1"), 1, 1, pmq::fraction(100001, 1000), money{});
        }).code() == pmq::errc::invalid_argument);
  // a contract scored out of 200 (pass mark 180): the scheme works on the month's own scale
  pmq::monthly_rules of200;
  of200.full_score = points(200);
  of200.fee_reduction.pass_mark = points(180);
  of200.deductions = {{pmq::incident::minor_nonconformity, "x", p("22.5"), money{}}};
  r = pmq::evaluate_month(m, of200); // 177.5: 2 whole points lost, 2 %
  CHECK(r.score == p("177.5"));
  CHECK(r.fee_reduction_percent_exact == "2");
  CHECK(r.settlement == yuan("294000")); // fee 300 000 − 2 %
  // started points: 2.5 lost count as 3
  of200.fee_reduction.rounding = pmq::point_loss_rounding::started_points;
  CHECK(pmq::evaluate_month(m, of200).fee_reduction_percent_exact == "3");
  // the reduction stops at 100 %
  of200.fee_reduction.percent_per_point = points(50);
  r = pmq::evaluate_month(m, of200);
  CHECK(r.fee_reduction_percent_exact == "100");
  CHECK(r.settlement == money{});
}

TEST_CASE("satisfaction: exact shortfall, and no survey is no data",
          "[R-OUT-4][R-KPI-31][supplier]") {
  CHECK(pmq::satisfaction_deduction({200, 190}) == points(0)); // 95 % exactly
  CHECK(pmq::satisfaction_deduction({200, 189}) == p("0.5"));  // 94.5 %
  CHECK(pmq::satisfaction_deduction({3, 2}) == p("28.333"));   // 66.667 %: 28.333… points
  CHECK_FALSE(pmq::satisfaction_deduction({0, 0}));
  pmq::monthly_record m;
  m.supplier = "S";
  m.year = 2026;
  m.month = 2;
  m.fee = yuan("100");
  m.satisfaction = pmq::satisfaction_survey{0, 0};
  const auto r = pmq::evaluate_month(m);
  CHECK_FALSE(r.satisfaction_rate);
  CHECK(r.score == points(100));
}

TEST_CASE("settlement rounds once and never goes below zero", "[R-OUT-4][supplier]") {
  // ¥1 000.01 × 2 ÷ 3 × 97 % = ¥646.673… → ¥646.67
  CHECK(pmq::settlement_amount(yuan("1000.01"), 2, 3, points(3), money{}) == yuan("646.67"));
  // rounding each step would give 666.67 × 0.97 = 646.6699 → 646.67 too; a case where it differs:
  // ¥0.05 × 1 ÷ 2 = 2.5 fen, × 90 % = 2.25 fen → 2 fen (rounding first would give 3 × 0.9 = 2.7 →
  // 3)
  CHECK(pmq::settlement_amount(yuan("0.05"), 1, 2, points(10), money{}) == money::from_fen(2));
  CHECK(pmq::settlement_amount(yuan("100"), 1, 1, points(0), yuan("250")) == money{});
  auto m = worked_example();
  m.fee = yuan("100");
  const auto r = pmq::evaluate_month(m);
  CHECK(r.settlement == money{});
  CHECK(r.settlement_floored);
  CHECK(error_of([] { pmq::settlement_amount(yuan("1"), 1, 0, points(0), money{}); }).code() ==
        pmq::errc::invalid_argument);
}

TEST_CASE("the month's evaluation is due before the 10th of the next month",
          "[R-OUT-10][supplier]") {
  // Default, as calendar.hpp reads "before the 10th": the 10th is on time, the 11th late.
  CHECK(pmq::evaluation_on_time(d("2026-12-10"), 2026, 11));
  CHECK_FALSE(pmq::evaluation_on_time(d("2026-12-11"), 2026, 11));
  CHECK(pmq::evaluation_on_time(d("2027-01-10"), 2026, 12)); // the turn of the year
  CHECK_FALSE(pmq::evaluation_on_time(d("2027-01-11"), 2026, 12));
  pmq::monthly_rules strict;
  strict.evaluation_due_day_inclusive = false;
  CHECK(pmq::evaluation_on_time(d("2026-12-09"), 2026, 11, strict));
  CHECK_FALSE(pmq::evaluation_on_time(d("2026-12-10"), 2026, 11, strict));
}

TEST_CASE("monthly input errors name their paths", "[R-OUT-4][supplier][errors]") {
  CHECK(error_of([] { pmq::load_monthly_record("{\"supplier\":"); }).code() == pmq::errc::parse);
  auto e = error_of([] { pmq::load_monthly_record(R"({"supplier":"S","year":2026,"month":11})"); });
  CHECK(has_problem(e, "fee", "missing required field"));
  e = error_of(
      [] { pmq::load_monthly_record(R"({"supplier":"S","year":2026,"month":11,"fee":"30000"})"); });
  CHECK(has_problem(e, "fee", "expected"));
  e = error_of(
      [] { pmq::load_monthly_record(R"({"supplier":"S","year":2026,"month":11,"fee":-1})"); });
  CHECK(has_problem(e, "fee", "must not be negative"));
  e = error_of(
      [] { pmq::load_monthly_record(R"({"supplier":"S","year":2026,"month":11,"fee":1.001})"); });
  CHECK(e.path() == "fee");
  e = error_of([] {
    pmq::load_monthly_record(
        R"({"supplier":"S","year":2026,"month":11,"fee":1,"satisfaction":{"surveyed":10,"satisfied":11}})");
  });
  CHECK(has_problem(e, "satisfaction.satisfied", "11 satisfied out of 10"));
  e = error_of([] {
    pmq::load_monthly_record(R"({"supplier":"S","year":2026,"month":11,"fee":1,
      "incidents":[{"kind":"minor_nonconformity","count":-2}],"submitted":"2026-12-32"})");
  });
  CHECK(has_problem(e, "incidents[0].count", ""));
  CHECK(has_problem(e, "submitted", ""));
  auto m = worked_example();
  m.staffing->supplier = "OTHER";
  m.staffing->attendance[1].present.resize(31);
  e = error_of([&] { pmq::evaluate_month(m); });
  CHECK(has_problem(e, "staffing.supplier", "not the record's supplier"));
  CHECK(has_problem(e, "staffing.attendance[1].present", "got 31"));
  pmq::monthly_rules rules;
  rules.deductions.push_back({pmq::incident::audit_failure, "again", points(1), money{}});
  rules.staffing.roster_due_day = 0;
  e = error_of([&] { pmq::evaluate_month(worked_example(), rules); });
  CHECK(has_problem(e, "rules.deductions[12].kind", "a second rule"));
  CHECK(has_problem(e, "rules.staffing.roster_due_day", "1..31"));
  CHECK(has_problem(
      error_of([] {
        pmq::load_monthly_rules(
            R"({"deductions":[{"kind":"minor_nonconformity","title":"x","points_each":1,"fine_each":-15}]})");
      }),
      "deductions[0].fine_each", "must not be negative"));
  CHECK(pmq::load_monthly_rules("{}").deductions.size() == 12);
}

TEST_CASE("counts are integers: 1.5 incidents or surveys are refused with their paths",
          "[R-OUT-4][supplier][errors]") {
  auto e = error_of([] {
    pmq::load_monthly_record(R"({"supplier":"S","year":2026,"month":11,"fee":1,
      "incidents":[{"kind":"valid_complaint","count":1.5}],
      "satisfaction":{"surveyed":200.5,"satisfied":2e0}})");
  });
  CHECK(e.code() == pmq::errc::invalid_input);
  CHECK(has_problem(e, "incidents[0].count", "expected an integer"));
  CHECK(has_problem(e, "satisfaction.surveyed", "expected an integer"));
  CHECK(has_problem(e, "satisfaction.satisfied", "expected an integer"));
  CHECK(pmq::load_monthly_record(R"({"supplier":"S","year":2026,"month":11,"fee":1.5,
      "incidents":[{"kind":"valid_complaint","count":2}]})")
            .incidents[0]
            .count == 2);
  // many entries of one kind cannot add up past what a count holds
  std::string many = R"({"supplier":"S","year":2026,"month":11,"fee":1,"incidents":[)";
  for (int i = 0; i < 3; ++i)
    many += std::string(i ? "," : "") + R"({"kind":"valid_complaint","count":50000})";
  many += "]}";
  e = error_of([&] { pmq::load_monthly_record(many); });
  CHECK(has_problem(e, "incidents[2].count", "more than 100000"));
  e = error_of([] {
    pmq::load_yearly_review(
        R"({"year":2026,"decided":"2026-12-31","suppliers":[{"supplier":"A","monthly_scores":[90]}],
            "bars":1})");
  });
  CHECK(has_problem(e, "bars", "unknown field"));
  e = error_of([] { pmq::load_yearly_rules(R"({"bars":{"unqualified_years":2.5}})"); });
  CHECK(has_problem(e, "bars.unqualified_years", "expected an integer"));
}

// --- bars and the yearly evaluation -------------------------------------------------------

TEST_CASE("bars run from the decision through the day before the anniversary",
          "[R-OUT-11][supplier]") {
  auto b = pmq::bar_for({"S", d("2026-12-31"), pmq::bar_reason::unqualified, std::nullopt});
  CHECK(b.years == 2);
  CHECK(b.barred_through == d("2028-12-30"));
  CHECK(b.may_bid_from == d("2028-12-31"));
  b = pmq::bar_for({"S", d("2026-12-31"), pmq::bar_reason::subcontracting, std::nullopt});
  CHECK(b.years == 3);
  CHECK(b.may_bid_from == d("2029-12-31"));
  b = pmq::bar_for({"S", d("2024-02-29"), pmq::bar_reason::unqualified, std::nullopt});
  CHECK(b.barred_through == d("2026-02-28"));
  CHECK(b.may_bid_from == d("2026-03-01"));
}

TEST_CASE("may this supplier bid on this date?", "[R-OUT-11][supplier]") {
  pmq::bid_query q;
  q.supplier = "S";
  q.decisions = {{"S", d("2026-12-31"), pmq::bar_reason::unqualified, std::nullopt},
                 {"OTHER", d("2026-01-01"), pmq::bar_reason::breaking_law, std::nullopt}};
  q.on = d("2026-12-30"); // before the decision
  CHECK(pmq::may_bid(q).may_bid);
  q.on = d("2026-12-31"); // the decision day itself
  CHECK_FALSE(pmq::may_bid(q).may_bid);
  q.on = d("2028-12-30"); // the last barred day
  auto r = pmq::may_bid(q);
  CHECK_FALSE(r.may_bid);
  CHECK(r.may_bid_from == d("2028-12-31"));
  q.on = d("2028-12-31"); // the anniversary
  CHECK(pmq::may_bid(q).may_bid);
  // a falsification later: the longer bar wins
  q.decisions.push_back({"S", d("2027-06-01"), pmq::bar_reason::falsification, std::nullopt});
  q.on = d("2028-01-01");
  r = pmq::may_bid(q);
  CHECK(r.active_bars.size() == 2);
  CHECK(r.may_bid_from == d("2030-06-01"));
  q.rules = pmq::bar_rules{1, 1};
  CHECK(pmq::may_bid(q).may_bid_from == d("2028-06-01"));
  q.rules = pmq::bar_rules{0, 1};
  CHECK(has_problem(error_of([&] { pmq::may_bid(q); }), "rules.unqualified_years", "1..100"));
  CHECK(has_problem(
      error_of([] { pmq::load_bid_query(R"({"supplier":"S","on":"2026-02-29","decisions":[]})"); }),
      "on", ""));
}

TEST_CASE("the built-in standings table is a valid band table", "[R-OUT-11][supplier]") {
  const auto &t = pmq::default_supplier_standings();
  CHECK(pmq::check_band_table(t).empty());
  CHECK(pmq::check_yearly_rules(pmq::yearly_rules{t, {}}).empty());
  CHECK(pmq::classify(t, points(100)).id == "qualified");
}

namespace {
pmq::yearly_review review(std::vector<pmq::supplier_year> suppliers) {
  return {2026, d("2026-12-31"), std::move(suppliers)};
}
} // namespace

TEST_CASE("yearly standings on both sides of each edge", "[R-OUT-11][supplier]") {
  const auto r = pmq::evaluate_year(review({{"A", {points(90)}, {}},
                                            {"B", {p("89.999")}, {}},
                                            {"C", {points(80)}, {}},
                                            {"D", {p("79.999")}, {}},
                                            {"E", {}, {}}}));
  REQUIRE(r.suppliers.size() == 5);
  CHECK(r.suppliers[0].band == "qualified");
  CHECK(r.suppliers[0].may_take_new_contracts);
  CHECK(r.suppliers[1].band == "on_notice");
  CHECK(r.suppliers[1].qualified);
  CHECK_FALSE(r.suppliers[1].may_take_new_contracts);
  CHECK(r.suppliers[1].actions == std::vector<std::string>{"warn", "block_new_contracts"});
  CHECK(r.suppliers[2].band == "on_notice");
  CHECK(r.suppliers[3].band == "unqualified");
  CHECK_FALSE(r.suppliers[3].qualified);
  CHECK(r.suppliers[3].contract_ends);
  REQUIRE(r.suppliers[3].bars.size() == 1);
  CHECK(r.suppliers[3].bars[0].may_bid_from == d("2028-12-31"));
  CHECK(r.suppliers[4].band == "no_data");
  CHECK_FALSE(r.suppliers[4].score);
  CHECK_FALSE(r.suppliers[4].qualified);
  CHECK_FALSE(r.suppliers[4].contract_ends);
  CHECK(r.qualified_suppliers == std::vector<std::string>{"A", "B", "C"});
  CHECK(r.bars.size() == 1);
}

TEST_CASE("the yearly standing is decided on the exact mean; the score is shown rounded",
          "[R-OUT-11][supplier]") {
  // 269.998 / 3 = 89.99933… shown 89.999; 269.999 / 3 = 89.99966… shown 90 — both on notice
  auto r = pmq::evaluate_year(review({{"A", {points(95), points(90), p("84.998")}, {}},
                                      {"B", {points(95), points(90), p("84.999")}, {}},
                                      {"C", {points(95), points(90), points(85)}, {}}}));
  CHECK(r.suppliers[0].score == p("89.999"));
  CHECK(r.suppliers[0].exact == "134999/1500");
  CHECK(r.suppliers[0].band == "on_notice");
  CHECK(r.suppliers[1].score == points(90));
  CHECK(r.suppliers[1].exact == "269999/3000");
  CHECK(r.suppliers[1].band == "on_notice"); // issue 9: the rounded 90 made it "qualified"
  CHECK(r.suppliers[1].months == 3);
  CHECK(r.suppliers[2].exact == "90"); // exactly on the edge: 90 (含) is in the top band
  CHECK(r.suppliers[2].band == "qualified");
}

TEST_CASE("R-OUT-11 [79.999, 80] averages 79.9995: unqualified, though shown as 80",
          "[R-OUT-11][supplier]") {
  auto r = pmq::evaluate_year(review({{"A", {p("79.999"), points(80)}, {}},
                                      {"B", {p("89.999"), points(90)}, {}},
                                      {"C", {points(80), points(80)}, {}},
                                      {"D", {points(90), points(90)}, {}},
                                      {"E", {p("80.001"), p("79.999")}, {}}}));
  CHECK(r.suppliers[0].score == points(80)); // display: 79.9995 → 80.000
  CHECK(r.suppliers[0].exact == "159999/2000");
  CHECK(r.suppliers[0].band == "unqualified");
  CHECK_FALSE(r.suppliers[0].qualified);
  CHECK(r.suppliers[0].contract_ends);
  REQUIRE(r.suppliers[0].bars.size() == 1);
  CHECK(r.suppliers[0].bars[0].may_bid_from == d("2028-12-31"));
  CHECK(r.suppliers[1].score == points(90));
  CHECK(r.suppliers[1].band == "on_notice"); // 89.9995 is not in the ≥ 90 band
  CHECK(r.suppliers[1].qualified);
  CHECK_FALSE(r.suppliers[1].may_take_new_contracts);
  CHECK(r.suppliers[2].band == "on_notice"); // the other side of each edge
  CHECK(r.suppliers[3].band == "qualified");
  CHECK(r.suppliers[4].exact == "80"); // exactly 80 again
  CHECK(r.suppliers[4].band == "on_notice");
  CHECK(r.qualified_suppliers == std::vector<std::string>{"B", "C", "D", "E"});
  // the JSON result carries both
  const auto j = pmq::to_json(r);
  CHECK(j["suppliers"][0]["score"] == 80);
  CHECK(j["suppliers"][0]["exact"] == "159999/2000");
  CHECK(j["suppliers"][0]["band"] == "unqualified");
}

TEST_CASE("R-OUT-11 a bar that would end after 9999-12-31 is an input error at its date",
          "[R-OUT-11][supplier][errors]") {
  // issue 9: "decided": "9999-12-31" gave PMQ_EINTERNAL ("Year is out of valid range")
  auto e = error_of([] {
    pmq::evaluate_year(pmq::load_yearly_review(
        R"({"year":9999,"decided":"9999-12-31","suppliers":[{"supplier":"A","monthly_scores":[70]}]})"));
  });
  CHECK(e.code() == pmq::errc::invalid_input);
  CHECK(has_problem(e, "decided", "ends after 9999-12-31"));
  // the last decision date whose 2-year bar fits, and the first that does not
  auto r = pmq::evaluate_year({9997, d("9997-12-31"), {{"A", {points(70)}, {}}}});
  CHECK(r.bars.at(0).may_bid_from == d("9999-12-31"));
  CHECK(r.bars.at(0).barred_through == d("9999-12-30"));
  CHECK(error_of([] {
          pmq::evaluate_year({9998, d("9998-01-01"), {{"A", {points(70)}, {}}}});
        }).path() == "decided");
  // no bar, nothing to compute: a qualified supplier decided on the last day is fine
  r = pmq::evaluate_year({9999, d("9999-12-31"), {{"A", {points(95)}, {}}}});
  CHECK(r.qualified_suppliers == std::vector<std::string>{"A"});
  // a listed violation's 3-year bar
  e = error_of([] {
    pmq::evaluate_year(
        {9997,
         d("9997-12-31"),
         {{"A", {points(95)}, {{pmq::bar_reason::breaking_law, d("9997-01-01"), {}}}}}});
  });
  CHECK(has_problem(e, "decided", "a bar of 3 years"));
  // may_bid names the decision
  pmq::bid_query q;
  q.supplier = "S";
  q.on = d("9999-12-31");
  q.decisions = {{"S", d("2026-12-31"), pmq::bar_reason::unqualified, std::nullopt},
                 {"S", d("9999-06-01"), pmq::bar_reason::falsification, std::nullopt}};
  e = error_of([&] { pmq::may_bid(q); });
  CHECK(e.code() == pmq::errc::invalid_input);
  CHECK(has_problem(e, "decisions[1].decided", "ends after 9999-12-31"));
  CHECK_THROWS_AS(pmq::bar_for({"S", d("9999-12-31"), pmq::bar_reason::unqualified, {}}),
                  pmq::error);
}

TEST_CASE("listed violations end the contract and bar for 3 years", "[R-OUT-11][supplier]") {
  const auto r = pmq::evaluate_year(review(
      {{"A", {points(98)}, {{pmq::bar_reason::safety_accident, d("2026-08-01"), "重大损失"}}}}));
  CHECK_FALSE(r.suppliers[0].qualified);
  CHECK(r.suppliers[0].contract_ends);
  REQUIRE(r.suppliers[0].bars.size() == 1);
  CHECK(r.suppliers[0].bars[0].years == 3);
  CHECK(r.suppliers[0].bars[0].barred_through == d("2029-12-30"));
  CHECK(r.qualified_suppliers.empty());
}

TEST_CASE("custom standings are validated like every band table", "[R-OUT-11][supplier][errors]") {
  auto e = error_of([] {
    pmq::load_yearly_rules(R"({"standings":{"id":"s","title":"t","min":0,"max":100,"bands":[
      {"id":"bad","label":"x","to":60,"passed":false,"actions":["end_contract","bar"]},
      {"id":"ok","label":"y","from":70,"to":100,"to_edge":"exclusive","actions":["smile"]}]}})");
  });
  CHECK(has_problem(e, "standings.bands[1].from", "gap"));
  CHECK(has_problem(e, "standings.bands[1].to_edge", "maximum score 100 falls in no band"));
  CHECK(has_problem(e, "standings.bands[1].passed", "must say whether"));
  CHECK(has_problem(e, "standings.bands[1].actions[0]", "unknown action"));
  const auto rules =
      pmq::load_yearly_rules(R"({"standings":{"id":"s","title":"t","min":0,"max":10,"bands":[
      {"id":"no","label":"x","to":6,"passed":false},{"id":"yes","label":"y","from":6,"to_edge":"inclusive","passed":true}]},
      "bars":{"unqualified_years":1}})");
  auto r = pmq::evaluate_year(review({{"A", {points(6)}, {}}, {"B", {p("5.999")}, {}}}), rules);
  CHECK(r.qualified_suppliers == std::vector<std::string>{"A"});
  CHECK(r.suppliers[1].bars[0].may_bid_from == d("2027-12-31"));
  e = error_of([&] { pmq::evaluate_year(review({{"A", {points(11)}, {}}}), rules); });
  CHECK(has_problem(e, "suppliers[0].monthly_scores[0]", "must be 0..10"));
}

TEST_CASE("yearly input errors name their paths", "[R-OUT-11][supplier][errors]") {
  CHECK(error_of([] { pmq::load_yearly_review("nope"); }).code() == pmq::errc::parse);
  auto e = error_of(
      [] { pmq::load_yearly_review(R"({"year":2026,"decided":"2026-12-31","suppliers":[]})"); });
  CHECK(has_problem(e, "suppliers", "at least one supplier"));
  e = error_of([] {
    pmq::load_yearly_review(R"({"year":2026,"decided":"2026-12-31","suppliers":[
      {"supplier":"A","monthly_scores":[90]},{"supplier":"A","monthly_scores":["x"],
       "violations":[{"reason":"unqualified","date":"2027-01-01"}]}]})");
  });
  CHECK(has_problem(e, "suppliers[1].monthly_scores[0]", "expected"));
  e = error_of([] {
    pmq::load_yearly_review(R"({"year":2026,"decided":"2026-12-31","suppliers":[
      {"supplier":"A","monthly_scores":[90]},{"supplier":"A","monthly_scores":[],
       "violations":[{"reason":"unqualified","date":"2027-01-01"}]}]})");
  });
  CHECK(has_problem(e, "suppliers[1].supplier", "duplicate"));
  CHECK(has_problem(e, "suppliers[1].violations[0].reason", "follows from the score"));
  CHECK(has_problem(e, "suppliers[1].violations[0].date", "after the decision date"));
  e = error_of([] { pmq::evaluate_year(review({{"A", {points(-1)}, {}}})); });
  CHECK(has_problem(e, "suppliers[0].monthly_scores[0]", "must be 0..100"));
}

TEST_CASE("huge numbers are refused or handled exactly, never overflowed",
          "[R-OUT-4][R-OUT-3][supplier][errors]") {
  CHECK(pmq::satisfaction_deduction({4294967295u, 0}) == points(95));
  CHECK(pmq::satisfaction_deduction({4294967295u, 4294967295u}) == points(0));
  auto e = error_of([] {
    pmq::load_monthly_rules(R"({"full_score":1000000000,"fee_reduction":{"percent_per_point":1000},
      "deductions":[{"kind":"audit_failure","title":"x","points_each":1,"fine_each":100000000}]})");
  });
  CHECK(has_problem(e, "full_score", "at most 10000"));
  CHECK(has_problem(e, "fee_reduction.percent_per_point", "0..100"));
  CHECK(has_problem(e, "deductions[0].fine_each", "at most"));
  e = error_of(
      [] { pmq::load_monthly_record(R"({"supplier":"S","year":2026,"month":11,"fee":1e300})"); });
  CHECK(e.path() == "fee");
  pmq::monthly_record m;
  m.supplier = "S";
  m.year = 2026;
  m.month = 11;
  m.fee = money::from_fen(1'000'000'000'000); // the largest fee accepted
  m.incidents = {{pmq::incident::audit_failure, 100000, std::nullopt}};
  const auto r = pmq::evaluate_month(m);
  CHECK(r.score == points(0));
  CHECK(r.fines == yuan("20000000"));
  CHECK(r.settlement == money::from_fen(1'000'000'000'000 / 10 - 2'000'000'000));
  pmq::tender_rules rules;
  rules.service_max = points(2000000);
  CHECK(has_problem(error_of([&] { pmq::evaluate_tender(pmq::tender{}, rules); }),
                    "rules.service_max", "at most"));
}

TEST_CASE("the documented examples, read from their JSON files",
          "[R-OUT-3][R-OUT-4][R-OUT-11][supplier]") {
  const std::string dir = PMQ_TEST_DATA "/valid/";
  const auto month =
      pmq::evaluate_month(pmq::load_monthly_record(read_file(dir + "supplier_month.json")));
  CHECK(month.score == p("80.5"));
  CHECK(month.settlement == yuan("26298.33"));
  CHECK(month.staffing->violations.size() == 2);
  const auto tender =
      pmq::evaluate_tender(pmq::load_tender(read_file(dir + "supplier_tender.json")),
                           pmq::load_tender_rules(read_file(dir + "supplier_tender_rules.json")));
  CHECK(tender.ranking[0].bidder == "B");
  CHECK(tender.ranking[0].total == p("87.267"));
  CHECK(tender.candidates == std::vector<std::string>{"B", "A"});
  const auto year =
      pmq::evaluate_year(pmq::load_yearly_review(read_file(dir + "supplier_year.json")));
  CHECK(year.qualified_suppliers == std::vector<std::string>{"SUP-CLEAN", "SUP-GREEN"});
  CHECK(year.suppliers[2].bars[0].may_bid_from == d("2028-12-31"));
  CHECK(year.suppliers[3].bars[0].may_bid_from == d("2029-12-31"));
  const auto bid = pmq::may_bid(pmq::load_bid_query(read_file(dir + "supplier_may_bid.json")));
  CHECK_FALSE(bid.may_bid);
  const auto q =
      pmq::qualify(pmq::load_qualification(read_file(dir + "supplier_qualification.json")));
  CHECK(q.missing.size() == 2);
}

TEST_CASE("unknown fields in rules documents are errors, not ignored",
          "[R-OUT-4][supplier][errors]") {
  CHECK(has_problem(error_of([] { pmq::load_monthly_rules(R"({"satisfaction_targt":90})"); }),
                    "satisfaction_targt", "unknown field"));
  CHECK(has_problem(error_of([] {
                      pmq::load_staffing_rules(
                          R"({"age_ranges":[{"kind":"cook","min_age":1,"max_age":2}]})");
                    }),
                    "age_ranges[0].kind", "unknown value"));
  CHECK(
      has_problem(error_of([] { pmq::load_yearly_rules(R"({"bars":{"unqualified_years":-2}})"); }),
                  "bars.unqualified_years", ""));
}
