// The allocation-free core of flattening (see flatten.h for the rules), over a simdjson DOM.
// Internal to engine/store: ingest calls it with a sink that appends straight into column
// builders; flattenJson() calls it with a sink that fills a FlatEvent.
#pragma once

#include "store/flatten.h"

#include <cstdint>
#include <simdjson.h>
#include <string>
#include <string_view>

namespace eqlwb::store_detail {

// One scalar as the walker sees it; `s` points into the parser's buffer (valid until the next
// parse).
struct ScalarRef {
    ValueType type = ValueType::Null;
    bool b = false;
    int64_t i = 0;
    double d = 0;
    std::string_view s;
};

enum class WalkResult { Ok, TooDeep };

// Calls sink(std::string_view path, const ScalarRef&) for every scalar under `e`; `path` is the
// dotted path so far (restored before returning). Empty arrays and objects emit nothing.
template <typename Sink>
WalkResult walkJson(simdjson::dom::element e, std::string& path, Sink& sink, size_t depth = 0)
{
    using simdjson::dom::element_type;
    if (depth > kMaxFlattenDepth)
        return WalkResult::TooDeep;
    ScalarRef v;
    switch (e.type()) {
    case element_type::OBJECT: {
        const size_t base = path.size();
        for (auto field : simdjson::dom::object(e)) {
            if (base > 0)
                path.push_back('.');
            path.append(field.key.data(), field.key.size());
            if (walkJson(field.value, path, sink, depth + 1) == WalkResult::TooDeep)
                return WalkResult::TooDeep;
            path.resize(base);
        }
        return WalkResult::Ok;
    }
    case element_type::ARRAY:
        for (auto item : simdjson::dom::array(e)) {
            if (walkJson(item, path, sink, depth + 1) == WalkResult::TooDeep)
                return WalkResult::TooDeep;
        }
        return WalkResult::Ok;
    case element_type::STRING:
        v.type = ValueType::String;
        v.s = std::string_view(e);
        break;
    case element_type::INT64:
        v.type = ValueType::Int;
        v.i = int64_t(e);
        break;
    case element_type::UINT64:
        // Beyond int64: keep the magnitude as a double rather than wrap around.
        v.type = ValueType::Double;
        v.d = double(uint64_t(e));
        break;
    case element_type::DOUBLE:
        v.type = ValueType::Double;
        v.d = double(e);
        break;
    case element_type::BOOL:
        v.type = ValueType::Bool;
        v.b = bool(e);
        break;
    case element_type::NULL_VALUE:
        v.type = ValueType::Null;
        break;
    }
    sink(std::string_view(path), v);
    return WalkResult::Ok;
}

inline Value toValue(const ScalarRef& v)
{
    switch (v.type) {
    case ValueType::Null:
        return Null{};
    case ValueType::Bool:
        return v.b;
    case ValueType::Int:
        return v.i;
    case ValueType::Double:
        return v.d;
    case ValueType::String:
        return std::string(v.s);
    }
    return Null{};
}

} // namespace eqlwb::store_detail
