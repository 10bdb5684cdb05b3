#include "pmq/json.hpp"

#include <algorithm>
#include <charconv>

namespace pmq {

namespace {
// nlohmann's parse messages ("[json.exception.parse_error.101] parse error at line 1, column
// 2: syntax error while parsing object key - unexpected end of input; expected string
// literal") in pmq's words: "not valid JSON at line 1, column 2: the text ends too early
// (expected a string) in an object's member name". Lines and columns count characters
// (UTF-8 code points) from 1.
std::string parse_message(std::string_view text, const json::exception &e) {
  std::size_t byte = text.size();
  if (const auto *pe = dynamic_cast<const json::parse_error *>(&e); pe && pe->byte > 0)
    byte = std::min<std::size_t>(pe->byte - 1, text.size());
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < byte; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      line += 1;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {
      column += 1;
    }
  }
  const auto words = [](std::string t) {
    static const std::pair<std::string_view, std::string_view> phrases[] = {
        {"unexpected end of input", "the text ends too early"},
        {"unexpected string literal", "unexpected string"},
        {"'[', '{', or a literal", "a value"},
        {"string literal", "a string"},
        {"object key", "an object's member name"},
        {"object separator", "a ':'"},
        {"ill-formed UTF-8 byte", "invalid UTF-8"},
        {"invalid literal", "not a JSON value"},
        {"invalid string: ", ""},
        {"invalid number", "a malformed number"}};
    for (const auto &[from, to] : phrases)
      for (auto at = t.find(from); at != std::string::npos; at = t.find(from, at + to.size()))
        t.replace(at, from.size(), to);
    return t;
  };
  const std::string what = e.what();
  std::string detail = "a number too large or malformed";
  if (const auto dash = what.find(" - "); dash != std::string::npos) {
    std::string problem, expected;
    std::size_t start = dash + 3;
    while (start <= what.size()) {
      const auto end = std::min(what.find("; ", start), what.size());
      const auto part = what.substr(start, end - start);
      if (part.rfind("expected ", 0) == 0)
        expected = part.substr(9);
      else if (part.rfind("last read", 0) != 0 && problem.empty())
        problem = part;
      start = end + 2;
    }
    detail = words(problem);
    if (!expected.empty()) detail += " (expected " + words(expected) + ")";
    const auto in = what.find("while parsing ");
    if (in != std::string::npos && in < dash) {
      const auto context = what.substr(in + 14, dash - in - 14);
      if (context != "value") detail += " in " + words(context == "object" ? "an object" : context);
    }
  }
  return "not valid JSON at line " + std::to_string(line) + ", column " + std::to_string(column) +
         ": " + detail;
}
} // namespace

json parse_json(std::string_view text, int max_depth) {
  try {
    // The callback sees every value with its depth; refusing deep documents here keeps
    // both parsing and our readers bounded.
    return json::parse(
        text.begin(), text.end(), [max_depth](int depth, json::parse_event_t, json &) {
          if (depth > max_depth)
            throw error(errc::parse, "",
                        "JSON nested deeper than " + std::to_string(max_depth) + " levels");
          return true;
        });
  } catch (const json::exception &e) {
    throw error(errc::parse, "", parse_message(text, e));
  }
}

