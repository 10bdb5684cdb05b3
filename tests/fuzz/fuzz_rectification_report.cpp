// Fuzzes pmq_rectification_report: the input is a monthly rectification report request.
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 1);
  pmq_fuzz::call_string("pmq_rectification_report",
                        [&](char **out) { return pmq_rectification_report(a[0], out); });
  return 0;
}
