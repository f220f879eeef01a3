// The EQL function table: every function Elasticsearch knows (eql-reference.md §7), plus the
// 7.x wildcard() and the legacy endgame functions Elasticsearch rejects. The parser checks
// arity and the ~ form with it, the editor shows call tips and completions from it, and the
// executor dispatches on FunctionInfo::id.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace eqlwb::eql {

enum class FunctionId : uint8_t {
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
    Wildcard, // 7.x only: deprecated in 7.13, removed in 8.0
    // Endgame functions Elasticsearch does not support (parsed to a clear error).
    ArrayContains,
    ArrayCount,
    ArraySearch,
    Match,
    MatchLite,
    Safe,
};

enum class FunctionSupport : uint8_t {
    Supported, // in Elasticsearch 8.x/9.x
    Removed, // wildcard(): 7.x only, accepted with a deprecation warning
    Unsupported, // endgame only: an error
};

struct FunctionInfo {
    FunctionId id;
    std::string_view name; // canonical spelling, e.g. "startsWith"
    int minArgs;
    int maxArgs; // -1: no upper bound
    bool hasInsensitive; // a name~(...) form exists
    FunctionSupport support;
    std::string_view signature; // for call tips: "startsWith(source, prefix)"
    std::string_view description; // one line
};

// All functions, in alphabetical order of name (supported ones first is NOT guaranteed).
const std::vector<FunctionInfo>& functionTable();

// Looks a name up case-insensitively (Elasticsearch resolves CONCAT like concat), without any
// trailing '~'. Null when unknown.
const FunctionInfo* findFunction(std::string_view name);

} // namespace eqlwb::eql
