// Shared pieces of the `pmq` command line (CLI11). Each command group lives in its own file,
// examples/cli/<group>_cmd.cpp, with one `add_<group>(CLI::App &)` that registers its
// commands; main.cpp calls each once. A new group (assess, report, ...) is a new file and
// one line in main.cpp.
//
// Conventions every command follows:
//   - input files are options (`--inspection FILE`); `-` reads standard input;
//   - `--format text|json|csv` where the result is a table (CSV with a UTF-8 BOM, so that
//     Excel shows Chinese), `--format text|json` elsewhere; text is the default;
//   - exit status 0 on success, 1 for bad input (every problem with its JSON path on stderr)
//     or a failed check/test, 2 for bad usage;
//   - every command's --help ends with examples.
#pragma once

#include "pmq/json.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace pmq_cli {

/// Bad usage found after parsing (two inputs from stdin, a missing either-or option):
/// exit status 2 with the command's help hint.
struct usage_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// The whole file, or standard input for "-". Throws pmq::error(invalid_argument) naming an
/// unreadable file.
std::string read_input(const std::string &path);

/// read_input, then parse_json; parse errors name the file.
pmq::json read_json(const std::string &path);

/// An input-file option that accepts "-" for stdin.
CLI::Option *add_input(CLI::App *cmd, const std::string &name, std::string &into,
                       const std::string &what, bool required = true);

/// `--format`: text, json and, when the result is a table, csv. The default is text, except
/// for commands whose result is a nested document that has always been printed as JSON.
CLI::Option *add_format(CLI::App *cmd, std::string &into, bool csv = true,
                        const std::string &default_format = "text");

/// `--format` of a command that also renders an HTML report: text, json, csv or html; and
/// `--lang` (zh, the default, or en) and `--output FILE` beside it.
CLI::Option *add_report_format(CLI::App *cmd, std::string &format, std::string &lang,
                               std::string &output);

/// Writes `text` to `path`, or to standard output when `path` is empty (the library does no
/// file I/O: the CLI writes the reports).
void write_output(const std::string &path, const std::string &text);

/// A command's own exit status, thrown from its callback (a check or test that failed).
struct exit_status {
  int code;
};

/// A table for text and CSV output.
struct table {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};

/// Flattens a JSON array of objects into a table: nested objects become `a.b` columns,
/// arrays of scalars are joined with "; ", other arrays are written as compact JSON; columns
/// in order of first appearance.
table flatten(const pmq::json &rows);

/// CSV for spreadsheets: UTF-8 BOM, every field quoted where needed (RFC 4180), CRLF.
void write_csv(std::ostream &out, const table &t);

/// Aligned columns for a terminal (Chinese characters count two columns).
void write_text(std::ostream &out, const table &t);

/// Writes a result: json → the JSON, indented; csv → `rows` (a JSON array of objects)
/// flattened; text → `text()` when given, else `rows` as aligned columns.
void emit(const std::string &format, const pmq::json &result, const pmq::json &rows,
          const std::function<void()> &text = {});

/// A cell of a table: strings as they are, null as "", other JSON compactly.
std::string cell(const pmq::json &v);

/// Sets a command's footer to its examples, one per line.
void examples(CLI::App *cmd, std::initializer_list<const char *> lines);

// The command groups, one file each.
void add_scoring(CLI::App &app);       // score, standards, standard
void add_bands(CLI::App &app);         // bands
void add_rollup(CLI::App &app);        // rollup
void add_check(CLI::App &app);         // check
void add_test(CLI::App &app);          // test
void add_supplier(CLI::App &app);      // supplier
void add_calendar(CLI::App &app);      // calendar
void add_rectification(CLI::App &app); // rectification, complaints
void add_kpi(CLI::App &app);           // kpi
void add_assess(CLI::App &app);        // assess

} // namespace pmq_cli
