// Fuzzes pmq_fee_plan_check: the input is a fee plan and a period. (separated by a NUL byte).
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 2);
  pmq_fuzz::call_string("pmq_fee_plan_check",
                        [&](char **out) { return pmq_fee_plan_check(a[0], a[1], out); });
  return 0;
}
