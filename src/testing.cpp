#include "pmq/testing.hpp"

#include "pmq/bands.hpp"
#include "pmq/explain.hpp"
#include "pmq/expr.hpp"
#include "pmq/kpi.hpp"
#include "pmq/scoring.hpp"

#include <set>

namespace pmq {

namespace {
// An exact number from a JSON number, a decimal string ("94.5") or a fraction ("283/3").
std::optional<fraction> exact_value(const json &j) {
  std::string text;
  if (j.is_number())
    text = j.dump();
  else if (j.is_string())
    text = j.get<std::string>();
  else
    return std::nullopt;
  const auto slash = text.find('/');
  if (slash == std::string::npos) return exact::parse_decimal(text);
  const auto n = exact::parse_decimal(text.substr(0, slash));
  const auto d = exact::parse_decimal(text.substr(slash + 1));
  if (!n || !d || *d == fraction(0)) return std::nullopt;
  return exact::div(*n, *d);
}

bool is_fraction_text(const json &j) {
  return j.is_string() && j.get<std::string>().find('/') != std::string::npos;
}

std::string show(const json &j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_null()) return "none (no data)";
  return j.dump();
}

std::string under(const std::string &base, const std::string &path) {
  if (path.empty()) return base;
  if (base.empty()) return path;
  return path.front() == '[' ? base + path : base + "." + path;
}

// Runs f(); a pmq::error from it is thrown again with its paths under `base`.
template <class F> auto within(const std::string &base, F f) -> decltype(f()) {
  try {
    return f();
  } catch (const error &e) {
    std::vector<problem> ps;
    for (const auto &p : e.problems())
      ps.push_back({under(base, p.path), p.message});
    throw error(e.code(), std::move(ps));
  }
}

struct runner {
  case_outcome &out;
  std::string path;
  problem_list errors;

  std::string at(const std::string &member) const { return join_path(path, member); }

  void fail(const std::string &field, const json &expected, const json &actual) {
    out.failures.push_back({field, show(expected), show(actual)});
  }

  // Compares an expected number with the actual one. An expected fraction is compared with
  // the exact value when the result carries one (`exact` beside the number, or
  // `<name>_exact`), otherwise with the displayed number.
  void number(const std::string &field, const json &expected, const json &holder,
              const std::string &name) {
    const json actual = holder.contains(name) ? holder.at(name) : json(nullptr);
    json compared = actual;
    if (is_fraction_text(expected)) {
      if (holder.contains(name + "_exact"))
        compared = holder.at(name + "_exact");
      else if (holder.contains("exact") && holder.at("exact").is_string())
        compared = holder.at("exact");
    }
    if (expected.is_null() || compared.is_null()) {
      if (!(expected.is_null() && compared.is_null())) fail(field, expected, compared);
      return;
    }
    const auto e = exact_value(expected);
    if (!e) {
      errors.add(at("expect." + field), "expected a number, a decimal string or a fraction");
      return;
    }
    const auto a = exact_value(compared);
    if (!a || *a != *e) fail(field, expected, compared);
  }

  void equal(const std::string &field, const json &expected, const json &actual) {
    if (expected != actual) fail(field, expected, actual);
  }

