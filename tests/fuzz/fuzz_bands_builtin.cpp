// Fuzzes pmq_bands_builtin: the input is the id of a built-in band table, then a score (NUL
// between).
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 2);
  auto *b = pmq_fuzz::call_handle<pmq_bands>(
      "pmq_bands_builtin", [&](pmq_bands **out) { return pmq_bands_builtin(a[0], out); });
  if (!b) return 0;
  const std::int64_t score = a.integer(1);
  pmq_fuzz::call_string("pmq_bands_classify",
                        [&](char **out) { return pmq_bands_classify(b, score, out); });
  pmq_bands_free(b);
  return 0;
}
