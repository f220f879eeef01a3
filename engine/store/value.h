// A scalar value from an event: JSON's types, with integers and floats kept apart
// (EQL distinguishes integer from floating-point arithmetic).
#pragma once

#include <cstdint>
#include <string>
#include <variant>

namespace eqlwb {

struct Null {
    friend bool operator==(Null, Null) { return true; }
};

using Value = std::variant<Null, bool, int64_t, double, std::string>;

enum class ValueType { Null = 0, Bool = 1, Int = 2, Double = 3, String = 4 };

inline ValueType typeOf(const Value& v) { return static_cast<ValueType>(v.index()); }
inline bool isNull(const Value& v) { return std::holds_alternative<Null>(v); }

} // namespace eqlwb
