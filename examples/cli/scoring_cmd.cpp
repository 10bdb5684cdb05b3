// `pmq score`, `pmq standards`, `pmq standard`: standards and scoring on the command line.
#include "cli.hpp"

#include "pmq/bands.hpp"
#include "pmq/scoring.hpp"

#include <iostream>

namespace pmq_cli {

namespace {
void print_text(const pmq::score_result &r) {
  std::cout << (r.project ? *r.project + " — " : "") << "inspection " << r.inspection;
  if (r.inspector || r.date)
    std::cout << " (" << r.inspector.value_or("") << (r.inspector && r.date ? ", " : "")
              << (r.date ? pmq::format_date(*r.date) : "") << ")";
  std::cout << "\nstandard " << r.standard << " " << r.standard_version << "\n\n";
  for (const auto &s : r.sections)
    std::cout << "  " << s.id << "  " << s.score.to_string() << " / " << s.max_score.to_string()
              << "  " << s.title << "\n";
  std::cout << "\n  items  " << r.earned.to_string() << " / " << r.max_score.to_string()
            << "  (applicable maximum)\n";
  for (const auto &a : r.adjustments)
    std::cout << "         " << a.before.to_string() << " → " << a.after.to_string() << "  "
              << a.explanation << "\n";
  if (!r.score) {
    std::cout << "  SCORE  no data (nothing applicable was scored)\n";
  } else {
    std::cout << "  SCORE  " << r.score->to_string() << " / " << r.full_score.to_string();
    if (r.passed) std::cout << (*r.passed ? "  passed" : "  FAILED");
    std::cout << "\n";
    const auto &pay = pmq::builtin_band_table("pay_adjustment");
    if (r.full_score == pay.max)
      std::cout << "  pay    " << pmq::classify(pay, *r.exact).label << "  (R-SCORE-4)\n";
  }
  for (const auto &s : r.failed_sections)
    std::cout << "  critical section " << s << " below its minimum\n";
  std::cout << "  findings: " << r.findings << "\n";
  bool header = false;
  for (const auto &s : r.sections)
    for (const auto &i : s.items) {
      if (i.applicable && i.deducted == pmq::points{} && i.findings.empty()) continue;
      if (!header) std::cout << "\nWhat was found:\n";
      header = true;
      std::cout << "  " << i.id << " " << i.title << ": "
                << (i.applicable ? "-" + i.deducted.to_string() : std::string("n/a")) << "  ("
                << i.explanation << ")\n";
      for (const auto &f : i.findings)
        std::cout << "      · " << f.description << " | " << f.location << " | "
                  << pmq::format_timestamp(f.time) << " | " << f.department << "\n";
    }
}
} // namespace

int run_score(int argc, char **argv) {
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

int run_standards(int argc, char **argv) {
  options(argc, argv, 2, {});
  for (const auto &id : pmq::builtin_standard_ids()) {
    const auto &s = pmq::builtin_standard(id);
    std::cout << id << "  " << s.version << "  " << s.title << "\n";
  }
  return 0;
}

int run_standard(int argc, char **argv) {
  auto opt = options(argc, argv, 2, {"--builtin"});
  std::cout << pmq::to_json(pmq::builtin_standard(opt["--builtin"])).dump(2) << "\n";
  return 0;
}

} // namespace pmq_cli
