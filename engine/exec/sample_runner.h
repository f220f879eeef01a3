// Runs a `sample by ...` query: for every join-key tuple that all terms share, samples of one
// event per term (distinct events, terms in order, candidates in result order), at most
// RunOptions::maxSamplesPerKey per key; samples come out ordered by key values (nulls first,
// strings by bytes), and RunOptions::size caps their number (eql-reference §11).
#pragma once

#include "core/progress.h"
#include "core/result.h"
#include "eql/ast.h"
#include "exec/exec_session.h"
#include "exec/query_runner.h"

namespace eqlwb {

// Errors: "invalid-query" (terms with different numbers of join keys), planning and filtering
// errors, "cancelled".
Result<QueryResult> runSampleQuery(ExecSession& session, const eql::Query& query, const eql::Sample& sample,
    const ProgressFn& progress = {});

} // namespace eqlwb
