#include "pmq/scoring.hpp"

#include "test_support.hpp"

using namespace pmq_test;
using pmq::points;

namespace {
const pmq::standard &sheet() {
  static const auto s = pmq::load_standard(R"({
    "id": "co-res", "version": "2026.1", "title": "公司住宅检查表", "total": 20,
    "sections": [
      {"id": "BJ", "title": "保洁", "total": 10, "items": [
        {"id": "BJ-01", "title": "楼道", "requirement": "地面无杂物、无积尘", "max_score": 6, "kind": "deduct", "deduction": 0.5},
        {"id": "BJ-02", "title": "垃圾桶", "requirement": "按时清运、无异味", "max_score": 4, "kind": "pass_fail"}]},
      {"id": "LH", "title": "绿化", "total": 10, "items": [
        {"id": "LH-01", "title": "绿篱", "requirement": "修剪平整", "max_score": 5, "kind": "deduct", "deduction": 0.1},
        {"id": "LH-02", "title": "水景", "requirement": "水质清澈", "max_score": 5, "kind": "deduct", "deduction": 1}]}
    ]})");
  return s;
}

pmq::score_result score(const std::string &responses) {
  return pmq::score(sheet(), pmq::load_inspection(R"({"id":"I-1","responses":)" + responses + "}"));
}

const pmq::item_result &item(const pmq::score_result &r, const std::string &id) {
  for (const auto &s : r.sections)
    for (const auto &i : s.items)
      if (i.id == id) return i;
  FAIL("no item " << id);
  throw;
}

const std::string finding =
    R"({"description":"楼道有烟头","location":"3号楼2单元","time":"2026-11-18T09:40+08:00","department":"保洁部"})";
} // namespace

TEST_CASE("an inspection with no findings scores full marks", "[R-STD-5][scoring]") {
  const auto r = score("[]");
  CHECK(r.score.value() == points{20});
  CHECK(r.max_score == points{20});
  CHECK(r.full_score == points{20});
  CHECK(item(r, "BJ-01").explanation == "未发现问题");
}

TEST_CASE("deduct items take off points per defect", "[R-STD-5][scoring]") {
  const auto r = score(R"([{"item":"BJ-01","defects":3}])");
  CHECK(item(r, "BJ-01").score == *points::parse("4.5"));
  CHECK(item(r, "BJ-01").deducted == *points::parse("1.5"));
  CHECK(item(r, "BJ-01").explanation == "3 处 × 0.5 = 扣 1.5 分");
  CHECK(r.sections[0].score == *points::parse("8.5"));
  CHECK(r.score.value() == *points::parse("18.5"));
}

TEST_CASE("defects default to the number of findings", "[R-STD-4][R-STD-5][scoring]") {
  const auto r = score(R"([{"item":"BJ-01","findings":[)" + finding + "," + finding + "]}]");
  CHECK(item(r, "BJ-01").defects == 2);
  CHECK(item(r, "BJ-01").score == points{5});
  REQUIRE(item(r, "BJ-01").findings.size() == 2);
  CHECK(item(r, "BJ-01").findings[0].location == "3号楼2单元");
  CHECK(item(r, "BJ-01").findings[0].department == "保洁部");
  CHECK(r.findings == 2);
}

TEST_CASE("deductions stop at the item's maximum (扣完为止) on both sides", "[R-STD-5][scoring]") {
  // 12 × 0.5 = 6 = the maximum exactly: not capped; 13 defects: capped at 6.
  auto r = score(R"([{"item":"BJ-01","defects":12}])");
  CHECK(item(r, "BJ-01").score == points{0});
  CHECK(item(r, "BJ-01").explanation == "12 处 × 0.5 = 扣 6 分");
  r = score(R"([{"item":"BJ-01","defects":13}])");
  CHECK(item(r, "BJ-01").score == points{0});
  CHECK(item(r, "BJ-01").explanation.find("扣完为止") != std::string::npos);
  r = score(R"([{"item":"BJ-01","defects":4294967295}])"); // no overflow
  CHECK(item(r, "BJ-01").score == points{0});
  CHECK(r.score.value() == points{14});
}

TEST_CASE("fifty 0.1 deductions land exactly", "[R-STD-5][scoring]") {
  const auto r = score(R"([{"item":"LH-01","defects":49}])");
  CHECK(item(r, "LH-01").score == *points::parse("0.1"));
  CHECK(r.score.value() == *points::parse("15.1"));
}

TEST_CASE("pass/fail items are all or nothing", "[R-STD-5][scoring]") {
  CHECK(item(score(R"([{"item":"BJ-02","passed":true}])"), "BJ-02").score == points{4});
  CHECK(item(score(R"([{"item":"BJ-02","passed":false}])"), "BJ-02").score == points{0});
}

