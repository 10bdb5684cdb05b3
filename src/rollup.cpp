#include "pmq/rollup.hpp"

#include <set>

namespace pmq {

std::optional<fraction> mean(const std::vector<fraction> &values) {
  if (values.empty()) return std::nullopt;
  fraction sum(0);
  for (const auto &v : values)
    sum += v;
  return sum / fraction(static_cast<std::int64_t>(values.size()));
}

namespace {
std::string fraction_text(const fraction &f) { return to_string(f); }

mean_score make(const std::optional<fraction> &m, std::size_t inputs, std::uint32_t decimals) {
  mean_score r;
  r.inputs = static_cast<std::uint32_t>(inputs);
  if (m) {
    r.score = to_points(round_half_up(*m, int(decimals)));
    r.exact = fraction_text(*m);
  }
  return r;
}

// Exact project means, kept for the levels above.
std::optional<fraction> project_mean(const std::vector<points> &scores) {
  std::vector<fraction> v;
  for (auto s : scores)
    v.push_back(s.value());
  return mean(v);
}
} // namespace

mean_score project_score(const std::vector<points> &inspector_scores, std::uint32_t decimals) {
  if (decimals > 3) throw error(errc::invalid_argument, "decimals", "must be 0 to 3");
  return make(project_mean(inspector_scores), inspector_scores.size(), decimals);
}

rollup_result roll_up(const rollup_input &in) {
  problem_list problems;
  if (in.decimals > 3)
    problems.add("decimals", "must be 0 to 3, got " + std::to_string(in.decimals));
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
        if (pr.scores[k] < points{} || pr.scores[k] > points{1000000})
          problems.add(join_path(join_path(pp, "scores"), k),
                       "must be between 0 and 1000000, got " + pr.scores[k].to_string());
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
      const auto m = project_mean(p.scores);
      br.projects.push_back({p.id, make(m, p.scores.size(), in.decimals)});
      if (m) {
        project_means.push_back(*m);
        every_project.push_back(*m);
      }
    }
    // R-SCORE-2: one project → its score; two or more → their mean (the same formula).
    const auto bm = mean(project_means);
    br.result = make(bm, project_means.size(), in.decimals);
    if (bm) branch_means.push_back(*bm);
    out.branches.push_back(std::move(br));
  }
  out.company = make(mean(branch_means), branch_means.size(), in.decimals);
  out.all_projects = make(mean(every_project), every_project.size(), in.decimals);
  return out;
}

rollup_result roll_up(std::string_view json_text) {
  return roll_up(from_json_value<rollup_input>(parse_json(json_text)));
}

json to_json(const rollup_result &r) { return to_json_value(r); }

} // namespace pmq
