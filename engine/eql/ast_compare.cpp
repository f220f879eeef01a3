// Structural equality of syntax trees (see ast_compare.h).
#include "eql/ast_compare.h"

#include <cstring>

namespace eqlwb::eql {

namespace {

bool sameList(const std::vector<Expr>& a, const std::vector<Expr>& b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (!sameTree(a[i], b[i]))
            return false;
    return true;
}

bool sameValue(const Value& a, const Value& b)
{
    if (a.index() != b.index())
        return false;
    if (const auto* d = std::get_if<double>(&a)) // bitwise, so NaN equals NaN
        return std::memcmp(d, &std::get<double>(b), sizeof(double)) == 0;
    return a == b;
}

bool sameCategory(const Category& a, const Category& b)
{
    return a.name == b.name && a.any == b.any && a.quoted == b.quoted;
}

bool sameFilter(const EventFilter& a, const EventFilter& b)
{
    return sameCategory(a.category, b.category) && sameTree(a.condition, b.condition);
}

bool sameTerm(const Term& a, const Term& b)
{
    return sameFilter(a.filter, b.filter) && sameList(a.by, b.by) && a.runs == b.runs
        && a.hasRuns == b.hasRuns && a.missing == b.missing;
}

bool sameTerms(const std::vector<Term>& a, const std::vector<Term>& b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (!sameTerm(a[i], b[i]))
            return false;
    return true;
}

} // namespace

bool sameTree(const Expr& a, const Expr& b)
{
    if (a.kind() != b.kind())
        return false;
    switch (a.kind()) {
    case ExprKind::Literal: {
        const auto &x = a.as<LiteralExpr>(), &y = b.as<LiteralExpr>();
        return sameValue(x.value, y.value) && x.raw == y.raw;
    }
    case ExprKind::Field: {
        const auto &x = a.as<FieldExpr>(), &y = b.as<FieldExpr>();
        return x.segments == y.segments && x.optional == y.optional;
    }
    case ExprKind::Unary: {
        const auto &x = a.as<UnaryExpr>(), &y = b.as<UnaryExpr>();
        return x.op == y.op && sameTree(*x.operand, *y.operand);
    }
    case ExprKind::Logical: {
        const auto &x = a.as<LogicalExpr>(), &y = b.as<LogicalExpr>();
        return x.op == y.op && sameList(x.operands, y.operands);
    }
    case ExprKind::Compare: {
        const auto &x = a.as<CompareExpr>(), &y = b.as<CompareExpr>();
        return x.op == y.op && sameTree(*x.left, *y.left) && sameTree(*x.right, *y.right);
    }
    case ExprKind::Arith: {
        const auto &x = a.as<ArithExpr>(), &y = b.as<ArithExpr>();
        return x.op == y.op && sameTree(*x.left, *y.left) && sameTree(*x.right, *y.right);
    }
    case ExprKind::In: {
        const auto &x = a.as<InExpr>(), &y = b.as<InExpr>();
        return x.negated == y.negated && x.caseInsensitive == y.caseInsensitive
            && sameTree(*x.value, *y.value) && sameList(x.items, y.items);
    }
    case ExprKind::Pattern: {
        const auto &x = a.as<PatternExpr>(), &y = b.as<PatternExpr>();
        return x.op == y.op && x.parenthesized == y.parenthesized && sameTree(*x.value, *y.value)
            && sameList(x.items, y.items);
    }
    case ExprKind::Call: {
        const auto &x = a.as<CallExpr>(), &y = b.as<CallExpr>();
        return x.name == y.name && x.caseInsensitive == y.caseInsensitive && sameList(x.args, y.args);
    }
    case ExprKind::Paren:
        return sameTree(*a.as<ParenExpr>().inner, *b.as<ParenExpr>().inner);
    }
    return false;
}

bool sameTree(const Query& a, const Query& b)
{
    if (a.kind() != b.kind() || a.pipes.size() != b.pipes.size())
        return false;
    for (size_t i = 0; i < a.pipes.size(); ++i)
        if (a.pipes[i].kind != b.pipes[i].kind || a.pipes[i].count != b.pipes[i].count)
            return false;
    if (const auto* e = a.event())
        return sameFilter(e->filter, b.event()->filter);
    if (const auto* s = a.sequence()) {
        const auto* t = b.sequence();
        if (s->maxspan.has_value() != t->maxspan.has_value()
            || (s->maxspan && s->maxspan->nanos != t->maxspan->nanos))
            return false;
        if (s->until.has_value() != t->until.has_value() || (s->until && !sameTerm(*s->until, *t->until)))
            return false;
        return sameList(s->by, t->by) && sameTerms(s->terms, t->terms);
    }
    const auto* s = a.sample();
    const auto* t = b.sample();
    return sameList(s->by, t->by) && sameTerms(s->terms, t->terms);
}

} // namespace eqlwb::eql
