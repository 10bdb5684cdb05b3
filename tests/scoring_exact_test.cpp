// Issue 9, "exact where rules meet": the places where scoring rules meet each other —
// weights, re-basing, three-level ratios, thresholds, vetoes, carry-overs, derived
// standards — stay exact, and every decision is taken on the exact value. Each case here
// failed (wrong number, PMQ_EINTERNAL or a decision on a rounded value) before big-integer
// fractions and the threshold basis.
#include "pmq/scoring.hpp"

#include "test_support.hpp"

#include <random>

using namespace pmq_test;
using pmq::fraction;
using pmq::points;

namespace {
points p(const char *s) { return *points::parse(s); }
std::string ex(const std::optional<fraction> &f) { return f ? pmq::to_string(*f) : "none"; }

std::string item(const std::string &id, const std::string &rest) {
  return R"({"id":")" + id + R"(","title":")" + id + R"(","requirement":"r",)" + rest + "}";
}
std::string graded(const std::string &id, const std::string &max) {
  return item(id, R"("max_score":)" + max + R"(,"kind":"graded")");
}
pmq::score_result score(const pmq::standard &s, const std::string &responses,
                        const std::string &extra = "") {
  return pmq::score(
      s, pmq::load_inspection(R"({"id":"I",)" + extra + R"("responses":)" + responses + "}"));
}
} // namespace

TEST_CASE("R-STD-5 weighted standards with 3-decimal maxima do not overflow",
          "[R-STD-5][R-SCORE-1][exact]") {
  // The issue's case: before, 0.08 (int64 fractions overflowed silently).
  const char *max[] = {"26.532", "20.674", "29.867", "35.768", "35.942"};
  const char *weight[] = {"21", "27", "5", "5", "18"};
  const char *got[] = {"23.744", "7.662", "18.688", "20.168", "13.891"};
  std::string sections, responses;
  for (int k = 0; k < 5; ++k) {
    const std::string id = "S" + std::to_string(k), it = "G" + std::to_string(k);
    sections += std::string(k ? "," : "") + R"({"id":")" + id + R"(","title":")" + id +
                R"(","weight":)" + weight[k] + R"(,"items":[)" + graded(it, max[k]) + "]}";
    responses += std::string(k ? "," : "") + R"({"item":")" + it + R"(","score":)" + got[k] + "}";
  }
  const auto s = pmq::load_standard(
      R"({"id":"w","version":"1","title":"t","weight_total":76,"sections":[)" + sections + "]}");
  const auto r = score(s, "[" + responses + "]");
  CHECK(r.score == p("41.7"));
  // Σ wᵢ·sᵢ/mᵢ, computed here term by term from the rule.
  fraction expected = 0;
  for (int k = 0; k < 5; ++k)
    expected += *pmq::parse_fraction(weight[k]) * *pmq::parse_fraction(got[k]) /
                *pmq::parse_fraction(max[k]);
  CHECK(r.exact == expected);
  // The typed path agrees.
  std::vector<std::int64_t> values;
  for (auto g : got)
    values.push_back(p(g).milli());
  CHECK(pmq::compiled_standard(s).score_values(values) == p("41.7"));
}

TEST_CASE("R-STD-5 three-level items stay exact until the one final rounding",
          "[R-STD-5][three_level][exact]") {
  // 300 items of 0.333 at basically meets (0.1665 each) and one 0.1 item: 50.05, where
  // rounding each item to 0.167 first gave 50.2.
  std::string items;
  std::string responses;
  for (int k = 0; k < 300; ++k) {
    items += item("T" + std::to_string(k), R"("max_score":0.333,"kind":"three_level")") + ",";
    responses += std::string(k ? "," : "") + R"({"item":"T)" + std::to_string(k) +
                 R"(","level":"basically_meets"})";
  }
  items += item("X", R"("max_score":0.1,"kind":"pass_fail")");
  const auto s = pmq::load_standard(
      R"({"id":"t","version":"1","title":"t","sections":[{"id":"A","title":"a","items":[)" + items +
      "]}]}");
  const auto r = score(s, "[" + responses + "]");
  CHECK(ex(r.exact) == "1001/20"); // 50.05
  CHECK(r.score == p("50.05"));
  CHECK(ex(r.sections[0].exact) == "1001/20");
  CHECK(ex(r.sections[0].items[0].exact) == "333/2000"); // 0.1665, shown 0.167
  CHECK(r.sections[0].items[0].score == p("0.167"));
  CHECK(r.sections[0].items[0].explanation.find("0.1665") != std::string::npos);
}

