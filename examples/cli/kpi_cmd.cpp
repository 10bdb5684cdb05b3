// `pmq kpi …`: quality targets and KPIs on the command line (R-KPI-1 … R-KPI-32).
#include "cli.hpp"

#include "pmq/kpi.hpp"
#include "pmq/report.hpp"

#include <iostream>
#include <memory>

namespace pmq_cli {

namespace {
pmq::period period_arg(const std::string &text) {
  const auto p = pmq::parse_period(text);
  if (!p)
    throw pmq::error(pmq::errc::invalid_argument, "period",
                     "\"" + text + "\" is not a period (2026-03, 2026-Q1, 2026-H1 or 2026)");
  return *p;
}

std::string value_text(const pmq::rate &r, pmq::kpi_unit u, int places) {
  if (!r) return "无数据 no data (" + r.reason() + ")";
  return pmq::render(pmq::in_unit(u, r.value()), places) +
         (u == pmq::kpi_unit::percent ? " %" : "");
}

const char *status_text(pmq::target_status s) {
  switch (s) {
  case pmq::target_status::met:
    return "达成 met";
  case pmq::target_status::missed:
    return "未达成 missed";
  case pmq::target_status::no_data:
    return "无数据 no data";
  }
  return "";
}

// The rows of a fee check: every line, then the totals by building and fee type, then the
// grand total, each with its level.
pmq::json fee_rows(const pmq::json &j) {
  pmq::json rows = pmq::json::array();
  const auto add = [&](const char *level, const pmq::json &r) {
    pmq::json row = {{"level", level}};
    for (const auto &[k, v] : r.items())
      row[k] = v;
    rows.push_back(row);
  };
  for (const auto &l : j.at("lines"))
    add("line", l);
  for (const char *group : {"by_building", "by_fee_type"})
    if (j.contains(group))
      for (const auto &l : j.at(group))
        add(group, l);
  add("total", j.at("total"));
  return rows;
}
} // namespace

void add_kpi(CLI::App &app) {
  auto *kpi = app.add_subcommand("kpi", "Quality targets and KPI formulas (R-KPI-1 … R-KPI-32)");
  kpi->require_subcommand(1);
  examples(kpi, {"pmq kpi catalogue", "pmq kpi eval --kpi R-KPI-12 --counts counts.json",
                 "pmq kpi series --kpi R-KPI-12 --months months.json --by quarter",
                 "pmq kpi table --plan plan.json --actuals actuals.json --period 2026-Q1",
                 "pmq kpi fees --plan fees.json --period 2026-Q2"});

  auto cat_format = std::make_shared<std::string>();
  auto *catalogue = kpi->add_subcommand("catalogue", "The built-in KPI definitions");
  add_format(catalogue, *cat_format);
  examples(catalogue, {"pmq kpi catalogue", "pmq kpi catalogue --format csv > kpis.csv"});
  catalogue->callback([cat_format] {
    const auto j = pmq::to_json_value(pmq::kpi_catalogue());
    emit(*cat_format, j, j, [] {
      for (const auto &k : pmq::kpi_catalogue())
        std::cout << k.rule.value_or("") << "  " << k.id << "  " << k.name << "  "
                  << pmq::describe(k.target) << "\n      = " << k.expression << "\n";
    });
  });

  struct eval_opts {
    std::string kpi, definition, counts, format;
  };
  auto eo = std::make_shared<eval_opts>();
  auto *eval = kpi->add_subcommand("eval", "One KPI on one set of counts, against its target");
  auto *id =
      eval->add_option("--kpi", eo->kpi, "a catalogue id or rule id (R-KPI-12)")->type_name("ID");
  add_input(eval, "--definition", eo->definition, "a custom KPI definition (JSON)", false)
      ->excludes(id);
  add_input(eval, "--counts", eo->counts, "the counts {\"valid_complaints\": 40, ...}");
  add_format(eval, eo->format);
  examples(eval, {"pmq kpi eval --kpi R-KPI-12 --counts counts.json",
                  "echo '{\"valid_complaints\": 40, \"handled_late\": 1}' | pmq kpi eval --kpi "
                  "R-KPI-12 --counts -",
                  "pmq kpi eval --definition first_fix.json --counts counts.json --format json"});
  eval->callback([eo] {
    if (eo->kpi.empty() && eo->definition.empty()) throw usage_error("give --kpi or --definition");
    const pmq::kpi k(eo->kpi.empty()
                         ? pmq::from_json_value<pmq::kpi_definition>(read_json(eo->definition))
                         : pmq::catalogue_kpi(eo->kpi));
    const auto r = k.evaluate(pmq::quantities_from_json(read_json(eo->counts)));
    const auto j = pmq::to_json(r);
    emit(eo->format, j, j, [&] {
      std::cout << k.definition().rule.value_or(k.definition().id) << " " << k.definition().name
                << " = " << k.definition().expression << "\n  actual "
                << value_text(r.actual, r.target.unit, r.places) << "  target "
                << pmq::describe(r.target) << "  " << status_text(r.result.status);
      if (r.result.gap) std::cout << "  gap " << pmq::render(*r.result.gap, r.places);
      std::cout << "\n";
    });
  });

  struct series_opts {
    std::string kpi, months, by = "month", format;
  };
  auto so = std::make_shared<series_opts>();
  auto *series = kpi->add_subcommand(
      "series", "A catalogue KPI per month, quarter, half-year or year: counts summed, the rate "
                "recomputed");
  series->add_option("--kpi", so->kpi, "a catalogue id or rule id")->required()->type_name("ID");
  add_input(series, "--months", so->months, "[{\"month\": \"2026-01\", \"counts\": {...}}, ...]");
  series->add_option("--by", so->by, "month (default), quarter, half_year or year")
      ->check(CLI::IsMember({"month", "quarter", "half_year", "year"}));
  add_format(series, so->format);
  examples(series, {"pmq kpi series --kpi R-KPI-12 --months months.json --by quarter",
                    "pmq kpi series --kpi R-KPI-12 --months months.json --format csv"});
  series->callback([so] {
    const auto kind = pmq::from_json_value<pmq::period_kind>(pmq::json(so->by), "--by");
    const pmq::kpi k(pmq::catalogue_kpi(so->kpi));
    const auto s = pmq::kpi_series(k, pmq::month_counts_from_json(read_json(so->months)), kind);
    const auto j = pmq::to_json(s);
    emit(so->format, j, j, [&] {
      std::cout << k.definition().name << "  (" << pmq::describe(k.definition().target) << ")\n";
      for (const auto &p : s)
        std::cout << "  " << p.when.label() << "  "
                  << value_text(p.value.actual, p.value.target.unit, p.value.places) << "  "
                  << status_text(p.value.result.status) << "\n";
    });
  });

  struct table_opts {
    std::string plan, actuals, period, format, lang, output;
  };
  auto to = std::make_shared<table_opts>();
  auto *table = kpi->add_subcommand(
      "table", "R-KPI-30: the 质量目标完成统计表 of a target plan for a month, quarter, half-year "
               "or year");
  add_input(table, "--plan", to->plan, "the target plan (JSON)");
  add_input(table, "--actuals", to->actuals, "the months' actual counts (JSON array)");
  table->add_option("--period", to->period, "2026-03, 2026-Q1, 2026-H1 or 2026")
      ->required()
      ->type_name("PERIOD");
  add_report_format(table, to->format, to->lang, to->output);
  examples(table,
           {"pmq kpi table --plan plan.json --actuals actuals.json --period 2026-03",
            "pmq kpi table --plan plan.json --actuals actuals.json --period 2026-Q1 --format html "
            "--output 2026-Q1.html",
            "pmq kpi table --plan plan.json --actuals actuals.json --period 2026 --format csv"});
  table->callback([to] {
    const auto p = period_arg(to->period);
    const pmq::compiled_plan plan(pmq::load_target_plan(read_input(to->plan)));
    const auto months = pmq::month_actuals_from_json(read_json(to->actuals));
    if (to->format == "html") {
      write_output(to->output,
                   pmq::targets_report(plan, months, p, *pmq::parse_language(to->lang)));
      return;
    }
    if (!to->output.empty()) throw usage_error("--output is for --format html");
    const auto t = plan.table(months, p);
    const auto j = pmq::to_json(t);
    emit(to->format, j, j.at("rows"), [&] { std::cout << pmq::to_text(t); });
  });

  struct fee_opts {
    std::string plan, period, format;
  };
  auto fo = std::make_shared<fee_opts>();
  auto *fees = kpi->add_subcommand(
      "fees", "R-KPI-32: a fee arrears collection plan checked at the end of a period");
  add_input(fees, "--plan", fo->plan, "the collection plan (JSON)");
  fees->add_option("--period", fo->period, "2026-Q2, 2026-06, 2026-H1 or 2026")
      ->required()
      ->type_name("PERIOD");
  add_format(fees, fo->format);
  examples(fees, {"pmq kpi fees --plan fees.json --period 2026-Q2",
                  "pmq kpi fees --plan fees.json --period 2026-Q2 --format csv"});
  fees->callback([fo] {
    const auto p = period_arg(fo->period);
    const auto c = pmq::check_fee_plan(pmq::load_fee_plan(read_input(fo->plan)), p);
    const auto j = pmq::to_json(c);
    emit(fo->format, j, fee_rows(j), [&] {
      std::cout << c.plan << "  checked to " << pmq::format_date(c.when.last()) << "\n\n";
      const auto line = [](const pmq::fee_status &s) {
        std::cout << "  " << s.fee_type << (s.building ? " " + *s.building : "") << "  due "
                  << s.due.to_string() << "  collected " << s.collected.to_string() << " ("
                  << s.actual.percent() << " %)"
                  << "  target " << (s.target_rate ? s.target_rate->to_string() + " %" : "mixed")
                  << "  required " << s.required.to_string() << "  shortfall "
                  << s.shortfall.to_string() << "  " << status_text(s.status) << "\n";
      };
      for (const auto &l : c.lines)
        line(l);
      std::cout << "\n";
      for (const auto &l : c.by_building)
        line(l);
      for (const auto &l : c.by_fee_type)
        line(l);
      line(c.total);
    });
  });
}

} // namespace pmq_cli
