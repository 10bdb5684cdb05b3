// Quality targets and KPIs (docs/rules.md, R-KPI-*): the catalogue, targets, periods, the
// statistics table, fee collection plans and custom formulas.
#include "pmq/kpi.hpp"

#include "test_support.hpp"

#include <functional>
#include <random>
#include <set>

using pmq::fraction;
using pmq::money;
using pmq::points;
using pmq::quantities;
using pmq::rate;
using pmq::target_status;
using pmq_test::error_of;
using pmq_test::has_problem;

namespace {
pmq::target_spec tgt(pmq::comparator op, const char *threshold,
                     pmq::kpi_unit u = pmq::kpi_unit::percent) {
  return {op, *points::parse(threshold), u};
}
target_status status(const pmq::target_spec &t, const rate &r) {
  return pmq::evaluate_target(t, r).status;
}
pmq::kpi catalogue(const char *id) { return pmq::kpi(pmq::catalogue_kpi(id)); }
money yuan(const char *s) { return *money::parse(s); }
} // namespace

// --- the catalogue: R-KPI-1 … R-KPI-13 --------------------------------------------------

TEST_CASE("R-KPI-1 outgoing-document error rate < 2 %", "[R-KPI-1]") {
  const auto t = pmq::catalogue_kpi("R-KPI-1").target;
  CHECK(pmq::describe(t) == "< 2 %");
  CHECK(pmq::document_error_rate(1, 50).value() == fraction(1, 50));
  CHECK(status(t, pmq::document_error_rate(1, 50)) ==
        target_status::missed); // exactly 2 %: not below
  CHECK(status(t, pmq::document_error_rate(199, 10000)) == target_status::met); // 1.99 %
  CHECK(status(t, pmq::document_error_rate(0, 0)) == target_status::no_data);
  CHECK(error_of([] { pmq::document_error_rate(51, 50); }).path() == "nonconforming");
  CHECK(error_of([] { pmq::document_error_rate(1, -5); }).path() == "sent");
}

TEST_CASE("R-KPI-2 major publication errors = 0", "[R-KPI-2]") {
  const auto t = pmq::catalogue_kpi("R-KPI-2").target;
  CHECK(pmq::describe(t) == "= 0");
  CHECK(status(t, pmq::publication_major_errors(0)) == target_status::met);
  CHECK(status(t, pmq::publication_major_errors(1)) == target_status::missed);
  CHECK(error_of([] { pmq::publication_major_errors(-1); }).path() == "major_errors");
}

TEST_CASE("R-KPI-3 typo rate ≤ 2 %", "[R-KPI-3]") {
  const auto t = pmq::catalogue_kpi("R-KPI-3").target;
  CHECK(status(t, pmq::typo_rate(2, 100)) == target_status::met);          // 2 % exactly
  CHECK(status(t, pmq::typo_rate(2001, 100000)) == target_status::missed); // 2.001 %
  CHECK(error_of([] { pmq::typo_rate(101, 100); }).path() == "errors");
}

TEST_CASE("R-KPI-4 certified managers 100 %", "[R-KPI-4]") {
  const auto t = pmq::catalogue_kpi("R-KPI-4").target;
  CHECK(status(t, pmq::certified_manager_rate(10, 10)) == target_status::met);
  CHECK(status(t, pmq::certified_manager_rate(9, 10)) == target_status::missed);
  CHECK(status(t, pmq::certified_manager_rate(0, 0)) == target_status::no_data);
  CHECK(error_of([] { pmq::certified_manager_rate(11, 10); }).path() == "certified");
}

TEST_CASE("R-KPI-5 supervision record accuracy ≥ 98 %", "[R-KPI-5]") {
  const auto t = pmq::catalogue_kpi("R-KPI-5").target;
  CHECK(pmq::record_accuracy(200, 4).value() == fraction(49, 50));
  CHECK(status(t, pmq::record_accuracy(200, 4)) == target_status::met);    // 98 %
  CHECK(status(t, pmq::record_accuracy(200, 5)) == target_status::missed); // 97.5 %
  CHECK(error_of([] { pmq::record_accuracy(10, 11); }).path() == "wrong");
}

TEST_CASE("R-KPI-6 hotline complaint timeliness 100 %", "[R-KPI-6]") {
  const auto t = pmq::catalogue_kpi("R-KPI-6").target;
  CHECK(status(t, pmq::hotline_timeliness(40, 0)) == target_status::met);
  CHECK(status(t, pmq::hotline_timeliness(40, 1)) == target_status::missed);
  CHECK(pmq::hotline_timeliness(0, 0).reason() == "no valid complaints");
  CHECK(error_of([] { pmq::hotline_timeliness(3, 5); }).path() == "handled_late");
}

TEST_CASE("R-KPI-7 follow-up satisfaction as the manual writes it, and the plain ratio",
          "[R-KPI-7]") {
  // 50 valid complaints, 48 followed up satisfied, 2 not satisfied
  CHECK(pmq::followup_satisfaction_manual(50, 48, 2).value() == fraction(46, 50)); // 92 %
  CHECK(pmq::followup_satisfaction(48, 50).value() == fraction(48, 50));           // 96 %
  // the manual's formula counts dissatisfaction twice and can go negative
  CHECK(pmq::followup_satisfaction_manual(10, 2, 8).value() == fraction(-6, 10));
  const auto t = pmq::catalogue_kpi("followup_satisfaction_manual").target;
  CHECK(status(t, pmq::followup_satisfaction_manual(50, 49, 0)) == target_status::met);    // 98 %
  CHECK(status(t, pmq::followup_satisfaction_manual(50, 49, 1)) == target_status::missed); // 96 %
  CHECK(pmq::catalogue_kpi("R-KPI-7").id == "followup_satisfaction_manual");
  CHECK(*pmq::catalogue_kpi("followup_satisfaction").rule == "R-KPI-7");
  CHECK(error_of([] { pmq::followup_satisfaction_manual(10, 6, 5); }).path() == "not_satisfied");
  CHECK(error_of([] { pmq::followup_satisfaction(6, 5); }).path() == "satisfied");
}

TEST_CASE("R-KPI-8 training plan execution 100 %", "[R-KPI-8]") {
  const auto t = pmq::catalogue_kpi("R-KPI-8").target;
  CHECK(status(t, pmq::training_execution(12, 12)) == target_status::met);
  CHECK(status(t, pmq::training_execution(11, 12)) == target_status::missed);
  CHECK(error_of([] { pmq::training_execution(13, 12); }).path() == "held");
}

TEST_CASE("R-KPI-9 reported-problem timeliness 100 %", "[R-KPI-9]") {
  const auto t = pmq::catalogue_kpi("R-KPI-9").target;
  CHECK(status(t, pmq::reported_problem_timeliness(7, 0)) == target_status::met);
  CHECK(status(t, pmq::reported_problem_timeliness(7, 1)) == target_status::missed);
  CHECK(status(t, pmq::reported_problem_timeliness(0, 0)) == target_status::no_data);
}

TEST_CASE("R-KPI-10 residents' overall satisfaction, item-based", "[R-KPI-10]") {
  const auto t = pmq::catalogue_kpi("R-KPI-10").target;
  // 200 questionnaires × 10 items = 2000 answers; 40 unsatisfied → 98 %
  CHECK(pmq::overall_satisfaction(200, 10, 40).value() == fraction(1960, 2000));
  CHECK(status(t, pmq::overall_satisfaction(200, 10, 40)) == target_status::met);
  CHECK(status(t, pmq::overall_satisfaction(200, 10, 41)) == target_status::missed); // 97.95 %
  CHECK(pmq::overall_satisfaction(0, 10, 0).reason() == "no questionnaires returned");
  CHECK(error_of([] { pmq::overall_satisfaction(2, 10, 21); }).path() == "unsatisfied_items");
  CHECK(error_of([] { pmq::overall_satisfaction(-2, 10, 1); }).path() == "questionnaires");
}

TEST_CASE("R-KPI-11 fee collection rate is exact to the fen", "[R-KPI-11]") {
  const auto t = pmq::catalogue_kpi("R-KPI-11").target;
  CHECK(status(t, pmq::fee_collection_rate(yuan("95000.00"), yuan("100000.00"))) ==
        target_status::met);
  const auto short_by_a_fen = pmq::fee_collection_rate(yuan("94999.99"), yuan("100000.00"));
  CHECK(short_by_a_fen.percent() == "95.00");                // renders as 95.00 …
  CHECK(status(t, short_by_a_fen) == target_status::missed); // … but is below 95 %
  CHECK(pmq::render(*pmq::evaluate_target(t, short_by_a_fen).gap, 5) == "-0.00001");
  CHECK(pmq::fee_collection_rate(money{}, money{}).reason() == "no fees due");
  CHECK(error_of([] { pmq::fee_collection_rate(yuan("10.01"), yuan("10.00")); }).path() ==
        "collected");
  CHECK(error_of([] { pmq::fee_collection_rate(yuan("1"), yuan("-10.00")); }).path() == "due");
}

TEST_CASE("R-KPI-12 valid-complaint timeliness 100 %", "[R-KPI-12]") {
  const auto t = pmq::catalogue_kpi("R-KPI-12").target;
  CHECK(status(t, pmq::complaint_timeliness(40, 0)) == target_status::met);
  CHECK(status(t, pmq::complaint_timeliness(40, 1)) == target_status::missed);
  CHECK(pmq::complaint_timeliness(40, 1).percent() == "97.50");
  CHECK(status(t, pmq::complaint_timeliness(0, 0)) == target_status::no_data);
  CHECK(error_of([] { pmq::complaint_timeliness(3, 4); }).path() == "handled_late");
}

