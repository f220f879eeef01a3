// What a query run is told besides the query: the fields Elasticsearch takes as request
// parameters, the result size, strictness, and mapping hints for typed comparisons.
#pragma once

#include "exec/value_ops.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace eqlwb {

struct RunOptions {
    std::string timestampField = "@timestamp";
    std::string tiebreakerField; // empty: none
    std::string categoryField = "event.category";
    std::optional<int64_t> size; // keep the first N results (Elasticsearch's `size`); none: all
    // Rule exceptions: an EQL condition; events for which it is true take no part in the query
    // (Kibana sends exceptions as a must_not filter with the search, so in a sequence an excepted
    // event is never seen, rather than removed afterwards). Empty: none.
    std::string exceptionCondition;
    bool strict = false; // a field no event has is an error (else a warning, and it is missing)
    // Mapping types of fields whose values compare by meaning (ip, version, date), as an
    // Elasticsearch mapping would declare them. The timestamp field is always a date.
    std::map<std::string, FieldType> fieldTypes;
    // Samples: how many samples one join-key tuple may give (Elasticsearch's max_samples_per_key).
    int64_t maxSamplesPerKey = 1;
};

} // namespace eqlwb
