#include "pmq/standard.hpp"

#include "test_support.hpp"

using namespace pmq_test;
using pmq::points;

namespace {
const char *two_sections = R"({
  "id": "co-res", "version": "2026.1", "title": "公司住宅检查表", "total": 20,
  "sections": [
    {"id": "BJ", "title": "保洁", "total": 10, "items": [
      {"id": "BJ-01", "title": "楼道", "requirement": "地面无杂物、无积尘", "max_score": 6, "kind": "deduct", "deduction": 0.5},
      {"id": "BJ-02", "title": "垃圾桶", "requirement": "按时清运、无异味", "max_score": 4, "kind": "pass_fail"}]},
    {"id": "LH", "title": "绿化", "total": 10, "items": [
      {"id": "LH-01", "title": "绿篱", "requirement": "修剪平整", "max_score": 10, "kind": "deduct", "deduction": 1}]}
  ]})";
}

TEST_CASE("a standard is a tree of sections and items loaded from data", "[R-STD-1][R-STD-3]") {
  const auto s = pmq::load_standard(two_sections);
  REQUIRE(s.sections.size() == 2);
  CHECK(s.sections[0].items[0].requirement == "地面无杂物、无积尘");
  CHECK(s.sections[0].items[0].deduction == points::parse("0.5"));
  CHECK(s.sections[0].items[1].kind == pmq::item_kind::pass_fail);
  CHECK(pmq::items_total(s.sections[0]) == points{10});
}

TEST_CASE("validation reports every problem with its path", "[R-STD-1][bad-input]") {
  auto e = error_of([] {
    pmq::load_standard(R"({
      "id": "bad", "version": "1", "title": "t", "total": 50,
      "sections": [
        {"id": "A", "title": "a", "total": 9, "items": [
          {"id": "X", "title": "x", "requirement": "r", "max_score": 5, "kind": "deduct", "deduction": 6},
          {"id": "X", "title": "x", "requirement": "r", "max_score": -1, "kind": "pass_fail"},
          {"id": "Y", "title": "y", "requirement": "r", "max_score": 2, "kind": "deduct"},
          {"id": "Z", "title": "z", "requirement": "r", "max_score": 2, "kind": "pass_fail", "deduction": 1}]},
        {"id": "A", "title": "b", "items": []}
      ]})");
  });
  CHECK(e.code() == pmq::errc::invalid_input);
  CHECK(has_problem(e, "sections[0].items[0].deduction", "exceeds the item's max_score 5"));
  CHECK(has_problem(e, "sections[0].items[1].id",
                    "duplicate item id \"X\" (first at sections[0].items[0])"));
  CHECK(has_problem(e, "sections[0].items[1].max_score", "must be greater than 0, got -1"));
  CHECK(has_problem(e, "sections[0].items[2].deduction", "required for a deduct item"));
  CHECK(has_problem(e, "sections[0].items[3].deduction", "only deduct items"));
  CHECK(has_problem(e, "sections[0].total", "declared 9 but the items' max_score values sum to 8"));
  CHECK(has_problem(e, "sections[1].id", "duplicate section id"));
  CHECK(has_problem(e, "sections[1].items", "at least one item"));
  CHECK(has_problem(e, "total", "declared 50"));
}

TEST_CASE("an empty standard is an error", "[R-STD-1][bad-input]") {
  auto e =
      error_of([] { pmq::load_standard(R"({"id":"e","version":"1","title":"t","sections":[]})"); });
  CHECK(has_problem(e, "sections", "at least one section"));
  e = error_of([] { pmq::load_standard(R"({"id":"","version":"1","title":"t","sections":[]})"); });
  CHECK(has_problem(e, "id", "must not be empty"));
}

TEST_CASE("a zero max score is an error on both sides of 0", "[R-STD-5][bad-input]") {
  auto base = std::string(
      R"({"id":"s","version":"1","title":"t","sections":[{"id":"A","title":"a","items":[{"id":"I","title":"i","requirement":"r","kind":"pass_fail","max_score":)");
  CHECK_THROWS_AS(pmq::load_standard(base + "0}]}]}"), pmq::error);
  CHECK_NOTHROW(pmq::load_standard(base + "0.001}]}]}"));
}

TEST_CASE("the built-in residential standard is out of 100 over five specialities",
          "[R-STD-1][builtin]") {
  const auto &s = pmq::builtin_standard();
  CHECK(s.id == "pmq-residential-example");
  CHECK(s.total == points{100});
  REQUIRE(s.sections.size() == 5);
  points sum;
  for (const auto &sec : s.sections)
    sum += pmq::items_total(sec);
  CHECK(sum == points{100});
  CHECK(pmq::check_standard(s).empty());
}

TEST_CASE("a national 100-point sheet is expressible: 基础管理 32 points of 0.1-0.5 deductions",
          "[R-STD-6][builtin]") {
  const auto &s = pmq::builtin_standard("cn-national-demo-estate");
  CHECK(s.total == points{100});
  REQUIRE(!s.sections.empty());
  CHECK(s.sections[0].total == points{32});
  for (const auto &it : s.sections[0].items) {
    if (it.kind != pmq::item_kind::deduct) continue;
    CHECK(*it.deduction >= *points::parse("0.1"));
    CHECK(*it.deduction <= *points::parse("0.5"));
  }
}

TEST_CASE("unknown built-in ids are an invalid argument", "[builtin][bad-input]") {
  auto e = error_of([] { pmq::builtin_standard("nope"); });
  CHECK(e.code() == pmq::errc::invalid_argument);
  CHECK(std::string(e.what()).find("pmq-residential-example") != std::string::npos);
}
