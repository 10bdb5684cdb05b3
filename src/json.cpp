#include "pmq/json.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_set>

namespace pmq {

namespace {
// "line L, column C" of a byte offset (from 0) in the text.
std::string line_column(std::string_view text, std::size_t byte) {
  byte = std::min(byte, text.size());
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
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// A number nlohmann cannot hold (1e999), where it ends in the text.
struct number_out_of_range {
  std::size_t position;
  std::string token;
};

// nlohmann's parse messages ("[json.exception.parse_error.101] parse error at line 1, column
// 2: syntax error while parsing object key - unexpected end of input; expected string
// literal") in pmq's words: "not valid JSON at line 1, column 2: the text ends too early
// (expected a string) in an object's member name". Lines and columns count characters
// (UTF-8 code points) from 1.
std::string parse_message(std::string_view text, const json::exception &e) {
  std::size_t byte = text.size();
  if (const auto *pe = dynamic_cast<const json::parse_error *>(&e); pe && pe->byte > 0)
    byte = std::min<std::size_t>(pe->byte - 1, text.size());
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
  return "not valid JSON at " + line_column(text, byte) + ": " + detail;
}

// The decimal value of a JSON number's text: 0.d1d2d3... × 10^exponent, the digits without
// leading or trailing zeros (none for zero, whatever its sign).
struct decimal_value {
  bool negative = false;
  std::string digits;
  long long exponent = 0;
  bool operator==(const decimal_value &) const = default;
};

decimal_value decimal_of(std::string_view text) {
  constexpr long long cap = 1'000'000'000'000LL; // beyond any double; saturate, never overflow
  decimal_value v;
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) v.negative = text[i++] == '-';
  long long point = 0; // digits before the decimal point, leading zeros excluded
  bool leading = true;
  for (bool fraction = false; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.') {
      fraction = true;
      continue;
    }
    if (c < '0' || c > '9') break;
    if (leading && c == '0') {
      if (fraction) --point;
      continue;
    }
    leading = false;
    v.digits += c;
    if (!fraction) ++point;
  }
  long long exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool negative = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i)
      exponent = std::min(cap, exponent * 10 + (text[i] - '0'));
    if (negative) exponent = -exponent;
  }
  while (!v.digits.empty() && v.digits.back() == '0')
    v.digits.pop_back();
  if (v.digits.empty()) return {};
  v.exponent = point + exponent;
  return v;
}

// True when the double nlohmann read from `text` is exactly the decimal the text wrote, so
// that the shortest decimal that reads back as it (which the readers use) is that text:
// "0.1" and "1e300" are, "89.99999999999999999" (read as 90) is not.
bool exact_double(double d, std::string_view text) {
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, d);
  return res.ec == std::errc{} &&
         decimal_of(std::string_view(buf, std::size_t(res.ptr - buf))) == decimal_of(text);
}

// Builds the DOM from nlohmann's SAX events in one pass: containers nested deeper than the
// limit, duplicate keys and numbers that a double does not hold exactly are refused as they
// are met, each with its JSON path. (nlohmann's parse callback, used before, rescans the
// parent container after every element: quadratic in a long array.)
class dom_builder {
public:
  using number_integer_t = json::number_integer_t;
  using number_unsigned_t = json::number_unsigned_t;
  using number_float_t = json::number_float_t;
  using string_t = json::string_t;
  using binary_t = json::binary_t;

  dom_builder(std::string base, int max_depth, detail::parse_work &work)
      : base_(std::move(base)), max_depth_(max_depth), work_(work) {}

  json result() { return std::move(root_); }

  bool null() { return add(nullptr) != nullptr; }
  bool boolean(bool v) { return add(v) != nullptr; }
  bool number_integer(number_integer_t v) { return add(v) != nullptr; }
  bool number_unsigned(number_unsigned_t v) { return add(v) != nullptr; }
  bool number_float(number_float_t v, const string_t &text) {
    if (!exact_double(v, text)) {
      const std::string shown =
          text.size() <= 40
              ? text
              : text.substr(0, 32) + "… (" + std::to_string(text.size()) + " characters)";
      throw error(errc::invalid_input, path_of_next(),
                  "number " + shown +
                      " has more digits than pmq reads exactly (write at most 15 significant "
                      "digits)");
    }
    return add(v) != nullptr;
  }
  bool string(string_t &v) { return add(std::move(v)) != nullptr; }
  bool binary(binary_t &) { return false; } // never produced by JSON text

