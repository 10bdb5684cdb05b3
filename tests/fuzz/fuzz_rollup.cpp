// Fuzzes pmq_rollup: the input is a roll-up request (branches, projects, scores).
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 1);
  pmq_fuzz::call_string("pmq_rollup", [&](char **out) { return pmq_rollup(a[0], out); });
  return 0;
}
