// Rule model -> detection-rules TOML text in the house style, reusing the source file's text for
// every key and table that did not change.
#include "rules/toml_codec.h"
#include "rules/toml_text.h"

#include <algorithm>

namespace eqlwb {

namespace {

constexpr size_t kDescriptionWidth = 120;

bool isTableArray(const RuleTree& v)
{
    return v.is_array() && !v.empty()
        && std::all_of(v.begin(), v.end(), [](const RuleTree& e) { return e.is_object(); });
}
bool isSimple(const RuleTree& v) { return !v.is_object() && !isTableArray(v); }

std::string pathJoin(const std::string& path, const std::string& key)
{
    return path.empty() ? tomlKey(key) : path + "." + tomlKey(key);
}

class Writer {
public:
    Writer(const Rule& rule, std::vector<Diagnostic>& diags)
        : rule_(rule)
        , diags_(diags)
    {
        if (rule.tomlSource) {
            const std::string& t = rule.tomlSource->text;
            lineStarts_.push_back(0);
            for (size_t i = 0; i < t.size(); ++i)
                if (t[i] == '\n')
                    lineStarts_.push_back(i + 1);
        }
    }

    std::string write()
    {
        std::string out;
        const TomlSource* src = rule_.tomlSource ? &*rule_.tomlSource : nullptr;
        if (src)
            out += lines(1, src->preambleLastLine);
        bool lastGenerated = false;
        for (const auto& name : tableOrder()) {
            const RuleTree& value = tableValue(name);
            const RuleTree* old = src ? sourceTableValue(name) : nullptr;
            const bool inSource = src && src->tableLines.count(name);
            if (!out.empty() && out.back() != '\n')
                out += '\n';
            if (lastGenerated && out.size() > 1 && out.compare(out.size() - 2, 2, "\n\n") != 0)
                out += "\n";
            if (inSource && old && *old == value) {
                const auto& l = src->tableLines.at(name);
                out += lines(l.first, l.last);
                lastGenerated = false;
            } else if (inSource && old && old->is_object() && value.is_object()) {
                out += mergedTable(name, value, *old);
                lastGenerated = false;
            } else {
                out += generatedTable(name, value);
                lastGenerated = true;
            }
        }
        while (lastGenerated && out.size() > 1 && out.compare(out.size() - 2, 2, "\n\n") == 0)
            out.pop_back(); // one newline at the end of a file this writer ended
        return out;
    }

private:
    const Rule& rule_;
    std::vector<Diagnostic>& diags_;
    std::vector<size_t> lineStarts_;

    std::vector<std::string> tableOrder() const
    {
        std::vector<std::string> present;
        if (!rule_.metadata.empty() || (rule_.tomlSource && rule_.tomlSource->tableLines.count("metadata")))
            present.push_back("metadata");
        for (const auto& [k, v] : rule_.extraTables.items())
            present.push_back(k);
        present.push_back("rule");
        if (!rule_.tomlSource)
            return present;
        std::vector<std::string> order;
        for (const auto& name : rule_.tomlSource->tableOrder)
            if (std::find(present.begin(), present.end(), name) != present.end())
                order.push_back(name);
        for (const auto& name : present) {
            if (std::find(order.begin(), order.end(), name) != order.end())
                continue;
            auto rule = std::find(order.begin(), order.end(), "rule");
            order.insert(name == "metadata" ? order.begin() : name == "rule" ? order.end() : rule, name);
        }
        return order;
    }

    const RuleTree& tableValue(const std::string& name) const
    {
        if (name == "metadata")
            return rule_.metadata;
        if (name == "rule")
            return rule_.body;
        return rule_.extraTables.at(name);
    }

    const RuleTree* sourceTableValue(const std::string& name) const
    {
        const TomlSource& s = *rule_.tomlSource;
        if (name == "metadata")
            return &s.metadata;
        if (name == "rule")
            return &s.body;
        const auto it = s.extraTables.find(name);
        return it == s.extraTables.end() ? nullptr : &*it;
    }

    std::string lines(uint32_t first, uint32_t last) const
    {
        if (first == 0 || first > last || first > lineStarts_.size())
            return {};
        const std::string& t = rule_.tomlSource->text;
        const size_t b = lineStarts_[first - 1];
        const size_t e = last < lineStarts_.size() ? lineStarts_[last] : t.size();
        return t.substr(b, e - b); // the file's last line may lack its newline: kept so
    }

    // `key = value` for a simple value; "" (and a warning) for a null.
    std::string keyLine(const std::string& path, const std::string& key, const RuleTree& v)
    {
        std::string value;
        if (path == "rule" && (key == "query" || key == "threat_query") && v.is_string()) {
            value = tomlQueryString(v.get<std::string>());
        } else if (key == "description" && v.is_string() && v.get<std::string>().size() > kDescriptionWidth
            && v.get<std::string>().find('\n') == std::string::npos) {
            value = tomlMultilineBasicString(wrapText(v.get<std::string>(), kDescriptionWidth) + "\n");
        } else if (!tomlInlineValue(v, value)) {
            diags_.push_back({"toml-null", Severity::Warning,
                path + "." + key + ": null cannot be written to TOML; the key is left out", {}, {}});
            return {};
        }
        return tomlKey(key) + " = " + value + "\n";
    }

