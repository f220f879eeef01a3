// The EQL function library (eql-reference.md §7) over Values: one entry per function, with its
// arity, and the arithmetic shared by the operators and add()/subtract()/...
#pragma once

#include "core/result.h"
#include "eql/ast.h"
#include "store/value.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eqlwb {

enum class FunctionId {
    Add,
    Between,
    CidrMatch,
    Concat,
    Divide,
    EndsWith,
    IndexOf,
    Length,
    Modulo,
    Multiply,
    Number,
    StartsWith,
    String,
    StringContains,
    Substring,
    Subtract,
    Wildcard,
};

struct FunctionInfo {
    FunctionId id;
    const char* name; // canonical spelling
    int minArgs;
    int maxArgs; // -1: unbounded
    bool hasInsensitive; // a `~` form exists
};

// Looks a function up case-insensitively ("CONCAT" is concat); nullptr when unknown.
const FunctionInfo* findFunction(std::string_view name);

// Where evaluation records the first runtime error (division by zero, overflow); evaluation
// goes on with null and the query reports the error.
struct EvalState {
    std::optional<Error> error;
    void fail(std::string code, std::string message, Span span = {})
    {
        if (!error)
            error = Error{std::move(code), std::move(message), span};
    }
};

// Integer arithmetic when both operands are integers (truncating division, Java remainder),
// floating point otherwise; null or a non-number gives null; division by zero and integer
// overflow are errors.
Value arithmetic(eql::ArithOp op, const Value& a, const Value& b, EvalState& state, Span span = {});

Value callFunction(
    FunctionId id, bool caseInsensitive, const std::vector<Value>& args, EvalState& state, Span span = {});

} // namespace eqlwb
