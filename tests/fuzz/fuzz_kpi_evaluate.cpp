// Fuzzes pmq_kpi_evaluate: the input is a KPI id and its counts. (separated by a NUL byte).
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 2);
  pmq_fuzz::call_string("pmq_kpi_evaluate",
                        [&](char **out) { return pmq_kpi_evaluate(a[0], a[1], out); });
  return 0;
}
