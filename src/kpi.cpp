#include "pmq/kpi.hpp"

#include "presets.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

namespace pmq {

// --- targets ---------------------------------------------------------------------------

namespace {
const char *symbol(comparator c) {
  switch (c) {
  case comparator::ge:
    return "≥";
  case comparator::gt:
    return ">";
  case comparator::le:
    return "≤";
  case comparator::lt:
    return "<";
  case comparator::eq:
    return "=";
  }
  return "?";
}
const char *unit_suffix(kpi_unit u) {
  switch (u) {
  case kpi_unit::percent:
    return " %";
  case kpi_unit::count:
    return "";
  case kpi_unit::points:
    return " points";
  case kpi_unit::times_per_period:
    return " times per period";
  }
  return "";
}
template <class E> std::string enum_name(E v) {
  json j;
  json_io::write(j, v);
  return j.get<std::string>();
}
} // namespace

std::string describe(const target_spec &t) {
  return std::string(symbol(t.op)) + " " + t.threshold.to_string() + unit_suffix(t.unit);
}

fraction in_unit(kpi_unit u, const fraction &value) {
  return u == kpi_unit::percent ? exact::mul(value, fraction(100)) : value;
}

target_result evaluate_target(const target_spec &t, const rate &actual) {
  target_result out;
  if (!actual) return out; // R-KPI-31: neither met nor missed
  const fraction v = in_unit(t.unit, actual.value());
  const fraction th = t.threshold.value();
  bool met = false;
  switch (t.op) {
  case comparator::ge:
    met = v >= th;
    break;
  case comparator::gt:
    met = v > th;
    break;
  case comparator::le:
    met = v <= th;
    break;
  case comparator::lt:
    met = v < th;
    break;
  case comparator::eq:
    met = v == th;
    break;
  }
  out.status = met ? target_status::met : target_status::missed;
  out.gap = exact::sub(v, th);
  return out;
}

json rate_to_json(const rate &r, kpi_unit unit, int places) {
  json j = json::object();
  if (!r) {
    j["no_data"] = true;
    j["reason"] = r.reason();
    return j;
  }
  j["exact"] = exact::to_string(r.value());
  j["value"] = render(in_unit(unit, r.value()), places);
  j["unit"] = enum_name(unit);
  return j;
}

// --- named catalogue functions ---------------------------------------------------------

namespace {
struct checks {
  problem_list problems;
  void count(const char *name, std::int64_t v) {
    if (v < 0) problems.add(name, "must not be negative, got " + std::to_string(v));
  }
  void at_most(const char *name, std::int64_t v, const char *bound_name, std::int64_t bound) {
    if (v >= 0 && bound >= 0 && v > bound)
      problems.add(name, std::to_string(v) + " is more than " + bound_name + " (" +
                             std::to_string(bound) + ")");
  }
  void done() const { problems.throw_if_any(); }
};

rate part_of_whole(const char *part_name, std::int64_t part, const char *whole_name,
                   std::int64_t whole, const char *reason) {
  checks c;
  c.count(part_name, part);
  c.count(whole_name, whole);
  c.at_most(part_name, part, whole_name, whole);
  c.done();
  return rate::ratio(fraction(part), fraction(whole), reason);
}

rate whole_minus_part(const char *whole_name, std::int64_t whole, const char *part_name,
                      std::int64_t part, const char *reason) {
  checks c;
  c.count(whole_name, whole);
  c.count(part_name, part);
  c.at_most(part_name, part, whole_name, whole);
  c.done();
  return rate::ratio(fraction(whole - part), fraction(whole), reason);
}
} // namespace

rate document_error_rate(std::int64_t nonconforming, std::int64_t sent) {
  return part_of_whole("nonconforming", nonconforming, "sent", sent, "no documents sent");
}

rate publication_major_errors(std::int64_t major_errors) {
  checks c;
  c.count("major_errors", major_errors);
  c.done();
  return rate::of(fraction(major_errors));
}

rate typo_rate(std::int64_t errors, std::int64_t characters) {
  return part_of_whole("errors", errors, "characters", characters, "no characters published");
}

rate certified_manager_rate(std::int64_t certified, std::int64_t managers) {
  return part_of_whole("certified", certified, "managers", managers,
                       "no middle-and-above managers");
}

rate record_accuracy(std::int64_t records, std::int64_t wrong) {
  return whole_minus_part("records", records, "wrong", wrong, "no supervision records");
}

rate hotline_timeliness(std::int64_t valid_complaints, std::int64_t handled_late) {
  return whole_minus_part("valid_complaints", valid_complaints, "handled_late", handled_late,
                          "no valid complaints");
}

rate followup_satisfaction_manual(std::int64_t valid_complaints, std::int64_t satisfied,
                                  std::int64_t not_satisfied) {
  checks c;
  c.count("valid_complaints", valid_complaints);
  c.count("satisfied", satisfied);
  c.count("not_satisfied", not_satisfied);
  c.at_most("satisfied", satisfied, "valid_complaints", valid_complaints);
  if (satisfied >= 0 && satisfied <= valid_complaints)
    c.at_most("not_satisfied", not_satisfied, "valid_complaints - satisfied",
              valid_complaints - satisfied);
  c.done();
  return rate::ratio(fraction(satisfied - not_satisfied), fraction(valid_complaints),
                     "no valid complaints");
}

rate followup_satisfaction(std::int64_t satisfied, std::int64_t followed_up) {
  return part_of_whole("satisfied", satisfied, "followed_up", followed_up, "no follow-ups");
}

rate training_execution(std::int64_t held, std::int64_t planned) {
  return part_of_whole("held", held, "planned", planned, "no trainings planned");
}

rate reported_problem_timeliness(std::int64_t reported, std::int64_t not_closed_on_time) {
  return whole_minus_part("reported", reported, "not_closed_on_time", not_closed_on_time,
                          "no problems reported");
}

rate overall_satisfaction(std::int64_t questionnaires, std::int64_t items_per_questionnaire,
                          std::int64_t unsatisfied_items) {
  checks c;
  c.count("questionnaires", questionnaires);
  c.count("items_per_questionnaire", items_per_questionnaire);
  c.count("unsatisfied_items", unsatisfied_items);
  c.done();
  const fraction answered =
      exact::mul(fraction(questionnaires), fraction(items_per_questionnaire), "questionnaires");
  if (fraction(unsatisfied_items) > answered)
    throw error(errc::invalid_input, "unsatisfied_items",
                std::to_string(unsatisfied_items) +
                    " is more than questionnaires × items_per_questionnaire (" +
                    exact::to_string(answered) + ")");
  return rate::ratio(exact::sub(answered, fraction(unsatisfied_items)), answered,
                     "no questionnaires returned");
}

rate fee_collection_rate(money collected, money due) {
  checks c;
  if (collected.fen() < 0)
    c.problems.add("collected", "must not be negative, got " + collected.to_string());
  if (due.fen() < 0) c.problems.add("due", "must not be negative, got " + due.to_string());
  if (collected.fen() >= 0 && due.fen() >= 0 && collected > due)
    c.problems.add("collected",
                   collected.to_string() + " is more than due (" + due.to_string() + ")");
  c.done();
  return rate::ratio(fraction(collected.fen()), fraction(due.fen()), "no fees due");
}

rate complaint_timeliness(std::int64_t valid_complaints, std::int64_t handled_late) {
  return whole_minus_part("valid_complaints", valid_complaints, "handled_late", handled_late,
                          "no valid complaints");
}

rate lift_failure_rate(const lift_counts &l, lift_failure_definition d) {
  checks c;
  c.count("lifts", l.lifts);
  c.count("days", l.days);
  c.count("failures", l.failures);
  if (l.failure_hours < 0) c.problems.add("failure_hours", "must not be negative");
  if (l.service_hours < 0) c.problems.add("service_hours", "must not be negative");
  c.done();
  switch (d) {
  case lift_failure_definition::per_lift_day:
    return rate::ratio(fraction(l.failures),
                       exact::mul(fraction(l.lifts), fraction(l.days), "lifts"),
                       "no lifts in service");
  case lift_failure_definition::downtime_share: {
    const fraction hours = exact::mul(fraction(l.lifts), l.service_hours, "service_hours");
    if (l.failure_hours > hours)
      throw error(errc::invalid_input, "failure_hours",
                  "more than lifts × service_hours (" + exact::to_string(hours) + ")");
    return rate::ratio(l.failure_hours, hours, "no lift service hours");
  }
  case lift_failure_definition::per_lift:
    return rate::ratio(fraction(l.failures), fraction(l.lifts), "no lifts");
  }
  throw std::logic_error("pmq: unknown lift_failure_definition");
}

// --- satisfaction ----------------------------------------------------------------------

namespace {
fraction respondents(const question_tally &q) {
  return fraction(std::int64_t(q.satisfied) + q.basically_satisfied + q.unsatisfied);
}
} // namespace

rate question_rate(const question_tally &q) {
  const fraction n = respondents(q);
  return rate::ratio(exact::sub(n, fraction(std::int64_t(q.unsatisfied))), n, "no respondents");
}

rate average_question_rate(const std::vector<question_tally> &questions) {
  fraction sum;
  std::int64_t counted = 0;
  for (const auto &q : questions) {
    const rate r = question_rate(q);
    if (!r) continue;
    sum = exact::add(sum, r.value());
    ++counted;
  }
  return rate::ratio(sum, fraction(counted), "no question has respondents");
}

rate pooled_satisfaction(const std::vector<question_tally> &questions) {
  fraction n, unsat;
  for (const auto &q : questions) {
    n = exact::add(n, respondents(q));
    unsat = exact::add(unsat, fraction(std::int64_t(q.unsatisfied)));
  }
  return rate::ratio(exact::sub(n, unsat), n, "no respondents");
}

rate satisfied_share(const std::vector<question_tally> &questions) {
  fraction n, sat;
  for (const auto &q : questions) {
    n = exact::add(n, respondents(q));
    sat = exact::add(sat, fraction(std::int64_t(q.satisfied)));
  }
  return rate::ratio(sat, n, "no respondents");
}

rate rating_mean(const std::array<std::int64_t, 5> &counts) {
  problem_list problems;
  fraction total, n;
  for (std::size_t k = 0; k < counts.size(); ++k) {
    if (counts[k] < 0) {
      problems.add(join_path("counts", k),
                   "must not be negative, got " + std::to_string(counts[k]));
      continue;
    }
    n = exact::add(n, fraction(counts[k]));
    total = exact::add(total, exact::mul(fraction(counts[k]), fraction(std::int64_t(k) + 1)));
  }
  problems.throw_if_any();
  return rate::ratio(total, n, "no ratings");
}

rate condition_rate_by_count(std::int64_t intact, std::int64_t basically_intact, std::int64_t total,
                             bool count_basically_intact) {
  checks c;
  c.count("intact", intact);
  c.count("basically_intact", basically_intact);
  c.count("total", total);
  c.at_most("intact", intact, "total", total);
  if (intact >= 0 && intact <= total)
    c.at_most("basically_intact", basically_intact, "total - intact", total - intact);
  c.done();
  return rate::ratio(fraction(intact + (count_basically_intact ? basically_intact : 0)),
                     fraction(total), "nothing to count");
}

rate condition_rate_by_area(const fraction &intact_area, const fraction &basically_intact_area,
                            const fraction &total_area) {
  problem_list p;
  if (intact_area < 0) p.add("intact_area", "must not be negative");
  if (basically_intact_area < 0) p.add("basically_intact_area", "must not be negative");
  if (total_area < 0) p.add("total_area", "must not be negative");
  p.throw_if_any();
  const fraction good = exact::add(intact_area, basically_intact_area);
  if (good > total_area)
    throw error(errc::invalid_input, "basically_intact_area",
                "intact_area + basically_intact_area (" + exact::to_string(good) +
                    ") is more than total_area (" + exact::to_string(total_area) + ")");
  return rate::ratio(good, total_area, "no floor area");
}

// --- KPI definitions -------------------------------------------------------------------

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
void add_all(problem_list &to, const error &e) {
  for (const auto &p : e.problems())
    to.add(p.path, p.message);
}
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
                   "must not be negative, got " + exact::to_string(it->second));
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

