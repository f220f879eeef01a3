#include "present/match_diff.h"

#include <algorithm>
#include <iterator>

namespace eqlwb {

namespace {

void normalize(std::vector<int64_t>& ids)
{
    ids.erase(std::remove_if(ids.begin(), ids.end(), [](int64_t id) { return id < 0; }), ids.end());
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

} // namespace

MatchDiff diffMatches(std::vector<int64_t> before, std::vector<int64_t> after)
{
    normalize(before);
    normalize(after);
    MatchDiff diff;
    std::set_difference(
        after.begin(), after.end(), before.begin(), before.end(), std::back_inserter(diff.added));
    std::set_difference(
        before.begin(), before.end(), after.begin(), after.end(), std::back_inserter(diff.removed));
    return diff;
}

} // namespace eqlwb
