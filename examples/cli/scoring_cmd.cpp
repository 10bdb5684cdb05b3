// `pmq score`, `pmq standards`, `pmq standard`: standards and scoring on the command line
// (R-STD-1 … R-STD-6, R-SCORE-3, R-SCORE-4).
#include "cli.hpp"

#include "pmq/bands.hpp"
#include "pmq/explain.hpp"
#include "pmq/report.hpp"
#include "pmq/scoring.hpp"

#include <iostream>
#include <memory>

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

// One row per item, for CSV and the text table of --batch.
pmq::json item_rows(const pmq::json &result) {
  pmq::json rows = pmq::json::array();
  for (const auto &s : result.at("sections"))
    for (const auto &i : s.at("items"))
      rows.push_back({{"inspection", result.at("inspection")},
                      {"section", s.at("id")},
                      {"item", i.at("id")},
                      {"title", i.at("title")},
                      {"kind", i.at("kind")},
                      {"applicable", i.at("applicable")},
                      {"max_score", i.at("max_score")},
                      {"score", i.at("score")},
                      {"deducted", i.at("deducted")},
                      {"explanation", i.at("explanation")}});
  return rows;
}

// One row per inspection of a batch.
pmq::json summary_row(const pmq::json &r) {
  pmq::json row = pmq::json::object();
  for (const char *k : {"inspection", "project", "inspector", "date", "standard", "status", "score",
                        "full_score", "passed", "findings", "failed_sections", "vetoes"})
    row[k] = r.contains(k) ? r.at(k) : pmq::json(nullptr);
  return row;
}

pmq::standard standard_arg(const std::string &file, const std::string &builtin) {
  return file.empty() ? pmq::builtin_standard(builtin) : pmq::standard_from_json(read_json(file));
}

// A batch: a JSON array of inspections, or JSON Lines (one inspection per line).
// Each is read against `standard`: every problem of the document in one pass.
std::vector<pmq::inspection> read_batch(const std::string &path,
                                        const pmq::compiled_standard &standard) {
  const auto text = read_input(path);
  const auto first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first != std::string::npos && text[first] == '[') return standard.read_inspections(text);
  // JSON Lines: problems are named [k] for the k-th inspection, like a JSON array's, with
  // the line number in the message.
  std::vector<pmq::inspection> out;
  pmq::problem_list problems;
  std::size_t line = 0, start = 0, k = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const auto content = text.substr(start, end - start);
    ++line;
    start = end + 1;
    if (content.find_first_not_of(" \t\r") == std::string::npos) continue;
    const auto at = "[" + std::to_string(k++) + "]";
    try {
      out.push_back(standard.read_inspection(pmq::parse_json(content)));
    } catch (const pmq::error &e) {
      for (const auto &p : e.problems())
        problems.add(at + (p.path.empty() || p.path[0] == '[' ? "" : ".") + p.path,
                     p.message + " (line " + std::to_string(line) + ")");
    }
  }
  problems.throw_if_any();
  return out;
}
} // namespace