  // The expectations this kind of case understands; any other is a typo.
  void known(const json &expect, std::initializer_list<const char *> names) {
    for (const auto &[key, value] : expect.items()) {
      bool ok = false;
      for (const char *n : names)
        ok = ok || key == n;
      if (!ok) {
        std::string list;
        for (const char *n : names)
          list += (list.empty() ? "" : ", ") + std::string(n);
        errors.add(at("expect." + key), "unknown expectation (this case takes: " + list + ")");
      }
    }
  }
};

// A member naming a file the front end could not read (it replaces readable ones by their
// contents): say so, rather than "no built-in standard".
void refuse_unread_file(const json &j, const std::string &path) {
  if (!j.is_string()) return;
  const auto &s = j.get_ref<const std::string &>();
  if (s.size() > 5 && s.compare(s.size() - 5, 5, ".json") == 0)
    throw error(errc::invalid_input, path,
                "cannot read file \"" + s + "\" (files are named relative to the case file)");
}

standard standard_of(const json &j, const std::string &path) {
  refuse_unread_file(j, path);
  return within(path, [&] {
    return j.is_string() ? builtin_standard(j.get<std::string>()) : standard_from_json(j);
  });
}

band_table bands_of(const json &j, const std::string &path) {
  refuse_unread_file(j, path);
  return within(path, [&] {
    return j.is_string() ? builtin_band_table(j.get<std::string>()) : band_table_from_json(j);
  });
}

points score_arg(const json &j, const std::string &path) {
  std::optional<points> p;
  if (j.is_number())
    p = points::parse(j.dump());
  else if (j.is_string())
    p = points::parse(j.get<std::string>());
  if (!p) throw error(errc::invalid_input, path, "expected a score with at most 3 decimals");
  return *p;
}

constexpr language lang = language::zh; // the explanations' language (explain.cpp)

std::string band_text(const band &b) {
  std::string s = b.id + " (" + b.label;
  if (b.pay_adjustment) s += message("case.band_pay", lang, {b.pay_adjustment->to_string()});
  if (b.award_eligible) s += message(*b.award_eligible ? "case.award" : "case.no_award", lang);
  if (b.passed) s += message(*b.passed ? "case.band_passed" : "case.band_failed", lang);
  return s + ")";
}

void check_band(runner &r, const json &expect, const band_table &table, points score) {
  const auto &b = classify(table, score);
  r.out.explanation.push_back(
      message("case.band", lang, {score.to_string(), band_text(b), table.id}));
  if (expect.contains("band")) {
    const auto &e = expect.at("band");
    if (!(e.is_string() && (e.get<std::string>() == b.id || e.get<std::string>() == b.label)))
      r.fail("band", e, json(b.id));
  }
  const json bj = to_json_value(b);
  if (expect.contains("pay_adjustment"))
    r.number("pay_adjustment", expect.at("pay_adjustment"), bj, "pay_adjustment");
  if (expect.contains("award_eligible"))
    r.equal("award_eligible", expect.at("award_eligible"),
            bj.contains("award_eligible") ? bj.at("award_eligible") : json(nullptr));
  if (expect.contains("passed"))
    r.equal("passed", expect.at("passed"), bj.contains("passed") ? bj.at("passed") : json(nullptr));
}

void score_case(runner &r, const json &c, const json &expect) {
  r.out.kind = "score";
  r.known(expect, {"score", "passed", "status", "band", "items", "sections", "findings",
                   "failed_sections", "vetoes"});
  const standard s =
      standard_of(c.contains("standard") ? c.at("standard") : json(""), r.at("standard"));
  refuse_unread_file(c.at("inspection"), r.at("inspection"));
  const auto res = within(r.at("inspection"), [&] {
    return compiled_standard(s).score(inspection_from_json(c.at("inspection")));
  });
  r.out.actual = to_json(res);
  const json &a = r.out.actual;
  // Explanation: the final score, each step to it, each item that lost points.
  r.out.explanation.push_back(
      message(
          "case.score", lang,
          {a.contains("score") ? show(a.at("score")) : std::string(message("case.no_data", lang)),
           show(a.at("full_score")), show(a.at("earned")), show(a.at("max_score"))}) +
      (a.contains("passed")
           ? std::string(message(a.at("passed").get<bool>() ? "case.passed" : "case.failed", lang))
           : std::string()));
  for (const auto &adj : res.adjustments)
    r.out.explanation.push_back(message(
        "case.step", lang, {adj.before.to_string(), adj.after.to_string(), adj.explanation}));
  for (const auto &sec : res.sections)
    for (const auto &it : sec.items)
      if (!it.applicable || it.deducted != points{} || it.vetoed)
        r.out.explanation.push_back(message(
            "case.item", lang,
            {it.id, it.title,
             it.applicable ? "−" + it.deducted.to_string() : std::string(message("case.na", lang)),
             it.explanation}));
  for (const auto &f : res.failed_sections)
    r.out.explanation.push_back(message("case.critical", lang, {f}));

  if (expect.contains("score")) r.number("score", expect.at("score"), a, "score");
  if (expect.contains("passed"))
    r.equal("passed", expect.at("passed"), a.contains("passed") ? a.at("passed") : json(nullptr));
  if (expect.contains("status")) r.equal("status", expect.at("status"), a.at("status"));
  if (expect.contains("findings")) r.equal("findings", expect.at("findings"), a.at("findings"));
  for (const char *list : {"failed_sections", "vetoes"})
    if (expect.contains(list))
      r.equal(list, expect.at(list), a.contains(list) ? a.at(list) : json::array());
  const auto by_id = [&](const char *what) {
    if (!expect.contains(what)) return;
    const auto &want = expect.at(what);
    if (!want.is_object()) {
      r.errors.add(r.at(std::string("expect.") + what), "expected an object {id: score}");
      return;
    }
    for (const auto &[id, value] : want.items()) {
      const json *found = nullptr;
      for (const auto &sec : a.at("sections")) {
        if (std::string(what) == "sections" && sec.at("id") == id) found = &sec;
        if (std::string(what) == "items")
          for (const auto &it : sec.at("items"))
            if (it.at("id") == id) found = &it;
      }
      if (!found)
        r.errors.add(r.at(std::string("expect.") + what + "." + id),
                     "no such " + std::string(what == std::string("items") ? "item" : "section") +
                         " in standard \"" + s.id + "\"");
      else
        r.number(std::string(what) + "." + id, value, *found, "score");
    }
  };
  by_id("items");
  by_id("sections");
  if (expect.contains("band")) {
    const band_table table =
        bands_of(c.contains("bands") ? c.at("bands") : json("pay_adjustment"), r.at("bands"));
    if (!a.contains("score"))
      r.fail("band", expect.at("band"), json(nullptr));
    else
      check_band(r, json::object({{"band", expect.at("band")}}), table,
                 score_arg(a.at("score"), "score"));
  }
}

void band_case(runner &r, const json &c, const json &expect) {
  r.out.kind = "band";
  r.known(expect, {"band", "pay_adjustment", "award_eligible", "passed"});
  if (!c.contains("score"))
    throw error(errc::invalid_input, r.at("score"), "missing required field");
  const band_table table = bands_of(c.at("bands"), r.at("bands"));
  const points score = score_arg(c.at("score"), r.at("score"));
  r.out.actual = to_json_value(classify(table, score));
  check_band(r, expect, table, score);
}

void kpi_case(runner &r, const json &c, const json &expect) {
  r.out.kind = "kpi";
  r.known(expect, {"status", "rate", "gap"});
  if (!c.contains("counts"))
    throw error(errc::invalid_input, r.at("counts"), "missing required field");
  const auto &k = c.at("kpi");
  refuse_unread_file(k, r.at("kpi"));
  if (c.contains("counts")) refuse_unread_file(c.at("counts"), r.at("counts"));
  const kpi compiled = within(r.at("kpi"), [&] {
    return k.is_string() ? kpi(catalogue_kpi(k.get<std::string>()))
                         : kpi(from_json_value<kpi_definition>(k));
  });
  std::optional<target_spec> target;
  if (c.contains("target")) target = from_json_value<target_spec>(c.at("target"), r.at("target"));
  const auto res = compiled.evaluate(quantities_from_json(c.at("counts"), r.at("counts")),
                                     r.at("counts"), target);
  r.out.actual = to_json(res);
  const json &a = r.out.actual;
  const auto &def = compiled.definition();
  const json &actual = a.at("actual");
  r.out.explanation.push_back(def.rule.value_or(def.id) + " " + def.name + " = " + def.expression);
  r.out.explanation.push_back(
      "  = " +
      (actual.contains("no_data") ? "no data (" + show(actual.value("reason", json(""))) + ")"
                                  : show(actual.at("exact")) + " → " + show(actual.at("value")) +
                                        (show(actual.at("unit")) == "percent" ? " %" : "")) +
      ", target " + show(a.at("target_text")) + ": " + show(a.at("status")));
  if (expect.contains("status")) r.equal("status", expect.at("status"), a.at("status"));
  if (expect.contains("rate")) {
    const auto &want = expect.at("rate");
    if (want.is_null() || actual.contains("no_data"))
      r.equal("rate", want, actual.contains("no_data") ? json(nullptr) : actual.at("value"));
    else
      r.number("rate", want, actual, "value");
  }
  if (expect.contains("gap")) r.number("gap", expect.at("gap"), a, "gap");
}

void per_point_case(runner &r, const json &c, const json &expect) {
  r.out.kind = "per_point";
  r.known(expect, {"passed", "points_lost", "pay_reduction"});
  if (!c.contains("score"))
    throw error(errc::invalid_input, r.at("score"), "missing required field");
  const auto scheme = from_json_value<per_point_scheme>(c.at("per_point"), r.at("per_point"));
  const points score = score_arg(c.at("score"), r.at("score"));
  const auto res = per_point_pay(score, scheme);
  r.out.actual = to_json_value(res);
  const json &a = r.out.actual;
  r.out.explanation.push_back(
      score.to_string() + " against the pass mark " + scheme.pass_mark.to_string() + ": " +
      (res.passed ? "passed"
                  : res.points_lost.to_string() + " points lost × " +
                        scheme.percent_per_point.to_string() + " = " +
                        res.pay_reduction.to_string() + " % less performance pay"));
  if (expect.contains("passed")) r.equal("passed", expect.at("passed"), a.at("passed"));
  for (const char *f : {"points_lost", "pay_reduction"})
    if (expect.contains(f)) r.number(f, expect.at(f), a, f);
}
} // namespace

