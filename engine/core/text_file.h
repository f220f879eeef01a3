// Reading a whole (small) file: rule files, value lists, mappings, suite specs. Logs are not
// read this way: they stream (store/byte_reader.h).
#pragma once

#include "core/result.h"

#include <string>

namespace eqlwb {

// The file's bytes; Error{"io"} naming the path when it cannot be opened or read.
Result<std::string> readTextFile(const std::string& path);

} // namespace eqlwb
