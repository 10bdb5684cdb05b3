// The SVG writer on edge data and the three HTML reports (R-REP-3, R-REP-1, R-REP-2), the
// explanations in both languages, and escaping of every input text.
#include "pmq/explain.hpp"
#include "pmq/report.hpp"
#include "pmq/svg.hpp"

#include "test_support.hpp"

#include <regex>
#include <string>
#include <vector>

using pmq_test::read_file;

namespace {

std::size_t count(const std::string &text, const std::string &what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size()))
    ++n;
  return n;
}

// No script, no reference to anything outside the document.
void self_contained(const std::string &html) {
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<script") == std::string::npos);
  for (const char *tag : {"<img", "<iframe", "<link", "<object", "<embed", " src=\"", " href=\""})
    CHECK(html.find(tag) == std::string::npos);
  CHECK(html.find("url(http") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  CHECK(count(html, "<section") == count(html, "</section>"));
}

const std::string &example_inspection() {
  static const std::string text = read_file(PMQ_EXAMPLES_DATA "/inspection.json");
  return text;
}

} // namespace

TEST_CASE("svg: escape text, and bytes that are not UTF-8", "[R-REP-3]") {
  CHECK(pmq::svg::escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(pmq::svg::escape("a&b \"c\" 'd'") == "a&amp;b &quot;c&quot; &#39;d&#39;");
  CHECK(pmq::svg::escape("保洁部") == "保洁部");
  CHECK(pmq::svg::escape(std::string("x\xC3", 2)) == "x\xEF\xBF\xBD");
  CHECK(pmq::svg::escape(std::string("\x01", 1)) == "\xEF\xBF\xBD");
}

TEST_CASE("svg: bars on edge data — one, none with data, 500, exactly 0 and 100", "[R-REP-1]") {
  using pmq::svg::bar;
  SECTION("one project") {
    const auto s = pmq::svg::bar_chart({bar{"甲", 95.0, {}, "95", "good", 90.0}});
    CHECK(count(s, "class=\"row\"") == 1);
    CHECK(count(s, "class=\"bar\"") == 1);
    CHECK(s.find("nodata") == std::string::npos);
  }
  SECTION("all no data: hatched and labelled, never a bar at zero") {
    std::vector<bar> bars(3);
    for (auto &b : bars)
      b.label = "项目";
    const auto s = pmq::svg::bar_chart(bars);
    CHECK(count(s, "class=\"bar nodata\"") == 3);
    CHECK(count(s, ">无数据<") == 3);
    CHECK(count(s, "url(#pmq-hatch-bars)") == 3);
    CHECK(count(s, "class=\"bar\"") == 0);
  }
  SECTION("500 projects") {
    std::vector<bar> bars;
    for (int i = 0; i < 500; ++i)
      bars.push_back(bar{"P" + std::to_string(i), double(i % 101), {}, "", "", {}});
    pmq::svg::bar_options o;
    o.scale = 100.0;
    const auto s = pmq::svg::bar_chart(bars, o);
    CHECK(count(s, "class=\"row\"") == 500);
    CHECK(s.find("viewBox=\"0 0 680 ") != std::string::npos);
  }
  SECTION("exactly 0 and exactly 100 on a scale of 100") {
    pmq::svg::bar_options o;
    o.scale = 100.0;
    const auto s = pmq::svg::bar_chart(
        {bar{"零", 0.0, 100.0, "0 / 100", "", {}}, bar{"满", 100.0, 100.0, "100 / 100", "", {}}},
        o);
    // 0 is a hairline bar (data), 100 fills the track exactly; neither is no data.
    CHECK(count(s, "class=\"bar\"") == 2);
    CHECK(s.find("nodata") == std::string::npos);
    const std::regex track("class=\"track\" x=\"([0-9.]+)\" y=\"[0-9.]+\" width=\"([0-9.]+)\"");
    const std::regex full("class=\"bar\" x=\"([0-9.]+)\" y=\"[0-9.]+\" width=\"([0-9.]+)\"");
    std::vector<std::string> tracks, bars;
    for (std::sregex_iterator it(s.begin(), s.end(), track), end; it != end; ++it)
      tracks.push_back((*it)[2]);
    for (std::sregex_iterator it(s.begin(), s.end(), full), end; it != end; ++it)
      bars.push_back((*it)[2]);
    REQUIRE(bars.size() == 2);
    CHECK(bars[0] == "1");       // zero: the hairline
    CHECK(bars[1] == tracks[1]); // 100 of 100: the whole track
  }
  SECTION("negative values (pay −10 %) fit beside positive ones") {
    const auto s = pmq::svg::bar_chart(
        {bar{"+10", 10.0, {}, "", "good", {}}, bar{"−10", -10.0, {}, "", "bad", {}}});
    CHECK(count(s, "class=\"bar\"") == 2);
  }
}

TEST_CASE("svg: lines with gaps; a period without any data is a hatched column", "[R-REP-1]") {
  using pmq::svg::series;
  const auto s = pmq::svg::line_chart(
      {"2026-09", "2026-10", "2026-11"},
      {series{"甲", {80.0, std::nullopt, 100.0}}, series{"乙", {0.0, std::nullopt, 90.0}}});
  CHECK(count(s, "class=\"nodata-column\"") == 1);
  CHECK(count(s, "<circle class=\"nodata\"") == 2);
  CHECK(count(s, "<circle class=\"point\"") == 4); // 0 and 100 are points, not gaps
  CHECK(count(s, "<path") == 2);
  CHECK(s.find(" L") == std::string::npos); // the gap breaks both lines
  const auto none = pmq::svg::line_chart({}, {});
  CHECK(none.find(">无数据<") != std::string::npos);
  const auto one = pmq::svg::line_chart({"2026-11"}, {series{"甲", {std::nullopt}}});
  CHECK(count(one, "class=\"nodata-column\"") == 1);
}

TEST_CASE("explanations: Chinese by default, English on request, from one table",
          "[R-STD-5][R-REP-3]") {
  CHECK(pmq::message("no_data", pmq::language::zh) == "无数据");
  CHECK(pmq::message("no_data", pmq::language::en) == "no data");
  CHECK(pmq::message("score.defects", pmq::language::en, {"3", "0.5", "1.5"}) ==
        "3 defects × 0.5 = 1.5 deducted");
  const pmq::compiled_standard s(pmq::builtin_standard("pmq-residential-example"));
  const auto ins = pmq::load_inspection(example_inspection());
  auto r = s.score(ins);
  const auto item = [&](const std::string &id) -> const pmq::item_result & {
    for (const auto &sec : r.sections)
      for (const auto &it : sec.items)
        if (it.id == id) return it;
    FAIL("no item " + id);
    throw;
  };
  CHECK(item("SB-05").explanation == "3 处 × 0.5 = 扣 1.5 分");
  CHECK(item("LH-05").explanation.rfind("不合格", 0) == 0);
  pmq::explain(r, s.definition(), ins.carry_over, pmq::language::en);
  CHECK(item("SB-05").explanation == "3 defects × 0.5 = 1.5 deducted");
  CHECK(item("LH-05").explanation.rfind("failed: ", 0) == 0);
}

TEST_CASE("inspection report: score, section bars, every finding, notices, escaping",
          "[R-REP-3][R-CAL-6][R-STD-4]") {
  const auto def = pmq::builtin_standard("pmq-residential-example");
  const pmq::compiled_standard cs(def);
  const auto ins = pmq::load_inspection(example_inspection());
  const auto r = cs.score(ins);
  const auto html = pmq::inspection_report(cs.definition(), ins, r);
  self_contained(html);
  CHECK(html.find("<html lang=\"zh-CN\">") != std::string::npos);
  CHECK(html.find("物业管理质量检查报告") != std::string::npos);
  CHECK(html.find("id=\"total-score\">" + r.score->to_string() + "<") != std::string::npos);
  // A bar per section.
  const auto chart = html.substr(html.find("class=\"chart bars sections\""));
  CHECK(count(chart.substr(0, chart.find("</svg>")), "class=\"row\"") == r.sections.size());
  // Every finding, and one notice per department, due a week after the inspection (R-CAL-6).
  for (const auto &resp : ins.responses)
    for (const auto &f : resp.findings)
      CHECK(html.find(pmq::svg::escape(f.description)) != std::string::npos);
  CHECK(html.find("2026-11-25") != std::string::npos);
  CHECK(count(html, "<tr class=\"notice\">") == 5); // 客服部 绿化部 保洁部 秩序维护部 工程部

  SECTION("a finding's text appears as text, never as markup") {
    auto evil = pmq::load_inspection(example_inspection());
    evil.responses[0].findings[0].description = "<script>alert(1)</script>";
    evil.responses[0].findings[0].location = "\"><img src=x onerror=alert(1)>";
    const auto e = pmq::inspection_report(cs.definition(), evil, cs.score(evil));
    self_contained(e);
    CHECK(e.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(e.find("<img") == std::string::npos);
  }
  SECTION("in English") {
    const auto en =
        pmq::inspection_report(cs.definition(), example_inspection(), pmq::language::en);
    CHECK(en.find("<html lang=\"en\">") != std::string::npos);
    CHECK(en.find("Property management quality inspection report") != std::string::npos);
    CHECK(en.find("defects × 0.5") != std::string::npos);
  }
  SECTION("households, when the result carries them (issue 14's shape)") {
    // Rendered from the result's JSON; here the shape is checked through the same path.
    const auto zh = pmq::inspection_report(cs.definition(), ins, r);
    CHECK(zh.find("id=\"households\"") == std::string::npos); // not given: not shown
  }
}

TEST_CASE("inspection report: a sheet with nothing applicable is no data, not 0", "[R-REP-3]") {
  const auto def = pmq::builtin_standard("pmq-residential-example");
  std::string responses;
  for (const auto &sec : def.sections)
    for (const auto &it : sec.items)
      responses += std::string(responses.empty() ? "" : ",") + R"({"item":")" + it.id +
                   R"(","not_applicable":true})";
  const auto html = pmq::inspection_report(def, R"({"id":"NA","responses":[)" + responses + "]}");
  CHECK(html.find("id=\"total-score\">无数据<") != std::string::npos);
  CHECK(count(html, "class=\"bar nodata\"") == def.sections.size());
}

