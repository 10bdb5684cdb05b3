// C ABI for standards and scoring: converts and forwards to pmq::compiled_standard.
#include "common.hpp"

#include "pmq/rollup.hpp"
#include "pmq/scoring.hpp"

struct pmq_standard {
  pmq::compiled_standard compiled;
};

using namespace pmq::capi;

extern "C" {

PMQ_API int pmq_standard_load(const char *standard_json, pmq_standard **out) {
  return guard([&] {
    PMQ_REQUIRE(out);
    *out = nullptr;
    PMQ_REQUIRE(standard_json);
    *out = new pmq_standard{pmq::compiled_standard(pmq::load_standard(standard_json))};
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
    const auto result = standard->compiled.score(pmq::load_inspection(inspection_json));
    return give(result_json, pmq::to_json(result));
  });
}

PMQ_API int pmq_score_batch(const pmq_standard *standard, const char *inspections_json,
                            char **results_json) {
  return guard([&] {
    PMQ_REQUIRE(results_json);
    *results_json = nullptr;
    PMQ_REQUIRE(standard);
    PMQ_REQUIRE(inspections_json);
    const auto batch = pmq::load_inspections(inspections_json);
    return give(results_json, pmq::to_json_value(standard->compiled.score(batch)));
  });
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

PMQ_API int pmq_rollup(const char *input_json, char **result_json) {
  return guard([&] {
    PMQ_REQUIRE(result_json);
    *result_json = nullptr;
    PMQ_REQUIRE(input_json);
    return give(result_json, pmq::to_json(pmq::roll_up(std::string_view(input_json))));
  });
}

} // extern "C"
