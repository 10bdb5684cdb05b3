// The one Catch2 main for all C++ tests (Debian's Catch2 2.13 has no Catch2WithMain).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
