// R-STD-2: project standards derived from a company standard.
#include "pmq/scoring.hpp"

#include "test_support.hpp"

using namespace pmq_test;
using pmq::fraction;
using pmq::points;

namespace {
pmq::standard company(const std::string &policy = "retotal") {
  return pmq::load_standard(R"({"id":"co","version":"2026.1","title":"公司标准","derive":")" +
                            policy + R"(","sections":[
    {"id":"KF","title":"客服","items":[
      {"id":"KF-01","title":"前台","requirement":"r","max_score":10,"kind":"pass_fail"},
      {"id":"KF-02","title":"会所","requirement":"r","max_score":10,"kind":"pass_fail","grades":["A"]}]},
    {"id":"SB","title":"设施设备","items":[
      {"id":"SB-01","title":"电梯","requirement":"r","max_score":20,"kind":"deduct","deduction":2,"property_types":["residential","commercial"]},
      {"id":"SB-02","title":"中央空调","requirement":"r","max_score":20,"kind":"deduct","deduction":2,"property_types":["commercial"]}]},
    {"id":"LH","title":"绿化","items":[
      {"id":"LH-01","title":"绿篱","requirement":"r","max_score":40,"kind":"deduct","deduction":1}]}]})");
}
pmq::selection sel(const std::string &j) {
  return pmq::from_json_value<pmq::selection>(pmq::parse_json(j));
}
} // namespace

TEST_CASE("select clauses by property type and grade; re-total", "[R-STD-2]") {
  const auto d = pmq::derive_standard(
      company(), sel(R"({"id":"p1","property_type":"residential","grade":"B"})"));
  CHECK(d.origin->id == "co");
  CHECK(d.origin->version == "2026.1");
  REQUIRE(d.sections.size() == 3);
  CHECK(d.sections[0].items.size() == 1); // KF-02 is for grade A only
  CHECK(d.sections[1].items.size() == 1); // SB-02 is commercial only
  CHECK(d.total == points{70});
  CHECK(d.sections[1].total == points{20});
  CHECK_FALSE(d.rebase_to.has_value());
  CHECK(pmq::check_standard(d).empty());
  const auto r = pmq::score(
      d, pmq::load_inspection(R"({"id":"i","responses":[{"item":"KF-01","passed":false}]})"));
  CHECK(r.score.value() == points{60});
  CHECK(r.full_score == points{70});
}

TEST_CASE("a derived standard with derive policy rebase keeps the company's full score",
          "[R-STD-2]") {
  const auto d = pmq::derive_standard(
      company("rebase"), sel(R"({"id":"p1","property_type":"residential","grade":"B"})"));
  CHECK(d.rebase_to == points{100});
  const auto r = pmq::score(
      d, pmq::load_inspection(R"({"id":"i","responses":[{"item":"KF-01","passed":false}]})"));
  CHECK(r.full_score == points{100});
  CHECK(r.score.value() == *points::parse("85.71")); // 60 × 100 ÷ 70
}

TEST_CASE("explicit clause lists and exclusions", "[R-STD-2]") {
  auto d = pmq::derive_standard(company(), sel(R"({"id":"p2","clauses":["KF-01","LH-01"]})"));
  CHECK(d.sections.size() == 2); // SB left empty and dropped
  CHECK(d.total == points{50});
  d = pmq::derive_standard(company(), sel(R"({"id":"p3","exclude":["LH-01"]})"));
  CHECK(d.total == points{60});
}

TEST_CASE("bad selections name the field", "[R-STD-2][bad-input]") {
  auto e = error_of(
      [] { pmq::derive_standard(company(), sel(R"({"id":"x","clauses":["KF-01","NOPE"]})")); });
  CHECK(has_problem(e, "clauses[1]", "no item \"NOPE\""));
  e = error_of([] { pmq::derive_standard(company(), sel(R"({"id":"x","exclude":["ZZ"]})")); });
  CHECK(has_problem(e, "exclude[0]", "no item"));
  e = error_of([] { pmq::derive_standard(company(), sel(R"({"id":"x","clauses":[]})")); });
  CHECK(std::string(e.what()).find("leaves no clauses") != std::string::npos);
  e = error_of([] { pmq::derive_standard(company(), sel(R"({"id":"","clauses":["KF-01"]})")); });
  CHECK(has_problem(e, "id", "must not be empty"));
}

namespace {
// A 100-point company sheet with thresholds: pass 90, section 保洁 critical at 24 of 30,
// a veto capped at 60.
pmq::standard thresholds_company(const std::string &extra = "") {
  return pmq::load_standard(R"({"id":"co","version":"1","title":"公司标准","pass_mark":90,)" +
                            extra + R"("sections":[
    {"id":"BJ","title":"保洁","critical_min":24,"items":[
      {"id":"BJ-01","title":"楼道","requirement":"r","max_score":26,"kind":"graded"},
      {"id":"BJ-02","title":"外围","requirement":"r","max_score":4,"kind":"graded"}]},
    {"id":"LH","title":"绿化","items":[
      {"id":"LH-01","title":"绿篱","requirement":"r","max_score":70,"kind":"graded"},
      {"id":"AQ","title":"重大安全事故","requirement":"r","max_score":0,"kind":"veto","veto_effect":"cap","veto_cap":60}]}]})");
}
pmq::score_result score_derived(const pmq::standard &d, const std::string &responses) {
  return pmq::score(d, pmq::load_inspection(R"({"id":"i","responses":)" + responses + "}"));
}
} // namespace

