#include "pmq/assessment.hpp"

#include "test_support.hpp"

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

using namespace pmq_test;
using pmq::json;

namespace {

std::string ex(const std::optional<pmq::fraction> &f) { return f ? pmq::to_string(*f) : "none"; }
pmq::points p(const char *s) { return *pmq::points::parse(s); }

// An organisation: branch id → its project ids; heads are named after their unit.
json organisation(std::initializer_list<std::pair<const char *, std::vector<std::string>>> bs) {
  json branches = json::array();
  for (const auto &[id, projects] : bs) {
    json ps = json::array();
    for (const auto &pid : projects)
      ps.push_back({{"id", pid}, {"head", "head of " + pid}});
    branches.push_back({{"id", id}, {"head", std::string("head of ") + id}, {"projects", ps}});
  }
  return {{"company", "华信物业"}, {"branches", branches}};
}

json request(const json &org, const char *period = "2026-11", const char *regime = "branch") {
  return {{"regime", regime}, {"period", period}, {"organisation", org}};
}

json given(const std::string &project, const std::string &inspector, const json &score) {
  return {{"project", project}, {"inspector", inspector}, {"score", score}};
}

// Three inspectors' scores for one project.
json three(const std::string &project, const json &a, const json &b, const json &c) {
  return json::array({given(project, "甲", a), given(project, "乙", b), given(project, "丙", c)});
}

pmq::assessment_result run(const json &j) { return pmq::assess(j.dump()); }

const pmq::project_assessment &project(const pmq::assessment_result &r, const std::string &id) {
  for (const auto &x : r.projects)
    if (x.id == id) return x;
  FAIL("no project " << id);
  throw;
}

// A raw inspection of the built-in standard: item → defects (or -1 for a failed pass/fail).
json inspection(const std::string &id, const std::string &project, const std::string &inspector,
                const char *date, std::initializer_list<std::pair<const char *, int>> items,
                const char *department = "保洁部") {
  json responses = json::array();
  for (const auto &[item, n] : items) {
    json r = {{"item", item}};
    if (n < 0) {
      r["passed"] = false;
      r["findings"] = json::array({{{"description", "x"},
                                    {"location", "1号楼"},
                                    {"time", std::string(date) + "T09:00+08:00"},
                                    {"department", department}}});
    } else {
      r["defects"] = n;
    }
    responses.push_back(r);
  }
  return {{"id", id},
          {"project", project},
          {"inspector", inspector},
          {"date", date},
          {"responses", responses}};
}

const char *example_path = PMQ_EXAMPLES_DATA "/assessment_2026-11.json";

} // namespace

TEST_CASE("the example: inspectors' means, branch and company (checked by hand)",
          "[R-SCORE-1][R-SCORE-2][R-REP-2]") {
  const auto r = pmq::assess(read_file(example_path));
  // docs/assessment.md: 94.5, 93, 92 → 559/6; 97, 96.5, 95 → 577/6; 88, 86.5, 86 → 521/6
  CHECK(ex(project(r, "翠湖花园").exact) == "559/6");
  CHECK(project(r, "翠湖花园").score == p("93.17"));
  CHECK(project(r, "翠湖花园").inputs == 3);
  CHECK(ex(project(r, "滨江一号").exact) == "577/6");
  CHECK(ex(project(r, "阳光小区").exact) == "521/6");
  // 东区: (559/6 + 187/2 + 577/6) / 3 = 1697/18; 西区 takes its one project with data
  REQUIRE(r.branches.size() == 2);
  CHECK(ex(r.branches[0].exact) == "1697/18");
  CHECK(r.branches[0].score == p("94.28"));
  CHECK(r.branches[0].inputs == 3);
  CHECK(ex(r.branches[1].exact) == "521/6");
  CHECK(r.branches[1].inputs == 1);
  CHECK(ex(r.company.mean.exact) == "815/9"); // mean of the branches
  CHECK(ex(r.company.all_projects.exact) == "1109/12");
  // no data is not 0: 金色家园 has no score, no rank, no pay, and is listed
  const auto &none = project(r, "金色家园");
  CHECK_FALSE(none.exact.has_value());
  CHECK_FALSE(none.rank_in_company.has_value());
  CHECK_FALSE(none.pay.has_value());
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].kind == pmq::assessment_notice_kind::project_no_data);
  CHECK(r.problems[0].project == "金色家园");
}

