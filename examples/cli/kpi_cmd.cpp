// `pmq kpi ...`: quality targets and KPIs on the command line (R-KPI-1 … R-KPI-32).
#include "cli.hpp"

#include "pmq/kpi.hpp"

#include <iostream>

namespace pmq_cli {

namespace {
std::string format_of(std::map<std::string, std::string> &opt) {
  const std::string f = opt.count("--format") ? opt["--format"] : "text";
  if (f != "text" && f != "json") throw usage_error("--format is text or json");
  return f;
}

pmq::period period_opt(std::map<std::string, std::string> &opt) {
  if (!opt.count("--period"))
    throw usage_error("give --period (2026-03, 2026-Q1, 2026-H1 or 2026)");
  const auto p = pmq::parse_period(opt["--period"]);
  if (!p)
    throw usage_error("--period " + opt["--period"] + " is not 2026-03, 2026-Q1, 2026-H1 or 2026");
  return *p;
}

std::string need(std::map<std::string, std::string> &opt, const std::string &name,
                 const char *what) {
  if (!opt.count(name)) throw usage_error(std::string("kpi needs ") + name + " " + what);
  return opt[name];
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

int catalogue(int argc, char **argv) {
  auto opt = options(argc, argv, 3, {"--format"});
  if (format_of(opt) == "json") {
    std::cout << pmq::to_json_value(pmq::kpi_catalogue()).dump(2) << "\n";
    return 0;
  }
  for (const auto &k : pmq::kpi_catalogue())
    std::cout << k.rule.value_or("") << "  " << k.id << "  " << k.name << "  "
              << pmq::describe(k.target) << "\n      = " << k.expression << "\n";
  return 0;
}

int eval(int argc, char **argv) {
  auto opt = options(argc, argv, 3, {"--kpi", "--counts", "--format"});
  const auto format = format_of(opt);
  const pmq::kpi k(pmq::catalogue_kpi(need(opt, "--kpi", "ID")));
  const auto r = k.evaluate(
      pmq::quantities_from_json(pmq::parse_json(read_file(need(opt, "--counts", "FILE")))));
  if (format == "json") {
    std::cout << pmq::to_json(r).dump(2) << "\n";
    return 0;
  }
  std::cout << k.definition().rule.value_or("") << " " << k.definition().name << " = "
            << k.definition().expression << "\n  actual "
            << value_text(r.actual, r.target.unit, r.places) << "  target "
            << pmq::describe(r.target) << "  " << status_text(r.result.status);
  if (r.result.gap) std::cout << "  gap " << pmq::render(*r.result.gap, r.places);
  std::cout << "\n";
  return 0;
}

int series(int argc, char **argv) {
  auto opt = options(argc, argv, 3, {"--kpi", "--months", "--by", "--format"});
  const auto format = format_of(opt);
  const std::string by = opt.count("--by") ? opt["--by"] : "month";
  const auto kind = pmq::from_json_value<pmq::period_kind>(pmq::json(by), "--by");
  const pmq::kpi k(pmq::catalogue_kpi(need(opt, "--kpi", "ID")));
  const auto months =
      pmq::month_counts_from_json(pmq::parse_json(read_file(need(opt, "--months", "FILE"))));
  const auto s = pmq::kpi_series(k, months, kind);
  if (format == "json") {
    std::cout << pmq::to_json(s).dump(2) << "\n";
    return 0;
  }
  std::cout << k.definition().name << "  (" << pmq::describe(k.definition().target) << ")\n";
  for (const auto &p : s)
    std::cout << "  " << p.when.label() << "  "
              << value_text(p.value.actual, p.value.target.unit, p.value.places) << "  "
              << status_text(p.value.result.status) << "\n";
  return 0;
}

int table(int argc, char **argv) {
  auto opt = options(argc, argv, 3, {"--plan", "--actuals", "--period", "--format"});
  const auto format = format_of(opt);
  const auto p = period_opt(opt);
  const pmq::compiled_plan plan(pmq::load_target_plan(read_file(need(opt, "--plan", "FILE"))));
  const auto months =
      pmq::month_actuals_from_json(pmq::parse_json(read_file(need(opt, "--actuals", "FILE"))));
  const auto t = plan.table(months, p);
  std::cout << (format == "json" ? pmq::to_json(t).dump(2) + "\n" : pmq::to_text(t));
  return 0;
}

int fees(int argc, char **argv) {
  auto opt = options(argc, argv, 3, {"--plan", "--period", "--format"});
  const auto format = format_of(opt);
  const auto p = period_opt(opt);
  const auto c = pmq::check_fee_plan(pmq::load_fee_plan(read_file(need(opt, "--plan", "FILE"))), p);
  if (format == "json") {
    std::cout << pmq::to_json(c).dump(2) << "\n";
    return 0;
  }
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
  return 0;
}
} // namespace

int run_kpi(int argc, char **argv) {
  if (argc < 3) throw usage_error("kpi needs an action: catalogue, eval, series, table or fees");
  const std::string action = argv[2];
  if (action == "catalogue") return catalogue(argc, argv);
  if (action == "eval") return eval(argc, argv);
  if (action == "series") return series(argc, argv);
  if (action == "table") return table(argc, argv);
  if (action == "fees") return fees(argc, argv);
  throw usage_error("unknown kpi action " + action);
}

} // namespace pmq_cli
