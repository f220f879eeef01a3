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
};

// Rows (ascending) among `rows` for which the condition is true. Errors: a runtime error of
// the expression (division by zero, overflow) or cancellation.
Result<std::vector<uint32_t>> filterRows(
    const PNode& condition, const std::vector<uint32_t>& rows, FilterInput& in);

// The three-valued result of the condition for each of `rows`, in order.
Result<std::vector<Tri>> evaluateRows(
    const PNode& condition, const std::vector<uint32_t>& rows, FilterInput& in);

} // namespace eqlwb