TEST_CASE("R-KPI-13 lift failure rate: the definition is explicit, alternatives offered",
          "[R-KPI-13]") {
  const auto t = pmq::catalogue_kpi("R-KPI-13").target;
  CHECK(pmq::catalogue_kpi("R-KPI-13").id == "lift_failure_rate");
  pmq::lift_counts c{10, 30, 6, fraction(72), fraction(720)};
  CHECK(pmq::lift_failure_rate(c).value() == fraction(6, 300)); // failures per lift-day
  CHECK(status(t, pmq::lift_failure_rate(c)) == target_status::met);
  c.failures = 7;
  CHECK(status(t, pmq::lift_failure_rate(c)) == target_status::missed);
  using d = pmq::lift_failure_definition;
  CHECK(pmq::lift_failure_rate(c, d::downtime_share).value() == fraction(72, 7200)); // 1 %
  CHECK(pmq::lift_failure_rate(c, d::per_lift).value() == fraction(7, 10));
  CHECK_FALSE(pmq::lift_failure_rate(pmq::lift_counts{}));
  c.failure_hours = fraction(7201);
  CHECK(error_of([&] { pmq::lift_failure_rate(c, d::downtime_share); }).path() == "failure_hours");
  CHECK_NOTHROW(pmq::catalogue_kpi("lift_downtime_share"));
  CHECK_NOTHROW(pmq::catalogue_kpi("lift_failures_per_lift"));
}

// --- R-KPI-31: no data -----------------------------------------------------------------

TEST_CASE("a zero denominator is no data, and a target on it is neither met nor missed",
          "[R-KPI-31]") {
  const rate none = pmq::complaint_timeliness(0, 0);
  CHECK_FALSE(none.has_value());
  for (auto op : {pmq::comparator::ge, pmq::comparator::gt, pmq::comparator::le,
                  pmq::comparator::lt, pmq::comparator::eq}) {
    const auto r = pmq::evaluate_target(tgt(op, "100"), none);
    CHECK(r.status == target_status::no_data);
    CHECK_FALSE(r.gap);
  }
  CHECK(pmq::rate_to_json(none).dump() == R"({"no_data":true,"reason":"no valid complaints"})");
  CHECK(pmq::rate_to_json(rate::of(fraction(197, 200))).dump() ==
        R"({"exact":"197/200","value":"98.50","unit":"percent"})");
  CHECK(pmq::rate_to_json(rate::of(fraction(3)), pmq::kpi_unit::count, 0).dump() ==
        R"({"exact":"3","value":"3","unit":"count"})");
  // the catalogue KPI reports the same through its expression
  const auto r = catalogue("R-KPI-12").evaluate({{"valid_complaints", 0}, {"handled_late", 0}});
  CHECK(r.actual.reason() == "no valid complaints");
  CHECK(r.result.status == target_status::no_data);
}

// --- targets ---------------------------------------------------------------------------

TEST_CASE("targets: every comparator, both sides of the threshold, and the gap", "[R-KPI-30]") {
  using c = pmq::comparator;
  const rate v90 = rate::of(fraction(90, 100));
  const rate v89999 = rate::of(fraction(89999, 100000)); // 89.999 %
  CHECK(status(tgt(c::ge, "90"), v90) == target_status::met);
  CHECK(status(tgt(c::ge, "90"), v89999) == target_status::missed);
  CHECK(status(tgt(c::gt, "90"), v90) == target_status::missed);
  CHECK(status(tgt(c::gt, "89.999"), v90) == target_status::met);
  CHECK(status(tgt(c::le, "90"), v90) == target_status::met);
  CHECK(status(tgt(c::le, "89.999"), v90) == target_status::missed);
  CHECK(status(tgt(c::lt, "90"), v89999) == target_status::met);
  CHECK(status(tgt(c::lt, "90"), v90) == target_status::missed);
  CHECK(status(tgt(c::eq, "90"), v90) == target_status::met);
  CHECK(status(tgt(c::eq, "90"), v89999) == target_status::missed);
  CHECK(*pmq::evaluate_target(tgt(c::ge, "90"), v89999).gap == fraction(-1, 1000));
  CHECK(*pmq::evaluate_target(tgt(c::ge, "95"), v90).gap == -5);
  // counts, points and times per period compare as they are
  CHECK(status(tgt(c::le, "5", pmq::kpi_unit::count), rate::of(5)) == target_status::met);
  CHECK(status(tgt(c::le, "5", pmq::kpi_unit::count), rate::of(6)) == target_status::missed);
  CHECK(status(tgt(c::ge, "1", pmq::kpi_unit::times_per_period), rate::of(0)) ==
        target_status::missed);
  CHECK(pmq::describe(tgt(c::ge, "4", pmq::kpi_unit::points)) == "≥ 4 points");
  CHECK(pmq::describe(tgt(c::ge, "1", pmq::kpi_unit::times_per_period)) == "≥ 1 times per period");
}

// --- satisfaction, every way ---------------------------------------------------------

TEST_CASE("satisfaction counted every way it is counted in practice", "[R-KPI-10][R-KPI-20]") {
  const std::vector<pmq::question_tally> qs{{"Q1", 80, 15, 5}, {"Q2", 10, 0, 10}, {"Q3", 0, 0, 0}};
  CHECK(pmq::question_rate(qs[0]).value() == fraction(95, 100));
  CHECK(pmq::question_rate(qs[1]).value() == fraction(1, 2));
  CHECK_FALSE(pmq::question_rate(qs[2]));
  // the average of question rates (Q3 has no respondents: left out) differs from the pooled rate
  CHECK(pmq::average_question_rate(qs).value() == fraction(145, 200));
  CHECK(pmq::pooled_satisfaction(qs).value() == fraction(105, 120));
  CHECK(pmq::satisfied_share(qs).value() == fraction(90, 120)); // 基本满意 does not count
  CHECK_FALSE(pmq::average_question_rate({{"Q", 0, 0, 0}}));
  // 1–5 scale: 2 × 3 points, 3 × 5 points → 21 / 5 = 4.2
  CHECK(pmq::rating_mean({0, 0, 2, 0, 3}).value() == fraction(21, 5));
  CHECK_FALSE(pmq::rating_mean({0, 0, 0, 0, 0}));
  CHECK(error_of([] { pmq::rating_mean({0, -1, 0, 0, 0}); }).path() == "counts[1]");
  const auto em = pmq::catalogue_kpi("dept_emergency_satisfaction_score").target;
  CHECK(status(em, pmq::rating_mean({0, 0, 2, 0, 3})) == target_status::met);
  CHECK(status(em, pmq::rating_mean({0, 0, 1, 1, 0})) == target_status::missed); // 3.5
}

TEST_CASE("condition rates (完好率) by count and by floor area", "[R-KPI-30]") {
  CHECK(pmq::condition_rate_by_count(95, 3, 100).value() == fraction(95, 100));
  CHECK(pmq::condition_rate_by_count(95, 3, 100, true).value() == fraction(98, 100));
  CHECK(error_of([] { pmq::condition_rate_by_count(95, 6, 100); }).path() == "basically_intact");
  // 完好 1200.5 m² + 基本完好 300 m² of 1600 m²
  CHECK(pmq::condition_rate_by_area(fraction(2401, 2), fraction(300), fraction(1600)).value() ==
        fraction(3001, 3200));
  CHECK(error_of([] {
          pmq::condition_rate_by_area(fraction(1300), fraction(301), fraction(1600));
        }).path() == "basically_intact_area");
  CHECK_FALSE(pmq::condition_rate_by_area(0, 0, 0));
}

// --- the catalogue as data -----------------------------------------------------------

TEST_CASE("every rule of §3 is in the catalogue and compiles",
          "[R-KPI-1][R-KPI-13][R-KPI-20][R-KPI-29][R-KPI-30]") {
  std::set<std::string> rules, ids;
  for (const auto &k : pmq::kpi_catalogue()) {
    CHECK_NOTHROW(pmq::kpi(k));
    CHECK(ids.insert(k.id).second);
    if (k.rule) rules.insert(*k.rule);
  }
  for (int i :
       {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30})
    CHECK(rules.count("R-KPI-" + std::to_string(i)) == 1);
  CHECK(error_of([] { pmq::catalogue_kpi("R-KPI-99"); }).code() == pmq::errc::invalid_argument);
}

TEST_CASE("supervision targets R-KPI-20 … R-KPI-29 as ready definitions",
          "[R-KPI-20][R-KPI-21][R-KPI-22][R-KPI-23][R-KPI-24][R-KPI-25][R-KPI-26][R-KPI-27][R-KPI-"
          "28][R-KPI-29]") {
  const auto check = [](const char *rule, const char *text) {
    CHECK(pmq::describe(pmq::catalogue_kpi(rule).target) == text);
  };
  check("R-KPI-20", "≥ 95 %");
  check("R-KPI-21", "≥ 98 %");
  check("R-KPI-22", "≥ 98 %");
  check("R-KPI-23", "= 0");
  check("R-KPI-24", "≥ 95 %");
  check("R-KPI-25", "≥ 98 %");
  check("R-KPI-26", "≥ 1 times per period");
  check("R-KPI-27", "≥ 100 %");
  check("R-KPI-28", "≥ 98 %");
  check("R-KPI-29", "≥ 100 %");
  CHECK(catalogue("R-KPI-21").evaluate({{"completed", 49}, {"planned", 50}}).result.status ==
        target_status::met);
  CHECK(catalogue("R-KPI-21").evaluate({{"completed", 48}, {"planned", 50}}).result.status ==
        target_status::missed);
  CHECK(catalogue("R-KPI-26").evaluate({{"trainings", 1}}).result.status == target_status::met);
  CHECK(catalogue("R-KPI-26").evaluate({{"trainings", 0}}).result.status == target_status::missed);
  CHECK(catalogue("R-KPI-29").evaluate({{"days_with_round", 30}, {"days", 31}}).result.status ==
        target_status::missed);
  CHECK(catalogue("R-KPI-23").evaluate({{"incidents", 0}}).result.status == target_status::met);
  CHECK(catalogue("R-KPI-27")
            .evaluate({{"assessed", 5}, {"hires", 3}, {"confirmations", 2}})
            .result.status == target_status::met);
}