case_outcome run_case(const json &c, const std::string &path) {
  case_outcome out;
  runner r{out, path, {}};
  try {
    if (!c.is_object()) throw error(errc::invalid_input, path, "a case is a JSON object");
    if (c.contains("name") && c.at("name").is_string())
      out.name = c.at("name").get<std::string>();
    else
      r.errors.add(r.at("name"), "required: a string naming the case");
    static const std::set<std::string> members{"name",   "description", "standard", "inspection",
                                               "bands",  "score",       "kpi",      "counts",
                                               "target", "per_point",   "expect"};
    for (const auto &[key, value] : c.items())
      if (!members.count(key)) r.errors.add(r.at(key), "unknown field");
    const json expect = c.contains("expect") ? c.at("expect") : json::object();
    if (!expect.is_object() || expect.empty())
      r.errors.add(r.at("expect"), "required: an object of expected values");
    else if (c.contains("inspection"))
      score_case(r, c, expect);
    else if (c.contains("kpi"))
      kpi_case(r, c, expect);
    else if (c.contains("per_point"))
      per_point_case(r, c, expect);
    else if (c.contains("bands"))
      band_case(r, c, expect);
    else
      r.errors.add(path, "a case needs \"inspection\" (with \"standard\"), \"bands\" and "
                         "\"score\", \"kpi\" and \"counts\", or \"per_point\" and \"score\"");
  } catch (const error &e) {
    for (const auto &p : e.problems())
      r.errors.add(p.path, p.message);
  }
  out.errors = r.errors.items();
  out.passed = out.errors.empty() && out.failures.empty();
  return out;
}

