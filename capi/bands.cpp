// C ABI for band tables and the per-point pay scheme: converts and forwards to pmq/bands.hpp.
#include "common.hpp"

#include "pmq/bands.hpp"

struct pmq_bands {
  pmq::band_table table;
};

using namespace pmq::capi;

extern "C" {

PMQ_API int pmq_bands_load(const char *bands_json, pmq_bands **out) {
  return guard([&] {
    PMQ_REQUIRE(out);
    *out = nullptr;
    PMQ_REQUIRE(bands_json);
    *out = new pmq_bands{pmq::load_band_table(bands_json)};
    return ok();
  });
}

PMQ_API int pmq_bands_builtin(const char *id, pmq_bands **out) {
  return guard([&] {
    PMQ_REQUIRE(out);
    *out = nullptr;
    PMQ_REQUIRE(id);
    *out = new pmq_bands{pmq::builtin_band_table(id)};
    return ok();
  });
}

PMQ_API int pmq_bands_classify(const pmq_bands *bands, int64_t score_milli, char **band_json) {
  return guard([&] {
    PMQ_REQUIRE(band_json);
    *band_json = nullptr;
    PMQ_REQUIRE(bands);
    return give(band_json, pmq::to_json_value(
                               pmq::classify(bands->table, pmq::points::from_milli(score_milli))));
  });
}

PMQ_API int pmq_bands_classify_exact(const pmq_bands *bands, const char *score, char **band_json) {
  return guard([&] {
    PMQ_REQUIRE(band_json);
    *band_json = nullptr;
    PMQ_REQUIRE(bands);
    PMQ_REQUIRE(score);
    return give(band_json,
                pmq::to_json_value(pmq::classify(bands->table, exact_argument(score, "score"))));
  });
}

PMQ_API void pmq_bands_free(pmq_bands *bands) { delete bands; }

PMQ_API int pmq_per_point_pay(int64_t score_milli, const char *scheme_json, char **result_json) {
  return guard([&] {
    PMQ_REQUIRE(result_json);
    *result_json = nullptr;
    const auto scheme = scheme_json ? pmq::from_json_text<pmq::per_point_scheme>(scheme_json)
                                    : pmq::per_point_scheme{};
    return give(result_json, pmq::to_json_value(
                                 pmq::per_point_pay(pmq::points::from_milli(score_milli), scheme)));
  });
}

PMQ_API int pmq_per_point_pay_exact(const char *score, const char *scheme_json,
                                    char **result_json) {
  return guard([&] {
    PMQ_REQUIRE(result_json);
    *result_json = nullptr;
    PMQ_REQUIRE(score);
    const auto scheme = scheme_json ? pmq::from_json_text<pmq::per_point_scheme>(scheme_json)
                                    : pmq::per_point_scheme{};
    return give(result_json,
                pmq::to_json_value(pmq::per_point_pay(exact_argument(score, "score"), scheme)));
  });
}

} // extern "C"
