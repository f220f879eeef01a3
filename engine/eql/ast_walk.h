// Visiting every expression of a query: the analyzer, the rule tooling (lists inside a query)
// and the executor's planning all need "each expression, with its children".
#pragma once

#include "eql/ast.h"

#include <functional>

namespace eqlwb::eql {

// Calls fn on every expression, parents before children, in source order: conditions, join
// keys, every term (and the until term). Recursion depth is bounded by the parser's maxDepth.
void forEachExpr(const Query& query, const std::function<void(const Expr&)>& fn);
void forEachExpr(const Expr& expr, const std::function<void(const Expr&)>& fn);

// The direct children of an expression, in source order.
std::vector<const Expr*> childrenOf(const Expr& expr);
std::vector<Expr*> childrenOf(Expr& expr);

// Every top-level expression of a query (conditions and join keys), in source order, mutable.
std::vector<Expr*> rootExprs(Query& query);

} // namespace eqlwb::eql
