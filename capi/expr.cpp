// C ABI for a compiled expression of the KPI language: parsed once, evaluated many times with
// typed values (int64 in, an exact fraction out). Converts and forwards to pmq::expression.
#include "common.hpp"

#include "pmq/expr.hpp"

#include <limits>
#include <vector>

struct pmq_expr {
  pmq::expression compiled;
};

using namespace pmq::capi;

extern "C" {

PMQ_API int pmq_expr_create(const char *expression, pmq_expr **out) {
  return guard([&] {
    PMQ_REQUIRE(out);
    *out = nullptr;
    PMQ_REQUIRE(expression);
    *out = new pmq_expr{pmq::expression::parse(expression)};
    return ok();
  });
}

PMQ_API void pmq_expr_free(pmq_expr *expr) { delete expr; }

PMQ_API int pmq_expr_name_count(const pmq_expr *expr, size_t *count) {
  return guard([&] {
    PMQ_REQUIRE(count);
    PMQ_REQUIRE(expr);
    *count = expr->compiled.names().size();
    return ok();
  });
}

PMQ_API int pmq_expr_name(const pmq_expr *expr, size_t index, const char **name) {
  return guard([&] {
    PMQ_REQUIRE(name);
    *name = nullptr;
    PMQ_REQUIRE(expr);
    const auto &names = expr->compiled.names();
    if (index >= names.size())
      throw pmq::error(pmq::errc::invalid_argument, "index",
                       "the expression reads " + std::to_string(names.size()) +
                           " names, no name at index " + std::to_string(index));
    *name = names[index].c_str();
    return ok();
  });
}

PMQ_API int pmq_expr_eval_int64(const pmq_expr *expr, const int64_t *values, size_t count,
                                int64_t *numerator, int64_t *denominator) {
  return guard([&] {
    PMQ_REQUIRE(numerator);
    PMQ_REQUIRE(denominator);
    *numerator = 0;
    *denominator = 0;
    PMQ_REQUIRE(expr);
    if (count > 0) PMQ_REQUIRE(values);
    pmq::problem_list problems;
    for (size_t i = 0; i < count; ++i)
      if (values[i] < 0)
        problems.add(pmq::join_path("values", i),
                     "must be a count of 0 or more, got " + std::to_string(values[i]));
    problems.throw_if_any();
    // Small counts: fractions without heap allocation, kept on the stack.
    constexpr std::size_t inline_values = 16;
    pmq::fraction local[inline_values];
    std::vector<pmq::fraction> heap;
    pmq::fraction *v = local;
    if (count > inline_values) {
      heap.resize(count);
      v = heap.data();
    }
    for (size_t i = 0; i < count; ++i)
      v[i] = values[i];
    const auto r = expr->compiled.evaluate(std::span<const pmq::fraction>(v, count));
    if (!r) return ok(); // no data: denominator 0
    const pmq::integer n = boost::multiprecision::numerator(r.value());
    const pmq::integer d = boost::multiprecision::denominator(r.value());
    constexpr auto lo = std::numeric_limits<std::int64_t>::min();
    constexpr auto hi = std::numeric_limits<std::int64_t>::max();
    if (n < lo || n > hi || d > hi)
      throw pmq::error(pmq::errc::invalid_input, "values",
                       "the result " + pmq::to_string(r.value()) +
                           " does not fit int64 numerator and denominator; use "
                           "pmq_expr_evaluate for any size");
    *numerator = n.convert_to<std::int64_t>();
    *denominator = d.convert_to<std::int64_t>();
    return ok();
  });
}

} // extern "C"
