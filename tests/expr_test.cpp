// The KPI expression language: parsing, positions in errors, exact evaluation, no data.
#include "pmq/expr.hpp"

#include "test_support.hpp"

#include <random>
#include <string>

using pmq::fraction;
using pmq::quantities;
using pmq_test::error_of;
using pmq_test::has_problem;

namespace {
pmq::rate eval(const std::string &text, const quantities &q = {}) {
  return pmq::expression::parse(text).evaluate(q);
}
} // namespace

TEST_CASE("arithmetic is exact and follows precedence", "[expr]") {
  CHECK(eval("1/3 + 1/6").value() == fraction(1, 2));
  CHECK(eval("0.1 + 0.2 == 0.3").value() == 1); // no binary floating point anywhere
  CHECK(eval("2 + 3 * 4").value() == 14);
  CHECK(eval("(2 + 3) * 4").value() == 20);
  CHECK(eval("10 - 4 - 3").value() == 3); // left-associative
  CHECK(eval("-2 * -3").value() == 6);
  CHECK(eval("- - 1").value() == 1);
  CHECK(eval("(valid - late) / valid", {{"valid", 40}, {"late", 1}}).value() == fraction(39, 40));
}

TEST_CASE("the manuals' operators × ÷ − ≤ ≥ are accepted", "[expr]") {
  const quantities q{{"a", 6}, {"b", 4}, {"c", 3}};
  CHECK(eval("a × b ÷ c − 1", q).value() == 7);
  CHECK(eval("a ≥ b", q).value() == 1);
  CHECK(eval("a ≤ b", q).value() == 0);
}

TEST_CASE("min, max, if and comparisons", "[expr]") {
  CHECK(eval("min(3, 1/2, 7)").value() == fraction(1, 2));
  CHECK(eval("max(3, 1/2, 7)").value() == 7);
  CHECK(eval("if(2 > 1, 10, 20)").value() == 10);
  CHECK(eval("if(1 > 2, 10, 20)").value() == 20);
  CHECK(eval("3 >= 3").value() == 1);
  CHECK(eval("3 > 3").value() == 0);
  CHECK(eval("3 != 3").value() == 0);
  CHECK(eval("2 < 3").value() == 1);
  CHECK(eval("2 <= 1").value() == 0);
  // if evaluates only the branch it takes: the zero divisor in the other branch is harmless
  CHECK(eval("if(n > 0, done / n, 1)", {{"n", 0}, {"done", 0}}).value() == 1);
}

TEST_CASE("a zero divisor yields no data, never 0 or 100 %", "[expr][R-KPI-31]") {
  const auto r = eval("(valid - late) / valid", {{"valid", 0}, {"late", 0}});
  CHECK_FALSE(r.has_value());
  CHECK(r.reason() == "divisor is zero at position 16");
  const auto e = pmq::expression::parse("a / b");
  CHECK(e.evaluate({{"a", 1}, {"b", 0}}, "counts", "no valid complaints").reason() ==
        "no valid complaints");
  // no data propagates through every operator
  CHECK_FALSE(eval("1 + 1/0"));
  CHECK_FALSE(eval("min(1, 1/0)"));
  CHECK_FALSE(eval("1/0 > 0"));
  CHECK_FALSE(eval("if(1/0, 1, 2)"));
  CHECK(eval("1/0").percent() == "no data");
}

TEST_CASE("names are checked once, at parse time, with their position", "[expr]") {
  const std::vector<std::string> known{"valid", "late"};
  CHECK_NOTHROW(pmq::expression::parse("(valid - late) / valid", &known));
  const auto e = error_of(
      [&] { pmq::expression::parse("(valid - lates) / valdi", &known, "kpis[3].expression"); });
  CHECK(e.code() == pmq::errc::invalid_input);
  CHECK(has_problem(e, "kpis[3].expression", "unknown name \"lates\" at position 10"));
  CHECK(has_problem(e, "kpis[3].expression", "unknown name \"valdi\" at position 19"));
  CHECK(e.problems().size() == 2);
  const auto names = pmq::expression::parse("b + a * b").names();
  CHECK(names == std::vector<std::string>{"a", "b"});
}

