// JSON serialisation, written once for every domain type.
//
// Domain types are plain structs and enums described with Boost.Describe; this header
// turns any of them into JSON and back with nlohmann/json. Reading is strict and
// collects every problem with its JSON path: a missing required field, a field of the
// wrong type, an unknown field (a typo such as "max_socre" is an error, not ignored), an
// enum name that does not exist, a number with more decimals than pmq holds exactly.
//
// A member may be absent from the JSON when its type is std::optional<T>, or when the
// struct names it in `static constexpr std::array<std::string_view, N> json_defaulted`;
// it then keeps its default value. A std::map<std::string, T> is a JSON object whose
// members are read and written as T, each at `base.key`.
#pragma once

#include "pmq/datetime.hpp"
#include "pmq/error.hpp"
#include "pmq/numeric.hpp"

#include <boost/describe.hpp>
#include <boost/mp11/algorithm.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace pmq {

/// pmq's JSON value type: objects keep their members in the order written.
using json = nlohmann::ordered_json;

/// Parses UTF-8 JSON text in time linear in its size. Throws pmq::error(errc::parse) naming
/// the byte offset of the first error; nesting deeper than `max_depth` containers is refused
/// before it can exhaust the stack. Throws pmq::error(errc::invalid_input) with the JSON path
/// for a key that appears twice in one object (RFC 8259 leaves the meaning open; pmq does not
/// guess) and for a number whose text a double does not hold exactly ("89.99999999999999999"
/// would be read as 90: pmq never rounds input silently).
json parse_json(std::string_view text, int max_depth = 64);
/// The same for a document that sits at `base_path` of a request: paths start there.
json parse_json(std::string_view text, const std::string &base_path, int max_depth = 64);

namespace detail {
/// The work parse_json does, counted for the linear-time test: values stored, keys read and
/// key comparisons made by the duplicate-key check (one hash probe per key, not a rescan).
struct parse_work {
  std::size_t values = 0;
  std::size_t keys = 0;
  std::size_t key_comparisons = 0;
};
json parse_json_counting(std::string_view text, const std::string &base_path, int max_depth,
                         parse_work &work);
/// The elements of a JSON array, as views into `text`, found by bracket and string
/// matching only (each element is parsed, and so checked, later). False when `text` is not
/// plainly an array of values: the caller then parses it whole and reports what is wrong.
bool split_json_array(std::string_view text, std::vector<std::string_view> &elements);
} // namespace detail

/// A JSON path built only when a problem names it: reading a valid document builds none. A
/// chain of (parent, member or index) on the stack of the reading calls; converts to the
/// path string join_path would give. Made implicitly from a path string (a base path).
class json_path {
public:
  json_path(const std::string &base) : base_(&base) {} // NOLINT: implicit by design
  json_path(const json_path &parent, std::string_view member) : parent_(&parent), member_(member) {}
  json_path(const json_path &parent, std::size_t index) : parent_(&parent), index_(index) {}
  json_path(const json_path &) = delete;
  json_path &operator=(const json_path &) = delete;

  std::string str() const;
  operator std::string() const { return str(); } // NOLINT: implicit by design

private:
  const json_path *parent_ = nullptr;
  const std::string *base_ = nullptr;
  std::string_view member_;
  std::size_t index_ = std::size_t(-1);
};

