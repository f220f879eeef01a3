// A condition planned for filtering: the boolean skeleton (and / or / not) over leaves, each
// leaf classified by the fields it reads so the filter can evaluate it the cheapest way:
// - constant: no field, folded once;
// - field predicate: one field, evaluated once per distinct value of its column;
// - row predicate: several fields, evaluated per row over the cached columns.
// A bare `field <op> literal` leaf is "pushed down" as Elasticsearch does: it is false (never
// null) for an event lacking the field, so its negation matches such events (eql-reference §5).
#pragma once

#include "core/diagnostic.h"
#include "core/result.h"
#include "eql/ast.h"
#include "exec/run_options.h"
#include "exec/scalar_expr.h"

#include <string>
#include <unordered_set>
#include <vector>

namespace eqlwb {

enum class PKind { Const, And, Or, Not, FieldPredicate, RowPredicate };

struct PNode {
    PKind kind = PKind::Const;
    Tri constant = Tri::Null; // Const
    std::vector<PNode> kids; // And, Or, Not
    SExpr expr; // FieldPredicate (per value), RowPredicate (per row)
    uint32_t slot = 0; // FieldPredicate: the field
    bool pushdown = false; // FieldPredicate: missing => false, element null => false, any element
    Tri missingResult = Tri::Null; // FieldPredicate: result for a row without values
    std::string signature; // FieldPredicate: key of the cached per-value results
    std::vector<uint32_t> slots; // RowPredicate: the fields it reads
};

// Fields of a planned query, by slot.
struct SlotTable {
    std::vector<std::string> paths;
    uint32_t slotOf(const std::string& path);
};

struct PlanContext {
    const RunOptions& options;
    const std::unordered_set<std::string>& knownFields;
    SlotTable& slots;
    std::vector<Diagnostic>& diagnostics; // warnings (unknown fields)
};

// Plans a condition. Errors: unknown function or wrong arity, non-literal pattern lists, a
// bad regex, an unknown field with options.strict, a constant that fails to evaluate.
Result<PNode> planCondition(const eql::Expr& condition, PlanContext& ctx);

// Compiles an expression for per-row evaluation (also used for join keys by sequences).
Result<SExpr> compileExpr(const eql::Expr& expr, PlanContext& ctx);

// The planned test "the event's category is `name`" (any element equal, case-sensitive).
PNode categoryPredicate(const std::string& name, PlanContext& ctx);

} // namespace eqlwb