TEST_CASE("catalogue KPIs check their counts, naming each field", "[R-KPI-12][R-KPI-31]") {
  const auto k = catalogue("complaint_timeliness");
  auto e = error_of([&] { k.evaluate({{"valid_complaints", 3}, {"handled_late", 5}}); });
  CHECK(has_problem(e, "counts.handled_late", "is more than valid_complaints (3)"));
  e = error_of([&] { k.evaluate({{"valid_complaints", -3}, {"handled_lat", 0}}); });
  CHECK(has_problem(e, "counts.valid_complaints", "must not be negative"));
  CHECK(has_problem(e, "counts.handled_lat", "unknown count"));
  CHECK(has_problem(e, "counts.handled_late", "missing count"));
  // the JSON reader refuses negatives and non-numbers with their path
  e = error_of(
      [] { pmq::quantities_from_json(pmq::parse_json(R"({"a": -1, "b": "x", "c": 1.1234567})")); });
  CHECK(has_problem(e, "counts.a", "must not be negative"));
  CHECK(has_problem(e, "counts.b", "expected a number"));
  CHECK(has_problem(e, "counts.c", "more than 6 decimals"));
  CHECK(pmq::quantities_from_json(pmq::parse_json(R"({"area": 1250.5})")).at("area") ==
        fraction(2501, 2));
}

TEST_CASE("every catalogue function equals its expression form on random inputs",
          "[R-KPI-1][R-KPI-2][R-KPI-3][R-KPI-4][R-KPI-5][R-KPI-6][R-KPI-7][R-KPI-8][R-KPI-9][R-KPI-"
          "10][R-KPI-11][R-KPI-12][R-KPI-13][expr]") {
  std::mt19937_64 rng(20261122); // fixed seed: reproducible
  const auto upto = [&](std::int64_t n) {
    return n <= 0 ? 0 : std::uniform_int_distribution<std::int64_t>(0, n)(rng);
  };
  const auto size = [&] {
    static const std::int64_t scales[] = {0, 3, 100, 100000, 1000000000};
    return upto(scales[upto(4)]);
  };
  struct pair_case {
    const char *id;
    std::function<std::pair<quantities, rate>()> draw;
  };
  using Q = quantities;
  const std::vector<pair_case> cases{
      {"document_error_rate",
       [&] {
         auto s = size(), n = upto(s);
         return std::pair{Q{{"nonconforming", n}, {"sent", s}}, pmq::document_error_rate(n, s)};
       }},
      {"publication_major_errors",
       [&] {
         auto m = size();
         return std::pair{Q{{"major_errors", m}}, pmq::publication_major_errors(m)};
       }},
      {"typo_rate",
       [&] {
         auto c = size(), e = upto(c);
         return std::pair{Q{{"errors", e}, {"characters", c}}, pmq::typo_rate(e, c)};
       }},
      {"certified_manager_rate",
       [&] {
         auto m = size(), c = upto(m);
         return std::pair{Q{{"certified", c}, {"managers", m}}, pmq::certified_manager_rate(c, m)};
       }},
      {"record_accuracy",
       [&] {
         auto r = size(), w = upto(r);
         return std::pair{Q{{"records", r}, {"wrong", w}}, pmq::record_accuracy(r, w)};
       }},
      {"hotline_timeliness",
       [&] {
         auto v = size(), l = upto(v);
         return std::pair{Q{{"valid_complaints", v}, {"handled_late", l}},
                          pmq::hotline_timeliness(v, l)};
       }},
      {"followup_satisfaction_manual",
       [&] {
         auto v = size(), s = upto(v), n = upto(v - s);
         return std::pair{Q{{"valid_complaints", v}, {"satisfied", s}, {"not_satisfied", n}},
                          pmq::followup_satisfaction_manual(v, s, n)};
       }},
      {"followup_satisfaction",
       [&] {
         auto f = size(), s = upto(f);
         return std::pair{Q{{"satisfied", s}, {"followed_up", f}},
                          pmq::followup_satisfaction(s, f)};
       }},
      {"training_execution",
       [&] {
         auto p = size(), h = upto(p);
         return std::pair{Q{{"held", h}, {"planned", p}}, pmq::training_execution(h, p)};
       }},
      {"reported_problem_timeliness",
       [&] {
         auto r = size(), n = upto(r);
         return std::pair{Q{{"reported", r}, {"not_closed_on_time", n}},
                          pmq::reported_problem_timeliness(r, n)};
       }},
      {"overall_satisfaction",
       [&] {
         auto q = upto(5000), i = upto(40), u = upto(q * i);
         return std::pair{
             Q{{"questionnaires", q}, {"items_per_questionnaire", i}, {"unsatisfied_items", u}},
             pmq::overall_satisfaction(q, i, u)};
       }},
      {"fee_collection_rate",
       [&] {
         auto d = size(), c = upto(d);
         return std::pair{Q{{"collected", fraction(c, 100)}, {"due", fraction(d, 100)}},
                          pmq::fee_collection_rate(money::from_fen(c), money::from_fen(d))};
       }},
      {"complaint_timeliness",
       [&] {
         auto v = size(), l = upto(v);
         return std::pair{Q{{"valid_complaints", v}, {"handled_late", l}},
                          pmq::complaint_timeliness(v, l)};
       }},
      {"lift_failure_rate",
       [&] {
         pmq::lift_counts c{upto(200), upto(366), size(), {}, {}};
         return std::pair{Q{{"failures", c.failures}, {"lifts", c.lifts}, {"days", c.days}},
                          pmq::lift_failure_rate(c)};
       }},
      {"lift_downtime_share",
       [&] {
         pmq::lift_counts c{upto(200), 0, 0, {}, fraction(upto(87840), 10)};
         c.failure_hours =
             fraction(upto((numerator(c.service_hours) * c.lifts).convert_to<std::int64_t>()),
                      denominator(c.service_hours));
         return std::pair{Q{{"failure_hours", c.failure_hours},
                            {"lifts", c.lifts},
                            {"service_hours", c.service_hours}},
                          pmq::lift_failure_rate(c, pmq::lift_failure_definition::downtime_share)};
       }},
      {"lift_failures_per_lift",
       [&] {
         pmq::lift_counts c{upto(200), 0, size(), {}, {}};
         return std::pair{Q{{"failures", c.failures}, {"lifts", c.lifts}},
                          pmq::lift_failure_rate(c, pmq::lift_failure_definition::per_lift)};
       }},
      {"satisfied_share",
       [&] {
         pmq::question_tally q{"Q", std::uint32_t(upto(100)), std::uint32_t(upto(100)),
                               std::uint32_t(upto(3))};
         return std::pair{Q{{"satisfied", q.satisfied},
                            {"basically_satisfied", q.basically_satisfied},
                            {"unsatisfied", q.unsatisfied}},
                          pmq::satisfied_share({q})};
       }},
      {"question_satisfaction",
       [&] {
         pmq::question_tally q{"Q", std::uint32_t(upto(100)), std::uint32_t(upto(100)),
                               std::uint32_t(upto(3))};
         return std::pair{
             Q{{"respondents", std::int64_t(q.satisfied) + q.basically_satisfied + q.unsatisfied},
               {"unsatisfied", q.unsatisfied}},
             pmq::question_rate(q)};
       }},
      {"dept_emergency_satisfaction_score",
       [&] {
         std::array<std::int64_t, 5> c{upto(3), upto(3), upto(50), upto(50), upto(50)};
         return std::pair{Q{{"score_1", c[0]},
                            {"score_2", c[1]},
                            {"score_3", c[2]},
                            {"score_4", c[3]},
                            {"score_5", c[4]}},
                          pmq::rating_mean(c)};
       }},
      {"condition_rate_by_count",
       [&] {
         auto t = size(), i = upto(t);
         return std::pair{Q{{"intact", i}, {"total", t}}, pmq::condition_rate_by_count(i, 0, t)};
       }},
      {"condition_rate_by_area",
       [&] {
         auto t = size(), i = upto(t), b = upto(t - i);
         return std::pair{
             Q{{"intact_area", fraction(i, 100)},
               {"basically_intact_area", fraction(b, 100)},
               {"total_area", fraction(t, 100)}},
             pmq::condition_rate_by_area(fraction(i, 100), fraction(b, 100), fraction(t, 100))};
       }},
  };
  for (const auto &c : cases) {
    const pmq::kpi k = catalogue(c.id);
    int no_data = 0;
    for (int trial = 0; trial < 300; ++trial) {
      const auto [counts, expected] = c.draw();
      const auto got = k.evaluate(counts);
      INFO(c.id << " trial " << trial << " counts " << pmq::quantities_to_json(counts).dump());
      REQUIRE(got.actual.has_value() == expected.has_value());
      if (expected)
        CHECK(got.actual.value() == expected.value());
      else
        ++no_data;
      CHECK(got.result.status == pmq::evaluate_target(k.definition().target, expected).status);
    }
    (void)no_data;
  }
}

