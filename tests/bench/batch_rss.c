/* Peak memory of one JSON batch (docs/performance.md): pmq_score_batch (or, with "summary",
 * pmq_score_batch_summary) of N inspections of the built-in standard, each with findings,
 * then the process's peak resident set (getrusage), the input's and the output's size, as
 * JSON on stdout. Usage: pmq_batch_rss [N] [summary]. Built with the benchmarks. */
#include <pmq/pmq.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

static const char *one =
    "{\"id\":\"INS-%06d\",\"project\":\"翠湖花园\",\"date\":\"2026-11-18\",\"responses\":["
    "{\"item\":\"KF-04\",\"findings\":[{\"description\":\"公告栏通知已过期，未及时撤除\","
    "\"location\":\"客服中心\",\"time\":\"2026-11-18T09:05+08:00\",\"department\":\"客服部\"}]},"
    "{\"item\":\"KF-05\",\"passed\":true},{\"item\":\"LH-05\",\"passed\":false},"
    "{\"item\":\"BJ-01\",\"defects\":%d},{\"item\":\"SB-05\",\"not_applicable\":true}]}";

int main(int argc, char **argv) {
  const int n = argc > 1 ? atoi(argv[1]) : 10000;
  const int summary = argc > 2 && strcmp(argv[2], "summary") == 0;
  pmq_standard *s = NULL;
  size_t cap = (size_t)n * 512 + 16, len = 0;
  char *text = malloc(cap);
  char *out = NULL;
  int k, status;
  struct rusage ru;
  if (!text || pmq_standard_builtin(NULL, &s) != PMQ_OK) return 1;
  text[len++] = '[';
  for (k = 0; k < n; ++k) {
    if (k) text[len++] = ',';
    len += (size_t)snprintf(text + len, cap - len, one, k, k % 9);
  }
  text[len++] = ']';
  text[len] = '\0';
  status = summary ? pmq_score_batch_summary(s, text, &out) : pmq_score_batch(s, text, &out);
  if (status != PMQ_OK) {
    fprintf(stderr, "%.200s\n", pmq_last_error());
    return 1;
  }
  getrusage(RUSAGE_SELF, &ru);
  printf("{\"inspections\": %d, \"form\": \"%s\", \"input_bytes\": %zu, \"output_bytes\": %zu, "
         "\"peak_rss_kb\": %ld}\n",
         n, summary ? "summary" : "explained", len, strlen(out), ru.ru_maxrss);
  pmq_free(out);
  free(text);
  pmq_standard_free(s);
  return 0;
}
