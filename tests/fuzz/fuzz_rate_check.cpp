// Fuzzes pmq_rate_check: the input is a comparator, a threshold, a numerator and a denominator (NUL
// between).
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 4);
  int status = -1;
  pmq_fuzz::check_status("pmq_rate_check",
                         pmq_rate_check(a.integer(2), a.integer(3), a[0], a[1], &status));
  if (status != PMQ_KPI_NO_DATA && status != PMQ_KPI_MET && status != PMQ_KPI_MISSED)
    __builtin_trap();
  return 0;
}