quantities quantities_from_json(const json &j, const std::string &path) {
  problem_list problems;
  quantities out;
  if (!j.is_object()) {
    problems.add(path, std::string("expected an object of counts, got ") + json_io::type_name(j));
    problems.throw_if_any();
  }
  for (const auto &[name, v] : j.items()) {
    const auto p = join_path(path, name);
    std::optional<fraction> value;
    if (v.is_number_unsigned()) {
      if (v.get<std::uint64_t>() > std::uint64_t(std::numeric_limits<std::int64_t>::max() / 2))
        problems.add(p, "too large");
      else
        value = fraction(std::int64_t(v.get<std::uint64_t>()));
    } else if (v.is_number_integer()) { // nlohmann keeps non-negative integers unsigned
      problems.add(p, "must not be negative, got " + std::to_string(v.get<std::int64_t>()));
      continue;
    } else if (v.is_number_float()) {
      const double d = v.get<double>();
      char buf[400];
      const auto res = std::isfinite(d)
                           ? std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed)
                           : std::to_chars_result{buf, std::errc::invalid_argument};
      if (res.ec == std::errc{}) {
        std::string_view s(buf, std::size_t(res.ptr - buf));
        const auto dot = s.find('.');
        if (dot == std::string_view::npos || s.size() - dot - 1 <= 6)
          value = exact::parse_decimal(s);
      }
      if (!value) problems.add(p, "expected a number with at most 6 decimals and 18 digits");
    } else {
      problems.add(p, std::string("expected a number, got ") + json_io::type_name(v));
    }
    if (value && *value < 0) {
      problems.add(p, "must not be negative, got " + exact::to_string(*value));
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
    if (v.denominator() == 1)
      j[name] = v.numerator();
    else
      j[name] = exact::to_string(v);
  }
  return j;
}

