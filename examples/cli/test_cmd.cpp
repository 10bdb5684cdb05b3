// `pmq test CASES.json`: runs a quality department's unit tests of its own rules (a standard,
// band table, KPI definition or per-point scheme) and says what failed, expected vs actual,
// with the explanation; `--junit FILE` writes a JUnit XML report for CI systems.
#include "cli.hpp"

#include "pmq/svg.hpp"
#include "pmq/testing.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>

namespace pmq_cli {

namespace {
// Members of a case that may name a document file: a string ending in ".json", relative to
// the case file's folder, is replaced by the file's contents (docs/testing.md).
constexpr const char *document_members[] = {"standard", "inspection", "bands",    "kpi",
                                            "counts",   "target",     "per_point"};

pmq::json resolve(const pmq::json &file, const std::filesystem::path &dir) {
  std::map<std::string, pmq::json> cache;
  const auto load = [&](pmq::json &value) {
    if (!value.is_string()) return;
    const auto name = value.get<std::string>();
    if (name.size() < 5 || name.compare(name.size() - 5, 5, ".json") != 0) return;
    const auto path = (dir / name).lexically_normal().string();
    auto it = cache.find(path);
    if (it == cache.end()) {
      if (!std::filesystem::is_regular_file(path)) return; // the case reports it
      it = cache.emplace(path, read_json(path)).first;
    }
    value = it->second;
  };
  pmq::json out = file;
  const auto fix = [&](pmq::json &c) {
    if (!c.is_object()) return;
    for (const char *m : document_members)
      if (c.contains(m)) load(c[m]);
  };
  if (out.is_object() && out.contains("defaults")) fix(out["defaults"]);
  pmq::json *cases = out.is_object() && out.contains("cases") ? &out["cases"] : &out;
  if (cases->is_array())
    for (auto &c : *cases)
      fix(c);
  return out;
}

// JUnit XML text: the same escaping as pmq's HTML (& < > " ', invalid UTF-8 as U+FFFD).
std::string xml(const std::string &s) { return pmq::svg::escape(s); }

std::string failure_line(const pmq::case_failure &f) {
  return f.field + ": expected " + f.expected + ", actual " + f.actual;
}

void write_junit(const std::string &path, const std::string &suite,
                 const std::vector<pmq::case_outcome> &outcomes) {
  std::size_t failures = 0, errors = 0;
  for (const auto &o : outcomes) {
    errors += o.errors.empty() ? 0 : 1;
    failures += o.errors.empty() && !o.failures.empty() ? 1 : 0;
  }
  std::ofstream out(path, std::ios::binary);
  if (!out) throw pmq::error(pmq::errc::invalid_argument, "", "cannot write file " + path);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n  <testsuite name=\""
      << xml(suite) << "\" tests=\"" << outcomes.size() << "\" failures=\"" << failures
      << "\" errors=\"" << errors << "\">\n";
  for (const auto &o : outcomes) {
    out << "    <testcase classname=\"" << xml(suite) << "\" name=\"" << xml(o.name) << "\"";
    if (o.passed) {
      out << "/>\n";
      continue;
    }
    out << ">\n";
    std::string body;
    for (const auto &e : o.errors)
      body += (e.path.empty() ? "" : e.path + ": ") + e.message + "\n";
    for (const auto &f : o.failures)
      body += failure_line(f) + "\n";
    for (const auto &l : o.explanation)
      body += l + "\n";
    const bool error = !o.errors.empty();
    const auto first = error ? (o.errors.front().path.empty() ? "" : o.errors.front().path + ": ") +
                                   o.errors.front().message
                             : failure_line(o.failures.front());
    out << "      <" << (error ? "error" : "failure") << " message=\"" << xml(first) << "\">"
        << xml(body) << "</" << (error ? "error" : "failure") << ">\n    </testcase>\n";
  }
  out << "  </testsuite>\n</testsuites>\n";
}
} // namespace

void add_test(CLI::App &app) {
  struct opts {
    std::string file, junit, format;
    bool quiet = false;
  };
  auto o = std::make_shared<opts>();
  auto *test = app.add_subcommand(
      "test", "Run unit tests of your own rules: a JSON file of cases (standard + inspection, "
              "band table + score, KPI + counts, per-point scheme + score) with expected results");
  test->add_option("cases", o->file, "the case file (- reads standard input)")
      ->required()
      ->type_name("CASES.json");
  test->add_option("--junit", o->junit, "also write a JUnit XML report (for CI systems)")
      ->type_name("FILE");
  test->add_flag("-q,--quiet", o->quiet, "print only the cases that fail");
  add_format(test, o->format, false);
  examples(test, {"pmq test examples/cases/builtin_cases.json",
                  "pmq test my_cases.json --junit pmq-cases.xml",
                  "pmq test my_cases.json --format json"});
  test->footer(test->get_footer() +
               "\nA case: {\"name\", \"standard\"?, \"inspection\", \"expect\": {\"score\", "
               "\"passed\", ...}}; files named in a case (\"my_standard.json\") are read relative "
               "to the case file; built-in rules are named by id. See docs/testing.md.\n"
               "Exit status: 0 when every case passes, 1 otherwise, 2 for bad usage.\n");
  test->callback([o] {
    const std::filesystem::path dir =
        o->file == "-" ? std::filesystem::path(".") : std::filesystem::path(o->file).parent_path();
    const auto outcomes = pmq::run_cases(resolve(read_json(o->file), dir));
    std::size_t passed = 0, failed = 0, errors = 0;
    pmq::json all = pmq::json::array();
    for (const auto &oc : outcomes) {
      passed += oc.passed ? 1 : 0;
      errors += oc.errors.empty() ? 0 : 1;
      failed += oc.errors.empty() && !oc.failures.empty() ? 1 : 0;
      all.push_back(pmq::to_json(oc));
    }
    const auto suite =
        o->file == "-" ? std::string("stdin") : std::filesystem::path(o->file).filename().string();
    if (!o->junit.empty()) write_junit(o->junit, suite, outcomes);
    if (o->format == "json") {
      std::cout << pmq::json({{"cases", outcomes.size()},
                              {"passed", passed},
                              {"failed", failed},
                              {"errors", errors},
                              {"outcomes", all}})
                       .dump(2)
                << "\n";
    } else {
      for (const auto &oc : outcomes) {
        if (oc.passed) {
          if (!o->quiet) std::cout << "  ok     " << oc.name << "\n";
          continue;
        }
        std::cout << (oc.errors.empty() ? "  FAIL   " : "  ERROR  ") << oc.name << "\n";
        for (const auto &e : oc.errors)
          std::cout << "         " << (e.path.empty() ? "" : e.path + ": ") << e.message << "\n";
        for (const auto &f : oc.failures)
          std::cout << "         " << failure_line(f) << "\n";
        if (!oc.explanation.empty()) std::cout << "         explanation:\n";
        for (const auto &l : oc.explanation)
          std::cout << "           " << l << "\n";
      }
      std::cout << suite << ": " << outcomes.size() << " cases, " << passed << " passed, " << failed
                << " failed, " << errors << (errors == 1 ? " error\n" : " errors\n");
    }
    if (passed != outcomes.size()) throw exit_status{1};
  });
}

} // namespace pmq_cli
