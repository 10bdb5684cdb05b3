#!/bin/sh
# The README's two commands, and a few more for developers. From the repository root:
#   sh cmake/dev.sh demo    build the CLI and score the bundled example inspection
#   sh cmake/dev.sh test    build everything and run the whole test suite (ctest)
#   sh cmake/dev.sh asan    the test suite under AddressSanitizer + UBSan
#   sh cmake/dev.sh bench   build and run the benchmarks (release build)
#   sh cmake/dev.sh fuzz [SECONDS]  build the libFuzzer harnesses (clang) and run each for
#                           SECONDS (default 60); docs/reliability.md
#   sh cmake/dev.sh tsan    the thread-safety test under ThreadSanitizer (clang)
# Each first installs whatever Debian 12 packages are missing (apt-get; sudo when not root).
set -eu
cd "$(dirname "$0")/.."

packages="cmake g++ make pkg-config python3 libboost1.81-dev libboost-date-time1.81-dev nlohmann-json3-dev catch2 python3-jsonschema"
[ "${1:-}" = bench ] && packages="$packages libbenchmark-dev"
case "${1:-}" in fuzz|tsan) packages="$packages clang-14 libclang-rt-14-dev" ;; esac

missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "pmq: installing missing Debian packages:$missing"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
fi

case "${1:-}" in
  demo)
    cmake --preset release -DPMQ_BUILD_TESTS=OFF -DPMQ_BUILD_EXAMPLES=OFF -DPMQ_BUILD_BENCHMARKS=OFF >/dev/null
    cmake --build --preset release --target pmq_cli
    ./build/release/pmq score --inspection examples/data/inspection.json
    ;;
  test)
    cmake --workflow --preset dev
    ;;
  asan)
    cmake --workflow --preset asan
    ;;
  bench)
    cmake --preset release -DPMQ_BUILD_TESTS=ON -DPMQ_BUILD_BENCHMARKS=ON >/dev/null
    cmake --build --preset release --target pmq_bench
    ./build/release/tests/pmq_bench
    ;;
  fuzz)
    seconds="${2:-60}"
    cmake --preset fuzz >/dev/null
    cmake --build --preset fuzz
    # New inputs go to build/fuzz/runs/corpus/<harness>; tests/fuzz/corpus holds the seeds.
    runs=build/fuzz/runs
    mkdir -p "$runs/artifacts"
    : >"$runs/summary.txt"
    failed=""
    total=0
    for bin in build/fuzz/tests/fuzz/fuzz_*; do
      name=$(basename "$bin")
      name=${name#fuzz_}
      mkdir -p "$runs/corpus/$name"
      if ! "$bin" -max_total_time="$seconds" -timeout=30 -print_final_stats=1 \
        -dict=tests/fuzz/pmq.dict -artifact_prefix="$runs/artifacts/$name-" \
        "$runs/corpus/$name" "tests/fuzz/corpus/$name" >"$runs/$name.log" 2>&1; then
        failed="$failed $name"
        tail -n 40 "$runs/$name.log" >&2
      fi
      execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$runs/$name.log")
      done_line=$(grep 'DONE' "$runs/$name.log" | tail -n 1)
      cov=$(echo "$done_line" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
      ft=$(echo "$done_line" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
      corp=$(echo "$done_line" | sed -n 's/.*corp: \([0-9]*\).*/\1/p')
      total=$((total + ${execs:-0}))
      printf '%-26s %11s execs   cov %5s   ft %6s   corpus %5s\n' "$name" "${execs:-?}" \
        "${cov:-?}" "${ft:-?}" "${corp:-?}" | tee -a "$runs/summary.txt"
    done
    echo "total: $total executions, ${seconds} s per harness" | tee -a "$runs/summary.txt"
    if [ -n "$failed" ]; then
      echo "pmq fuzz: contract breaches or crashes in:$failed (inputs in $runs/artifacts)" >&2
      exit 1
    fi
    ;;
  tsan)
    cmake --workflow --preset tsan
    ;;
  *)
    echo "usage: sh cmake/dev.sh demo|test|asan|bench|fuzz [SECONDS]|tsan" >&2
    exit 2
    ;;
esac
