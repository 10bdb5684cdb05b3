#include "pmq/tender.hpp"

#include "test_support.hpp"

using namespace pmq_test;
using pmq::points;

namespace {
points p(const char *s) { return *points::parse(s); }

// Three bidders, three experts.
pmq::tender three() {
  pmq::tender t;
  t.id = "T-2026-07";
  t.bids = {{"A", "甲保洁公司", pmq::money::from_fen(3000000)},
            {"B", "乙保洁公司", pmq::money::from_fen(2800000)},
            {"C", "丙保洁公司", pmq::money::from_fen(2900000)}};
  t.experts = {"E1", "E2", "E3"};
  const char *marks[][3] = {{"E1", "A", "90 80"}, {"E2", "A", "85 82"}, {"E3", "A", "88 78"},
                            {"E1", "B", "80 95"}, {"E2", "B", "82 93"}, {"E3", "B", "78 97"},
                            {"E1", "C", "70 70"}, {"E2", "C", "72 71"}, {"E3", "C", "74 72"}};
  for (auto &m : marks) {
    std::string s = m[2];
    const auto space = s.find(' ');
    t.marks.push_back({m[0], m[1], p(s.substr(0, space).c_str()), p(s.substr(space + 1).c_str())});
  }
  return t;
}
} // namespace

TEST_CASE("expert means, dropping extremes only with five or more experts", "[R-OUT-3][tender]") {
  CHECK(pmq::expert_mean({p("90"), p("85"), p("88")}, false) == pmq::fraction(263, 3));
  // four experts: nothing dropped even when asked
  CHECK(pmq::expert_mean({p("90"), p("80"), p("70"), p("60")}, true) == pmq::fraction(75));
  // five: the 95 and the 60 go
  CHECK(pmq::expert_mean({p("95"), p("80"), p("70"), p("60"), p("75")}, true) == pmq::fraction(75));
  CHECK(pmq::expert_mean({p("95"), p("80"), p("70"), p("60"), p("75")}, false) ==
        pmq::fraction(76));
  CHECK(error_of([] { pmq::expert_mean({}, false); }).code() == pmq::errc::invalid_argument);
}

TEST_CASE("totals with declared weights, ranking and candidates", "[R-OUT-3][R-REP-2][tender]") {
  // 60/40: A = 0.6 × 87.667 + 0.4 × 80 = 84.6; B = 0.6 × 80 + 0.4 × 95 = 86; C = 71.6
  const auto r = pmq::evaluate_tender(three());
  REQUIRE(r.ranking.size() == 3);
  CHECK(r.ranking[0].bidder == "B");
  CHECK(r.ranking[0].total == p("86"));
  CHECK(r.ranking[1].bidder == "A");
  CHECK(r.ranking[1].total == p("84.6"));
  CHECK(r.ranking[1].service_mean == p("87.667"));
  CHECK(r.ranking[2].bidder == "C");
  CHECK(r.ranking[2].total == p("71.6"));
  CHECK(r.ranking[2].rank == 3);
  CHECK(r.ranking[0].decided_by == "total");
  CHECK(r.candidates == std::vector<std::string>{"B", "A", "C"});

  pmq::tender_rules rules;
  rules.service_weight = p("80");
  rules.financial_weight = p("20");
  rules.candidates = 1;
  const auto r2 = pmq::evaluate_tender(three(), rules);
  CHECK(r2.ranking[0].bidder == "A"); // 0.8 × 87.667 + 0.2 × 80 = 86.133
  CHECK(r2.ranking[0].total == p("86.133"));
  CHECK(r2.candidates == std::vector<std::string>{"A"});
}

TEST_CASE("ties broken by the declared tie-breaks, else shared ranks", "[R-OUT-3][tender]") {
  pmq::tender t;
  t.id = "T";
  t.bids = {{"X", std::nullopt, pmq::money::from_fen(100)},
            {"Y", std::nullopt, pmq::money::from_fen(90)},
            {"Z", std::nullopt, pmq::money::from_fen(80)}};
  t.experts = {"E"};
  // 60/40: X = 0.6×80+0.4×80 = 80; Y = 0.6×90+0.4×65 = 80; Z = 0.6×80+0.4×80 = 80
  t.marks = {
      {"E", "X", p("80"), p("80")}, {"E", "Y", p("90"), p("65")}, {"E", "Z", p("80"), p("80")}};
  auto r = pmq::evaluate_tender(t); // higher_service, then lower_price
  CHECK(r.ranking[0].bidder == "Y");
  CHECK(r.ranking[0].decided_by == "higher_service");
  CHECK(r.ranking[1].bidder == "Z");
  CHECK(r.ranking[1].decided_by == "higher_service");
  CHECK(r.ranking[2].bidder == "X");
  CHECK(r.ranking[2].decided_by == "lower_price");

  pmq::tender_rules rules;
  rules.tie_breaks = {pmq::tie_break::higher_financial};
  r = pmq::evaluate_tender(t, rules);
  CHECK(r.ranking[0].rank == 1);
  CHECK(r.ranking[0].tied);
  CHECK(r.ranking[1].rank == 1);
  CHECK(r.ranking[2].bidder == "Y");
  CHECK(r.ranking[2].rank == 3);
  CHECK_FALSE(r.ranking[2].tied);
  rules.candidates = 1; // both first-ranked bidders are candidates
  CHECK(pmq::evaluate_tender(t, rules).candidates == std::vector<std::string>{"X", "Z"});
  rules.tie_breaks = {pmq::tie_break::higher_financial, pmq::tie_break::bidder_id};
  r = pmq::evaluate_tender(t, rules);
  CHECK(r.ranking[1].bidder == "Z");
  CHECK(r.ranking[1].rank == 2);
  CHECK(r.ranking[1].decided_by == "bidder_id");
}