// --- periods ---------------------------------------------------------------------------

namespace {
int first_month(const period &p) {
  switch (p.kind) {
  case period_kind::month:
    return p.index;
  case period_kind::quarter:
    return 3 * (p.index - 1) + 1;
  case period_kind::half_year:
    return 6 * (p.index - 1) + 1;
  case period_kind::year:
    return 1;
  }
  return 1;
}
int months_in(period_kind k) {
  switch (k) {
  case period_kind::month:
    return 1;
  case period_kind::quarter:
    return 3;
  case period_kind::half_year:
    return 6;
  case period_kind::year:
    return 12;
  }
  return 1;
}
bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
int to_int(std::string_view s) {
  int v = 0;
  for (char c : s)
    v = v * 10 + (c - '0');
  return v;
}

// "YYYY-MM" → the first of that month; problems at `path`.
std::optional<date> month_start(const std::string &text, const std::string &path,
                                problem_list &problems) {
  const auto p = parse_period(text);
  if (!p || p->kind != period_kind::month) {
    problems.add(path, "\"" + text + "\" is not a month (expected YYYY-MM)");
    return std::nullopt;
  }
  return p->first();
}
} // namespace

date period::first() const {
  return date(static_cast<unsigned short>(year), static_cast<unsigned short>(first_month(*this)),
              1);
}

