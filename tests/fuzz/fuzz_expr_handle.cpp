// Fuzzes pmq_expr_create and pmq_expr_eval_int64: the input is an expression and a list of
// integers (separated by a NUL byte); the integers are the values, one per name, cycled.
#include "harness.hpp"

#include <cstdlib>
#include <cstring>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 2);
  pmq_expr *e = pmq_fuzz::call_handle<pmq_expr>(
      "pmq_expr_create", [&](pmq_expr **out) { return pmq_expr_create(a[0], out); });
  if (!e) return 0;
  std::size_t n = 0;
  pmq_fuzz::check_status("pmq_expr_name_count", pmq_expr_name_count(e, &n));
  std::vector<std::int64_t> values(n, 0);
  const char *p = a[1];
  for (std::size_t i = 0; i < n && *p; ++i) {
    char *end = nullptr;
    values[i] = std::strtoll(p, &end, 10);
    p = end && end != p ? end : p + 1;
    while (*p == ' ' || *p == ',')
      ++p;
  }
  std::int64_t num = 0, den = 0;
  pmq_fuzz::check_status("pmq_expr_eval_int64",
                         pmq_expr_eval_int64(e, values.data(), n, &num, &den));
  pmq_expr_free(e);
  return 0;
}