// --- custom KPIs as data -------------------------------------------------------------

TEST_CASE("a custom KPI is data: checked once, evaluated exactly", "[expr][R-KPI-30]") {
  pmq::kpi_definition d;
  d.id = "repair_first_visit";
  d.name = "一次修复率";
  d.expression = "if(repairs == 0, 1, (repairs - revisits) / repairs)";
  d.inputs = {{"repairs", "维修单数", pmq::aggregation::sum},
              {"revisits", "返修单数", pmq::aggregation::sum}};
  d.constraints = {{"revisits", "repairs"}};
  d.target = tgt(pmq::comparator::ge, "95");
  const pmq::kpi k(d);
  CHECK(k.evaluate({{"repairs", 20}, {"revisits", 1}}).result.status == target_status::met);
  CHECK(k.evaluate({{"repairs", 20}, {"revisits", 2}}).result.status == target_status::missed);
  d.expression = "(repairs - revisit) / repairs";
  d.places = 9;
  d.inputs.push_back({"repairs", "again", pmq::aggregation::sum});
  d.constraints.push_back({"nope", "repairs"});
  const auto e = error_of([&] { pmq::kpi(d, "custom_kpis[0]"); });
  CHECK(has_problem(e, "custom_kpis[0].expression", "unknown name \"revisit\" at position 12"));
  CHECK(has_problem(e, "custom_kpis[0].places", "0..6"));
  CHECK(has_problem(e, "custom_kpis[0].inputs[2].name", "duplicate input"));
  CHECK(has_problem(e, "custom_kpis[0].constraints[1].field", "not an input"));
}

// --- periods -------------------------------------------------------------------------

TEST_CASE("periods: month, quarter, half-year, year", "[R-KPI-30][R-REP-1]") {
  const auto q1 = *pmq::parse_period("2028-Q1");
  CHECK(pmq::format_date(q1.first()) == "2028-01-01");
  CHECK(pmq::format_date(q1.last()) == "2028-03-31");
  CHECK(pmq::format_date(pmq::parse_period("2028-02")->last()) == "2028-02-29"); // leap year
  CHECK(pmq::format_date(pmq::parse_period("2026-H2")->first()) == "2026-07-01");
  CHECK(pmq::format_date(pmq::parse_period("2026")->last()) == "2026-12-31");
  CHECK(pmq::parse_period("2026-03")->label() == "2026-03");
  CHECK(pmq::period_of(pmq::date(2026, 8, 15), pmq::period_kind::quarter).label() == "2026-Q3");
  CHECK(pmq::period_of(pmq::date(2026, 8, 15), pmq::period_kind::half_year).label() == "2026-H2");
  for (const char *bad :
       {"2026-13", "2026-00", "2026-Q5", "2026-H3", "2026-1", "26-01", "2026-Q", "", "1399"})
    CHECK_FALSE(pmq::parse_period(bad));
}

TEST_CASE("counts are summed over a period and the rate recomputed, not averaged",
          "[R-KPI-30][R-KPI-31]") {
  const auto k = catalogue("complaint_timeliness");
  const std::vector<pmq::month_counts> months{
      {"2026-01", {{"valid_complaints", 40}, {"handled_late", 1}}}, // 97.5 %
      {"2026-03", {{"valid_complaints", 10}, {"handled_late", 0}}}, // 100 %
      {"2026-04", {{"valid_complaints", 0}, {"handled_late", 0}}},  // no complaints
  };
  const auto monthly = pmq::kpi_series(k, months, pmq::period_kind::month);
  REQUIRE(monthly.size() == 4);
  CHECK(monthly[1].when.label() == "2026-02");
  CHECK_FALSE(monthly[1].counts);                                   // February stays visible …
  CHECK(monthly[1].value.actual.reason() == "no data for 2026-02"); // … as no data
  CHECK(monthly[1].value.result.status == target_status::no_data);
  CHECK(monthly[3].value.actual.reason() == "no valid complaints");
  const auto quarterly = pmq::kpi_series(k, months, pmq::period_kind::quarter);
  REQUIRE(quarterly.size() == 2);
  CHECK(quarterly[0].value.actual.value() == fraction(49, 50)); // 98 %, not (97.5 + 100) / 2
  CHECK(quarterly[0].months_with_data == std::vector<std::string>{"2026-01", "2026-03"});
  CHECK_FALSE(quarterly[1].value.actual); // Q2: April had no complaints
  const auto yearly = pmq::kpi_series(k, months, pmq::period_kind::year);
  CHECK(yearly.at(0).value.actual.value() == fraction(49, 50));
}

TEST_CASE("inputs that are the same every month must agree over a period", "[R-KPI-10]") {
  const auto k = catalogue("R-KPI-10");
  std::vector<pmq::month_counts> months{
      {"2026-01",
       {{"questionnaires", 100}, {"items_per_questionnaire", 10}, {"unsatisfied_items", 10}}},
      {"2026-02",
       {{"questionnaires", 100}, {"items_per_questionnaire", 10}, {"unsatisfied_items", 30}}},
  };
  const auto q = pmq::kpi_series(k, months, pmq::period_kind::quarter);
  CHECK(q.at(0).value.actual.value() == fraction(1960, 2000));
  months[1].counts["items_per_questionnaire"] = 12;
  const auto e = error_of([&] { pmq::kpi_series(k, months, pmq::period_kind::quarter); });
  CHECK(has_problem(e, "[1].counts.items_per_questionnaire", "differs from [0].counts"));
  months[1].month = "2026-13";
  CHECK(has_problem(error_of([&] { pmq::kpi_series(k, months, pmq::period_kind::month); }),
                    "[1].month", "not a month"));
}

// --- decomposition and the statistics table (R-KPI-30) --------------------------------

namespace {
const char *plan_json = R"({
  "company": "XX物业公司", "year": 2026,
  "custom_kpis": [{"id": "repair_first_visit", "name": "一次修复率",
    "expression": "(repairs - revisits) / repairs",
    "inputs": [{"name": "repairs", "description": "维修单数"}, {"name": "revisits", "description": "返修单数"}],
    "constraints": [{"field": "revisits", "at_most": "repairs"}],
    "target": {"op": "ge", "threshold": 95, "unit": "percent"}, "no_data_reason": "no repairs"}],
  "targets": [
    {"key": "KF-01", "kpi": "R-KPI-12", "department": "客服部", "project": "阳光花园", "owner": "张三",
     "measures": ["投诉 24 小时内回复"], "check_frequency": "month"},
    {"key": "KF-02", "kpi": "R-KPI-10", "department": "客服部", "owner": "张三",
     "target": {"op": "ge", "threshold": 95, "unit": "percent"}},
    {"key": "GC-01", "kpi": "repair_first_visit", "department": "工程部", "owner": "李四"},
    {"key": "GZ-01", "kpi": "dept_fire_incidents", "department": "公秩部", "owner": "王五"}
  ]})";

const char *march_json = R"([{"month": "2026-03", "actuals": [
  {"target": "KF-01", "counts": {"valid_complaints": 40, "handled_late": 1}},
  {"target": "KF-02", "counts": {"questionnaires": 200, "items_per_questionnaire": 10, "unsatisfied_items": 90}},
  {"target": "GC-01", "counts": {"repairs": 0, "revisits": 0}}]}])";
} // namespace

TEST_CASE("the monthly 《质量目标完成统计表》 from a decomposed target set",
          "[R-KPI-30][R-KPI-31][R-REP-2]") {
  const pmq::compiled_plan plan(pmq::load_target_plan(plan_json));
  const auto months = pmq::month_actuals_from_json(pmq::parse_json(march_json));
  const auto t = plan.table(months, *pmq::parse_period("2026-03"));
  REQUIRE(t.rows.size() == 4);
  CHECK(t.rows[0].status == target_status::missed); // 97.5 % < 100 %
  CHECK(*t.rows[0].rule == "R-KPI-12");
  CHECK(t.rows[0].owner == "张三");
  CHECK(*t.rows[0].project == "阳光花园");
  CHECK(pmq::render(*t.rows[0].gap, 2) == "-2.50");
  CHECK(t.rows[1].status == target_status::met); // 95.5 % against the department's 95 %
  CHECK(pmq::describe(t.rows[1].target) == "≥ 95 %");
  CHECK(t.rows[2].status == target_status::no_data); // no repairs
  CHECK(t.rows[2].actual.reason() == "no repairs");
  CHECK(t.rows[3].status == target_status::no_data); // nothing reported
  CHECK(t.rows[3].actual.reason() == "no counts reported for 2026-03");
  CHECK(t.met == 1);
  CHECK(t.missed == 1);
  CHECK(t.no_data == 2);
  const auto j = pmq::to_json(t);
  CHECK(j["rows"][0]["actual"].dump() == R"({"exact":"39/40","value":"97.50","unit":"percent"})");
  CHECK(j["rows"][0]["target_text"] == "≥ 100 %");
  CHECK(j["rows"][0]["gap"] == "-2.50");
  CHECK_FALSE(j["rows"][3].contains("gap")); // no data, no gap: absent (docs/formats.md)
  const auto text = pmq::to_text(t);
  CHECK(text.find("质量目标完成统计表") != std::string::npos);
  CHECK(text.find("有效投诉处理及时率 | ≥ 100 % | 97.50 % | 未达成 missed | -2.50 | 客服部 / "
                  "阳光花园 | 张三 | R-KPI-12") != std::string::npos);
  // a quarter sums the months it holds
  const auto q = plan.table(months, *pmq::parse_period("2026-Q1"));
  CHECK(q.rows[0].actual.value() == fraction(39, 40));
  CHECK(q.rows[0].months == std::vector<std::string>{"2026-03"});
  CHECK(plan.table(months, *pmq::parse_period("2026-04")).no_data == 4);
}

