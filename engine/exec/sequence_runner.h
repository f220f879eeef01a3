// Runs a `sequence` query: each term's condition is evaluated once over all rows (filterRows on
// dictionary codes), the union of candidate rows is put in (timestamp, tiebreaker) order, and
// the SequenceMatcher walks it keyed by join-key tuple ids. Results come out ordered by their
// completing event (ties by key values), then `head` / `tail` and the size cap apply.
#pragma once

#include "core/progress.h"
#include "core/result.h"
#include "eql/ast.h"
#include "exec/exec_session.h"
#include "exec/query_runner.h"

namespace eqlwb {

// Errors: "invalid-query" (terms with different numbers of join keys, fewer than two stages,
// no positive term), the errors of planning and filtering, "cancelled".
// A warning "sequence-capped" is added when the partial-sequence cap had to drop state.
Result<QueryResult> runSequenceQuery(ExecSession& session, const eql::Query& query,
    const eql::Sequence& sequence, const ProgressFn& progress = {});

} // namespace eqlwb
