// Fuzzes pmq_calendar_deadlines: the input is a monthly deadlines request.
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 1);
  pmq_fuzz::call_string("pmq_calendar_deadlines",
                        [&](char **out) { return pmq_calendar_deadlines(a[0], out); });
  return 0;
}
