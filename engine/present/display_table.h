// The matches of a run shaped for a table: one row per event (a sequence or sample contributes
// one row per slot), each requested field dictionary-encoded over just those rows. The UI and
// exporters show it; they never read columns or walk the query themselves.
#pragma once

#include "core/result.h"
#include "exec/column_cache.h"
#include "exec/query_runner.h"

#include <cstdint>
#include <string>
#include <vector>

namespace eqlwb {

struct DisplayColumn {
    std::string path;
    std::vector<std::string> dictionary; // distinct display texts; [0] is "" (missing)
    std::vector<uint32_t> codes; // per row, an index into dictionary
    bool numeric = false; // every present value is a number: sort numerically
};

struct DisplayTable {
    std::vector<DisplayColumn> columns;
    std::vector<int64_t> eventIds; // per row; kMissingEventId for a missing-event slot
    std::vector<int32_t> matchOf; // per row, for sequences and samples; empty otherwise
    std::vector<int16_t> slotOf; // per row, the slot within its match
    std::vector<std::string> matchKeys; // per match, its join keys as text ("host-1, 4242")
};

// Text for one value as a table cell shows it (strings bare, numbers as JSON prints them).
std::string displayText(const Value& value);

// The columns a result table starts with: the timestamp, then the fields the query reads, then
// host.name, process.name and event.category, without duplicates.
std::vector<std::string> defaultDisplayColumns(const QueryResult& result, const std::string& timestampField);

// Builds the table for `columns`. The timestamp field shows as ISO 8601 UTC. Multi-valued
// cells join their values with ", ".
Result<DisplayTable> buildDisplayTable(ColumnSource& source, ColumnCache& cache, const QueryResult& result,
    const std::vector<std::string>& columns, const std::string& timestampField);

} // namespace eqlwb
