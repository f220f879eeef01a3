// What sequences and samples start from: the candidate rows of every term (each condition
// evaluated once over all rows), their union in result order, and the readers of each term's
// join keys. Positions index that ordered union.
#pragma once

#include "core/result.h"
#include "eql/ast.h"
#include "exec/exec_session.h"
#include "exec/sequence_keys.h"

#include <optional>
#include <vector>

namespace eqlwb {

struct TermSpec {
    const eql::EventFilter* filter = nullptr;
    const std::vector<eql::Expr>* by = nullptr; // the term's own keys (after the common ones)
    bool missing = false; // a missing-event term: null keys are kept
    Span span;
};

struct TermInput {
    std::vector<uint32_t> rows; // position -> row, in (timestamp, tiebreaker, row) order
    std::vector<int64_t> timestamps; // position -> ns
    std::vector<std::vector<uint32_t>> positionsOfTerm; // per term, ascending
    std::vector<uint32_t> untilPositions; // ascending
    JoinKeyTable keys{0};
    std::vector<TermKeyReader> readers; // per term
    std::optional<TermKeyReader> untilReader;
};

// Errors: "invalid-query" when the terms have different numbers of join keys; planning and
// filtering errors. With `requireTimestamp`, events without a timestamp take no part.
Result<TermInput> prepareTermInput(ExecSession& session, const std::vector<eql::Expr>& commonBy,
    const std::vector<TermSpec>& terms, const std::optional<TermSpec>& until, bool requireTimestamp);

} // namespace eqlwb
