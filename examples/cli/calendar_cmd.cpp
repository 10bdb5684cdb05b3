// `pmq calendar …`: deadlines, inspection plans, household visits, archive loans (R-CAL-1 …
// R-CAL-9, R-OUT-7, R-OUT-10).
#include "cli.hpp"

#include "pmq/calendar.hpp"
#include "pmq/coverage.hpp"

#include <iostream>
#include <memory>

namespace pmq_cli {

void add_calendar(CLI::App &app) {
  auto *calendar = app.add_subcommand(
      "calendar", "Deadlines, inspection plans, household visits, archive loans (R-CAL-*)");
  calendar->require_subcommand(1);
  examples(calendar, {"pmq calendar deadlines --month 2026-12",
                      "pmq calendar plan --request plan.json --format csv",
                      "pmq calendar households --request households.json",
                      "pmq calendar loans --request loans.json"});

  struct deadline_opts {
    std::string month, calendar, rules, format;
  };
  auto d = std::make_shared<deadline_opts>();
  auto *deadlines =
      calendar->add_subcommand("deadlines", "The deadlines concerning a month's work, by date");
  deadlines->add_option("--month", d->month, "the month whose work is due, YYYY-MM")
      ->required()
      ->type_name("YYYY-MM");
  add_input(deadlines, "--calendar", d->calendar,
            "a business calendar (working days, holidays); default: calendar days", false);
  add_input(deadlines, "--rules", d->rules, "deadline rules (default: the manuals' numbers)",
            false);
  add_format(deadlines, d->format);
  examples(deadlines,
           {"pmq calendar deadlines --month 2026-12",
            "pmq calendar deadlines --month 2027-02 --calendar workdays.json --format csv"});
  deadlines->callback([d] {
    pmq::json req = pmq::json::object();
    req["month"] = d->month;
    if (!d->calendar.empty()) req["calendar"] = read_json(d->calendar);
    if (!d->rules.empty()) req["rules"] = read_json(d->rules);
    const auto r = pmq::deadlines_request_from_json(req);
    const auto table = pmq::monthly_deadlines(r.calendar.value_or(pmq::business_calendar{}),
                                              r.rules.value_or(pmq::deadline_rules{}), r.month);
    const auto j = pmq::to_json(table);
    emit(d->format, j, j, [&] {
      std::cout << "deadlines for the work of " << pmq::format_year_month(r.month) << "\n\n";
      for (const auto &e : table)
        std::cout << "  " << pmq::format_date(e.due) << "  " << e.rule
                  << std::string(e.rule.size() < 9 ? 9 - e.rule.size() : 1, ' ') << e.what << "\n";
    });
  });

  // The request-file commands print JSON by default (as they always have); text and CSV
  // show their table.
  struct request_opts {
    std::string request, format;
  };
  const auto request_command =
      [calendar](const char *name, const char *what, std::initializer_list<const char *> lines,
                 pmq::json (*run)(const pmq::json &), const char *rows_member) {
        auto o = std::make_shared<request_opts>();
        auto *cmd = calendar->add_subcommand(name, what);
        add_input(cmd, "--request", o->request, "the request (JSON, see docs/calendar.md)");
        add_format(cmd, o->format, true, "json");
        examples(cmd, lines);
        cmd->callback([o, run, rows_member] {
          const auto j = run(read_json(o->request));
          emit(o->format, j, rows_member ? j.at(rows_member) : j);
        });
      };
  request_command(
      "plan", "R-CAL-1/2/3: the dated inspection slots of a period, reproducible from a seed",
      {"pmq calendar plan --request plan.json",
       "pmq calendar plan --request plan.json --format csv"},
      [](const pmq::json &req) {
        return pmq::to_json(pmq::plan_inspections(pmq::plan_request_from_json(req)));
      },
      "slots");
  request_command(
      "coverage",
      "R-CAL-14: planned checks done on time, late or missed; weekly supervision patrols",
      {"pmq calendar coverage --request coverage.json",
       "pmq calendar coverage --request coverage.json --format csv"},
      [](const pmq::json &req) {
        return pmq::to_json(pmq::inspection_coverage(pmq::coverage_request_from_json(req)));
      },
      "slots");
  request_command(
      "households", "R-CAL-7: the 5 to 10 households to visit, reproducible from a seed",
      {"pmq calendar households --request households.json --format text"},
      [](const pmq::json &req) {
        return pmq::to_json(pmq::sample_households(pmq::household_sample_request_from_json(req)));
      },
      nullptr);
  request_command(
      "loans", "R-CAL-8: archive loans, their due dates and the overdue list",
      {"pmq calendar loans --request loans.json",
       "pmq calendar loans --request loans.json --format csv"},
      [](const pmq::json &req) {
        return pmq::to_json(pmq::check_archive_loans(pmq::archive_loans_request_from_json(req)));
      },
      "loans");
}

} // namespace pmq_cli
