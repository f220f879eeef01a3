#include "exec/functions.h"

#include "exec/ip_address.h"
#include "exec/text_match.h"
#include "exec/value_ops.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace eqlwb {

namespace {

const std::string* str(const Value& v) { return std::get_if<std::string>(&v); }

std::optional<int64_t> integer(const Value& v)
{
    if (const auto* i = std::get_if<int64_t>(&v))
        return *i;
    return std::nullopt;
}

// Byte offset of the character with index `chars` (clamped to the end).
size_t byteOffsetOfChar(std::string_view s, size_t chars)
{
    size_t i = 0;
    while (i < s.size() && chars > 0) {
        ++i;
        while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80)
            ++i;
        --chars;
    }
    return i;
}

size_t charIndexOfByte(std::string_view s, size_t byte) { return utf8Length(s.substr(0, byte)); }

Value between(const std::vector<Value>& args, bool ci)
{
    const auto* src = str(args[0]);
    const auto* left = str(args[1]);
    const auto* right = str(args[2]);
    if (!src || !left || !right)
        return Null{};
    bool greedy = false;
    if (args.size() > 3) {
        if (const auto* g = std::get_if<bool>(&args[3]))
            greedy = *g;
        else if (!isNull(args[3]))
            return Null{};
    }
    // Folding keeps byte lengths (see foldCase), so offsets found in folded text apply to src.
    const std::string hay = ci ? foldCase(*src) : *src;
    const std::string l = ci ? foldCase(*left) : *left;
    const std::string r = ci ? foldCase(*right) : *right;
    const size_t lp = hay.find(l);
    if (lp == std::string::npos)
        return std::string();
    const size_t start = lp + l.size();
    size_t rp = greedy ? hay.rfind(r) : hay.find(r, start);
    if (rp == std::string::npos || rp < start)
        return std::string();
    return src->substr(start, rp - start);
}

Value indexOf(const std::vector<Value>& args, bool ci)
{
    const auto* src = str(args[0]);
    const auto* sub = str(args[1]);
    if (!src || !sub)
        return Null{};
    int64_t start = 0;
    if (args.size() > 2 && !isNull(args[2])) {
        const auto s = integer(args[2]);
        if (!s)
            return Null{};
        start = std::max<int64_t>(0, *s);
    }
    const size_t length = utf8Length(*src);
    if (static_cast<uint64_t>(start) > length)
        return Null{};
    const std::string hay = ci ? foldCase(*src) : *src;
    const std::string needle = ci ? foldCase(*sub) : *sub;
    const size_t from = byteOffsetOfChar(hay, static_cast<size_t>(start));
    const size_t pos = hay.find(needle, from);
    if (pos == std::string::npos)
        return Null{};
    return static_cast<int64_t>(charIndexOfByte(hay, pos));
}

Value number(const std::vector<Value>& args)
{
    const auto* src = str(args[0]);
    if (!src)
        return Null{};
    int base = 10;
    bool explicitBase = false;
    if (args.size() > 1 && !isNull(args[1])) {
        const auto b = integer(args[1]);
        if (!b || *b < 2 || *b > 36)
            return Null{};
        base = static_cast<int>(*b);
        explicitBase = true;
    }
    std::string_view s = *src;
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    bool negative = false;
    std::string_view body = s;
    if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
        negative = body[0] == '-';
        body.remove_prefix(1);
    }
    if ((base == 16 || !explicitBase) && body.size() > 2 && body[0] == '0'
        && (body[1] == 'x' || body[1] == 'X')) {
        base = 16;
        body.remove_prefix(2);
    }
    if (body.empty())
        return Null{};
    if (base == 10 && body.find_first_of(".eE") != std::string_view::npos) {
        const std::string text(s);
        char* end = nullptr;
        const double d = std::strtod(text.c_str(), &end);
        if (end != text.c_str() + text.size())
            return Null{};
        return d;
    }
    uint64_t magnitude = 0;
    auto [ptr, ec] = std::from_chars(body.data(), body.data() + body.size(), magnitude, base);
    if (ec != std::errc() || ptr != body.data() + body.size())
        return Null{};
    if (negative) {
        if (magnitude > static_cast<uint64_t>(INT64_MAX) + 1)
            return Null{};
        return static_cast<int64_t>(0 - magnitude);
    }
    if (magnitude > static_cast<uint64_t>(INT64_MAX))
        return Null{};
    return static_cast<int64_t>(magnitude);
}

Value substring(const std::vector<Value>& args)
{
    const auto* src = str(args[0]);
    if (!src)
        return Null{};
    const int64_t length = static_cast<int64_t>(utf8Length(*src));
    auto bound = [&](const Value& v, int64_t fallback) -> std::optional<int64_t> {
        if (isNull(v))
            return fallback;
        const auto i = integer(v);
        if (!i)
            return std::nullopt;
        int64_t x = *i;
        if (x < 0)
            x = std::max<int64_t>(0, length + x);
        return std::min(x, length);
    };
    const auto start = bound(args[1], 0);
    const auto end = args.size() > 2 ? bound(args[2], length) : std::optional<int64_t>(length);
    if (!start || !end)
        return Null{};
    if (*start >= *end)
        return std::string();
    const size_t b = byteOffsetOfChar(*src, static_cast<size_t>(*start));
    const size_t e = byteOffsetOfChar(*src, static_cast<size_t>(*end));
    return src->substr(b, e - b);
}

