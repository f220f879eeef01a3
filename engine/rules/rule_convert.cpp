// TOML <-> NDJSON shape changes, tuned-rule versioning and the custom copy of a prebuilt rule.
#include "rules/rule_convert.h"

#include <cstdio>
#include <set>

namespace eqlwb {

namespace {

// Kibana bookkeeping a detection-rules file never holds.
const std::set<std::string>& kibanaManagedKeys()
{
    static const std::set<std::string> keys
        = {"id", "created_at", "created_by", "updated_at", "updated_by", "immutable", "rule_source",
            "revision", "output_index", "execution_summary", "related_integrations", "required_fields"};
    return keys;
}

void info(std::vector<Diagnostic>& diags, const std::string& code, const std::string& message)
{
    diags.push_back({code, Severity::Info, message, {}, {}});
}

// "2025-08-14T13:09:02.318Z" -> "2025/08/14"
std::string ruleDateFromIso(const RuleTree& body, const char* key)
{
    const auto it = body.find(key);
    if (it == body.end() || !it->is_string())
        return todayRuleDate();
    std::string s = it->get<std::string>();
    if (s.size() < 10 || s[4] != '-' || s[7] != '-')
        return todayRuleDate();
    s = s.substr(0, 10);
    s[4] = s[7] = '/';
    return s;
}

uint64_t fnv1a(const std::string& s, uint64_t seed)
{
    uint64_t h = seed;
    for (unsigned char c : s) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

// detection-rules renders [transform] plugins into the note: `$osquery_0` becomes
// `!{osquery<the entry as JSON, keys sorted, no spaces>}`, i.e. `!{osquery{"label":...}}`.
void renderTransforms(Rule& rule)
{
    const auto transform = rule.extraTables.find("transform");
    const auto note = rule.body.find("note");
    if (transform == rule.extraTables.end() || !transform->is_object() || note == rule.body.end()
        || !note->is_string())
        return;
    std::string text = note->get<std::string>();
    for (const auto& [plugin, entries] : transform->items()) {
        if (!entries.is_array())
            continue;
        // Highest index first, so $osquery_1 does not eat the start of $osquery_10.
        for (size_t i = entries.size(); i-- > 0;) {
            const std::string placeholder = "$" + plugin + "_" + std::to_string(i);
            const std::string rendered
                = "!{" + plugin + nlohmann::json::parse(entries[i].dump()).dump() + "}";
            for (size_t at = text.find(placeholder); at != std::string::npos;
                 at = text.find(placeholder, at + rendered.size()))
                text.replace(at, placeholder.size(), rendered);
        }
    }
    *note = text;
}

} // namespace

Rule toNdjsonShape(const Rule& rule, std::vector<Diagnostic>& diags)
{
    Rule out = rule;
    out.tomlSource.reset();
    if (rule.origin == RuleFormat::Ndjson)
        return out;
    for (auto& [k, v] : out.body.items()) {
        if (!isCleanedKey(k))
            continue;
        if (v.is_string())
            v = cleanText(v.get<std::string>());
        else if (v.is_array())
            for (auto& item : v)
                if (item.is_string())
                    item = cleanText(item.get<std::string>());
    }
    renderTransforms(out);
    if (!rule.metadata.empty())
        diags.push_back({"not-in-ndjson", Severity::Warning,
            "[metadata] is not carried by Kibana NDJSON (detection-rules bookkeeping)", {}, {}});
    for (const auto& [k, v] : rule.extraTables.items())
        diags.push_back({"not-in-ndjson", Severity::Warning,
            "[" + k + "] is not carried by Kibana NDJSON"
                + (k == "transform"
                        ? std::string(" (its plugins are rendered into the note, which cannot be turned back "
                                      "into [transform])")
                        : std::string()),
            {}, {}});
    if (!rule.version)
        info(diags, "no-version",
            "the rule has no version (detection-rules keeps it in its lock file); Kibana will use 1");
    out.metadata = RuleTree::object();
    out.extraTables = RuleTree::object();
    out.origin = RuleFormat::Ndjson;
    return out;
}

Rule toTomlShape(const Rule& rule, std::vector<Diagnostic>& diags)
{
    Rule out = rule;
    if (rule.origin == RuleFormat::Toml)
        return out;
    out.tomlSource.reset();
    RuleTree body = RuleTree::object();
    std::vector<std::string> dropped;
    for (const auto& [k, v] : rule.body.items()) {
        if (kibanaManagedKeys().count(k))
            dropped.push_back(k);
        else
            body[k] = v;
    }
    if (!dropped.empty()) {
        std::string list;
        for (const auto& k : dropped)
            list.append(list.empty() ? "" : ", ").append(k);
        info(diags, "kibana-managed", "not written to TOML (Kibana manages them): " + list);
    }
    size_t items = 0;
    for (const auto& l : rule.exceptionLists)
        items += l.items.size();
    if (items > 0)
        diags.push_back({"exceptions-not-in-toml", Severity::Warning,
            std::to_string(items)
                + " exception item(s) are not part of a detection-rules rule file; the "
                  "[[rule.exceptions_list]] "
                  "references are kept (export with --to ndjson to carry the items)",
            {}, {}});
    out.body = std::move(body);
    if (out.metadata.empty()) {
        out.metadata["creation_date"] = ruleDateFromIso(rule.body, "created_at");
        out.metadata["maturity"] = "development";
        out.metadata["updated_date"] = ruleDateFromIso(rule.body, "updated_at");
        info(diags, "metadata-filled",
            "[metadata] filled in: dates from the export, maturity \"development\"");
    }
    out.origin = RuleFormat::Toml;
    return out;
}

void markTuned(Rule& rule, const std::string& today, const std::string& now)
{
    rule.version = rule.version ? *rule.version + 1 : 1;
    if (rule.origin == RuleFormat::Toml || !rule.metadata.empty())
        rule.metadata["updated_date"] = today.empty() ? todayRuleDate() : today;
    if (rule.origin == RuleFormat::Ndjson || rule.body.contains("updated_at"))
        rule.body["updated_at"] = now.empty() ? nowIsoTimestamp() : now;
}

Rule asCustomRule(
    const Rule& rule, const std::string& nameSuffix, const std::string& today, const std::string& now)
{
    Rule out = rule;
    out.body["rule_id"] = derivedRuleId(rule.ruleId());
    out.body["name"] = rule.name() + nameSuffix;
    if (out.body.contains("immutable"))
        out.body["immutable"] = false;
    if (out.body.contains("rule_source"))
        out.body["rule_source"] = RuleTree{{"type", "internal"}};
    out.body.erase("id"); // the saved object of Elastic's rule; Kibana gives the new rule its own
    out.version = 0; // markTuned makes it 1: a new rule starts its history
    markTuned(out, today, now);
    return out;
}

std::string derivedRuleId(const std::string& ruleId)
{
    const std::string key = "eqlwb-custom:" + ruleId;
    uint64_t hi = fnv1a(key, 0xcbf29ce484222325ULL);
    uint64_t lo = fnv1a(key, hi ^ 0x9e3779b97f4a7c15ULL);
    hi = (hi & ~0xF000ULL) | 0x8000ULL; // version 8: custom, name-based
    lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL; // RFC 4122 variant
    char buf[40];
    std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(hi >> 32),
        static_cast<unsigned>((hi >> 16) & 0xFFFF), static_cast<unsigned>(hi & 0xFFFF),
        static_cast<unsigned>(lo >> 48), static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
    return buf;
}

} // namespace eqlwb
