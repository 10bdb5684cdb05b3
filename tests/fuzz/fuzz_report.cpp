// Fuzzes pmq_report_inspection, pmq_report_assessment and pmq_report_targets: the input is a
// document, a second document (the targets' actuals), a period and a language (NUL between).
// The first document is read as an inspection, an assessment request and a target plan.
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const pmq_fuzz::args a(data, size, 4);
  static pmq_standard *residential = [] {
    pmq_standard *s = nullptr;
    pmq_standard_builtin(nullptr, &s);
    return s;
  }();
  pmq_fuzz::call_text("pmq_report_inspection", [&](char **out) {
    return pmq_report_inspection(residential, a[0], a[3], out);
  });
  pmq_fuzz::call_string("pmq_score_lang",
                        [&](char **out) { return pmq_score_lang(residential, a[0], a[3], out); });
  pmq_fuzz::call_text("pmq_report_assessment",
                      [&](char **out) { return pmq_report_assessment(a[0], a[3], out); });
  pmq_fuzz::call_text("pmq_report_targets",
                      [&](char **out) { return pmq_report_targets(a[0], a[1], a[2], a[3], out); });
  return 0;
}
