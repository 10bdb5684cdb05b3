// A compiled expression evaluated with positional values (the pmq_expr handle's core): the
// same exact results as evaluation by name, without building a map.
#include "pmq/expr.hpp"

#include "test_support.hpp"

#include <random>

using pmq::fraction;
using pmq_test::error_of;
using pmq_test::has_problem;

TEST_CASE("positional values give what named values give", "[expr][R-KPI-31]") {
  const auto e = pmq::expression::parse("if(done >= planned, 1, 0) + (valid - late) / valid");
  REQUIRE(e.names() == std::vector<std::string>{"done", "late", "planned", "valid"});
  std::mt19937_64 rng(3);
  for (int k = 0; k < 500; ++k) {
    const std::vector<fraction> v{
        fraction(std::int64_t(rng() % 50)), fraction(std::int64_t(rng() % 5)),
        fraction(std::int64_t(rng() % 50)), fraction(std::int64_t(rng() % 40))};
    const pmq::quantities named{{"done", v[0]}, {"late", v[1]}, {"planned", v[2]}, {"valid", v[3]}};
    const auto a = e.evaluate(named);
    const auto b = e.evaluate(std::span<const fraction>(v));
    CHECK(a.has_value() == b.has_value());
    if (a && b) CHECK(a.value() == b.value());
  }
  // a zero divisor: no data with the position, as by name
  const std::vector<fraction> zero{1, 0, 1, 0};
  const auto r = e.evaluate(std::span<const fraction>(zero));
  CHECK(!r);
  CHECK(r.reason() == "divisor is zero at position 44");
}

TEST_CASE("positional values must be one per name", "[expr]") {
  const auto e = pmq::expression::parse("a / b");
  const std::vector<fraction> one{1};
  const auto err = error_of([&] { e.evaluate(std::span<const fraction>(one)); });
  CHECK(has_problem(err, "values", "expected 2 values"));
  const auto constant = pmq::expression::parse("3 / 4");
  CHECK(constant.evaluate(std::span<const fraction>()).value() == fraction(3, 4));
}
