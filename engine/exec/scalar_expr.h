// A query expression compiled for evaluation: fields resolved to slots, literals decoded,
// patterns folded and regexes compiled once. Evaluates one binding of field values at a time
// (one event, or one distinct value of a dictionary-encoded column).
#pragma once

#include "eql/ast.h"
#include "exec/functions.h"
#include "exec/lucene_regex.h"
#include "exec/value_ops.h"

#include <memory>
#include <string>
#include <vector>

namespace eqlwb {

enum class SKind { Literal, Field, Neg, Not, And, Or, Compare, Arith, In, Match, Call };
enum class MatchKind { Wildcard, Regex };

struct SExpr {
    SKind kind = SKind::Literal;
    Span span;
    Value literal; // Literal
    uint32_t slot = 0; // Field: index into the binding
    FieldType fieldType = FieldType::Auto; // Compare/In: how the field operand's values compare
    eql::CompareOp cmp = eql::CompareOp::Eq; // Compare
    bool presenceTest = false; // Compare against the null literal: == is "is null", != "is not null"
    eql::ArithOp arith = eql::ArithOp::Add; // Arith
    bool caseInsensitive = false; // In (in~), Match (:, like~, regex~), Call (f~)
    std::vector<Value> items; // In: the list (null items dropped, strings folded for in~)
    MatchKind match = MatchKind::Wildcard; // Match
    std::vector<std::string> patterns; // Match (Wildcard): folded when case-insensitive
    std::vector<std::shared_ptr<const CompiledRegex>> regexes; // Match (Regex)
    FunctionId function = FunctionId::Add; // Call
    std::vector<SExpr> kids; // operands, in order
};

// Evaluates e with slots[i] holding the value of field slot i (Null when missing).
Value evalScalar(const SExpr& e, const Value* slots, EvalState& state);

// Evaluates a field-free expression; nullopt on a runtime error (kept in state).
Value foldConstant(const SExpr& e, EvalState& state);

// A stable text of the expression, used as the key of cached per-value results of a one-field
// predicate (field slots are not part of it).
// With slotPaths, fields print as their paths (for keys that span several fields).
std::string signatureOf(const SExpr& e, const std::vector<std::string>* slotPaths = nullptr);

// Collects the distinct slots e reads, ascending.
void collectSlots(const SExpr& e, std::vector<uint32_t>& slots);

} // namespace eqlwb