namespace json_io {

template <class T> struct is_optional : std::false_type {};
template <class T> struct is_optional<std::optional<T>> : std::true_type {};
template <class T> struct is_vector : std::false_type {};
template <class T, class A> struct is_vector<std::vector<T, A>> : std::true_type {};
template <class T> struct is_map : std::false_type {};
template <class T, class C, class A>
struct is_map<std::map<std::string, T, C, A>> : std::true_type {};

const char *type_name(const json &j);

template <class T> constexpr bool defaulted_member(std::string_view name) {
  if constexpr (requires { T::json_defaulted; }) {
    for (auto n : T::json_defaulted)
      if (n == name) return true;
  }
  return false;
}

template <class T>
concept described_struct = boost::describe::has_describe_members<T>::value;

// Every overload is declared before any is defined, so that the templates find each
// other whatever order the types nest in.
template <class T>
requires std::is_integral_v<T> &&
    (!std::is_same_v<T, bool>)void read(const json &j, T &out, const json_path &path,
                                        problem_list &problems);
template <class E>
requires std::is_enum_v<E>
void read(const json &j, E &out, const json_path &path, problem_list &problems);
template <class T>
void read(const json &j, std::optional<T> &out, const json_path &path, problem_list &problems);
template <class T, class A>
void read(const json &j, std::vector<T, A> &out, const json_path &path, problem_list &problems);
template <class T, class C, class A>
void read(const json &j, std::map<std::string, T, C, A> &out, const json_path &path,
          problem_list &problems);
template <described_struct T>
void read(const json &j, T &out, const json_path &path, problem_list &problems);
template <class T>
requires std::is_integral_v<T> &&(!std::is_same_v<T, bool>)void write(json &j, T v);
template <class E>
requires std::is_enum_v<E>
void write(json &j, E v);
template <class T> void write(json &j, const std::optional<T> &v);
template <class T, class A> void write(json &j, const std::vector<T, A> &v);
template <class T, class C, class A> void write(json &j, const std::map<std::string, T, C, A> &v);
template <described_struct T> void write(json &j, const T &v);

// --- reading -------------------------------------------------------------------------

void read(const json &j, std::string &out, const json_path &path, problem_list &problems);
void read(const json &j, bool &out, const json_path &path, problem_list &problems);
void read(const json &j, points &out, const json_path &path, problem_list &problems);
void read(const json &j, money &out, const json_path &path, problem_list &problems);
/// An exact value: a JSON number (read exactly as written) or a string holding a decimal of
/// any precision ("89.9967") or a fraction ("26999/300").
void read(const json &j, fraction &out, const json_path &path, problem_list &problems);
void read(const json &j, date &out, const json_path &path, problem_list &problems);
void read(const json &j, timestamp &out, const json_path &path, problem_list &problems);
void read(const json &j, year_month &out, const json_path &path, problem_list &problems);
void read_integer(const json &j, std::int64_t &out, std::int64_t lo, std::int64_t hi,
                  const json_path &path, problem_list &problems);

template <class T>
requires std::is_integral_v<T> &&
    (!std::is_same_v<T, bool>)void read(const json &j, T &out, const json_path &path,
                                        problem_list &problems) {
  std::int64_t v = 0;
  constexpr auto hi = std::numeric_limits<T>::max() > std::numeric_limits<std::int64_t>::max()
                          ? std::numeric_limits<std::int64_t>::max()
                          : static_cast<std::int64_t>(std::numeric_limits<T>::max());
  read_integer(j, v, static_cast<std::int64_t>(std::numeric_limits<T>::min()), hi, path, problems);
  out = static_cast<T>(v);
}

template <class E>
requires std::is_enum_v<E>
void read(const json &j, E &out, const json_path &path, problem_list &problems) {
  if (!j.is_string()) {
    problems.add(path, std::string("expected a string, got ") + type_name(j));
    return;
  }
  const auto &s = j.get_ref<const std::string &>();
  bool found = false;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) {
    if (!found && s == d.name) {
      out = d.value;
      found = true;
    }
  });
  if (found) return;
  std::string names; // the choices, listed only for a problem
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) {
    names += names.empty() ? "" : ", ";
    names += d.name;
  });
  problems.add(path, "unknown value \"" + s + "\" (expected one of: " + names + ")");
}

template <class T>
void read(const json &j, std::optional<T> &out, const json_path &path, problem_list &problems) {
  if (j.is_null()) {
    out.reset();
    return;
  }
  T value{};
  const auto before = problems.items().size();
  read(j, value, path, problems);
  if (problems.items().size() == before) out = std::move(value);
}

template <class T, class A>
void read(const json &j, std::vector<T, A> &out, const json_path &path, problem_list &problems) {
  if (!j.is_array()) {
    problems.add(path, std::string("expected an array, got ") + type_name(j));
    return;
  }
  out.clear();
  out.resize(j.size());
  for (std::size_t i = 0; i < j.size(); ++i)
    read(j[i], out[i], json_path(path, i), problems);
}

