#!/bin/sh
# The README's two commands, and a few more for developers. From the repository root:
#   sh cmake/dev.sh demo    build the CLI and score the bundled example inspection
#   sh cmake/dev.sh test    build everything and run the whole test suite (ctest)
#   sh cmake/dev.sh asan    the test suite under AddressSanitizer + UBSan
#   sh cmake/dev.sh bench   build and run the benchmarks (release build)
# Each first installs whatever Debian 12 packages are missing (apt-get; sudo when not root).
set -eu
cd "$(dirname "$0")/.."

packages="cmake g++ make pkg-config python3 libboost1.81-dev libboost-date-time1.81-dev nlohmann-json3-dev catch2 libcli11-dev python3-jsonschema python3-pip python3-pandas python3-dask python3-distributed"
[ "${1:-}" = bench ] && packages="$packages libbenchmark-dev"

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
  *)
    echo "usage: sh cmake/dev.sh demo|test|asan|bench" >&2
    exit 2
    ;;
esac
