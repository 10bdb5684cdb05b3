// C ABI for standards and scoring: converts and forwards to pmq::compiled_standard.
#include "common.hpp"
#include "standard_handle.hpp"

#include "pmq/rollup.hpp"
#include "pmq/scoring.hpp"

using namespace pmq::capi;

namespace {
int score_batch(const pmq_standard *standard, const char *inspections_json, char **results_json,
                pmq::result_form form) {
  return guard([&] {
    PMQ_REQUIRE(results_json);
    *results_json = nullptr;
    PMQ_REQUIRE(standard);
    PMQ_REQUIRE(inspections_json);
    // One inspection at a time: the results are written straight into the caller's buffer.
    text_buffer out;
    pmq::score_json_batch(
        standard->compiled, inspections_json, [&](std::string_view piece) { out.append(piece); },
        form);
    *results_json = out.release();
    return ok();
  });
}
} // namespace

extern "C" {

PMQ_API int pmq_standard_load(const char *standard_json, pmq_standard **out) {
  return guard([&] {
    PMQ_REQUIRE(out);
    *out = nullptr;
    PMQ_REQUIRE(standard_json);
    *out = new pmq_standard{pmq::compiled_standard::load(standard_json)};
    return ok();
  });
}

PMQ_API int pmq_standard_builtin(const char *id, pmq_standard **out) {
  return guard([&] {
    PMQ_REQUIRE(out);
    *out = nullptr;
    *out = new pmq_standard{pmq::compiled_standard(pmq::builtin_standard(id ? id : ""))};
    return ok();
  });
}

PMQ_API int pmq_builtin_standards(char **ids_json) {
  return guard([&] {
    PMQ_REQUIRE(ids_json);
    *ids_json = nullptr;
    return give(ids_json, pmq::json(pmq::builtin_standard_ids()));
  });
}

PMQ_API int pmq_standard_to_json(const pmq_standard *standard, char **out_json) {
  return guard([&] {
    PMQ_REQUIRE(out_json);
    *out_json = nullptr;
    PMQ_REQUIRE(standard);
    return give(out_json, pmq::to_json(standard->compiled.definition()));
  });
}

PMQ_API void pmq_standard_free(pmq_standard *standard) { delete standard; }

PMQ_API int pmq_score(const pmq_standard *standard, const char *inspection_json,
                      char **result_json) {
  return guard([&] {
    PMQ_REQUIRE(result_json);
    *result_json = nullptr;
    PMQ_REQUIRE(standard);
    PMQ_REQUIRE(inspection_json);
    const auto result =
        standard->compiled.score(standard->compiled.read_inspection(inspection_json));
    *result_json = dup(pmq::to_json_text(result));
    return ok();
  });
}

PMQ_API int pmq_score_summary(const pmq_standard *standard, const char *inspection_json,
                              char **summary_json) {
  return guard([&] {
    PMQ_REQUIRE(summary_json);
    *summary_json = nullptr;
    PMQ_REQUIRE(standard);
    PMQ_REQUIRE(inspection_json);
    const auto summary =
        standard->compiled.summarize(standard->compiled.read_inspection(inspection_json));
    *summary_json = dup(pmq::to_json_text(summary));
    return ok();
  });
}

PMQ_API int pmq_score_batch(const pmq_standard *standard, const char *inspections_json,
                            char **results_json) {
  return score_batch(standard, inspections_json, results_json, pmq::result_form::explained);
}

PMQ_API int pmq_score_batch_summary(const pmq_standard *standard, const char *inspections_json,
                                    char **summaries_json) {
  return score_batch(standard, inspections_json, summaries_json, pmq::result_form::summary);
}

PMQ_API int pmq_standard_derive(const pmq_standard *company, const char *selection_json,
                                pmq_standard **out) {
  return guard([&] {
    PMQ_REQUIRE(out);
    *out = nullptr;
    PMQ_REQUIRE(company);
    PMQ_REQUIRE(selection_json);
    const auto sel = pmq::from_json_text<pmq::selection>(selection_json);
    *out = new pmq_standard{
        pmq::compiled_standard(pmq::derive_standard(company->compiled.definition(), sel))};
    return ok();
  });
}

PMQ_API int pmq_standard_item_count(const pmq_standard *standard, size_t *count) {
  return guard([&] {
    PMQ_REQUIRE(count);
    PMQ_REQUIRE(standard);
    *count = standard->compiled.item_count();
    return ok();
  });
}

PMQ_API int pmq_score_values(const pmq_standard *standard, const int64_t *values, size_t count,
                             int64_t *score_milli) {
  return guard([&] {
    PMQ_REQUIRE(score_milli);
    PMQ_REQUIRE(standard);
    if (count > 0) PMQ_REQUIRE(values);
    const auto r = standard->compiled.score_values(std::span<const std::int64_t>(values, count));
    *score_milli = r ? r->milli() : PMQ_NO_DATA;
    return ok();
  });
}

PMQ_API int pmq_score_values_batch(const pmq_standard *standard, const int64_t *values,
                                   size_t inspections, size_t items, int64_t *scores_milli) {
  return guard([&] {
    PMQ_REQUIRE(standard);
    if (inspections > 0) PMQ_REQUIRE(scores_milli);
    const std::size_t expected = standard->compiled.item_count();
    if (items != expected)
      throw pmq::error(pmq::errc::invalid_input, "values",
                       "rows of " + std::to_string(items) + " values, but the standard has " +
                           std::to_string(expected) + " items");
    if (items != 0 && inspections > SIZE_MAX / items)
      throw pmq::error(pmq::errc::invalid_input, "values", "too many values");
    if (inspections > 0 && items > 0) PMQ_REQUIRE(values);
    standard->compiled.score_values(std::span<const std::int64_t>(values, inspections * items),
                                    std::span<std::int64_t>(scores_milli, inspections));
    return ok();
  });
}

PMQ_API int pmq_rollup(const char *input_json, char **result_json) {
  return guard([&] {
    PMQ_REQUIRE(result_json);
    *result_json = nullptr;
    PMQ_REQUIRE(input_json);
    return give(result_json, pmq::to_json(pmq::roll_up(std::string_view(input_json))));
  });
}

} // extern "C"