Value cidrMatch(const std::vector<Value>& args)
{
    const auto* ipText = str(args[0]);
    if (!ipText)
        return Null{};
    const auto ip = parseIpAddress(*ipText);
    bool anyBlock = false;
    for (size_t i = 1; i < args.size(); ++i) {
        const auto* cidr = str(args[i]);
        if (!cidr)
            continue;
        anyBlock = true;
        const auto block = parseCidr(*cidr);
        if (ip && block && cidrContains(*block, *ip))
            return true;
    }
    if (!anyBlock)
        return Null{};
    return false;
}

} // namespace

Value arithmetic(eql::ArithOp op, const Value& a, const Value& b, EvalState& state, Span span)
{
    const auto* ia = std::get_if<int64_t>(&a);
    const auto* ib = std::get_if<int64_t>(&b);
    if (ia && ib) {
        int64_t r = 0;
        bool overflow = false;
        switch (op) {
        case eql::ArithOp::Add:
            overflow = __builtin_add_overflow(*ia, *ib, &r);
            break;
        case eql::ArithOp::Sub:
            overflow = __builtin_sub_overflow(*ia, *ib, &r);
            break;
        case eql::ArithOp::Mul:
            overflow = __builtin_mul_overflow(*ia, *ib, &r);
            break;
        case eql::ArithOp::Div:
        case eql::ArithOp::Mod:
            if (*ib == 0) {
                state.fail("division-by-zero", "division by zero", span);
                return Null{};
            }
            if (*ia == INT64_MIN && *ib == -1) {
                overflow = op == eql::ArithOp::Div;
                r = 0;
            } else {
                r = op == eql::ArithOp::Div ? *ia / *ib : *ia % *ib;
            }
            break;
        }
        if (overflow) {
            state.fail("overflow", "integer overflow in arithmetic", span);
            return Null{};
        }
        return r;
    }
    auto num = [](const Value& v) -> std::optional<double> {
        if (const auto* i = std::get_if<int64_t>(&v))
            return static_cast<double>(*i);
        if (const auto* d = std::get_if<double>(&v))
            return *d;
        return std::nullopt;
    };
    const auto da = num(a), db = num(b);
    if (!da || !db)
        return Null{};
    switch (op) {
    case eql::ArithOp::Add:
        return *da + *db;
    case eql::ArithOp::Sub:
        return *da - *db;
    case eql::ArithOp::Mul:
        return *da * *db;
    case eql::ArithOp::Div:
        return *da / *db;
    case eql::ArithOp::Mod:
        return std::fmod(*da, *db);
    }
    return Null{};
}

Value callFunction(FunctionId id, bool ci, const std::vector<Value>& args, EvalState& state, Span span)
{
    switch (id) {
    case FunctionId::Add:
        return arithmetic(eql::ArithOp::Add, args[0], args[1], state, span);
    case FunctionId::Subtract:
        return arithmetic(eql::ArithOp::Sub, args[0], args[1], state, span);
    case FunctionId::Multiply:
        return arithmetic(eql::ArithOp::Mul, args[0], args[1], state, span);
    case FunctionId::Divide:
        return arithmetic(eql::ArithOp::Div, args[0], args[1], state, span);
    case FunctionId::Modulo:
        return arithmetic(eql::ArithOp::Mod, args[0], args[1], state, span);
    case FunctionId::Between:
        return between(args, ci);
    case FunctionId::CidrMatch:
        return cidrMatch(args);
    case FunctionId::Concat: {
        std::string out;
        for (const auto& a : args) {
            if (isNull(a))
                return Null{};
            out += valueToText(a);
        }
        return out;
    }
    case FunctionId::EndsWith:
    case FunctionId::StartsWith:
    case FunctionId::StringContains: {
        const auto* s = str(args[0]);
        const auto* sub = str(args[1]);
        if (!s || !sub)
            return Null{};
        const std::string hay = ci ? foldCase(*s) : *s;
        const std::string needle = ci ? foldCase(*sub) : *sub;
        if (id == FunctionId::StartsWith)
            return hay.compare(0, needle.size(), needle) == 0 && hay.size() >= needle.size();
        if (id == FunctionId::EndsWith)
            return hay.size() >= needle.size()
                && hay.compare(hay.size() - needle.size(), needle.size(), needle) == 0;
        return hay.find(needle) != std::string::npos;
    }
    case FunctionId::IndexOf:
        return indexOf(args, ci);
    case FunctionId::Length: {
        const auto* s = str(args[0]);
        if (!s)
            return Null{};
        return static_cast<int64_t>(utf8Length(*s));
    }
    case FunctionId::Number:
        return number(args);
    case FunctionId::String:
        if (isNull(args[0]))
            return Null{};
        return valueToText(args[0]);
    case FunctionId::Substring:
        return substring(args);
    case FunctionId::ArrayContains:
    case FunctionId::ArrayCount:
    case FunctionId::ArraySearch:
    case FunctionId::Match:
    case FunctionId::MatchLite:
    case FunctionId::Safe:
        state.fail("unsupported", "this endgame function is not supported by Elasticsearch", span);
        return Null{};
    case FunctionId::Wildcard: {
        const auto* s = str(args[0]);
        if (!s)
            return Null{};
        for (size_t i = 1; i < args.size(); ++i)
            if (const auto* p = str(args[i]); p && wildcardMatch(*s, *p))
                return true;
        return false;
    }
    }
    return Null{};
}

} // namespace eqlwb