void add_scoring(CLI::App &app) {
  struct score_opts {
    std::string standard, builtin, inspection, format, lang, output;
    bool batch = false, summary = false;
  };
  auto o = std::make_shared<score_opts>();
  auto *score = app.add_subcommand(
      "score", "Score an inspection (or a batch) against a standard: every deduction explained");
  auto *std_opt = add_input(score, "--standard", o->standard, "the standard (JSON)", false);
  score->add_option("--builtin", o->builtin, "a built-in standard (see pmq standards)")
      ->type_name("ID")
      ->excludes(std_opt);
  add_input(score, "--inspection", o->inspection,
            "the inspection (JSON); with --batch a JSON array or JSON Lines");
  score->add_flag("--batch", o->batch, "score many inspections: one result (row) per inspection");
  score->add_flag("--summary", o->summary,
                  "only what was decided: inspection, status, score, exact, passed, vetoes, "
                  "failed sections (no items or explanations)");
  add_report_format(score, o->format, o->lang, o->output);
  examples(score, {"pmq score --inspection examples/data/inspection.json",
                   "pmq score --inspection examples/data/inspection.json --format html "
                   "--output report.html",
                   "pmq score --inspection examples/data/inspection.json --lang en",
                   "pmq score --builtin cn-national-demo-estate --inspection "
                   "examples/data/inspection_national.json --format json",
                   "pmq score --inspection examples/data/inspection.json --format csv > items.csv",
                   "pmq score --standard my.json --batch --inspection history.jsonl --format csv",
                   "pmq score --batch --summary --inspection history.jsonl --format json",
                   "cat i.json | pmq score --inspection -"});
  score->callback([o] {
    const pmq::compiled_standard standard(standard_arg(o->standard, o->builtin));
    const auto lang = *pmq::parse_language(o->lang);
    if (o->batch && o->format == "html")
      throw usage_error("--format html renders one inspection: not with --batch");
    if (!o->output.empty() && o->format != "html")
      throw usage_error("--output is for --format html");
    if (o->summary && o->format == "html")
      throw usage_error("--format html renders a full result: not with --summary");
    if (o->summary) {
      pmq::json all = pmq::json::array();
      if (o->batch) // problems under [k], as without --summary
        for (const auto &r : standard.score(read_batch(o->inspection, standard)))
          all.push_back(pmq::to_json(pmq::summary_of(r)));
      else
        all.push_back(
            pmq::to_json(standard.summarize(standard.read_inspection(read_json(o->inspection)))));
      emit(o->format, o->batch ? all : all.at(0), all);
      return;
    }
    if (o->batch) {
      const auto batch = read_batch(o->inspection, standard);
      auto results = standard.score(batch);
      pmq::json all = pmq::json::array(), rows = pmq::json::array();
      for (std::size_t k = 0; k < results.size(); ++k) {
        auto &r = results[k];
        if (lang != pmq::language::zh)
          pmq::explain(r, standard.definition(), batch[k].carry_over, lang);
        all.push_back(pmq::to_json(r));
        rows.push_back(summary_row(all.back()));
      }
      emit(o->format, all, rows);
      return;
    }
    const auto ins = standard.read_inspection(read_json(o->inspection));
    auto result = standard.score(ins);
    if (lang != pmq::language::zh)
      pmq::explain(result, standard.definition(), ins.carry_over, lang);
    if (o->format == "html") {
      write_output(o->output, pmq::inspection_report(standard.definition(), ins, result, lang));
      return;
    }
    const auto j = pmq::to_json(result);
    emit(o->format, j, item_rows(j), [&] { print_text(result); });
  });

  auto standards_format = std::make_shared<std::string>();
  auto *standards = app.add_subcommand("standards", "List the built-in standards");
  add_format(standards, *standards_format);
  examples(standards, {"pmq standards", "pmq standards --format csv"});
  standards->callback([standards_format] {
    pmq::json rows = pmq::json::array();
    for (const auto &id : pmq::builtin_standard_ids()) {
      const auto &s = pmq::builtin_standard(id);
      rows.push_back({{"id", id}, {"version", s.version}, {"title", s.title}});
    }
    emit(*standards_format, rows, rows, [&] {
      for (const auto &r : rows)
        std::cout << cell(r["id"]) << "  " << cell(r["version"]) << "  " << cell(r["title"])
                  << "\n";
    });
  });

  struct standard_opts {
    std::string builtin, from, from_builtin, selection;
  };
  auto so = std::make_shared<standard_opts>();
  auto *standard = app.add_subcommand("standard", "Print a built-in standard, or derive one");
  standard
      ->add_option("--builtin", so->builtin,
                   "the built-in standard to print (default: the "
                   "residential example)")
      ->type_name("ID");
  standard->require_subcommand(0, 1);
  examples(standard, {"pmq standard --builtin cn-national-demo-estate > national.json",
                      "pmq standard derive --help"});
  auto *derive = standard->add_subcommand(
      "derive", "R-STD-2: a project standard selected from a company standard (prints its JSON)");
  auto *from = add_input(derive, "--from", so->from, "the company standard (JSON)", false);
  derive->add_option("--from-builtin", so->from_builtin, "a built-in company standard")
      ->type_name("ID")
      ->excludes(from);
  add_input(derive, "--selection", so->selection,
            "the selection: {\"id\", \"version\"?, \"title\"?, \"property_type\"?, "
            "\"grade\"?, \"clauses\"?: [...], \"exclude\"?: [...]} (docs/scoring.md)");
  examples(derive,
           {"pmq standard derive --from company.json --selection project_a.json > project_a.json",
            "echo '{\"id\": \"p1\", \"exclude\": [\"LH-03\"]}' | pmq standard derive "
            "--from-builtin pmq-residential-example --selection -"});
  derive->callback([so] {
    const auto company = standard_arg(so->from, so->from_builtin);
    const auto sel = pmq::from_json_value<pmq::selection>(read_json(so->selection));
    std::cout << pmq::to_json(pmq::derive_standard(company, sel)).dump(2) << "\n";
  });
  standard->callback([so, derive] {
    if (derive->parsed()) return;
    std::cout << pmq::to_json(pmq::builtin_standard(so->builtin)).dump(2) << "\n";
  });
}

} // namespace pmq_cli
