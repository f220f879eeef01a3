// The executor's in-memory cache: each column a query touches, dictionary-encoded (one code per
// row, distinct values once), plus the event index. Columns load on first use and the whole
// cache is dropped when the source's dataVersion() changes.
#pragma once

#include "core/result.h"
#include "store/field_column.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace eqlwb {

struct DictColumn {
    static constexpr uint32_t kMissing = 0xFFFFFFFFu; // no value (missing, null, empty array)
    static constexpr uint32_t kMultiFlag = 0x80000000u; // low bits index multiOffsets

    std::string path;
    std::vector<Value> dict; // distinct values; a code is an index here (< kMultiFlag)
    std::vector<uint32_t> codes; // per row: a code, kMissing, or kMultiFlag | multi-row index
    std::vector<uint32_t> multiOffsets; // multi-row i has multiCodes[multiOffsets[i] .. [i+1])
    std::vector<uint32_t> multiCodes;
    std::vector<uint32_t> explicitNullRows; // sorted, from the FieldColumn

    bool isMulti(uint32_t code) const { return code != kMissing && (code & kMultiFlag); }
    // The first value of a row, or nullptr when it has none.
    const Value* first(uint32_t row) const;

    // Per-code results of predicates already evaluated on this column, keyed by the predicate's
    // signature: 0 false, 1 true, 2 null, 3 not computed yet. Guarded by the cache's owner
    // (one query at a time).
    std::unordered_map<std::string, std::vector<uint8_t>> predicateResults;
};

DictColumn encodeColumn(FieldColumn&& column);

class ColumnCache {
public:
    // Drops everything when the source changed since the last call.
    void syncWith(ColumnSource& source);
    Result<std::shared_ptr<DictColumn>> column(ColumnSource& source, const std::string& path);
    Result<std::shared_ptr<const EventIndex>> eventIndex(ColumnSource& source);
    // The workspace's field catalogue as a set (for unknown-field checks).
    const std::unordered_set<std::string>& knownFields(ColumnSource& source);
    void clear();
    size_t columnCount() const { return columns_.size(); }

    // Rows (of all rows) satisfying the first k operands of a top-level `and`, keyed by those
    // operands' signatures: a repeated query, or one whose edit changed only a later operand
    // (tuning a list), skips the operands already evaluated. Bounded; dropped with the cache.
    const std::vector<uint32_t>* rowSet(const std::string& key) const;
    void storeRowSet(const std::string& key, const std::vector<uint32_t>& rows);

    // Every row in result order for one (timestamp field, tiebreaker) key, so large results
    // are ordered by one pass instead of a sort.
    const std::vector<uint32_t>* rowOrder(const std::string& key) const;
    void storeRowOrder(const std::string& key, std::vector<uint32_t> order);

private:
    bool synced_ = false;
    uint64_t version_ = 0;
    std::unordered_map<std::string, std::shared_ptr<DictColumn>> columns_;
    std::shared_ptr<const EventIndex> index_;
    std::unique_ptr<std::unordered_set<std::string>> known_;
    std::unordered_map<std::string, std::vector<uint32_t>> rowSets_;
    std::unordered_map<std::string, std::vector<uint32_t>> rowOrders_;
    size_t rowSetValues_ = 0;
};

} // namespace eqlwb
