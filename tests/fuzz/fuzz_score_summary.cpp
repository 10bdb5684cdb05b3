// Fuzzes pmq_score_summary: the input is an inspection, scored against each built-in standard.
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 1);
  static pmq_standard *residential = [] {
    pmq_standard *s = nullptr;
    pmq_standard_builtin(nullptr, &s);
    return s;
  }();
  static pmq_standard *national = [] {
    pmq_standard *s = nullptr;
    pmq_standard_builtin("cn-national-demo-estate", &s);
    return s;
  }();
  for (const pmq_standard *s : {residential, national})
    pmq_fuzz::call_string("pmq_score_summary",
                          [&](char **out) { return pmq_score_summary(s, a[0], out); });
  return 0;
}
