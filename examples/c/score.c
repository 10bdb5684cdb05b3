/* Scores an inspection (JSON file) against the built-in residential standard from C. */
#include <pmq/pmq.h>

#include <stdio.h>
#include <stdlib.h>

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  char *buf;
  long n;
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  fseek(f, 0, SEEK_SET);
  buf = malloc((size_t)n + 1);
  if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
    free(buf);
    buf = NULL;
  }
  if (buf) buf[n] = '\0';
  fclose(f);
  return buf;
}

int main(int argc, char **argv) {
  pmq_standard *standard = NULL;
  char *inspection, *result = NULL;
  int rc;
  if (argc != 2) {
    fprintf(stderr, "usage: example_score_c INSPECTION.json\n");
    return 2;
  }
  inspection = slurp(argv[1]);
  if (!inspection) {
    fprintf(stderr, "cannot read %s\n", argv[1]);
    return 2;
  }
  rc = pmq_standard_builtin(NULL, &standard);
  if (rc == PMQ_OK) rc = pmq_score(standard, inspection, &result);
  if (rc != PMQ_OK) {
    fprintf(stderr, "pmq error %d at %s: %s\n", rc, pmq_last_error_path(), pmq_last_error());
  } else {
    printf("%s\n", result);
  }
  pmq_free(result);
  pmq_standard_free(standard);
  free(inspection);
  return rc == PMQ_OK ? 0 : 1;
}
