// Fuzzes pmq_kpi_evaluate_counts: the input is a KPI id, then name/value pairs (all separated by
// NUL bytes).
#include "harness.hpp"

#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 9);
  std::vector<const char *> names;
  std::vector<std::int64_t> values;
  for (std::size_t i = 1; i + 1 < 9; i += 2) {
    names.push_back(a[i]);
    values.push_back(a.integer(i + 1));
  }
  pmq_fuzz::call_string("pmq_kpi_evaluate_counts", [&](char **out) {
    return pmq_kpi_evaluate_counts(a[0], names.data(), values.data(), names.size(), out);
  });
  return 0;
}
