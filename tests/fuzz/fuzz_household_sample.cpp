// Fuzzes pmq_household_sample: the input is a household sample request.
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 1);
  pmq_fuzz::call_string("pmq_household_sample",
                        [&](char **out) { return pmq_household_sample(a[0], out); });
  return 0;
}