  bool start_object(std::size_t) { return open(json::value_t::object); }
  bool start_array(std::size_t) { return open(json::value_t::array); }
  bool end_object() {
    frames_.pop_back();
    return true;
  }
  bool end_array() {
    frames_.pop_back();
    return true;
  }

  bool key(string_t &k) {
    ++work_.keys;
    auto &object = frames_.back().value->get_ref<json::object_t &>();
    object.emplace_back(std::move(k), nullptr);
    if (!frames_.back().keys.insert(object.size() - 1).second) {
      const std::string name = object.back().first;
      object.pop_back();
      throw error(errc::invalid_input, join_path(path_of_open(), name),
                  "duplicate key: \"" + name + "\" appears more than once in this object");
    }
    return true;
  }

  bool parse_error(std::size_t position, const std::string &last_token,
                   const nlohmann::detail::exception &e) {
    // Handed on as itself, so parse_json can say it in pmq's words with line and column.
    if (const auto *pe = dynamic_cast<const json::parse_error *>(&e)) throw *pe;
    throw number_out_of_range{position, last_token}; // nlohmann's out_of_range.406
  }

private:
  // The keys of one object, as indices into it; lookups hash the key text. Linear overall.
  struct key_hash {
    const json::object_t *object;
    std::size_t operator()(std::size_t i) const {
      return std::hash<std::string>{}(object->data()[i].first);
    }
  };
  struct key_equal {
    const json::object_t *object;
    std::size_t *comparisons;
    bool operator()(std::size_t a, std::size_t b) const {
      ++*comparisons;
      return object->data()[a].first == object->data()[b].first;
    }
  };
  struct frame {
    json *value;
    std::unordered_set<std::size_t, key_hash, key_equal> keys;
  };

  // Stores v where the next value goes; returns it (a container then gets a frame).
  template <class V> json *add(V &&v) {
    ++work_.values;
    if (frames_.empty()) {
      root_ = json(std::forward<V>(v));
      return &root_;
    }
    json &parent = *frames_.back().value;
    if (parent.is_array()) {
      auto &array = parent.get_ref<json::array_t &>();
      array.emplace_back(std::forward<V>(v));
      return &array.back();
    }
    auto &slot = parent.get_ref<json::object_t &>().back().second; // key() made it
    slot = json(std::forward<V>(v));
    return &slot;
  }

  bool open(json::value_t type) {
    if (int(frames_.size()) >= max_depth_)
      throw error(errc::parse, path_of_next(),
                  "JSON nested deeper than " + std::to_string(max_depth_) + " levels");
    json *value = add(type);
    const auto *object = value->is_object() ? &value->get_ref<const json::object_t &>() : nullptr;
    frames_.push_back(
        frame{value, decltype(frame::keys)(0, key_hash{object},
                                           key_equal{object, &work_.key_comparisons})});
    return true;
  }

  // The path of the innermost open container.
  std::string path_of_open() const {
    std::string path = base_;
    for (std::size_t i = 0; i + 1 < frames_.size();
         ++i) // frames_[i]'s last member is frames_[i + 1]
      path = step(path, *frames_[i].value);
    return path;
  }
  // The path of the value about to be stored.
  std::string path_of_next() const {
    if (frames_.empty()) return base_;
    const json &parent = *frames_.back().value;
    if (parent.is_array()) return join_path(path_of_open(), parent.size());
    return step(path_of_open(), parent);
  }
  // `path` followed by the last member of `container` (an array index or an object key).
  static std::string step(const std::string &path, const json &container) {
    if (container.is_array()) return join_path(path, container.size() - 1);
    return join_path(path, container.get_ref<const json::object_t &>().back().first);
  }

  std::string base_;
  int max_depth_;
  detail::parse_work &work_;
  json root_;
  std::vector<frame> frames_;
};

} // namespace

namespace detail {
json parse_json_counting(std::string_view text, const std::string &base_path, int max_depth,
                         parse_work &work) {
  dom_builder builder(base_path, max_depth, work);
  try {
    json::sax_parse(text.begin(), text.end(), &builder);
  } catch (const json::exception &e) {
    throw error(errc::parse, "", parse_message(text, e));
  } catch (const number_out_of_range &n) {
    throw error(
        errc::parse, "",
        "not valid JSON at " +
            line_column(text, n.position >= n.token.size() ? n.position - n.token.size() : 0) +
            ": the number " + n.token.substr(0, 40) + " is beyond any double");
  }
  return builder.result();
}
} // namespace detail

