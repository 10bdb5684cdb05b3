// Tender evaluation for outsourced services (委托服务招标, R-OUT-3).
//
// Expert judges (专家评委) mark every bid on two sheets: the service-management sheet
// (服务管理分项评分记录表) and the financial sheet (财务管理分项评分记录表). Per bidder and
// sheet, the marks are averaged over the experts — optionally dropping one highest and one
// lowest mark when there are at least five experts (去掉一个最高分和一个最低分), applied to
// each sheet separately — and the two means are combined with declared weights into a score
// out of 100:
//     total = w_service × service_mean ÷ service_max + w_financial × financial_mean ÷ financial_max
// (w_service + w_financial = 100). Arithmetic is exact (fractions); the ranking compares the
// exact totals, ties are broken by the declared tie-breaks in order, and bidders still tied
// share a rank. Outputs: the ranking table (评标得分排序表) and the candidate list
// (评标候选排名表, the first `candidates` ranks).
#pragma once

#include "pmq/json.hpp"
#include "pmq/numeric.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pmq {

BOOST_DEFINE_ENUM_CLASS(tie_break,
                        higher_service,   ///< higher service-sheet mean first
                        higher_financial, ///< higher financial-sheet mean first
                        lower_price,      ///< lower bid price first (every bid needs a price)
                        bidder_id         ///< alphabetical by bidder id: a total order
)

struct tender_rules {
  points service_weight{60};   ///< percent; with financial_weight sums to 100
  points financial_weight{40}; ///< percent
  points service_max{100};     ///< the service sheet's full marks
  points financial_max{100};   ///< the financial sheet's full marks
  bool drop_extremes = false;  ///< drop one highest and one lowest mark per sheet …
  std::uint32_t drop_extremes_min_experts = 5; ///< … when at least this many experts marked
  std::vector<pmq::tie_break> tie_breaks{tie_break::higher_service, tie_break::lower_price};
  std::uint32_t candidates = 3; ///< ranks on the candidate list
  static constexpr std::array<std::string_view, 8> json_defaulted{
      "service_weight", "financial_weight",          "service_max", "financial_max",
      "drop_extremes",  "drop_extremes_min_experts", "tie_breaks",  "candidates"};
};
BOOST_DESCRIBE_STRUCT(tender_rules, (),
                      (service_weight, financial_weight, service_max, financial_max, drop_extremes,
                       drop_extremes_min_experts, tie_breaks, candidates))

struct bid {
  std::string bidder;
  std::optional<std::string> name;
  std::optional<money> price; ///< the bid price (needed by the lower_price tie-break)
};
BOOST_DESCRIBE_STRUCT(bid, (), (bidder, name, price))

/// One expert's marks for one bid.
struct tender_mark {
  std::string expert;
  std::string bidder;
  points service;
  points financial;
};
BOOST_DESCRIBE_STRUCT(tender_mark, (), (expert, bidder, service, financial))

struct tender {
  std::string id;
  std::optional<std::string> title;
  std::vector<bid> bids;
  std::vector<std::string> experts;
  std::vector<tender_mark> marks; ///< every expert marks every bid, exactly once
};
BOOST_DESCRIBE_STRUCT(tender, (), (id, title, bids, experts, marks))

struct tender_ranking {
  std::uint32_t rank = 0; ///< 1 = best; tied bidders share a rank (1, 2, 2, 4)
  std::string bidder;
  std::optional<std::string> name;
  std::optional<money> price;
  points service_mean;   ///< rounded half up to 1/1000 for display
  points financial_mean; ///< rounded half up to 1/1000 for display
  points total;          ///< out of 100, rounded half up to 1/1000; ranking uses the exact value
  std::uint32_t marks_used = 0; ///< per sheet, after dropping extremes
  bool tied = false;            ///< shares its rank with another bidder after every tie-break
  std::string decided_by;       ///< "total", or the tie-break that separated it from its neighbour
};
BOOST_DESCRIBE_STRUCT(tender_ranking, (),
                      (rank, bidder, name, price, service_mean, financial_mean, total, marks_used,
                       tied, decided_by))

struct tender_result {
  std::string tender;
  std::uint32_t experts = 0;
  bool extremes_dropped = false;
  std::vector<tender_ranking> ranking; ///< 评标得分排序表, best first
  std::vector<std::string> candidates; ///< 评标候选排名表: bidders ranked ≤ rules.candidates
};
BOOST_DESCRIBE_STRUCT(tender_result, (), (tender, experts, extremes_dropped, ranking, candidates))

/// R-OUT-3: the mean of marks, dropping one highest and one lowest when `drop_extremes`
/// and there are at least `min_for_drop` of them. Throws pmq::error(invalid_argument) for
/// no marks (no data).
fraction expert_mean(std::vector<points> marks, bool drop_extremes, std::uint32_t min_for_drop = 5);

std::vector<problem> check_tender(const tender &t, const tender_rules &rules);
std::vector<problem> check_tender_rules(const tender_rules &r, const std::string &base = "");

/// R-OUT-3: per-bidder totals, the ranking table and the candidate list. Throws
/// pmq::error(invalid_input) listing every problem (missing or duplicate marks, marks
/// above a sheet's maximum, weights not summing to 100, a price missing for lower_price).
tender_result evaluate_tender(const tender &t, const tender_rules &rules = {});

tender load_tender(std::string_view json_text);
tender_rules load_tender_rules(std::string_view json_text);
json to_json(const tender_result &r);

} // namespace pmq
