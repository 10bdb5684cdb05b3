// KPI definitions as data: inputs, constraints, the expression, the catalogue, counts as JSON.
#include "kpi_detail.hpp"
#include "loading.hpp"
#include "presets.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

namespace pmq {

using namespace kpi_detail;

namespace {
bool is_identifier(const std::string &s) {
  if (s.empty()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool alpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    if (!alpha && !(i > 0 && c >= '0' && c <= '9')) return false;
  }
  return true;
}

// An exact value as a decimal when it has one of at most 18 places ("1.5"), else "n/d".
std::string decimal_text(const fraction &v) {
  for (int places = 0; places <= 18; ++places)
    if (round_half_up(v, places) == v) return render(v, places);
  return exact::to_string(v);
}

// True when v is a whole number of 10^-places.
bool has_places(const fraction &v, int places) { return round_half_up(v, places) == v; }
} // namespace

kpi::kpi(kpi_definition def, const std::string &path)
    : def_(std::move(def)), expr_(expression::parse("0")) {
  problem_list problems;
  if (def_.id.empty()) problems.add(join_path(path, "id"), "must not be empty");
  if (def_.name.empty()) problems.add(join_path(path, "name"), "must not be empty");
  if (def_.places < 0 || def_.places > 6)
    problems.add(join_path(path, "places"), "must be 0..6, got " + std::to_string(def_.places));
  std::vector<std::string> names;
  for (std::size_t i = 0; i < def_.inputs.size(); ++i) {
    const auto &in = def_.inputs[i];
    const auto ip = join_path(join_path(path, "inputs"), i);
    if (!is_identifier(in.name))
      problems.add(join_path(ip, "name"),
                   "\"" + in.name + "\" is not a name ([A-Za-z_][A-Za-z0-9_]*)");
    else if (std::find(names.begin(), names.end(), in.name) != names.end())
      problems.add(join_path(ip, "name"), "duplicate input \"" + in.name + "\"");
    else if (in.name == "min" || in.name == "max" || in.name == "if")
      problems.add(join_path(ip, "name"), "\"" + in.name + "\" is a function name");
    names.push_back(in.name);
  }
  try {
    expr_ = expression::parse(def_.expression, &names, join_path(path, "expression"));
  } catch (const error &e) {
    add_all(problems, e);
  }
  if (def_.longer_periods == longer_period_rule::scale && def_.target.unit != kpi_unit::count &&
      def_.target.unit != kpi_unit::times_per_period)
    problems.add(join_path(path, "longer_periods"),
                 "\"scale\" multiplies a count's threshold by the months; a " +
                     enum_name(def_.target.unit) +
                     " target is recomputed over the period (\"recompute\") instead");
  for (std::size_t i = 0; i < def_.constraints.size(); ++i) {
    const auto &c = def_.constraints[i];
    const auto cp = join_path(join_path(path, "constraints"), i);
    if (std::find(names.begin(), names.end(), c.field) == names.end())
      problems.add(join_path(cp, "field"), "\"" + c.field + "\" is not an input");
    try {
      bounds_.push_back(expression::parse(c.at_most, &names, join_path(cp, "at_most")));
    } catch (const error &e) {
      add_all(problems, e);
    }
  }
  problems.throw_if_any();
}

kpi kpi::from_json(const json &definition) {
  return read_then<kpi_definition>(definition, [](const kpi_definition &d) { return kpi(d); });
}

namespace {
// Why `v` is not a value of an input of kind `k` (nullptr when it is): a count is whole
// (1.5 complaints is an error, R-KPI-1 … R-KPI-13 count things), money is exact to the fen,
// areas and hours have at most 6 decimals.
const char *kind_problem(quantity_kind k, const fraction &v) {
  switch (k) {
  case quantity_kind::count:
    return denominator(v) == 1 ? nullptr : "must be a whole number (a count)";
  case quantity_kind::money:
    return has_places(v, money::decimals) ? nullptr
                                          : "must be an amount exact to the fen (at most 2 "
                                            "decimals)";
  case quantity_kind::area:
  case quantity_kind::hours:
    return has_places(v, 6) ? nullptr : "must have at most 6 decimals";
  }
  return nullptr;
}
} // namespace

void kpi::check_counts(const quantities &counts, const std::string &path,
                       problem_list &problems) const {
  std::string expected;
  for (const auto &in : def_.inputs)
    expected += (expected.empty() ? "" : ", ") + in.name;
  // Not a structured binding: clang 14 cannot capture one in the lambda below.
  for (const auto &count : counts) {
    const std::string &name = count.first;
    const bool known = std::any_of(def_.inputs.begin(), def_.inputs.end(),
                                   [&](const kpi_input &in) { return in.name == name; });
    if (!known)
      problems.add(join_path(path, name),
                   "unknown count for KPI \"" + def_.id + "\" (expected: " + expected + ")");
  }
  bool complete = true;
  for (const auto &in : def_.inputs) {
    const auto it = counts.find(in.name);
    if (it == counts.end()) {
      problems.add(join_path(path, in.name), "missing count (" + in.description + ")");
      complete = false;
    } else if (it->second < 0) {
      problems.add(join_path(path, in.name),
                   "must not be negative, got " + decimal_text(it->second));
      complete = false;
    } else if (const char *wrong = kind_problem(in.kind, it->second)) {
      problems.add(join_path(path, in.name), wrong + (", got " + decimal_text(it->second)));
      complete = false;
    }
  }
  if (!complete) return;
  for (std::size_t i = 0; i < bounds_.size(); ++i) {
    const auto &c = def_.constraints[i];
    const rate bound = bounds_[i].evaluate(counts, path);
    const fraction v = counts.find(c.field)->second;
    if (bound && v > bound.value())
      problems.add(join_path(path, c.field), exact::to_string(v) + " is more than " + c.at_most +
                                                 " (" + exact::to_string(bound.value()) + ")");
  }
}

kpi_result kpi::evaluate(const quantities &counts, const std::string &path,
                         const std::optional<target_spec> &target) const {
  problem_list problems;
  check_counts(counts, path, problems);
  problems.throw_if_any();
  kpi_result out;
  out.id = def_.id;
  out.actual = expr_.evaluate(counts, path, def_.no_data_reason.value_or(""));
  out.target = target ? *target : def_.target;
  out.result = evaluate_target(out.target, out.actual);
  out.places = def_.places;
  return out;
}

namespace {
struct catalogue_file {
  std::string kind;
  std::string version;
  std::string source;
  std::vector<kpi_definition> kpis;
};
BOOST_DESCRIBE_STRUCT(catalogue_file, (), (kind, version, source, kpis))
} // namespace

const std::vector<kpi_definition> &kpi_catalogue() {
  static const std::vector<kpi_definition> all = [] {
    for (const auto &[name, text] : presets::all()) {
      if (name != "kpi_catalogue") continue;
      auto file = from_json_value<catalogue_file>(parse_json(text));
      for (std::size_t i = 0; i < file.kpis.size(); ++i)
        kpi(file.kpis[i], join_path("kpis", i)); // a broken preset fails loudly, in tests
      return file.kpis;
    }
    throw error(errc::internal, "", "the KPI catalogue preset is missing");
  }();
  return all;
}

const kpi_definition &catalogue_kpi(std::string_view id) {
  const auto &all = kpi_catalogue();
  for (const auto &k : all)
    if (k.id == id) return k;
  for (const auto &k : all)
    if (k.rule && *k.rule == id) return k;
  throw error(errc::invalid_argument, "", "no KPI \"" + std::string(id) + "\" in the catalogue");
}

namespace {
// The exact value of a JSON number that is not an integer. nlohmann keeps such a number
// only as a double, so its text is what the shortest decimal reading back as that double
// says — which is exactly what was written when that decimal has at most 15 significant
// digits (every such decimal survives a double). A longer one may be a rounding of the text
// (5191955096804367.22 reads back as 5191955096804367): an error, never a silent rounding.
// (When parse_json keeps the raw number text, this is the one place to read it instead.)
std::optional<fraction> exact_json_number(double d, std::string &problem) {
  char buf[64];
  const auto res = std::isfinite(d) ? std::to_chars(buf, buf + sizeof buf, d)
                                    : std::to_chars_result{buf, std::errc::invalid_argument};
  if (res.ec != std::errc{}) {
    problem = "expected a finite number";
    return std::nullopt;
  }
  const std::string_view shortest(buf, std::size_t(res.ptr - buf));
  // shortest is "123.45", "-0.001", "1e+20" or "5e-07": its digits before any exponent.
  std::size_t significant = 0;
  bool leading = true;
  for (char c : shortest.substr(0, shortest.find('e'))) {
    if (c < '0' || c > '9') continue;
    if (leading && c == '0') continue;
    leading = false;
    ++significant;
  }
  const auto back = [&] { return std::string(shortest); };
  if (significant > 15) {
    problem = "a JSON number of more than 15 significant digits is not read exactly (this one "
              "reads as " +
              back() + "): write at most 15";
    return std::nullopt;
  }
  // Fixed notation of the same double: the exact decimal now that it has ≤ 15 digits.
  char fixed[400];
  const auto fr = std::to_chars(fixed, fixed + sizeof fixed, d, std::chars_format::fixed);
  if (fr.ec != std::errc{}) {
    problem = "expected a number";
    return std::nullopt;
  }
  const std::string_view text(fixed, std::size_t(fr.ptr - fixed));
  const auto dot = text.find('.');
  if (dot != std::string_view::npos && text.size() - dot - 1 > 6) {
    problem = "the number " + back() + " has more than 6 decimals";
    return std::nullopt;
  }
  auto v = exact::parse_decimal(text);
  if (!v) problem = "the number " + back() + " is not a decimal pmq reads";
  return v;
}
} // namespace

quantities quantities_from_json(const json &j, const std::string &path) {
  problem_list problems;
  quantities out;
  if (!j.is_object()) {
    problems.add(path, std::string("expected an object of counts, got ") + json_io::type_name(j));
    problems.throw_if_any();
  }
  const std::string too_large = "too large (at most " + std::to_string(max_quantity) + ")";
  for (const auto &[name, v] : j.items()) {
    const auto p = join_path(path, name);
    std::optional<fraction> value;
    if (v.is_number_unsigned()) {
      if (v.get<std::uint64_t>() > std::uint64_t(max_quantity))
        problems.add(p, too_large);
      else
        value = fraction(std::int64_t(v.get<std::uint64_t>()));
    } else if (v.is_number_integer()) { // nlohmann keeps non-negative integers unsigned
      problems.add(p, "must not be negative, got " + std::to_string(v.get<std::int64_t>()));
      continue;
    } else if (v.is_number_float()) {
      std::string problem;
      value = exact_json_number(v.get<double>(), problem);
      if (!value) problems.add(p, problem);
    } else {
      problems.add(p, std::string("expected a number, got ") + json_io::type_name(v));
    }
    if (value && *value < 0) {
      problems.add(p, "must not be negative, got " + decimal_text(*value));
      continue;
    }
    if (value && *value > max_quantity) {
      problems.add(p, too_large);
      continue;
    }
    if (value) out[name] = *value;
  }
  problems.throw_if_any();
  return out;
}

json quantities_to_json(const quantities &q) {
  json j = json::object();
  for (const auto &[name, v] : q) {
    if (denominator(v) == 1 && numerator(v) <= std::numeric_limits<std::int64_t>::max())
      j[name] = numerator(v).convert_to<std::int64_t>();
    else
      j[name] = exact::to_string(v);
  }
  return j;
}

} // namespace pmq
