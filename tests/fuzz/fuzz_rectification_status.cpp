// Fuzzes pmq_rectification_status: the input is a rectification status request.
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 1);
  pmq_fuzz::call_string("pmq_rectification_status",
                        [&](char **out) { return pmq_rectification_status(a[0], out); });
  return 0;
}
