#include "pmq/tender.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

namespace pmq {

fraction expert_mean(std::vector<points> marks, bool drop_extremes, std::uint32_t min_for_drop) {
  if (marks.empty()) throw error(errc::invalid_argument, "", "no marks: the mean has no data");
  std::sort(marks.begin(), marks.end());
  std::size_t lo = 0, hi = marks.size();
  if (drop_extremes && marks.size() >= std::max<std::uint32_t>(min_for_drop, 3)) {
    ++lo;
    --hi;
  }
  std::int64_t sum = 0;
  for (std::size_t i = lo; i < hi; ++i)
    if (__builtin_add_overflow(sum, marks[i].milli(), &sum))
      throw error(errc::invalid_argument, "", "marks too large to add up");
  return fraction(sum, std::int64_t(hi - lo) * points::scale);
}

std::vector<problem> check_tender_rules(const tender_rules &r, const std::string &base) {
  problem_list out;
  const auto at = [&](const char *m) { return join_path(base, m); };
  if (r.service_weight < points{}) out.add(at("service_weight"), "must not be negative");
  if (r.financial_weight < points{}) out.add(at("financial_weight"), "must not be negative");
  if (r.service_weight + r.financial_weight != points{100})
    out.add(at("financial_weight"), "service_weight + financial_weight must be 100, got " +
                                        (r.service_weight + r.financial_weight).to_string());
  if (r.service_max <= points{} || r.service_max > points{1000000})
    out.add(at("service_max"), "must be greater than 0 and at most 1000000");
  if (r.financial_max <= points{} || r.financial_max > points{1000000})
    out.add(at("financial_max"), "must be greater than 0 and at most 1000000");
  if (r.drop_extremes && r.drop_extremes_min_experts < 3)
    out.add(at("drop_extremes_min_experts"), "dropping two marks needs at least 3 experts");
  std::set<tie_break> seen;
  for (std::size_t i = 0; i < r.tie_breaks.size(); ++i)
    if (!seen.insert(r.tie_breaks[i]).second)
      out.add(join_path(at("tie_breaks"), i), "tie-break listed twice");
  if (r.candidates == 0) out.add(at("candidates"), "must be at least 1");
  return out.items();
}

std::vector<problem> check_tender(const tender &t, const tender_rules &rules) {
  problem_list out;
  if (t.id.empty()) out.add("id", "must not be empty");
  if (t.bids.empty()) out.add("bids", "a tender needs at least one bid");
  if (t.experts.empty()) out.add("experts", "a tender needs at least one expert");
  if (t.experts.size() > 1000) out.add("experts", "at most 1000 experts");
  const bool by_price = std::find(rules.tie_breaks.begin(), rules.tie_breaks.end(),
                                  tie_break::lower_price) != rules.tie_breaks.end();
  std::map<std::string, std::size_t> bidders, experts;
  for (std::size_t i = 0; i < t.bids.size(); ++i) {
    const auto p = join_path("bids", i);
    const auto &b = t.bids[i];
    if (b.bidder.empty())
      out.add(join_path(p, "bidder"), "must not be empty");
    else if (!bidders.emplace(b.bidder, i).second)
      out.add(join_path(p, "bidder"), "duplicate bidder \"" + b.bidder + "\"");
    if (b.price && *b.price < money{}) out.add(join_path(p, "price"), "must not be negative");
    if (by_price && !b.price)
      out.add(join_path(p, "price"), "required by the lower_price tie-break");
  }
  for (std::size_t i = 0; i < t.experts.size(); ++i) {
    const auto p = join_path("experts", i);
    if (t.experts[i].empty())
      out.add(p, "must not be empty");
    else if (!experts.emplace(t.experts[i], i).second)
      out.add(p, "duplicate expert \"" + t.experts[i] + "\"");
  }
  std::set<std::pair<std::string, std::string>> marked;
  for (std::size_t i = 0; i < t.marks.size(); ++i) {
    const auto p = join_path("marks", i);
    const auto &m = t.marks[i];
    bool known = true;
    if (!experts.count(m.expert)) {
      out.add(join_path(p, "expert"), "no expert \"" + m.expert + "\" in experts");
      known = false;
    }
    if (!bidders.count(m.bidder)) {
      out.add(join_path(p, "bidder"), "no bid from \"" + m.bidder + "\"");
      known = false;
    }
    if (known && !marked.emplace(m.expert, m.bidder).second)
      out.add(p, "expert \"" + m.expert + "\" marked \"" + m.bidder + "\" twice");
    if (m.service < points{} || m.service > rules.service_max)
      out.add(join_path(p, "service"),
              "must be 0.." + rules.service_max.to_string() + ", got " + m.service.to_string());
    if (m.financial < points{} || m.financial > rules.financial_max)
      out.add(join_path(p, "financial"),
              "must be 0.." + rules.financial_max.to_string() + ", got " + m.financial.to_string());
  }
  for (const auto &[e, ei] : experts)
    for (const auto &[b, bi] : bidders)
      if (!marked.count({e, b}))
        out.add("marks", "expert \"" + e + "\" has not marked \"" + b + "\"");
  return out.items();
}

namespace {
__extension__ typedef __int128 i128;

// Every expert marks every bid, so every bidder keeps the same number k of marks per sheet and
// every total has the same denominator D = 1000 · k · service_max · financial_max (in 1/1000
// point units): totals, and sheet sums, compare exactly as 128-bit integers.
struct scored {
  const bid *b = nullptr;
  std::int64_t service_sum = 0, financial_sum = 0; ///< kept marks, in 1/1000 point
  i128 total = 0;                                  ///< numerator over D
};

std::int64_t kept_sum(std::vector<points> marks, bool drop) {
  std::sort(marks.begin(), marks.end());
  std::int64_t sum = 0;
  for (std::size_t i = drop ? 1 : 0; i < marks.size() - (drop ? 1 : 0); ++i)
    sum += marks[i].milli();
  return sum;
}

std::int64_t div_half_up(i128 n, i128 d) { // n ≥ 0, d > 0
  i128 q = n / d;
  if ((n % d) * 2 >= d) ++q;
  return std::int64_t(q);
}

template <class T> int order(T a, T b, bool higher_first) {
  if (a == b) return 0;
  return (a > b) == higher_first ? -1 : 1;
}

// < 0: a before b, > 0: b before a, 0: still tied.
int compare_by(tie_break k, const scored &a, const scored &b) {
  switch (k) {
  case tie_break::higher_service:
    return order(a.service_sum, b.service_sum, true);
  case tie_break::higher_financial:
    return order(a.financial_sum, b.financial_sum, true);
  case tie_break::lower_price:
    return order(a.b->price->fen(), b.b->price->fen(), false);
  case tie_break::bidder_id:
    return order(a.b->bidder, b.b->bidder, false);
  }
  return 0;
}

// The order of a and b, and the rule that decides it ("" when nothing does).
std::pair<int, std::string> compare(const scored &a, const scored &b, const tender_rules &r) {
  if (int c = order(a.total, b.total, true)) return {c, "total"};
  for (auto k : r.tie_breaks)
    if (int c = compare_by(k, a, b)) {
      std::string name;
      boost::mp11::mp_for_each<boost::describe::describe_enumerators<tie_break>>([&](auto d) {
        if (d.value == k) name = d.name;
      });
      return {c, name};
    }
  return {0, ""};
}
} // namespace

tender_result evaluate_tender(const tender &t, const tender_rules &rules) {
  auto problems = check_tender_rules(rules, "rules");
  if (problems.empty()) problems = check_tender(t, rules);
  throw_if_any(std::move(problems));

  const bool drop = rules.drop_extremes &&
                    t.experts.size() >= std::max<std::uint32_t>(rules.drop_extremes_min_experts, 3);
  const std::int64_t k = std::int64_t(t.experts.size()) - (drop ? 2 : 0);
  const i128 smax = rules.service_max.milli(), fmax = rules.financial_max.milli();
  const i128 denominator = i128(1000) * k * smax * fmax;
  std::vector<scored> all;
  for (const auto &b : t.bids) {
    std::vector<points> service, financial;
    for (const auto &m : t.marks)
      if (m.bidder == b.bidder) {
        service.push_back(m.service);
        financial.push_back(m.financial);
      }
    scored s;
    s.b = &b;
    s.service_sum = kept_sum(service, drop);
    s.financial_sum = kept_sum(financial, drop);
    // w_s·(S/k)/smax + w_f·(F/k)/fmax, all in 1/1000 units, over D.
    s.total = i128(rules.service_weight.milli()) * s.service_sum * fmax +
              i128(rules.financial_weight.milli()) * s.financial_sum * smax;
    all.push_back(s);
  }
  std::stable_sort(all.begin(), all.end(), [&](const scored &a, const scored &b) {
    return compare(a, b, rules).first < 0;
  });

  tender_result r;
  r.tender = t.id;
  r.experts = std::uint32_t(t.experts.size());
  r.extremes_dropped = drop;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto &s = all[i];
    tender_ranking row;
    row.bidder = s.b->bidder;
    row.name = s.b->name;
    row.price = s.b->price;
    row.service_mean = points::from_milli(div_half_up(s.service_sum, k));
    row.financial_mean = points::from_milli(div_half_up(s.financial_sum, k));
    row.total = points::from_milli(div_half_up(s.total * 1000, denominator));
    row.marks_used = std::uint32_t(k);
    row.rank = std::uint32_t(i + 1);
    if (i > 0) {
      row.decided_by = compare(all[i - 1], s, rules).second;
      if (row.decided_by.empty()) {
        row.rank = r.ranking.back().rank;
        row.tied = r.ranking.back().tied = true;
        row.decided_by = r.ranking.back().decided_by = "tied";
      }
    }
    r.ranking.push_back(row);
  }
  // The first row: what separates it from the second.
  if (r.ranking.size() == 1)
    r.ranking[0].decided_by = "total";
  else if (!r.ranking.empty() && !r.ranking[0].tied)
    r.ranking[0].decided_by = r.ranking[1].decided_by;
  for (const auto &row : r.ranking)
    if (row.rank <= rules.candidates) r.candidates.push_back(row.bidder);
  return r;
}

tender load_tender(std::string_view json_text) {
  auto t = from_json_text<tender>(json_text);
  // Marks' ranges and prices depend on the rules: checked again when evaluated.
  tender_rules permissive;
  permissive.service_max = permissive.financial_max = points::from_milli(INT64_MAX);
  permissive.tie_breaks.clear();
  auto problems = check_tender(t, permissive);
  throw_if_any(std::move(problems));
  return t;
}

tender_rules load_tender_rules(std::string_view json_text) {
  auto r = from_json_text<tender_rules>(json_text);
  auto problems = check_tender_rules(r);
  throw_if_any(std::move(problems));
  return r;
}

json to_json(const tender_result &r) { return to_json_value(r); }

} // namespace pmq
