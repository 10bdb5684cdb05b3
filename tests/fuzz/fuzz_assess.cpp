// Fuzzes pmq_assess and pmq_assess_table: the input is an assessment request, then a table
// format and a language (NUL between).
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 3);
  pmq_fuzz::call_string("pmq_assess", [&](char **out) { return pmq_assess(a[0], out); });
  pmq_fuzz::call_text("pmq_assess_table",
                      [&](char **out) { return pmq_assess_table(a[0], a[1], a[2], out); });
  return 0;
}