TEST_CASE("not applicable removes the item from the maximum", "[R-STD-5][scoring]") {
  const auto r = score(R"([{"item":"LH-02","not_applicable":true},{"item":"LH-01","defects":10}])");
  CHECK(r.max_score == points{15});
  CHECK(r.full_score == points{20});
  CHECK(r.earned == points{14});
  CHECK(r.score.value() == *points::parse("18.67")); // 14 × 20 ÷ 15, re-based (default policy)
  CHECK_FALSE(item(r, "LH-02").applicable);
  CHECK(r.sections[1].max_score == points{5});
}

TEST_CASE("the total equals the sum of the breakdown", "[R-STD-5][scoring]") {
  const auto r = score(
      R"([{"item":"BJ-01","defects":1},{"item":"BJ-02","passed":false},{"item":"LH-02","defects":2}])");
  points sum, deducted;
  for (const auto &s : r.sections)
    for (const auto &i : s.items) {
      sum += i.score;
      deducted += i.deducted;
    }
  CHECK(sum == r.score);
  CHECK(r.max_score - deducted == r.score);
}

TEST_CASE("bad inspections name the offending response", "[scoring][bad-input]") {
  auto e = error_of([] { score(R"([{"item":"NOPE"}])"); });
  CHECK(e.code() == pmq::errc::invalid_input);
  CHECK(has_problem(e, "responses[0].item", "no item \"NOPE\""));

  e = error_of([] { score(R"([{"item":"BJ-02"}])"); });
  CHECK(has_problem(e, "responses[0].passed", "required for pass_fail"));

  e = error_of([] { score(R"([{"item":"BJ-01","passed":false}])"); });
  CHECK(has_problem(e, "responses[0].passed", "only pass_fail and veto items take passed"));

  e = error_of([] { score(R"([{"item":"BJ-02","passed":true,"defects":1}])"); });
  CHECK(has_problem(e, "responses[0].defects", "only deduct items take defects"));

  e = error_of([] { score(R"([{"item":"BJ-01"},{"item":"BJ-01"}])"); });
  CHECK(has_problem(e, "responses[1].item", "answered twice (first at responses[0])"));

  e = error_of([] { score(R"([{"item":"BJ-01","defects":-1}])"); });
  CHECK(has_problem(e, "responses[0].defects", "out of range"));

  e = error_of([] { score(R"([{"item":"BJ-01","defects":1.5}])"); });
  CHECK(has_problem(e, "responses[0].defects", "expected an integer"));

  e = error_of([] {
    score(R"([{"item":"BJ-01","defects":1,"findings":[)" + finding + "," + finding + "]}]");
  });
  CHECK(has_problem(e, "responses[0].defects", "1 defects but 2 findings"));

  e = error_of([] { score(R"([{"item":"LH-02","not_applicable":true,"defects":1}])"); });
  CHECK(has_problem(e, "responses[0]", "not_applicable"));
}

TEST_CASE("findings need description, location, a time with offset and department",
          "[R-STD-4][bad-input]") {
  auto e = error_of([] {
    score(
        R"([{"item":"BJ-01","findings":[{"description":"d","location":"l","time":"2026-11-18T09:40"}]}])");
  });
  CHECK(has_problem(e, "responses[0].findings[0].time", "UTC offset"));
  CHECK(has_problem(e, "responses[0].findings[0].department", "missing required field"));
}

TEST_CASE("an inspection for another standard is refused", "[scoring][bad-input]") {
  auto e = error_of([] {
    pmq::score(sheet(), pmq::load_inspection(R"({"id":"I","standard":"other","responses":[]})"));
  });
  CHECK(has_problem(e, "standard", "not \"co-res\""));
}

TEST_CASE("a compiled standard scores batches and names the failing inspection", "[scoring]") {
  const pmq::compiled_standard c(sheet());
  std::vector<pmq::inspection> batch{
      pmq::load_inspection(R"({"id":"a","responses":[]})"),
      pmq::load_inspection(R"({"id":"b","responses":[{"item":"BJ-01","defects":2}]})")};
  const auto results = c.score(batch);
  REQUIRE(results.size() == 2);
  CHECK(results[1].score.value() == points{19});
  batch.push_back(pmq::load_inspection(R"({"id":"c","responses":[{"item":"X"}]})"));
  auto e = error_of([&] { c.score(batch); });
  CHECK(has_problem(e, "[2].responses[0].item", "no item"));
}

TEST_CASE("the example inspection scores against the built-in standard", "[scoring][builtin]") {
  const auto r = pmq::score(pmq::builtin_standard(),
                            pmq::load_inspection(read_file(PMQ_EXAMPLES_DATA "/inspection.json")));
  CHECK(r.earned == points{89});
  CHECK(r.max_score == points{96});                  // SB-04 (lifts) not applicable
  CHECK(r.score.value() == *points::parse("92.71")); // 89 × 100 ÷ 96 = 92.7083… half up
  CHECK(r.findings == 8);
}