TEST_CASE("R-STD-2 a re-totalled project standard keeps its thresholds in proportion",
          "[R-STD-2][exact]") {
  // Dropping BJ-02 (4 points) leaves 96: pass mark 90 of 100 becomes 86.4 of 96, the
  // critical minimum 24 of 30 becomes 20.8 of 26, the veto cap 60 of 100 becomes 57.6.
  const auto d =
      pmq::derive_standard(thresholds_company(), sel(R"({"id":"p","exclude":["BJ-02"]})"));
  CHECK(d.total == points{96});
  CHECK(d.pass_mark == points{90});         // the company's value, kept…
  CHECK(d.basis == points{100});            // …with what it was stated against
  CHECK(d.sections[0].basis == points{30}); // the company section's maximum
  CHECK(pmq::check_standard(d).empty());
  auto r = score_derived(d, R"([{"item":"BJ-01","score":26},{"item":"LH-01","score":61}])");
  CHECK(r.exact == 87);
  CHECK(r.passed == true); // 87 of 96 passes (it failed against an unscaled 90)
  CHECK(pmq::to_string(*r.pass_mark) == "432/5");
  r = score_derived(d, R"([{"item":"BJ-01","score":26},{"item":"LH-01","score":60.4}])");
  CHECK(r.exact == *pmq::parse_fraction("86.4"));
  CHECK(r.passed == true); // exactly at the scaled pass mark
  r = score_derived(d, R"([{"item":"BJ-01","score":26},{"item":"LH-01","score":60.399}])");
  CHECK(r.passed == false); // just below it
  // critical section: 20.8 of 26 holds, 20.799 fails
  r = score_derived(d, R"([{"item":"BJ-01","score":20.8}])");
  CHECK(r.failed_sections.empty());
  r = score_derived(d, R"([{"item":"BJ-01","score":20.799}])");
  CHECK(r.failed_sections == std::vector<std::string>{"BJ"});
  // veto cap scales: 60 × 96/100 = 57.6
  r = score_derived(d, R"([{"item":"AQ","passed":false}])");
  CHECK(r.exact == *pmq::parse_fraction("57.6"));
}

TEST_CASE("R-STD-2 a remaining total below the pass mark still loads (scaled), or is an error "
          "(absolute)",
          "[R-STD-2][bad-input]") {
  const auto d =
      pmq::derive_standard(thresholds_company(), sel(R"({"id":"p","clauses":["BJ-01","LH-01"]})"));
  CHECK(d.total == points{96});
  const auto small =
      pmq::derive_standard(thresholds_company(), sel(R"({"id":"p","clauses":["LH-01"]})"));
  CHECK(small.total == points{70}); // below 90: loads, pass mark 63 of 70
  CHECK(pmq::to_string(*score_derived(small, "[]").pass_mark) == "63");
  const auto e = error_of([] {
    pmq::derive_standard(thresholds_company(R"("thresholds":"absolute",)"),
                         sel(R"({"id":"p","clauses":["LH-01"]})"));
  });
  CHECK(has_problem(e, "pass_mark", "between 0 and the full score 70"));
  // absolute thresholds are compared as written
  const auto abs = pmq::derive_standard(thresholds_company(R"("thresholds":"absolute",)"),
                                        sel(R"({"id":"p","exclude":["BJ-02"]})"));
  CHECK_FALSE(abs.basis.has_value());
  CHECK(score_derived(abs, R"([{"item":"BJ-01","score":26},{"item":"LH-01","score":61}])").passed ==
        false); // 87 < 90
}

TEST_CASE("R-STD-2 derive rebase re-bases to the company's full score whatever the N/A policy",
          "[R-STD-2][exact]") {
  const auto d = pmq::derive_standard(
      thresholds_company(R"("derive":"rebase","not_applicable":"count_as_zero",)"),
      sel(R"({"id":"p","exclude":["BJ-02"]})"));
  CHECK(d.rebase_to == points{100});
  const auto r = score_derived(d, R"([{"item":"BJ-01","score":26},{"item":"LH-01","score":61}])");
  CHECK(r.full_score == points{100});
  CHECK(r.exact == fraction(8700, 96)); // 87 of 96 × 100 = 90.625
  CHECK(r.passed == true);
}

TEST_CASE("R-STD-2 a weighted company standard keeps its weights when a section is dropped",
          "[R-STD-2][exact]") {
  const std::string body = R"("weight_total":100,"pass_mark":90,"sections":[
    {"id":"A","title":"a","weight":80,"items":[{"id":"A1","title":"t","requirement":"r","max_score":10,"kind":"graded"}]},
    {"id":"B","title":"b","weight":20,"items":[{"id":"B1","title":"t","requirement":"r","max_score":10,"kind":"graded"}]}]})";
  auto d =
      pmq::derive_standard(pmq::load_standard(R"({"id":"w","version":"1","title":"t",)" + body),
                           sel(R"({"id":"p","clauses":["A1"]})"));
  CHECK(d.weight_total == points{80});
  CHECK(d.sections[0].weight == points{80});
  auto r = score_derived(d, "[]");
  CHECK(r.exact == 80); // a perfect sheet: full marks out of the remaining 80
  CHECK(r.full_score == points{80});
  CHECK(pmq::to_string(*r.pass_mark) == "72"); // 90 of 100 → 72 of 80
  d = pmq::derive_standard(
      pmq::load_standard(R"({"id":"w","version":"1","title":"t","derive":"rebase",)" + body),
      sel(R"({"id":"p","clauses":["A1"]})"));
  r = score_derived(d, R"([{"item":"A1","score":9}])");
  CHECK(r.exact == 90); // 9 of 10 in the only section, re-based to 100
  CHECK(r.passed == true);
}