json parse_json(std::string_view text, const std::string &base_path, int max_depth) {
  detail::parse_work work;
  return detail::parse_json_counting(text, base_path, max_depth, work);
}

json parse_json(std::string_view text, int max_depth) { return parse_json(text, "", max_depth); }

std::string json_path::str() const {
  if (base_) return *base_;
  std::string p = parent_ ? parent_->str() : std::string();
  if (index_ != std::size_t(-1)) return join_path(p, index_);
  return join_path(p, std::string(member_));
}

namespace detail {
bool split_json_array(std::string_view text, std::vector<std::string_view> &elements) {
  elements.clear();
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n && space(text[i]))
    ++i;
  if (i == n || text[i] != '[') return false;
  ++i;
  bool first = true;
  for (;;) {
    while (i < n && space(text[i]))
      ++i;
    if (i == n) return false;
    if (text[i] == ']') {
      ++i;
      break;
    }
    if (!first) {
      if (text[i] != ',') return false;
      ++i;
      while (i < n && space(text[i]))
        ++i;
    }
    first = false;
    // One element: up to the comma or bracket that closes it at depth 0, strings skipped.
    const std::size_t start = i;
    int depth = 0;
    for (; i < n; ++i) {
      const char c = text[i];
      if (c == '"') {
        for (++i; i < n && text[i] != '"'; ++i)
          if (text[i] == '\\') ++i;
        if (i >= n) return false;
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        if (depth == 0) break;
        --depth;
      } else if (c == ',' && depth == 0) {
        break;
      }
    }
    if (i >= n || depth != 0) return false;
    std::size_t end = i;
    while (end > start && space(text[end - 1]))
      --end;
    if (end == start) return false;
    elements.push_back(text.substr(start, end - start));
  }
  while (i < n && space(text[i]))
    ++i;
  return i == n;
}
} // namespace detail

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

void read(const json &j, std::string &out, const json_path &path, problem_list &problems) {
  if (!j.is_string()) {
    problems.add(path, std::string("expected a string, got ") + type_name(j));
    return;
  }
  out = j.get<std::string>();
}

void read(const json &j, bool &out, const json_path &path, problem_list &problems) {
  if (!j.is_boolean()) {
    problems.add(path, std::string("expected true or false, got ") + type_name(j));
    return;
  }
  out = j.get<bool>();
}

void read_integer(const json &j, std::int64_t &out, std::int64_t lo, std::int64_t hi,
                  const json_path &path, problem_list &problems) {
  const auto range = [&] { // built only for a problem
    return "an integer from " + std::to_string(lo) + " to " + std::to_string(hi);
  };
  if (j.is_number_unsigned()) {
    const auto v = j.get<std::uint64_t>();
    if (v > static_cast<std::uint64_t>(hi)) {
      problems.add(path, "out of range (expected " + range() + ")");
      return;
    }
    out = static_cast<std::int64_t>(v);
  } else if (j.is_number_integer()) {
    const auto v = j.get<std::int64_t>();
    if (v < lo || v > hi) {
      problems.add(path, "out of range (expected " + range() + ")");
      return;
    }
    out = v;
  } else {
    problems.add(path, "expected " + range() + ", got " + type_name(j));
  }
}

namespace {
// The text of a JSON number held as a double: the shortest decimal that reads back as it,
// which is what the JSON text said (for up to 15 significant digits), so "0.1" becomes
// exactly 100 thousandths. Not finite: a problem, and nothing.
std::optional<std::string> decimal_text(const json &j, const json_path &path,
                                        problem_list &problems) {
  const double d = j.get<double>();
  if (!std::isfinite(d)) {
    problems.add(path, "expected a finite number");
    return std::nullopt;
  }
  char buf[400]; // a finite double in fixed notation needs at most 330 characters
  const auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
  return std::string(buf, res.ptr);
}

// A JSON number as an exact fixed-point value of type T (points, money).
template <class T, class Parse>
void read_fixed(const json &j, T &out, const json_path &path, problem_list &problems, Parse parse) {
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
  const auto text = decimal_text(j, path, problems);
  if (!text) return;
  const auto parsed = parse(*text);
  if (!parsed) {
    problems.add(path, "number " + *text + " has more than " + std::to_string(T::decimals) +
                           " decimals or is too large");
    return;
  }
  out = *parsed;
}
} // namespace

