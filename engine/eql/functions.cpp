// The function table (see functions.h). Arity and ~ forms follow eql-reference.md §7.
#include "eql/functions.h"

namespace eqlwb::eql {

const std::vector<FunctionInfo>& functionTable()
{
    using S = FunctionSupport;
    static const std::vector<FunctionInfo> table = {
        {FunctionId::Add, "add", 2, 2, false, S::Supported, "add(a, b)", "Sum of two numbers."},
        {FunctionId::ArrayContains, "arrayContains", 2, -1, false, S::Unsupported,
            "arrayContains(array, value, ...)", "Endgame only: true if the array holds a value."},
        {FunctionId::ArrayCount, "arrayCount", 3, 3, false, S::Unsupported,
            "arrayCount(array, var, condition)", "Endgame only: counts array elements matching a condition."},
        {FunctionId::ArraySearch, "arraySearch", 3, 3, false, S::Unsupported,
            "arraySearch(array, var, condition)",
            "Endgame only: true if an array element matches a condition."},
        {FunctionId::Between, "between", 3, 4, true, S::Supported, "between(source, left, right[, greedy])",
            "Text of source between left and the next (greedy: last) right."},
        {FunctionId::CidrMatch, "cidrMatch", 2, -1, false, S::Supported, "cidrMatch(ip, cidr, ...)",
            "True if the IP address lies in any of the CIDR blocks."},
        {FunctionId::Concat, "concat", 1, -1, false, S::Supported, "concat(value, ...)",
            "The values as strings, joined; null if any is null."},
        {FunctionId::Divide, "divide", 2, 2, false, S::Supported, "divide(a, b)",
            "Quotient; truncated when both are integers."},
        {FunctionId::EndsWith, "endsWith", 2, 2, true, S::Supported, "endsWith(source, suffix)",
            "True if source ends with suffix."},
        {FunctionId::IndexOf, "indexOf", 2, 3, true, S::Supported, "indexOf(source, substring[, start])",
            "First position of substring at or after start; null when absent."},
        {FunctionId::Length, "length", 1, 1, false, S::Supported, "length(source)", "Number of characters."},
        {FunctionId::Match, "match", 2, -1, false, S::Unsupported, "match(source, regex, ...)",
            "Endgame only: use the regex operator."},
        {FunctionId::MatchLite, "matchLite", 2, -1, false, S::Unsupported, "matchLite(source, regex, ...)",
            "Endgame only: use the regex operator."},
        {FunctionId::Modulo, "modulo", 2, 2, false, S::Supported, "modulo(a, b)",
            "Remainder, with the dividend's sign."},
        {FunctionId::Multiply, "multiply", 2, 2, false, S::Supported, "multiply(a, b)",
            "Product of two numbers."},
        {FunctionId::Number, "number", 1, 2, false, S::Supported, "number(string[, base])",
            "The string parsed as a number (0x... is hexadecimal)."},
        {FunctionId::Safe, "safe", 1, 1, false, S::Unsupported, "safe(expression)",
            "Endgame only: evaluates without raising errors."},
        {FunctionId::StartsWith, "startsWith", 2, 2, true, S::Supported, "startsWith(source, prefix)",
            "True if source starts with prefix."},
        {FunctionId::String, "string", 1, 1, false, S::Supported, "string(value)", "The value as a string."},
        {FunctionId::StringContains, "stringContains", 2, 2, true, S::Supported,
            "stringContains(source, substring)", "True if substring occurs in source."},
        {FunctionId::Substring, "substring", 2, 3, false, S::Supported, "substring(source, start[, end])",
            "Characters from start to end (exclusive); negative counts from the end."},
        {FunctionId::Subtract, "subtract", 2, 2, false, S::Supported, "subtract(a, b)",
            "Difference of two numbers."},
        {FunctionId::Wildcard, "wildcard", 2, -1, false, S::Removed, "wildcard(source, pattern, ...)",
            "7.x: true if source matches any * ? pattern; removed in 8.0, use like or :."},
    };
    return table;
}

const FunctionInfo* findFunction(std::string_view name)
{
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
    for (const auto& f : functionTable()) {
        if (f.name.size() != name.size())
            continue;
        bool same = true;
        for (size_t i = 0; i < name.size() && same; ++i)
            same = lower(f.name[i]) == lower(name[i]);
        if (same)
            return &f;
    }
    return nullptr;
}

} // namespace eqlwb::eql
