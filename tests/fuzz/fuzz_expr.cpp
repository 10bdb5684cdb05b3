// Fuzzes pmq_expr_evaluate: the input is an expression and its values. (separated by a NUL byte).
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 2);
  pmq_fuzz::call_string("pmq_expr_evaluate",
                        [&](char **out) { return pmq_expr_evaluate(a[0], a[1], out); });
  return 0;
}
