// `pmq assess`: the period's assessment (月度/半年考核) in one call — the 汇总表 as a manager
// reads it, as CSV for Excel, as JSON, or as an .xlsx workbook with the 汇总表 and the
// 整改情况表 as sheets (R-SCORE-1…6, R-CAL-5, R-REP-1, R-REP-2). The library renders the
// sheets; this file only writes them where the user asked.
#include "cli.hpp"

#include "pmq/assessment.hpp"
#include "pmq/report.hpp"

#include <fstream>
#include <iostream>
#include <memory>

#ifdef PMQ_CLI_XLSX
#include <xlsxwriter.h>
#endif

namespace pmq_cli {

namespace {
void write_xlsx(const std::string &path, const std::vector<pmq::assessment_sheet> &sheets) {
#ifdef PMQ_CLI_XLSX
  lxw_workbook *book = workbook_new(path.c_str());
  if (!book) throw pmq::error(pmq::errc::invalid_argument, "--output", "cannot create " + path);
  for (const auto &sheet : sheets) {
    lxw_worksheet *ws = workbook_add_worksheet(book, sheet.name.c_str());
    for (std::size_t r = 0; ws && r < sheet.rows.size(); ++r)
      for (std::size_t c = 0; c < sheet.rows[r].size(); ++c)
        worksheet_write_string(ws, lxw_row_t(r), lxw_col_t(c), sheet.rows[r][c].c_str(), nullptr);
  }
  if (workbook_close(book) != LXW_NO_ERROR)
    throw pmq::error(pmq::errc::invalid_argument, "--output", "cannot write " + path);
#else
  (void)sheets;
  throw pmq::error(pmq::errc::invalid_argument, "--format",
                   "this pmq was built without libxlsxwriter: xlsx is unavailable (" + path +
                       " not written); use --format csv");
#endif
}
} // namespace

void add_assess(CLI::App &app) {
  struct opts {
    std::string input, format = "text", lang = "zh", output;
    std::size_t sheet = 0;
  };
  auto o = std::make_shared<opts>();
  auto *cmd = app.add_subcommand(
      "assess", "the period's assessment: scores, pay, ranks, carry-overs, the 汇总表 (R-SCORE-*)");
  add_input(cmd, "--input", o->input,
            "the organisation, regime, period, inspections, carry-overs, previous periods and "
            "pay scheme (docs/assessment.md)");
  cmd->add_option("--format", o->format,
                  "text (default), json, csv, xlsx or html (a printable report)")
      ->check(CLI::IsMember({"text", "json", "csv", "xlsx", "html"}));
  cmd->add_option("--lang", o->lang, "zh (default) or en")->check(CLI::IsMember({"zh", "en"}));
  cmd->add_option("--output", o->output, "the file to write (required for xlsx)");
  cmd->add_option("--sheet", o->sheet, "with csv: 0 the 汇总表 (default), 1 the 整改情况表");
  examples(cmd, {"pmq assess --input examples/data/assessment_2026-11.json",
                 "pmq assess --input november.json --lang en",
                 "pmq assess --input november.json --format csv > 汇总表.csv",
                 "pmq assess --input november.json --format xlsx --output 2026-11.xlsx",
                 "pmq assess --input november.json --format html --output 2026-11.html"});
  cmd->callback([o] {
    const auto lang = *pmq::parse_language(o->lang);
    const auto result = pmq::assess(read_input(o->input));
    std::string text;
    if (o->format == "xlsx") {
      if (o->output.empty())
        throw pmq::error(pmq::errc::invalid_argument, "--output", "xlsx needs --output FILE");
      write_xlsx(o->output, pmq::assessment_sheets(result, lang));
      return;
    }
    if (o->format == "html")
      text = pmq::assessment_report(result, lang);
    else if (o->format == "json")
      text = pmq::to_json(result).dump(2) + "\n";
    else if (o->format == "csv")
      text = pmq::assessment_csv(result, lang, o->sheet);
    else
      text = pmq::assessment_text(result, lang);
    if (o->output.empty()) {
      std::cout << text;
    } else {
      std::ofstream out(o->output, std::ios::binary);
      if (!(out << text))
        throw pmq::error(pmq::errc::invalid_argument, "--output", "cannot write " + o->output);
    }
  });
}

} // namespace pmq_cli