date period::last() const {
  const int m = first_month(*this) + months_in(kind) - 1;
  return date(static_cast<unsigned short>(year), static_cast<unsigned short>(m), 1).end_of_month();
}

bool period::contains(const date &d) const { return first() <= d && d <= last(); }

std::string period::label() const {
  const std::string y = std::to_string(year);
  switch (kind) {
  case period_kind::month:
    return y + (index < 10 ? "-0" : "-") + std::to_string(index);
  case period_kind::quarter:
    return y + "-Q" + std::to_string(index);
  case period_kind::half_year:
    return y + "-H" + std::to_string(index);
  case period_kind::year:
    return y;
  }
  return y;
}

std::optional<period> parse_period(std::string_view t) {
  if (t.size() < 4 || !digits(t.substr(0, 4))) return std::nullopt;
  period p;
  p.year = to_int(t.substr(0, 4));
  if (p.year < 1400) return std::nullopt;
  if (t.size() == 4) {
    p.kind = period_kind::year;
    p.index = 1;
    return p;
  }
  if (t.size() != 7 || t[4] != '-') return std::nullopt;
  const auto rest = t.substr(5);
  if (rest[0] == 'Q' && digits(rest.substr(1))) {
    p.kind = period_kind::quarter;
    p.index = to_int(rest.substr(1));
    if (p.index < 1 || p.index > 4) return std::nullopt;
  } else if (rest[0] == 'H' && digits(rest.substr(1))) {
    p.kind = period_kind::half_year;
    p.index = to_int(rest.substr(1));
    if (p.index < 1 || p.index > 2) return std::nullopt;
  } else if (digits(rest)) {
    p.kind = period_kind::month;
    p.index = to_int(rest);
    if (p.index < 1 || p.index > 12) return std::nullopt;
  } else {
    return std::nullopt;
  }
  return p;
}

period period_of(const date &d, period_kind k) {
  period p;
  p.kind = k;
  p.year = d.year();
  const int m = d.month();
  p.index = (m - 1) / months_in(k) + 1;
  return p;
}

namespace {
// Sums the counts of the given (month, counts, path) entries per the KPI's aggregation.
quantities
sum_entries(const kpi &k,
            const std::vector<std::tuple<date, const quantities *, std::string>> &entries,
            problem_list &problems) {
  quantities out;
  for (const auto &in : k.definition().inputs) {
    std::optional<fraction> acc;
    std::string first_path;
    for (const auto &[d, counts, path] : entries) {
      const auto it = counts->find(in.name);
      if (it == counts->end()) continue;
      if (!acc) {
        acc = it->second;
        first_path = path;
      } else if (in.aggregate == aggregation::sum) {
        acc = exact::add(*acc, it->second, join_path(path, in.name));
      } else if (*acc != it->second) {
        problems.add(join_path(path, in.name),
                     "is the same in every month (aggregate \"constant\") but differs from " +
                         first_path + " (" + exact::to_string(*acc) + " vs " +
                         exact::to_string(it->second) + ")");
      }
    }
    if (acc) out[in.name] = *acc;
  }
  return out;
}
} // namespace

std::optional<quantities> sum_counts(const kpi &k, const std::vector<month_counts> &months,
                                     const period &p, std::vector<std::string> *used) {
  problem_list problems;
  std::vector<std::tuple<date, const quantities *, std::string>> entries;
  for (std::size_t i = 0; i < months.size(); ++i) {
    const auto mp = join_path("", i);
    const auto d = month_start(months[i].month, join_path(mp, "month"), problems);
    k.check_counts(months[i].counts, join_path(mp, "counts"), problems);
    if (d && p.contains(*d)) {
      entries.emplace_back(*d, &months[i].counts, join_path(mp, "counts"));
      if (used) used->push_back(months[i].month);
    }
  }
  problems.throw_if_any();
  if (entries.empty()) return std::nullopt;
  auto sum = sum_entries(k, entries, problems);
  problems.throw_if_any();
  return sum;
}

