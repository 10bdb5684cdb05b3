// Input, output and formats shared by every command (see cli.hpp).
#include "cli.hpp"

#include "pmq/error.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace pmq_cli {

std::string read_input(const std::string &path) {
  if (path == "-") {
    static bool used = false;
    if (used) throw usage_error("only one input can come from standard input (-)");
    used = true;
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw pmq::error(pmq::errc::invalid_argument, "", "cannot read file " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

pmq::json read_json(const std::string &path) {
  const auto text = read_input(path);
  try {
    return pmq::parse_json(text);
  } catch (const pmq::error &e) {
    throw pmq::error(e.code(), "", (path == "-" ? std::string("stdin") : path) + ": " + e.what());
  }
}

CLI::Option *add_input(CLI::App *cmd, const std::string &name, std::string &into,
                       const std::string &what, bool required) {
  auto *o = cmd->add_option(name, into, what + " (- reads standard input)")->type_name("FILE");
  if (required) o->required();
  return o;
}

CLI::Option *add_format(CLI::App *cmd, std::string &into, bool csv,
                        const std::string &default_format) {
  into = default_format;
  const std::string dflt = " (default " + default_format + ")";
  if (csv)
    return cmd
        ->add_option("--format", into, "text, json, or csv (UTF-8 with a BOM, for Excel)" + dflt)
        ->check(CLI::IsMember({"text", "json", "csv"}));
  return cmd->add_option("--format", into, "text or json" + dflt)
      ->check(CLI::IsMember({"text", "json"}));
}

CLI::Option *add_report_format(CLI::App *cmd, std::string &format, std::string &lang,
                               std::string &output) {
  format = "text";
  lang = "zh";
  cmd->add_option("--lang", lang, "explanations and the report in zh (default) or en")
      ->check(CLI::IsMember({"zh", "en"}));
  cmd->add_option("--output", output,
                  "with --format html: the file to write (default: standard output)");
  return cmd
      ->add_option("--format", format,
                   "text, json, csv (UTF-8 with a BOM, for Excel) or html (a printable report)"
                   " (default text)")
      ->check(CLI::IsMember({"text", "json", "csv", "html"}));
}

void write_output(const std::string &path, const std::string &text) {
  if (path.empty()) {
    std::cout << text;
    return;
  }
  std::ofstream out(path, std::ios::binary);
  if (!(out << text))
    throw pmq::error(pmq::errc::invalid_argument, "--output", "cannot write " + path);
}

std::string cell(const pmq::json &v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  return v.dump();
}

namespace {
void flatten_into(const pmq::json &v, const std::string &prefix, std::vector<std::string> &cols,
                  std::vector<std::pair<std::string, std::string>> &cells) {
  const auto put = [&](const std::string &col, std::string value) {
    if (std::find(cols.begin(), cols.end(), col) == cols.end()) cols.push_back(col);
    cells.emplace_back(col, std::move(value));
  };
  if (v.is_object()) {
    if (v.empty()) return;
    for (const auto &[key, member] : v.items())
      flatten_into(member, prefix.empty() ? key : prefix + "." + key, cols, cells);
    return;
  }
  if (v.is_array()) {
    bool scalars = true;
    for (const auto &e : v)
      scalars = scalars && !e.is_structured();
    if (!scalars) {
      put(prefix, v.dump());
      return;
    }
    std::string joined;
    for (const auto &e : v)
      joined += (joined.empty() ? "" : "; ") + cell(e);
    put(prefix, joined);
    return;
  }
  put(prefix.empty() ? "value" : prefix, cell(v));
}

// Display width: East Asian wide characters take two terminal columns.
std::size_t width(const std::string &s) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::uint32_t cp = c;
    std::size_t n = 1;
    if (c >= 0xF0) {
      cp = c & 0x07;
      n = 4;
    } else if (c >= 0xE0) {
      cp = c & 0x0F;
      n = 3;
    } else if (c >= 0xC0) {
      cp = c & 0x1F;
      n = 2;
    }
    for (std::size_t k = 1; k < n && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += n;
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                      (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x20000;
    w += wide ? 2 : 1;
  }
  return w;
}
} // namespace

table flatten(const pmq::json &rows) {
  table t;
  std::vector<std::vector<std::pair<std::string, std::string>>> all;
  const pmq::json list = rows.is_array() ? rows : pmq::json::array({rows});
  for (const auto &r : list) {
    std::vector<std::pair<std::string, std::string>> cells;
    flatten_into(r, "", t.columns, cells);
    all.push_back(std::move(cells));
  }
  for (const auto &cells : all) {
    std::vector<std::string> row(t.columns.size());
    for (const auto &[col, value] : cells)
      row[static_cast<std::size_t>(std::find(t.columns.begin(), t.columns.end(), col) -
                                   t.columns.begin())] = value;
    t.rows.push_back(std::move(row));
  }
  return t;
}

void write_csv(std::ostream &out, const table &t) {
  const auto field = [&](const std::string &s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) {
      out << s;
      return;
    }
    out << '"';
    for (const char c : s)
      out << (c == '"' ? std::string("\"\"") : std::string(1, c));
    out << '"';
  };
  const auto line = [&](const std::vector<std::string> &cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) out << ',';
      field(cells[i]);
    }
    out << "\r\n";
  };
  out << "\xEF\xBB\xBF";
  line(t.columns);
  for (const auto &r : t.rows)
    line(r);
}

void write_text(std::ostream &out, const table &t) {
  std::vector<std::size_t> w(t.columns.size());
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    w[c] = width(t.columns[c]);
    for (const auto &r : t.rows)
      w[c] = std::max(w[c], width(r[c]));
  }
  const auto line = [&](const std::vector<std::string> &cells) {
    std::string s;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      s += cells[c];
      if (c + 1 < cells.size()) s += std::string(w[c] - width(cells[c]) + 2, ' ');
    }
    out << s << "\n";
  };
  line(t.columns);
  for (const auto &r : t.rows)
    line(r);
}

void emit(const std::string &format, const pmq::json &result, const pmq::json &rows,
          const std::function<void()> &text) {
  if (format == "json")
    std::cout << result.dump(2) << "\n";
  else if (format == "csv")
    write_csv(std::cout, flatten(rows));
  else if (text)
    text();
  else
    write_text(std::cout, flatten(rows));
}

void examples(CLI::App *cmd, std::initializer_list<const char *> lines) {
  std::string footer = "\nExamples:\n";
  for (const char *l : lines)
    footer += std::string("  ") + l + "\n";
  cmd->footer(footer);
}

} // namespace pmq_cli
