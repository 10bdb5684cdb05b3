// Fuzzes pmq_score_batch_summary: the input is an array of inspections, scored against the default
// built-in standard.
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 1);
  static pmq_standard *standard = [] {
    pmq_standard *s = nullptr;
    pmq_standard_builtin(nullptr, &s);
    return s;
  }();
  pmq_fuzz::call_string("pmq_score_batch_summary",
                        [&](char **out) { return pmq_score_batch_summary(standard, a[0], out); });
  return 0;
}
