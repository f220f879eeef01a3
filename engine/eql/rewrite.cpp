// Dialect rewrites (see rewrite.h).
#include "eql/rewrite.h"

#include "eql/ast_walk.h"

namespace eqlwb::eql {

namespace {

bool allStringLiterals(const std::vector<Expr>& items, size_t from = 0)
{
    for (size_t i = from; i < items.size(); ++i) {
        const auto* lit = items[i].getIf<LiteralExpr>();
        if (!lit || !std::holds_alternative<std::string>(lit->value))
            return false;
    }
    return items.size() > from;
}

void note(RewriteReport& r, const std::string& sentence)
{
    r.keepsMeaning = false;
    for (const auto& n : r.notes)
        if (n == sentence)
            return;
    r.notes.push_back(sentence);
}

const char* kNegationNote
    = "under 'not', a bare-field predicate matches events missing the field while a function does not "
      "(Elasticsearch query pushdown), so events without the field may change sides";

// Walks with the number of enclosing `not`s, so rewrites under a negation are flagged.
template <typename Fn> void walkWithNegation(Expr& e, bool negated, Fn& fn)
{
    fn(e, negated);
    const bool childNegated = negated || (e.is<UnaryExpr>() && e.as<UnaryExpr>().op == UnaryOp::Not);
    for (auto* child : childrenOf(e))
        walkWithNegation(*child, childNegated, fn);
}

} // namespace

bool rewriteWildcardCall(Expr& e, WildcardTarget target)
{
    auto* call = e.getIf<CallExpr>();
    if (!call || call->canonical != "wildcard" || call->caseInsensitive || call->args.size() < 2
        || !allStringLiterals(call->args, 1))
        return false;
    PatternExpr p;
    p.op = target == WildcardTarget::Like ? PatternOp::Like : PatternOp::Colon;
    p.value = std::move(call->args.front());
    p.items.assign(
        std::make_move_iterator(call->args.begin() + 1), std::make_move_iterator(call->args.end()));
    p.parenthesized = p.items.size() > 1;
    const auto span = e.span;
    e = Expr{std::move(p), span};
    return true;
}

RewriteReport wildcardToPatterns(Query& query, WildcardTarget target)
{
    RewriteReport r;
    auto fn = [&](Expr& e, bool negated) {
        const auto* call = e.getIf<CallExpr>();
        if (!call || call->canonical != "wildcard")
            return;
        if (!rewriteWildcardCall(e, target)) {
            ++r.skipped;
            note(r, "a wildcard() call without literal string patterns was left unchanged");
            return;
        }
        ++r.rewritten;
        if (target == WildcardTarget::Colon)
            note(r,
                "':' ignores case while wildcard() is case-sensitive from 7.10, so the rule may match more");
        if (negated)
            note(r, kNegationNote);
    };
    for (auto* root : rootExprs(query))
        walkWithNegation(*root, false, fn);
    return r;
}

RewriteReport patternsToWildcard(Query& query)
{
    RewriteReport r;
    auto fn = [&](Expr& e, bool negated) {
        auto* p = e.getIf<PatternExpr>();
        if (!p || p->op == PatternOp::Regex || p->op == PatternOp::RegexInsensitive)
            return;
        if (!allStringLiterals(p->items)) {
            ++r.skipped;
            return;
        }
        if (p->op != PatternOp::Like)
            note(r,
                std::string("'") + patternOpText(p->op)
                    + "' ignores case while wildcard() is case-sensitive from 7.10, so the rule may match "
                      "less");
        if (negated)
            note(r, kNegationNote);
        CallExpr call;
        call.name = "wildcard";
        call.canonical = "wildcard";
        call.args.push_back(std::move(*p->value));
        for (auto& item : p->items)
            call.args.push_back(std::move(item));
        const auto span = e.span;
        e = Expr{std::move(call), span};
        ++r.rewritten;
    };
    for (auto* root : rootExprs(query))
        walkWithNegation(*root, false, fn);
    return r;
}

} // namespace eqlwb::eql
