// Fuzzes pmq_standard_builtin: the input is the id of a built-in standard.
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 1);
  auto *s = pmq_fuzz::call_handle<pmq_standard>(
      "pmq_standard_builtin", [&](pmq_standard **out) { return pmq_standard_builtin(a[0], out); });
  pmq_standard_free(s);
  return 0;
}
