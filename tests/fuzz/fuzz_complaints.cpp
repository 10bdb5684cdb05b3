// Fuzzes pmq_complaints_evaluate: the input is a complaints request.
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 1);
  pmq_fuzz::call_string("pmq_complaints_evaluate",
                        [&](char **out) { return pmq_complaints_evaluate(a[0], out); });
  return 0;
}
