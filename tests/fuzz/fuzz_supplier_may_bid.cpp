// Fuzzes pmq_supplier_may_bid: the input is a may-bid query.
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 1);
  pmq_fuzz::call_string("pmq_supplier_may_bid",
                        [&](char **out) { return pmq_supplier_may_bid(a[0], out); });
  return 0;
}
