// Fuzzes pmq_supplier_month: the input is a monthly record and its rules. (separated by a NUL
// byte).
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 2);
  pmq_fuzz::call_string("pmq_supplier_month",
                        [&](char **out) { return pmq_supplier_month(a[0], a[1], out); });
  // An empty rules argument means the defaults: try them too.
  pmq_fuzz::call_string("pmq_supplier_month",
                        [&](char **out) { return pmq_supplier_month(a[0], nullptr, out); });
  return 0;
}
