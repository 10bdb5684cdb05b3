// Fuzzes pmq_archive_loans: the input is an archive loans request.
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 1);
  pmq_fuzz::call_string("pmq_archive_loans",
                        [&](char **out) { return pmq_archive_loans(a[0], out); });
  return 0;
}