TEST_CASE("syntax errors name their position", "[expr]") {
  const auto msg = [](const std::string &text) {
    return error_of([&] { pmq::expression::parse(text); }).problems().front().message;
  };
  CHECK(msg("(a + b") == "expected \")\", got end of expression at position 7");
  CHECK(msg("a +") == "expected a number, a name or \"(\", got end of expression at position 4");
  CHECK(msg("a $ b") == "unexpected character \"$\" at position 3");
  CHECK(msg("a b") == "unexpected name \"b\" at position 3");
  CHECK(msg("sum(a, b)") == "unknown function \"sum\" (known: min, max, if) at position 1");
  CHECK(msg("if(a, b)") == "if() takes 3 arguments (condition, then, else), got 2 at position 1");
  CHECK(msg("min(a)") == "min() takes at least 2 arguments at position 1");
  CHECK(msg("a < b < c") == "comparisons do not chain; use parentheses at position 7");
  CHECK(msg("a = b") == "\"=\" is not an operator (use \"==\") at position 3");
  CHECK(msg("1.2.3") == "invalid number \"1.2.3\" (a decimal of at most 18 digits) at position 1");
  CHECK(msg("") == "expected a number, a name or \"(\", got end of expression at position 1");
  CHECK(msg("满意 / 2") == "unexpected character at position 1");
  // positions count characters, not bytes
  CHECK(msg("a × b $") == "unexpected character \"$\" at position 7");
  CHECK(error_of([] {
          pmq::expression::parse("(", nullptr, "custom_kpis[0].expression");
        }).path() == "custom_kpis[0].expression");
}

TEST_CASE("deep nesting is refused, never a crash", "[expr]") {
  CHECK(eval(std::string(150, '(') + "1" + std::string(150, ')')).value() == 1);
  const auto deep = std::string(100000, '(') + "1" + std::string(100000, ')');
  CHECK(error_of([&] { pmq::expression::parse(deep); })
            .problems()
            .front()
            .message.find("nested deeper than 200") != std::string::npos);
  std::string chain = "1";
  for (int i = 0; i < 5000; ++i)
    chain += "+1";
  CHECK_NOTHROW(error_of([&] { pmq::expression::parse(chain); }));
  CHECK(error_of([] { pmq::expression::parse(std::string(100000, '-') + "1"); }).code() ==
        pmq::errc::invalid_input);
}

TEST_CASE("R-KPI-30 expressions are exact at any size: no overflow, no internal error",
          "[expr][R-KPI-30]") {
  // Before big-integer fractions these were "arithmetic overflow" or PMQ_EINTERNAL.
  CHECK(pmq::exact::to_string(eval("999999999999999999 * 999999999999999999").value()) ==
        "999999999999999998000000000000000001");
  CHECK(eval("1/999999999999999999 + 1/999999999999999998").value() ==
        fraction(1999999999999999997, 1) /
            (pmq::integer(999999999999999999) * pmq::integer(999999999999999998)));
  CHECK(pmq::exact::to_string(eval("9999999999999999999").value()) == "9999999999999999999");
  CHECK(eval("999999999999999999 - 999999999999999999").value() == 0);
  const quantities big{{"a", pmq::integer(1000000000) * 1000000000}, {"b", 4611686018427387903}};
  CHECK(pmq::exact::to_string(eval("a * a", big).value()) == "1" + std::string(36, '0'));
  CHECK(eval("a - b", big).value() == pmq::integer(1000000000000000000) - 4611686018427387903);
  CHECK(eval("9922899228074").percent() == "992289922807400.00");
}

TEST_CASE("a value missing at evaluation is named by its path", "[expr]") {
  const auto e = error_of([] { eval("a + b", {{"a", 1}}); });
  CHECK(e.path() == "counts.b");
}

TEST_CASE("exact helpers", "[expr]") {
  CHECK(pmq::exact::to_string(fraction(197, 200)) == "197/200");
  CHECK(pmq::exact::to_string(fraction(3)) == "3");
  CHECK(pmq::exact::parse_decimal("152700.50") == fraction(305401, 2));
  CHECK(pmq::exact::parse_decimal("-0.125") == fraction(-1, 8));
  CHECK_FALSE(pmq::exact::parse_decimal(".5"));
  CHECK_FALSE(pmq::exact::parse_decimal("5."));
  CHECK_FALSE(pmq::exact::parse_decimal("1e3"));
  CHECK(pmq::rate::ratio(197, 200).percent() == "98.50");
  CHECK(pmq::rate::ratio(2, 3).percent(1) == "66.7");
  CHECK_FALSE(pmq::rate::ratio(0, 0));
  CHECK_THROWS_AS(pmq::rate::ratio(0, 0).value(), std::logic_error);
}

TEST_CASE("random text never crashes the parser or the evaluator", "[expr]") {
  std::mt19937_64 rng(4242); // fixed seed
  const std::string alphabet = "ab0123456789.+-*/()<>=!, minaxif\xC3\x97\xE2\x88";
  const quantities q{{"a", 3}, {"b", 0}};
  int parsed = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    const auto len = std::uniform_int_distribution<int>(0, 30)(rng);
    for (int k = 0; k < len; ++k)
      text += alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(rng)];
    try {
      const auto e = pmq::expression::parse(text);
      ++parsed;
      (void)e.evaluate(q);
    } catch (const pmq::error &e) {
      CHECK(e.code() == pmq::errc::invalid_input);
    }
  }
  CHECK(parsed > 0);
}