template <class T, class C, class A>
void read(const json &j, std::map<std::string, T, C, A> &out, const json_path &path,
          problem_list &problems) {
  if (!j.is_object()) {
    problems.add(path, std::string("expected an object, got ") + type_name(j));
    return;
  }
  out.clear();
  for (const auto &[key, value] : j.items()) {
    T element{};
    read(value, element, json_path(path, key), problems);
    out.insert_or_assign(key, std::move(element));
  }
}

template <described_struct T>
void read(const json &j, T &out, const json_path &path, problem_list &problems) {
  using Members = boost::describe::describe_members<T, boost::describe::mod_public>;
  if (!j.is_object()) {
    problems.add(path, std::string("expected an object, got ") + type_name(j));
    return;
  }
  boost::mp11::mp_for_each<Members>([&](auto d) {
    using M = std::remove_cvref_t<decltype(out.*d.pointer)>;
    const auto it = j.find(d.name);
    if (it == j.end()) {
      if (!is_optional<M>::value && !defaulted_member<T>(d.name))
        problems.add(json_path(path, d.name), "missing required field");
      return;
    }
    read(*it, out.*d.pointer, json_path(path, d.name), problems);
  });
  // Not a structured binding: clang 14 cannot capture one in the lambda below.
  for (const auto &member : j.items()) {
    const std::string &key = member.key();
    bool known = false;
    boost::mp11::mp_for_each<Members>([&](auto d) { known = known || key == d.name; });
    if (!known) problems.add(json_path(path, key), "unknown field");
  }
}

// --- writing -------------------------------------------------------------------------

inline void write(json &j, const std::string &v) { j = v; }
inline void write(json &j, bool v) { j = v; }
void write(json &j, points v);
void write(json &j, money v);
/// An exact value is written as a string in lowest terms: "26999/300", "95".
void write(json &j, const fraction &v);
void write(json &j, const date &v);
void write(json &j, const timestamp &v);
void write(json &j, const year_month &v);

template <class T>
requires std::is_integral_v<T> &&(!std::is_same_v<T, bool>)void write(json &j, T v) { j = v; }

template <class E>
requires std::is_enum_v<E>
void write(json &j, E v) {
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) {
    if (v == d.value) j = d.name;
  });
}

template <class T> void write(json &j, const std::optional<T> &v) {
  if (v)
    write(j, *v);
  else
    j = nullptr;
}

template <class T, class A> void write(json &j, const std::vector<T, A> &v) {
  j = json::array();
  j.get_ref<json::array_t &>().reserve(v.size());
  for (const auto &e : v) {
    json item;
    write(item, e);
    j.push_back(std::move(item));
  }
}

template <class T, class C, class A> void write(json &j, const std::map<std::string, T, C, A> &v) {
  j = json::object();
  // Map keys are unique, so append directly instead of searching the ordered map.
  auto &object = j.get_ref<json::object_t &>();
  object.reserve(v.size());
  for (const auto &[key, element] : v) {
    json value;
    write(value, element);
    object.emplace_back(key, std::move(value));
  }
}

template <described_struct T> void write(json &j, const T &v) {
  using Members = boost::describe::describe_members<T, boost::describe::mod_public>;
  j = json::object();
  // Member names are unique, so append directly instead of searching the ordered map.
  auto &object = j.get_ref<json::object_t &>();
  object.reserve(boost::mp11::mp_size<Members>::value);
  boost::mp11::mp_for_each<Members>([&](auto d) {
    const auto &member = v.*d.pointer;
    using M = std::remove_cvref_t<decltype(member)>;
    if constexpr (is_optional<M>::value) {
      if (!member) return; // absent rather than null
    } else if constexpr (is_vector<M>::value || is_map<M>::value) {
      if (member.empty() && defaulted_member<T>(d.name)) return; // as it may be read back
    }
    json value;
    write(value, member);
    object.emplace_back(d.name, std::move(value));
  });
}

// --- writing straight into text ----------------------------------------------------------
// The text write() and then json::dump() give, appended to one string without a DOM: no
// node per value, and strings escaped only where they hold '"', '\\' or a control character.

