// C ABI for standards and scoring: converts and forwards to pmq::compiled_standard.
#include "common.hpp"

#include "pmq/scoring.hpp"

struct pmq_standard {
  pmq::compiled_standard compiled;
};

using namespace pmq::capi;

extern "C" {

PMQ_API int pmq_standard_load(const char* standard_json, pmq_standard** out) {
  return guard([&] {
    PMQ_REQUIRE(out);
    *out = nullptr;
    PMQ_REQUIRE(standard_json);
    *out = new pmq_standard{pmq::compiled_standard(pmq::load_standard(standard_json))};
    return ok();
  });
}

PMQ_API int pmq_standard_builtin(const char* id, pmq_standard** out) {
  return guard([&] {
    PMQ_REQUIRE(out);
    *out = nullptr;
    *out = new pmq_standard{pmq::compiled_standard(pmq::builtin_standard(id ? id : ""))};
    return ok();
  });
}

PMQ_API int pmq_builtin_standards(char** ids_json) {
  return guard([&] {
    PMQ_REQUIRE(ids_json);
    *ids_json = nullptr;
    return give(ids_json, pmq::json(pmq::builtin_standard_ids()));
  });
}

PMQ_API int pmq_standard_to_json(const pmq_standard* standard, char** out_json) {
  return guard([&] {
    PMQ_REQUIRE(out_json);
    *out_json = nullptr;
    PMQ_REQUIRE(standard);
    return give(out_json, pmq::to_json(standard->compiled.definition()));
  });
}

PMQ_API void pmq_standard_free(pmq_standard* standard) { delete standard; }

PMQ_API int pmq_score(const pmq_standard* standard, const char* inspection_json,
                      char** result_json) {
  return guard([&] {
    PMQ_REQUIRE(result_json);
    *result_json = nullptr;
    PMQ_REQUIRE(standard);
    PMQ_REQUIRE(inspection_json);
    const auto result = standard->compiled.score(pmq::load_inspection(inspection_json));
    return give(result_json, pmq::to_json(result));
  });
}

PMQ_API int pmq_score_batch(const pmq_standard* standard, const char* inspections_json,
                            char** results_json) {
  return guard([&] {
    PMQ_REQUIRE(results_json);
    *results_json = nullptr;
    PMQ_REQUIRE(standard);
    PMQ_REQUIRE(inspections_json);
    const auto batch = pmq::load_inspections(inspections_json);
    return give(results_json, pmq::to_json_value(standard->compiled.score(batch)));
  });
}

} // extern "C"
