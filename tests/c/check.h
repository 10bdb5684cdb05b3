/* The C tests' harness (C11): CHECK counts a check and reports a failed one with pmq's last
   error; check_report() prints "N passed, N failed" and gives main's exit status. Each test
   program includes this once. */
#ifndef PMQ_TESTS_C_CHECK_H
#define PMQ_TESTS_C_CHECK_H

#include <pmq/pmq.h>

#include <stdio.h>
#include <string.h>

static int failures = 0;
static int checks = 0;

#define CHECK(cond)                                                                                \
  do {                                                                                             \
    ++checks;                                                                                      \
    if (!(cond)) {                                                                                 \
      ++failures;                                                                                  \
      fprintf(stderr, "%s:%d: CHECK failed: %s (last error: %s)\n", __FILE__, __LINE__, #cond,     \
              pmq_last_error());                                                                   \
    }                                                                                              \
  } while (0)

/* Whether needle occurs in haystack (neither may be NULL). */
static inline int contains(const char *haystack, const char *needle) {
  return haystack && needle && strstr(haystack, needle) != NULL;
}

/* Prints "N passed, N failed"; returns the exit status for main (0 when nothing failed). */
static inline int check_report(void) {
  printf("%d passed, %d failed\n", checks - failures, failures);
  return failures == 0 ? 0 : 1;
}

#endif