TEST_CASE("a carry-over is taken once from its project's mean, and can cross a band",
          "[R-SCORE-3][R-SCORE-4]") {
  const auto r = pmq::assess(read_file(example_path));
  const auto &j = project(r, "锦绣华庭");
  CHECK(ex(j.mean_exact) == "191/2"); // 96, 95, 95.5 → 95.5: +10 % before the carry-over
  CHECK(ex(j.exact) == "187/2");      // − 2 once (not once per inspector): 93.5
  CHECK(j.carry_over_points == p("2"));
  REQUIRE(j.carry_over.size() == 1);
  CHECK(j.carry_over[0].order == "ZG-2026-102");
  REQUIRE(j.pay);
  CHECK(j.pay->percent == p("5"));
  CHECK(j.pay->band == "plus_5");
  CHECK(j.pay->head == "赵磊");
  const auto &row = r.summary_tables[0].rows[1];
  CHECK(row.deduction == p("2"));
  CHECK(row.orders == std::vector<std::string>{"ZG-2026-102"});

  SECTION("never below 0, and several are each taken once") {
    auto q = request(organisation({{"B", {"P"}}}));
    q["scores"] = json::array({given("P", "甲", 3)});
    q["carry_over"] =
        json::array({{{"order", "Z1"}, {"project", "P"}, {"points", 2}, {"reason", ""}},
                     {{"order", "Z2"}, {"project", "P"}, {"points", 2}, {"reason", ""}}});
    const auto s = run(q);
    CHECK(ex(s.projects[0].exact) == "0");
    CHECK(s.projects[0].carry_over_points == p("4"));
  }
  SECTION("a project without data keeps its carry-over due, and it is listed") {
    auto q = request(organisation({{"B", {"P", "Q"}}}));
    q["scores"] = json::array({given("P", "甲", 90)});
    q["carry_over"] =
        json::array({{{"order", "Z1"}, {"project", "Q"}, {"points", 2}, {"reason", "未整改"}}});
    const auto s = run(q);
    CHECK_FALSE(s.projects[1].exact.has_value());
    bool listed = false;
    for (const auto &n : s.problems)
      listed = listed || (n.kind == pmq::assessment_notice_kind::carry_over_not_applied &&
                          n.order == "Z1" && n.project == "Q");
    CHECK(listed);
    CHECK(ex(s.branches[0].exact) == "90"); // the other project is not touched
  }
}

TEST_CASE("pay bands on both sides of every edge, decided on the exact mean", "[R-SCORE-4]") {
  struct edge_case {
    const char *a;
    const char *expect_exact;
    const char *percent;
  };
  // Three inspectors: a, e, e → (a + 2e) / 3; a = e − 0.01 puts the mean 1/300 below e.
  const edge_case cases[] = {
      {"94.99", "28499/300", "5"},   {"95", "95", "10"},
      {"89.99", "26999/300", "0"},   {"90", "90", "5"},
      {"79.99", "23999/300", "-5"},  {"80", "80", "0"},
      {"74.99", "22499/300", "-10"}, {"75", "75", "-5"},
  };
  for (const auto &c : cases) {
    const auto e = std::string(c.expect_exact).find('/') == std::string::npos
                       ? std::string(c.a)
                       : std::to_string(std::stoi(c.a) + 1);
    auto q = request(organisation({{"B", {"P"}}}));
    q["scores"] = three("P", c.a, e, e);
    const auto r = run(q);
    INFO(c.a);
    CHECK(ex(r.projects[0].exact) == c.expect_exact);
    REQUIRE(r.projects[0].pay);
    CHECK(r.projects[0].pay->percent == *pmq::points::parse(c.percent));
  }
  SECTION("26999/300 is shown as 90.00, fails, keeps its pay, and the row says why") {
    auto q = request(organisation({{"B", {"P"}}}));
    q["scores"] = three("P", "89.99", 90, 90);
    const auto r = run(q);
    CHECK(r.projects[0].score == p("90"));
    CHECK(r.projects[0].passed == false);
    CHECK(r.projects[0].pay->band == "unchanged");
    const auto &row = r.summary_tables[0].rows[0];
    CHECK(std::find(row.remarks.begin(), row.remarks.end(),
                    pmq::summary_remark::decided_on_exact) != row.remarks.end());
    CHECK(pmq::assessment_text(r).find("按精确值 26999/300") != std::string::npos);
  }
  SECTION("the branch regime moves project heads' pay only; the company regime the branch "
          "head's too (000 二(一)1.5)") {
    auto q = request(organisation({{"B", {"P", "Q"}}}));
    q["scores"] = json::array({given("P", "甲", 95), given("Q", "甲", "94.99")});
    CHECK_FALSE(run(q).branches[0].pay.has_value());
    q["period"] = "2026-H2";
    q["regime"] = "company";
    const auto r = run(q);
    REQUIRE(r.branches[0].pay);
    CHECK(ex(r.branches[0].exact) == "18999/200"); // 94.995: shown 95.00, +5 %
    CHECK(r.branches[0].pay->percent == p("5"));
    CHECK(r.branches[0].pay->head == "head of B");
  }
}