void append_escaped(std::string &out, std::string_view s);
void write_text(std::string &out, points v);
void write_text(std::string &out, money v);
void write_text(std::string &out, const fraction &v);
void write_text(std::string &out, const date &v);
void write_text(std::string &out, const timestamp &v);
void write_text(std::string &out, const year_month &v);
inline void write_text(std::string &out, const std::string &v) { append_escaped(out, v); }
inline void write_text(std::string &out, bool v) { out += v ? "true" : "false"; }
template <class T>
requires std::is_integral_v<T> &&(!std::is_same_v<T, bool>)void write_text(std::string &out, T v) {
  out += std::to_string(v);
}
template <class E>
requires std::is_enum_v<E>
void write_text(std::string &out, E v);
template <class T> void write_text(std::string &out, const std::optional<T> &v);
template <class T, class A> void write_text(std::string &out, const std::vector<T, A> &v);
template <class T, class C, class A>
void write_text(std::string &out, const std::map<std::string, T, C, A> &v);
template <described_struct T> void write_text(std::string &out, const T &v);
/// A type with its own write() into a DOM and no write_text: through that DOM, dumped.
template <class T>
requires(!described_struct<T> && !std::is_arithmetic_v<T> && !std::is_enum_v<T> &&
         !is_optional<T>::value && !is_vector<T>::value &&
         !is_map<T>::value) void write_text(std::string &out, const T &v) {
  json j;
  write(j, v);
  out += j.dump();
}

template <class E>
requires std::is_enum_v<E>
void write_text(std::string &out, E v) {
  bool found = false;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) {
    if (!found && v == d.value) {
      append_escaped(out, d.name);
      found = true;
    }
  });
  if (!found) out += "null";
}

template <class T> void write_text(std::string &out, const std::optional<T> &v) {
  if (v)
    write_text(out, *v);
  else
    out += "null";
}

template <class T, class A> void write_text(std::string &out, const std::vector<T, A> &v) {
  out += '[';
  for (std::size_t k = 0; k < v.size(); ++k) {
    if (k) out += ',';
    write_text(out, v[k]);
  }
  out += ']';
}

template <class T, class C, class A>
void write_text(std::string &out, const std::map<std::string, T, C, A> &v) {
  out += '{';
  bool first = true;
  for (const auto &[key, element] : v) {
    if (!first) out += ',';
    first = false;
    append_escaped(out, key);
    out += ':';
    write_text(out, element);
  }
  out += '}';
}

template <described_struct T> void write_text(std::string &out, const T &v) {
  using Members = boost::describe::describe_members<T, boost::describe::mod_public>;
  out += '{';
  bool first = true;
  boost::mp11::mp_for_each<Members>([&](auto d) {
    const auto &member = v.*d.pointer;
    using M = std::remove_cvref_t<decltype(member)>;
    if constexpr (is_optional<M>::value) {
      if (!member) return; // absent rather than null
    } else if constexpr (is_vector<M>::value || is_map<M>::value) {
      if (member.empty() && defaulted_member<T>(d.name)) return; // as it may be read back
    }
    if (!first) out += ',';
    first = false;
    out += '"';
    out += d.name; // member names are identifiers: nothing to escape
    out += "\":";
    write_text(out, member);
  });
  out += '}';
}

} // namespace json_io

/// The compact JSON text of a described value, as to_json_value(v).dump() writes it, written
/// straight into one string (no DOM).
template <class T> std::string to_json_text(const T &v) {
  std::string out;
  json_io::write_text(out, v);
  return out;
}

/// Reads a described type from a JSON value; throws pmq::error(errc::invalid_input)
/// listing every problem, each under `path`.
template <class T> T from_json_value(const json &j, const std::string &path = "") {
  T out{};
  problem_list problems;
  json_io::read(j, out, path, problems);
  problems.throw_if_any();
  return out;
}

/// Reads a described type from JSON text.
template <class T> T from_json_text(std::string_view text) {
  return from_json_value<T>(parse_json(text));
}

/// Writes a described type as a JSON value.
template <class T> json to_json_value(const T &v) {
  json j;
  json_io::write(j, v);
  return j;
}

} // namespace pmq
