// `pmq rollup`: inspectors' scores → project → branch → company (R-SCORE-1, R-SCORE-2).
#include "cli.hpp"

#include "pmq/rollup.hpp"

#include <iostream>
#include <memory>

namespace pmq_cli {

namespace {
pmq::json row(const char *level, const std::string &branch, const std::string &project,
              const pmq::json &result) {
  pmq::json r = {{"level", level}, {"branch", branch}, {"project", project}};
  for (const auto &[k, v] : result.items())
    r[k] = v;
  if (!r.contains("score")) r["score"] = nullptr;
  return r;
}
} // namespace

void add_rollup(CLI::App &app) {
  struct opts {
    std::string input, format;
    int decimals = -1;
  };
  auto o = std::make_shared<opts>();
  auto *rollup = app.add_subcommand(
      "rollup", "R-SCORE-1/2: project means of the inspectors' scores, branch and company means");
  add_input(rollup, "--input", o->input,
            "{\"branches\": [{\"id\", \"projects\": [{\"id\", \"scores\": [...]}]}], "
            "\"decimals\"?}");
  rollup->add_option("--decimals", o->decimals, "places each mean is rounded to (0..3)")
      ->check(CLI::Range(0, 3));
  add_format(rollup, o->format);
  examples(rollup, {"pmq rollup --input scores.json",
                    "pmq rollup --input scores.json --decimals 1 --format csv > summary.csv"});
  rollup->callback([o] {
    auto in = read_json(o->input);
    if (o->decimals >= 0 && in.is_object()) in["decimals"] = o->decimals;
    const auto j = pmq::to_json(pmq::roll_up(pmq::from_json_value<pmq::rollup_input>(in)));
    pmq::json rows = pmq::json::array();
    rows.push_back(row("company", "", "", j.at("company")));
    rows.push_back(row("all_projects", "", "", j.at("all_projects")));
    for (const auto &b : j.at("branches")) {
      rows.push_back(row("branch", cell(b.at("id")), "", b.at("result")));
      for (const auto &p : b.at("projects"))
        rows.push_back(row("project", cell(b.at("id")), cell(p.at("id")), p.at("result")));
    }
    emit(o->format, j, rows);
  });
}

} // namespace pmq_cli