TEST_CASE("the per-point scheme (R-SCORE-5) on the exact final score", "[R-SCORE-5]") {
  auto q = request(organisation({{"B", {"P", "Q", "R"}}}));
  q["pay"] = {{"scheme", "per_point"}};
  q["scores"] =
      json::array({given("P", "甲", "88.5"), given("Q", "甲", "26999/300"), given("R", "甲", 90)});
  const auto r = run(q);
  CHECK(r.projects[0].pay->percent == p("-1")); // floor(1.5) = 1 point lost
  CHECK(r.projects[0].pay->per_point->points_lost == p("1"));
  CHECK(r.projects[1].pay->percent == p("0")); // 1/300 below: no whole point lost ...
  CHECK(r.projects[1].passed == false);        // ... but it fails
  CHECK(r.projects[2].passed == true);
  CHECK(ex(r.pass_mark_exact) == "90");
  q["pay"]["per_point"] = {{"rounding", "started_points"}};
  CHECK(run(q).projects[1].pay->percent == p("-1"));
  q["pass_mark"] = 85;
  const auto e = error_of([&] { run(q); });
  CHECK(has_problem(e, "pass_mark", "differs from pay.per_point.pass_mark"));
}

TEST_CASE("two consecutive failed periods are flagged; a gap breaks the run", "[R-SCORE-6]") {
  auto q = request(organisation({{"B", {"P", "Q"}}}));
  q["scores"] = json::array({given("P", "甲", 85), given("Q", "甲", 85)});
  SECTION("failed last month and this month") {
    q["previous"] = json::array({{{"period", "2026-10"},
                                  {"projects", json::array({{{"project", "P"}, {"score", "89.999"}},
                                                            {{"project", "Q"}, {"score", 90}}})}}});
    const auto r = run(q);
    CHECK(r.projects[0].consecutive_failure);
    CHECK(r.projects[0].failed_in_row == 2);
    CHECK_FALSE(r.projects[1].consecutive_failure); // 90 passed
    CHECK(r.projects[1].failed_in_row == 1);
    REQUIRE(r.consecutive_failures.size() == 1); // the branch has no history: 1 in a row
    CHECK(r.consecutive_failures[0].subject == "P");
    CHECK(r.consecutive_failures[0].periods == std::vector<std::string>{"2026-10", "2026-11"});
    CHECK(r.branches[0].failed_in_row == 1);
  }
  SECTION("a gap: September failed, October not supplied") {
    q["previous"] = json::array(
        {{{"period", "2026-09"}, {"projects", json::array({{{"project", "P"}, {"score", 80}}})}}});
    const auto r = run(q);
    CHECK_FALSE(r.projects[0].consecutive_failure);
    CHECK_FALSE(r.projects[0].change.has_value());
    REQUIRE_FALSE(r.problems.empty());
    CHECK(r.problems[0].kind == pmq::assessment_notice_kind::previous_period_missing);
    CHECK(r.problems[0].period == "2026-10");
  }
  SECTION("October supplied without the project, or without data, breaks the run") {
    q["previous"] = json::array(
        {{{"period", "2026-09"}, {"projects", json::array({{{"project", "P"}, {"score", 80}}})}},
         {{"period", "2026-10"}, {"projects", json::array({{{"project", "Q"}}})}}});
    const auto r = run(q);
    CHECK_FALSE(r.projects[0].consecutive_failure);
    CHECK_FALSE(r.projects[1].consecutive_failure);
  }
  SECTION("passed, when given, is the period's own decision") {
    q["previous"] = json::array(
        {{{"period", "2026-10"},
          {"projects", json::array({{{"project", "P"}, {"score", 95}, {"passed", false}}})}}});
    CHECK(run(q).projects[0].consecutive_failure);
  }
  SECTION("half-years, across the turn of the year, for projects and branches") {
    q["regime"] = "company";
    q["period"] = "2027-H1";
    q["previous"] =
        json::array({{{"period", "2026-H2"},
                      {"projects", json::array({{{"project", "P"}, {"score", 70}}})},
                      {"branches", json::array({{{"branch", "B"}, {"score", "89.5"}}})}}});
    const auto r = run(q);
    CHECK(r.projects[0].consecutive_failure);
    CHECK(r.branches[0].consecutive_failure);
    CHECK(r.branches[0].change->since == "2026-H2");
    CHECK(ex(r.branches[0].change->exact) == "-9/2");
    CHECK(r.branches[0].trend.size() == 2);
  }
}

