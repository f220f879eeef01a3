// The EQL function library (eql-reference.md §7) over Values: what each function of the
// parser's table computes, and the arithmetic shared by the operators and add()/subtract()/...
#pragma once

#include "core/result.h"
#include "eql/ast.h"
#include "eql/functions.h"
#include "store/value.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eqlwb {

// Functions are identified by the parser's table (eql/functions.h: names, arity, ~ forms).
using eql::FunctionId;

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
