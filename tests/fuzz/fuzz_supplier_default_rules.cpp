// Fuzzes pmq_supplier_default_rules: the input is the name of a default rules document.
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 1);
  pmq_fuzz::call_string("pmq_supplier_default_rules",
                        [&](char **out) { return pmq_supplier_default_rules(a[0], out); });
  return 0;
}
