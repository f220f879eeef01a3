// Kibana value lists as plain files: one value a line, as /api/lists/items/_import takes them.
#pragma once

#include "core/result.h"

#include <string>
#include <vector>

namespace eqlwb {

// Values in file order; a trailing '\r' is dropped (files from Windows) and empty lines skipped.
std::vector<std::string> parseValueList(const std::string& text);
Result<std::vector<std::string>> readValueListFile(const std::string& path);

} // namespace eqlwb