TEST_CASE("plan and actuals: each bad-input class names its path", "[R-KPI-30]") {
  // malformed JSON
  CHECK(error_of([] { pmq::load_target_plan("{"); }).code() == pmq::errc::parse);
  // missing field, wrong type, empty list, unknown KPI, duplicate key
  auto e =
      error_of([] { pmq::load_target_plan(R"({"company": "C", "year": "2026", "targets": []})"); });
  CHECK(e.code() == pmq::errc::invalid_input);
  CHECK(has_problem(e, "year", "expected an integer"));
  e = error_of([] { pmq::load_target_plan(R"({"company": "C", "year": 2026, "targets": []})"); });
  CHECK(has_problem(e, "targets", "at least one target"));
  e = error_of([] {
    pmq::load_target_plan(R"({"company": "C", "year": 2026, "targets": [
      {"key": "A", "kpi": "R-KPI-12", "department": "客服部"},
      {"key": "A", "kpi": "R-KPI-99", "department": "客服部", "owner": "x"}]})");
  });
  CHECK(has_problem(e, "targets[0].owner", "missing required field"));
  e = error_of([] {
    pmq::load_target_plan(R"({"company": "C", "year": 2026, "targets": [
      {"key": "A", "kpi": "R-KPI-12", "department": "客服部", "owner": "x"},
      {"key": "A", "kpi": "R-KPI-99", "department": "客服部", "owner": "x"}]})");
  });
  CHECK(has_problem(e, "targets[1].key", "duplicate target key"));
  CHECK(has_problem(e, "targets[1].kpi", "no KPI \"R-KPI-99\""));
  // actuals: impossible month, negative count, inconsistent counts, unknown target
  const pmq::compiled_plan plan(pmq::load_target_plan(plan_json));
  e = error_of([] {
    pmq::month_actuals_from_json(pmq::parse_json(R"([{"month": "2026-03", "actuals": [
      {"target": "KF-01", "counts": {"valid_complaints": -40, "handled_late": 1}}]}])"));
  });
  CHECK(has_problem(e, "[0].actuals[0].counts.valid_complaints", "must not be negative"));
  const auto months =
      pmq::month_actuals_from_json(pmq::parse_json(R"([{"month": "2026-13", "actuals": [
      {"target": "KF-01", "counts": {"valid_complaints": 3, "handled_late": 4}},
      {"target": "KF-09", "counts": {}}]}])"));
  e = error_of([&] { plan.table(months, *pmq::parse_period("2026-03")); });
  CHECK(has_problem(e, "[0].month", "not a month"));
  CHECK(has_problem(e, "[0].actuals[0].counts.handled_late", "is more than valid_complaints (3)"));
  CHECK(has_problem(e, "[0].actuals[1].target", "no target \"KF-09\""));
  CHECK(has_problem(
      error_of([] { pmq::month_actuals_from_json(pmq::parse_json(R"({"month": 1})")); }), "",
      "expected an array"));
  CHECK(has_problem(
      error_of([] { pmq::month_actuals_from_json(pmq::parse_json(R"([{"month": "2026-01"}])")); }),
      "[0].actuals", "expected an array"));
}

// --- fee collection plans (R-KPI-32) ---------------------------------------------------

namespace {
const char *fee_json = R"({"name": "**项目欠费收缴计划", "lines": [
  {"fee_type": "电费欠费", "building": "6栋", "due": 152700.00, "target_rate": 90,
   "collected": [{"month": "2026-04", "amount": 60000}, {"month": "2026-05", "amount": 77430.00},
                 {"month": "2026-07", "amount": 5000}]},
  {"fee_type": "物业费欠费", "building": "6栋", "due": 159700.00, "target_rate": 90,
   "collected": [{"month": "2026-05", "amount": 143729.99}]}]})";
} // namespace

TEST_CASE("fee arrears plans: 152,700 and 159,700 yuan at 90 %, checked quarterly", "[R-KPI-32]") {
  CHECK(pmq::required_amount(yuan("152700"), points{90}) == yuan("137430.00"));
  CHECK(pmq::required_amount(yuan("159700"), points{90}) == yuan("143730.00"));
  CHECK(pmq::required_amount(yuan("0.05"), points{90}) == yuan("0.05")); // 0.045 rounds up
  const auto plan = pmq::load_fee_plan(fee_json);
  const auto q2 = pmq::check_fee_plan(plan, *pmq::parse_period("2026-Q2"));
  REQUIRE(q2.lines.size() == 2);
  CHECK(q2.lines[0].collected == yuan("137430.00")); // the July payment is after the check
  CHECK(q2.lines[0].status == target_status::met);
  CHECK(q2.lines[0].actual.percent() == "90.00");
  CHECK(q2.lines[1].status == target_status::missed); // one fen short
  CHECK(q2.lines[1].shortfall == yuan("0.01"));
  CHECK(q2.lines[1].actual.percent() == "90.00"); // renders as 90.00, yet missed
  CHECK(q2.by_fee_type.size() == 2);
  REQUIRE(q2.by_building.size() == 1); // both lines are 6栋
  CHECK(*q2.by_building[0].building == "6栋");
  CHECK(q2.by_building[0].due == yuan("312400.00"));
  CHECK(q2.total.due == yuan("312400.00"));
  CHECK(q2.total.required == yuan("281160.00"));
  CHECK(q2.total.status == target_status::missed);
  CHECK(q2.total.target_rate == points{90});
  const auto q1 = pmq::check_fee_plan(plan, *pmq::parse_period("2026-Q1"));
  CHECK(q1.lines[0].collected == money{});
  CHECK(q1.lines[0].shortfall == yuan("137430.00"));
  const auto j = pmq::to_json(q2);
  CHECK(j["lines"][0]["required"] == "137430.00");
  CHECK(j["checked_to"] == "2026-06-30");
  CHECK(j["lines"][1]["collected_in_period"] == "143729.99");
}

TEST_CASE("fee plans refuse impossible amounts, naming the field", "[R-KPI-32]") {
  auto plan = pmq::load_fee_plan(fee_json);
  plan.lines[1].collected.push_back({"2026-06", yuan("20000")});
  plan.lines[0].collected[0].amount = yuan("-1");
  plan.lines[0].collected[1].month = "2026-5";
  plan.lines[0].target_rate = points{101};
  const auto e = error_of([&] { pmq::check_fee_plan(plan, *pmq::parse_period("2026-Q2")); });
  CHECK(has_problem(e, "lines[1].collected", "more than the 159700.00 due"));
  CHECK(has_problem(e, "lines[0].collected[0].amount", "must not be negative"));
  CHECK(has_problem(e, "lines[0].collected[1].month", "not a month"));
  CHECK(has_problem(e, "lines[0].target_rate", "at most 100"));
  CHECK(has_problem(
      error_of([] {
        pmq::load_fee_plan(
            R"({"name": "x", "lines": [{"fee_type": "a", "due": 1.001, "target_rate": 90}]})");
      }),
      "lines[0].due", "more than 2 decimals"));
  CHECK(has_problem(error_of([] {
                      pmq::check_fee_plan(pmq::fee_plan{"x", {}}, *pmq::parse_period("2026"));
                    }),
                    "lines", "at least one line"));
}

TEST_CASE("series edges: empty input, the last representable month", "[R-KPI-30]") {
  const auto k = catalogue("R-KPI-12");
  CHECK(has_problem(error_of([&] { pmq::kpi_series(k, {}, pmq::period_kind::month); }), "",
                    "at least one month"));
  const auto s = pmq::kpi_series(k, {{"9999-12", {{"valid_complaints", 1}, {"handled_late", 0}}}},
                                 pmq::period_kind::year);
  CHECK(s.size() == 1);
  const auto dup = error_of([&] {
    pmq::kpi_series(k,
                    {{"2026-01", {{"valid_complaints", 1}, {"handled_late", 0}}},
                     {"2026-01", {{"valid_complaints", 1}, {"handled_late", 0}}}},
                    pmq::period_kind::month);
  });
  CHECK(has_problem(dup, "[1].month", "given twice"));
  CHECK(has_problem(error_of([] {
                      pmq::quantities_from_json(pmq::parse_json(R"({"a": -9223372036854775808})"));
                    }),
                    "counts.a", "must not be negative"));
}

// --- issue 9: exact where the rules meet ---------------------------------------------

namespace {
std::vector<pmq::month_counts> trainings(std::initializer_list<std::pair<const char *, int>> ms) {
  std::vector<pmq::month_counts> out;
  for (const auto &[month, n] : ms)
    out.push_back({month, {{"trainings", n}}});
  return out;
}
pmq::period per(const char *text) { return *pmq::parse_period(text); }
} // namespace

