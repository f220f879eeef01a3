// An in-memory ColumnSource built from JSON events: for tests, the conformance harness and
// results pulled from a cluster. Columns are kept flattened (store/flatten.h), as the
// workspace keeps them, so the executor sees the same shapes from both.
#pragma once

#include "core/result.h"
#include "store/field_column.h"
#include "store/flatten.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace eqlwb {

struct MemorySourceOptions {
    std::string timestampField = "@timestamp"; // read into EventIndex::timestamps
    bool keepJson = true; // keep each document for eventJson() (benchmarks turn it off)
};

class MemorySource : public ColumnSource {
public:
    explicit MemorySource(MemorySourceOptions options = {});

    // Adds one JSON object as the next row; its id is `id` or, by default, the row number + 1.
    // Errors are flattenJson's ("json", "not-object", "too-deep"); nothing is added then.
    Status addEvent(std::string_view json, std::optional<int64_t> id = std::nullopt);
    // Adds an already flattened event (json is what eventJson() returns for it).
    void addFlatEvent(const FlatEvent& event, std::string json, std::optional<int64_t> id = std::nullopt);

    // Mapping features of Elasticsearch that the conformance data relies on. Call them before
    // adding events.
    void addAlias(const std::string& alias, const std::string& target); // alias reads target
    void setNullValue(const std::string& path, Value value); // explicit JSON null reads as value
    void addKnownField(const std::string& path); // declared (by a mapping) though maybe unused

    size_t size() const { return ids_.size(); }

    uint64_t dataVersion() const override { return version_; }
    Result<EventIndex> eventIndex() override;
    Result<FieldColumn> column(const std::string& path) override;
    std::vector<std::string> fieldPaths() override;
    Result<std::string> eventJson(int64_t id) override;

private:
    struct Column {
        std::vector<uint32_t> offsets{0}; // grows lazily: rows up to offsets.size() - 1
        std::vector<Value> values;
        std::vector<uint32_t> explicitNullRows;
    };

    MemorySourceOptions options_;
    uint64_t version_ = 1;
    std::vector<int64_t> ids_;
    std::vector<int64_t> timestamps_;
    std::vector<std::string> json_;
    std::unordered_map<int64_t, size_t> rowOfId_;
    std::map<std::string, Column> columns_;
    std::map<std::string, std::string> aliases_;
    std::map<std::string, Value> nullValues_;
    std::vector<std::string> knownFields_;
};

} // namespace eqlwb
