// toml++ document -> rule model, remembering where each key sat in the file.
#include "rules/toml_codec.h"

#include <algorithm>
#include <sstream>
#include <toml++/toml.h>

namespace eqlwb {

namespace {

constexpr int kMaxDepth = 64;

RuleTree toTree(const toml::node& node, std::vector<Diagnostic>& diags, const std::string& path, int depth)
{
    if (depth > kMaxDepth) {
        diags.push_back({"too-deep", Severity::Error, path + ": nested too deeply", {}, {}});
        return nullptr;
    }
    if (const auto* t = node.as_table()) {
        RuleTree obj = RuleTree::object();
        for (auto&& [k, v] : *t)
            obj[std::string(k.str())] = toTree(v, diags, path + "." + std::string(k.str()), depth + 1);
        return obj;
    }
    if (const auto* a = node.as_array()) {
        RuleTree arr = RuleTree::array();
        for (auto&& v : *a)
            arr.push_back(toTree(v, diags, path, depth + 1));
        return arr;
    }
    if (const auto* s = node.as_string())
        return s->get();
    if (const auto* i = node.as_integer())
        return i->get();
    if (const auto* f = node.as_floating_point())
        return f->get();
    if (const auto* b = node.as_boolean())
        return b->get();
    // Dates and times: rule files write dates as "YYYY/MM/DD" strings; keep a TOML date as text.
    std::ostringstream text;
    node.visit([&](auto&& v) { text << v; });
    diags.push_back({"toml-date", Severity::Warning,
        path + ": a TOML date/time; detection-rules expects a \"YYYY/MM/DD\" string", {}, {}});
    return text.str();
}

uint32_t lineCount(const std::string& text)
{
    uint32_t n = static_cast<uint32_t>(std::count(text.begin(), text.end(), '\n'));
    return (!text.empty() && text.back() != '\n') ? n + 1 : n;
}

uint32_t byteOffsetOf(const std::string& text, uint32_t line, uint32_t column)
{
    uint32_t l = 1;
    size_t i = 0;
    while (i < text.size() && l < line)
        if (text[i++] == '\n')
            ++l;
    // toml++ columns count characters; step over UTF-8 continuation bytes.
    for (uint32_t c = 1; c < column && i < text.size(); ++c) {
        ++i;
        while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80)
            ++i;
    }
    return static_cast<uint32_t>(std::min(i, text.size()));
}

// Records the lines of each top-level table and of each key inside it.
void recordLayout(const toml::table& doc, const std::string& text, TomlSource& src)
{
    std::vector<std::pair<uint32_t, std::string>> tables;
    for (auto&& [k, v] : doc)
        tables.emplace_back(v.source().begin.line, std::string(k.str()));
    std::sort(tables.begin(), tables.end());
    const uint32_t last = lineCount(text);
    src.preambleLastLine = tables.empty() ? last : tables.front().first - 1;
    for (size_t i = 0; i < tables.size(); ++i) {
        const auto& [first, name] = tables[i];
        const uint32_t end = i + 1 < tables.size() ? tables[i + 1].first - 1 : last;
        src.tableOrder.push_back(name);
        src.tableLines[name] = {first, end};
        const auto* t = doc[name].as_table();
        if (!t)
            continue;
        std::vector<std::pair<uint32_t, std::string>> keys;
        for (auto&& [k, v] : *t)
            keys.emplace_back(k.source().begin.line, std::string(k.str()));
        std::sort(keys.begin(), keys.end());
        for (size_t j = 0; j < keys.size(); ++j) {
            const uint32_t keyEnd = j + 1 < keys.size() ? keys[j + 1].first - 1 : end;
            src.keyLines[name + "." + keys[j].second] = {keys[j].first, keyEnd};
        }
    }
}

} // namespace

Result<LoadedRule> readTomlRule(const std::string& text)
{
    try {
        toml::table doc = toml::parse(text);
        LoadedRule out;
        auto& diags = out.diagnostics;
        Rule& rule = out.rule;
        rule.origin = RuleFormat::Toml;
        for (auto&& [k, v] : doc) {
            const std::string key(k.str());
            RuleTree tree = toTree(v, diags, key, 0);
            if (key == "metadata")
                rule.metadata = std::move(tree);
            else if (key == "rule")
                rule.body = std::move(tree);
            else
                rule.extraTables[key] = std::move(tree);
        }
        if (!rule.metadata.is_object()) {
            diags.push_back({"bad-type", Severity::Error, "metadata: must be a table", {}, {}});
            rule.metadata = RuleTree::object();
        }
        if (!rule.body.is_object()) {
            diags.push_back({"bad-type", Severity::Error, "rule: must be a table", {}, {}});
            rule.body = RuleTree::object();
        }
        TomlSource src;
        src.text = text;
        recordLayout(doc, text, src);
        src.metadata = rule.metadata;
        src.body = rule.body; // with any `version`, so that table is rewritten without it
        src.extraTables = rule.extraTables;
        if (auto it = rule.body.find("version"); it != rule.body.end()) {
            // detection-rules rejects it; accept it leniently and keep it where versions live.
            diags.push_back({"toml-version", Severity::Warning,
                "rule.version: detection-rules keeps versions in its lock file and rejects this key; it is "
                "kept beside the rule and written to NDJSON only",
                {}, {}});
            if (it->is_number_integer())
                rule.version = it->get<int64_t>();
            rule.body.erase(it);
        }
        rule.tomlSource = std::move(src);
        return out;
    } catch (const toml::parse_error& e) {
        const auto& b = e.source().begin;
        const uint32_t at = byteOffsetOf(text, b.line, b.column);
        return Error{"bad-toml",
            "line " + std::to_string(b.line) + ", column " + std::to_string(b.column) + ": "
                + std::string(e.description()),
            {at, at}};
    } catch (const std::exception& e) {
        return Error{"bad-toml", e.what(), {}};
    }
}

} // namespace eqlwb
