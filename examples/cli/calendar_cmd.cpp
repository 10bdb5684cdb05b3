// `pmq calendar ...`: deadlines, inspection plans, household visits, archive loans.
#include "cli.hpp"

#include "pmq/calendar.hpp"

#include <iostream>

namespace pmq_cli {

namespace {
pmq::json request_file(std::map<std::string, std::string> &opt) {
  if (!opt.count("--request")) throw usage_error("needs --request FILE (a JSON request)");
  return pmq::parse_json(read_file(opt["--request"]));
}

int deadlines(int argc, char **argv) {
  auto opt = options(argc, argv, 3, {"--month", "--calendar", "--rules", "--format"});
  if (!opt.count("--month")) throw usage_error("calendar deadlines needs --month YYYY-MM");
  const std::string format = opt.count("--format") ? opt["--format"] : "text";
  if (format != "text" && format != "json") throw usage_error("--format is text or json");
  pmq::json req = pmq::json::object();
  req["month"] = opt["--month"];
  if (opt.count("--calendar")) req["calendar"] = pmq::parse_json(read_file(opt["--calendar"]));
  if (opt.count("--rules")) req["rules"] = pmq::parse_json(read_file(opt["--rules"]));
  const auto r = pmq::deadlines_request_from_json(req);
  const auto table = pmq::monthly_deadlines(r.calendar.value_or(pmq::business_calendar{}),
                                            r.rules.value_or(pmq::deadline_rules{}), r.month);
  if (format == "json") {
    std::cout << pmq::to_json(table).dump(2) << "\n";
    return 0;
  }
  std::cout << "deadlines for the work of " << pmq::format_year_month(r.month) << "\n\n";
  for (const auto &e : table)
    std::cout << "  " << pmq::format_date(e.due) << "  " << e.rule
              << std::string(e.rule.size() < 9 ? 9 - e.rule.size() : 1, ' ') << e.what << "\n";
  return 0;
}
} // namespace

int run_calendar(int argc, char **argv) {
  if (argc < 3)
    throw usage_error("calendar needs a subcommand: deadlines, plan, households, loans");
  const std::string sub = argv[2];
  if (sub == "deadlines") return deadlines(argc, argv);
  auto opt = options(argc, argv, 3, {"--request"});
  if (sub == "plan")
    std::cout << pmq::to_json(pmq::plan_inspections(pmq::plan_request_from_json(request_file(opt))))
                     .dump(2);
  else if (sub == "households")
    std::cout << pmq::to_json(pmq::sample_households(
                                  pmq::household_sample_request_from_json(request_file(opt))))
                     .dump(2);
  else if (sub == "loans")
    std::cout << pmq::to_json(pmq::check_archive_loans(
                                  pmq::archive_loans_request_from_json(request_file(opt))))
                     .dump(2);
  else
    throw usage_error("unknown calendar subcommand " + sub);
  std::cout << "\n";
  return 0;
}

} // namespace pmq_cli
