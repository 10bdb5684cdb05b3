// Fuzzes pmq_per_point_pay and pmq_per_point_pay_exact: the input is a per-point pay scheme,
// then a score (NUL between), read as 1/1000 points and as exact text.
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 2);
  const std::int64_t score = a.integer(1);
  pmq_fuzz::call_string("pmq_per_point_pay",
                        [&](char **out) { return pmq_per_point_pay(score, a[0], out); });
  pmq_fuzz::call_string("pmq_per_point_pay",
                        [&](char **out) { return pmq_per_point_pay(score, nullptr, out); });
  pmq_fuzz::call_string("pmq_per_point_pay_exact",
                        [&](char **out) { return pmq_per_point_pay_exact(a[1], a[0], out); });
  return 0;
}
