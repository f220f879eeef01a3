// Versions of the engine and of the libraries it is built on, for --version and About boxes.
#pragma once

#include <string>

namespace eqlwb {

const char* engineVersion();
std::string sqliteVersion();
std::string simdjsonVersion();

} // namespace eqlwb
