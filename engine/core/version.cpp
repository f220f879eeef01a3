#include "core/version.h"

#include <simdjson.h>
#include <sqlite3.h>

namespace eqlwb {

const char* engineVersion() { return EQLWB_VERSION; }

std::string sqliteVersion() { return sqlite3_libversion(); }

std::string simdjsonVersion()
{
    return std::to_string(simdjson::SIMDJSON_VERSION_MAJOR) + "."
        + std::to_string(simdjson::SIMDJSON_VERSION_MINOR) + "."
        + std::to_string(simdjson::SIMDJSON_VERSION_REVISION);
}

} // namespace eqlwb
