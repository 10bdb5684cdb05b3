// R-STD-2: project standards derived from a company standard.
#include "pmq/scoring.hpp"

#include "test_support.hpp"

using namespace pmq_test;
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
