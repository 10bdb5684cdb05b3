// Fuzzes pmq_standard_load: the input is a standard, then an inspection scored against it (NUL
// between).
#include "harness.hpp"

#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 2);
  auto *s = pmq_fuzz::call_handle<pmq_standard>(
      "pmq_standard_load", [&](pmq_standard **out) { return pmq_standard_load(a[0], out); });
  if (!s) return 0;
  pmq_fuzz::call_string("pmq_standard_to_json",
                        [&](char **out) { return pmq_standard_to_json(s, out); });
  pmq_fuzz::call_string("pmq_score", [&](char **out) { return pmq_score(s, a[1], out); });
  std::size_t n = 0;
  pmq_fuzz::check_status("pmq_standard_item_count", pmq_standard_item_count(s, &n));
  // Every item unanswered, then every item failed in the first way each kind allows.
  std::vector<std::int64_t> values(n, PMQ_NO_RESPONSE);
  std::int64_t score = 0;
  pmq_fuzz::check_status("pmq_score_values", pmq_score_values(s, values.data(), n, &score));
  values.assign(n, 1);
  pmq_fuzz::check_status("pmq_score_values", pmq_score_values(s, values.data(), n, &score));
  pmq_standard_free(s);
  return 0;
}
