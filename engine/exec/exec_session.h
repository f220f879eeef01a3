// One query run's working state over a ColumnSource: the column cache, the field slots, the
// diagnostics. The building blocks sequence and sample execution reuse: "the rows matching this
// event filter", "these rows in result order", "this expression's value for a row".
#pragma once

#include "core/progress.h"
#include "core/result.h"
#include "eql/ast.h"
#include "exec/column_cache.h"
#include "exec/plan.h"
#include "exec/run_options.h"

#include <memory>
#include <optional>
#include <vector>

namespace eqlwb {

class ExecSession {
public:
    ExecSession(ColumnSource& source, ColumnCache& cache, const RunOptions& options, CancelToken cancel = {});

    // Rows, ascending, whose event has the filter's category and satisfies its condition.
    Result<std::vector<uint32_t>> matchingRows(const eql::EventFilter& filter);

    // Sorts rows into Elasticsearch's result order: timestamp, then tiebreaker (events lacking
    // it after those having it), then row (insertion) order.
    Status orderRows(std::vector<uint32_t>& rows);

    // Compiles an expression (a join key) for value(); fields are loaded on demand.
    Result<SExpr> compile(const eql::Expr& expr);
    // The value of a compiled expression for one row (fields read as their first value).
    Result<Value> value(const SExpr& expr, uint32_t row);

    Result<std::shared_ptr<const EventIndex>> eventIndex();
    size_t rowCount();
    // The column of a field (loaded and dictionary-encoded on first use).
    Result<std::shared_ptr<DictColumn>> column(const std::string& path);

    std::vector<Diagnostic>& diagnostics() { return diagnostics_; }
    const SlotTable& slots() const { return slots_; }
    const RunOptions& options() const { return options_; }
    const CancelToken& cancel() const { return cancel_; }

private:
    Result<std::vector<uint32_t>> filterRowsOf(const eql::EventFilter& filter);
    // Rows hidden by options().exceptionCondition, ascending (computed on first use).
    Result<const std::vector<uint32_t>*> exceptedRows();
    Status loadSlots();
    PlanContext planContext();

    ColumnSource& source_;
    ColumnCache& cache_;
    RunOptions options_;
    CancelToken cancel_;
    SlotTable slots_;
    std::vector<std::shared_ptr<DictColumn>> columns_; // by slot
    std::vector<Diagnostic> diagnostics_;
    std::optional<std::vector<uint32_t>> excepted_;
};

} // namespace eqlwb
