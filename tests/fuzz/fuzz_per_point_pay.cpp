// Fuzzes pmq_per_point_pay: the input is a per-point pay scheme, then a score in 1/1000 points (NUL
// between).
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 2);
  std::int64_t score = a.integer(1);
#if PMQ_FUZZ_TOLERATE_ISSUE9
  // TODO(issue 9): points::operator- overflows for INT64_MIN (issue 10, defect 2); the lead
  // removes this clamp when merging issue 9.
  if (score < -1000000000000) score = -1000000000000;
  if (score > 1000000000000) score = 1000000000000;
#endif
  pmq_fuzz::call_string("pmq_per_point_pay",
                        [&](char **out) { return pmq_per_point_pay(score, a[0], out); });
  pmq_fuzz::call_string("pmq_per_point_pay",
                        [&](char **out) { return pmq_per_point_pay(score, nullptr, out); });
  return 0;
}
