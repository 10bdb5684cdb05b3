// `pmq supplier …`: outsourced suppliers on the command line (R-OUT-1 … R-OUT-11).
#include "cli.hpp"

#include "pmq/supplier.hpp"

#include <iostream>

namespace pmq_cli {

namespace {
std::string format_of(std::map<std::string, std::string> &opt) {
  const std::string f = opt.count("--format") ? opt["--format"] : "text";
  if (f != "text" && f != "json") throw usage_error("--format is text or json");
  return f;
}

std::string need(std::map<std::string, std::string> &opt, const std::string &name,
                 const char *sub) {
  if (!opt.count(name))
    throw usage_error(std::string("supplier ") + sub + " needs " + name + " FILE");
  return read_file(opt[name]);
}

void print_month(const pmq::monthly_result &r) {
  std::cout << r.supplier << "  " << r.year << "-" << (r.month < 10 ? "0" : "") << r.month
            << "  monthly evaluation (R-OUT-4)\n\n";
  if (!r.deductions.empty()) {
    std::cout << "  incident (source): count, points, fine\n";
    for (const auto &l : r.deductions)
      std::cout << "  " << l.title << " (" << l.source << "): " << l.count << ", −"
                << l.points_total.to_string() << ", ¥" << l.fine_total.to_string() << "\n";
    std::cout << "\n";
  }
  for (const auto &w : r.working)
    std::cout << "  " << w << "\n";
  std::cout << "\n  SCORE " << r.score.to_string()
            << (r.passed ? " (passed)" : " (below the pass mark)") << "\n  SETTLEMENT ¥"
            << r.settlement.to_string() << "\n";
  if (r.submitted_on_time)
    std::cout << "  evaluation handed in " << (*r.submitted_on_time ? "on time" : "LATE")
              << " (R-OUT-10)\n";
  if (r.staffing && !r.staffing->violations.empty()) {
    std::cout << "\nStaffing violations:\n";
    for (const auto &v : r.staffing->violations)
      std::cout << "  " << v.rule << "  " << v.subject
                << (v.date ? " " + pmq::format_date(*v.date) : "") << ": " << v.message << "\n";
  }
}

void print_tender(const pmq::tender_result &r) {
  std::cout << "tender " << r.tender << ": " << r.experts << " experts"
            << (r.extremes_dropped ? ", highest and lowest mark dropped per sheet" : "") << "\n\n"
            << "  rank  bidder  service  financial  total  (decided by)\n";
  for (const auto &row : r.ranking)
    std::cout << "  " << row.rank << "  " << row.bidder << (row.name ? " " + *row.name : "") << "  "
              << row.service_mean.to_string() << "  " << row.financial_mean.to_string() << "  "
              << row.total.to_string() << "  (" << row.decided_by << ")\n";
  std::cout << "\n  candidates:";
  for (const auto &c : r.candidates)
    std::cout << " " << c;
  std::cout << "\n";
}

void print_year(const pmq::yearly_result &r) {
  std::cout << "yearly evaluation " << r.year << " (decided " << pmq::format_date(r.decided)
            << ")\n\n";
  for (const auto &s : r.suppliers) {
    std::cout << "  " << s.supplier << "  " << (s.score ? s.score->to_string() : "no data");
    // The standing is decided on the exact mean: show it when the display rounds it.
    if (s.score && s.exact && *s.exact != s.score->to_string())
      std::cout << " (exactly " << *s.exact << ")";
    std::cout << "  " << s.band << "  " << s.label;
    for (const auto &a : s.actions)
      std::cout << " [" << a << "]";
    if (s.qualified)
      std::cout << "  → qualified" << (s.may_take_new_contracts ? "" : ", no new contracts");
    else if (s.contract_ends)
      std::cout << "  → NOT qualified, contract ends";
    for (const auto &b : s.bars)
      std::cout << "\n      barred through " << pmq::format_date(b.barred_through)
                << " (may bid from " << pmq::format_date(b.may_bid_from) << ")";
    std::cout << "\n";
  }
  std::cout << "\n  qualified suppliers (合格外包方名录):";
  for (const auto &q : r.qualified_suppliers)
    std::cout << " " << q;
  std::cout << "\n";
}

template <class R, class P> void emit(const std::string &format, const R &result, P print) {
  if (format == "json")
    std::cout << pmq::to_json(result).dump(2) << "\n";
  else
    print(result);
}
} // namespace

int run_supplier(int argc, char **argv) {
  if (argc < 3) throw usage_error("supplier needs a subcommand");
  const std::string sub = argv[2];
  if (sub == "qualify") {
    auto opt = options(argc, argv, 3, {"--checklist", "--format"});
    const auto r = pmq::qualify(pmq::load_qualification(need(opt, "--checklist", "qualify")));
    emit(format_of(opt), r, [](const pmq::qualification_result &q) {
      std::cout << q.supplier << ": " << (q.qualified ? "qualified" : "NOT qualified") << "\n";
      for (const auto &m : q.missing)
        std::cout << "  missing: " << m.item << " (" << m.title << ")\n";
    });
    return 0;
  }
  if (sub == "tender") {
    auto opt = options(argc, argv, 3, {"--tender", "--rules", "--format"});
    const auto rules = opt.count("--rules") ? pmq::load_tender_rules(read_file(opt["--rules"]))
                                            : pmq::tender_rules{};
    emit(format_of(opt),
         pmq::evaluate_tender(pmq::load_tender(need(opt, "--tender", "tender")), rules),
         print_tender);
    return 0;
  }
  if (sub == "staffing") {
    auto opt = options(argc, argv, 3, {"--month", "--rules", "--format"});
    const auto rules = opt.count("--rules") ? pmq::load_staffing_rules(read_file(opt["--rules"]))
                                            : pmq::staffing_rules{};
    const auto r =
        pmq::check_staffing(pmq::load_staffing_month(need(opt, "--month", "staffing")), rules);
    emit(format_of(opt), r, [](const pmq::staffing_result &s) {
      std::cout << s.supplier << ": " << s.attended_person_days << " of "
                << s.contracted_person_days << " person-days"
                << (s.settle_by_attendance ? ", settled by attendance" : "") << "\n";
      for (const auto &v : s.violations)
        std::cout << "  " << v.rule << "  " << v.subject << ": " << v.message << "\n";
      for (const auto &v : s.open_vacancies)
        std::cout << "  open at the month's end: " << v.role << " short since "
                  << pmq::format_date(v.since) << " (carry it into next month)\n";
    });
    return 0;
  }
  if (sub == "month") {
    auto opt = options(argc, argv, 3, {"--record", "--rules", "--format"});
    const auto rules = opt.count("--rules") ? pmq::load_monthly_rules(read_file(opt["--rules"]))
                                            : pmq::monthly_rules{};
    emit(format_of(opt),
         pmq::evaluate_month(pmq::load_monthly_record(need(opt, "--record", "month")), rules),
         print_month);
    return 0;
  }
  if (sub == "year") {
    auto opt = options(argc, argv, 3, {"--review", "--rules", "--format"});
    const auto rules = opt.count("--rules") ? pmq::load_yearly_rules(read_file(opt["--rules"]))
                                            : pmq::yearly_rules{};
    emit(format_of(opt),
         pmq::evaluate_year(pmq::load_yearly_review(need(opt, "--review", "year")), rules),
         print_year);
    return 0;
  }
  if (sub == "may-bid") {
    auto opt = options(argc, argv, 3, {"--query", "--on", "--format"});
    auto q = pmq::load_bid_query(need(opt, "--query", "may-bid"));
    if (opt.count("--on")) {
      const auto on = pmq::parse_date(opt["--on"]);
      if (!on) throw pmq::error(pmq::errc::invalid_argument, "on", "not a date: " + opt["--on"]);
      q.on = *on;
    }
    emit(format_of(opt), pmq::may_bid(q), [](const pmq::bid_eligibility &e) {
      std::cout << e.supplier << " on " << pmq::format_date(e.on) << ": "
                << (e.may_bid ? "may bid" : "BARRED until " + pmq::format_date(*e.may_bid_from))
                << "\n";
    });
    return 0;
  }
  if (sub == "rules") {
    if (argc != 4) throw usage_error("supplier rules needs monthly, staffing, tender or yearly");
    const std::string w = argv[3];
    if (w == "monthly")
      std::cout << pmq::to_json_value(pmq::monthly_rules{}).dump(2) << "\n";
    else if (w == "staffing")
      std::cout << pmq::to_json_value(pmq::staffing_rules{}).dump(2) << "\n";
    else if (w == "tender")
      std::cout << pmq::to_json_value(pmq::tender_rules{}).dump(2) << "\n";
    else if (w == "yearly")
      std::cout
          << pmq::to_json_value(pmq::yearly_rules{pmq::default_supplier_standings(), {}}).dump(2)
          << "\n";
    else
      throw usage_error("supplier rules needs monthly, staffing, tender or yearly");
    return 0;
  }
  throw usage_error("unknown supplier subcommand " + sub);
}

} // namespace pmq_cli
