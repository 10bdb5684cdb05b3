#!/bin/sh
# Runs one fuzz harness for SECONDS and writes its summary line; sh cmake/dev.sh fuzz runs
# every harness through this, PMQ_FUZZ_JOBS at a time.
#   usage: sh tests/fuzz/run_one.sh SECONDS RUNS_DIR build/fuzz/tests/fuzz/fuzz_NAME
# New inputs go to RUNS_DIR/corpus/NAME (tests/fuzz/corpus/NAME holds the seeds), crashes to
# RUNS_DIR/artifacts/NAME-*, the log to RUNS_DIR/NAME.log. Exit status 1 on a finding.
set -u
seconds=$1
runs=$2
bin=$3
name=$(basename "$bin")
name=${name#fuzz_}
mkdir -p "$runs/corpus/$name" "$runs/artifacts"
status=0
"$bin" -max_total_time="$seconds" -timeout=30 -print_final_stats=1 \
  -dict=tests/fuzz/pmq.dict -artifact_prefix="$runs/artifacts/$name-" \
  "$runs/corpus/$name" "tests/fuzz/corpus/$name" >"$runs/$name.log" 2>&1 || status=1
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$runs/$name.log")
done_line=$(grep 'DONE' "$runs/$name.log" | tail -n 1)
cov=$(echo "$done_line" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
ft=$(echo "$done_line" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
corp=$(echo "$done_line" | sed -n 's/.*corp: \([0-9]*\).*/\1/p')
printf '%-24s %11s execs   cov %5s   ft %6s   corpus %5s%s\n' "$name" "${execs:-?}" \
  "${cov:-?}" "${ft:-?}" "${corp:-?}" "$([ $status -eq 0 ] || echo '   FAILED')" \
  >"$runs/$name.summary"
cat "$runs/$name.summary"
if [ $status -ne 0 ]; then
  tail -n 40 "$runs/$name.log" >&2
  exit 1
fi
