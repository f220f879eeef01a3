// The mapping profiles shipped in resources/mappings/, embedded at build time
// (engine/CMakeLists.txt generates builtin_profiles.cpp from store/builtin_profiles.cpp.in).
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace eqlwb::store_detail {

// (name, JSON text) of every shipped profile.
const std::vector<std::pair<std::string_view, std::string_view>>& builtinProfileTexts();

} // namespace eqlwb::store_detail
