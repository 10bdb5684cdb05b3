// `pmq check FILE`: validates a company's own standard, band table, KPI definition, target
// plan or fee plan, and warns about what loads but is probably wrong.
#include "cli.hpp"

#include "pmq/check.hpp"

#include <iostream>
#include <memory>

namespace pmq_cli {

void add_check(CLI::App &app) {
  struct opts {
    std::string file, kind, format;
    bool strict = false;
  };
  auto o = std::make_shared<opts>();
  auto *check = app.add_subcommand(
      "check", "Check your own standard, band table, KPI definition, target plan or fee plan: "
               "every error, and warnings about what loads but is probably wrong");
  check->add_option("file", o->file, "the document (- reads standard input)")
      ->required()
      ->type_name("FILE");
  check->add_option("--kind", o->kind, "what the document is (default: told from its members)")
      ->check(
          CLI::IsMember({"standard", "band_table", "kpi_definition", "target_plan", "fee_plan"}))
      ->type_name("KIND");
  check->add_flag("--strict", o->strict, "warnings fail the check too (exit status 1)");
  add_format(check, o->format);
  examples(check, {"pmq check my_standard.json", "pmq check my_bands.json --strict",
                   "pmq check plan_2026.json --format json",
                   "pmq standard --builtin cn-national-demo-estate | pmq check -"});
  check->footer(check->get_footer() +
                "\nExit status: 0 when the document loads (warnings are printed), 1 when it "
                "does not (or has warnings, with --strict), 2 for bad usage.\n");
  check->callback([o] {
    std::optional<pmq::document_kind> kind;
    if (!o->kind.empty()) kind = pmq::from_json_value<pmq::document_kind>(pmq::json(o->kind));
    const auto report = pmq::check_document(read_json(o->file), kind);
    const auto j = pmq::to_json(report);
    pmq::json rows = pmq::json::array();
    for (const auto &p : report.errors)
      rows.push_back({{"severity", "error"}, {"path", p.path}, {"message", p.message}});
    for (const auto &p : report.warnings)
      rows.push_back({{"severity", "warning"}, {"path", p.path}, {"message", p.message}});
    emit(o->format, j, rows, [&] {
      const auto name = o->file == "-" ? std::string("stdin") : o->file;
      std::cout << name << ": " << cell(j.at("kind")) << ", "
                << (report.valid ? "loads" : "does NOT load") << " — " << report.errors.size()
                << (report.errors.size() == 1 ? " error, " : " errors, ") << report.warnings.size()
                << (report.warnings.size() == 1 ? " warning\n" : " warnings\n");
      for (const auto &r : rows)
        std::cout << "  " << cell(r.at("severity")) << "  "
                  << (cell(r.at("path")).empty() ? "" : cell(r.at("path")) + ": ")
                  << cell(r.at("message")) << "\n";
    });
    if (!report.valid || (o->strict && !report.warnings.empty())) throw exit_status{1};
  });
}

} // namespace pmq_cli
