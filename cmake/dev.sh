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

packages="cmake g++ make pkg-config python3 libboost1.81-dev libboost-date-time1.81-dev nlohmann-json3-dev catch2 libcli11-dev libxlsxwriter-dev python3-jsonschema python3-pip python3-pandas python3-dask python3-distributed"
[ "${1:-}" = bench ] && packages="$packages libbenchmark-dev"
# The browser check of the HTML reports (ctest browser.reports; docs/reports.md).
[ "${1:-}" = test ] && packages="$packages chromium fonts-noto-cjk"
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
    cmake --build --preset release --target pmq_bench pmq_batch_rss pmq_c
    # Figures as JSON for checks and docs/performance.md (ratios to baselines of the same run).
    ./build/release/tests/pmq_bench --benchmark_out=build/release/bench.json \
      --benchmark_out_format=json ${PMQ_BENCH_FILTER:+--benchmark_filter=$PMQ_BENCH_FILTER}
    for n in 1 100 1000 10000; do
      ./build/release/tests/pmq_batch_rss $n
      ./build/release/tests/pmq_batch_rss $n summary
    done | tee build/release/batch_rss.jsonl
    PMQ_LIBRARY=$(ls build/release/libpmq_c.so | head -1) \
      python3 tests/bench/python_bench.py --out build/release/python_bench.json
    ;;
  fuzz)
    seconds="${2:-60}"
    cmake --preset fuzz >/dev/null
    cmake --build --preset fuzz
    # Every harness for SECONDS, PMQ_FUZZ_JOBS (default: the number of cores) at a time.
    runs=build/fuzz/runs
    mkdir -p "$runs"
    rm -f "$runs"/*.summary
    ls build/fuzz/tests/fuzz/fuzz_* | xargs -P "${PMQ_FUZZ_JOBS:-$(nproc)}" -n 1 \
      sh tests/fuzz/run_one.sh "$seconds" "$runs" >/dev/null || true
    cat "$runs"/*.summary >"$runs/summary.txt"
    total=$(awk '$3 == "execs" { s += $2 } END { print s }' "$runs/summary.txt")
    echo "total: $total executions, $seconds s per harness" >>"$runs/summary.txt"
    cat "$runs/summary.txt"
    if grep -q FAILED "$runs/summary.txt"; then
      echo "pmq fuzz: contract breaches or crashes (inputs in $runs/artifacts)" >&2
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
