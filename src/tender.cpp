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
  for (std::size_t i = lo; i < hi; ++i) sum += marks[i].milli();
  return fraction(sum, std::int64_t(hi - lo) * points::scale);
}

std::vector<problem> check_tender_rules(const tender_rules& r, const std::string& base) {
  problem_list out;
  const auto at = [&](const char* m) { return join_path(base, m); };
  if (r.service_weight < points{}) out.add(at("service_weight"), "must not be negative");
  if (r.financial_weight < points{}) out.add(at("financial_weight"), "must not be negative");
  if (r.service_weight + r.financial_weight != points{100})
    out.add(at("financial_weight"), "service_weight + financial_weight must be 100, got " +
                                        (r.service_weight + r.financial_weight).to_string());
  if (r.service_max <= points{}) out.add(at("service_max"), "must be greater than 0");
  if (r.financial_max <= points{}) out.add(at("financial_max"), "must be greater than 0");
  if (r.drop_extremes && r.drop_extremes_min_experts < 3)
    out.add(at("drop_extremes_min_experts"), "dropping two marks needs at least 3 experts");
  std::set<tie_break> seen;
  for (std::size_t i = 0; i < r.tie_breaks.size(); ++i)
    if (!seen.insert(r.tie_breaks[i]).second)
      out.add(join_path(at("tie_breaks"), i), "tie-break listed twice");
  if (r.candidates == 0) out.add(at("candidates"), "must be at least 1");
  return out.items();
}

std::vector<problem> check_tender(const tender& t, const tender_rules& rules) {
  problem_list out;
  if (t.id.empty()) out.add("id", "must not be empty");
  if (t.bids.empty()) out.add("bids", "a tender needs at least one bid");
  if (t.experts.empty()) out.add("experts", "a tender needs at least one expert");
  const bool by_price = std::find(rules.tie_breaks.begin(), rules.tie_breaks.end(),
                                  tie_break::lower_price) != rules.tie_breaks.end();
  std::map<std::string, std::size_t> bidders, experts;
  for (std::size_t i = 0; i < t.bids.size(); ++i) {
    const auto p = join_path("bids", i);
    const auto& b = t.bids[i];
    if (b.bidder.empty()) out.add(join_path(p, "bidder"), "must not be empty");
    else if (!bidders.emplace(b.bidder, i).second) out.add(join_path(p, "bidder"), "duplicate bidder \"" + b.bidder + "\"");
    if (b.price && *b.price < money{}) out.add(join_path(p, "price"), "must not be negative");
    if (by_price && !b.price) out.add(join_path(p, "price"), "required by the lower_price tie-break");
  }
  for (std::size_t i = 0; i < t.experts.size(); ++i) {
    const auto p = join_path("experts", i);
    if (t.experts[i].empty()) out.add(p, "must not be empty");
    else if (!experts.emplace(t.experts[i], i).second) out.add(p, "duplicate expert \"" + t.experts[i] + "\"");
  }
  std::set<std::pair<std::string, std::string>> marked;
  for (std::size_t i = 0; i < t.marks.size(); ++i) {
    const auto p = join_path("marks", i);
    const auto& m = t.marks[i];
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
      out.add(join_path(p, "service"), "must be 0.." + rules.service_max.to_string() + ", got " + m.service.to_string());
    if (m.financial < points{} || m.financial > rules.financial_max)
      out.add(join_path(p, "financial"), "must be 0.." + rules.financial_max.to_string() + ", got " + m.financial.to_string());
  }
  for (const auto& [e, ei] : experts)
    for (const auto& [b, bi] : bidders)
      if (!marked.count({e, b})) out.add("marks", "expert \"" + e + "\" has not marked \"" + b + "\"");
  return out.items();
}

namespace {
struct scored {
  const bid* b;
  fraction service, financial, total;
  std::uint32_t used = 0;
};

// < 0: a before b, > 0: b before a, 0: still tied.
int compare_by(tie_break k, const scored& a, const scored& b) {
  switch (k) {
  case tie_break::higher_service: return a.service > b.service ? -1 : a.service < b.service ? 1 : 0;
  case tie_break::higher_financial: return a.financial > b.financial ? -1 : a.financial < b.financial ? 1 : 0;
  case tie_break::lower_price: return *a.b->price < *b.b->price ? -1 : *b.b->price < *a.b->price ? 1 : 0;
  case tie_break::bidder_id: return a.b->bidder < b.b->bidder ? -1 : a.b->bidder > b.b->bidder ? 1 : 0;
  }
  return 0;
}

// Which rule separates a from b ("" when nothing does), and the order.
std::pair<int, std::string> compare(const scored& a, const scored& b, const tender_rules& r) {
  if (a.total != b.total) return {a.total > b.total ? -1 : 1, "total"};
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

tender_result evaluate_tender(const tender& t, const tender_rules& rules) {
  auto problems = check_tender_rules(rules, "rules");
  if (problems.empty()) problems = check_tender(t, rules);
  if (!problems.empty()) throw error(errc::invalid_input, std::move(problems));

  const bool drop = rules.drop_extremes && t.experts.size() >= std::max<std::uint32_t>(rules.drop_extremes_min_experts, 3);
  std::vector<scored> all;
  for (const auto& b : t.bids) {
    std::vector<points> service, financial;
    for (const auto& m : t.marks)
      if (m.bidder == b.bidder) {
        service.push_back(m.service);
        financial.push_back(m.financial);
      }
    scored s{&b, expert_mean(service, rules.drop_extremes, rules.drop_extremes_min_experts),
             expert_mean(financial, rules.drop_extremes, rules.drop_extremes_min_experts), {}, 0};
    s.used = std::uint32_t(service.size() - (drop ? 2 : 0));
    s.total = rules.service_weight.value() * s.service / rules.service_max.value() +
              rules.financial_weight.value() * s.financial / rules.financial_max.value();
    all.push_back(s);
  }
  std::stable_sort(all.begin(), all.end(),
                   [&](const scored& a, const scored& b) { return compare(a, b, rules).first < 0; });

  tender_result r;
  r.tender = t.id;
  r.experts = std::uint32_t(t.experts.size());
  r.extremes_dropped = drop;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto& s = all[i];
    tender_ranking row;
    row.bidder = s.b->bidder;
    row.name = s.b->name;
    row.price = s.b->price;
    row.service_mean = to_points(s.service);
    row.financial_mean = to_points(s.financial);
    row.total = to_points(s.total);
    row.marks_used = s.used;
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
  if (r.ranking.size() == 1) r.ranking[0].decided_by = "total";
  else if (!r.ranking.empty() && !r.ranking[0].tied) r.ranking[0].decided_by = r.ranking[1].decided_by;
  for (const auto& row : r.ranking)
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
  if (!problems.empty()) throw error(errc::invalid_input, std::move(problems));
  return t;
}

tender_rules load_tender_rules(std::string_view json_text) {
  auto r = from_json_text<tender_rules>(json_text);
  auto problems = check_tender_rules(r);
  if (!problems.empty()) throw error(errc::invalid_input, std::move(problems));
  return r;
}

json to_json(const tender_result& r) { return to_json_value(r); }

} // namespace pmq
