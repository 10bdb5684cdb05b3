// `pmq supplier …`: outsourced suppliers on the command line (R-OUT-1 … R-OUT-11).
#include "cli.hpp"

#include "pmq/supplier.hpp"

#include <iostream>
#include <memory>

namespace pmq_cli {

namespace {
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

struct opts {
  std::string input, rules, on, format;
};

// A supplier command over one input document and optional rules.
CLI::App *command(CLI::App *parent, const char *name, const char *what, const char *input_name,
                  const char *input_what, std::shared_ptr<opts> o, bool rules) {
  auto *cmd = parent->add_subcommand(name, what);
  add_input(cmd, input_name, o->input, input_what);
  if (rules)
    add_input(cmd, "--rules", o->rules,
              "the rules (default: pmq's documented defaults, see pmq supplier rules)", false);
  add_format(cmd, o->format);
  return cmd;
}

template <class Rules, class Load> Rules rules_of(const opts &o, Load load, Rules dflt = {}) {
  return o.rules.empty() ? dflt : load(read_input(o.rules));
}
} // namespace

void add_supplier(CLI::App &app) {
  auto *supplier = app.add_subcommand(
      "supplier", "Outsourced suppliers: qualification, tenders, staffing, monthly settlement, "
                  "yearly standings and bars (R-OUT-1 … R-OUT-11)");
  supplier->require_subcommand(1);
  examples(supplier, {"pmq supplier month --record month.json",
                      "pmq supplier tender --tender tender.json --format csv",
                      "pmq supplier rules monthly > monthly_rules.json"});

  auto qo = std::make_shared<opts>();
  auto *qualify = command(supplier, "qualify", "R-OUT-2: a qualification checklist → qualified?",
                          "--checklist", "the checklist (JSON)", qo, false);
  examples(qualify, {"pmq supplier qualify --checklist checklist.json"});
  qualify->callback([qo] {
    const auto r = pmq::qualify(pmq::load_qualification(read_input(qo->input)));
    const auto j = pmq::to_json(r);
    emit(qo->format, j, j.at("missing"), [&] {
      std::cout << r.supplier << ": " << (r.qualified ? "qualified" : "NOT qualified") << "\n";
      for (const auto &m : r.missing)
        std::cout << "  missing: " << m.item << " (" << m.title << ")\n";
    });
  });

  auto to = std::make_shared<opts>();
  auto *tender = command(supplier, "tender", "R-OUT-3: the ranking table and candidate list",
                         "--tender", "bids, experts and marks (JSON)", to, true);
  examples(tender, {"pmq supplier tender --tender tender.json --rules rules.json",
                    "pmq supplier tender --tender tender.json --format csv"});
  tender->callback([to] {
    const auto r = pmq::evaluate_tender(pmq::load_tender(read_input(to->input)),
                                        rules_of<pmq::tender_rules>(*to, [](const std::string &t) {
                                          return pmq::load_tender_rules(t);
                                        }));
    const auto j = pmq::to_json(r);
    emit(to->format, j, j.at("ranking"), [&] { print_tender(r); });
  });

  auto so = std::make_shared<opts>();
  auto *staffing = command(supplier, "staffing", "R-OUT-5 … R-OUT-9: a staffing month checked",
                           "--month", "contract, roster, attendance, patrols (JSON)", so, true);
  examples(staffing, {"pmq supplier staffing --month staffing.json --format csv"});
  staffing->callback([so] {
    const auto r = pmq::check_staffing(pmq::load_staffing_month(read_input(so->input)),
                                       rules_of<pmq::staffing_rules>(*so, [](const std::string &t) {
                                         return pmq::load_staffing_rules(t);
                                       }));
    const auto j = pmq::to_json(r);
    emit(so->format, j, j.at("violations"), [&] {
      std::cout << r.supplier << ": " << r.attended_person_days << " of "
                << r.contracted_person_days << " person-days"
                << (r.settle_by_attendance ? ", settled by attendance" : "") << "\n";
      for (const auto &v : r.violations)
        std::cout << "  " << v.rule << "  " << v.subject << ": " << v.message << "\n";
      for (const auto &v : r.open_vacancies)
        std::cout << "  open at the month's end: " << v.role << " short since "
                  << pmq::format_date(v.since) << " (carry it into next month)\n";
    });
  });

  auto mo = std::make_shared<opts>();
  auto *month =
      command(supplier, "month", "R-OUT-4: the monthly evaluation and settlement, exact to the fen",
              "--record", "the month's record (JSON)", mo, true);
  examples(month, {"pmq supplier month --record month.json",
                   "pmq supplier month --record month.json --rules my_rules.json --format json"});
  month->callback([mo] {
    const auto r = pmq::evaluate_month(pmq::load_monthly_record(read_input(mo->input)),
                                       rules_of<pmq::monthly_rules>(*mo, [](const std::string &t) {
                                         return pmq::load_monthly_rules(t);
                                       }));
    const auto j = pmq::to_json(r);
    emit(mo->format, j, j.at("deductions"), [&] { print_month(r); });
  });

  auto yo = std::make_shared<opts>();
  auto *year = command(supplier, "year", "R-OUT-11: yearly standings, the qualified list, bars",
                       "--review", "the yearly review (JSON)", yo, true);
  examples(year, {"pmq supplier year --review review.json --format csv"});
  year->callback([yo] {
    const auto r =
        pmq::evaluate_year(pmq::load_yearly_review(read_input(yo->input)),
                           rules_of<pmq::yearly_rules>(
                               *yo, [](const std::string &t) { return pmq::load_yearly_rules(t); },
                               pmq::yearly_rules{}));
    const auto j = pmq::to_json(r);
    emit(yo->format, j, j.at("suppliers"), [&] { print_year(r); });
  });

  auto bo = std::make_shared<opts>();
  auto *may_bid =
      command(supplier, "may-bid", "R-OUT-11: may this supplier bid on this date?", "--query",
              "{\"supplier\", \"on\", \"decisions\": [...]} (JSON)", bo, false);
  may_bid->add_option("--on", bo->on, "the date (overrides the query's \"on\")")
      ->type_name("YYYY-MM-DD");
  examples(may_bid, {"pmq supplier may-bid --query query.json --on 2028-12-31"});
  may_bid->callback([bo] {
    auto q = pmq::load_bid_query(read_input(bo->input));
    if (!bo->on.empty()) {
      const auto on = pmq::parse_date(bo->on);
      if (!on) throw pmq::error(pmq::errc::invalid_argument, "on", "not a date: " + bo->on);
      q.on = *on;
    }
    const auto e = pmq::may_bid(q);
    const auto j = pmq::to_json(e);
    emit(bo->format, j, j, [&] {
      std::cout << e.supplier << " on " << pmq::format_date(e.on) << ": "
                << (e.may_bid ? "may bid" : "BARRED until " + pmq::format_date(*e.may_bid_from))
                << "\n";
    });
  });

  auto which = std::make_shared<std::string>();
  auto *rules = supplier->add_subcommand("rules", "The default rules, as JSON to edit");
  rules->add_option("which", *which, "monthly, staffing, tender or yearly")
      ->required()
      ->check(CLI::IsMember({"monthly", "staffing", "tender", "yearly"}));
  examples(rules, {"pmq supplier rules monthly > monthly_rules.json"});
  rules->callback([which] {
    pmq::json j;
    if (*which == "monthly")
      j = pmq::to_json_value(pmq::monthly_rules{});
    else if (*which == "staffing")
      j = pmq::to_json_value(pmq::staffing_rules{});
    else if (*which == "tender")
      j = pmq::to_json_value(pmq::tender_rules{});
    else
      j = pmq::to_json_value(pmq::yearly_rules{pmq::default_supplier_standings(), {}});
    std::cout << j.dump(2) << "\n";
  });
}

} // namespace pmq_cli
