// Fuzzes pmq_standard_derive: the input is a selection deriving a project standard from the
// national built-in one, then an inspection scored against it (NUL between).
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 2);
  static pmq_standard *company = [] {
    pmq_standard *s = nullptr;
    pmq_standard_builtin("cn-national-demo-estate", &s);
    return s;
  }();
  auto *s = pmq_fuzz::call_handle<pmq_standard>("pmq_standard_derive", [&](pmq_standard **out) {
    return pmq_standard_derive(company, a[0], out);
  });
  if (!s) return 0;
  pmq_fuzz::call_string("pmq_standard_to_json",
                        [&](char **out) { return pmq_standard_to_json(s, out); });
  pmq_fuzz::call_string("pmq_score", [&](char **out) { return pmq_score(s, a[1], out); });
  pmq_standard_free(s);
  return 0;
}
