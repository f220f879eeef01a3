// Before/after of two runs: which events a change to the rule adds to its matches and which it
// removes, the question every tuning edit asks.
#pragma once

#include <cstdint>
#include <vector>

namespace eqlwb {

struct MatchDiff {
    std::vector<int64_t> added; // events matched now and not before, ascending
    std::vector<int64_t> removed; // events matched before and not now, ascending
};

// Event ids of two runs, in any order and with repeats (a sequence lists its events); missing-
// event slots (negative ids) are ignored.
MatchDiff diffMatches(std::vector<int64_t> before, std::vector<int64_t> after);

} // namespace eqlwb
