// Result<T>: a value or an Error, for engine calls that can fail (C++20 has no std::expected).
#pragma once

#include "core/diagnostic.h"

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace eqlwb {

struct Error {
    std::string code; // stable machine name, e.g. "io", "sqlite", "cancelled", "bad-rule"
    std::string message; // for a person
    Span span; // where in the input, when the error is about text
};

template <typename T> class Result {
public:
    Result(T value)
        : data_(std::move(value))
    {
    }
    Result(Error error)
        : data_(std::move(error))
    {
    }

    bool ok() const { return std::holds_alternative<T>(data_); }
    explicit operator bool() const { return ok(); }

    T& value() { return std::get<T>(data_); }
    const T& value() const { return std::get<T>(data_); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const { return std::get<Error>(data_); }

private:
    std::variant<T, Error> data_;
};

// For calls that return nothing on success.
struct Ok { };
using Status = Result<Ok>;

} // namespace eqlwb
