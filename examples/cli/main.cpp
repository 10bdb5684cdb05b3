// pmq — the command line over the C++ core. `pmq help` lists the subcommands.
//
// Exit status: 0 on success, 1 for bad input (the message, with its JSON path, goes to
// stderr), 2 for bad usage.
#include "cli.hpp"

#include "pmq/version.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

namespace pmq_cli {

std::string read_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw pmq::error(pmq::errc::invalid_argument, "", "cannot read file " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::map<std::string, std::string> options(int argc, char **argv, int first,
                                           const std::vector<std::string> &allowed,
                                           const std::vector<std::string> &switches) {
  std::map<std::string, std::string> out;
  for (int i = first; i < argc; ++i) {
    const std::string name = argv[i];
    bool is_switch = false, known = false;
    for (const auto &s : switches)
      is_switch = is_switch || s == name;
    for (const auto &a : allowed)
      known = known || a == name;
    if (is_switch) {
      out[name] = "1";
      continue;
    }
    if (!known) throw usage_error("unknown option " + name);
    if (i + 1 >= argc) throw usage_error(name + " needs a value");
    out[name] = argv[++i];
  }
  return out;
}

namespace {
// One line per concern's subcommands; keep the table the only shared edit.
const command commands[] = {
    {"score", "pmq score [--standard FILE | --builtin ID] --inspection FILE [--format text|json]",
     run_score},
    {"standards", "pmq standards", run_standards},
    {"standard", "pmq standard [--builtin ID]", run_standard},
    {"supplier",
     "pmq supplier qualify --checklist FILE | tender --tender FILE | staffing --month FILE | month "
     "--record FILE | year --review FILE  [--rules FILE] [--format text|json]\n  pmq supplier "
     "may-bid --query FILE [--on DATE] | rules monthly|staffing|tender|yearly",
     run_supplier},
    {"calendar",
     "pmq calendar deadlines --month YYYY-MM [--calendar FILE] [--rules FILE] [--format "
     "text|json]\n"
     "  pmq calendar plan|households|loans --request FILE",
     run_calendar},
    {"rectification",
     "pmq rectification status|report|failures --request FILE [--as-of YYYY-MM-DD]",
     run_rectification},
    {"complaints", "pmq complaints --request FILE | pmq complaints classes", run_complaints},
    {"kpi",
     "pmq kpi catalogue | eval --kpi ID --counts FILE | series --kpi ID --months FILE [--by "
     "month|quarter|half_year|year]\n"
     "  pmq kpi table --plan FILE --actuals FILE --period 2026-03|2026-Q1|2026-H1|2026 | fees "
     "--plan FILE --period P  [--format text|json]",
     run_kpi},
};

std::string usage() {
  std::string out = "usage:\n";
  for (const auto &c : commands)
    out += std::string("  ") + c.usage + "\n";
  out += "  pmq --version\n";
  return out;
}
} // namespace
} // namespace pmq_cli

int main(int argc, char **argv) {
  using namespace pmq_cli;
  try {
    if (argc < 2) throw usage_error("missing command");
    const std::string cmd = argv[1];
    if (cmd == "--help" || cmd == "-h" || cmd == "help") {
      std::cout << usage();
      return 0;
    }
    if (cmd == "--version") {
      std::cout << "pmq " << pmq::version << "\n";
      return 0;
    }
    for (const auto &c : commands)
      if (cmd == c.name) return c.run(argc, argv);
    throw usage_error("unknown command " + cmd);
  } catch (const usage_error &e) {
    std::cerr << "pmq: " << e.what() << "\n" << usage();
    return 2;
  } catch (const pmq::error &e) {
    std::cerr << "pmq: error:\n";
    for (const auto &p : e.problems())
      std::cerr << "  " << (p.path.empty() ? "" : p.path + ": ") << p.message << "\n";
    return 1;
  } catch (const std::exception &e) {
    std::cerr << "pmq: " << e.what() << "\n";
    return 1;
  }
}
