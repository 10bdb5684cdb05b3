#include "pmq/rollup.hpp"

#include "test_support.hpp"

using namespace pmq_test;
using pmq::points;

namespace {
points p(const char *s) { return *points::parse(s); }
std::string ex(const std::optional<pmq::fraction> &f) { return f ? pmq::to_string(*f) : "none"; }
} // namespace

TEST_CASE("a project's score is the mean of its inspectors' scores", "[R-SCORE-1]") {
  auto r = pmq::project_score({p("95"), p("94"), p("94")});
  CHECK(r.inputs == 3);
  CHECK(ex(r.exact) == "283/3");
  CHECK(r.score == p("94.33")); // rounded once, half up, 2 places
  CHECK(pmq::project_score({p("90"), p("91")}).score == p("90.5"));
  CHECK(pmq::project_score({p("94.995")}, 2).score == p("95")); // half up
  CHECK(pmq::project_score({p("94.994")}, 2).score == p("94.99"));
  const auto none = pmq::project_score(std::vector<points>{});
  CHECK_FALSE(none.score.has_value()); // no data, not 0
  CHECK(none.inputs == 0);
}

TEST_CASE("a branch with one project takes its score; with two or more, their mean",
          "[R-SCORE-2][R-REP-2]") {
  const auto r = pmq::roll_up(R"({"branches":[
    {"id":"东区","projects":[{"id":"翠湖花园","scores":[95,94,94]}]},
    {"id":"西区","projects":[{"id":"锦绣华庭","scores":[90]},{"id":"金色家园","scores":[85,86]},{"id":"新盘","scores":[]}]}
  ]})");
  REQUIRE(r.branches.size() == 2);
  CHECK(ex(r.branches[0].result.exact) == "283/3"); // = its one project, exactly
  CHECK(r.branches[0].result.inputs == 1);
  // (90 + 85.5) / 2 = 87.75; the project with no scores is no data and does not count
  CHECK(r.branches[1].result.score == p("87.75"));
  CHECK(r.branches[1].result.inputs == 2);
  CHECK_FALSE(r.branches[1].projects[2].result.score.has_value());
  // company: mean of branch means (283/3 + 87.75) / 2 = 91.041666… → 91.04
  CHECK(r.company.score == p("91.04"));
  CHECK(r.company.inputs == 2);
  CHECK(r.all_projects.score == p("89.94")); // (283/3 + 90 + 85.5) / 3 = 89.944…
}

TEST_CASE("rounding happens once, at the end, not at each level", "[R-SCORE-1][R-SCORE-2]") {
  // Two projects: 1/3 each above 90. Rounding each project first would give 90.33 + 90.33.
  const auto r = pmq::roll_up(R"({"decimals":1,"branches":[{"id":"b","projects":[
    {"id":"p1","scores":[90,90,91]},{"id":"p2","scores":[90.5,90.5,90]}]}]})");
  // p1 = 271/3 = 90.333…, p2 = 271/3: branch exact 271/3 → 90.3
  CHECK(ex(r.branches[0].result.exact) == "271/3");
  CHECK(r.branches[0].result.score == p("90.3"));
}

TEST_CASE("roll-up input errors name the path", "[R-SCORE-1][bad-input]") {
  auto e = error_of([] {
    pmq::roll_up(R"({"branches":[{"id":"b","projects":[{"id":"p","scores":[90,-1]}]}]})");
  });
  CHECK(has_problem(e, "branches[0].projects[0].scores[1]", "between 0 and"));
  e = error_of(
      [] { pmq::roll_up(R"({"branches":[{"id":"b","projects":[{"id":"p","scores":["x"]}]}]})"); });
  CHECK(has_problem(e, "branches[0].projects[0].scores[0]", "is not an exact number"));
  e = error_of([] {
    pmq::roll_up(
        R"({"decimals":4,"branches":[{"id":"b","projects":[]},{"id":"b","projects":[]}]})");
  });
  CHECK(has_problem(e, "decimals", "0 to 3"));
  CHECK(has_problem(e, "branches[1].id", "duplicate branch id"));
  const auto empty = pmq::roll_up(R"({"branches":[]})");
  CHECK_FALSE(empty.company.score.has_value());
}

