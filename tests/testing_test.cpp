// Unit tests of a company's rules, as `pmq test` and pmq.testing run them.
#include "pmq/testing.hpp"

#include "pmq/standard.hpp"

#include <catch2/catch.hpp>

namespace {
pmq::case_outcome run(const char *text) { return pmq::run_case(pmq::parse_json(text)); }
} // namespace

TEST_CASE("cases: scores compared exactly, with the explanation", "[testing][R-STD-5]") {
  auto o = run(R"({"name": "three defects", "standard": "pmq-residential-example",
    "inspection": {"id": "T", "responses": [{"item": "BJ-01", "defects": 3}]},
    "expect": {"score": "98.5", "passed": null, "status": "scored",
               "items": {"BJ-01": 2.5}, "sections": {"BJ": "18.5"}, "band": "plus_10"}})");
  CHECK(o.kind == "score");
  CHECK(o.errors.empty());
  CHECK(o.failures.empty());
  CHECK(o.passed);

  o = run(R"({"name": "wrong", "inspection": {"id": "T", "responses": [
    {"item": "BJ-01", "defects": 3}]}, "expect": {"score": 98.50001, "band": "plus_5"}})");
  CHECK_FALSE(o.passed);
  REQUIRE(o.failures.size() == 2);
  CHECK(o.failures[0].field == "score");
  CHECK(o.failures[0].expected == "98.50001");
  CHECK(o.failures[0].actual == "98.5");
  CHECK(o.failures[1].field == "band");
  bool explained = false;
  for (const auto &line : o.explanation)
    explained = explained || line.find("3 处 × 0.5 = 扣 1.5 分") != std::string::npos;
  CHECK(explained);
}

TEST_CASE("cases: fractions compare with the exact value", "[testing][R-SCORE-1][R-KPI-12]") {
  CHECK(run(R"({"name": "k", "kpi": "R-KPI-12", "counts": {"valid_complaints": 40,
    "handled_late": 1}, "expect": {"rate": "39/40", "status": "missed", "gap": "-2.5"}})")
            .passed);
  CHECK_FALSE(run(R"({"name": "k", "kpi": "R-KPI-12", "counts": {"valid_complaints": 40,
    "handled_late": 1}, "expect": {"rate": "39/41"}})")
                  .passed);
  CHECK(run(R"({"name": "k", "kpi": "R-KPI-12", "counts": {"valid_complaints": 0,
    "handled_late": 0}, "expect": {"rate": null, "status": "no_data"}})")
            .passed);
}

TEST_CASE("cases: bands and per-point pay on both sides of an edge",
          "[testing][R-SCORE-4][R-SCORE-5]") {
  CHECK(run(R"({"name": "b", "bands": "pay_adjustment", "score": "94.999",
    "expect": {"band": "plus_5"}})")
            .passed);
  CHECK_FALSE(run(R"({"name": "b", "bands": "pay_adjustment", "score": 95,
    "expect": {"band": "plus_5"}})")
                  .passed);
  CHECK(run(R"({"name": "p", "per_point": {}, "score": "88.5",
    "expect": {"pay_reduction": 1, "points_lost": "1"}})")
            .passed);
}

TEST_CASE("cases: problems with a case are errors, with paths", "[testing][bad-input]") {
  auto o = run(R"({"name": "typo", "bands": "pay_adjustment", "score": 95,
    "expect": {"bnad": "plus_10"}, "extra": 1})");
  CHECK_FALSE(o.passed);
  REQUIRE(o.errors.size() == 2);
  CHECK(o.errors[0].path == "extra");
  CHECK(o.errors[1].path == "expect.bnad");

  o = pmq::run_case(pmq::parse_json(R"({"name": "bad standard",
    "standard": {"id": "x", "version": "1", "title": "t", "sections": []},
    "inspection": {"id": "T", "responses": []}, "expect": {"score": 1}})"),
                    "cases[4]");
  REQUIRE(o.errors.size() == 1);
  CHECK(o.errors[0].path == "cases[4].standard.sections");

  o = run(R"({"name": "unknown item", "inspection": {"id": "T", "responses": [
    {"item": "NOPE"}]}, "expect": {"score": 1}})");
  REQUIRE(o.errors.size() == 1);
  CHECK(o.errors[0].path == "inspection.responses[0].item");
}

TEST_CASE("case files: defaults, and the outcome as JSON", "[testing]") {
  const auto outcomes = pmq::run_cases(pmq::parse_json(R"({"defaults": {"bands": "annual_grades"},
    "cases": [{"name": "a", "score": 95, "expect": {"band": "优"}},
              {"name": "b", "bands": "pay_adjustment", "score": 95, "expect": {"band": "plus_10"}}]})"));
  REQUIRE(outcomes.size() == 2);
  CHECK(outcomes[0].passed);
  CHECK(outcomes[1].passed);
  const auto j = pmq::to_json(outcomes[0]);
  CHECK(j.at("kind") == "band");
  CHECK(j.at("actual").at("id") == "excellent");
}
