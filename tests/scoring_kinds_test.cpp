// The full standard model of issue 3: three-level, graded and veto items, critical sections,
// weights, the not-applicable policies and carry-over deductions.
#include "pmq/scoring.hpp"

#include "test_support.hpp"

using namespace pmq_test;
using pmq::points;

namespace {
points p(const char *s) { return *points::parse(s); }

std::string item(const std::string &id, const std::string &rest) {
  return R"({"id":")" + id + R"(","title":")" + id + R"(","requirement":"r",)" + rest + "}";
}

// A standard with one section per kind; `extra` adds standard-level fields.
pmq::standard sheet(const std::string &extra = "") {
  return pmq::load_standard(
      R"({"id":"k","version":"1","title":"kinds",)" + extra + R"("sections":[
    {"id":"A","title":"a","items":[)" +
      item("T", R"("max_score":4,"kind":"three_level")") + "," +
      item("G", R"("max_score":10,"kind":"graded","step":0.5)") + "," +
      item("D", R"("max_score":6,"kind":"deduct","deduction":1)") + R"(]},
    {"id":"B","title":"b","critical_min":6,"items":[)" +
      item("P", R"("max_score":10,"kind":"pass_fail")") + "," +
      item("Z", R"("max_score":0,"kind":"veto","veto_effect":"zero")") + "," +
      item("C", R"("max_score":0,"kind":"veto","veto_effect":"cap","veto_cap":20)") + "]}]}");
}

pmq::score_result run(const pmq::standard &s, const std::string &responses,
                      const std::string &extra = "") {
  return pmq::score(
      s, pmq::load_inspection(R"({"id":"I",)" + extra + R"("responses":)" + responses + "}"));
}

const pmq::item_result &find(const pmq::score_result &r, const std::string &id) {
  for (const auto &s : r.sections)
    for (const auto &i : s.items)
      if (i.id == id) return i;
  FAIL("no item " << id);
  throw;
}
} // namespace

TEST_CASE("three-level judgement: full, half, zero by default", "[R-STD-5][three_level]") {
  const auto s = sheet();
  CHECK(find(run(s, R"([{"item":"T","level":"meets"}])"), "T").score == points{4});
  CHECK(find(run(s, R"([{"item":"T","level":"basically_meets"}])"), "T").score == points{2});
  CHECK(find(run(s, R"([{"item":"T","level":"fails"}])"), "T").score == points{0});
  CHECK(find(run(s, R"([{"item":"T","level":"basically_meets"}])"), "T").explanation ==
        "基本符合：0.5 × 4 = 2");
}

TEST_CASE("three-level ratios are configurable and validated", "[R-STD-5][three_level]") {
  const auto s = sheet(R"("three_level":{"basically_meets":0.6,"fails":0.1},)");
  CHECK(find(run(s, R"([{"item":"T","level":"basically_meets"}])"), "T").score == p("2.4"));
  CHECK(find(run(s, R"([{"item":"T","level":"fails"}])"), "T").score == p("0.4"));
  auto e = error_of([] { sheet(R"("three_level":{"meets":1.5},)"); });
  CHECK(has_problem(e, "three_level.meets", "ratio from 0 to 1"));
  e = error_of([&] { run(s, R"([{"item":"T"}])"); });
  CHECK(has_problem(e, "responses[0].level", "required for three_level"));
  e = error_of([&] { run(s, R"([{"item":"T","level":"good"}])"); });
  CHECK(has_problem(e, "responses[0].level", "unknown value \"good\""));
}

TEST_CASE("graded items take 0..max in declared steps, both edges", "[R-STD-5][graded]") {
  const auto s = sheet();
  CHECK(find(run(s, R"([{"item":"G","score":0}])"), "G").score == points{0});
  CHECK(find(run(s, R"([{"item":"G","score":10}])"), "G").score == points{10});
  CHECK(find(run(s, R"([{"item":"G","score":7.5}])"), "G").score == p("7.5"));
  auto e = error_of([&] { run(s, R"([{"item":"G","score":10.5}])"); });
  CHECK(has_problem(e, "responses[0].score", "between 0 and 10"));
  e = error_of([&] { run(s, R"([{"item":"G","score":-0.5}])"); });
  CHECK(has_problem(e, "responses[0].score", "between 0 and 10"));
  e = error_of([&] { run(s, R"([{"item":"G","score":7.3}])"); });
  CHECK(has_problem(e, "responses[0].score", "not a multiple of the step 0.5"));
  e = error_of([&] { run(s, R"([{"item":"G","defects":1}])"); });
  CHECK(has_problem(e, "responses[0].defects", "only deduct items take defects"));
}

TEST_CASE("a veto zeroes or caps the whole result", "[R-STD-5][veto]") {
  const auto s = sheet();
  auto r = run(s, R"([{"item":"Z","passed":true}])");
  CHECK(r.score.value() == points{30});
  CHECK(r.vetoes.empty());
  CHECK(r.passed == true); // section B is critical (6 of 10) and holds 10
  r = run(s, R"([{"item":"Z","passed":false}])");
  CHECK(r.score.value() == points{0});
  CHECK(r.vetoes == std::vector<std::string>{"Z"});
  CHECK(r.passed == false);
  REQUIRE(r.adjustments.size() == 1);
  CHECK(r.adjustments[0].kind == pmq::adjustment_kind::veto);
  // a cap bites only when the total is above it
  r = run(s, R"([{"item":"C","passed":false}])");
  CHECK(r.score.value() == points{20});
  r = run(s, R"([{"item":"C","passed":false},{"item":"D","defects":6},{"item":"G","score":5}])");
  CHECK(r.score.value() == points{19}); // 19 < cap 20: unchanged
  const auto big = sheet(R"("rebase_to":100,)");
  CHECK(run(big, R"([{"item":"C","passed":false}])").score.value() == points{20});
  CHECK(run(big, "[]").score.value() == points{100});
}

TEST_CASE("veto items are validated", "[R-STD-5][veto][bad-input]") {
  auto e = error_of([] {
    pmq::load_standard(
        R"({"id":"v","version":"1","title":"t","sections":[{"id":"A","title":"a","items":[)" +
        item("X", R"("max_score":1,"kind":"deduct","deduction":1)") + "," +
        item("V", R"("max_score":5,"kind":"veto")") + "," +
        item("W", R"("max_score":0,"kind":"veto","veto_effect":"cap")") + "," +
        item("Y", R"("max_score":0,"kind":"veto","veto_effect":"zero","veto_cap":10)") + "]}]}");
  });
  CHECK(has_problem(e, "sections[0].items[1].max_score", "carries no points"));
  CHECK(has_problem(e, "sections[0].items[1].veto_effect", "required"));
  CHECK(has_problem(e, "sections[0].items[2].veto_cap", "required"));
  CHECK(has_problem(e, "sections[0].items[3].veto_cap", "takes no cap"));
}

TEST_CASE("a critical section below its minimum fails the inspection whatever the total",
          "[R-STD-5][critical]") {
  const auto s = sheet(R"("pass_mark":10,)");
  // section B has 10 points, critical_min 6: pass_fail P failed → 0 < 6
  auto r = run(s, R"([{"item":"P","passed":false}])");
  CHECK(r.failed_sections == std::vector<std::string>{"B"});
  CHECK(r.passed == false);
  CHECK(r.score.value() == points{20}); // 20 ≥ pass mark 10, yet failed
  r = run(s, R"([{"item":"P","passed":true}])");
  CHECK(r.failed_sections.empty());
  CHECK(r.passed == true);
}

TEST_CASE("critical minimum: both sides of the edge", "[R-STD-5][critical]") {
  const auto s = pmq::load_standard(
      R"({"id":"c","version":"1","title":"t","sections":[{"id":"A","title":"a","critical_min":6,"items":[)" +
      item("D", R"("max_score":10,"kind":"deduct","deduction":1)") + "]}]}");
  CHECK(run(s, R"([{"item":"D","defects":4}])").failed_sections.empty());     // 6: not below
  CHECK(run(s, R"([{"item":"D","defects":5}])").failed_sections.size() == 1); // 5 < 6
}

TEST_CASE("pass mark: both sides", "[R-STD-5]") {
  const auto s = sheet(R"("pass_mark":29,)");
  CHECK(run(s, R"([{"item":"D","defects":1}])").passed == true);  // 29
  CHECK(run(s, R"([{"item":"D","defects":2}])").passed == false); // 28
}

TEST_CASE("section weights: Σ weight × section score ÷ section maximum", "[R-STD-1][weights]") {
  const auto s =
      pmq::load_standard(R"({"id":"w","version":"1","title":"t","weight_total":100,"sections":[
    {"id":"A","title":"a","weight":60,"items":[)" +
                         item("D", R"("max_score":10,"kind":"deduct","deduction":1)") + R"(]},
    {"id":"B","title":"b","weight":40,"items":[)" +
                         item("E", R"("max_score":3,"kind":"deduct","deduction":1)") + R"(]}]})");
  auto r = run(s, R"([{"item":"D","defects":1},{"item":"E","defects":1}])");
  // 60 × 9/10 + 40 × 2/3 = 54 + 26.667 = 80.67 (2 places)
  CHECK(r.score.value() == p("80.67"));
  CHECK(r.full_score == points{100});
  REQUIRE(r.adjustments.size() == 1);
  CHECK(r.adjustments[0].kind == pmq::adjustment_kind::weights);
  // a whole section not applicable: its weight is re-based away
  r = run(s, R"([{"item":"D","defects":1},{"item":"E","not_applicable":true}])");
  CHECK(r.score.value() == points{90});
}

TEST_CASE("weights must sum as declared", "[R-STD-1][weights][bad-input]") {
  auto e = error_of([] {
    pmq::load_standard(R"({"id":"w","version":"1","title":"t","weight_total":100,"sections":[
      {"id":"A","title":"a","weight":60,"items":[)" +
                       item("D", R"("max_score":10,"kind":"pass_fail")") + R"(]},
      {"id":"B","title":"b","items":[)" +
                       item("E", R"("max_score":3,"kind":"pass_fail")") + R"(]}]})");
  });
  CHECK(has_problem(e, "sections[1].weight", "required"));
  CHECK(has_problem(e, "weight_total", "declared 100 but the section weights sum to 60"));
}

TEST_CASE("N/A policy rebase (default): re-based to the full score", "[R-STD-5][na]") {
  const auto s = sheet();
  const auto r = run(s, R"([{"item":"G","not_applicable":true},{"item":"D","defects":1}])");
  CHECK(r.max_score == points{20});
  CHECK(r.earned == points{19});
  CHECK(r.full_score == points{30});
  CHECK(r.score.value() == p("28.5")); // 19 × 30 ÷ 20
  CHECK(r.adjustments.at(0).kind == pmq::adjustment_kind::rebase);
}

TEST_CASE("N/A policy count_as_zero keeps the item in the maximum", "[R-STD-5][na]") {
  const auto s = sheet(R"("not_applicable":"count_as_zero",)");
  const auto r = run(s, R"([{"item":"G","not_applicable":true}])");
  CHECK(r.max_score == points{30});
  CHECK(r.score.value() == points{20});
  CHECK(find(r, "G").max_score == points{10});
  CHECK_FALSE(find(r, "G").applicable);
}

TEST_CASE("N/A policy forbidden makes N/A an error", "[R-STD-5][na][bad-input]") {
  const auto s = sheet(R"("not_applicable":"forbidden",)");
  auto e = error_of([&] { run(s, R"([{"item":"G","not_applicable":true}])"); });
  CHECK(has_problem(e, "responses[0].not_applicable", "does not allow"));
}

TEST_CASE("every item not applicable is no data, not a division by zero", "[R-STD-5][na]") {
  const auto s = pmq::load_standard(
      R"({"id":"n","version":"1","title":"t","sections":[{"id":"A","title":"a","items":[)" +
      item("X", R"("max_score":5,"kind":"pass_fail")") + "]}]}");
  const auto r = run(s, R"([{"item":"X","not_applicable":true}])");
  CHECK(r.status == pmq::score_status::no_data);
  CHECK_FALSE(r.score.has_value());
  CHECK_FALSE(r.passed.has_value());
  CHECK(pmq::to_json(r).dump().find("\"status\":\"no_data\"") != std::string::npos);
}

TEST_CASE("carry-over deductions reach the next assessment, explained", "[R-SCORE-3]") {
  const auto s = sheet();
  auto r = run(
      s, "[]",
      R"("project":"P","carry_over":[{"order":"ZG-2026-031","project":"P","points":2,"reason":"3号楼消防通道堵塞未整改"}],)");
  CHECK(r.earned == points{30});
  CHECK(r.score.value() == points{28});
  REQUIRE(r.adjustments.size() == 1);
  CHECK(r.adjustments[0].kind == pmq::adjustment_kind::carry_over);
  CHECK(r.adjustments[0].source == "ZG-2026-031");
  CHECK(r.adjustments[0].explanation.find("ZG-2026-031") != std::string::npos);
  // never below zero
  r = run(
      s, "[]",
      R"("project":"P","carry_over":[{"order":"a","project":"P","points":25,"reason":""},{"order":"b","project":"P","points":25,"reason":""}],)");
  CHECK(r.score.value() == points{0});
  auto e = error_of([] {
    pmq::load_inspection(
        R"({"id":"I","responses":[],"carry_over":[{"order":"a","project":"P","points":-1,"reason":""}]})");
  });
  CHECK(has_problem(e, "carry_over[0].points", "greater than 0"));
}

TEST_CASE("standard metadata round-trips", "[R-STD-1]") {
  const auto s =
      pmq::load_standard(R"({"id":"m","version":"2026.2","title":"住宅","title_en":"Residential",
    "property_type":"residential","effective_date":"2026-07-01","sections":[{"id":"A","title":"a","items":[)" +
                         item("X", R"("max_score":5,"kind":"pass_fail")") + "]}]}");
  CHECK(s.effective_date == pmq::parse_date("2026-07-01"));
  CHECK(s.property_type == pmq::property_type::residential);
  const auto j = pmq::to_json(s);
  CHECK(j["effective_date"] == "2026-07-01");
  CHECK(pmq::to_json(pmq::load_standard(j.dump())) == j);
  auto e = error_of([] {
    pmq::load_standard(
        R"({"id":"m","version":"1","title":"t","effective_date":"2026-02-30","sections":[]})");
  });
  CHECK(has_problem(e, "effective_date", "not a valid date"));
}
