// The contract between the store and the executor: one field's values for every event of a
// workspace, in event-row order, ready to be dictionary-encoded by the executor's cache.
#pragma once

#include "store/value.h"

#include <cstdint>
#include <string>
#include <vector>

namespace eqlwb {

// Rows are the workspace's events in ascending event id; row r is the r-th event.
// Values of row r are values[offsets[r] .. offsets[r+1]); no values means missing or null
// (EQL treats a missing field, a JSON null and an empty array alike, see eql-reference.md §5).
// A multi-valued field (JSON array) has several values for a row, in array order.
struct FieldColumn {
    std::string path; // dotted field path, e.g. "process.name"
    std::vector<uint32_t> offsets; // size rowCount + 1
    std::vector<Value> values;
    std::vector<uint32_t> explicitNullRows; // rows whose JSON held an explicit null, sorted
                                            // (for mappings with a null_value)
};

// Per-event facts every query needs: ids and timestamps in row order.
struct EventIndex {
    std::vector<int64_t> ids; // stable event id (events.id in SQLite)
    std::vector<int64_t> timestamps; // nanoseconds since the Unix epoch; INT64_MIN when missing
};

} // namespace eqlwb
