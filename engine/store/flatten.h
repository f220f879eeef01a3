// Flattening of one JSON document into dotted fields: the shape every event has in the store.
//
// Rules (the same for ingest, the in-memory ColumnSource and tests):
// - Nested objects join their keys with '.': {"process":{"name":"a"}} gives "process.name".
// - A literal dotted key lands in the same field: {"process.name":"a"} also gives "process.name";
//   when both spellings occur in one document their values are merged, in document order.
// - Arrays make multi-valued fields, in array order; nested arrays are flattened
//   ([[1,2],3] gives 1,2,3) and arrays of objects give each object's fields
//   ([{"ip":"a"},{"ip":"b"}] under "hosts" gives hosts.ip = a, b), as Elasticsearch indexes them.
// - Values keep their JSON type as a Value: integers that fit int64 stay Int, other numbers are
//   Double, strings are the decoded UTF-8 text.
// - A JSON null sets `explicitNull` (the field is present but null); an empty array or an
//   empty object gives nothing (the field is missing), as in EQL.
// - Depth is bounded (kMaxFlattenDepth): deeper documents are an error, never a stack overflow.
#pragma once

#include "core/result.h"
#include "store/value.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace eqlwb {

constexpr size_t kMaxFlattenDepth = 100;

struct FlatField {
    std::string path; // dotted path
    std::vector<Value> values; // in document order; empty with explicitNull for a JSON null
    bool explicitNull = false; // some occurrence was a JSON null
};

// One document's fields, in the order each path was first seen.
struct FlatEvent {
    std::vector<FlatField> fields;

    // nullptr when the document has no such field.
    const FlatField* find(std::string_view path) const;
    // The first value of a field, or Null.
    Value first(std::string_view path) const;
};

// Parses one JSON object and flattens it into out (cleared first). Errors: "json" (not JSON,
// invalid UTF-8, trailing content), "not-object" (a JSON value that is not an object),
// "too-deep" (nested deeper than kMaxFlattenDepth). Never throws.
Status flattenJson(std::string_view json, FlatEvent& out);

} // namespace eqlwb
