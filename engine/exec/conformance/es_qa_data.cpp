#include "exec/conformance/es_qa_data.h"

#include "store/timestamp.h"

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace eqlwb {

namespace {

using nlohmann::json;

Result<std::string> readText(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{"io", "cannot read " + path, {}};
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

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

void walkMapping(const json& properties, const std::string& prefix, MemorySource& source, QaData& data)
{
    if (!properties.is_object())
        return;
    for (const auto& [name, def] : properties.items()) {
        const std::string path = prefix.empty() ? name : prefix + "." + name;
        if (!def.is_object())
            continue;
        if (def.contains("properties")) {
            walkMapping(def["properties"], path, source, data);
            continue;
        }
        const std::string type = def.value("type", "");
        if (type == "alias") {
            source.addAlias(path, def.value("path", ""));
            source.addKnownField(path);
            continue;
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
    }
}

} // namespace

Result<QaData> loadQaData(const QaDataSpec& spec)
{
    try {
        QaData data;
        data.source = std::make_unique<MemorySource>();
        auto mappingText = readText(spec.mappingFile);
        if (!mappingText)
            return mappingText.error();
        const json mapping = json::parse(stripCommentLines(*mappingText, "#"));
        walkMapping(mapping.value("properties", json::object()), "", *data.source, data);
        for (const auto& file : spec.dataFiles) {
            auto text = readText(file);
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
