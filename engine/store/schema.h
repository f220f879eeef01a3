// The workspace's SQL schema and its migrations, keyed by PRAGMA user_version.
#pragma once

#include "core/result.h"

struct sqlite3;

namespace eqlwb::store_detail {

// Brings a freshly opened workspace to kWorkspaceSchemaVersion, in one transaction.
// A file written by a newer EQL Workbench (higher version) is refused, not damaged.
Status migrate(sqlite3* db);

} // namespace eqlwb::store_detail
