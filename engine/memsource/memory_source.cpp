#include "memsource/memory_source.h"

#include "exec/value_ops.h"

#include <algorithm>
#include <set>

namespace eqlwb {

MemorySource::MemorySource(MemorySourceOptions options)
    : options_(std::move(options))
{
}

Status MemorySource::addEvent(std::string_view json, std::optional<int64_t> id)
{
    FlatEvent flat;
    if (auto st = flattenJson(json, flat); !st)
        return st;
    addFlatEvent(flat, options_.keepJson ? std::string(json) : std::string(), id);
    return Ok{};
}

void MemorySource::addFlatEvent(const FlatEvent& event, std::string json, std::optional<int64_t> id)
{
    const auto row = static_cast<uint32_t>(ids_.size());
    const int64_t eventId = id.value_or(static_cast<int64_t>(row) + 1);
    ids_.push_back(eventId);
    rowOfId_[eventId] = row;
    if (options_.keepJson)
        json_.push_back(std::move(json));
    int64_t ts = INT64_MIN;
    for (const auto& field : event.fields) {
        Column& col = columns_[field.path];
        while (col.offsets.size() < static_cast<size_t>(row) + 1)
            col.offsets.push_back(static_cast<uint32_t>(col.values.size()));
        for (const auto& v : field.values)
            col.values.push_back(v);
        if (field.explicitNull) {
            auto nv = nullValues_.find(field.path);
            if (nv != nullValues_.end())
                col.values.push_back(nv->second);
            else
                col.explicitNullRows.push_back(row);
        }
        col.offsets.push_back(static_cast<uint32_t>(col.values.size()));
        if (field.path == options_.timestampField && !field.values.empty()) {
            if (auto nanos = toEpochNanos(field.values.front()))
                ts = *nanos;
        }
    }
    timestamps_.push_back(ts);
    ++version_;
}

void MemorySource::addAlias(const std::string& alias, const std::string& target) { aliases_[alias] = target; }

void MemorySource::setNullValue(const std::string& path, Value value)
{
    nullValues_[path] = std::move(value);
}

void MemorySource::addKnownField(const std::string& path)
{
    if (std::find(knownFields_.begin(), knownFields_.end(), path) == knownFields_.end())
        knownFields_.push_back(path);
    ++version_;
}

Result<EventIndex> MemorySource::eventIndex() { return EventIndex{ids_, timestamps_}; }

Result<FieldColumn> MemorySource::column(const std::string& requested)
{
    auto alias = aliases_.find(requested);
    const std::string& path = alias != aliases_.end() ? alias->second : requested;
    FieldColumn out;
    out.path = requested;
    auto it = columns_.find(path);
    if (it == columns_.end()) {
        out.offsets.assign(ids_.size() + 1, 0);
        return out;
    }
    const Column& col = it->second;
    out.offsets = col.offsets;
    out.values = col.values;
    out.explicitNullRows = col.explicitNullRows;
    while (out.offsets.size() < ids_.size() + 1)
        out.offsets.push_back(static_cast<uint32_t>(out.values.size()));
    return out;
}

std::vector<std::string> MemorySource::fieldPaths()
{
    std::set<std::string> paths(knownFields_.begin(), knownFields_.end());
    for (const auto& [path, col] : columns_)
        paths.insert(path);
    for (const auto& [alias, target] : aliases_)
        if (paths.count(target))
            paths.insert(alias);
    return {paths.begin(), paths.end()};
}

Result<std::string> MemorySource::eventJson(int64_t id)
{
    auto it = rowOfId_.find(id);
    if (it == rowOfId_.end())
        return Error{"not-found", "no event with id " + std::to_string(id), {}};
    if (!options_.keepJson)
        return Error{"not-kept", "this source does not keep event documents", {}};
    return json_[it->second];
}

} // namespace eqlwb
