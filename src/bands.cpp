#include "pmq/bands.hpp"

#include "loading.hpp"
#include "presets.hpp"

#include <algorithm>
#include <map>

namespace pmq {

namespace {
// A band's effective interval within the table.
struct interval {
  points lo, hi;
  bool lo_in = true, hi_in = true;
  std::size_t index = 0;
};

interval effective(const band_table &t, const band &b, std::size_t index) {
  interval iv;
  iv.index = index;
  iv.lo = b.from.value_or(t.min);
  iv.lo_in = b.from ? b.from_edge.value_or(edge::inclusive) == edge::inclusive : true;
  iv.hi = b.to.value_or(t.max);
  iv.hi_in = b.to ? b.to_edge.value_or(edge::exclusive) == edge::inclusive : true;
  return iv;
}

bool contains(const interval &iv, const fraction &s) {
  const fraction lo = iv.lo.value(), hi = iv.hi.value();
  const bool above = iv.lo_in ? s >= lo : s > lo;
  const bool below = iv.hi_in ? s <= hi : s < hi;
  return above && below;
}

// An exact score for messages: its decimal when it has at most 3 places, else n/d with
// the decimal it rounds to.
std::string show_exact(const fraction &v) {
  if (const auto p = points::exactly(v)) return p->to_string();
  return to_string(v) + " (" + render(v, 4) + ")";
}

std::string show(points p) { return p.to_string(); }
} // namespace

std::vector<problem> check_band_table(const band_table &t) {
  problem_list out;
  if (t.min >= t.max)
    out.add("max", "must be greater than min (" + show(t.min) + "), got " + show(t.max));
  if (t.bands.empty()) out.add("bands", "a band table needs at least one band");
  std::map<std::string, std::size_t> ids;
  std::vector<interval> ivs;
  for (std::size_t i = 0; i < t.bands.size(); ++i) {
    const auto &b = t.bands[i];
    const auto bp = join_path("bands", i);
    if (b.id.empty())
      out.add(join_path(bp, "id"), "must not be empty");
    else if (auto [it, fresh] = ids.emplace(b.id, i); !fresh)
      out.add(join_path(bp, "id"), "duplicate band id \"" + b.id + "\" (first at bands[" +
                                       std::to_string(it->second) + "])");
    if (!b.from && b.from_edge == edge::exclusive)
      out.add(join_path(bp, "from_edge"),
              "an open lower end covers the table's min: it cannot be exclusive");
    if (!b.to && b.to_edge == edge::exclusive)
      out.add(join_path(bp, "to_edge"),
              "an open upper end covers the table's max: it cannot be exclusive");
    if (b.from && (*b.from < t.min || *b.from > t.max))
      out.add(join_path(bp, "from"), show(*b.from) + " is outside the table's range [" +
                                         show(t.min) + ", " + show(t.max) + "]");
    if (b.to && (*b.to < t.min || *b.to > t.max))
      out.add(join_path(bp, "to"), show(*b.to) + " is outside the table's range [" + show(t.min) +
                                       ", " + show(t.max) + "]");
    const auto iv = effective(t, b, i);
    if (iv.lo > iv.hi || (iv.lo == iv.hi && !(iv.lo_in && iv.hi_in)))
      out.add(bp, "empty band: from " + show(iv.lo) + " to " + show(iv.hi));
    else
      ivs.push_back(iv);
  }
  if (!out.empty() || ivs.empty()) return out.items();

  std::sort(ivs.begin(), ivs.end(), [](const interval &a, const interval &b) {
    return a.lo != b.lo ? a.lo < b.lo : (a.lo_in && !b.lo_in);
  });
  const auto &first = ivs.front();
  if (first.lo > t.min || (first.lo == t.min && !first.lo_in))
    out.add(join_path("bands", first.index) + ".from",
            "scores from " + show(t.min) + " up to " + show(first.lo) + " fall in no band");
  for (std::size_t k = 1; k < ivs.size(); ++k) {
    const auto &a = ivs[k - 1];
    const auto &b = ivs[k];
    const auto where = join_path("bands", b.index) + ".from";
    const auto pair =
        " (bands[" + std::to_string(a.index) + "] and bands[" + std::to_string(b.index) + "])";
    if (a.hi < b.lo)
      out.add(where, "gap: scores between " + show(a.hi) + " and " + show(b.lo) +
                         " fall in no band" + pair);
    else if (a.hi > b.lo)
      out.add(where, "overlap: scores between " + show(b.lo) + " and " + show(a.hi) +
                         " fall in two bands" + pair);
    else if (a.hi_in && b.lo_in)
      out.add(where, "overlap: a score of exactly " + show(b.lo) +
                         " falls in two bands (both edges inclusive)" + pair);
    else if (!a.hi_in && !b.lo_in)
      out.add(where, "gap: a score of exactly " + show(b.lo) +
                         " falls in no band (both edges exclusive)" + pair);
  }
  const auto &last = ivs.back();
  if (last.hi < t.max)
    out.add(join_path("bands", last.index) + ".to",
            "scores above " + show(last.hi) + " up to " + show(t.max) + " fall in no band");
  else if (last.hi == t.max && !last.hi_in)
    out.add(join_path("bands", last.index) + ".to_edge",
            "the maximum score " + show(t.max) + " falls in no band: make the top edge inclusive");
  return out.items();
}

band_table band_table_from_json(const json &value) {
  return read_and_check<band_table>(value, check_band_table);
}

band_table load_band_table(std::string_view json_text) {
  return band_table_from_json(parse_json(json_text));
}

json to_json(const band_table &t) { return to_json_value(t); }

const band &classify(const band_table &t, const fraction &score) {
  if (score < t.min.value() || score > t.max.value())
    throw error(errc::invalid_argument, "score",
                show_exact(score) + " is outside the band table's range [" + show(t.min) + ", " +
                    show(t.max) + "]");
  for (std::size_t i = 0; i < t.bands.size(); ++i)
    if (contains(effective(t, t.bands[i], i), score)) return t.bands[i];
  throw error(errc::invalid_input, "bands",
              "no band contains " + show_exact(score) + " (table not validated?)");
}

const band &classify(const band_table &t, points score) { return classify(t, score.value()); }

namespace {
const std::vector<band_table> &builtin_bands() {
  static const std::vector<band_table> all = [] {
    std::vector<band_table> v;
    for (const auto &[name, text] : presets::all())
      if (name.starts_with("bands_")) v.push_back(band_table_from_json(parse_json(text)));
    return v;
  }();
  return all;
}
} // namespace

std::vector<std::string> builtin_band_table_ids() {
  std::vector<std::string> ids;
  for (const auto &t : builtin_bands())
    ids.push_back(t.id);
  return ids;
}

const band_table &builtin_band_table(std::string_view id) {
  for (const auto &t : builtin_bands())
    if (t.id == id) return t;
  throw error(errc::invalid_argument, "", "no built-in band table \"" + std::string(id) + "\"");
}

per_point_result per_point_pay(const fraction &score, const per_point_scheme &scheme) {
  problem_list problems;
  if (scheme.full_score <= points{})
    problems.add("full_score", "must be greater than 0, got " + scheme.full_score.to_string());
  if (scheme.pass_mark < points{} || scheme.pass_mark > scheme.full_score)
    problems.add("pass_mark", "must be between 0 and the full score " +
                                  scheme.full_score.to_string() + ", got " +
                                  scheme.pass_mark.to_string());
  if (scheme.percent_per_point < points{})
    problems.add("percent_per_point",
                 "must not be negative, got " + scheme.percent_per_point.to_string());
  if (problems.empty() && (score < 0 || score > scheme.full_score.value()))
    problems.add("score", show_exact(score) + " is outside 0.." + scheme.full_score.to_string());
  problems.throw_if_any();
  per_point_result r;
  r.points_lost_exact = 0;
  r.pay_reduction_exact = 0;
  r.passed = score >= scheme.pass_mark.value();
  if (r.passed) return r;
  const fraction lost = scheme.pass_mark.value() - score;
  switch (scheme.rounding) {
  case point_loss_rounding::whole_points:
    r.points_lost_exact = fraction(floor(lost));
    break;
  case point_loss_rounding::started_points:
    r.points_lost_exact = fraction(ceil(lost));
    break;
  case point_loss_rounding::exact:
    r.points_lost_exact = lost;
    break;
  }
  r.pay_reduction_exact = r.points_lost_exact * scheme.percent_per_point.value();
  r.points_lost = to_points(r.points_lost_exact);
  r.pay_reduction = to_points(r.pay_reduction_exact);
  return r;
}

per_point_result per_point_pay(points score, const per_point_scheme &scheme) {
  return per_point_pay(score.value(), scheme);
}

} // namespace pmq