TEST_CASE("R-KPI-26 over a quarter every month must have a training", "[R-KPI-26][R-KPI-30]") {
  // 001 §2.2.4 每月至少培训一次: one January training does not make a quarter.
  const auto k = catalogue("R-KPI-26");
  CHECK(k.longer_periods() == pmq::longer_period_rule::every_month);
  auto q = pmq::evaluate_period(k, trainings({{"2026-01", 1}, {"2026-02", 0}, {"2026-03", 0}}),
                                per("2026-Q1"));
  CHECK(q.value.result.status == target_status::missed); // was met: 1 training in the quarter
  CHECK(q.value.actual.value() == 0);                    // the worst month's count …
  CHECK(*q.value.result.gap == -1);                      // … and its gap
  REQUIRE(q.by_month.size() == 3);
  CHECK(q.by_month[0].month == "2026-01");
  CHECK(q.by_month[0].value.result.status == target_status::met);
  CHECK(q.by_month[1].value.result.status == target_status::missed);
  CHECK(q.by_month[2].value.result.status == target_status::missed);
  // the other side of the boundary: exactly one training in each month
  q = pmq::evaluate_period(k, trainings({{"2026-01", 1}, {"2026-02", 1}, {"2026-03", 1}}),
                           per("2026-Q1"));
  CHECK(q.value.result.status == target_status::met);
  CHECK(*q.value.result.gap == 0);
  q = pmq::evaluate_period(k, trainings({{"2026-01", 4}, {"2026-02", 2}, {"2026-03", 3}}),
                           per("2026-Q1"));
  CHECK(q.value.actual.value() == 2); // the worst month, not the total of 9
  // a month without a report: not known to be met …
  q = pmq::evaluate_period(k, trainings({{"2026-01", 1}, {"2026-03", 1}}), per("2026-Q1"));
  CHECK(q.value.result.status == target_status::no_data);
  CHECK(q.value.actual.reason() ==
        "no data for 2026-02 (every month of 2026-Q1 must meet the target)");
  CHECK(q.by_month[1].value.actual.reason() == "no data for 2026-02");
  // … unless another month already missed
  q = pmq::evaluate_period(k, trainings({{"2026-01", 0}, {"2026-03", 1}}), per("2026-Q1"));
  CHECK(q.value.result.status == target_status::missed);
  // a year: twelve months, each must have one
  std::vector<pmq::month_counts> year;
  for (int m = 1; m <= 12; ++m)
    year.push_back({(m < 10 ? "2026-0" : "2026-") + std::to_string(m), {{"trainings", 1}}});
  CHECK(pmq::evaluate_period(k, year, per("2026")).value.result.status == target_status::met);
  year[7].counts["trainings"] = 0;
  CHECK(pmq::evaluate_period(k, year, per("2026")).value.result.status == target_status::missed);
  // a month is what it always was
  const auto m = pmq::evaluate_period(k, trainings({{"2026-02", 0}}), per("2026-02"));
  CHECK(m.value.result.status == target_status::missed);
  CHECK(m.by_month.size() == 1);
  // the series and the table follow the same rule
  const auto s = pmq::kpi_series(k, trainings({{"2026-01", 1}, {"2026-02", 0}, {"2026-03", 2}}),
                                 pmq::period_kind::quarter);
  REQUIRE(s.size() == 1);
  CHECK(s[0].value.result.status == target_status::missed);
  const auto j = pmq::to_json(s);
  CHECK(j[0]["longer_periods"] == "every_month");
  CHECK(j[0]["by_month"][1].dump() ==
        R"({"month":"2026-02","actual":{"exact":"0","value":"0","unit":"times_per_period"},)"
        R"("status":"missed","gap":"-1"})");
  const pmq::compiled_plan plan(pmq::load_target_plan(R"({"company": "C", "year": 2026,
    "targets": [{"key": "PX-01", "kpi": "R-KPI-26", "department": "客服部", "owner": "张三"}]})"));
  const auto actuals = pmq::month_actuals_from_json(pmq::parse_json(R"([
    {"month": "2026-01", "actuals": [{"target": "PX-01", "counts": {"trainings": 1}}]},
    {"month": "2026-02", "actuals": [{"target": "PX-01", "counts": {"trainings": 0}}]},
    {"month": "2026-03", "actuals": [{"target": "PX-01", "counts": {"trainings": 0}}]}])"));
  const auto t = plan.table(actuals, per("2026-Q1"));
  CHECK(t.rows[0].status == target_status::missed);
  CHECK(t.missed == 1);
  CHECK(pmq::to_text(t).find("≥ 1 times per period, every month | 0 | 未达成 missed | -1") !=
        std::string::npos);
  CHECK(plan.table(actuals, per("2026-01")).rows[0].status == target_status::met);
}

TEST_CASE("R-KPI-8 is yearly: a month or a quarter asks for the year to date", "[R-KPI-8]") {
  // 003 三、业务总部 1、全年培训计划实施率 = 年度培训实施项数 / 年度培训计划项数
  const auto k = catalogue("R-KPI-8");
  CHECK(k.longer_periods() == pmq::longer_period_rule::year_to_date);
  const std::vector<pmq::month_counts> months{
      {"2025-12", {{"held", 0}, {"planned", 5}}}, // another year: never counted in 2026
      {"2026-01", {{"held", 1}, {"planned", 1}}},
      {"2026-02", {{"held", 0}, {"planned", 1}}},
      {"2026-03", {{"held", 1}, {"planned", 1}}},
  };
  auto r = pmq::evaluate_period(k, months, per("2026-03"));
  CHECK(r.value.actual.value() == fraction(2, 3)); // January to March, not March's 1/1
  CHECK(r.value.result.status == target_status::missed);
  CHECK(r.months_with_data == std::vector<std::string>{"2026-01", "2026-02", "2026-03"});
  r = pmq::evaluate_period(k, months, per("2026-01"));
  CHECK(r.value.actual.value() == 1); // the other side: the year so far is complete
  CHECK(r.value.result.status == target_status::met);
  CHECK(pmq::evaluate_period(k, months, per("2026-Q2")).value.actual.value() == fraction(2, 3));
  CHECK(pmq::evaluate_period(k, months, per("2026")).value.actual.value() == fraction(2, 3));
  CHECK(pmq::evaluate_period(k, months, per("2025")).value.actual.value() == 0);
  CHECK_FALSE(pmq::evaluate_period(k, months, per("2027-01")).value.actual);
  // a monthly series is the cumulative execution of the year's plan
  const auto s = pmq::kpi_series(k, months, pmq::period_kind::month);
  REQUIRE(s.size() == 4);
  CHECK(s[1].value.actual.value() == 1);
  CHECK(s[2].value.actual.value() == fraction(1, 2));
  CHECK(s[3].value.actual.value() == fraction(2, 3));
  CHECK(pmq::to_json(s)[3]["longer_periods"] == "year_to_date");
  // the statistics table: the row says which months it summed
  const pmq::compiled_plan plan(pmq::load_target_plan(R"({"company": "C", "year": 2026,
    "targets": [{"key": "YW-01", "kpi": "R-KPI-8", "department": "业务总部", "owner": "x"}]})"));
  const auto actuals = pmq::month_actuals_from_json(pmq::parse_json(R"([
    {"month": "2026-01", "actuals": [{"target": "YW-01", "counts": {"held": 1, "planned": 1}}]},
    {"month": "2026-02", "actuals": [{"target": "YW-01", "counts": {"held": 0, "planned": 1}}]}])"));
  const auto t = plan.table(actuals, per("2026-02"));
  CHECK(t.rows[0].actual.value() == fraction(1, 2));
  CHECK(t.rows[0].months == std::vector<std::string>{"2026-01", "2026-02"});
  CHECK(pmq::to_json(t)["rows"][0]["longer_periods"] == "year_to_date");
  CHECK(pmq::to_text(t).find("≥ 100 %, year to date | 50.00 %") != std::string::npos);
}

