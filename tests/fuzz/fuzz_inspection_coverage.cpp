// Fuzzes pmq_inspection_coverage: the input is a coverage request (a plan and the checks done).
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 1);
  pmq_fuzz::call_string("pmq_inspection_coverage",
                        [&](char **out) { return pmq_inspection_coverage(a[0], out); });
  return 0;
}