TEST_CASE("R-SCORE-1 roll-ups of any size stay exact (prime inspector counts)",
          "[R-SCORE-1][R-SCORE-2][exact]") {
  // Each project: n inspectors, all 80 but one 80.001 → 80 + 0.001/n; n prime, so the
  // branch mean's denominator is 1000·k·Π n — far beyond int64 (it gave 3 or −2 before).
  const int primes[] = {251, 257, 263, 269, 271, 277, 281, 283, 293};
  std::string projects;
  pmq::fraction sum = 0;
  for (int n : primes) {
    std::string scores = "80.001";
    for (int k = 1; k < n; ++k)
      scores += ",80";
    projects += std::string(projects.empty() ? "" : ",") + R"({"id":"p)" + std::to_string(n) +
                R"(","scores":[)" + scores + "]}";
    sum += 80 + pmq::fraction(1, 1000 * n);
  }
  const auto r = pmq::roll_up(R"({"branches":[{"id":"b","projects":[)" + projects + "]}]}");
  const pmq::fraction expected = sum / 9;
  CHECK(r.branches[0].result.exact == expected);
  CHECK(r.company.exact == expected);
  CHECK(r.company.score == p("80"));
}

TEST_CASE("R-SCORE-4 roll-up levels carry the band decided on the exact mean",
          "[R-SCORE-4][R-SCORE-1][exact]") {
  const auto r = pmq::roll_up(R"({"bands":"pay_adjustment","branches":[{"id":"b","projects":[
    {"id":"p1","scores":[89.99,90,90]},{"id":"p2","scores":["26999/300"]},{"id":"p3","scores":[90]}]}]})");
  const auto &p1 = r.branches[0].projects[0].result;
  CHECK(ex(p1.exact) == "26999/300");
  CHECK(p1.score == p("90"));        // shown 90.00
  CHECK(p1.band->id == "unchanged"); // but 89.9967 is below the 90 edge: 0 %
  CHECK(r.branches[0].projects[1].result.band->id == "unchanged");
  CHECK(r.branches[0].projects[2].result.band->id == "plus_5");
  CHECK(r.company.band.has_value());
  // an inline table works too; an unknown built-in is named at "bands"
  const auto e = error_of([] { pmq::roll_up(R"({"bands":"nope","branches":[]})"); });
  CHECK(has_problem(e, "bands", "no built-in band table"));
  const auto e2 = error_of([] {
    pmq::roll_up(
        R"({"bands":"pay_adjustment","branches":[{"id":"b","projects":[{"id":"p","scores":[101]}]}]})");
  });
  CHECK(has_problem(e2, "branches[0].projects[0].scores[0]", "between 0 and 100"));
}

TEST_CASE("R-SCORE-3 a project's carry-overs are taken once from its mean", "[R-SCORE-3][exact]") {
  const auto r = pmq::roll_up(R"({"branches":[{"id":"b","projects":[
    {"id":"p1","scores":[90,92,94],"carry_over":[{"order":"ZG-1","project":"p1","points":2,"reason":"未整改"}]},
    {"id":"p2","scores":[80]}]}]})");
  const auto &p1 = r.branches[0].projects[0];
  CHECK(ex(p1.before_carry_over) == "92");
  CHECK(ex(p1.result.exact) == "90"); // once, not once per inspector
  CHECK(p1.carry_over.at(0).order == "ZG-1");
  CHECK(ex(r.branches[0].result.exact) == "85"); // (90 + 80) / 2
  const auto e = error_of([] {
    pmq::roll_up(
        R"({"branches":[{"id":"b","projects":[{"id":"p1","scores":[90],"carry_over":[{"order":"Z","project":"p2","points":2,"reason":""}]}]}]})");
  });
  CHECK(
      has_problem(e, "branches[0].projects[0].carry_over[0].project", "belongs to project \"p2\""));
}