TEST_CASE("R-KPI-30 a count limited per month is scaled by the months of a longer period",
          "[R-KPI-30]") {
  // "valid complaints ≤ 3 a month" over a quarter is ≤ 9, not ≤ 3 against the quarter's total
  const pmq::compiled_plan plan(pmq::load_target_plan(R"({"company": "C", "year": 2026,
    "targets": [{"key": "GZ-02", "kpi": "dept_valid_complaints", "department": "公秩部",
                 "owner": "王五", "target": {"op": "le", "threshold": 3, "unit": "count"}},
                {"key": "GZ-03", "kpi": "dept_valid_complaints", "department": "公秩部",
                 "owner": "王五"}]})"));
  const auto months = [](int jan, int feb, int mar) {
    return pmq::month_actuals_from_json(pmq::parse_json(
        "[" + std::string(R"({"month": "2026-01", "actuals": [{"target": "GZ-02", "counts": )") +
        R"({"valid_complaints": )" + std::to_string(jan) + "}}, " +
        R"({"target": "GZ-03", "counts": {"valid_complaints": )" + std::to_string(jan) + "}}]}," +
        R"({"month": "2026-02", "actuals": [{"target": "GZ-02", "counts": )" +
        R"({"valid_complaints": )" + std::to_string(feb) + "}}]}," +
        R"({"month": "2026-03", "actuals": [{"target": "GZ-02", "counts": )" +
        R"({"valid_complaints": )" + std::to_string(mar) + "}}]}]"));
  };
  auto t = plan.table(months(3, 3, 3), per("2026-Q1"));
  CHECK(t.rows[0].actual.value() == 9);
  CHECK(t.rows[0].status == target_status::met); // was missed: 9 against ≤ 3
  CHECK(t.rows[0].applied_target.threshold == points{9});
  CHECK(t.rows[0].target.threshold == points{3}); // as stated
  CHECK(*t.rows[0].gap == 0);
  t = plan.table(months(3, 3, 4), per("2026-Q1"));
  CHECK(t.rows[0].status == target_status::missed); // the other side: 10 > 9
  CHECK(*t.rows[0].gap == 1);
  const auto j = pmq::to_json(t);
  CHECK(j["rows"][0]["longer_periods"] == "scale");
  CHECK(j["rows"][0]["target_text"] == "≤ 3");
  CHECK(j["rows"][0]["applied_target_text"] == "≤ 9");
  CHECK(pmq::to_text(t).find("≤ 3 a month, ≤ 9 over 3 months | 10 | 未达成 missed | 1") !=
        std::string::npos);
  // only the months that reported count: GZ-03 (default ≤ 5) reported January alone
  CHECK(t.rows[1].applied_target.threshold == points{5});
  CHECK(t.rows[1].months == std::vector<std::string>{"2026-01"});
  // a month is compared as stated
  t = plan.table(months(3, 3, 4), per("2026-03"));
  CHECK(t.rows[0].status == target_status::missed);
  CHECK(t.rows[0].applied_target == t.rows[0].target);
  // the catalogue default, ≤ 5 a month, over a fully reported quarter: 15 met, 16 missed
  const auto k = catalogue("dept_valid_complaints");
  const auto three = [](int a, int b, int c) {
    return std::vector<pmq::month_counts>{{"2026-04", {{"valid_complaints", a}}},
                                          {"2026-05", {{"valid_complaints", b}}},
                                          {"2026-06", {{"valid_complaints", c}}}};
  };
  CHECK(pmq::evaluate_period(k, three(5, 5, 5), per("2026-Q2")).value.result.status ==
        target_status::met);
  CHECK(pmq::evaluate_period(k, three(5, 5, 6), per("2026-Q2")).value.result.status ==
        target_status::missed);
  CHECK(pmq::describe(pmq::evaluate_period(k, three(5, 5, 6), per("2026-Q2")).value.target) ==
        "≤ 15");
  // "= 0" stays 0 however many months
  CHECK(pmq::evaluate_period(catalogue("dept_fire_incidents"),
                             {{"2026-01", {{"fires", 0}}}, {"2026-02", {{"fires", 0}}}},
                             per("2026-Q1"))
            .value.result.status == target_status::met);
  // rates are recomputed, never scaled
  CHECK(catalogue("R-KPI-12").longer_periods() == pmq::longer_period_rule::recompute);
  pmq::kpi_definition d = pmq::catalogue_kpi("R-KPI-12");
  d.longer_periods = pmq::longer_period_rule::scale;
  CHECK(has_problem(error_of([&] { pmq::kpi(d, "custom_kpis[0]"); }),
                    "custom_kpis[0].longer_periods", "recompute"));
  CHECK(has_problem(error_of([] {
                      pmq::load_target_plan(R"({"company": "C", "year": 2026, "targets": [
      {"key": "A", "kpi": "dept_valid_complaints", "department": "d", "owner": "o",
       "target": {"op": "le", "threshold": 3, "unit": "percent"}}]})");
                    }),
                    "targets[0].target.unit", "cannot be scaled"));
}

TEST_CASE("R-KPI-32 an aggregate's requirement is its due × rate rounded up once", "[R-KPI-32]") {
  // Two lines due 135,016.34 and 10,868.75 at 92.5 %: 124,890.1145 → 124,890.12 and
  // 10,053.59375 → 10,053.60 each, but together 145,885.09 × 92.5 % = 134,943.70825 →
  // 134,943.71 (adding the rounded-up lines gave 134,943.72).
  const auto plan = pmq::load_fee_plan(R"({"name": "计划", "lines": [
    {"fee_type": "电费欠费", "building": "8栋", "due": 135016.34, "target_rate": 92.5},
    {"fee_type": "物业费欠费", "building": "6栋", "due": 10868.75, "target_rate": 92.5}]})");
  auto c = pmq::check_fee_plan(plan, per("2026"));
  CHECK(c.lines[0].required == yuan("124890.12"));
  CHECK(c.lines[1].required == yuan("10053.60"));
  CHECK(c.total.required == yuan("134943.71"));
  CHECK(c.by_building[0].required == yuan("124890.12")); // one line each: as the line
  // both sides of the total's requirement
  auto p2 = plan;
  p2.lines[0].collected = {{"2026-03", yuan("124890.12")}};
  p2.lines[1].collected = {{"2026-03", yuan("10053.59")}};
  c = pmq::check_fee_plan(p2, per("2026"));
  CHECK(c.total.collected == yuan("134943.71"));
  CHECK(c.total.status == target_status::met); // was missed, short 0.01 of 134,943.72
  CHECK(c.total.shortfall == money{});
  CHECK(c.lines[1].status == target_status::missed); // the line itself is a fen short
  p2.lines[0].collected = {{"2026-03", yuan("124890.11")}};
  c = pmq::check_fee_plan(p2, per("2026"));
  CHECK(c.total.status == target_status::missed);
  CHECK(c.total.shortfall == yuan("0.01"));
  // lines with different rates: Σ due × rate, rounded up once
  const auto mixed = pmq::load_fee_plan(R"({"name": "x", "lines": [
    {"fee_type": "a", "building": "1", "due": 0.05, "target_rate": 90},
    {"fee_type": "a", "building": "2", "due": 0.05, "target_rate": 95}]})");
  c = pmq::check_fee_plan(mixed, per("2026"));
  CHECK(c.lines[0].required == yuan("0.05"));       // 0.045 → 0.05
  CHECK(c.lines[1].required == yuan("0.05"));       // 0.0475 → 0.05
  CHECK(c.by_fee_type[0].required == yuan("0.10")); // 0.0925 → 0.10 (here equal)
  CHECK_FALSE(c.by_fee_type[0].target_rate);
  // random plans (fixed seed) against the exact rule computed here
  std::mt19937_64 rng(9032026);
  int differ_from_line_sum = 0;
  for (int trial = 0; trial < 300; ++trial) {
    pmq::fee_plan fp{"random", {}};
    const int n = std::uniform_int_distribution<int>(1, 8)(rng);
    fraction exact_total;
    money line_sum;
    for (int i = 0; i < n; ++i) {
      pmq::fee_plan_line l;
      l.fee_type = "t" + std::to_string(i % 3);
      l.building = "b" + std::to_string(i);
      l.due = money::from_fen(std::uniform_int_distribution<std::int64_t>(0, 20000000)(rng));
      l.target_rate = points::from_milli(std::uniform_int_distribution<std::int64_t>(1, 100)(rng) *
                                         500); // 0.5 % steps
      exact_total += fraction(l.due.fen()) * l.target_rate.value() / 100;
      line_sum += pmq::required_amount(l.due, l.target_rate);
      fp.lines.push_back(l);
    }
    const auto r = pmq::check_fee_plan(fp, per("2026"));
    INFO("trial " << trial);
    CHECK(r.total.required.fen() == pmq::ceil(exact_total));
    if (r.total.required != line_sum) ++differ_from_line_sum;
  }
  CHECK(differ_from_line_sum > 0); // the old sum of rounded-up lines was wrong in some plans
}

TEST_CASE("R-KPI-12 counts are whole numbers; only money, areas and hours are decimal",
          "[R-KPI-12][R-KPI-11][R-KPI-13][R-KPI-30]") {
  const auto k = catalogue("R-KPI-12");
  const auto counts = [](const char *text) {
    return pmq::quantities_from_json(pmq::parse_json(text));
  };
  auto e = error_of([&] { k.evaluate(counts(R"({"valid_complaints": 1.5, "handled_late": 0})")); });
  CHECK(e.code() == pmq::errc::invalid_input);
  CHECK(has_problem(e, "counts.valid_complaints", "must be a whole number (a count), got 1.5"));
  // a whole number written with a decimal point is a whole number
  CHECK(k.evaluate(counts(R"({"valid_complaints": 2.0, "handled_late": 0})")).actual.value() == 1);
  CHECK(has_problem(error_of([&] {
                      k.evaluate({{"valid_complaints", 4}, {"handled_late", fraction(1, 3)}});
                    }),
                    "counts.handled_late", "got 1/3"));
  // money is exact to the fen; areas and hours take up to 6 decimals
  const auto fee = catalogue("R-KPI-11");
  CHECK(fee.evaluate(counts(R"({"collected": 94999.99, "due": 100000})")).actual);
  CHECK(has_problem(error_of([&] { fee.evaluate(counts(R"({"collected": 0.005, "due": 1})")); }),
                    "counts.collected", "exact to the fen"));
  CHECK(catalogue("condition_rate_by_area")
            .evaluate(counts(R"({"intact_area": 1200.5, "basically_intact_area": 0.000001,
                                 "total_area": 1600})"))
            .actual);
  CHECK(catalogue("lift_downtime_share")
            .evaluate(counts(R"({"failure_hours": 7.25, "lifts": 10, "service_hours": 720})"))
            .actual.value() == fraction(725, 720000));
  CHECK(has_problem(
      error_of([] {
        catalogue("lift_downtime_share")
            .evaluate({{"failure_hours", fraction(1, 3)}, {"lifts", 1}, {"service_hours", 720}});
      }),
      "counts.failure_hours", "at most 6 decimals"));
  CHECK(has_problem(
      error_of([] {
        catalogue("lift_downtime_share")
            .evaluate({{"failure_hours", 1}, {"lifts", fraction(5, 2)}, {"service_hours", 720}});
      }),
      "counts.lifts", "whole number"));
  // in the statistics table the path runs through the actuals
  const pmq::compiled_plan plan(pmq::load_target_plan(plan_json));
  const auto months =
      pmq::month_actuals_from_json(pmq::parse_json(R"([{"month": "2026-03", "actuals": [
      {"target": "KF-01", "counts": {"valid_complaints": 1.5, "handled_late": 0}}]}])"));
  CHECK(has_problem(error_of([&] { plan.table(months, per("2026-03")); }),
                    "[0].actuals[0].counts.valid_complaints", "whole number"));
  // a custom KPI says which of its inputs are not counts
  pmq::kpi_definition d;
  d.id = "energy";
  d.name = "能耗";
  d.expression = "spent / budget";
  d.inputs = {{"spent", "支出", pmq::aggregation::sum, pmq::quantity_kind::money},
              {"budget", "预算", pmq::aggregation::sum, pmq::quantity_kind::money}};
  d.target = tgt(pmq::comparator::le, "100");
  CHECK(pmq::kpi(d).evaluate({{"spent", fraction(12345, 100)}, {"budget", 200}}).actual);
  const auto defaults =
      pmq::from_json_value<pmq::kpi_input>(pmq::parse_json(R"({"name": "n", "description": "d"})"));
  CHECK(defaults.kind == pmq::quantity_kind::count);
}