TEST_CASE("R-STD-5 the standard's decimals apply to every final score", "[R-STD-5][exact]") {
  const auto s = pmq::load_standard(
      R"({"id":"d","version":"1","title":"t","sections":[{"id":"A","title":"a","items":[)" +
      graded("G", "35.942") + "," + item("D", R"("max_score":1,"kind":"deduct","deduction":0.5)") +
      "]}]}");
  auto r = score(s, "[]");
  CHECK(r.exact == *pmq::parse_fraction("36.942"));
  CHECK(r.score == p("36.94")); // decimals 2 by default, even with no re-basing
  CHECK(r.earned == p("36.942"));
  // after a carry-over too
  r = score(
      s, "[]",
      R"("project":"P","carry_over":[{"order":"Z","project":"P","points":35.181,"reason":""}],)");
  CHECK(r.exact == *pmq::parse_fraction("1.761"));
  CHECK(r.score == p("1.76"));
}

TEST_CASE("R-SCORE-4 pass marks are decided on the exact score, not the shown one",
          "[R-SCORE-4][R-SCORE-5][exact]") {
  // One 29.999 item out of 30, re-based to 90: 89.997, shown as 90.
  const auto s = pmq::load_standard(
      R"({"id":"x","version":"1","title":"t","pass_mark":90,"rebase_to":90,"sections":[{"id":"A","title":"a","items":[)" +
      graded("G", "30") + "]}]}");
  auto r = score(s, R"([{"item":"G","score":29.999}])");
  CHECK(r.score == p("90")); // shown rounded
  CHECK(r.exact == *pmq::parse_fraction("89.997"));
  CHECK(r.passed == false); // but below the pass mark
  r = score(s, R"([{"item":"G","score":30}])");
  CHECK(r.passed == true); // exactly 90 passes (90分(含))
}

TEST_CASE("R-STD-5 rebase_to applies whatever the not-applicable policy", "[R-STD-5][exact]") {
  const auto s = pmq::load_standard(
      R"({"id":"c","version":"1","title":"t","not_applicable":"count_as_zero","rebase_to":26.623,"pass_mark":17.289,"sections":[{"id":"A","title":"a","items":[)" +
      item("T", R"("max_score":37,"kind":"three_level")") + "," + graded("G", "28") + "]}]}");
  const auto r = score(s, R"([{"item":"T","level":"fails"},{"item":"G","score":4}])");
  // 4 of 65 × 26.623 = 1.6383…, not 4 and passed.
  CHECK(r.exact == fraction(4) * *pmq::parse_fraction("26.623") / 65);
  CHECK(r.score == p("1.64"));
  CHECK(r.passed == false);
  CHECK(r.full_score == p("26.623"));
}

TEST_CASE("R-STD-5 weighted standards honour rebase_to", "[R-STD-5][exact]") {
  const auto s = pmq::load_standard(
      R"({"id":"w","version":"1","title":"t","weight_total":1,"rebase_to":81.986,"sections":[{"id":"A","title":"a","weight":1,"items":[)" +
      item("T", R"("max_score":1,"kind":"three_level")") + "]}]}");
  const auto r = score(s, "[]");
  CHECK(r.score == p("81.99"));
  CHECK(r.full_score == p("81.986"));
}

TEST_CASE("R-STD-5 a critical section alone makes the result say passed or failed",
          "[R-STD-5][exact]") {
  const auto s = pmq::load_standard(
      R"({"id":"c","version":"1","title":"t","sections":[{"id":"A","title":"a","critical_min":0.579,"items":[)" +
      graded("G", "1") + "]}]}");
  CHECK(score(s, R"([{"item":"G","score":0.579}])").passed == true); // at the minimum
  CHECK(score(s, R"([{"item":"G","score":0.578}])").passed == false);
}

TEST_CASE("R-STD-5 a veto with every other item not applicable gives the vetoed result",
          "[R-STD-5][veto][exact]") {
  const auto s = pmq::load_standard(
      R"({"id":"v","version":"1","title":"t","sections":[{"id":"A","title":"a","items":[)" +
      graded("G", "10") + "," +
      item("Z", R"("max_score":0,"kind":"veto","veto_effect":"cap","veto_cap":8)") + "," +
      item("Y", R"("max_score":0,"kind":"veto","veto_effect":"zero")") + "]}]}");
  auto r = score(s, R"([{"item":"G","not_applicable":true},{"item":"Z","passed":false}])");
  CHECK(r.status == pmq::score_status::scored);
  CHECK(r.score == points{8});
  CHECK(r.passed == false);
  r = score(s, R"([{"item":"G","not_applicable":true},{"item":"Y","passed":false}])");
  CHECK(r.score == points{0});
  CHECK(r.passed == false);
  r = score(s, R"([{"item":"G","not_applicable":true}])");
  CHECK(r.status == pmq::score_status::no_data); // nothing applicable, nothing vetoed
}