    // Sub-tables and arrays of tables, each header after a blank line.
    std::string complexKey(const std::string& path, const std::string& key, const RuleTree& v)
    {
        const std::string sub = pathJoin(path, key);
        if (v.is_object())
            return std::string("\n[").append(sub).append("]\n").append(tableBody(sub, v));
        std::string out;
        for (const auto& elem : v)
            out.append("\n[[").append(sub).append("]]\n").append(tableBody(sub, elem));
        return out;
    }

    std::string tableBody(const std::string& path, const RuleTree& obj)
    {
        std::vector<std::string> keys;
        for (const auto& [k, v] : obj.items())
            keys.push_back(k);
        std::sort(keys.begin(), keys.end());
        std::string out;
        for (const auto& k : keys)
            if (isSimple(obj.at(k)) && !(path == "rule" && k == "query"))
                out += keyLine(path, k, obj.at(k));
        if (path == "rule" && obj.contains("query"))
            out.append("\n").append(keyLine(path, "query", obj.at("query"))).append("\n");
        for (const auto& k : keys)
            if (!isSimple(obj.at(k)))
                out += complexKey(path, k, obj.at(k));
        return out;
    }

    std::string generatedTable(const std::string& name, const RuleTree& value)
    {
        if (!value.is_object())
            return keyLine("", name, value);
        return std::string("[")
            .append(tomlKey(name))
            .append("]\n")
            .append(tableBody(tomlKey(name), value))
            .append("\n");
    }

    // Blank lines that end a key's text: the spacing the file had before the next key.
    static uint32_t trailingBlankLines(const std::string& text)
    {
        uint32_t n = 0;
        size_t end = text.size(); // text ends with '\n'
        while (end > 0) {
            const size_t newline = end - 1;
            size_t begin = 0;
            if (newline > 0) {
                const size_t prev = text.rfind('\n', newline - 1);
                begin = prev == std::string::npos ? 0 : prev + 1;
            }
            if (text.find_first_not_of(" \t\r", begin) < newline)
                break;
            ++n;
            end = begin;
        }
        return n;
    }

    struct Segment {
        std::string key;
        std::string text;
        bool simple = true;
    };

    // A changed table of the source file: its unchanged keys verbatim, in their places.
    std::string mergedTable(const std::string& name, const RuleTree& value, const RuleTree& old)
    {
        const TomlSource& src = *rule_.tomlSource;
        const auto& block = src.tableLines.at(name);
        const std::string path = tomlKey(name);
        std::vector<std::pair<uint32_t, std::string>> sourceKeys;
        for (const auto& [k, v] : old.items())
            if (const auto it = src.keyLines.find(name + "." + k); it != src.keyLines.end())
                sourceKeys.emplace_back(it->second.first, k);
        std::sort(sourceKeys.begin(), sourceKeys.end());
        const uint32_t firstKeyLine = sourceKeys.empty() ? block.last + 1 : sourceKeys.front().first;
        std::string out = lines(block.first, firstKeyLine - 1);
        if (out.empty())
            out = std::string("[").append(path).append("]\n");

        std::vector<Segment> segments;
        for (const auto& [line, k] : sourceKeys) {
            if (!value.contains(k))
                continue;
            const auto& l = src.keyLines.at(name + "." + k);
            const std::string original = lines(l.first, l.last);
            const bool simple = isSimple(value.at(k)) && !(name == "rule" && k == "query");
            if (value.at(k) == old.at(k)) {
                segments.push_back({k, original, simple});
                continue;
            }
            std::string fresh = isSimple(value.at(k)) ? keyLine(path, k, value.at(k))
                                                      : complexKey(path, k, value.at(k)).substr(1);
            for (uint32_t i = 0; i < trailingBlankLines(original); ++i)
                fresh += "\n";
            segments.push_back({k, fresh, simple});
        }
        for (const auto& [k, v] : value.items()) {
            if (old.contains(k))
                continue;
            if (!isSimple(v) || (name == "rule" && k == "query")) {
                segments.push_back({k, complexKey(path, k, v), false});
                continue;
            }
            auto at = std::find_if(
                segments.begin(), segments.end(), [&](const Segment& s) { return !s.simple || s.key > k; });
            segments.insert(at, {k, keyLine(path, k, v), true});
        }
        for (const auto& s : segments) {
            if (!out.empty() && out.back() != '\n')
                out += '\n';
            out += s.text;
        }
        return out;
    }
};

} // namespace

WrittenText writeTomlRule(const Rule& rule)
{
    WrittenText out;
    try {
        Writer w(rule, out.diagnostics);
        out.text = w.write();
    } catch (const std::exception& e) {
        out.diagnostics.push_back({"toml-write", Severity::Error, e.what(), {}, {}});
    }
    return out;
}

} // namespace eqlwb
