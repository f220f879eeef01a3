// Reading rule files of either format, and validating the rules they hold.
#include "rules/rule_file.h"

#include "eql/parser.h"
#include "rules/ndjson_codec.h"
#include "rules/rule_check.h"
#include "rules/stack_version.h"
#include "rules/toml_codec.h"

#include <filesystem>
#include <fstream>

namespace eqlwb {

namespace {

bool endsWith(const std::string& s, const std::string& suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A .json file that is one JSON document (pretty-printed object, or an array of objects):
// re-spelled as NDJSON, one object a line.
std::optional<std::string> wholeJsonAsNdjson(const std::string& text)
{
    if (jsonNestsDeeperThan(text, kMaxJsonDepth + 1))
        return std::nullopt; // read line by line, where each deep line is reported
    const RuleTree doc = RuleTree::parse(text, nullptr, false);
    if (doc.is_discarded())
        return std::nullopt;
    std::string out;
    if (doc.is_array()) {
        for (const auto& e : doc)
            out += e.dump() + "\n";
    } else {
        out = doc.dump() + "\n";
    }
    return out;
}

// detection-rules keeps rule versions in version.lock.json ({rule_id: {"version": N, ...}});
// a TOML rule next to one takes its version from it.
void applyVersionLock(LoadedRules& loaded, const std::string& path)
{
    const auto lockPath = std::filesystem::path(path).parent_path() / "version.lock.json";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(lockPath, ec))
        return;
    std::ifstream in(lockPath, std::ios::binary);
    const RuleTree lock = RuleTree::parse(in, nullptr, false);
    if (lock.is_discarded() || !lock.is_object()) {
        loaded.diagnostics.push_back({"bad-version-lock", Severity::Warning,
            lockPath.string() + " is not a JSON object; versions not read from it", {}, {}});
        return;
    }
    for (auto& rule : loaded.rules) {
        if (rule.origin != RuleFormat::Toml || rule.version)
            continue;
        const auto it = lock.find(rule.ruleId());
        if (it != lock.end() && it->is_object() && it->contains("version")
            && (*it)["version"].is_number_integer())
            rule.version = (*it)["version"].get<int64_t>();
    }
}

} // namespace

Result<LoadedRules> loadRuleText(const std::string& text, const std::string& nameHint)
{
    bool toml = endsWith(nameHint, ".toml");
    if (!toml && !endsWith(nameHint, ".ndjson") && !endsWith(nameHint, ".json")) {
        const size_t first = text.find_first_not_of(" \t\r\n");
        toml = first == std::string::npos || (text[first] != '{' && text[first] != '[');
    }
    LoadedRules out;
    if (toml) {
        auto r = readTomlRule(text);
        if (!r)
            return r.error();
        out.rules.push_back(std::move(r->rule));
        out.diagnostics = std::move(r->diagnostics);
        return out;
    }
    std::string ndjson = text;
    const size_t first = text.find_first_not_of(" \t\r\n");
    if (endsWith(nameHint, ".json") || (first != std::string::npos && text[first] == '['))
        if (auto whole = wholeJsonAsNdjson(text))
            ndjson = *whole;
    auto r = readNdjson(ndjson);
    if (!r)
        return r.error();
    out.rules = std::move(r->rules);
    out.unattachedLists = std::move(r->unattachedLists);
    out.diagnostics = std::move(r->diagnostics);
    return out;
}

Result<LoadedRules> loadRuleFile(const std::string& path)
{
    auto text = readTextFile(path);
    if (!text)
        return text.error();
    auto loaded = loadRuleText(*text, path);
    if (loaded)
        applyVersionLock(*loaded, path);
    return loaded;
}

std::string queryPosition(const Rule& rule, Span span)
{
    const std::string q = rule.query();
    uint32_t lineOffset = 0;
    if (rule.tomlSource) {
        const auto it = rule.tomlSource->keyLines.find("rule.query");
        if (it != rule.tomlSource->keyLines.end()) {
            const std::string& t = rule.tomlSource->text;
            size_t b = 0;
            for (uint32_t l = 1; l < it->second.first && b != std::string::npos; ++l)
                b = t.find('\n', b) == std::string::npos ? std::string::npos : t.find('\n', b) + 1;
            std::string keyLine = b == std::string::npos ? "" : t.substr(b, t.find('\n', b) - b);
            while (!keyLine.empty() && (keyLine.back() == ' ' || keyLine.back() == '\r'))
                keyLine.pop_back();
            if (endsWith(keyLine, "\'\'\'") || endsWith(keyLine, "\"\"\""))
                lineOffset = it->second.first;
        }
    }
    const auto lc = lineColumnAt(q, span.begin);
    return (lineOffset ? "line " + std::to_string(lc.line + lineOffset)
                       : "query line " + std::to_string(lc.line))
        + ", column " + std::to_string(lc.column);
}

std::vector<Diagnostic> validateRule(const Rule& rule)
{
    std::vector<Diagnostic> out = checkRuleStructure(rule);
    if (rule.language() != "eql" || rule.query().empty())
        return out;
    const auto parsed = eql::parseQuery(rule.query());
    for (auto d : parsed.diagnostics) {
        d.message = "rule.query (" + queryPosition(rule, d.span) + "): " + d.message;
        out.push_back(std::move(d));
    }
    // A rule that says which stack it needs should need no more than that: what the stated
    // version lacks is a warning (the rule is fine on newer stacks, its metadata is not).
    const auto minVersion = rule.metadata.find("min_stack_version");
    if (parsed.ok() && minVersion != rule.metadata.end() && minVersion->is_string())
        if (const auto v = parseStackVersion(minVersion->get<std::string>()))
            for (auto d : checkRuleForStack(rule, *v)) {
                d.severity = Severity::Warning;
                d.message = "metadata.min_stack_version " + stackVersionText(*v) + ": "
                    + (d.span.end > 0 ? "rule.query (" + queryPosition(rule, d.span) + "): " : std::string())
                    + d.message;
                out.push_back(std::move(d));
            }
    return out;
}

} // namespace eqlwb
