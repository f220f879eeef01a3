#include "exec/plan.h"

#include "exec/text_match.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>

namespace eqlwb {

using namespace eql;

uint32_t SlotTable::slotOf(const std::string& path)
{
    for (uint32_t i = 0; i < paths.size(); ++i)
        if (paths[i] == path)
            return i;
    paths.push_back(path);
    return static_cast<uint32_t>(paths.size() - 1);
}

namespace {

// Joins message parts (appending avoids a GCC 12 -Wrestrict false positive on `"x" + str`).
std::string join(std::initializer_list<std::string_view> parts)
{
    std::string s;
    for (auto p : parts)
        s.append(p);
    return s;
}

Error planError(std::string code, std::string message, Span span)
{
    return Error{std::move(code), std::move(message), span};
}

SExpr literal(Value v, Span span)
{
    SExpr e;
    e.kind = SKind::Literal;
    e.literal = std::move(v);
    e.span = span;
    return e;
}

bool allLiteral(const SExpr& e)
{
    return std::all_of(e.kids.begin(), e.kids.end(), [](const SExpr& k) { return k.kind == SKind::Literal; });
}

// Folds a node whose operands are all literals; errors (division by zero) fail the plan.
Result<SExpr> foldIfConstant(SExpr e)
{
    if (e.kind == SKind::Literal || e.kind == SKind::Field || !allLiteral(e))
        return e;
    EvalState state;
    Value v = foldConstant(e, state);
    if (state.error)
        return *state.error;
    return literal(std::move(v), e.span);
}

FieldType typeOfOperands(const SExpr& e)
{
    for (const auto& k : e.kids)
        if (k.kind == SKind::Field && k.fieldType != FieldType::Auto)
            return k.fieldType;
    return FieldType::Auto;
}

// The constant value of a list item (a literal, or something that folds to one).
Result<Value> constantItem(const Expr& item, PlanContext& ctx, const char* what)
{
    auto compiled = compileExpr(item, ctx);
    if (!compiled)
        return compiled.error();
    if (compiled->kind != SKind::Literal)
        return planError("not-literal", join({what, " must be a literal"}), item.span);
    return compiled->literal;
}

Result<SExpr> compileField(const FieldExpr& f, Span span, PlanContext& ctx)
{
    const bool known = ctx.knownFields.count(f.path) > 0;
    if (!known) {
        if (f.optional)
            return literal(Null{}, span);
        if (ctx.options.strict)
            return planError("unknown-field", join({"Unknown field [", f.path, "]"}), span);
        const bool warned = std::any_of(ctx.diagnostics.begin(), ctx.diagnostics.end(),
            [&](const Diagnostic& d) { return d.code == "unknown-field" && d.span == span; });
        if (!warned)
            ctx.diagnostics.push_back(Diagnostic{"unknown-field", Severity::Warning,
                join({"no event has the field [", f.path, "]; it is treated as missing"}), span,
                join({"?", f.path})});
    }
    SExpr e;
    e.kind = SKind::Field;
    e.span = span;
    e.slot = ctx.slots.slotOf(f.path);
    if (f.path == ctx.options.timestampField) {
        e.fieldType = FieldType::Date;
    } else if (auto it = ctx.options.fieldTypes.find(f.path); it != ctx.options.fieldTypes.end()) {
        e.fieldType = it->second;
    }
    return e;
}

// Parameters that take text (Elasticsearch rejects other literal types there).
bool wantsString(FunctionId id, size_t index)
{
    switch (id) {
    case FunctionId::Between:
        return index < 3;
    case FunctionId::EndsWith:
    case FunctionId::StartsWith:
    case FunctionId::StringContains:
    case FunctionId::IndexOf:
        return index < 2;
    case FunctionId::Length:
    case FunctionId::Number:
    case FunctionId::Substring:
        return index == 0;
    case FunctionId::CidrMatch:
        return true;
    default:
        return false;
    }
}

Result<SExpr> compileCall(const CallExpr& call, Span span, PlanContext& ctx)
{
    const eql::FunctionInfo* info = eql::findFunction(call.canonical.empty() ? call.name : call.canonical);
    if (!info || info->support == eql::FunctionSupport::Unsupported)
        return planError("unknown-function", join({"Unknown function [", call.name, "]"}), call.nameSpan);
    const int n = static_cast<int>(call.args.size());
    if (n < info->minArgs || (info->maxArgs >= 0 && n > info->maxArgs))
        return planError("bad-arity", join({"wrong number of arguments for ", info->name}), span);
    if (call.caseInsensitive && !info->hasInsensitive)
        return planError(
            "no-insensitive-form", join({info->name, " has no case-insensitive `~` form"}), call.nameSpan);
    if (info->id == FunctionId::Wildcard) {
        // 7.x wildcard(f, "p", ...) is `f like ("p", ...)`, case-sensitive from 7.10 on.
        SExpr e;
        e.kind = SKind::Match;
        e.span = span;
        e.match = MatchKind::Wildcard;
        auto value = compileExpr(call.args[0], ctx);
        if (!value)
            return value.error();
        e.kids.push_back(std::move(*value));
        for (size_t i = 1; i < call.args.size(); ++i) {
            auto item = constantItem(call.args[i], ctx, "a wildcard() pattern");
            if (!item)
                return item.error();
            const auto* s = std::get_if<std::string>(&*item);
            if (!s)
                return planError("not-string", "a wildcard() pattern must be a string", call.args[i].span);
            e.patterns.push_back(*s);
        }
        return foldIfConstant(std::move(e));
    }
    SExpr e;
    e.kind = SKind::Call;
    e.span = span;
    e.function = info->id;
    e.caseInsensitive = call.caseInsensitive;
    for (size_t i = 0; i < call.args.size(); ++i) {
        auto k = compileExpr(call.args[i], ctx);
        if (!k)
            return k.error();
        // A literal of the wrong type is a verification error in Elasticsearch.
        if (k->kind == SKind::Literal && !isNull(k->literal)) {
            const bool isString = std::holds_alternative<std::string>(k->literal);
            if (wantsString(info->id, i) && !isString)
                return planError("bad-argument",
                    join({"argument ", std::to_string(i + 1), " of ", info->name, " must be a string"}),
                    call.args[i].span);
        }
        e.kids.push_back(std::move(*k));
    }
    return foldIfConstant(std::move(e));
}

Result<SExpr> compilePattern(const PatternExpr& p, Span span, PlanContext& ctx)
{
    SExpr e;
    e.kind = SKind::Match;
    e.span = span;
    e.caseInsensitive = patternOpCaseInsensitive(p.op);
    e.match = patternOpIsRegex(p.op) ? MatchKind::Regex : MatchKind::Wildcard;
    auto value = compileExpr(*p.value, ctx);
    if (!value)
        return value.error();
    e.kids.push_back(std::move(*value));
    for (const auto& item : p.items) {
        auto v = constantItem(item, ctx, "the right side of a pattern operator");
        if (!v)
            return v.error();
        const auto* s = std::get_if<std::string>(&*v);
        if (!s)
            return planError("not-string",
                join({"the right side of `", patternOpText(p.op), "` must be a string"}), item.span);
        if (e.match == MatchKind::Regex) {
            auto re = CompiledRegex::compile(*s, e.caseInsensitive);
            if (!re) {
                Error err = re.error();
                err.span = item.span;
                return err;
            }
            e.regexes.push_back(*re);
            e.patterns.push_back(*s);
        } else {
            e.patterns.push_back(e.caseInsensitive ? foldCase(*s) : *s);
        }
    }
    return foldIfConstant(std::move(e));
}

Result<SExpr> compileIn(const InExpr& in, Span span, PlanContext& ctx)
{
    SExpr e;
    e.kind = SKind::In;
    e.span = span;
    e.caseInsensitive = in.caseInsensitive;
    auto value = compileExpr(*in.value, ctx);
    if (!value)
        return value.error();
    e.kids.push_back(std::move(*value));
    e.fieldType = typeOfOperands(e);
    for (const auto& item : in.items) {
        auto v = constantItem(item, ctx, "an `in` list item");
        if (!v)
            return v.error();
        if (isNull(*v))
            continue; // null items never match (eql-reference §4)
        if (e.caseInsensitive) {
            if (const auto* s = std::get_if<std::string>(&*v))
                *v = foldCase(*s);
        }
        e.items.push_back(std::move(*v));
    }
    auto folded = foldIfConstant(std::move(e));
    if (!folded || !in.negated)
        return folded;
    SExpr neg;
    neg.kind = SKind::Not;
    neg.span = span;
    neg.kids.push_back(std::move(*folded));
    return foldIfConstant(std::move(neg));
}

} // namespace

Result<SExpr> compileExpr(const Expr& expr, PlanContext& ctx)
{
    const Expr& x = unparen(expr);
    const Span span = x.span;
    switch (x.kind()) {
    case ExprKind::Literal:
        return literal(x.as<LiteralExpr>().value, span);
    case ExprKind::Field:
        return compileField(x.as<FieldExpr>(), span, ctx);
    case ExprKind::Unary: {
        const auto& u = x.as<UnaryExpr>();
        auto operand = compileExpr(*u.operand, ctx);
        if (!operand || u.op == UnaryOp::Plus)
            return operand;
        SExpr e;
        e.kind = u.op == UnaryOp::Not ? SKind::Not : SKind::Neg;
        e.span = span;
        e.kids.push_back(std::move(*operand));
        return foldIfConstant(std::move(e));
    }
    case ExprKind::Logical: {
        const auto& l = x.as<LogicalExpr>();
        SExpr e;
        e.kind = l.op == LogicalOp::And ? SKind::And : SKind::Or;
        e.span = span;
        for (const auto& operand : l.operands) {
            auto k = compileExpr(operand, ctx);
            if (!k)
                return k.error();
            e.kids.push_back(std::move(*k));
        }
        return foldIfConstant(std::move(e));
    }
    case ExprKind::Compare: {
        const auto& c = x.as<CompareExpr>();
        SExpr e;
        e.kind = SKind::Compare;
        e.span = span;
        e.cmp = c.op;
        for (const Expr* side : {c.left.get(), c.right.get()}) {
            auto k = compileExpr(*side, ctx);
            if (!k)
                return k.error();
            e.kids.push_back(std::move(*k));
        }
        // Equality with the null literal is a presence test (Elasticsearch rewrites it to
        // IsNull / IsNotNull), so `null == (x > 1)` is true where x is missing.
        const auto isNullLiteral
            = [](const SExpr& k) { return k.kind == SKind::Literal && isNull(k.literal); };
        e.presenceTest = (c.op == CompareOp::Eq || c.op == CompareOp::NotEq)
            && (isNullLiteral(e.kids[0]) || isNullLiteral(e.kids[1]));
        e.fieldType = typeOfOperands(e);
        // An ordering against the null literal is null whatever the other side (Elasticsearch
        // folds it away), so it is not a pushed-down test of the field either.
        if (!e.presenceTest && (isNullLiteral(e.kids[0]) || isNullLiteral(e.kids[1])))
            return literal(Null{}, span);
        return foldIfConstant(std::move(e));
    }
    case ExprKind::Arith: {
        const auto& a = x.as<ArithExpr>();
        SExpr e;
        e.kind = SKind::Arith;
        e.span = span;
        e.arith = a.op;
        for (const Expr* side : {a.left.get(), a.right.get()}) {
            auto k = compileExpr(*side, ctx);
            if (!k)
                return k.error();
            e.kids.push_back(std::move(*k));
        }
        return foldIfConstant(std::move(e));
    }
    case ExprKind::In:
        return compileIn(x.as<InExpr>(), span, ctx);
    case ExprKind::Pattern:
        return compilePattern(x.as<PatternExpr>(), span, ctx);
    case ExprKind::Call:
        return compileCall(x.as<CallExpr>(), span, ctx);
    case ExprKind::Paren:
        break; // unparen removed it
    }
    return planError("internal", "unexpected expression", span);
}

namespace {

bool isBarePredicate(const SExpr& e)
{
    auto isField = [](const SExpr& k) { return k.kind == SKind::Field; };
    auto isLit = [](const SExpr& k) { return k.kind == SKind::Literal; };
    switch (e.kind) {
    case SKind::Compare:
        return !e.presenceTest
            && ((isField(e.kids[0]) && isLit(e.kids[1])) || (isLit(e.kids[0]) && isField(e.kids[1])));
    case SKind::In:
    case SKind::Match:
        return isField(e.kids[0]);
    default:
        return false;
    }
}

PNode planLeaf(SExpr e)
{
    PNode n;
    if (e.kind == SKind::Not) {
        n.kind = PKind::Not;
        n.kids.push_back(planLeaf(std::move(e.kids[0])));
        return n;
    }
    if (e.kind == SKind::And || e.kind == SKind::Or) {
        n.kind = e.kind == SKind::And ? PKind::And : PKind::Or;
        for (auto& k : e.kids)
            n.kids.push_back(planLeaf(std::move(k)));
        return n;
    }
    if (e.kind == SKind::Literal) {
        n.kind = PKind::Const;
        n.constant = triOfValue(e.literal);
        return n;
    }
    std::vector<uint32_t> slots;
    collectSlots(e, slots);
    if (slots.size() > 1) {
        n.kind = PKind::RowPredicate;
        n.slots = std::move(slots);
        n.expr = std::move(e);
        return n;
    }
    if (e.kind == SKind::Compare && e.cmp == CompareOp::NotEq && isBarePredicate(e)) {
        // `field != lit` is must_not(field == lit) in Elasticsearch.
        e.cmp = CompareOp::Eq;
        n.kind = PKind::Not;
        n.kids.push_back(planLeaf(std::move(e)));
        return n;
    }
    n.kind = PKind::FieldPredicate;
    n.slot = slots.empty() ? 0 : slots[0];
    n.pushdown = isBarePredicate(e);
    if (n.pushdown) {
        n.missingResult = Tri::False;
    } else {
        EvalState state;
        std::vector<Value> nulls(n.slot + 1);
        n.missingResult = triOfValue(evalScalar(e, nulls.data(), state));
    }
    n.signature.push_back(n.pushdown ? 'P' : 'F');
    n.signature += signatureOf(e);
    n.expr = std::move(e);
    return n;
}

int leafCost(const PNode& n)
{
    switch (n.kind) {
    case PKind::Const:
        return 0;
    case PKind::FieldPredicate:
        return 1;
    case PKind::RowPredicate:
        return 3;
    default:
        return 2;
    }
}

} // namespace

Result<PNode> planCondition(const Expr& condition, PlanContext& ctx)
{
    const Expr& x = unparen(condition);
    if (const auto* l = x.getIf<LogicalExpr>()) {
        PNode n;
        n.kind = l->op == LogicalOp::And ? PKind::And : PKind::Or;
        for (const auto& operand : l->operands) {
            auto k = planCondition(operand, ctx);
            if (!k)
                return k.error();
            // Flatten nested chains of the same operator.
            if (k->kind == n.kind) {
                for (auto& kk : k->kids)
                    n.kids.push_back(std::move(kk));
            } else {
                n.kids.push_back(std::move(*k));
            }
        }
        // Cheap tests first: they narrow the rows the costly ones see (and/or commute in
        // three-valued logic).
        std::stable_sort(n.kids.begin(), n.kids.end(),
            [](const PNode& a, const PNode& b) { return leafCost(a) < leafCost(b); });
        return n;
    }
    if (const auto* u = x.getIf<UnaryExpr>(); u && u->op == UnaryOp::Not) {
        auto k = planCondition(*u->operand, ctx);
        if (!k)
            return k.error();
        PNode n;
        n.kind = PKind::Not;
        n.kids.push_back(std::move(*k));
        return n;
    }
    auto compiled = compileExpr(x, ctx);
    if (!compiled)
        return compiled.error();
    return planLeaf(std::move(*compiled));
}

PNode categoryPredicate(const std::string& name, PlanContext& ctx)
{
    SExpr field;
    field.kind = SKind::Field;
    field.slot = ctx.slots.slotOf(ctx.options.categoryField);
    SExpr e;
    e.kind = SKind::Compare;
    e.cmp = CompareOp::Eq;
    e.kids.push_back(std::move(field));
    e.kids.push_back(literal(name, {}));
    return planLeaf(std::move(e));
}

} // namespace eqlwb
