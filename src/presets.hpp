// Built-in data files (src/presets/*.json), embedded by cmake/pmqEmbed.cmake. Internal.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace pmq::presets {
/// (file name without extension, file text) for every embedded preset, in name order.
std::vector<std::pair<std::string_view, std::string_view>> all();
} // namespace pmq::presets
