#include "exec/query_runner.h"

#include "eql/parser.h"
#include "exec/exec_session.h"
#include "exec/sample_runner.h"
#include "exec/sequence_runner.h"

#include <chrono>

namespace eqlwb {

std::vector<int64_t> QueryResult::eventIds() const
{
    std::vector<int64_t> ids;
    for (const auto& m : matches)
        ids.insert(ids.end(), m.events.begin(), m.events.end());
    return ids;
}

namespace {

Result<QueryResult> runEventQuery(
    ExecSession& session, const eql::Query& query, const eql::EventQuery& event, const ProgressFn& progress)
{
    auto rows = session.matchingRows(event.filter);
    if (!rows)
        return rows.error();
    if (auto ordered = session.orderRows(*rows); !ordered)
        return ordered.error();
    applyPipes(*rows, query.pipes, session.options().size);
    auto index = session.eventIndex();
    if (!index)
        return index.error();
    QueryResult result;
    result.kind = eql::QueryKind::Event;
    result.eventsScanned = (*index)->ids.size();
    result.matches.reserve(rows->size());
    for (uint32_t r : *rows)
        result.matches.push_back(QueryMatch{{(*index)->ids[r]}, {}});
    if (progress)
        progress(Progress{0, 0, result.eventsScanned});
    return result;
}

} // namespace

Result<QueryResult> runQuery(ColumnSource& source, ColumnCache& cache, const eql::Query& query,
    const RunOptions& options, CancelToken cancel, ProgressFn progress)
{
    try {
        const auto start = std::chrono::steady_clock::now();
        ExecSession session(source, cache, options, cancel);
        Result<QueryResult> result = Error{"internal", "no result", {}};
        if (const auto* event = query.event()) {
            result = runEventQuery(session, query, *event, progress);
        } else if (const auto* sequence = std::get_if<eql::Sequence>(&query.body)) {
            result = runSequenceQuery(session, query, *sequence, progress);
        } else if (const auto* sample = std::get_if<eql::Sample>(&query.body)) {
            result = runSampleQuery(session, query, *sample, progress);
        }
        if (!result)
            return result;
        result->diagnostics = std::move(session.diagnostics());
        result->fields = session.slots().paths;
        result->elapsedMs
            = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        return result;
    } catch (const std::exception& e) {
        return Error{"internal", std::string("query failed: ") + e.what(), {}};
    }
}

Result<QueryResult> runQuery(ColumnSource& source, ColumnCache& cache, std::string_view text,
    const RunOptions& options, CancelToken cancel, ProgressFn progress)
{
    auto parsed = eql::parseQuery(text);
    if (!parsed.ok()) {
        for (const auto& d : parsed.diagnostics)
            if (d.severity == Severity::Error)
                return Error{"parse", d.message, d.span};
        return Error{"parse", "the query could not be parsed", {}};
    }
    auto result = runQuery(source, cache, *parsed.query, options, std::move(cancel), std::move(progress));
    if (result) {
        // Parser warnings come first: they are about the text.
        result->diagnostics.insert(
            result->diagnostics.begin(), parsed.diagnostics.begin(), parsed.diagnostics.end());
    }
    return result;
}

Result<QueryResult> runQuery(ColumnSource& source, std::string_view text, const RunOptions& options,
    CancelToken cancel, ProgressFn progress)
{
    ColumnCache cache;
    return runQuery(source, cache, text, options, std::move(cancel), std::move(progress));
}

} // namespace eqlwb
