// A deliberately simple sequence matcher for differential tests: events as plain structs, every
// pending partial sequence kept in a list per key and stage exactly as Elasticsearch's
// description says ("extend the newest pending one before the event, drop it and all older"),
// until checked by scanning all until events. Slow and obvious on purpose.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace eqlwb::test {

struct RefEvent {
    int64_t id = 0;
    int64_t ts = 0; // ns; events are in insertion order, ordered by (ts, insertion)
    std::string category;
    std::vector<std::string> keys; // values of the join-key field (empty: missing)
    int64_t v = 0;
};

struct RefTerm {
    std::string category;
    std::optional<int64_t> vEquals; // `v == N`, else `true`
    int runs = 1;
};

struct RefSequence {
    std::vector<RefTerm> terms;
    std::optional<RefTerm> until;
    std::optional<int64_t> maxspanMillis;
    bool byKey = true; // `sequence by k`
};

// The EQL text of the sequence (category field event.category, key field k, value field v).
std::string refSequenceText(const RefSequence& sequence);

// Event ids of each match, in result order.
std::vector<std::vector<int64_t>> refSequenceMatches(
    const std::vector<RefEvent>& events, const RefSequence& sequence);

} // namespace eqlwb::test
