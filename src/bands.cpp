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

bool contains(const interval &iv, points s) {
  const bool above = iv.lo_in ? s >= iv.lo : s > iv.lo;
  const bool below = iv.hi_in ? s <= iv.hi : s < iv.hi;
  return above && below;
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

const band &classify(const band_table &t, points score) {
  if (score < t.min || score > t.max)
    throw error(errc::invalid_argument, "score",
                show(score) + " is outside the band table's range [" + show(t.min) + ", " +
                    show(t.max) + "]");
  for (std::size_t i = 0; i < t.bands.size(); ++i)
    if (contains(effective(t, t.bands[i], i), score)) return t.bands[i];
  throw error(errc::invalid_input, "bands",
              "no band contains " + show(score) + " (table not validated?)");
}

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

per_point_result per_point_pay(points score, const per_point_scheme &scheme) {
  per_point_result r;
  r.passed = score >= scheme.pass_mark;
  if (r.passed) return r;
  const points lost = scheme.pass_mark - score;
  const std::int64_t whole = lost.milli() / points::scale, part = lost.milli() % points::scale;
  switch (scheme.rounding) {
  case point_loss_rounding::whole_points:
    r.points_lost = points(whole);
    break;
  case point_loss_rounding::started_points:
    r.points_lost = points(whole + (part ? 1 : 0));
    break;
  case point_loss_rounding::exact:
    r.points_lost = lost;
    break;
  }
  r.pay_reduction = to_points(r.points_lost.value() * scheme.percent_per_point.value());
  return r;
}

} // namespace pmq
