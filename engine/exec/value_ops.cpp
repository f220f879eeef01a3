#include "exec/value_ops.h"

#include "exec/ip_address.h"
#include "exec/text_match.h"
#include "store/timestamp.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <functional>

namespace eqlwb {

using eql::CompareOp;

Tri triOfValue(const Value& v)
{
    if (const auto* b = std::get_if<bool>(&v))
        return triOf(*b);
    return Tri::Null;
}

Value valueOfTri(Tri t)
{
    if (t == Tri::Null)
        return Null{};
    return t == Tri::True;
}

namespace {

Tri fromOrder(int c, CompareOp op)
{
    switch (op) {
    case CompareOp::Eq:
        return triOf(c == 0);
    case CompareOp::NotEq:
        return triOf(c != 0);
    case CompareOp::Less:
        return triOf(c < 0);
    case CompareOp::LessEq:
        return triOf(c <= 0);
    case CompareOp::Greater:
        return triOf(c > 0);
    case CompareOp::GreaterEq:
        return triOf(c >= 0);
    }
    return Tri::Null;
}

Tri unrelated(CompareOp op)
{
    if (op == CompareOp::Eq)
        return Tri::False;
    if (op == CompareOp::NotEq)
        return Tri::True;
    return Tri::Null;
}

template <typename T> int cmp3(const T& a, const T& b) { return a < b ? -1 : (b < a ? 1 : 0); }

bool isNumber(const Value& v)
{
    return std::holds_alternative<int64_t>(v) || std::holds_alternative<double>(v);
}

double asDouble(const Value& v)
{
    if (const auto* i = std::get_if<int64_t>(&v))
        return static_cast<double>(*i);
    return std::get<double>(v);
}

// Splits "1.11.3-beta+build" into its release part and pre-release part.
void splitVersion(std::string_view v, std::string_view& release, std::string_view& pre)
{
    const size_t plus = v.find('+');
    if (plus != std::string_view::npos)
        v = v.substr(0, plus);
    const size_t dash = v.find('-');
    release = v.substr(0, dash);
    pre = dash == std::string_view::npos ? std::string_view{} : v.substr(dash + 1);
}

int compareDotted(std::string_view a, std::string_view b)
{
    while (!a.empty() || !b.empty()) {
        const size_t da = a.find('.'), db = b.find('.');
        const auto pa = a.substr(0, da), pb = b.substr(0, db);
        a = da == std::string_view::npos ? std::string_view{} : a.substr(da + 1);
        b = db == std::string_view::npos ? std::string_view{} : b.substr(db + 1);
        if (pa.empty() != pb.empty())
            return pa.empty() ? -1 : 1;
        const bool na = !pa.empty() && pa.find_first_not_of("0123456789") == std::string_view::npos;
        const bool nb = !pb.empty() && pb.find_first_not_of("0123456789") == std::string_view::npos;
        int c = 0;
        if (na && nb) {
            // Compare as numbers without overflow: strip leading zeros, then length, then digits.
            const auto sa = pa.substr(std::min(pa.find_first_not_of('0'), pa.size()));
            const auto sb = pb.substr(std::min(pb.find_first_not_of('0'), pb.size()));
            c = sa.size() != sb.size() ? (sa.size() < sb.size() ? -1 : 1) : sa.compare(sb);
        } else if (na != nb) {
            c = na ? -1 : 1; // numeric identifiers sort before alphanumeric ones (semver)
        } else {
            c = pa.compare(pb);
        }
        if (c != 0)
            return c < 0 ? -1 : 1;
    }
    return 0;
}

} // namespace

int compareVersions(std::string_view a, std::string_view b)
{
    std::string_view ra, pa, rb, pb;
    splitVersion(a, ra, pa);
    splitVersion(b, rb, pb);
    if (int c = compareDotted(ra, rb); c != 0)
        return c;
    if (pa.empty() != pb.empty())
        return pa.empty() ? 1 : -1;
    return compareDotted(pa, pb);
}

std::optional<int64_t> toEpochNanos(const Value& v)
{
    constexpr int64_t kNanosPerMs = 1000000;
    if (const auto* i = std::get_if<int64_t>(&v)) {
        if (*i > INT64_MAX / kNanosPerMs || *i < INT64_MIN / kNanosPerMs)
            return std::nullopt;
        return *i * kNanosPerMs;
    }
    if (const auto* d = std::get_if<double>(&v)) {
        const double ns = *d * 1e6;
        if (!std::isfinite(ns) || std::fabs(ns) > 9.2e18)
            return std::nullopt;
        return static_cast<int64_t>(std::llround(ns));
    }
    if (const auto* s = std::get_if<std::string>(&v))
        return parseTimestampText(*s); // ISO-8601, or epoch millis written as text
    return std::nullopt;
}

Tri compareValues(const Value& a, const Value& b, CompareOp op, FieldType type, bool caseInsensitive)
{
    if (isNull(a) || isNull(b))
        return Tri::Null;
    switch (type) {
    case FieldType::Date: {
        const auto na = toEpochNanos(a), nb = toEpochNanos(b);
        if (na && nb)
            return fromOrder(cmp3(*na, *nb), op);
        break;
    }
    case FieldType::Ip: {
        const auto* sa = std::get_if<std::string>(&a);
        const auto* sb = std::get_if<std::string>(&b);
        if (sa && sb) {
            const auto ia = parseIpAddress(*sa), ib = parseIpAddress(*sb);
            if (ia && ib)
                return fromOrder(cmp3(*ia, *ib), op);
        }
        break;
    }
    case FieldType::Version: {
        const auto* sa = std::get_if<std::string>(&a);
        const auto* sb = std::get_if<std::string>(&b);
        if (sa && sb)
            return fromOrder(compareVersions(*sa, *sb), op);
        break;
    }
    case FieldType::Auto:
        break;
    }
    if (const auto* ia = std::get_if<int64_t>(&a)) {
        if (const auto* ib = std::get_if<int64_t>(&b))
            return fromOrder(cmp3(*ia, *ib), op);
    }
    if (isNumber(a) && isNumber(b)) {
        const double da = asDouble(a), db = asDouble(b);
        if (std::isnan(da) || std::isnan(db))
            return op == CompareOp::NotEq ? Tri::True : Tri::False;
        return fromOrder(cmp3(da, db), op);
    }
    if (const auto* sa = std::get_if<std::string>(&a)) {
        if (const auto* sb = std::get_if<std::string>(&b)) {
            if (caseInsensitive)
                return fromOrder(cmp3(foldCase(*sa), foldCase(*sb)), op);
            const int c = sa->compare(*sb);
            return fromOrder(c < 0 ? -1 : (c > 0 ? 1 : 0), op);
        }
    }
    if (const auto* ba = std::get_if<bool>(&a)) {
        if (const auto* bb = std::get_if<bool>(&b))
            return fromOrder(cmp3(*ba, *bb), op);
    }
    return unrelated(op);
}

std::string javaDoubleString(double d)
{
    if (std::isnan(d))
        return "NaN";
    if (std::isinf(d))
        return d > 0 ? "Infinity" : "-Infinity";
    if (d == 0)
        return std::signbit(d) ? "-0.0" : "0.0";
    const double mag = std::fabs(d);
    char buf[64];
    if (mag >= 1e-3 && mag < 1e7) {
        auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
        std::string s(buf, ec == std::errc() ? end : buf);
        if (s.find('.') == std::string::npos)
            s += ".0";
        return s;
    }
    // Scientific: shortest digits, as d.dddE[-]x.
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    std::string s(buf, ec == std::errc() ? end : buf);
    const size_t e = s.find('e');
    if (e == std::string::npos)
        return s;
    std::string mantissa = s.substr(0, e);
    if (mantissa.find('.') == std::string::npos)
        mantissa += ".0";
    int exponent = std::atoi(s.c_str() + e + 1);
    return mantissa + "E" + std::to_string(exponent);
}

std::string valueToText(const Value& v)
{
    struct Visitor {
        std::string operator()(Null) const { return "null"; }
        std::string operator()(bool b) const { return b ? "true" : "false"; }
        std::string operator()(int64_t i) const { return std::to_string(i); }
        std::string operator()(double d) const { return javaDoubleString(d); }
        std::string operator()(const std::string& s) const { return s; }
    };
    return std::visit(Visitor{}, v);
}

std::string valueToLiteral(const Value& v)
{
    if (const auto* s = std::get_if<std::string>(&v)) {
        std::string out = "\"";
        for (char c : *s) {
            if (c == '"' || c == '\\')
                out.push_back('\\');
            out.push_back(c);
        }
        return out + "\"";
    }
    return valueToText(v);
}

size_t ValueHash::operator()(const Value& v) const noexcept
{
    const size_t tag = v.index() * 0x9E3779B97F4A7C15ull;
    struct Visitor {
        size_t operator()(Null) const { return 0; }
        size_t operator()(bool b) const { return b ? 1 : 2; }
        size_t operator()(int64_t i) const { return std::hash<int64_t>{}(i); }
        size_t operator()(double d) const { return std::hash<double>{}(d); }
        size_t operator()(const std::string& s) const { return std::hash<std::string>{}(s); }
    };
    return tag ^ std::visit(Visitor{}, v);
}

bool ValueExactEq::operator()(const Value& a, const Value& b) const noexcept
{
    if (a.index() != b.index())
        return false;
    if (const auto* da = std::get_if<double>(&a)) {
        const double db = std::get<double>(b);
        return std::memcmp(da, &db, sizeof db) == 0; // NaN equals itself here, -0.0 differs from 0.0
    }
    return a == b;
}

} // namespace eqlwb
