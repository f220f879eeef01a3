#include "exec/conformance/es_qa_data.h"

#include "core/text_file.h"
#include "store/timestamp.h"

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

namespace eqlwb {

namespace {

using nlohmann::json;

// Drops whole lines starting (after blanks) with the given comment marker.
std::string stripCommentLines(const std::string& text, const std::string& marker)
{
    std::istringstream in(text);
    std::string line, out;
    while (std::getline(in, line)) {
        const size_t first = line.find_first_not_of(" \t");
        if (first != std::string::npos && line.compare(first, marker.size(), marker) == 0)
            continue;
        out += line;
        out += '\n';
    }
    return out;
}

// ISO-8601 with all nine fraction digits (formatTimestamp stops at milliseconds).
std::string nanosText(int64_t nanos)
{
    std::string text = formatTimestamp(nanos); // ...SS.mmmZ
    const int64_t subMillis = ((nanos % 1000000) + 1000000) % 1000000;
    char digits[8];
    std::snprintf(digits, sizeof digits, "%06lld", static_cast<long long>(subMillis));
    text.insert(text.size() - 1, digits);
    return text;
}

// Calls fn(path, definition) for every leaf field of a mapping's `properties`, nested objects
// flattened into dotted paths.
template <typename Fn>
void forEachMappedField(const json& properties, const std::string& prefix, const Fn& fn)
{
    if (!properties.is_object())
        return;
    for (const auto& [name, def] : properties.items()) {
        const std::string path = prefix.empty() ? name : prefix + "." + name;
        if (!def.is_object())
            continue;
        if (def.contains("properties"))
            forEachMappedField(def["properties"], path, fn);
        else
            fn(path, def);
    }
}

// Date fields of a mapping that declare a custom `format` (e.g. "dd-MM-yyyy"), by path.
void customDateFormats(const json& properties, std::map<std::string, std::string>& out)
{
    forEachMappedField(properties, "", [&out](const std::string& path, const json& def) {
        if (def.value("type", "") == "date" && def.contains("format") && def["format"].is_string())
            out[path] = def["format"].get<std::string>();
    });
}

// Reads text written in a Java date pattern made of yyyy MM dd HH mm ss and literal characters,
// as ISO-8601 (what Elasticsearch indexes a custom-format date as); nullopt when it does not fit.
std::optional<std::string> isoFromPattern(const std::string& text, const std::string& pattern)
{
    int parts[6] = {1970, 1, 1, 0, 0, 0};
    static const char* tokens[6] = {"yyyy", "MM", "dd", "HH", "mm", "ss"};
    size_t t = 0;
    for (size_t p = 0; p < pattern.size();) {
        bool matched = false;
        for (int k = 0; k < 6 && !matched; ++k) {
            const std::string token = tokens[k];
            if (pattern.compare(p, token.size(), token) != 0)
                continue;
            if (t + token.size() > text.size())
                return std::nullopt;
            int v = 0;
            for (size_t i = 0; i < token.size(); ++i) {
                const char c = text[t + i];
                if (c < '0' || c > '9')
                    return std::nullopt;
                v = v * 10 + (c - '0');
            }
            parts[k] = v;
            p += token.size();
            t += token.size();
            matched = true;
        }
        if (matched)
            continue;
        if (t >= text.size() || text[t] != pattern[p])
            return std::nullopt;
        ++p;
        ++t;
    }
    if (t != text.size())
        return std::nullopt;
    char iso[40];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:%02d.000Z", parts[0], parts[1], parts[2],
        parts[3], parts[4], parts[5]);
    return std::string(iso);
}

void walkMapping(const json& properties, MemorySource& source, QaData& data)
{
    forEachMappedField(properties, "", [&source, &data](const std::string& path, const json& def) {
        const std::string type = def.value("type", "");
        if (type == "alias") {
            source.addAlias(path, def.value("path", ""));
            source.addKnownField(path);
            return;
        }
        source.addKnownField(path);
        if (type == "ip")
            data.fieldTypes[path] = FieldType::Ip;
        else if (type == "version")
            data.fieldTypes[path] = FieldType::Version;
        else if (type == "date" || type == "date_nanos")
            data.fieldTypes[path] = FieldType::Date;
        if (def.contains("null_value")) {
            const auto& nv = def["null_value"];
            if (nv.is_string())
                source.setNullValue(path, nv.get<std::string>());
            else if (nv.is_number_integer())
                source.setNullValue(path, nv.get<int64_t>());
            else if (nv.is_number())
                source.setNullValue(path, nv.get<double>());
            else if (nv.is_boolean())
                source.setNullValue(path, nv.get<bool>());
        }
    });
}

} // namespace

Result<QaData> loadQaData(const QaDataSpec& spec)
{
    try {
        QaData data;
        data.source = std::make_unique<MemorySource>();
        auto mappingText = readTextFile(spec.mappingFile);
        if (!mappingText)
            return mappingText.error();
        const json mapping = json::parse(stripCommentLines(*mappingText, "#"));
        walkMapping(mapping.value("properties", json::object()), *data.source, data);
        for (const auto& file : spec.dataFiles) {
            // Each data file is its own index: a sibling X.mapping (sample1..3) gives its fields
            // and its custom date formats.
            json fileMapping = mapping;
            const std::string sibling = file.substr(0, file.rfind('.')) + ".mapping";
            if (sibling != spec.mappingFile) {
                if (auto siblingText = readTextFile(sibling)) {
                    fileMapping = json::parse(stripCommentLines(*siblingText, "#"));
                    walkMapping(fileMapping.value("properties", json::object()), *data.source, data);
                }
            }
            std::map<std::string, std::string> formats;
            customDateFormats(fileMapping.value("properties", json::object()), formats);
            auto text = readTextFile(file);
            if (!text)
                return text.error();
            json events = json::parse(stripCommentLines(*text, "//"));
            if (!events.is_array())
                return Error{"bad-data", file + " is not a JSON array", {}};
            for (auto& event : events) {
                if (!event.is_object())
                    continue;
                if (spec.endgameTime != EndgameTime::None && event.contains("timestamp")
                    && event["timestamp"].is_number_integer()) {
                    const int64_t filetime = event["timestamp"].get<int64_t>();
                    if (spec.endgameTime == EndgameTime::Millis) {
                        event["@timestamp"] = filetime / 10000 - 11644473600000LL;
                    } else {
                        event["@timestamp"] = nanosText(filetime);
                        event["timestamp"] = static_cast<double>(filetime) / 1e6;
                    }
                }
                for (const auto& [path, format] : formats) {
                    auto it = event.find(path);
                    if (it != event.end() && it->is_string())
                        if (auto iso = isoFromPattern(it->get<std::string>(), format))
                            *it = *iso;
                }
                std::optional<int64_t> id;
                if (!spec.idField.empty() && event.contains(spec.idField)
                    && event[spec.idField].is_number_integer())
                    id = event[spec.idField].get<int64_t>();
                if (auto added = data.source->addEvent(event.dump(), id); !added)
                    return Error{added.error().code, file + ": " + added.error().message, {}};
            }
        }
        return data;
    } catch (const std::exception& e) {
        return Error{"bad-data", std::string("cannot load QA data: ") + e.what(), {}};
    }
}

} // namespace eqlwb
