// Fuzzes pmq_supplier_qualify: the input is a qualification checklist.
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 1);
  pmq_fuzz::call_string("pmq_supplier_qualify",
                        [&](char **out) { return pmq_supplier_qualify(a[0], out); });
  return 0;
}