TEST_CASE("the summary table is due before the 5th of the next month", "[R-CAL-5][R-REP-2]") {
  auto q = request(organisation({{"B", {"P"}}}), "2026-12");
  q["scores"] = json::array({given("P", "甲", 90)});
  CHECK(run(q).summary_tables[0].due == pmq::parse_date("2027-01-05"));
  q["rules"] = {{"before_includes_day", false}};
  CHECK(run(q).summary_tables[0].due == pmq::parse_date("2027-01-04"));
  // a working-day calendar: 2027-01-05 is a Tuesday, a holiday here → rolled to the 6th
  q["rules"] = json::object();
  q["calendar"] = {{"basis", "working_days"}, {"holidays", json::array({"2027-01-05"})}};
  CHECK(run(q).summary_tables[0].due == pmq::parse_date("2027-01-06"));
  // head office's half-yearly audit: the manual sets no date
  auto c = request(organisation({{"B", {"P"}}}), "2026-H2", "company");
  c["scores"] = json::array({given("P", "甲", 90)});
  CHECK_FALSE(run(c).summary_tables[0].due.has_value());
}

TEST_CASE("the summary table: inspector columns, blanks, text and CSV", "[R-REP-2]") {
  auto q = request(organisation({{"东区", {"甲园", "乙园"}}}));
  q["scores"] = json::array(
      {given("甲园", "王敏", 92), given("甲园", "李强", 93), given("乙园", "张伟", "91.5")});
  const auto r = run(q);
  const auto &t = r.summary_tables[0];
  CHECK(t.inspectors == std::vector<std::string>{"王敏", "李强", "张伟"});
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].scores[2] == std::nullopt); // 张伟 did not score 甲园
  CHECK(t.rows[1].scores[2] == p("91.5"));
  CHECK(t.rows[0].rank == 1u); // 92.5 over 91.5
  const auto csv = pmq::assessment_csv(r);
  CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
  CHECK(csv.find(
            "序号,项目,负责人,王敏,李强,张伟,平均分,扣分(整改),最终得分,排名,工资调整,备注\r\n") !=
        std::string::npos);
  CHECK(csv.find("1,甲园,head of 甲园,92.00,93.00,,92.50,,92.50,1,上浮5%,\r\n") !=
        std::string::npos);
  const auto en = pmq::assessment_csv(r, pmq::language::en);
  CHECK(en.find("No.,Project,Head,王敏,李强,张伟,Mean") != std::string::npos);
  CHECK(pmq::assessment_text(r).find("《东区2026年11月份项目考核评分汇总表》") !=
        std::string::npos);
  CHECK(pmq::assessment_text(r, pmq::language::en)
            .find("东区: project assessment score summary, 2026-11") != std::string::npos);
  // a field with a comma or a quote is quoted (RFC 4180)
  auto quoted = request(organisation({{"B", {"P"}}}));
  quoted["organisation"]["branches"][0]["projects"][0]["name"] = "A, \"B\"";
  quoted["scores"] = json::array({given("P", "x", 90)});
  CHECK(pmq::assessment_csv(run(quoted)).find(",\"A, \"\"B\"\"\",") != std::string::npos);
  CHECK(pmq::parse_language("fr") == std::nullopt);
}

TEST_CASE("ranks: ties share a rank, no data is unranked; top and bottom keep ties at the cut",
          "[R-SCORE-1][R-SCORE-2]") {
  auto q = request(organisation({{"B", {"P1", "P2", "P3"}}, {"C", {"P4", "P5"}}}));
  q["scores"] = json::array(
      {given("P1", "甲", 90), given("P2", "甲", 95), given("P3", "甲", 90), given("P4", "甲", 88)});
  q["top_n"] = 2;
  const auto r = run(q);
  CHECK(project(r, "P2").rank_in_company == 1u);
  CHECK(project(r, "P1").rank_in_company == 2u);
  CHECK(project(r, "P3").rank_in_company == 2u);
  CHECK(project(r, "P4").rank_in_company == 4u);
  CHECK(project(r, "P4").rank_in_branch == 1u);
  CHECK_FALSE(project(r, "P5").rank_in_branch.has_value());
  REQUIRE(r.top.size() == 3); // P2, then P1 and P3 tied at the cut
  CHECK(r.top[0].project == "P2");
  REQUIRE(r.bottom.size() == 3); // P4, then P1 and P3 tied
  CHECK(r.bottom[0].project == "P4");
  CHECK(r.branches[0].rank == 1u); // 275/3 over 88
  CHECK(r.branches[1].rank == 2u);
}