std::vector<case_outcome> run_cases(const json &file) {
  const json *cases = &file;
  if (file.is_object() && file.contains("cases")) cases = &file.at("cases");
  if (!cases->is_array())
    throw error(errc::invalid_input, file.is_object() ? "cases" : "",
                "expected {\"cases\": [...]} or an array of cases");
  // "defaults": members every case takes unless it gives its own (a standard, a band table).
  const json defaults =
      file.is_object() && file.contains("defaults") ? file.at("defaults") : json::object();
  if (!defaults.is_object())
    throw error(errc::invalid_input, "defaults", "expected an object of case members");
  std::vector<case_outcome> out;
  for (std::size_t i = 0; i < cases->size(); ++i) {
    json c = (*cases)[i];
    if (c.is_object())
      for (const auto &[key, value] : defaults.items())
        if (!c.contains(key)) c[key] = value;
    out.push_back(run_case(c, join_path(file.is_object() ? "cases" : "", i)));
  }
  return out;
}

json to_json(const case_outcome &o) {
  json j = json::object();
  j["name"] = o.name;
  j["kind"] = o.kind;
  j["passed"] = o.passed;
  json errors = json::array();
  for (const auto &p : o.errors)
    errors.push_back({{"path", p.path}, {"message", p.message}});
  j["errors"] = std::move(errors);
  json failures = json::array();
  for (const auto &f : o.failures)
    failures.push_back({{"field", f.field}, {"expected", f.expected}, {"actual", f.actual}});
  j["failures"] = std::move(failures);
  j["explanation"] = o.explanation;
  j["actual"] = o.actual.is_null() ? json::object() : o.actual;
  return j;
}

} // namespace pmq
