// Comparing, converting and printing Values with Elasticsearch EQL's rules: three-valued
// results, integer versus floating point, typed comparisons for date, ip and version fields.
#pragma once

#include "eql/ast.h"
#include "store/value.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eqlwb {

// A truth value of three-valued logic; the numbering lets per-row result arrays be bytes.
enum class Tri : uint8_t { False = 0, True = 1, Null = 2 };

inline Tri triOf(bool b) { return b ? Tri::True : Tri::False; }
inline Tri triNot(Tri t) { return t == Tri::Null ? Tri::Null : (t == Tri::True ? Tri::False : Tri::True); }
inline Tri triAnd(Tri a, Tri b)
{
    if (a == Tri::False || b == Tri::False)
        return Tri::False;
    return (a == Tri::Null || b == Tri::Null) ? Tri::Null : Tri::True;
}
inline Tri triOr(Tri a, Tri b)
{
    if (a == Tri::True || b == Tri::True)
        return Tri::True;
    return (a == Tri::Null || b == Tri::Null) ? Tri::Null : Tri::False;
}
// A Value used as a condition: booleans as themselves, anything else (null included) is null.
Tri triOfValue(const Value& v);
Value valueOfTri(Tri t);

// How a field's values compare, as an Elasticsearch mapping type would make them.
enum class FieldType : uint8_t { Auto, Date, Ip, Version };

// Compares two non-null values. Numbers compare numerically across int/double, strings by
// UTF-8 bytes (or folded when caseInsensitive), booleans with booleans. Values of unrelated
// types are unequal (== false, != true) and unordered (null). With a FieldType, date values
// (epoch-millis numbers, ISO strings), IP addresses and versions compare by what they denote.
Tri compareValues(const Value& a, const Value& b, eql::CompareOp op, FieldType type = FieldType::Auto,
    bool caseInsensitive = false);

// Epoch millis (int or double) or ISO-8601 text as nanoseconds since the epoch.
std::optional<int64_t> toEpochNanos(const Value& v);

// Semantic version ordering ("1.11.3" > "1.5.0"); pre-releases sort before their release.
int compareVersions(std::string_view a, std::string_view b);

// Java's Double.toString, which Elasticsearch uses when it turns a double into text.
std::string javaDoubleString(double d);
// Text of a scalar as concat()/string() produce it; Null gives "null".
std::string valueToText(const Value& v);
// For messages and human output: strings quoted, numbers and booleans plain.
std::string valueToLiteral(const Value& v);

// Hashing and exact equality (same type and value) for dictionary encoding.
struct ValueHash {
    size_t operator()(const Value& v) const noexcept;
};
struct ValueExactEq {
    bool operator()(const Value& a, const Value& b) const noexcept;
};

} // namespace eqlwb