namespace json_io {

const char *type_name(const json &j) {
  switch (j.type()) {
  case json::value_t::null:
    return "null";
  case json::value_t::boolean:
    return "a boolean";
  case json::value_t::string:
    return "a string";
  case json::value_t::array:
    return "an array";
  case json::value_t::object:
    return "an object";
  case json::value_t::number_integer:
  case json::value_t::number_unsigned:
    return "an integer";
  case json::value_t::number_float:
    return "a number";
  default:
    return "a value of another type";
  }
}

void read(const json &j, std::string &out, const std::string &path, problem_list &problems) {
  if (!j.is_string()) {
    problems.add(path, std::string("expected a string, got ") + type_name(j));
    return;
  }
  out = j.get<std::string>();
}

void read(const json &j, bool &out, const std::string &path, problem_list &problems) {
  if (!j.is_boolean()) {
    problems.add(path, std::string("expected true or false, got ") + type_name(j));
    return;
  }
  out = j.get<bool>();
}

void read_integer(const json &j, std::int64_t &out, std::int64_t lo, std::int64_t hi,
                  const std::string &path, problem_list &problems) {
  const auto range = "an integer from " + std::to_string(lo) + " to " + std::to_string(hi);
  if (j.is_number_unsigned()) {
    const auto v = j.get<std::uint64_t>();
    if (v > static_cast<std::uint64_t>(hi)) {
      problems.add(path, "out of range (expected " + range + ")");
      return;
    }
    out = static_cast<std::int64_t>(v);
  } else if (j.is_number_integer()) {
    const auto v = j.get<std::int64_t>();
    if (v < lo || v > hi) {
      problems.add(path, "out of range (expected " + range + ")");
      return;
    }
    out = v;
  } else {
    problems.add(path, std::string("expected ") + range + ", got " + type_name(j));
  }
}

namespace {
// A JSON number as an exact fixed-point value of type T (points, money).
template <class T, class Parse>
void read_fixed(const json &j, T &out, const std::string &path, problem_list &problems,
                Parse parse) {
  if (j.is_number_integer() || j.is_number_unsigned()) {
    std::int64_t v = 0;
    constexpr std::int64_t limit = std::numeric_limits<std::int64_t>::max() / T::scale;
    read_integer(j, v, -limit, limit, path, problems);
    out = *parse(std::to_string(v));
    return;
  }
  if (!j.is_number_float()) {
    problems.add(path, std::string("expected a number, got ") + type_name(j));
    return;
  }
  const double d = j.get<double>();
  if (!std::isfinite(d)) {
    problems.add(path, "expected a finite number");
    return;
  }
  // The shortest decimal that reads back as this double is what the JSON text said
  // (for up to 15 significant digits), so "0.1" becomes exactly 100 thousandths.
  char buf[400];
  const auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
  const auto parsed =
      res.ec == std::errc{} ? parse(std::string_view(buf, res.ptr - buf)) : std::nullopt;
  if (!parsed) {
    problems.add(path, "number " + std::string(buf, res.ec == std::errc{} ? res.ptr : buf) +
                           " has more than " + std::to_string(T::decimals) +
                           " decimals or is too large");
    return;
  }
  out = *parsed;
}
} // namespace

void read(const json &j, points &out, const std::string &path, problem_list &problems) {
  read_fixed(j, out, path, problems, [](std::string_view s) { return points::parse(s); });
}

void read(const json &j, money &out, const std::string &path, problem_list &problems) {
  read_fixed(j, out, path, problems, [](std::string_view s) { return money::parse(s); });
}

void read(const json &j, fraction &out, const std::string &path, problem_list &problems) {
  if (j.is_number_unsigned()) {
    out = fraction(integer(j.get<std::uint64_t>()));
    return;
  }
  if (j.is_number_integer()) {
    out = fraction(integer(j.get<std::int64_t>()));
    return;
  }
  std::optional<fraction> parsed;
  if (j.is_number_float()) {
    const double d = j.get<double>();
    if (!std::isfinite(d)) {
      problems.add(path, "expected a finite number");
      return;
    }
    // The shortest decimal that reads back as this double is what the JSON text said.
    char buf[400];
    const auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
    if (res.ec == std::errc{}) parsed = parse_fraction(std::string_view(buf, res.ptr - buf), 400);
  } else if (j.is_string()) {
    parsed = parse_fraction(j.get_ref<const std::string &>());
  } else {
    problems.add(path, std::string("expected a number or an exact value such as \"26999/300\", got ") +
                           type_name(j));
    return;
  }
  if (!parsed) {
    problems.add(path, j.dump(-1, ' ', false, json::error_handler_t::replace) +
                           " is not an exact number (a decimal such as \"89.9967\" or a "
                                   "fraction such as \"26999/300\", at most 60 digits)");
    return;
  }
  out = *parsed;
}

namespace {
// A JSON string value in quotes, for messages.
std::string quoted(const json &j) {
  std::string out(1, '"');
  out += j.get_ref<const std::string &>();
  out += '"';
  return out;
}
} // namespace

void read(const json &j, date &out, const std::string &path, problem_list &problems) {
  if (!j.is_string()) {
    problems.add(path, std::string("expected a date \"YYYY-MM-DD\", got ") + type_name(j));
    return;
  }
  const auto d = parse_date(j.get_ref<const std::string &>());
  if (!d) {
    problems.add(path, quoted(j) + " is not a valid date (expected YYYY-MM-DD, years 1400-9999)");
    return;
  }
  out = *d;
}

void read(const json &j, timestamp &out, const std::string &path, problem_list &problems) {
  if (!j.is_string()) {
    problems.add(path,
                 std::string("expected a time \"YYYY-MM-DDThh:mm+08:00\", got ") + type_name(j));
    return;
  }
  const auto t = parse_timestamp(j.get_ref<const std::string &>());
  if (!t) {
    problems.add(path, quoted(j) + " is not a valid time (expected YYYY-MM-DDThh:mm[:ss] with a "
                                   "UTC offset such as +08:00 or Z; offsets run from -12:00 to "
                                   "+14:00 in quarter hours)");
    return;
  }
  out = *t;
}

void read(const json &j, year_month &out, const std::string &path, problem_list &problems) {
  if (!j.is_string()) {
    problems.add(path, std::string("expected a month \"YYYY-MM\", got ") + type_name(j));
    return;
  }
  const auto m = parse_year_month(j.get_ref<const std::string &>());
  if (!m) {
    problems.add(path, quoted(j) + " is not a valid month (expected YYYY-MM, years 1400-9999)");
    return;
  }
  out = *m;
}

void write(json &j, points v) {
  if (v.milli() % points::scale == 0)
    j = v.milli() / points::scale;
  else
    j = static_cast<double>(v.milli()) / points::scale; // shortest form prints the exact decimal
}

void write(json &j, money v) {
  if (v.fen() % money::scale == 0)
    j = v.fen() / money::scale;
  else
    j = static_cast<double>(v.fen()) / money::scale;
}

void write(json &j, const fraction &v) { j = to_string(v); }

void write(json &j, const date &v) { j = format_date(v); }
void write(json &j, const timestamp &v) { j = format_timestamp(v); }
void write(json &j, const year_month &v) { j = format_year_month(v); }

} // namespace json_io
} // namespace pmq
