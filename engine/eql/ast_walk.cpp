// Expression visiting (see ast_walk.h).
#include "eql/ast_walk.h"

namespace eqlwb::eql {

std::vector<Expr*> childrenOf(Expr& e)
{
    std::vector<Expr*> out;
    auto add = [&](Box<Expr>& b) {
        if (b)
            out.push_back(b.get());
    };
    auto addAll = [&](std::vector<Expr>& v) {
        for (auto& x : v)
            out.push_back(&x);
    };
    switch (e.kind()) {
    case ExprKind::Literal:
    case ExprKind::Field:
        break;
    case ExprKind::Unary:
        add(e.as<UnaryExpr>().operand);
        break;
    case ExprKind::Logical:
        addAll(e.as<LogicalExpr>().operands);
        break;
    case ExprKind::Compare:
        add(e.as<CompareExpr>().left);
        add(e.as<CompareExpr>().right);
        break;
    case ExprKind::Arith:
        add(e.as<ArithExpr>().left);
        add(e.as<ArithExpr>().right);
        break;
    case ExprKind::In:
        add(e.as<InExpr>().value);
        addAll(e.as<InExpr>().items);
        break;
    case ExprKind::Pattern:
        add(e.as<PatternExpr>().value);
        addAll(e.as<PatternExpr>().items);
        break;
    case ExprKind::Call:
        addAll(e.as<CallExpr>().args);
        break;
    case ExprKind::Paren:
        add(e.as<ParenExpr>().inner);
        break;
    }
    return out;
}

std::vector<const Expr*> childrenOf(const Expr& e)
{
    const auto mutableChildren = childrenOf(const_cast<Expr&>(e)); // read-only use below
    return {mutableChildren.begin(), mutableChildren.end()};
}

std::vector<Expr*> rootExprs(Query& q)
{
    std::vector<Expr*> out;
    auto term = [&](Term& t) {
        out.push_back(&t.filter.condition);
        for (auto& k : t.by)
            out.push_back(&k);
    };
    if (auto* e = q.event()) {
        out.push_back(&e->filter.condition);
    } else if (auto* s = q.sequence()) {
        for (auto& k : s->by)
            out.push_back(&k);
        for (auto& t : s->terms)
            term(t);
        if (s->until)
            term(*s->until);
    } else if (auto* smp = q.sample()) {
        for (auto& k : smp->by)
            out.push_back(&k);
        for (auto& t : smp->terms)
            term(t);
    }
    return out;
}

void forEachExpr(const Expr& expr, const std::function<void(const Expr&)>& fn)
{
    fn(expr);
    for (const auto* child : childrenOf(expr))
        forEachExpr(*child, fn);
}

void forEachExpr(const Query& query, const std::function<void(const Expr&)>& fn)
{
    for (const auto* root : rootExprs(const_cast<Query&>(query))) // read-only use
        forEachExpr(*root, fn);
}

} // namespace eqlwb::eql