TEST_CASE("quality analysis: points lost by section, item and department, Pareto, repeats",
          "[R-REP-1]") {
  auto q = request(organisation({{"B", {"P", "Q"}}}));
  // P: two sheets. BJ-02 loses 2 and 1 → mean 3/2; LH-05 fails on one sheet (2 points, 绿化部)
  // → mean 1. Q: one sheet, BJ-02 loses 3. A sheet of given scores has no items.
  q["inspections"] = json::array(
      {inspection("I1", "P", "甲", "2026-11-03", {{"BJ-02", 2}, {"LH-05", -1}}, "绿化部"),
       inspection("I2", "P", "乙", "2026-11-03", {{"BJ-02", 1}}),
       inspection("I3", "Q", "甲", "2026-11-04", {{"BJ-02", 3}})});
  q["scores"] = json::array({given("Q", "丙", 100)});
  q["previous"] = json::array(
      {{{"period", "2026-09"},
        {"projects",
         json::array({{{"project", "P"}, {"score", 95}, {"failed_items", {"BJ-02"}}}})}},
       {{"period", "2026-10"},
        {"projects",
         json::array({{{"project", "P"}, {"score", 96}, {"failed_items", {"BJ-02", "KF-01"}}},
                      {{"project", "Q"}, {"score", 96}, {"failed_items", {"LH-05"}}}})}}});
  const auto r = run(q);
  const auto &an = r.analysis;
  CHECK(an.sheets == 3);
  CHECK(an.scores_without_items == 1);
  REQUIRE(an.items.size() == 2);
  CHECK(an.items[0].id == "BJ-02");
  CHECK(ex(an.items[0].exact) == "9/2"); // 3/2 (P) + 3 (Q)
  CHECK(an.items[0].sheets == 3);
  CHECK(an.items[0].projects == 2);
  CHECK(ex(an.items[1].exact) == "1"); // LH-05: 2 on one of P's two sheets
  CHECK(ex(an.total_exact) == "11/2");
  REQUIRE(an.sections.size() == 2);
  CHECK(an.sections[0].id == "BJ");
  REQUIRE(an.departments.size() == 2); // BJ-02 has no findings: not stated
  CHECK(an.departments[0].id == "");
  CHECK(ex(an.departments[0].exact) == "9/2");
  CHECK(an.departments[1].id == "绿化部");
  REQUIRE(an.pareto.size() == 2);
  CHECK(ex(an.pareto[0].share_exact) == "9/11");
  CHECK(an.pareto[0].percent == p("81.8"));
  CHECK(an.pareto[1].cumulative_percent == p("100"));
  // Repeat findings: P's BJ-02 in Sep, Oct, Nov; Q's LH-05 was October's, not November's
  REQUIRE(an.repeat_findings.size() == 1);
  CHECK(an.repeat_findings[0].project == "P");
  CHECK(an.repeat_findings[0].periods == std::vector<std::string>{"2026-09", "2026-10", "2026-11"});
  // The trend: every supplied period, then this one
  const auto &trend = project(r, "P").trend;
  REQUIRE(trend.size() == 3);
  CHECK(trend[0].period == "2026-09");
  CHECK(ex(trend[2].exact) == "195/2"); // (97 + 98) / 2
  CHECK(project(r, "P").failed_items == std::vector<std::string>{"BJ-02", "LH-05"});
  // as_previous is next period's `previous` entry
  CHECK(r.as_previous.projects[0].failed_items == std::vector<std::string>{"BJ-02", "LH-05"});
  CHECK(ex(r.as_previous.projects[0].score) == "195/2");
}

TEST_CASE("findings share their item's loss among their departments", "[R-REP-1]") {
  auto q = request(organisation({{"B", {"P"}}}));
  auto ins = inspection("I1", "P", "甲", "2026-11-03", {{"KF-02", 3}});
  ins["responses"][0].erase("defects"); // one defect per finding: 3 points
  ins["responses"][0]["findings"] = json::array({{{"description", "a"},
                                                  {"location", "x"},
                                                  {"time", "2026-11-03T09:00+08:00"},
                                                  {"department", "客服部"}},
                                                 {{"description", "b"},
                                                  {"location", "y"},
                                                  {"time", "2026-11-03T09:10+08:00"},
                                                  {"department", "工程部"}},
                                                 {{"description", "c"},
                                                  {"location", "z"},
                                                  {"time", "2026-11-03T09:20+08:00"},
                                                  {"department", "工程部"}}});
  q["inspections"] = json::array({ins});
  const auto an = run(q).analysis;
  REQUIRE(an.departments.size() == 2);
  CHECK(an.departments[0].id == "工程部");
  CHECK(ex(an.departments[0].exact) == "2");
  CHECK(ex(an.departments[1].exact) == "1");
}

