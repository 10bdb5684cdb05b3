#include "pmq/bands.hpp"

#include "test_support.hpp"

using namespace pmq_test;
using pmq::points;

namespace {
points p(const char *s) { return *points::parse(s); }
std::string pay_band(const char *score) {
  return pmq::classify(pmq::builtin_band_table("pay_adjustment"), p(score)).id;
}
pmq::band_table table(const std::string &bands) {
  return pmq::load_band_table(R"({"id":"t","title":"t","min":0,"max":100,"bands":)" + bands + "}");
}
} // namespace

TEST_CASE("pay adjustment edges exactly as written, both sides", "[R-SCORE-4]") {
  CHECK(pay_band("100") == "plus_10"); // the maximum is in a band
  CHECK(pay_band("95") == "plus_10");  // 95分(含95分)以上
  CHECK(pay_band("94.999") == "plus_5");
  CHECK(pay_band("90") == "plus_5"); // 高于90分(含90分)
  CHECK(pay_band("89.999") == "unchanged");
  CHECK(pay_band("80") == "unchanged");
  CHECK(pay_band("79.999") == "minus_5");  // 低于80分(不含80分)
  CHECK(pay_band("75") == "minus_5");      // 高于75分(含75分)
  CHECK(pay_band("74.999") == "minus_10"); // 75分(不含75分)以下
  CHECK(pay_band("0") == "minus_10");
  const auto &t = pmq::builtin_band_table("pay_adjustment");
  CHECK(*pmq::classify(t, p("95")).pay_adjustment == points{10});
  CHECK(*pmq::classify(t, p("90")).pay_adjustment == points{5});
  CHECK(*pmq::classify(t, p("85")).pay_adjustment == points{0});
  CHECK(*pmq::classify(t, p("75")).pay_adjustment == points{-5});
  CHECK(*pmq::classify(t, p("74.9")).pay_adjustment == points{-10});
}

TEST_CASE("scores outside the table are an invalid argument", "[R-SCORE-4][bad-input]") {
  const auto &t = pmq::builtin_band_table("pay_adjustment");
  auto e = error_of([&] { pmq::classify(t, p("100.001")); });
  CHECK(e.code() == pmq::errc::invalid_argument);
  CHECK(e.path() == "score");
  CHECK_THROWS_AS(pmq::classify(t, p("-0.001")), pmq::error);
}

TEST_CASE("annual grades: 一般 and 差 lose award eligibility", "[R-SCORE-6]") {
  const auto &t = pmq::builtin_band_table("annual_grades");
  CHECK(pmq::classify(t, p("95")).label == "优");
  CHECK(pmq::classify(t, p("94.999")).label == "良");
  CHECK(pmq::classify(t, p("90")).label == "良");
  CHECK(pmq::classify(t, p("89.999")).label == "一般");
  CHECK(pmq::classify(t, p("80")).label == "一般");
  CHECK(pmq::classify(t, p("79.999")).label == "差");
  CHECK(*pmq::classify(t, p("90")).award_eligible);
  CHECK_FALSE(*pmq::classify(t, p("89.999")).award_eligible);
  CHECK_FALSE(*pmq::classify(t, p("10")).award_eligible);
}

TEST_CASE("per-point scheme: 90 passes, each point lost below costs one percentage point",
          "[R-SCORE-5]") {
  auto r = pmq::per_point_pay(p("90"));
  CHECK(r.passed);
  CHECK(r.pay_reduction == points{0});
  r = pmq::per_point_pay(p("89.999"));
  CHECK_FALSE(r.passed);
  CHECK(r.points_lost == points{0}); // whole points lost: less than one point lost
  r = pmq::per_point_pay(p("89"));
  CHECK(r.pay_reduction == points{1});
  r = pmq::per_point_pay(p("88.5"));
  CHECK(r.pay_reduction == points{1});
  pmq::per_point_scheme started;
  started.rounding = pmq::point_loss_rounding::started_points;
  CHECK(pmq::per_point_pay(p("88.5"), started).pay_reduction == points{2});
  CHECK(pmq::per_point_pay(p("89.999"), started).pay_reduction == points{1});
  pmq::per_point_scheme exact;
  exact.rounding = pmq::point_loss_rounding::exact;
  CHECK(pmq::per_point_pay(p("88.5"), exact).pay_reduction == p("1.5"));
}

TEST_CASE("a valid table tiles its range", "[R-SCORE-4][bands]") {
  const auto t = table(R"([{"id":"lo","label":"lo","to":60},{"id":"hi","label":"hi","from":60}])");
  CHECK(pmq::classify(t, p("59.999")).id == "lo");
  CHECK(pmq::classify(t, p("60")).id == "hi");
  CHECK(pmq::classify(t, p("100")).id == "hi");
  // declared exclusive lower edge at 60 moves 60 into the lower band
  const auto u = table(
      R"([{"id":"lo","label":"lo","to":60,"to_edge":"inclusive"},{"id":"hi","label":"hi","from":60,"from_edge":"exclusive"}])");
  CHECK(pmq::classify(u, p("60")).id == "lo");
  CHECK(pmq::classify(u, p("60.001")).id == "hi");
}

