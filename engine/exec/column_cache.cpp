#include "exec/column_cache.h"

#include "exec/value_ops.h"

namespace eqlwb {

const Value* DictColumn::first(uint32_t row) const
{
    if (row >= codes.size())
        return nullptr;
    const uint32_t code = codes[row];
    if (code == kMissing)
        return nullptr;
    if (code & kMultiFlag) {
        const uint32_t m = code & ~kMultiFlag;
        return &dict[multiCodes[multiOffsets[m]]];
    }
    return &dict[code];
}

DictColumn encodeColumn(FieldColumn&& column)
{
    DictColumn out;
    out.path = std::move(column.path);
    out.explicitNullRows = std::move(column.explicitNullRows);
    const size_t rows = column.offsets.empty() ? 0 : column.offsets.size() - 1;
    out.codes.resize(rows, DictColumn::kMissing);
    out.multiOffsets.push_back(0);
    std::unordered_map<Value, uint32_t, ValueHash, ValueExactEq> lookup;
    auto codeOf = [&](Value& v) -> uint32_t {
        auto it = lookup.find(v);
        if (it != lookup.end())
            return it->second;
        const auto code = static_cast<uint32_t>(out.dict.size());
        out.dict.push_back(v);
        lookup.emplace(std::move(v), code);
        return code;
    };
    for (size_t r = 0; r < rows; ++r) {
        const uint32_t begin = column.offsets[r], end = column.offsets[r + 1];
        // Nulls inside arrays are not values (EQL treats [null] as missing).
        uint32_t present = 0;
        for (uint32_t i = begin; i < end; ++i)
            present += !isNull(column.values[i]);
        if (present == 0)
            continue;
        if (present == 1) {
            for (uint32_t i = begin; i < end; ++i)
                if (!isNull(column.values[i]))
                    out.codes[r] = codeOf(column.values[i]);
            continue;
        }
        out.codes[r] = DictColumn::kMultiFlag | static_cast<uint32_t>(out.multiOffsets.size() - 1);
        for (uint32_t i = begin; i < end; ++i)
            if (!isNull(column.values[i]))
                out.multiCodes.push_back(codeOf(column.values[i]));
        out.multiOffsets.push_back(static_cast<uint32_t>(out.multiCodes.size()));
    }
    return out;
}

void ColumnCache::syncWith(ColumnSource& source)
{
    const uint64_t v = source.dataVersion();
    if (!synced_ || v != version_) {
        clear();
        synced_ = true;
        version_ = v;
    }
}

void ColumnCache::clear()
{
    columns_.clear();
    index_.reset();
    known_.reset();
    rowSets_.clear();
    rowSetValues_ = 0;
    rowOrders_.clear();
}

const std::vector<uint32_t>* ColumnCache::rowOrder(const std::string& key) const
{
    auto it = rowOrders_.find(key);
    return it == rowOrders_.end() ? nullptr : &it->second;
}

void ColumnCache::storeRowOrder(const std::string& key, std::vector<uint32_t> order)
{
    if (rowOrders_.size() >= 8) // a few orderings at most (timestamp x tiebreaker choices)
        rowOrders_.clear();
    rowOrders_[key] = std::move(order);
}

const std::vector<uint32_t>* ColumnCache::rowSet(const std::string& key) const
{
    auto it = rowSets_.find(key);
    return it == rowSets_.end() ? nullptr : &it->second;
}

void ColumnCache::storeRowSet(const std::string& key, const std::vector<uint32_t>& rows)
{
    constexpr size_t kMaxSets = 256;
    constexpr size_t kMaxValues = 64u << 20; // 256 MB of row numbers at most
    if (rows.size() > kMaxValues)
        return;
    if (rowSets_.size() >= kMaxSets || rowSetValues_ + rows.size() > kMaxValues) {
        rowSets_.clear();
        rowSetValues_ = 0;
    }
    rowSetValues_ += rows.size();
    rowSets_[key] = rows;
}

Result<std::shared_ptr<DictColumn>> ColumnCache::column(ColumnSource& source, const std::string& path)
{
    auto it = columns_.find(path);
    if (it != columns_.end())
        return it->second;
    auto loaded = source.column(path);
    if (!loaded)
        return loaded.error();
    auto encoded = std::make_shared<DictColumn>(encodeColumn(std::move(*loaded)));
    encoded->path = path;
    columns_[path] = encoded;
    return encoded;
}

Result<std::shared_ptr<const EventIndex>> ColumnCache::eventIndex(ColumnSource& source)
{
    if (index_)
        return index_;
    auto loaded = source.eventIndex();
    if (!loaded)
        return loaded.error();
    index_ = std::make_shared<const EventIndex>(std::move(*loaded));
    return index_;
}

const std::unordered_set<std::string>& ColumnCache::knownFields(ColumnSource& source)
{
    if (!known_) {
        auto paths = source.fieldPaths();
        known_ = std::make_unique<std::unordered_set<std::string>>(paths.begin(), paths.end());
    }
    return *known_;
}

} // namespace eqlwb
