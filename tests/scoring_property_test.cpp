// Property test over random standards and inspections (fixed seed, so reproducible):
// 0 ≤ score ≤ full, N/A re-basing, order independence, total = sum of the breakdown.
#include "pmq/scoring.hpp"

#include "test_support.hpp"

#include <algorithm>
#include <random>

using pmq::points;

namespace {
struct generator {
  std::mt19937_64 rng;
  std::uint64_t below(std::uint64_t n) { return rng() % n; } // portable, unlike distributions

  pmq::standard standard() {
    pmq::standard s;
    s.id = "random";
    s.version = "1";
    s.title = "random";
    const auto sections = 1 + below(5);
    for (std::uint64_t si = 0; si < sections; ++si) {
      pmq::section sec;
      sec.id = "S" + std::to_string(si);
      sec.title = sec.id;
      const auto items = 1 + below(8);
      for (std::uint64_t ii = 0; ii < items; ++ii) {
        pmq::item it;
        it.id = sec.id + "-" + std::to_string(ii);
        it.title = it.id;
        it.requirement = "r";
        it.max_score = points::from_milli(std::int64_t(1 + below(20)) * 500); // 0.5 .. 10
        switch (below(4)) {
        case 0:
          it.kind = pmq::item_kind::deduct;
          it.deduction =
              points::from_milli(std::int64_t(1 + below(it.max_score.milli() / 100)) * 100);
          break;
        case 1:
          it.kind = pmq::item_kind::pass_fail;
          break;
        case 2:
          it.kind = pmq::item_kind::three_level;
          break;
        default:
          it.kind = pmq::item_kind::graded;
          it.step = points::from_milli(500);
        }
        sec.items.push_back(it);
      }
      s.sections.push_back(sec);
    }
    return s;
  }

  pmq::inspection inspection(const pmq::standard &s, bool allow_na) {
    pmq::inspection ins;
    ins.id = "I";
    for (const auto &sec : s.sections)
      for (const auto &it : sec.items) {
        if (below(4) == 0) continue; // unanswered
        pmq::response r;
        r.item = it.id;
        if (allow_na && below(6) == 0) {
          r.not_applicable = true;
        } else {
          switch (it.kind) {
          case pmq::item_kind::deduct:
            r.defects = static_cast<std::uint32_t>(below(30));
            break;
          case pmq::item_kind::pass_fail:
            r.passed = below(2) == 0;
            break;
          case pmq::item_kind::three_level:
            r.level = static_cast<pmq::level>(below(3));
            break;
          default:
            r.score = points::from_milli(std::int64_t(below(it.max_score.milli() / 500 + 1)) * 500);
          }
        }
        ins.responses.push_back(r);
      }
    return ins;
  }
};
} // namespace

TEST_CASE("random standards and inspections keep every scoring invariant", "[R-STD-5][property]") {
  generator g{std::mt19937_64(20261122)};
  for (int round = 0; round < 300; ++round) {
    const auto s = g.standard();
    const pmq::compiled_standard c(s);
    const auto ins = g.inspection(s, round % 2 == 0);
    const auto r = c.score(ins);

    points full, sum, applicable;
    for (const auto &sec : s.sections)
      full += pmq::items_total(sec);
    for (const auto &sec : r.sections) {
      points ssum;
      for (const auto &it : sec.items) {
        REQUIRE(it.score >= points{});
        REQUIRE(it.score <= it.max_score);
        REQUIRE(it.deducted == it.max_score - it.score);
        ssum += it.score;
        applicable += it.max_score;
      }
      REQUIRE(ssum == sec.score);
      sum += ssum;
    }
    REQUIRE(sum == r.earned); // the total is the sum of the breakdown
    REQUIRE(applicable == r.max_score);
    REQUIRE(r.full_score == full);
    if (r.max_score == points{}) {
      REQUIRE(r.status == pmq::score_status::no_data);
      continue;
    }
    const points score = r.score.value();
    REQUIRE(score >= points{});
    REQUIRE(score <= full);
    if (r.max_score == full) {
      REQUIRE(score == r.earned); // nothing to re-base: exact, no rounding
    } else {
      // N/A re-basing: score = earned × full ÷ applicable, rounded half up to 2 places
      const auto expected = pmq::to_points(
          pmq::round_half_up(r.earned.value() * full.value() / r.max_score.value(), 2));
      REQUIRE(score == expected);
    }
    // order independence: the same responses in reverse order score the same
    auto reversed = ins;
    std::reverse(reversed.responses.begin(), reversed.responses.end());
    REQUIRE(pmq::to_json(c.score(reversed)) == pmq::to_json(r));
  }
}