TEST_CASE("the national example inspection: many 0.1 deductions, exact",
          "[scoring][builtin][R-STD-6]") {
  const auto r =
      pmq::score(pmq::builtin_standard("cn-national-demo-estate"),
                 pmq::load_inspection(read_file(PMQ_EXAMPLES_DATA "/inspection_national.json")));
  CHECK(r.earned == *points::parse("94.4"));
  CHECK(r.max_score == points{99});
  CHECK(r.score.value() == *points::parse("95.35")); // 94.4 × 100 ÷ 99 = 95.3535…
}

TEST_CASE("the typed path scores as the JSON path does", "[scoring][typed]") {
  const pmq::compiled_standard c(sheet());
  REQUIRE(c.item_count() == 4);
  // BJ-01: 3 defects; BJ-02 failed; LH-01 no response; LH-02 not applicable
  const std::vector<std::int64_t> values{3, 0, pmq::compiled_standard::no_response,
                                         pmq::compiled_standard::not_applicable};
  const auto typed = c.score_values(values);
  const auto full = c.score(pmq::load_inspection(
      R"({"id":"I","responses":[{"item":"BJ-01","defects":3},{"item":"BJ-02","passed":false},{"item":"LH-02","not_applicable":true}]})"));
  CHECK(typed == full.score);
  auto e = error_of([&] { c.score_values(std::vector<std::int64_t>{1, 2, -1, -1}); });
  CHECK(has_problem(e, "values[1]", "1 (passed) or 0 (failed)"));
  e = error_of([&] { c.score_values(std::vector<std::int64_t>{-7, 1, -1, -1}); });
  CHECK(has_problem(e, "values[0]", "must be -1"));
  e = error_of([&] { c.score_values(std::vector<std::int64_t>{1}); });
  CHECK(has_problem(e, "values", "expected 4 values"));
}

TEST_CASE("an inspection's problems come out in one pass: a wrong type does not hide an "
          "unknown item",
          "[R-STD-5][bad-input]") {
  const pmq::compiled_standard cs(pmq::builtin_standard("pmq-residential-example"));
  const auto one = R"({"id": "x", "responses": [
      {"item": "KF-01", "defects": "two"},
      {"item": "NOPE", "defects": 1},
      {"item": "KF-02", "defects": -1}]})";
  const auto e = error_of([&] { cs.read_inspection(std::string_view(one)); });
  CHECK(has_problem(e, "responses[0].defects", "expected an integer"));
  CHECK(has_problem(e, "responses[1].item", "no item \"NOPE\""));
  CHECK(has_problem(e, "responses[2].defects", "out of range"));
  // What scoring would say about responses[0] (read only in part) is left out.
  for (const auto &p : e.problems())
    CHECK((p.path.rfind("responses[0]", 0) != 0 || p.path == "responses[0].defects"));
  // The inspection's own problems too: a carry-over of 0 points beside a wrong type.
  const auto own = error_of([&] {
    cs.read_inspection(std::string_view(R"({"id": "x", "project": "P", "responses": [
        {"item": "KF-01", "defects": "x"}], "carry_over": [
        {"order": "Z", "project": "P", "points": 0, "reason": ""}]})"));
  });
  CHECK(has_problem(own, "carry_over[0].points", "greater than 0"));
  CHECK(has_problem(own, "responses[0].defects", "expected an integer"));
  // A problem of the document's top level is left out beside a reading problem: the top
  // level could not be read whole (docs/c-api.md).
  const auto top = error_of(
      [&] { cs.read_inspection(std::string_view(R"({"id": "", "date": 5, "responses": []})")); });
  CHECK(has_problem(top, "date", "expected a date"));
  SECTION("a batch: each inspection's problems under its [k]") {
    const auto b = error_of([&] {
      cs.read_inspections(R"([{"id": "a", "responses": [{"item": "KF-01", "defects": true}]},
                              {"id": "b", "responses": [{"item": "NOPE", "defects": 1}]}])");
    });
    CHECK(has_problem(b, "[0].responses[0].defects", "expected an integer"));
    CHECK(has_problem(b, "[1].responses[0].item", "NOPE"));
  }
  SECTION("a good inspection reads as load_inspection reads it") {
    const auto text = read_file(PMQ_EXAMPLES_DATA "/inspection.json");
    CHECK(pmq::to_json(cs.score(cs.read_inspection(std::string_view(text)))) ==
          pmq::to_json(cs.score(pmq::load_inspection(text))));
  }
}