TEST_CASE("five experts: the highest and lowest mark of each sheet are dropped",
          "[R-OUT-3][tender]") {
  pmq::tender t;
  t.id = "T5";
  t.bids = {{"A", std::nullopt, std::nullopt}};
  t.experts = {"E1", "E2", "E3", "E4", "E5"};
  const int service[] = {95, 80, 70, 60, 75}, financial[] = {50, 90, 90, 90, 100};
  for (int i = 0; i < 5; ++i)
    t.marks.push_back({t.experts[i], "A", points(service[i]), points(financial[i])});
  pmq::tender_rules rules;
  rules.tie_breaks = {pmq::tie_break::bidder_id};
  rules.drop_extremes = true;
  auto r = pmq::evaluate_tender(t, rules);
  CHECK(r.extremes_dropped);
  CHECK(r.ranking[0].marks_used == 3);
  CHECK(r.ranking[0].service_mean == points(75));
  CHECK(r.ranking[0].financial_mean == points(90));
  CHECK(r.ranking[0].total == points(81)); // 0.6 × 75 + 0.4 × 90
  t.experts.pop_back();
  t.marks.pop_back();
  r = pmq::evaluate_tender(t, rules); // four experts: all marks count
  CHECK_FALSE(r.extremes_dropped);
  CHECK(r.ranking[0].marks_used == 4);
  CHECK(r.ranking[0].service_mean == p("76.25"));
}

TEST_CASE("tender input errors name their paths", "[R-OUT-3][tender][errors]") {
  CHECK(error_of([] { pmq::load_tender("[1,"); }).code() == pmq::errc::parse);
  auto e = error_of([] { pmq::load_tender(R"({"id":"T","bids":[],"experts":["E"],"marks":[]})"); });
  CHECK(has_problem(e, "bids", "at least one bid"));
  e = error_of([] { pmq::load_tender(R"({"id":"T","bids":[{"bidder":"A"}],"experts":["E"]})"); });
  CHECK(has_problem(e, "marks", "missing required field"));
  e = error_of([] {
    pmq::load_tender(
        R"({"id":"T","bids":[{"bidder":"A"}],"experts":["E"],"marks":[{"expert":"E","bidder":"A","service":"90","financial":80}]})");
  });
  CHECK(has_problem(e, "marks[0].service", "expected"));
  auto t = three();
  t.marks[1].service = p("-1");
  t.marks[2].bidder = "Q";
  t.marks[4].expert = "E1"; // E1 marks B a second time
  t.bids[2].price.reset();
  auto ee = error_of([&] { pmq::evaluate_tender(t); });
  CHECK(ee.code() == pmq::errc::invalid_input);
  CHECK(has_problem(ee, "marks[1].service", "must be 0..100"));
  CHECK(has_problem(ee, "marks[2].bidder", "no bid from \"Q\""));
  CHECK(has_problem(ee, "marks[4]", "marked \"B\" twice"));
  CHECK(has_problem(ee, "marks", "expert \"E3\" has not marked \"A\""));
  CHECK(has_problem(ee, "bids[2].price", "lower_price"));
  pmq::tender_rules rules;
  rules.financial_weight = p("30");
  ee = error_of([&] { pmq::evaluate_tender(three(), rules); });
  CHECK(has_problem(ee, "rules.financial_weight", "must be 100, got 90"));
  CHECK(has_problem(error_of([] { pmq::load_tender_rules(R"({"tie_breaks":["cheapest"]})"); }),
                    "tie_breaks[0]", "unknown value"));
  CHECK(has_problem(error_of([] { pmq::load_tender_rules(R"({"candidates":0})"); }), "candidates",
                    "at least 1"));
}
