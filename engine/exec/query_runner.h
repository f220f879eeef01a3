// The executor's public boundary: run one EQL query against a ColumnSource and get its matches
// in Elasticsearch's order. Narrow on purpose: a second backend (Elasticsearch `_eql/search`)
// implements the same call.
#pragma once

#include "core/diagnostic.h"
#include "core/progress.h"
#include "core/result.h"
#include "eql/ast.h"
#include "exec/column_cache.h"
#include "exec/run_options.h"
#include "store/field_column.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace eqlwb {

constexpr int64_t kMissingEventId = -1; // a missing-event slot of a sequence

// One result: a single event for an event query; for a sequence or sample, its events in term
// order (kMissingEventId for a missing-event slot) and its join-key values.
struct QueryMatch {
    std::vector<int64_t> events;
    std::vector<Value> keys;
};

struct QueryResult {
    eql::QueryKind kind = eql::QueryKind::Event;
    std::vector<QueryMatch> matches; // in result order, after pipes and size
    std::vector<Diagnostic> diagnostics; // warnings (unknown fields, ...)
    std::vector<std::string> fields; // the fields the query reads, in first-use order
    uint64_t eventsScanned = 0;
    double elapsedMs = 0;

    // Every match's events, flattened in order (what the ES QA suite compares).
    std::vector<int64_t> eventIds() const;
};

// Runs a parsed query. `cache` keeps decoded columns between runs (pass the same one to make
// later runs warm); it is reset when the source's data version changes.
// Errors: "invalid-query" (sequence/sample shape), "unknown-field" (strict),
// "unknown-function", "bad-regex", "division-by-zero", "cancelled", I/O errors of the source.
Result<QueryResult> runQuery(ColumnSource& source, ColumnCache& cache, const eql::Query& query,
    const RunOptions& options, CancelToken cancel = {}, ProgressFn progress = {});

// Parses and runs query text. A syntax error is returned as the first error diagnostic
// (code "parse", its span).
Result<QueryResult> runQuery(ColumnSource& source, ColumnCache& cache, std::string_view text,
    const RunOptions& options, CancelToken cancel = {}, ProgressFn progress = {});

// A cold run (no cache kept).
Result<QueryResult> runQuery(ColumnSource& source, std::string_view text, const RunOptions& options,
    CancelToken cancel = {}, ProgressFn progress = {});

// Applies `| head n` / `| tail n` pipes (in order) and then the size cap to a result list.
template <typename T>
void applyPipes(std::vector<T>& items, const std::vector<eql::Pipe>& pipes, std::optional<int64_t> size)
{
    for (const auto& pipe : pipes) {
        const auto n = static_cast<size_t>(std::max<int64_t>(0, pipe.count));
        if (items.size() <= n)
            continue;
        if (pipe.kind == eql::PipeKind::Head)
            items.resize(n);
        else
            items.erase(items.begin(), items.end() - static_cast<std::ptrdiff_t>(n));
    }
    if (size && *size >= 0 && items.size() > static_cast<size_t>(*size))
        items.resize(static_cast<size_t>(*size));
}

} // namespace eqlwb