TEST_CASE("assessment report: ranked projects, pay, trend, Pareto, no data hatched",
          "[R-REP-1][R-REP-2][R-CAL-5]") {
  const auto result = pmq::assess(read_file(PMQ_EXAMPLES_DATA "/assessment_2026-11.json"));
  const auto html = pmq::assessment_report(result);
  self_contained(html);
  const auto ranking = html.substr(html.find("class=\"chart bars ranking\""));
  const auto rows = ranking.substr(0, ranking.find("</svg>"));
  CHECK(count(rows, "class=\"row\"") == result.projects.size());
  std::size_t no_data = 0;
  for (const auto &p : result.projects) {
    CHECK(html.find(pmq::svg::escape(p.name)) != std::string::npos);
    if (!p.score) ++no_data;
  }
  REQUIRE(no_data >= 1); // the example's project without inspection
  CHECK(count(rows, "class=\"bar nodata\"") == no_data);
  CHECK(count(html, "class=\"summary-row\"") == result.projects.size());
  for (const auto &t : result.summary_tables)
    if (t.due) CHECK(html.find(pmq::format_date(*t.due)) != std::string::npos);
  for (const auto &e : result.analysis.pareto)
    CHECK(html.find(pmq::svg::escape(e.title)) != std::string::npos);
  CHECK(html.find("class=\"chart lines trend\"") != std::string::npos);
  const auto en = pmq::assessment_report(result, pmq::language::en);
  CHECK(en.find("Projects ranked") != std::string::npos);
}

