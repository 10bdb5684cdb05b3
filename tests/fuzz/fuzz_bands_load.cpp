// Fuzzes pmq_bands_load, pmq_bands_classify and pmq_bands_classify_exact: the input is a band
// table, then a score to classify (NUL between), read as 1/1000 points and as exact text.
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 2);
  auto *b = pmq_fuzz::call_handle<pmq_bands>(
      "pmq_bands_load", [&](pmq_bands **out) { return pmq_bands_load(a[0], out); });
  if (!b) return 0;
  for (const std::int64_t score :
       {a.integer(1), std::int64_t(0), std::int64_t(90000), std::int64_t(100000), std::int64_t(-1)})
    pmq_fuzz::call_string("pmq_bands_classify",
                          [&](char **out) { return pmq_bands_classify(b, score, out); });
  pmq_fuzz::call_string("pmq_bands_classify_exact",
                        [&](char **out) { return pmq_bands_classify_exact(b, a[1], out); });
  pmq_bands_free(b);
  return 0;
}
