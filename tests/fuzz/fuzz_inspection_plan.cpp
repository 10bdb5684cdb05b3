// Fuzzes pmq_inspection_plan: the input is an inspection plan request.
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 1);
  pmq_fuzz::call_string("pmq_inspection_plan",
                        [&](char **out) { return pmq_inspection_plan(a[0], out); });
  return 0;
}