std::vector<series_point> kpi_series(const kpi &k, const std::vector<month_counts> &months,
                                     period_kind kind) {
  problem_list problems;
  std::map<date, std::size_t> seen;
  for (std::size_t i = 0; i < months.size(); ++i) {
    const auto mp = join_path("", i);
    const auto d = month_start(months[i].month, join_path(mp, "month"), problems);
    if (d) {
      if (auto [it, fresh] = seen.emplace(*d, i); !fresh)
        problems.add(join_path(mp, "month"), "month " + months[i].month +
                                                 " given twice (first at [" +
                                                 std::to_string(it->second) + "])");
    }
    k.check_counts(months[i].counts, join_path(mp, "counts"), problems);
  }
  if (months.empty()) problems.add("", "at least one month is needed");
  problems.throw_if_any();
  std::vector<series_point> out;
  const date last = seen.rbegin()->first;
  for (period p = period_of(seen.begin()->first, kind);;
       p = period_of(p.last() + boost::gregorian::days(1), kind)) {
    series_point sp;
    sp.when = p;
    sp.counts = sum_counts(k, months, p, &sp.months_with_data);
    if (sp.counts) {
      sp.value = k.evaluate(*sp.counts, p.label());
    } else {
      sp.value.id = k.definition().id;
      sp.value.actual = rate::no_data("no data for " + p.label());
      sp.value.target = k.definition().target;
      sp.value.places = k.definition().places;
    }
    out.push_back(std::move(sp));
    if (p.last() >= last) break; // never step past the last month (nor past year 9999)
  }
  return out;
}

namespace {
// The months documents below are read by hand: the counts in them are quantities, whose
// values (exact non-negative decimals) only quantities_from_json reads.

// Throws unless a months document is an array.
void require_months_array(const json &j) {
  if (!j.is_array())
    throw error(errc::invalid_input, "",
                std::string("expected an array of months, got ") + json_io::type_name(j));
}

// One {"<key_name>": "...", "<value_name>": ...} object at `path`: reads the string member
// `key_name` into `key` (missing: a missing required field), reports any member other than
// the two as an unknown field and points `value` at the `value_name` member (nullptr when
// absent). False, with a problem, when j is not an object.
bool read_keyed(const json &j, const std::string &path, const char *key_name, std::string &key,
                const char *value_name, const json *&value, problem_list &problems) {
  value = nullptr;
  if (!j.is_object()) {
    problems.add(path, std::string("expected an object, got ") + json_io::type_name(j));
    return false;
  }
  for (const auto &[k, v] : j.items())
    if (k != key_name && k != value_name) problems.add(join_path(path, k), "unknown field");
  if (const auto it = j.find(key_name); it == j.end())
    problems.add(join_path(path, key_name), "missing required field");
  else
    json_io::read(*it, key, join_path(path, key_name), problems);
  if (const auto it = j.find(value_name); it != j.end()) value = &*it;
  return true;
}

// The required counts member `counts` (nullptr when absent) at `path`.
void read_counts(const json *counts, const std::string &path, quantities &out,
                 problem_list &problems) {
  if (!counts) {
    problems.add(path, "missing required field");
    return;
  }
  try {
    out = quantities_from_json(*counts, path);
  } catch (const error &e) {
    add_all(problems, e);
  }
}
} // namespace

std::vector<month_counts> month_counts_from_json(const json &j) {
  require_months_array(j);
  problem_list problems;
  std::vector<month_counts> out;
  for (std::size_t i = 0; i < j.size(); ++i) {
    const auto mp = join_path("", i);
    month_counts mc;
    const json *counts = nullptr;
    if (!read_keyed(j[i], mp, "month", mc.month, "counts", counts, problems)) continue;
    read_counts(counts, join_path(mp, "counts"), mc.counts, problems);
    out.push_back(std::move(mc));
  }
  problems.throw_if_any();
  return out;
}

json to_json(const std::vector<series_point> &series) {
  json j = json::array();
  for (const auto &sp : series) {
    json p = json::object();
    p["period"] = sp.when.label();
    p["months"] = sp.months_with_data;
    p["counts"] = sp.counts ? quantities_to_json(*sp.counts) : json(nullptr);
    const json value = to_json(sp.value);
    for (const auto &[k, v] : value.items())
      p[k] = v;
    j.push_back(std::move(p));
  }
  return j;
}

json to_json(const kpi_result &r) {
  json j = json::object();
  j["kpi"] = r.id;
  j["actual"] = rate_to_json(r.actual, r.target.unit, r.places);
  j["target"] = to_json_value(r.target);
  j["target_text"] = describe(r.target);
  j["status"] = enum_name(r.result.status);
  j["gap"] = r.result.gap ? json(render(*r.result.gap, r.places)) : json(nullptr);
  return j;
}

// --- decomposition and the statistics table (R-KPI-30) ----------------------------------

