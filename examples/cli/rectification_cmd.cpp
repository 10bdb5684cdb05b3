// `pmq rectification ...` and `pmq complaints ...`: orders, carry-overs, consecutive
// failures, complaint timeliness.
#include "cli.hpp"

#include "pmq/complaint.hpp"
#include "pmq/rectification.hpp"

#include <iostream>

namespace pmq_cli {

namespace {
pmq::json request_file(std::map<std::string, std::string> &opt) {
  if (!opt.count("--request")) throw usage_error("needs --request FILE (a JSON request)");
  return pmq::parse_json(read_file(opt["--request"]));
}
} // namespace

int run_rectification(int argc, char **argv) {
  if (argc < 3) throw usage_error("rectification needs a subcommand: status, report, failures");
  const std::string sub = argv[2];
  auto opt = options(argc, argv, 3, {"--request", "--as-of"});
  auto req = request_file(opt);
  if (opt.count("--as-of") && req.is_object()) req["as_of"] = opt["--as-of"];
  if (sub == "status")
    std::cout << pmq::to_json(
                     pmq::rectification_status(pmq::rectification_status_request_from_json(req)))
                     .dump(2);
  else if (sub == "report")
    std::cout << pmq::to_json(pmq::rectification_monthly_report(
                                  pmq::rectification_report_request_from_json(req)))
                     .dump(2);
  else if (sub == "failures")
    std::cout << pmq::to_json(
                     pmq::consecutive_failures(pmq::consecutive_failures_request_from_json(req)))
                     .dump(2);
  else
    throw usage_error("unknown rectification subcommand " + sub);
  std::cout << "\n";
  return 0;
}

int run_complaints(int argc, char **argv) {
  if (argc >= 3 && std::string(argv[2]) == "classes") {
    options(argc, argv, 3, {});
    std::cout << pmq::to_json_value(pmq::default_complaint_classes()).dump(2) << "\n";
    return 0;
  }
  auto opt = options(argc, argv, 2, {"--request"});
  std::cout << pmq::to_json(
                   pmq::evaluate_complaints(pmq::complaints_request_from_json(request_file(opt))))
                   .dump(2)
            << "\n";
  return 0;
}

} // namespace pmq_cli
