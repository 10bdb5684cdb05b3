// `pmq rectification …` and `pmq complaints …`: orders, carry-overs, consecutive failures,
// complaint timeliness (R-CAL-5, R-CAL-6, R-CAL-10, R-SCORE-3, R-SCORE-6, R-SCORE-7).
#include "cli.hpp"

#include "pmq/complaint.hpp"
#include "pmq/rectification.hpp"

#include <iostream>
#include <memory>

namespace pmq_cli {

namespace {
// "issued 2, overdue 1, passed 1": the row's non-zero counts.
std::string counts_text(const pmq::json &row, const char *skip) {
  std::string out;
  for (const auto &[k, v] : row.items())
    if (k != skip && v.is_number() && v != 0) out += (out.empty() ? "" : ", ") + k + " " + v.dump();
  return out.empty() ? "nothing" : out;
}

void print_report(const pmq::json &j) {
  const auto &t = j.at("table");
  std::cout << "rectification table " << cell(t.at("month")) << " (due " << cell(t.at("due"))
            << ", as of " << cell(t.at("as_of")) << "):\n";
  for (const auto &r : t.at("rows"))
    std::cout << "  " << cell(r.at("project")) << "  " << counts_text(r, "project") << "\n";
  std::cout << "  total  " << counts_text(t.at("total"), "project") << "\n";
  std::cout << "carry-over deductions (R-SCORE-3):" << (j.at("carry_over").empty() ? " none" : "")
            << "\n";
  for (const auto &c : j.at("carry_over"))
    std::cout << "  " << cell(c.at("order")) << "  −" << cell(c.at("points")) << "  "
              << cell(c.at("reason")) << "\n";
}

void print_status(const pmq::json &j) {
  std::cout << "orders as of " << cell(j.at("as_of")) << ":\n";
  for (const auto &o : j.at("orders"))
    std::cout << "  " << cell(o.at("order")) << "  " << cell(o.value("project", pmq::json("")))
              << "  " << cell(o.at("state")) << "  due " << cell(o.at("due"))
              << (o.value("days_overdue", 0) > 0
                      ? "  " + o.at("days_overdue").dump() + " days overdue"
                      : std::string())
              << "\n";
  std::cout << "overdue:";
  for (const auto &o : j.at("overdue"))
    std::cout << " " << cell(o);
  std::cout << (j.at("overdue").empty() ? " none\n" : "\n");
  const auto capas = j.value("overdue_capas", pmq::json::array());
  if (!capas.empty()) { // R-CAL-12
    std::cout << "overdue corrective/preventive actions:";
    for (const auto &o : capas)
      std::cout << " " << cell(o);
    std::cout << "\n";
  }
}

struct request_opts {
  std::string request, as_of, format;
};

// A command over one JSON request, printing JSON by default (as it always has).
CLI::App *request_command(CLI::App *parent, const char *name, const char *what,
                          std::shared_ptr<request_opts> o, bool as_of) {
  auto *cmd = parent->add_subcommand(name, what);
  add_input(cmd, "--request", o->request, "the request (JSON, see docs/rectification.md)");
  if (as_of)
    cmd->add_option("--as-of", o->as_of, "the date the request is judged on (sets \"as_of\")")
        ->type_name("YYYY-MM-DD");
  add_format(cmd, o->format, true, "json");
  return cmd;
}

pmq::json request_of(const request_opts &o) {
  auto req = read_json(o.request);
  if (!o.as_of.empty() && req.is_object()) req["as_of"] = o.as_of;
  return req;
}
} // namespace

void add_rectification(CLI::App &app) {
  auto *rect = app.add_subcommand(
      "rectification", "Rectification orders: status, the monthly table and carry-overs, "
                       "consecutive failures (R-CAL-5/6, R-SCORE-3/6/7)");
  rect->require_subcommand(1);
  examples(rect, {"pmq rectification status --request events.json --as-of 2026-12-08",
                  "pmq rectification report --request month.json --format text",
                  "pmq rectification failures --request assessments.json --format csv"});

  auto so = std::make_shared<request_opts>();
  auto *status = request_command(rect, "status",
                                 "R-CAL-6: every order's state on a date, and "
                                 "the overdue list",
                                 so, true);
  examples(status, {"pmq rectification status --request events.json --as-of 2026-12-08",
                    "pmq rectification status --request events.json --format csv"});
  status->callback([so] {
    const auto j = pmq::to_json(
        pmq::rectification_status(pmq::rectification_status_request_from_json(request_of(*so))));
    emit(so->format, j, j.at("orders"), [&] { print_status(j); });
  });

  auto ro = std::make_shared<request_opts>();
  auto *report = request_command(
      rect, "report", "R-CAL-5: the month's rectification status table; R-SCORE-3 carry-overs", ro,
      true);
  examples(report, {"pmq rectification report --request month.json --format text",
                    "pmq rectification report --request month.json --format csv > table.csv"});
  report->callback([ro] {
    const auto j = pmq::to_json(pmq::rectification_monthly_report(
        pmq::rectification_report_request_from_json(request_of(*ro))));
    pmq::json rows = j.at("table").at("rows");
    rows.push_back(j.at("table").at("total"));
    emit(ro->format, j, rows, [&] { print_report(j); });
  });

  auto fo = std::make_shared<request_opts>();
  auto *failures = request_command(rect, "failures",
                                   "R-SCORE-6: who failed two assessments in a row", fo, false);
  examples(failures, {"pmq rectification failures --request assessments.json --format text"});
  failures->callback([fo] {
    const auto j = pmq::to_json(
        pmq::consecutive_failures(pmq::consecutive_failures_request_from_json(request_of(*fo))));
    emit(fo->format, j, j);
  });

  auto co = std::make_shared<request_opts>();
  auto *complaints = app.add_subcommand(
      "complaints", "R-CAL-10: complaints on time, late or pending; the counts behind R-KPI-6/12");
  add_input(complaints, "--request", co->request,
            "{\"as_of\", \"complaints\": [...], \"classes\"?} (docs/complaint.md)", false);
  add_format(complaints, co->format, true, "json");
  complaints->require_subcommand(0, 1);
  examples(complaints,
           {"pmq complaints --request complaints.json",
            "pmq complaints --request complaints.json --format csv", "pmq complaints classes"});
  auto classes_format = std::make_shared<std::string>();
  auto *classes = complaints->add_subcommand("classes", "The default classes and their limits");
  add_format(classes, *classes_format, true, "json");
  classes->callback([classes_format] {
    const auto j = pmq::to_json_value(pmq::default_complaint_classes());
    emit(*classes_format, j, j);
  });
  complaints->callback([co, classes] {
    if (classes->parsed()) return;
    if (co->request.empty()) throw usage_error("complaints needs --request FILE (or: classes)");
    const auto j = pmq::to_json(
        pmq::evaluate_complaints(pmq::complaints_request_from_json(read_json(co->request))));
    emit(co->format, j, j.at("complaints"), [&] {
      std::cout << "complaints as of " << cell(j.at("as_of")) << "\n";
      for (const auto &c : j.at("complaints"))
        std::cout << "  " << cell(c.at("id")) << "  " << cell(c.value("category", pmq::json("")))
                  << "  handled " << cell(c.value("handle", pmq::json(""))) << "\n";
      std::cout << "counts: " << counts_text(j.at("counts"), "") << "\n";
    });
  });
}

} // namespace pmq_cli
