// C ABI for quality targets and KPIs: converts and forwards to pmq/kpi.hpp.
#include "common.hpp"

#include "pmq/kpi.hpp"

#include <map>
#include <string_view>

using namespace pmq::capi;

namespace {
pmq::period period_arg(const char *text) {
  const auto p = pmq::parse_period(text);
  if (!p)
    throw pmq::error(pmq::errc::invalid_argument, "period",
                     std::string(1, '"') + text +
                         "\" is not a period (2026-03, 2026-Q1, 2026-H1, 2026)");
  return *p;
}

int rate_status(pmq::target_status s) {
  switch (s) {
  case pmq::target_status::met:
    return PMQ_KPI_MET;
  case pmq::target_status::missed:
    return PMQ_KPI_MISSED;
  case pmq::target_status::no_data:
    return PMQ_KPI_NO_DATA;
  }
  return PMQ_KPI_NO_DATA;
}

// A name given as a plain C string (not inside a JSON document): an unknown one is
// PMQ_EINVAL, like every other bad argument (docs/c-api.md, error codes).
template <class E> E enum_arg(const char *text, const char *what) {
  E value{};
  if (!boost::describe::enum_from_string(text, value)) {
    std::string names;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) {
      names += names.empty() ? "" : ", ";
      names += d.name;
    });
    throw pmq::error(pmq::errc::invalid_argument, what,
                     std::string(1, '"') + text + "\" is not one of: " + names);
  }
  return value;
}

// A rate of counts (R-KPI-31): neither part may be negative (a part larger than its whole is
// allowed: some rates, such as a lift failure rate, may exceed 100 %). The parts are plain
// arguments, so a bad one is PMQ_EINVAL (docs/c-api.md), naming each.
pmq::rate checked_ratio(int64_t numerator, int64_t denominator) {
  pmq::problem_list problems;
  if (numerator < 0)
    problems.add("numerator", "must not be negative, got " + std::to_string(numerator));
  if (denominator < 0)
    problems.add("denominator", "must not be negative, got " + std::to_string(denominator));
  if (!problems.empty()) throw pmq::error(pmq::errc::invalid_argument, problems.items());
  return pmq::rate::ratio(pmq::fraction(numerator), pmq::fraction(denominator),
                          "denominator is zero");
}
} // namespace

