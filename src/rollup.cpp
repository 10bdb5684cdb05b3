#include "pmq/rollup.hpp"

#include <set>

namespace pmq {

std::optional<fraction> mean(const std::vector<fraction> &values) {
  if (values.empty()) return std::nullopt;
  fraction sum = 0;
  for (const auto &v : values)
    sum += v;
  return sum / static_cast<std::int64_t>(values.size());
}

namespace {
mean_score make(const std::optional<fraction> &m, std::size_t inputs, std::uint32_t decimals,
                const std::optional<band_table> &bands) {
  mean_score r;
  r.inputs = static_cast<std::uint32_t>(inputs);
  if (m) {
    r.score = to_points(round_half_up(*m, int(decimals))); // shown
    r.exact = *m;
    if (bands) r.band = classify(*bands, *m); // decided on the exact mean
  }
  return r;
}
} // namespace

mean_score project_score(const std::vector<fraction> &inspector_scores, std::uint32_t decimals) {
  if (decimals > 3) throw error(errc::invalid_argument, "decimals", "must be 0 to 3");
  return make(mean(inspector_scores), inspector_scores.size(), decimals, std::nullopt);
}

mean_score project_score(const std::vector<points> &inspector_scores, std::uint32_t decimals) {
  std::vector<fraction> v;
  v.reserve(inspector_scores.size());
  for (auto s : inspector_scores)
    v.push_back(s.value());
  return project_score(v, decimals);
}

rollup_result roll_up(const rollup_input &in) {
  problem_list problems;
  if (in.decimals > 3)
    problems.add("decimals", "must be 0 to 3, got " + std::to_string(in.decimals));
  if (in.bands)
    for (auto &p : check_band_table(*in.bands))
      problems.add(join_path("bands", p.path), std::move(p.message));
  const fraction top = in.bands ? in.bands->max.value() : fraction(1000000);
  const fraction bottom = in.bands ? in.bands->min.value() : fraction(0);
  std::set<std::string> branch_ids, project_ids;
  for (std::size_t b = 0; b < in.branches.size(); ++b) {
    const auto bp = join_path("branches", b);
    if (!branch_ids.insert(in.branches[b].id).second)
      problems.add(join_path(bp, "id"), "duplicate branch id \"" + in.branches[b].id + "\"");
    for (std::size_t p = 0; p < in.branches[b].projects.size(); ++p) {
      const auto &pr = in.branches[b].projects[p];
      const auto pp = join_path(join_path(bp, "projects"), p);
      if (!project_ids.insert(pr.id).second)
        problems.add(join_path(pp, "id"), "duplicate project id \"" + pr.id + "\"");
      for (std::size_t k = 0; k < pr.scores.size(); ++k)
        if (pr.scores[k] < bottom || pr.scores[k] > top)
          problems.add(join_path(join_path(pp, "scores"), k),
                       "must be between " + to_string(bottom) + " and " + to_string(top) +
                           ", got " + to_string(pr.scores[k]));
      for (std::size_t k = 0; k < pr.carry_over.size(); ++k) {
        const auto &c = pr.carry_over[k];
        const auto cp = join_path(join_path(pp, "carry_over"), k);
        if (c.project != pr.id)
          problems.add(join_path(cp, "project"), "carry-over of order \"" + c.order +
                                                     "\" belongs to project \"" + c.project +
                                                     "\", not \"" + pr.id + "\"");
        if (c.points <= points{})
          problems.add(join_path(cp, "points"),
                       "must be greater than 0, got " + c.points.to_string());
      }
    }
  }
  problems.throw_if_any();

  rollup_result out;
  std::vector<fraction> branch_means, every_project;
  for (const auto &b : in.branches) {
    branch_rollup br;
    br.id = b.id;
    std::vector<fraction> project_means;
    for (const auto &p : b.projects) {
      auto m = mean(p.scores);
      project_rollup pr{p.id, {}, p.carry_over, std::nullopt};
      // R-SCORE-3: each carry-over is taken once from the project's mean, never below 0.
      if (m && !p.carry_over.empty()) {
        pr.before_carry_over = *m;
        for (const auto &c : p.carry_over)
          *m = *m > c.points.value() ? *m - c.points.value() : fraction(0);
      }
      pr.result = make(m, p.scores.size(), in.decimals, in.bands);
      br.projects.push_back(std::move(pr));
      if (m) {
        project_means.push_back(*m);
        every_project.push_back(*m);
      }
    }
    // R-SCORE-2: one project → its score; two or more → their mean (the same formula).
    const auto bm = mean(project_means);
    br.result = make(bm, project_means.size(), in.decimals, in.bands);
    if (bm) branch_means.push_back(*bm);
    out.branches.push_back(std::move(br));
  }
  out.company = make(mean(branch_means), branch_means.size(), in.decimals, in.bands);
  out.all_projects = make(mean(every_project), every_project.size(), in.decimals, in.bands);
  return out;
}

rollup_input rollup_input_from_json(const json &value) {
  // "bands" may name a built-in table; it is read as that table.
  if (value.is_object()) {
    const auto it = value.find("bands");
    if (it != value.end() && it->is_string()) {
      json copy = value;
      const auto &id = it->get_ref<const std::string &>();
      const auto ids = builtin_band_table_ids();
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
        std::string known;
        for (const auto &k : ids)
          known += (known.empty() ? "" : ", ") + k;
        throw error(errc::invalid_input, "bands",
                    "no built-in band table \"" + id + "\" (built in: " + known + ")");
      }
      copy["bands"] = to_json(builtin_band_table(id));
      return from_json_value<rollup_input>(copy);
    }
  }
  return from_json_value<rollup_input>(value);
}

rollup_result roll_up(std::string_view json_text) {
  return roll_up(rollup_input_from_json(parse_json(json_text)));
}

json to_json(const rollup_result &r) { return to_json_value(r); }

} // namespace pmq
