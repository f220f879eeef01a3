#include "exec/scalar_expr.h"

#include "exec/text_match.h"

#include <algorithm>

namespace eqlwb {

namespace {

bool matchOne(const SExpr& e, const std::string& value)
{
    if (e.match == MatchKind::Regex) {
        for (const auto& re : e.regexes)
            if (re->fullMatch(value))
                return true;
        return false;
    }
    if (e.caseInsensitive) {
        const std::string folded = foldCase(value);
        for (const auto& p : e.patterns)
            if (wildcardMatch(folded, p))
                return true;
        return false;
    }
    for (const auto& p : e.patterns)
        if (wildcardMatch(value, p))
            return true;
    return false;
}

} // namespace

Value evalScalar(const SExpr& e, const Value* slots, EvalState& state)
{
    switch (e.kind) {
    case SKind::Literal:
        return e.literal;
    case SKind::Field:
        return slots[e.slot];
    case SKind::Neg: {
        Value v = evalScalar(e.kids[0], slots, state);
        if (isNull(v))
            return v;
        return arithmetic(eql::ArithOp::Sub, Value(int64_t{0}), v, state, e.span);
    }
    case SKind::Not:
        return valueOfTri(triNot(triOfValue(evalScalar(e.kids[0], slots, state))));
    case SKind::And: {
        Tri t = Tri::True;
        for (const auto& k : e.kids) {
            t = triAnd(t, triOfValue(evalScalar(k, slots, state)));
            if (t == Tri::False)
                break;
        }
        return valueOfTri(t);
    }
    case SKind::Or: {
        Tri t = Tri::False;
        for (const auto& k : e.kids) {
            t = triOr(t, triOfValue(evalScalar(k, slots, state)));
            if (t == Tri::True)
                break;
        }
        return valueOfTri(t);
    }
    case SKind::Compare: {
        const Value a = evalScalar(e.kids[0], slots, state);
        const Value b = evalScalar(e.kids[1], slots, state);
        if (e.presenceTest) {
            const bool bothNull = isNull(a) && isNull(b);
            return e.cmp == eql::CompareOp::Eq ? bothNull : !bothNull;
        }
        return valueOfTri(compareValues(a, b, e.cmp, e.fieldType));
    }
    case SKind::Arith: {
        const Value a = evalScalar(e.kids[0], slots, state);
        const Value b = evalScalar(e.kids[1], slots, state);
        if (isNull(a) || isNull(b))
            return Null{};
        return arithmetic(e.arith, a, b, state, e.span);
    }
    case SKind::In: {
        const Value v = evalScalar(e.kids[0], slots, state);
        if (isNull(v))
            return Null{};
        bool found = false;
        if (e.caseInsensitive) {
            if (const auto* s = std::get_if<std::string>(&v)) {
                const std::string folded = foldCase(*s);
                for (const auto& item : e.items)
                    if (const auto* is = std::get_if<std::string>(&item); is && *is == folded) {
                        found = true;
                        break;
                    }
            }
        } else {
            for (const auto& item : e.items)
                if (compareValues(v, item, eql::CompareOp::Eq, e.fieldType) == Tri::True) {
                    found = true;
                    break;
                }
        }
        return found;
    }
    case SKind::Match: {
        const Value v = evalScalar(e.kids[0], slots, state);
        if (isNull(v))
            return Null{};
        const auto* s = std::get_if<std::string>(&v);
        if (!s)
            return false;
        return matchOne(e, *s);
    }
    case SKind::Call: {
        std::vector<Value> args;
        args.reserve(e.kids.size());
        for (const auto& k : e.kids)
            args.push_back(evalScalar(k, slots, state));
        return callFunction(e.function, e.caseInsensitive, args, state, e.span);
    }
    }
    return Null{};
}

Value foldConstant(const SExpr& e, EvalState& state) { return evalScalar(e, nullptr, state); }

std::string signatureOf(const SExpr& e, const std::vector<std::string>* slotPaths)
{
    std::string s = "(";
    s += std::to_string(static_cast<int>(e.kind));
    switch (e.kind) {
    case SKind::Literal:
        s += ' ';
        s += std::to_string(e.literal.index());
        s += ':';
        s += valueToLiteral(e.literal);
        break;
    case SKind::Field:
        s += " $"; // one-field signatures are per column, so the field is implied
        if (slotPaths && e.slot < slotPaths->size())
            s += (*slotPaths)[e.slot];
        break;
    case SKind::Compare:
        s += " c";
        s += std::to_string(static_cast<int>(e.cmp));
        s += e.presenceTest ? "p" : "";
        s += 't';
        s += std::to_string(static_cast<int>(e.fieldType));
        break;
    case SKind::Arith:
        s += " a";
        s += std::to_string(static_cast<int>(e.arith));
        break;
    case SKind::In:
        s += e.caseInsensitive ? " in~t" : " int";
        s += std::to_string(static_cast<int>(e.fieldType));
        for (const auto& v : e.items) {
            s += ' ';
            s += std::to_string(v.index());
            s += ':';
            s += valueToLiteral(v);
        }
        break;
    case SKind::Match:
        s += std::string(" m") + (e.match == MatchKind::Regex ? "r" : "w") + (e.caseInsensitive ? "~" : "");
        for (const auto& p : e.patterns) {
            s += ' ';
            s += valueToLiteral(Value(p));
        }
        break;
    case SKind::Call:
        s += " f";
        s += std::to_string(static_cast<int>(e.function));
        s += e.caseInsensitive ? "~" : "";
        break;
    default:
        break;
    }
    for (const auto& k : e.kids) {
        s += ' ';
        s += signatureOf(k, slotPaths);
    }
    s += ')';
    return s;
}

void collectSlots(const SExpr& e, std::vector<uint32_t>& slots)
{
    if (e.kind == SKind::Field && std::find(slots.begin(), slots.end(), e.slot) == slots.end()) {
        slots.insert(std::upper_bound(slots.begin(), slots.end(), e.slot), e.slot);
    }
    for (const auto& k : e.kids)
        collectSlots(k, slots);
}

} // namespace eqlwb
