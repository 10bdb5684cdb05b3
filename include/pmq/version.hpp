// The library's version (kept equal to CMakeLists.txt's and pmq.h's; a test checks).
#pragma once

#define PMQ_VERSION_STRING "0.1.0"

namespace pmq {
inline constexpr const char *version = PMQ_VERSION_STRING;
}