TEST_CASE("R-STD-5 inverted three-level ratios are refused", "[R-STD-5][three_level][bad-input]") {
  const auto e = error_of([] {
    pmq::load_standard(
        R"({"id":"v","version":"1","title":"t","three_level":{"meets":0.5,"basically_meets":0.8,"fails":0},"sections":[{"id":"A","title":"a","items":[)" +
        graded("G", "10") + "]}]}");
  });
  CHECK(e.code() == pmq::errc::invalid_input);
  CHECK(has_problem(e, "three_level", "must not increase"));
  // equal ratios are allowed (a company may score basically-meets as meets)
  CHECK_NOTHROW(pmq::load_standard(
      R"({"id":"v","version":"1","title":"t","three_level":{"meets":1,"basically_meets":1,"fails":0},"sections":[{"id":"A","title":"a","items":[)" +
      graded("G", "10") + "]}]}"));
}

TEST_CASE("R-SCORE-3 a carry-over on an inspection must be its project's",
          "[R-SCORE-3][bad-input]") {
  const auto s = pmq::load_standard(
      R"({"id":"c","version":"1","title":"t","sections":[{"id":"A","title":"a","items":[)" +
      graded("G", "100") + "]}]}");
  auto e = error_of([&] {
    score(s, "[]",
          R"("project":"P1","carry_over":[{"order":"Z","project":"P2","points":2,"reason":""}],)");
  });
  CHECK(has_problem(e, "carry_over[0].project", "belongs to project \"P2\""));
  e = error_of([&] {
    score(s, "[]", R"("carry_over":[{"order":"Z","project":"P2","points":2,"reason":""}],)");
  });
  CHECK(has_problem(e, "carry_over[0].project", "names no project"));
  const auto r = score(
      s, "[]",
      R"("project":"P1","carry_over":[{"order":"Z","project":"P1","points":2,"reason":""}],)");
  CHECK(r.score == points{98});
  CHECK(r.adjustments.at(0).source == "Z");
}

TEST_CASE("R-STD-5 thresholds: scaled with not-applicable items, or absolute", "[R-STD-5][exact]") {
  const std::string body =
      R"("pass_mark":60,"sections":[{"id":"A","title":"a","critical_min":12,"items":[)" +
      graded("G1", "15") + "," + graded("G2", "5") +
      "]},{\"id\":\"B\",\"title\":\"b\",\"items\":[" + graded("G3", "80") + "," +
      item("C", R"("max_score":0,"kind":"veto","veto_effect":"cap","veto_cap":50)") + "]}]}";
  const auto scaled = pmq::load_standard(R"({"id":"s","version":"1","title":"t",)" + body);
  const auto absolute =
      pmq::load_standard(R"({"id":"a","version":"1","title":"t","thresholds":"absolute",)" + body);
  // G2 not applicable: section A is out of 15, its minimum scaled to 12 × 15/20 = 9.
  const std::string at_9 = R"([{"item":"G1","score":9},{"item":"G2","not_applicable":true}])";
  const std::string below_9 =
      R"([{"item":"G1","score":8.999},{"item":"G2","not_applicable":true}])";
  CHECK(score(scaled, at_9).failed_sections.empty());
  CHECK(score(scaled, below_9).failed_sections == std::vector<std::string>{"A"});
  CHECK(score(absolute, at_9).failed_sections == std::vector<std::string>{"A"}); // 9 < 12
  CHECK(score(absolute, R"([{"item":"G1","score":12},{"item":"G2","not_applicable":true}])")
            .failed_sections.empty());
}

TEST_CASE("R-STD-5 many random weighted standards: exact total equals the rule's formula",
          "[R-STD-5][exact]") {
  std::mt19937_64 rng(9);
  const auto milli = [&](std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
  };
  for (int round = 0; round < 200; ++round) {
    const int n = int(milli(1, 6));
    std::string sections, responses;
    std::vector<fraction> w(n), m(n), g(n);
    fraction wt = 0;
    for (int k = 0; k < n; ++k) {
      m[k] = fraction(milli(1, 99999), 1000);
      g[k] = fraction(milli(0, (m[k] * 1000).convert_to<std::int64_t>()), 1000);
      w[k] = fraction(milli(1, 99999), 1000);
      wt += w[k];
      const std::string id = std::to_string(k);
      sections += std::string(k ? "," : "") + R"({"id":"S)" + id + R"(","title":"s","weight":)" +
                  pmq::render(w[k], 3) + R"(,"items":[)" + graded("G" + id, pmq::render(m[k], 3)) +
                  "]}";
      responses += std::string(k ? "," : "") + R"({"item":"G)" + id + R"(","score":)" +
                   pmq::render(g[k], 3) + "}";
    }
    const auto s = pmq::load_standard(R"({"id":"r","version":"1","title":"t","weight_total":)" +
                                      pmq::render(wt, 3) + R"(,"sections":[)" + sections + "]}");
    fraction expected = 0;
    for (int k = 0; k < n; ++k)
      expected += w[k] * g[k] / m[k];
    const auto r = score(s, "[" + responses + "]");
    REQUIRE(r.exact == expected);
    CHECK(r.score == pmq::to_points(pmq::round_half_up(expected, 2)));
  }
}
