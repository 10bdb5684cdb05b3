#include "pmq/expr.hpp"
#include "pmq/json.hpp"
#include "pmq/numeric.hpp"

#include <catch2/catch.hpp>

using pmq::fraction;
using pmq::points;

TEST_CASE("points parse exact decimals", "[numeric]") {
  CHECK(points::parse("95")->milli() == 95000);
  CHECK(points::parse("0.1")->milli() == 100);
  CHECK(points::parse("-2.125")->milli() == -2125);
  CHECK(points::parse("1.500")->milli() == 1500); // trailing zeros beyond 3 places are exact
  CHECK_FALSE(points::parse("0.1234"));           // more places than held: refused, not rounded
  CHECK_FALSE(points::parse(""));
  CHECK_FALSE(points::parse("abc"));
  CHECK_FALSE(points::parse("1e3"));
  CHECK_FALSE(points::parse("99999999999999999999"));
}

TEST_CASE("points print their shortest exact decimal", "[numeric]") {
  CHECK(points{95}.to_string() == "95");
  CHECK(points::from_milli(94900).to_string() == "94.9");
  CHECK(points::from_milli(125).to_string() == "0.125");
  CHECK(points::from_milli(-5).to_string() == "-0.005");
}

TEST_CASE("fifty 0.1-point deductions from 100 land exactly on 95", "[numeric][R-STD-5]") {
  points score{100};
  for (int i = 0; i < 50; ++i)
    score -= *points::parse("0.1");
  CHECK(score == points{95});
  CHECK(score >= points{95});
}

TEST_CASE("rendering rounds half up to the declared places", "[numeric]") {
  CHECK(pmq::render(fraction(2, 3), 2) == "0.67");
  CHECK(pmq::render(fraction(1, 8), 2) == "0.13");   // 0.125 → half up
  CHECK(pmq::render(fraction(-1, 8), 2) == "-0.13"); // half away from zero
  CHECK(pmq::render(fraction(1, 3), 0) == "0");
  CHECK(pmq::render(fraction(5, 1), 1) == "5.0");
  CHECK(pmq::round_half_up(fraction(283, 3), 1) == fraction(943, 10));
  CHECK(pmq::round_half_up(fraction(18875, 200), 1) == fraction(944, 10)); // 94.375
  CHECK(pmq::to_points(fraction(283, 3)).milli() == 94333);
  CHECK(pmq::to_points(fraction(1, 2000)).milli() == 1); // 0.0005 → 0.001
}

TEST_CASE("money is exact to the fen", "[numeric]") {
  using pmq::money;
  CHECK(money::parse("152700")->fen() == 15270000);
  CHECK(money::parse("15.5")->fen() == 1550);
  CHECK_FALSE(money::parse("0.001"));
  CHECK(money::from_fen(15270000).to_string() == "152700.00");
  CHECK(money::from_fen(-5).to_string() == "-0.05");
  money total;
  for (int i = 0; i < 1000; ++i)
    total += *money::parse("0.01");
  CHECK(total == *money::parse("10"));
  CHECK(pmq::to_money(fraction(1, 3)).fen() == 33);
  CHECK(pmq::to_money(fraction(1, 200)).fen() == 1); // 0.005 → 0.01
}

TEST_CASE("fuzz finding: a decimal with more than 18 places is exact, not an internal error",
          "[numeric][bad-input]") {
  // fuzz_expr: "66>66.66666666666666666666" reached PMQ_EINTERNAL ("places must be 0..18").
  CHECK(pmq::to_string(*pmq::parse_fraction("66.66666666666666666666")) ==
        "3333333333333333333333/50000000000000000000");
  const auto sixty_digits = pmq::parse_fraction("0." + std::string(58, '0') + "1");
  REQUIRE(sixty_digits);
  CHECK(pmq::to_string(*sixty_digits) == "1/1" + std::string(59, '0'));
  CHECK_FALSE(pmq::parse_fraction("0." + std::string(59, '0') + "1")); // 61 digits
  // A JSON number held as a double with more than 18 decimals took the same path.
  CHECK(pmq::to_string(pmq::from_json_value<pmq::fraction>(pmq::json::parse("1e-20"))) ==
        "1/100000000000000000000");
  const auto e = pmq::expression::parse("66.66666666666666666666 * 3");
  CHECK(pmq::to_string(e.evaluate(pmq::quantities{}).value()) ==
        "9999999999999999999999/50000000000000000000");
}
