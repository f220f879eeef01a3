// Exception items and entries from Kibana JSON, leniently: oddities warn, unusable entries are errors.
#include "rules/exceptions.h"

namespace eqlwb {

using Json = nlohmann::ordered_json;

const char* entryTypeName(EntryType t)
{
    switch (t) {
    case EntryType::Match:
        return "match";
    case EntryType::MatchAny:
        return "match_any";
    case EntryType::Wildcard:
        return "wildcard";
    case EntryType::Exists:
        return "exists";
    case EntryType::List:
        return "list";
    case EntryType::Nested:
        return "nested";
    }
    return "match";
}

namespace {

std::optional<EntryType> entryTypeFromName(const std::string& s)
{
    for (auto t : {EntryType::Match, EntryType::MatchAny, EntryType::Wildcard, EntryType::Exists,
             EntryType::List, EntryType::Nested})
        if (s == entryTypeName(t))
            return t;
    return std::nullopt;
}

std::string stringAt(const Json& j, const char* key)
{
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void warn(std::vector<Diagnostic>& diags, const std::string& code, const std::string& message)
{
    diags.push_back({code, Severity::Warning, message, {}, {}});
}

void fail(std::vector<Diagnostic>& diags, const std::string& message)
{
    diags.push_back({"bad-exception", Severity::Error, message, {}, {}});
}

bool hasOuterSpace(const std::string& s)
{
    return !s.empty()
        && (std::isspace(static_cast<unsigned char>(s.front()))
            || std::isspace(static_cast<unsigned char>(s.back())));
}

constexpr int kMaxNesting = 4; // Kibana nests one level; anything deeper is hostile input

std::vector<ExceptionEntry> readEntries(
    const Json& entries, const std::string& where, std::vector<Diagnostic>& diags, int depth)
{
    std::vector<ExceptionEntry> out;
    if (!entries.is_array()) {
        fail(diags, where + ": \"entries\" must be an array");
        return out;
    }
    for (size_t i = 0; i < entries.size(); ++i) {
        const Json& e = entries[i];
        const std::string here = where + " entry " + std::to_string(i + 1);
        if (!e.is_object()) {
            fail(diags, here + ": must be an object");
            continue;
        }
        ExceptionEntry entry;
        entry.field = stringAt(e, "field");
        if (entry.field.empty())
            fail(diags, here + ": missing \"field\"");
        else if (hasOuterSpace(entry.field))
            warn(diags, "field-spaces",
                here + ": field \"" + entry.field
                    + "\" has surrounding spaces; Elasticsearch looks for that exact name, which events "
                      "rarely have, so this entry likely never matches");
        auto type = entryTypeFromName(stringAt(e, "type"));
        if (!type) {
            fail(diags, here + ": unknown entry type \"" + stringAt(e, "type") + "\"");
            continue;
        }
        entry.type = *type;
        const std::string op = stringAt(e, "operator");
        if (entry.type != EntryType::Nested) {
            if (op != "included" && op != "excluded")
                fail(diags, here + ": \"operator\" must be \"included\" or \"excluded\"");
            entry.excluded = op == "excluded";
        }
        const auto value = e.find("value");
        switch (entry.type) {
        case EntryType::Match:
        case EntryType::Wildcard:
            if (value == e.end() || !value->is_string())
                fail(diags, here + ": \"value\" must be a string for " + entryTypeName(entry.type));
            else
                entry.value = value->get<std::string>();
            break;
        case EntryType::MatchAny:
            if (value == e.end() || !value->is_array()) {
                fail(diags, here + ": \"value\" must be a list for match_any");
                break;
            }
            for (const auto& v : *value) {
                if (v.is_string())
                    entry.values.push_back(v.get<std::string>());
                else
                    fail(diags, here + ": match_any values must be strings");
            }
            break;
        case EntryType::Exists:
            if (value != e.end())
                warn(diags, "ignored-value", here + ": an exists entry has no value; it is ignored");
            break;
        case EntryType::List: {
            const auto list = e.find("list");
            if (list == e.end() || !list->is_object() || stringAt(*list, "id").empty()) {
                fail(diags, here + ": a list entry needs \"list\": {\"id\", \"type\"}");
                break;
            }
            entry.listId = stringAt(*list, "id");
            entry.listType = stringAt(*list, "type");
            if (value != e.end())
                warn(diags, "ignored-value", here + ": a list entry has no value; it is ignored");
            break;
        }
        case EntryType::Nested:
            if (depth >= kMaxNesting) {
                fail(diags, here + ": nested too deeply");
                break;
            }
            if (const auto sub = e.find("entries"); sub != e.end())
                entry.entries = readEntries(*sub, here, diags, depth + 1);
            else
                fail(diags, here + ": a nested entry needs \"entries\"");
            break;
        }
        out.push_back(std::move(entry));
    }
    return out;
}

} // namespace

std::vector<ExceptionEntry> entriesFromJson(
    const Json& entries, const std::string& where, std::vector<Diagnostic>& diags)
{
    return readEntries(entries, where, diags, 0);
}

Json entriesToJson(const std::vector<ExceptionEntry>& entries)
{
    Json out = Json::array();
    for (const auto& e : entries) {
        Json j = Json::object();
        j["field"] = e.field;
        j["type"] = entryTypeName(e.type);
        if (e.type != EntryType::Nested)
            j["operator"] = e.excluded ? "excluded" : "included";
        switch (e.type) {
        case EntryType::Match:
        case EntryType::Wildcard:
            j["value"] = e.value;
            break;
        case EntryType::MatchAny:
            j["value"] = e.values;
            break;
        case EntryType::List:
            j["list"] = Json{{"id", e.listId}, {"type", e.listType}};
            break;
        case EntryType::Nested:
            j["entries"] = entriesToJson(e.entries);
            break;
        case EntryType::Exists:
            break;
        }
        out.push_back(std::move(j));
    }
    return out;
}

void setEntries(ExceptionItem& item, std::vector<ExceptionEntry> entries)
{
    item.raw["entries"] = entriesToJson(entries);
    item.entries = std::move(entries);
}

ExceptionItem itemFromJson(const Json& line, std::vector<Diagnostic>& diags)
{
    ExceptionItem item;
    item.raw = line;
    item.itemId = stringAt(line, "item_id");
    item.listId = stringAt(line, "list_id");
    item.name = stringAt(line, "name");
    const std::string where = "exception item \"" + (item.name.empty() ? item.itemId : item.name) + "\"";
    if (const auto e = line.find("entries"); e != line.end())
        item.entries = entriesFromJson(*e, where, diags);
    else
        fail(diags, where + ": missing \"entries\"");
    return item;
}

ExceptionList listFromJson(const Json& line)
{
    ExceptionList list;
    list.container = line;
    list.id = stringAt(line, "id");
    list.listId = stringAt(line, "list_id");
    list.type = stringAt(line, "type");
    list.namespaceType = stringAt(line, "namespace_type");
    return list;
}

} // namespace eqlwb