TEST_CASE("an inspection with every item not applicable is no data, not 0", "[R-SCORE-1]") {
  auto q = request(organisation({{"B", {"P"}}}));
  json responses = json::array();
  for (const auto &sec : pmq::builtin_standard().sections)
    for (const auto &it : sec.items)
      responses.push_back({{"item", it.id}, {"not_applicable", true}});
  q["inspections"] = json::array({{{"id", "I1"},
                                   {"project", "P"},
                                   {"inspector", "甲"},
                                   {"date", "2026-11-02"},
                                   {"responses", responses}}});
  q["scores"] = json::array({given("P", "乙", 92)});
  const auto r = run(q);
  CHECK(ex(r.projects[0].exact) == "92"); // the all-N/A sheet does not count as 0
  CHECK(r.projects[0].inputs == 1);
  CHECK(r.problems[0].kind == pmq::assessment_notice_kind::inspection_no_data);
  CHECK(r.problems[0].inspection == "I1");
}

TEST_CASE("standards: request standards, derived project standards on one scale", "[R-SCORE-1]") {
  auto q = request(organisation({{"B", {"P"}}}));
  SECTION("a derived standard that keeps the full score") {
    auto company = pmq::to_json(pmq::builtin_standard());
    company["id"] = "company";
    company["derive"] = "rebase";
    q["standards"] = json::array({company});
    q["standard"] = "company";
    q["organisation"]["branches"][0]["projects"][0]["selection"] = {
        {"id", "P-standard"}, {"exclude", json::array({"SB-04"})}};
    q["inspections"] = json::array(
        {inspection("I1", "P", "甲", "2026-11-03", {{"BJ-02", 2}})}); // 94 of 96 → 97.9166…
    const auto r = run(q);
    CHECK(r.projects[0].standard == "P-standard");
    CHECK(ex(r.projects[0].exact) == "1175/12");
  }
  SECTION("one that re-totals to 96 is refused: pay is decided on one scale") {
    q["organisation"]["branches"][0]["projects"][0]["selection"] = {
        {"id", "P-standard"}, {"exclude", json::array({"SB-04"})}};
    const auto e = error_of([&] { run(q); });
    CHECK(has_problem(e, "organisation.branches[0].projects[0].selection", "is out of 96"));
  }
  SECTION("an unknown standard") {
    q["organisation"]["branches"][0]["projects"][0]["standard"] = "nope";
    const auto e = error_of([&] { run(q); });
    CHECK(has_problem(e, "organisation.branches[0].projects[0].standard", "no standard \"nope\""));
  }
}

// --- bad input: each class its own test, with code and path --------------------------------

TEST_CASE("an inspection of a project not in the organisation", "[R-SCORE-1][bad-input]") {
  auto q = request(organisation({{"B", {"P"}}}));
  q["inspections"] = json::array({inspection("I1", "Q", "甲", "2026-11-03", {})});
  const auto e = error_of([&] { run(q); });
  CHECK(e.code() == pmq::errc::invalid_input);
  CHECK(has_problem(e, "inspections[0].project", "no project \"Q\" in the organisation"));
}

TEST_CASE("an inspection dated outside the period", "[R-SCORE-1][bad-input]") {
  auto q = request(organisation({{"B", {"P"}}}));
  q["inspections"] = json::array({inspection("I1", "P", "甲", "2026-10-31", {}),
                                  inspection("I2", "P", "乙", "2026-11-30", {})});
  const auto e = error_of([&] { run(q); });
  CHECK(e.code() == pmq::errc::invalid_input);
  CHECK(has_problem(e, "inspections[0].date", "outside the period 2026-11"));
  CHECK(e.problems().size() == 1); // the 30th is inside
  auto c = request(organisation({{"B", {"P"}}}), "2026-H2", "company");
  c["inspections"] = json::array({inspection("I1", "P", "甲", "2026-06-30", {})});
  CHECK(has_problem(error_of([&] { run(c); }), "inspections[0].date", "2026-07-01 to 2026-12-31"));
}

TEST_CASE("the same inspector twice for one project", "[R-SCORE-1][bad-input]") {
  auto q = request(organisation({{"B", {"P", "Q"}}}));
  q["inspections"] = json::array({inspection("I1", "P", "甲", "2026-11-03", {}),
                                  inspection("I2", "Q", "甲", "2026-11-03", {})}); // fine
  q["scores"] = json::array({given("P", "甲", 90)});
  const auto e = error_of([&] { run(q); });
  CHECK(e.code() == pmq::errc::invalid_input);
  CHECK(has_problem(e, "scores[0].inspector", "already scored project \"P\""));
  CHECK(e.problems().size() == 1);
}