TEST_CASE("target completion: met, missed and no data distinct, gap signed, months side by side",
          "[R-REP-2][R-KPI-30]") {
  const pmq::compiled_plan plan(
      pmq::load_target_plan(read_file(PMQ_EXAMPLES_DATA "/targets_plan.json")));
  const auto months = pmq::month_actuals_from_json(
      pmq::parse_json(read_file(PMQ_EXAMPLES_DATA "/targets_actuals.json")));
  const auto q1 = *pmq::parse_period("2026-Q1");
  const auto t = plan.table(months, q1);
  const auto html = pmq::targets_report(plan, months, q1);
  self_contained(html);
  CHECK(count(html, "<tr class=\"target-row") == t.rows.size());
  CHECK(count(html, "<tr class=\"target-row met\"") == std::size_t(t.met));
  CHECK(count(html, "<tr class=\"target-row missed\"") == std::size_t(t.missed));
  CHECK(count(html, "<tr class=\"target-row no_data\"") == std::size_t(t.no_data));
  CHECK(html.find(">2026-01<") != std::string::npos); // the quarter's months side by side
  CHECK(html.find(">2026-03<") != std::string::npos);
  for (const auto &row : t.rows)
    if (row.gap && *row.gap > 0) CHECK(html.find(">+") != std::string::npos);
  CHECK(html.find("class=\"nodata\"") != std::string::npos);
}
