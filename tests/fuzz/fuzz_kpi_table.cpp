// Fuzzes pmq_kpi_table: the input is a target plan, actuals and a period. (separated by NUL bytes).
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 3);
  pmq_fuzz::call_string("pmq_kpi_table",
                        [&](char **out) { return pmq_kpi_table(a[0], a[1], a[2], out); });
  return 0;
}
