// A deliberately simple reference evaluator for event queries, used only by tests to check the
// executor (differential testing). It walks the syntax tree once per event over the events'
// JSON, with no planning, no columns and no caching, and implements the semantics from
// eql-reference.md directly: three-valued logic, bare `field <op> literal` tests pushed down
// (missing => false, so their negation matches), any-element matching of multi-valued fields,
// presence tests against null, ?optional fields, category, ordering and pipes.
// It shares the engine's value-level primitives (functions, comparison of two values, wildcard
// and regex matching), which the conformance suite checks on their own.
#pragma once

#include "core/result.h"
#include "exec/run_options.h"

#include <cstdint>
#include <string>
#include <vector>

namespace eqlwb::test {

// Runs `query` over `events` (JSON objects; event i has id i + 1) and returns the ids of the
// results in order. Errors: the query does not parse, is not an event query, or fails to
// evaluate (bad regex, division by zero).
Result<std::vector<int64_t>> referenceRun(
    const std::vector<std::string>& events, const std::string& query, const RunOptions& options);

} // namespace eqlwb::test