TEST_CASE("a project in two branches, and duplicate ids", "[R-SCORE-2][bad-input]") {
  auto q = request(organisation({{"B", {"P", "P"}}, {"B", {"P"}}}));
  q["inspections"] = json::array({inspection("I1", "P", "甲", "2026-11-03", {}),
                                  inspection("I1", "P", "乙", "2026-11-03", {})});
  const auto e = error_of([&] { run(q); });
  CHECK(e.code() == pmq::errc::invalid_input);
  CHECK(has_problem(e, "organisation.branches[0].projects[1].id", "duplicate project id"));
  CHECK(has_problem(e, "organisation.branches[1].id", "duplicate branch id"));
  CHECK(has_problem(e, "organisation.branches[1].projects[0].id",
                    "is already in branch \"B\" (organisation.branches[0].projects[0])"));
  CHECK(has_problem(e, "inspections[1].id", "duplicate inspection id"));
}

TEST_CASE("carry-over input errors", "[R-SCORE-3][bad-input]") {
  auto q = request(organisation({{"B", {"P"}}}));
  q["carry_over"] = json::array({{{"order", "Z1"}, {"project", "X"}, {"points", 2}, {"reason", ""}},
                                 {{"order", "Z1"}, {"project", "P"}, {"points", 2}, {"reason", ""}},
                                 {{"order", "Z2"},
                                  {"project", "P"},
                                  {"points", 0},
                                  {"reason", ""},
                                  {"applies_to", "2026-12"}}});
  q["inspections"] = json::array({inspection("I1", "P", "甲", "2026-11-03", {})});
  q["inspections"][0]["carry_over"] = json::array({q["carry_over"][1]});
  const auto e = error_of([&] { run(q); });
  CHECK(has_problem(e, "carry_over[0].project", "no project \"X\""));
  CHECK(has_problem(e, "carry_over[1].order", "carried over twice"));
  CHECK(has_problem(e, "carry_over[2].points", "greater than 0"));
  CHECK(has_problem(e, "carry_over[2].applies_to", "not this period 2026-11"));
  CHECK(has_problem(e, "inspections[0].carry_over", "taken once from its project's mean"));
}

TEST_CASE("other bad requests name their field", "[R-SCORE-6][R-CAL-5][bad-input]") {
  auto q = request(organisation({{"B", {"P"}}}), "2026-H2"); // branch regime wants a month
  q["inspections"] = json::array({inspection("I1", "P", "", "2026-11-03", {{"NOPE", 1}})});
  q["previous"] = json::array({{{"period", "2026-Q4"}}});
  q["decimals"] = 4;
  q["top_n"] = 0;
  auto e = error_of([&] { run(q); });
  CHECK(has_problem(e, "period", "is not a month"));
  CHECK(has_problem(e, "inspections[0].inspector", "names its inspector"));
  CHECK(has_problem(e, "inspections[0].responses[0].item", "NOPE"));
  CHECK(has_problem(e, "previous[0].period", "not a period of this regime"));
  CHECK(has_problem(e, "decimals", "0 to 3"));
  CHECK(has_problem(e, "top_n", "1 to 1000"));
  q = request(organisation({{"B", {"P"}}}));
  q["previous"] =
      json::array({{{"period", "2026-11"}},
                   {{"period", "2026-10"}, {"projects", json::array({{{"project", "Z"}}})}}});
  q["pay"] = {{"table", "no-such-table"}};
  e = error_of([&] { run(q); });
  CHECK(has_problem(e, "pay.table", "no built-in band table"));
  q.erase("pay");
  e = error_of([&] { run(q); });
  CHECK(has_problem(e, "previous[0].period", "is not before 2026-11"));
  CHECK(has_problem(e, "previous[1].projects[0].project", "no project \"Z\""));
  q = request(organisation({{"B", {"P"}}}), "2026-H2", "company");
  q["rectification"] = {{"events", json::array()}, {"carry_over_points", 0}};
  CHECK(
      has_problem(error_of([&] { run(q); }), "rectification.carry_over_points", "greater than 0"));
  q = request(organisation({{"B", {"P"}}}));
  q["typo"] = 1;
  CHECK(has_problem(error_of([&] { run(q); }), "typo", "unknown field"));
  CHECK(error_of([] { pmq::assess("{"); }).code() == pmq::errc::parse);
}

