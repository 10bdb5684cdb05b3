// pmq — the command line over the C++ core, on CLI11. `pmq --help` lists the commands,
// `pmq <command> --help` explains one, with examples.
//
// Exit status: 0 on success, 1 for bad input (every problem, with its JSON path, on stderr)
// or a failed check or test, 2 for bad usage.
#include "cli.hpp"

#include "pmq/error.hpp"
#include "pmq/version.hpp"

#include <iostream>

int main(int argc, char **argv) {
  using namespace pmq_cli;
  CLI::App app{"pmq — property-service quality management rules (物业服务品质管理): standards "
               "and scores, pay bands, KPIs, calendars, rectification, suppliers.",
               "pmq"};
  app.set_version_flag("--version", std::string("pmq ") + pmq::version);
  app.require_subcommand(1);
  app.fallthrough(false);
  examples(&app, {"pmq score --inspection examples/data/inspection.json",
                  "pmq score --standard my_standard.json --inspection - --format json < i.json",
                  "pmq check my_standard.json", "pmq test my_cases.json --junit report.xml",
                  "pmq kpi --help"});
  auto *help = app.add_subcommand("help", "Show this help");
  help->callback([&app] {
    std::cout << app.get_formatter()->make_help(&app, "pmq", CLI::AppFormatMode::Normal);
  });

  // One line per command group; each group's file registers its commands.
  add_scoring(app);
  add_bands(app);
  add_rollup(app);
  add_assess(app);
  add_check(app);
  add_test(app);
  add_kpi(app);
  add_calendar(app);
  add_rectification(app);
  add_supplier(app);

  try {
    app.parse(argc, argv);
    return 0;
  } catch (const CLI::Success &e) {
    return app.exit(e); // --help, --version
  } catch (const CLI::Error &e) {
    app.exit(e);
    return 2;
  } catch (const usage_error &e) {
    std::cerr << "pmq: " << e.what() << "\nRun with --help for more information.\n";
    return 2;
  } catch (const pmq::error &e) {
    std::cerr << "pmq: error:\n";
    for (const auto &p : e.problems())
      std::cerr << "  " << (p.path.empty() ? "" : p.path + ": ") << p.message << "\n";
    return 1;
  } catch (const std::exception &e) {
    std::cerr << "pmq: " << e.what() << "\n";
    return 1;
  } catch (const exit_status &s) {
    return s.code; // a command's own status (a check or test that failed)
  }
}
