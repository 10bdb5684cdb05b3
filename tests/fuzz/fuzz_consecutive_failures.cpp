// Fuzzes pmq_consecutive_failures: the input is assessments for consecutive failures.
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 1);
  pmq_fuzz::call_string("pmq_consecutive_failures",
                        [&](char **out) { return pmq_consecutive_failures(a[0], out); });
  return 0;
}
