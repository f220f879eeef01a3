// The contract between the store and the executor: one field's values for every event of a
// workspace, in event-row order, ready to be dictionary-encoded by the executor's cache.
#pragma once

#include "store/value.h"

#include <algorithm>
#include <cstdint>
#include <optional>
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

// The row of an event id. Ids ascend with rows in a workspace (a binary search finds them); an
// in-memory source given explicit ids may hold them in any order, so a miss falls back to a scan.
inline std::optional<uint32_t> rowOfEvent(const EventIndex& index, int64_t id)
{
    const auto& ids = index.ids;
    auto it = std::lower_bound(ids.begin(), ids.end(), id);
    if (it == ids.end() || *it != id)
        it = std::find(ids.begin(), ids.end(), id);
    if (it == ids.end())
        return std::nullopt;
    return static_cast<uint32_t>(it - ids.begin());
}

} // namespace eqlwb

#include "core/result.h"

namespace eqlwb {

// Anything the executor can run against: the SQLite workspace, or an in-memory set of events
// (tests, the conformance harness, results pulled from a cluster). Implementations must be
// usable from a worker thread (one thread at a time).
class ColumnSource {
public:
    virtual ~ColumnSource() = default;

    // Changes whenever the events change (an import), so caches know what to drop.
    virtual uint64_t dataVersion() const = 0;
    virtual Result<EventIndex> eventIndex() = 0;
    // Every event's values of one dotted field. A field no event has gives an empty column
    // (all rows missing), not an error; errors are for I/O.
    virtual Result<FieldColumn> column(const std::string& path) = 0;
    // Dotted paths of every field some event carries (the workspace's field catalogue).
    virtual std::vector<std::string> fieldPaths() = 0;
    // The event as stored (its original JSON document), for details and --json output.
    virtual Result<std::string> eventJson(int64_t id) = 0;
};

} // namespace eqlwb
