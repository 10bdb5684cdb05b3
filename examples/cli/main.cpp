// pmq — the command line over the C++ core.
//
//   pmq score [--standard FILE|--builtin ID] --inspection FILE [--format text|json]
//   pmq standards                       list the built-in standards
//   pmq standard [--builtin ID]         print a built-in standard as JSON
//
// Exit status: 0 on success, 1 for bad input (the message, with its JSON path, goes to
// stderr), 2 for bad usage.
#include "pmq/pmq.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct usage_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

constexpr const char* usage_text =
    "usage: pmq score [--standard FILE | --builtin ID] --inspection FILE [--format text|json]\n"
    "       pmq standards\n"
    "       pmq standard [--builtin ID]\n";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw pmq::error(pmq::errc::invalid_argument, "", "cannot read file " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// --name value pairs after the subcommand.
std::map<std::string, std::string> options(int argc, char** argv, int first,
                                           const std::vector<std::string>& allowed) {
  std::map<std::string, std::string> out;
  for (int i = first; i < argc; ++i) {
    std::string name = argv[i];
    bool known = false;
    for (const auto& a : allowed) known = known || a == name;
    if (!known) throw usage_error("unknown option " + name);
    if (i + 1 >= argc) throw usage_error(name + " needs a value");
    out[name] = argv[++i];
  }
  return out;
}

void print_text(const pmq::score_result& r) {
  std::cout << (r.project ? *r.project + " — " : "") << "inspection " << r.inspection;
  if (r.inspector || r.date)
    std::cout << " (" << r.inspector.value_or("") << (r.inspector && r.date ? ", " : "")
              << (r.date ? pmq::format_date(*r.date) : "") << ")";
  std::cout << "\nstandard " << r.standard << " " << r.standard_version << "\n\n";
  for (const auto& s : r.sections)
    std::cout << "  " << s.id << "  " << s.score.to_string() << " / " << s.max_score.to_string()
              << "  " << s.title << "\n";
  std::cout << "\n  TOTAL  " << r.score.to_string() << " / " << r.max_score.to_string();
  if (r.max_score != r.full_score)
    std::cout << "  (full score " << r.full_score.to_string()
              << "; not-applicable items removed from the maximum)";
  std::cout << "\n  findings: " << r.findings << "\n";
  bool header = false;
  for (const auto& s : r.sections)
    for (const auto& i : s.items) {
      if (i.applicable && i.deducted == pmq::points{} && i.findings.empty()) continue;
      if (!header) std::cout << "\nWhat was found:\n";
      header = true;
      std::cout << "  " << i.id << " " << i.title << ": "
                << (i.applicable ? "-" + i.deducted.to_string() : std::string("n/a")) << "  ("
                << i.explanation << ")\n";
      for (const auto& f : i.findings)
        std::cout << "      · " << f.description << " | " << f.location << " | "
                  << pmq::format_timestamp(f.time) << " | " << f.department << "\n";
    }
}

int run(int argc, char** argv) {
  if (argc < 2) throw usage_error("missing command");
  const std::string cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::cout << usage_text;
    return 0;
  }
  if (cmd == "--version") {
    std::cout << "pmq " << PMQ_VERSION_STRING << "\n";
    return 0;
  }
  if (cmd == "standards") {
    for (const auto& id : pmq::builtin_standard_ids()) {
      const auto& s = pmq::builtin_standard(id);
      std::cout << id << "  " << s.version << "  " << s.title << "\n";
    }
    return 0;
  }
  if (cmd == "standard") {
    auto opt = options(argc, argv, 2, {"--builtin"});
    std::cout << pmq::to_json(pmq::builtin_standard(opt["--builtin"])).dump(2) << "\n";
    return 0;
  }
  if (cmd == "score") {
    auto opt = options(argc, argv, 2, {"--standard", "--builtin", "--inspection", "--format"});
    if (!opt.count("--inspection")) throw usage_error("score needs --inspection FILE");
    if (opt.count("--standard") && opt.count("--builtin"))
      throw usage_error("give --standard or --builtin, not both");
    const std::string format = opt.count("--format") ? opt["--format"] : "text";
    if (format != "text" && format != "json") throw usage_error("--format is text or json");
    const pmq::standard std = opt.count("--standard")
                                  ? pmq::load_standard(read_file(opt["--standard"]))
                                  : pmq::builtin_standard(opt["--builtin"]);
    const auto result = pmq::score(std, pmq::load_inspection(read_file(opt["--inspection"])));
    if (format == "json")
      std::cout << pmq::to_json(result).dump(2) << "\n";
    else
      print_text(result);
    return 0;
  }
  throw usage_error("unknown command " + cmd);
}

} // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const usage_error& e) {
    std::cerr << "pmq: " << e.what() << "\n" << usage_text;
    return 2;
  } catch (const pmq::error& e) {
    std::cerr << "pmq: error:\n";
    for (const auto& p : e.problems())
      std::cerr << "  " << (p.path.empty() ? "" : p.path + ": ") << p.message << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "pmq: " << e.what() << "\n";
    return 1;
  }
}