void read(const json &j, points &out, const json_path &path, problem_list &problems) {
  read_fixed(j, out, path, problems, [](std::string_view s) { return points::parse(s); });
}

void read(const json &j, money &out, const json_path &path, problem_list &problems) {
  read_fixed(j, out, path, problems, [](std::string_view s) { return money::parse(s); });
}

void read(const json &j, fraction &out, const json_path &path, problem_list &problems) {
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
    const auto text = decimal_text(j, path, problems);
    if (!text) return;
    parsed = parse_fraction(*text, 400);
  } else if (j.is_string()) {
    parsed = parse_fraction(j.get_ref<const std::string &>());
  } else {
    problems.add(path,
                 std::string("expected a number or an exact value such as \"26999/300\", got ") +
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

namespace {
// A value written as a string and read by `parse` (a date, a time, a month).
template <class T, class Parse>
void read_parsed(const json &j, T &out, const json_path &path, problem_list &problems,
                 const char *expected, Parse parse, const char *what) {
  if (!j.is_string()) {
    problems.add(path, std::string("expected ") + expected + ", got " + type_name(j));
    return;
  }
  const auto v = parse(j.get_ref<const std::string &>());
  if (!v) {
    problems.add(path, quoted(j) + " is not a valid " + what);
    return;
  }
  out = *v;
}
} // namespace

void read(const json &j, date &out, const json_path &path, problem_list &problems) {
  read_parsed(j, out, path, problems, "a date \"YYYY-MM-DD\"", parse_date,
              "date (expected YYYY-MM-DD, years 1400-9999)");
}

void read(const json &j, timestamp &out, const json_path &path, problem_list &problems) {
  read_parsed(j, out, path, problems, "a time \"YYYY-MM-DDThh:mm+08:00\"", parse_timestamp,
              "time (expected YYYY-MM-DDThh:mm[:ss] with a UTC offset such as +08:00 or Z; "
              "offsets run from -12:00 to +14:00 in quarter hours)");
}

void read(const json &j, year_month &out, const json_path &path, problem_list &problems) {
  read_parsed(j, out, path, problems, "a month \"YYYY-MM\"", parse_year_month,
              "month (expected YYYY-MM, years 1400-9999)");
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

void append_escaped(std::string &out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  std::size_t from = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + from, i - from);
    from = i + 1;
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\b':
      out += "\\b";
      break;
    case '\f':
      out += "\\f";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    default: // as nlohmann writes the other control characters
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  out.append(s.data() + from, s.size() - from);
  out += '"';
}

namespace {
// A fixed-point value as json::dump writes the double write() stores: its shortest decimal,
// which is the exact decimal while the value is far inside a double's 53 bits.
void append_fixed(std::string &out, std::int64_t units, std::int64_t scale, int places) {
  if (units % scale == 0) {
    out += std::to_string(units / scale);
    return;
  }
  constexpr std::int64_t exact_limit = std::int64_t(1) << 50;
  if (units > exact_limit || units < -exact_limit) {
    out += json(static_cast<double>(units) / double(scale)).dump();
    return;
  }
  const bool negative = units < 0;
  const std::uint64_t mag =
      negative ? std::uint64_t(0) - std::uint64_t(units) : std::uint64_t(units);
  std::string frac = std::to_string(mag % std::uint64_t(scale));
  frac.insert(0, std::size_t(places) - frac.size(), '0');
  while (frac.back() == '0')
    frac.pop_back();
  if (negative) out += '-';
  out += std::to_string(mag / std::uint64_t(scale));
  out += '.';
  out += frac;
}
} // namespace

void write_text(std::string &out, points v) { append_fixed(out, v.milli(), points::scale, 3); }
void write_text(std::string &out, money v) { append_fixed(out, v.fen(), money::scale, 2); }
void write_text(std::string &out, const fraction &v) { append_escaped(out, to_string(v)); }
void write_text(std::string &out, const date &v) { append_escaped(out, format_date(v)); }
void write_text(std::string &out, const timestamp &v) { append_escaped(out, format_timestamp(v)); }
void write_text(std::string &out, const year_month &v) {
  append_escaped(out, format_year_month(v));
}

} // namespace json_io
} // namespace pmq