TEST_CASE("R-KPI-30 JSON counts are read as written, or refused: never rounded through a double",
          "[R-KPI-30][R-KPI-31]") {
  const auto read = [](const std::string &text) {
    return pmq::quantities_from_json(pmq::parse_json(text, "counts"), "counts");
  };
  // 16 significant digits cannot come back from a double: 5191955096804367.22 was read as
  // 5191955096804367, silently
  auto e = error_of([&] { read(R"({"a": 5191955096804367.22})"); });
  CHECK(e.code() == pmq::errc::invalid_input);
  CHECK(has_problem(e, "counts.a", "15 significant digits"));
  CHECK(has_problem(error_of([&] { read(R"({"a": 123456789012345.6})"); }), "counts.a",
                    "15 significant digits"));
  // fifteen are read exactly, however they are written
  CHECK(read(R"({"a": 12345678901234.5})").at("a") == fraction(123456789012345, 10));
  CHECK(read(R"({"a": 0.1})").at("a") == fraction(1, 10));
  CHECK(read(R"({"a": 1.5e3})").at("a") == 1500);
  CHECK(read(R"({"a": 0.000001})").at("a") == fraction(1, 1000000));
  CHECK(has_problem(error_of([&] { read(R"({"a": 0.0000001})"); }), "counts.a",
                    "more than 6 decimals"));
  // integers are exact up to the reader's limit, and refused with their path beyond it
  CHECK(read(R"({"a": 4611686018427387903})").at("a") == pmq::max_quantity);
  CHECK(has_problem(error_of([&] { read(R"({"a": 4611686018427387904})"); }), "counts.a",
                    "too large"));
  CHECK(has_problem(error_of([&] { read(R"({"a": 1e20})"); }), "counts.a", "too large"));
  CHECK(has_problem(error_of([&] { read(R"({"a": 123456789012345678901234})"); }), "counts.a",
                    "significant digits"));
}

TEST_CASE("R-KPI-31 large counts give exact values, never an internal error", "[R-KPI-31][expr]") {
  // a percent KPI with 10^15 complaints: exact, and the miss shows its sign
  const auto k = catalogue("R-KPI-12");
  const fraction big = pmq::integer(1000000000000000);
  auto r = k.evaluate({{"valid_complaints", big}, {"handled_late", 1}});
  CHECK(r.actual.value() == fraction(999999999999999, 1000000000000000));
  CHECK(r.result.status == target_status::missed);
  CHECK(pmq::to_json(r)["gap"] == "-0.00");
  CHECK(pmq::to_json(r)["actual"]["value"] == "100.00");
  r = k.evaluate({{"valid_complaints", big}, {"handled_late", 0}});
  CHECK(r.result.status == target_status::met);
  CHECK(pmq::to_json(r)["gap"] == "0.00");
  // the largest counts the JSON reader takes, through the catalogue's expressions
  const auto q = pmq::quantities_from_json(pmq::parse_json(
      R"({"questionnaires": 4611686018427387903, "items_per_questionnaire": 4611686018427387903,
          "unsatisfied_items": 1})"));
  r = catalogue("R-KPI-10").evaluate(q);
  CHECK(r.result.status == target_status::met);
  CHECK(pmq::exact::to_string(r.actual.value()) ==
        "21267647932558653957237540927630737408/21267647932558653957237540927630737409");
  // expressions: a * a for a = 10^9 … 10^18
  for (int digits = 9; digits <= 18; ++digits) {
    pmq::integer a = 1;
    for (int i = 0; i < digits; ++i)
      a *= 10;
    const auto values = pmq::quantities_from_json(pmq::parse_json("{\"a\": " + a.str() + "}"));
    CHECK(pmq::expression::parse("a * a").evaluate(values).value() == fraction(a * a));
  }
}

TEST_CASE("R-KPI-11 a missed target shows the sign of its gap on every rendering",
          "[R-KPI-11][R-KPI-30][R-KPI-31]") {
  // 94,999.99 of 100,000.00: 94.99999 %, gap −0.00001 — never "0.00" on a missed target
  const auto k = catalogue("R-KPI-11");
  const quantities short_by_a_fen{{"collected", fraction(9499999, 100)}, {"due", 100000}};
  const auto r = k.evaluate(short_by_a_fen);
  CHECK(r.result.status == target_status::missed);
  CHECK(pmq::to_json(r)["gap"] == "-0.00");
  const pmq::compiled_plan plan(pmq::load_target_plan(R"({"company": "C", "year": 2026,
    "targets": [{"key": "KF-03", "kpi": "R-KPI-11", "department": "客服部", "owner": "赵六"}]})"));
  const auto actuals = pmq::month_actuals_from_json(pmq::parse_json(R"([
    {"month": "2026-03", "actuals": [{"target": "KF-03", "counts": {"collected": 94999.99, "due": 100000}}]}])"));
  const auto t = plan.table(actuals, per("2026-03"));
  CHECK(pmq::to_json(t)["rows"][0]["gap"] == "-0.00");
  CHECK(pmq::to_text(t).find("| 95.00 % | 未达成 missed | -0.00 |") != std::string::npos);
  const auto s = pmq::kpi_series(k, {{"2026-03", short_by_a_fen}}, pmq::period_kind::month);
  CHECK(pmq::to_json(s)[0]["gap"] == "-0.00");
  // a value below zero that rounds to zero keeps its sign too (R-KPI-7 as the manual writes
  // it can be negative)
  CHECK(pmq::rate_to_json(rate::of(fraction(-1, 1000000))).dump() ==
        R"({"exact":"-1/1000000","value":"-0.00","unit":"percent"})");
  // and a month's gap inside a period evaluated month by month
  const auto m =
      pmq::evaluate_period(catalogue("R-KPI-26"), trainings({{"2026-01", 0}}), per("2026-Q1"));
  CHECK(pmq::to_json(std::vector<pmq::series_point>{m})[0]["by_month"][0]["gap"] == "-1");
}

TEST_CASE("KPI documents report every problem in one pass: a type error does not hide the "
          "rules broken elsewhere",
          "[R-KPI-30][R-KPI-32][bad-input]") {
  SECTION("a custom KPI: a wrong type in one input and a bad name in another") {
    const auto def = pmq::json::parse(R"({
      "id": "x", "name": "自定义", "expression": "a / nope",
      "inputs": [{"name": "a", "description": "", "kind": 5},
                 {"name": "1b", "description": ""}],
      "target": {"op": "ge", "threshold": 90, "unit": "percent"}})");
    const auto e = error_of([&] { pmq::kpi::from_json(def); });
    CHECK(has_problem(e, "inputs[0].kind", "expected"));
    CHECK(has_problem(e, "inputs[1].name", "1b"));
    // The expression's own check is left out: it reads the inputs, one of which could not be
    // read (docs/c-api.md, "Every problem of a document").
    CHECK_FALSE(has_problem(e, "expression", "nope"));
  }
  SECTION("a target plan: a wrong type in one target and an unknown KPI in another") {
    const auto e = error_of([] {
      pmq::load_target_plan(R"({"company": "C", "year": 2026, "targets": [
        {"key": "A", "kpi": "R-KPI-12", "department": "客服部", "owner": "张三", "measures": 3},
        {"key": "B", "kpi": "no-such-kpi", "department": "客服部", "owner": "张三"}]})");
    });
    CHECK(has_problem(e, "targets[0].measures", "expected an array"));
    CHECK(has_problem(e, "targets[1].kpi", "no-such-kpi"));
  }
  SECTION("a fee plan: a wrong type in one line and an impossible rate in another") {
    const auto e = error_of([] {
      pmq::check_fee_plan(std::string_view(R"({"name": "欠费回收", "lines": [
        {"fee_type": "电费欠费", "due": "lots", "target_rate": 90},
        {"fee_type": "物业费欠费", "due": 1000, "target_rate": 150}]})"),
                          *pmq::parse_period("2026-04"));
    });
    CHECK(has_problem(e, "lines[0].due", "expected a number"));
    CHECK(has_problem(e, "lines[1].target_rate", ""));
    // A problem inside the object that could not be read is left out: it would be about a
    // default, not about the document.
    for (const auto &p : e.problems())
      CHECK((p.path.rfind("lines[0]", 0) != 0 || p.path == "lines[0].due"));
  }
}
