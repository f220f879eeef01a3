// Evaluates a planned condition over rows of the cached columns: and/or narrow the rows their
// later operands see, one-field predicates look results up by dictionary code (computed once
// per distinct value and kept with the column), the rest evaluate per row.
#pragma once

#include "core/progress.h"
#include "core/result.h"
#include "exec/column_cache.h"
#include "exec/plan.h"

#include <memory>
#include <vector>

namespace eqlwb {

struct FilterInput {
    std::vector<std::shared_ptr<DictColumn>> columns; // by slot
    CancelToken cancel;
    ColumnCache* rowSets = nullptr; // where filterRows keeps row sets of and-prefixes (optional)
    const std::vector<std::string>* slotPaths = nullptr; // field of each slot (for those keys)
};

// Rows (ascending) among `rows` for which the condition is true. Top-level `and` operands
// narrow the rows one after the other; with `rowsAreAll` (rows is every row of the source) and
// in.rowSets, the rows after each operand are kept for later runs (see ColumnCache::rowSet). Errors: a
// runtime error of the expression (division by zero, overflow) or cancellation.
Result<std::vector<uint32_t>> filterRows(
    const PNode& condition, std::vector<uint32_t> rows, FilterInput& in, bool rowsAreAll = false);

// The three-valued result of the condition for each of `rows`, in order.
Result<std::vector<Tri>> evaluateRows(
    const PNode& condition, const std::vector<uint32_t>& rows, FilterInput& in);

} // namespace eqlwb