TEST_CASE("the 整改情况表 of the month, from the rectification events", "[R-CAL-5][R-REP-2]") {
  const auto r = pmq::assess(read_file(example_path));
  REQUIRE(r.rectification);
  CHECK(r.rectification->due == pmq::parse_date("2026-12-05"));
  CHECK(r.rectification->total.issued == 3);
  CHECK(r.rectification->total.second_notices == 1);
  const auto sheets = pmq::assessment_sheets(r);
  REQUIRE(sheets.size() == 2);
  CHECK(sheets[1].name == "整改情况表");
  CHECK(pmq::assessment_csv(r, pmq::language::zh, 1)
            .find("西区分公司,阳光小区,2,1,0,1,0,0,0,1,1,0") != std::string::npos);
  CHECK(error_of([&] { pmq::assessment_csv(r, pmq::language::zh, 2); }).code() ==
        pmq::errc::invalid_argument);
}

namespace {
// One order of project `project`: issued on `issued`, rectified, re-inspected on `reinspected`.
json order_events(const std::string &order, const std::string &project, const char *issued,
                  const char *reinspected, bool passed) {
  return json::array(
      {{{"order", order},
        {"kind", "issued"},
        {"date", issued},
        {"project", project},
        {"item", "BJ-02"},
        {"department", "保洁部"},
        {"description", "楼道烟头纸屑"}},
       {{"order", order}, {"kind", "rectified"}, {"date", issued}},
       {{"order", order}, {"kind", "reinspected"}, {"date", reinspected}, {"passed", passed}}});
}
json concat(std::initializer_list<json> parts) {
  json out = json::array();
  for (const auto &p : parts)
    for (const auto &e : p)
      out.push_back(e);
  return out;
}
} // namespace

TEST_CASE("carry-overs come from the rectification events: a re-inspection failed in the "
          "previous period is deducted once in this one",
          "[R-SCORE-3][R-CAL-6]") {
  auto q = request(organisation({{"B", {"P", "Q"}}}));
  q["scores"] = json::array({given("P", "甲", 95), given("Q", "甲", 95)});
  // P: failed on 2026-10-31 (last day of the previous month) → deducted in 2026-11.
  // Q: failed on 2026-11-01 (first day of this month) → deducted in 2026-12, not now.
  // P's second order passed its re-inspection: nothing to deduct.
  q["rectification"] = {
      {"events", concat({order_events("Z1", "P", "2026-10-20", "2026-10-31", false),
                         order_events("Z2", "Q", "2026-10-24", "2026-11-01", false),
                         order_events("Z3", "P", "2026-10-20", "2026-10-30", true)})}};
  auto r = run(q);
  REQUIRE(project(r, "P").carry_over.size() == 1);
  CHECK(project(r, "P").carry_over[0].order == "Z1");
  CHECK(project(r, "P").carry_over[0].department == "保洁部");
  CHECK(ex(project(r, "P").exact) == "93");
  CHECK(project(r, "Q").carry_over.empty());
  CHECK(ex(project(r, "Q").exact) == "95");

  SECTION("the points per order are a parameter") {
    q["rectification"]["carry_over_points"] = 0.5;
    CHECK(ex(project(run(q), "P").exact) == "189/2");
  }
  SECTION("derivation can be switched off; then only the request's carry_over counts") {
    q["rectification"]["derive_carry_over"] = false;
    CHECK(project(run(q), "P").carry_over.empty());
  }
  SECTION("an order both given and derived is refused, naming the option") {
    q["carry_over"] =
        json::array({{{"order", "Z1"}, {"project", "P"}, {"points", 2}, {"reason", "未整改"}}});
    CHECK(has_problem(error_of([&] { run(q); }), "carry_over[0].order", "derive_carry_over"));
  }
  SECTION("the company regime: failures in the previous half year, deducted in this one") {
    auto c = request(organisation({{"B", {"P", "Q"}}}), "2026-H2", "company");
    c["scores"] = q["scores"];
    c["rectification"] = {
        {"events", concat({order_events("Z1", "P", "2026-01-05", "2026-01-12", false),
                           order_events("Z2", "Q", "2026-06-20", "2026-07-01", false),
                           order_events("Z4", "P", "2026-06-20", "2026-06-30", false)})}};
    const auto s = run(c);
    REQUIRE(project(s, "P").carry_over.size() == 2); // January and June of 2026-H1
    CHECK(ex(project(s, "P").exact) == "91");
    CHECK(project(s, "Q").carry_over.empty()); // July: the next half year's
    CHECK_FALSE(s.rectification.has_value());  // the 整改情况表 is the branch's document
    c["period"] = "2027-H1";                   // H1 looks back to the previous year's H2
    c["rectification"]["events"] = order_events("Z5", "Q", "2026-12-01", "2026-12-31", false);
    CHECK(ex(project(run(c), "Q").exact) == "93");
  }
}