compiled_plan::compiled_plan(target_plan p) : plan_(std::move(p)) {
  problem_list problems;
  if (plan_.company.empty()) problems.add("company", "must not be empty");
  if (plan_.year < 1400 || plan_.year > 9999)
    problems.add("year", "must be a year 1400..9999, got " + std::to_string(plan_.year));
  if (plan_.targets.empty()) problems.add("targets", "a plan needs at least one target");
  std::map<std::string, std::size_t> custom;
  std::vector<std::optional<kpi>> compiled_custom;
  for (std::size_t i = 0; i < plan_.custom_kpis.size(); ++i) {
    const auto cp = join_path("custom_kpis", i);
    try {
      compiled_custom.emplace_back(kpi(plan_.custom_kpis[i], cp));
    } catch (const error &e) {
      add_all(problems, e);
      compiled_custom.emplace_back(std::nullopt);
    }
    if (auto [it, fresh] = custom.emplace(plan_.custom_kpis[i].id, i); !fresh)
      problems.add(join_path(cp, "id"), "duplicate KPI id \"" + it->first + "\"");
  }
  std::set<std::string> keys;
  for (std::size_t i = 0; i < plan_.targets.size(); ++i) {
    const auto &t = plan_.targets[i];
    const auto tp = join_path("targets", i);
    if (t.key.empty())
      problems.add(join_path(tp, "key"), "must not be empty");
    else if (!keys.insert(t.key).second)
      problems.add(join_path(tp, "key"), "duplicate target key \"" + t.key + "\"");
    if (t.department.empty()) problems.add(join_path(tp, "department"), "must not be empty");
    if (t.owner.empty()) problems.add(join_path(tp, "owner"), "must not be empty");
    if (const auto it = custom.find(t.kpi); it != custom.end()) {
      if (compiled_custom[it->second]) kpis_.push_back(*compiled_custom[it->second]);
      continue;
    }
    try {
      kpis_.emplace_back(catalogue_kpi(t.kpi));
    } catch (const error &) {
      problems.add(join_path(tp, "kpi"),
                   "no KPI \"" + t.kpi + "\" in the catalogue or custom_kpis");
    }
  }
  problems.throw_if_any();
}

