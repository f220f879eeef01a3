// Field catalogues the analyzer checks queries against: name -> type. The ECS catalogue is
// built in; a workspace adds the fields its events have (a MapCatalog filled from the store's
// field list), and LayeredCatalog asks several in turn.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eqlwb::eql {

// What the analyzer needs to know about a field's values.
enum class FieldType { Unknown, String, Number, Boolean, Date, Ip, Object, Other };

const char* fieldTypeName(FieldType t); // "string", "number", ...

// Maps an Elasticsearch mapping type ("keyword", "long", "match_only_text", ...) to a FieldType.
FieldType fieldTypeFromEs(std::string_view esType);

struct FieldInfo {
    FieldType type = FieldType::Unknown;
    std::string esType; // the mapping type as the source named it, when known
};

class FieldCatalog {
public:
    virtual ~FieldCatalog() = default;
    // The field's type, or nullopt when the catalogue does not know the field.
    virtual std::optional<FieldInfo> find(std::string_view path) const = 0;
};

// A catalogue held in memory (workspace fields, tests).
class MapCatalog : public FieldCatalog {
public:
    void add(std::string path, FieldInfo info) { fields_[std::move(path)] = std::move(info); }
    std::optional<FieldInfo> find(std::string_view path) const override;
    size_t size() const { return fields_.size(); }
    // Every field, in path order (for completion lists).
    std::vector<std::string> paths() const;

private:
    std::map<std::string, FieldInfo, std::less<>> fields_;
};

// Asks each catalogue in order; the first that knows a field answers. Does not own them.
class LayeredCatalog : public FieldCatalog {
public:
    void add(const FieldCatalog* catalog) { layers_.push_back(catalog); }
    std::optional<FieldInfo> find(std::string_view path) const override;

private:
    std::vector<const FieldCatalog*> layers_;
};

// The built-in Elastic Common Schema catalogue (ECS 9.4.0). Fields below an `object` or
// `flattened` ECS field (labels.env, process.env_vars.x) are known, with an Unknown type.
const FieldCatalog& ecsCatalog();
size_t ecsFieldCount();
// Every ECS field path, sorted (for the editor's completion).
std::vector<std::string> ecsFieldPaths();

} // namespace eqlwb::eql