extern "C" {

PMQ_API int pmq_rate(int64_t numerator, int64_t denominator, int places, char **percent,
                     int *has_data) {
  return guard([&] {
    PMQ_REQUIRE(percent);
    *percent = nullptr;
    PMQ_REQUIRE(has_data);
    *has_data = 0;
    if (places < 0 || places > 9) return fail(PMQ_EINVAL, "places", "must be 0..9");
    const auto r = checked_ratio(numerator, denominator);
    if (r) {
      *percent = dup(r.percent(places));
      *has_data = 1;
    }
    return ok();
  });
}

PMQ_API int pmq_rate_check(int64_t numerator, int64_t denominator, const char *comparator,
                           const char *threshold_percent, int *status) {
  return guard([&] {
    PMQ_REQUIRE(status);
    *status = PMQ_KPI_NO_DATA;
    PMQ_REQUIRE(comparator);
    PMQ_REQUIRE(threshold_percent);
    pmq::target_spec t;
    t.op = enum_arg<pmq::comparator>(comparator, "comparator");
    const auto th = pmq::points::parse(threshold_percent);
    if (!th)
      return fail(PMQ_EINVAL, "threshold_percent",
                  std::string(1, '"') + threshold_percent +
                      "\" is not a decimal with at most 3 places");
    t.threshold = *th;
    t.unit = pmq::kpi_unit::percent;
    *status = rate_status(pmq::evaluate_target(t, checked_ratio(numerator, denominator)).status);
    return ok();
  });
}

PMQ_API int pmq_kpi_catalogue(char **catalogue_json) {
  return guard([&] {
    PMQ_REQUIRE(catalogue_json);
    *catalogue_json = nullptr;
    return give(catalogue_json, pmq::to_json_value(pmq::kpi_catalogue()));
  });
}

PMQ_API int pmq_kpi_evaluate(const char *kpi_id, const char *counts_json, char **result_json) {
  return guard([&] {
    PMQ_REQUIRE(result_json);
    *result_json = nullptr;
    PMQ_REQUIRE(kpi_id);
    PMQ_REQUIRE(counts_json);
    const pmq::kpi k(pmq::catalogue_kpi(kpi_id));
    return give(result_json, pmq::to_json(k.evaluate(pmq::quantities_from_json(
                                 pmq::parse_json(counts_json, "counts")))));
  });
}

PMQ_API int pmq_kpi_evaluate_counts(const char *kpi_id, const char *const *names,
                                    const int64_t *values, size_t count, char **result_json) {
  return guard([&] {
    PMQ_REQUIRE(result_json);
    *result_json = nullptr;
    PMQ_REQUIRE(kpi_id);
    if (count > 0) {
      PMQ_REQUIRE(names);
      PMQ_REQUIRE(values);
    }
    // The counts go through the JSON form's reader, so both forms accept exactly the same
    // values (no negative, none too large) with the same messages; a name given twice is
    // refused rather than the last one silently winning.
    pmq::json counts = pmq::json::object();
    auto &members = counts.get_ref<pmq::json::object_t &>();
    std::map<std::string_view, size_t> seen;
    for (size_t i = 0; i < count; ++i) {
      if (!names[i]) return fail(PMQ_EINVAL, pmq::join_path("names", i), "must not be NULL");
      if (const auto [at, fresh] = seen.emplace(names[i], i); !fresh)
        return fail(PMQ_EINPUT, pmq::join_path("names", i),
                    std::string("duplicate count name \"") + names[i] + "\" (also names[" +
                        std::to_string(at->second) + "])");
      // As parsed JSON: non-negative integers unsigned, negative ones signed.
      members.emplace_back(names[i], values[i] >= 0 ? pmq::json(std::uint64_t(values[i]))
                                                    : pmq::json(values[i]));
    }
    const pmq::kpi k(pmq::catalogue_kpi(kpi_id));
    return give(result_json, pmq::to_json(k.evaluate(pmq::quantities_from_json(counts))));
  });
}

PMQ_API int pmq_kpi_evaluate_custom(const char *definition_json, const char *counts_json,
                                    char **result_json) {
  return guard([&] {
    PMQ_REQUIRE(result_json);
    *result_json = nullptr;
    PMQ_REQUIRE(definition_json);
    PMQ_REQUIRE(counts_json);
    const auto k = pmq::kpi::from_json(pmq::parse_json(definition_json));
    return give(result_json, pmq::to_json(k.evaluate(pmq::quantities_from_json(
                                 pmq::parse_json(counts_json, "counts")))));
  });
}

PMQ_API int pmq_expr_evaluate(const char *expression, const char *values_json, char **result_json) {
  return guard([&] {
    PMQ_REQUIRE(result_json);
    *result_json = nullptr;
    PMQ_REQUIRE(expression);
    PMQ_REQUIRE(values_json);
    const auto values = pmq::quantities_from_json(pmq::parse_json(values_json, "values"), "values");
    const auto e = pmq::expression::parse(expression);
    return give(result_json,
                pmq::rate_to_json(e.evaluate(values, "values"), pmq::kpi_unit::count, 6));
  });
}

PMQ_API int pmq_kpi_series(const char *kpi_id, const char *months_json, const char *period_kind,
                           char **series_json) {
  return guard([&] {
    PMQ_REQUIRE(series_json);
    *series_json = nullptr;
    PMQ_REQUIRE(kpi_id);
    PMQ_REQUIRE(months_json);
    PMQ_REQUIRE(period_kind);
    const auto kind = enum_arg<pmq::period_kind>(period_kind, "period_kind");
    const pmq::kpi k(pmq::catalogue_kpi(kpi_id));
    const auto months = pmq::month_counts_from_json(pmq::parse_json(months_json));
    return give(series_json, pmq::to_json(pmq::kpi_series(k, months, kind)));
  });
}

PMQ_API int pmq_kpi_table(const char *plan_json, const char *actuals_json, const char *period,
                          char **table_json) {
  return guard([&] {
    PMQ_REQUIRE(table_json);
    *table_json = nullptr;
    PMQ_REQUIRE(plan_json);
    PMQ_REQUIRE(actuals_json);
    PMQ_REQUIRE(period);
    const auto p = period_arg(period);
    const pmq::compiled_plan plan(pmq::load_target_plan(plan_json));
    const auto months = pmq::month_actuals_from_json(pmq::parse_json(actuals_json));
    return give(table_json, pmq::to_json(plan.table(months, p)));
  });
}

PMQ_API int pmq_fee_plan_check(const char *plan_json, const char *period, char **check_json) {
  return guard([&] {
    PMQ_REQUIRE(check_json);
    *check_json = nullptr;
    PMQ_REQUIRE(plan_json);
    PMQ_REQUIRE(period);
    const auto p = period_arg(period);
    return give(check_json, pmq::to_json(pmq::check_fee_plan(std::string_view(plan_json), p)));
  });
}

} // extern "C"