TEST_CASE("band tables with gaps, overlaps or an uncovered maximum are refused",
          "[bands][bad-input]") {
  auto e = error_of(
      [] { table(R"([{"id":"a","label":"a","to":60},{"id":"b","label":"b","from":70}])"); });
  CHECK(has_problem(e, "bands[1].from", "gap: scores between 60 and 70"));
  e = error_of(
      [] { table(R"([{"id":"a","label":"a","to":70},{"id":"b","label":"b","from":60}])"); });
  CHECK(has_problem(e, "bands[1].from", "overlap"));
  e = error_of([] {
    table(
        R"([{"id":"a","label":"a","to":60,"to_edge":"inclusive"},{"id":"b","label":"b","from":60}])");
  });
  CHECK(has_problem(e, "bands[1].from", "exactly 60 falls in two bands"));
  e = error_of([] {
    table(
        R"([{"id":"a","label":"a","to":60},{"id":"b","label":"b","from":60,"from_edge":"exclusive"}])");
  });
  CHECK(has_problem(e, "bands[1].from", "exactly 60 falls in no band"));
  // ERPNext's mistake: the top band ends at 100 exclusive, so 100 is in no band.
  e = error_of([] {
    table(R"([{"id":"a","label":"a","to":50},{"id":"b","label":"b","from":50,"to":100}])");
  });
  CHECK(has_problem(e, "bands[1].to_edge", "the maximum score 100 falls in no band"));
  e = error_of([] { table(R"([{"id":"a","label":"a","from":10}])"); });
  CHECK(has_problem(e, "bands[0].from", "scores from 0 up to 10 fall in no band"));
  e = error_of([] {
    table(R"([{"id":"a","label":"a","to":90},{"id":"a","label":"b","from":90,"to":120}])");
  });
  CHECK(has_problem(e, "bands[1].id", "duplicate band id"));
  CHECK(has_problem(e, "bands[1].to", "outside the table's range"));
  e = error_of([] { table("[]"); });
  CHECK(has_problem(e, "bands", "at least one band"));
  e = error_of([] {
    pmq::load_band_table(
        R"({"id":"t","title":"t","min":100,"max":0,"bands":[{"id":"a","label":"a"}]})");
  });
  CHECK(has_problem(e, "max", "must be greater than min"));
  e = error_of([] { table(R"([{"id":"a","label":"a","to_edge":"exclusive"}])"); });
  CHECK(has_problem(e, "bands[0].to_edge", "cannot be exclusive"));
}

TEST_CASE("R-SCORE-4 bands classify the exact score: 89.9967 is not 90", "[R-SCORE-4][exact]") {
  const auto &t = pmq::builtin_band_table("pay_adjustment");
  const auto f = [](const char *s) { return *pmq::parse_fraction(s); };
  CHECK(pmq::classify(t, f("26999/300")).id == "unchanged"); // shown as 90.00, but below 90
  CHECK(pmq::classify(t, f("90")).id == "plus_5");           // 90分(含)
  CHECK(pmq::classify(t, f("284999/3000")).id == "plus_5");  // 94.9997
  CHECK(pmq::classify(t, f("95")).id == "plus_10");
  CHECK(pmq::classify(t, f("74.9999999")).id == "minus_10");
  CHECK(pmq::classify(t, f("75")).id == "minus_5");
  const auto e = error_of([&] { pmq::classify(t, f("100.0001")); });
  CHECK(e.code() == pmq::errc::invalid_argument);
  CHECK(has_problem(e, "score", "outside the band table's range"));
}

TEST_CASE("R-SCORE-5 per-point pay on exact scores; scores outside 0..full are refused",
          "[R-SCORE-5][exact][bad-input]") {
  const auto f = [](const char *s) { return *pmq::parse_fraction(s); };
  pmq::per_point_scheme exact;
  exact.rounding = pmq::point_loss_rounding::exact;
  auto r = pmq::per_point_pay(f("269/3"), exact); // 89.666…: 1/3 of a point lost
  CHECK_FALSE(r.passed);
  CHECK(pmq::to_string(r.points_lost_exact) == "1/3");
  CHECK(r.points_lost == p("0.333"));
  CHECK(pmq::per_point_pay(f("26999/300")).passed == false);          // 89.9967 shown as 90
  CHECK(pmq::per_point_pay(f("26999/300")).points_lost == points{0}); // whole points: 0
  auto e = error_of([] { pmq::per_point_pay(p("150")); });
  CHECK(e.code() == pmq::errc::invalid_input);
  CHECK(has_problem(e, "score", "outside 0..100"));
  e = error_of([] { pmq::per_point_pay(points::from_milli(INT64_MIN)); });
  CHECK(has_problem(e, "score", "outside 0..100")); // no overflow on the way
  e = error_of([] { pmq::per_point_pay(p("-0.001")); });
  CHECK(has_problem(e, "score", "outside"));
  pmq::per_point_scheme bad;
  bad.pass_mark = points{120};
  e = error_of([&] { pmq::per_point_pay(p("50"), bad); });
  CHECK(has_problem(e, "pass_mark", "between 0 and the full score 100"));
  CHECK(pmq::per_point_pay(p("100")).passed); // both ends of the range are scores
  CHECK(pmq::per_point_pay(p("0")).points_lost == points{90});
}
