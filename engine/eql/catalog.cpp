// Field catalogues (see catalog.h). The ECS one is parsed once from the embedded TSV.
#include "eql/catalog.h"

namespace eqlwb::eql {

extern const std::string_view kEcsFieldsTsv; // generated: resources/ecs/ecs_fields_data.cpp.in

const char* fieldTypeName(FieldType t)
{
    switch (t) {
    case FieldType::Unknown:
        return "unknown";
    case FieldType::String:
        return "string";
    case FieldType::Number:
        return "number";
    case FieldType::Boolean:
        return "boolean";
    case FieldType::Date:
        return "date";
    case FieldType::Ip:
        return "ip";
    case FieldType::Object:
        return "object";
    case FieldType::Other:
        return "other";
    }
    return "unknown";
}

FieldType fieldTypeFromEs(std::string_view t)
{
    if (t == "keyword" || t == "constant_keyword" || t == "wildcard" || t == "text" || t == "match_only_text"
        || t == "string" || t == "version")
        return FieldType::String;
    if (t == "long" || t == "integer" || t == "short" || t == "byte" || t == "float" || t == "double"
        || t == "half_float" || t == "scaled_float" || t == "unsigned_long" || t == "number")
        return FieldType::Number;
    if (t == "boolean")
        return FieldType::Boolean;
    if (t == "date" || t == "date_nanos")
        return FieldType::Date;
    if (t == "ip")
        return FieldType::Ip;
    if (t == "object" || t == "flattened" || t == "nested")
        return FieldType::Object;
    if (t.empty())
        return FieldType::Unknown;
    return FieldType::Other;
}

std::optional<FieldInfo> MapCatalog::find(std::string_view path) const
{
    const auto it = fields_.find(path);
    if (it == fields_.end())
        return std::nullopt;
    return it->second;
}

std::vector<std::string> MapCatalog::paths() const
{
    std::vector<std::string> out;
    out.reserve(fields_.size());
    for (const auto& [path, info] : fields_)
        out.push_back(path);
    return out;
}

std::optional<FieldInfo> LayeredCatalog::find(std::string_view path) const
{
    for (const auto* layer : layers_)
        if (auto info = layer->find(path))
            return info;
    return std::nullopt;
}

namespace {

class EcsCatalog : public FieldCatalog {
public:
    EcsCatalog()
    {
        std::string_view rest = kEcsFieldsTsv;
        while (!rest.empty()) {
            const auto eol = rest.find('\n');
            auto line = rest.substr(0, eol);
            rest = eol == std::string_view::npos ? std::string_view{} : rest.substr(eol + 1);
            if (line.empty() || line[0] == '#')
                continue;
            const auto tab = line.find('\t');
            if (tab == std::string_view::npos)
                continue;
            const auto esType = line.substr(tab + 1);
            map_.add(std::string(line.substr(0, tab)), {fieldTypeFromEs(esType), std::string(esType)});
        }
    }

    std::optional<FieldInfo> find(std::string_view path) const override
    {
        if (auto info = map_.find(path))
            return info;
        // Below an object or flattened field: known, type unknown.
        for (auto dot = path.rfind('.'); dot != std::string_view::npos && dot > 0;
             dot = path.rfind('.', dot - 1)) {
            if (auto parent = map_.find(path.substr(0, dot)))
                return parent->type == FieldType::Object ? std::optional<FieldInfo>(FieldInfo{})
                                                         : std::nullopt;
        }
        return std::nullopt;
    }

    size_t size() const { return map_.size(); }
    std::vector<std::string> paths() const { return map_.paths(); }

private:
    MapCatalog map_;
};

const EcsCatalog& ecs()
{
    static const EcsCatalog catalog;
    return catalog;
}

} // namespace

const FieldCatalog& ecsCatalog() { return ecs(); }
size_t ecsFieldCount() { return ecs().size(); }
std::vector<std::string> ecsFieldPaths() { return ecs().paths(); }

} // namespace eqlwb::eql