statistics_table compiled_plan::table(const std::vector<month_actuals> &months,
                                      const period &p) const {
  problem_list problems;
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < plan_.targets.size(); ++i)
    index[plan_.targets[i].key] = i;
  std::vector<std::vector<std::tuple<date, const quantities *, std::string>>> entries(
      plan_.targets.size());
  std::vector<std::vector<std::string>> used(plan_.targets.size());
  std::map<std::pair<std::string, date>, std::string> seen; // (key, month) → where
  for (std::size_t i = 0; i < months.size(); ++i) {
    const auto mp = join_path("", i);
    const auto d = month_start(months[i].month, join_path(mp, "month"), problems);
    for (std::size_t j = 0; j < months[i].actuals.size(); ++j) {
      const auto &a = months[i].actuals[j];
      const auto ap = join_path(join_path(mp, "actuals"), j);
      const auto it = index.find(a.target);
      if (it == index.end()) {
        problems.add(join_path(ap, "target"), "no target \"" + a.target + "\" in the plan");
        continue;
      }
      kpis_[it->second].check_counts(a.counts, join_path(ap, "counts"), problems);
      if (!d) continue;
      if (auto [s, fresh] = seen.emplace(std::pair{a.target, *d}, ap); !fresh)
        problems.add(join_path(ap, "target"), "target \"" + a.target + "\" reported twice for " +
                                                  months[i].month + " (first at " + s->second +
                                                  ")");
      if (p.contains(*d)) {
        entries[it->second].emplace_back(*d, &a.counts, join_path(ap, "counts"));
        used[it->second].push_back(months[i].month);
      }
    }
  }
  problems.throw_if_any();
  statistics_table out;
  out.company = plan_.company;
  out.when = p;
  for (std::size_t i = 0; i < plan_.targets.size(); ++i) {
    const auto &t = plan_.targets[i];
    const auto &k = kpis_[i];
    statistics_row row;
    row.key = t.key;
    row.kpi = k.definition().id;
    row.rule = k.definition().rule;
    row.name = k.definition().name;
    row.department = t.department;
    row.project = t.project;
    row.owner = t.owner;
    row.measures = t.measures;
    row.check_frequency = t.check_frequency;
    row.target = t.target ? *t.target : k.definition().target;
    row.places = k.definition().places;
    row.months = used[i];
    if (entries[i].empty()) {
      row.actual = rate::no_data("no counts reported for " + p.label());
    } else {
      const auto sum = sum_entries(k, entries[i], problems);
      problems.throw_if_any();
      const auto r = k.evaluate(sum, "", row.target);
      row.actual = r.actual;
      row.status = r.result.status;
      row.gap = r.result.gap;
    }
    switch (row.status) {
    case target_status::met:
      ++out.met;
      break;
    case target_status::missed:
      ++out.missed;
      break;
    case target_status::no_data:
      ++out.no_data;
      break;
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

target_plan load_target_plan(std::string_view json_text) {
  auto p = from_json_value<target_plan>(parse_json(json_text));
  compiled_plan check(p);
  return p;
}

std::vector<month_actuals> month_actuals_from_json(const json &j) {
  require_months_array(j);
  problem_list problems;
  std::vector<month_actuals> out;
  for (std::size_t i = 0; i < j.size(); ++i) {
    const auto mp = join_path("", i);
    month_actuals ma;
    const json *acts = nullptr;
    if (!read_keyed(j[i], mp, "month", ma.month, "actuals", acts, problems)) continue;
    if (!acts || !acts->is_array()) {
      problems.add(join_path(mp, "actuals"), "expected an array of {target, counts}");
      continue;
    }
    for (std::size_t k = 0; k < acts->size(); ++k) {
      const auto ap = join_path(join_path(mp, "actuals"), k);
      target_actuals ta;
      const json *counts = nullptr;
      if (!read_keyed((*acts)[k], ap, "target", ta.target, "counts", counts, problems)) continue;
      read_counts(counts, join_path(ap, "counts"), ta.counts, problems);
      ma.actuals.push_back(std::move(ta));
    }
    out.push_back(std::move(ma));
  }
  problems.throw_if_any();
  return out;
}

json to_json(const statistics_table &t) {
  json j = json::object();
  j["title"] = "质量目标完成统计表";
  j["company"] = t.company;
  j["period"] = t.when.label();
  j["summary"] = {{"met", t.met}, {"missed", t.missed}, {"no_data", t.no_data}};
  j["rows"] = json::array();
  for (const auto &r : t.rows) {
    json row = json::object();
    row["key"] = r.key;
    row["kpi"] = r.kpi;
    row["rule"] = r.rule ? json(*r.rule) : json(nullptr);
    row["name"] = r.name;
    row["department"] = r.department;
    if (r.project) row["project"] = *r.project;
    row["owner"] = r.owner;
    row["measures"] = r.measures;
    row["check_frequency"] = enum_name(r.check_frequency);
    row["target"] = to_json_value(r.target);
    row["target_text"] = describe(r.target);
    row["actual"] = rate_to_json(r.actual, r.target.unit, r.places);
    row["status"] = enum_name(r.status);
    row["gap"] = r.gap ? json(render(*r.gap, r.places)) : json(nullptr);
    row["months"] = r.months;
    j["rows"].push_back(std::move(row));
  }
  return j;
}

std::string to_text(const statistics_table &t) {
  std::string out = "质量目标完成统计表  " + t.company + "  " + t.when.label() + "\n\n";
  out += "  key | 质量目标 | 目标值 | 实际 | 状态 | 差距 | 责任部门 | 责任人 | 规则\n";
  for (const auto &r : t.rows) {
    const char *status = r.status == target_status::met      ? "达成 met"
                         : r.status == target_status::missed ? "未达成 missed"
                                                             : "无数据 no data";
    std::string actual = r.actual ? render(in_unit(r.target.unit, r.actual.value()), r.places) +
                                        (r.target.unit == kpi_unit::percent ? " %" : "")
                                  : "无数据 (" + r.actual.reason() + ")";
    out += "  " + r.key + " | " + r.name + " | " + describe(r.target) + " | " + actual + " | " +
           status + " | " + (r.gap ? render(*r.gap, r.places) : std::string("—")) + " | " +
           r.department + (r.project ? " / " + *r.project : "") + " | " + r.owner + " | " +
           r.rule.value_or("—") + "\n";
  }
  out += "\n  met " + std::to_string(t.met) + ", missed " + std::to_string(t.missed) +
         ", no data " + std::to_string(t.no_data) + "\n";
  return out;
}

// --- fee collection plans (R-KPI-32) ----------------------------------------------------

money required_amount(money due, points rate_percent) {
  // due × rate ÷ 100, in fen, rounded up so that reaching it meets the target.
  const fraction fen =
      exact::mul(fraction(due.fen()), exact::div(rate_percent.value(), fraction(100)), "due");
  std::int64_t q = fen.numerator() / fen.denominator();
  if (fen.numerator() % fen.denominator() > 0) ++q;
  return money::from_fen(q);
}

namespace {
fee_status make_status(std::string type, std::optional<std::string> building, money due,
                       money collected, money in_period, std::optional<points> rate_pct,
                       money required) {
  fee_status s;
  s.fee_type = std::move(type);
  s.building = std::move(building);
  s.due = due;
  s.collected = collected;
  s.collected_in_period = in_period;
  s.target_rate = rate_pct;
  s.required = required;
  s.shortfall = collected >= required ? money{} : required - collected;
  s.actual = rate::ratio(fraction(collected.fen()), fraction(due.fen()), "nothing due");
  if (s.actual) s.status = collected >= required ? target_status::met : target_status::missed;
  return s;
}

money checked_add(money a, money b, const std::string &path) {
  std::int64_t r = 0;
  if (__builtin_add_overflow(a.fen(), b.fen(), &r))
    throw error(errc::invalid_input, path, "amount too large");
  return money::from_fen(r);
}
} // namespace

fee_check check_fee_plan(const fee_plan &plan, const period &p) {
  problem_list problems;
  if (plan.lines.empty()) problems.add("lines", "a plan needs at least one line");
  std::set<std::pair<std::string, std::string>> seen;
  std::vector<money> totals(plan.lines.size()), to_end(plan.lines.size()),
      in_period(plan.lines.size());
  for (std::size_t i = 0; i < plan.lines.size(); ++i) {
    const auto &l = plan.lines[i];
    const auto lp = join_path("lines", i);
    if (l.fee_type.empty()) problems.add(join_path(lp, "fee_type"), "must not be empty");
    if (!seen.insert({l.fee_type, l.building.value_or("")}).second)
      problems.add(join_path(lp, "fee_type"),
                   "fee type \"" + l.fee_type + "\" given twice for the same building");
    if (l.due < money{})
      problems.add(join_path(lp, "due"), "must not be negative, got " + l.due.to_string());
    if (l.target_rate <= points{} || l.target_rate > points{100})
      problems.add(join_path(lp, "target_rate"),
                   "must be more than 0 and at most 100 (percent), got " +
                       l.target_rate.to_string());
    for (std::size_t k = 0; k < l.collected.size(); ++k) {
      const auto cp = join_path(join_path(lp, "collected"), k);
      const auto d = month_start(l.collected[k].month, join_path(cp, "month"), problems);
      const money a = l.collected[k].amount;
      if (a < money{}) {
        problems.add(join_path(cp, "amount"), "must not be negative, got " + a.to_string());
        continue;
      }
      totals[i] = checked_add(totals[i], a, join_path(cp, "amount"));
      if (d && *d <= p.last()) to_end[i] = to_end[i] + a;
      if (d && p.contains(*d)) in_period[i] = in_period[i] + a;
    }
    if (l.due >= money{} && totals[i] > l.due)
      problems.add(join_path(lp, "collected"), "collected " + totals[i].to_string() +
                                                   " in all is more than the " + l.due.to_string() +
                                                   " due");
  }
  problems.throw_if_any();
  fee_check out;
  out.plan = plan.name;
  out.when = p;
  struct acc {
    money due, collected, in_period, required;
    std::optional<points> rate;
    bool mixed = false;
  };
  std::vector<std::string> order, building_order;
  std::map<std::string, acc> by_type, by_building;
  acc total;
  const auto fold = [](acc &a, money due, money col, money inp, money req, points r) {
    a.due = checked_add(a.due, due, "lines");
    a.collected = checked_add(a.collected, col, "lines");
    a.in_period = checked_add(a.in_period, inp, "lines");
    a.required = checked_add(a.required, req, "lines");
    if (!a.rate && !a.mixed)
      a.rate = r;
    else if (a.rate && *a.rate != r) {
      a.rate.reset();
      a.mixed = true;
    }
  };
  for (std::size_t i = 0; i < plan.lines.size(); ++i) {
    const auto &l = plan.lines[i];
    const money req = required_amount(l.due, l.target_rate);
    out.lines.push_back(
        make_status(l.fee_type, l.building, l.due, to_end[i], in_period[i], l.target_rate, req));
    if (!by_type.count(l.fee_type)) order.push_back(l.fee_type);
    fold(by_type[l.fee_type], l.due, to_end[i], in_period[i], req, l.target_rate);
    if (l.building) {
      if (!by_building.count(*l.building)) building_order.push_back(*l.building);
      fold(by_building[*l.building], l.due, to_end[i], in_period[i], req, l.target_rate);
    }
    fold(total, l.due, to_end[i], in_period[i], req, l.target_rate);
  }
  for (const auto &type : order) {
    const auto &a = by_type[type];
    out.by_fee_type.push_back(
        make_status(type, std::nullopt, a.due, a.collected, a.in_period, a.rate, a.required));
  }
  for (const auto &b : building_order) {
    const auto &a = by_building[b];
    out.by_building.push_back(
        make_status("all", b, a.due, a.collected, a.in_period, a.rate, a.required));
  }
  out.total = make_status("total", std::nullopt, total.due, total.collected, total.in_period,
                          total.rate, total.required);
  return out;
}

fee_plan load_fee_plan(std::string_view json_text) {
  return from_json_value<fee_plan>(parse_json(json_text));
}

namespace {
json fee_status_json(const fee_status &s) {
  json j = json::object();
  j["fee_type"] = s.fee_type;
  if (s.building) j["building"] = *s.building;
  j["due"] = s.due.to_string();
  j["collected"] = s.collected.to_string();
  j["collected_in_period"] = s.collected_in_period.to_string();
  j["target_rate"] = s.target_rate ? json(s.target_rate->to_string()) : json(nullptr);
  j["required"] = s.required.to_string();
  j["shortfall"] = s.shortfall.to_string();
  j["actual"] = rate_to_json(s.actual, kpi_unit::percent, 2);
  j["status"] = enum_name(s.status);
  return j;
}
} // namespace

json to_json(const fee_check &c) {
  json j = json::object();
  j["plan"] = c.plan;
  j["period"] = c.when.label();
  j["checked_to"] = format_date(c.when.last());
  j["lines"] = json::array();
  for (const auto &l : c.lines)
    j["lines"].push_back(fee_status_json(l));
  j["by_fee_type"] = json::array();
  for (const auto &l : c.by_fee_type)
    j["by_fee_type"].push_back(fee_status_json(l));
  j["by_building"] = json::array();
  for (const auto &l : c.by_building)
    j["by_building"].push_back(fee_status_json(l));
  j["total"] = fee_status_json(c.total);
  return j;
}

} // namespace pmq
