#!/bin/sh
# Builds the .deb (CPack) from the release tree and smoke-tests it without installing it:
# extracted with dpkg-deb -x into a temporary root, its pmq command, C library (through its
# pkg-config file, no LD_LIBRARY_PATH) and Python package (no PMQ_LIBRARY) are used from
# there. From the repository root: sh cmake/deb_smoke.sh
set -eu
cd "$(dirname "$0")/.."

# CPack's DEB generator needs dpkg-shlibdeps (dpkg-dev), file and readelf (binutils).
missing=""
for p in dpkg-dev file binutils pkg-config; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
fi

cmake --preset release -DCMAKE_INSTALL_PREFIX=/usr -DPMQ_BUILD_TESTS=OFF -DPMQ_BUILD_EXAMPLES=OFF \
  -DPMQ_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build --preset release
(cd build/release && cpack -G DEB >/dev/null)
deb=build/release/pmq_0.1.0_amd64.deb
dpkg-deb --field "$deb" Package Version Depends Recommends Suggests

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
usr="$root/usr"
lib=$(dirname "$(find "$usr" -name 'libpmq_c.so.0' | head -n 1)")
for f in "$usr/bin/pmq" "$usr/include/pmq/pmq.h" "$usr/include/pmq/pmq.hpp" \
         "$lib/libpmq_c.so" "$lib/libpmq.a" "$lib/pkgconfig/pmq_c.pc" \
         "$lib/cmake/pmq/pmqConfig.cmake" "$lib/cmake/pmq/pmqTargets.cmake" \
         "$usr/lib/python3/dist-packages/pmq/__init__.py" "$usr/lib/python3/dist-packages/pmq/py.typed"; do
  test -e "$f" || { echo "deb: missing ${f#$root}" >&2; exit 1; }
done
dpkg-deb --ctrl-tarfile "$deb" | tar -t | grep -q 'shlibs' || { echo "deb: no shlibs file" >&2; exit 1; }

# The command (statically linked to the core: nothing to find at run time).
"$usr/bin/pmq" --version
"$usr/bin/pmq" test -q examples/cases/builtin_cases.json

# The C library through the package's own pkg-config file: its rpath finds the library.
PKG_CONFIG_PATH="$lib/pkgconfig" pkg-config --exists --print-errors pmq_c
cc -std=c11 -Wall -Wextra -Wpedantic -Werror examples/c/score.c \
  $(PKG_CONFIG_PATH="$lib/pkgconfig" pkg-config --cflags --libs pmq_c) -o "$root/score_c"
env -u LD_LIBRARY_PATH "$root/score_c" examples/data/inspection.json >/dev/null

# The Python package finds the library in its own prefix.
env -u PMQ_LIBRARY PYTHONPATH="$usr/lib/python3/dist-packages" PYTHONDONTWRITEBYTECODE=1 \
  /usr/bin/python3 - "$root" <<'PY'
import sys
import pmq, pmq.testing
assert pmq.library_path().startswith(sys.argv[1]), pmq.library_path()
assert pmq.__file__.startswith(sys.argv[1]), pmq.__file__
pmq.testing.assert_cases("examples/cases/builtin_cases.json")
print("python: pmq", pmq.version(), "from", pmq.library_path()[len(sys.argv[1]):])
PY
echo "deb: $deb ok"
