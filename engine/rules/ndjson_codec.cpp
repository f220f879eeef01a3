// Kibana NDJSON exports: classify each line by its keys, attach items to lists and lists to rules.
#include "rules/ndjson_codec.h"

#include <map>
#include <set>

namespace eqlwb {

namespace {

enum class LineKind { Rule, Container, Item, Connector, Summary, Unknown };

bool isListType(const std::string& t)
{
    return t == "detection" || t == "rule_default" || t == "endpoint" || t.rfind("endpoint_", 0) == 0;
}

LineKind classify(const RuleTree& j)
{
    if (!j.is_object())
        return LineKind::Unknown;
    const std::string type = j.contains("type") && j["type"].is_string() ? j["type"].get<std::string>() : "";
    if ((j.contains("exported_count") || j.contains("exported_exception_list_count"))
        && !j.contains("rule_id"))
        return LineKind::Summary;
    if (j.contains("rule_id") && !type.empty())
        return LineKind::Rule;
    if (j.contains("item_id") || (type == "simple" && j.contains("entries")))
        return LineKind::Item;
    if (j.contains("list_id") && isListType(type))
        return LineKind::Container;
    if (type == "action" && j.contains("attributes"))
        return LineKind::Connector;
    return LineKind::Unknown;
}

std::string str(const RuleTree& j, const char* key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Diagnostic lineDiag(Severity sev, const std::string& code, size_t lineNo, size_t begin, size_t end,
    const std::string& message)
{
    return {code, sev, "line " + std::to_string(lineNo) + ": " + message,
        {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)}, {}};
}

} // namespace

bool jsonNestsDeeperThan(const std::string& text, int limit)
{
    int depth = 0;
    bool inString = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > limit)
                return true;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return false;
}

namespace {

Rule ruleFromLine(RuleTree line)
{
    Rule rule;
    rule.origin = RuleFormat::Ndjson;
    size_t index = 0;
    RuleTree body = RuleTree::object();
    for (auto& [k, v] : line.items()) {
        if (k == "version" && v.is_number_integer()) {
            rule.version = v.get<int64_t>();
            rule.versionPosition = index;
        } else {
            body[k] = std::move(v);
        }
        ++index;
    }
    rule.body = std::move(body);
    return rule;
}

} // namespace

Result<RuleBundle> readNdjson(const std::string& text)
{
    try {
        RuleBundle out;
        auto& diags = out.diagnostics;
        std::vector<ExceptionList> lists; // in file order
        std::vector<ExceptionItem> items;
        size_t jsonLines = 0, lineNo = 0, pos = 0;
        while (pos < text.size()) {
            size_t end = text.find('\n', pos);
            if (end == std::string::npos)
                end = text.size();
            ++lineNo;
            std::string line = text.substr(pos, end - pos);
            const size_t begin = pos;
            pos = end + 1;
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            if (line.find_first_not_of(" \t") == std::string::npos)
                continue;
            // Copying and printing JSON recurse; real rules nest a few levels, hostile lines thousands.
            if (jsonNestsDeeperThan(line, kMaxJsonDepth)) {
                diags.push_back(lineDiag(Severity::Error, "too-deep", lineNo, begin, end,
                    "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels"));
                continue;
            }
            RuleTree j = RuleTree::parse(line, nullptr, false);
            if (j.is_discarded()) {
                diags.push_back(
                    lineDiag(Severity::Error, "bad-json", lineNo, begin, end, "not a JSON object"));
                continue;
            }
            ++jsonLines;
            switch (classify(j)) {
            case LineKind::Rule:
                out.rules.push_back(ruleFromLine(std::move(j)));
                break;
            case LineKind::Container:
                lists.push_back(listFromJson(j));
                break;
            case LineKind::Item: {
                std::vector<Diagnostic> itemDiags;
                items.push_back(itemFromJson(j, itemDiags));
                for (auto& d : itemDiags)
                    diags.push_back(lineDiag(d.severity, d.code, lineNo, begin, end, d.message));
                break;
            }
            case LineKind::Connector: {
                const std::string name = j["attributes"].is_object() ? str(j["attributes"], "name") : "";
                diags.push_back(lineDiag(Severity::Info, "connector-ignored", lineNo, begin, end,
                    "action connector \"" + name + "\" ignored (the workbench does not run actions)"));
                break;
            }
            case LineKind::Summary:
                out.summary = std::move(j);
                break;
            case LineKind::Unknown:
                diags.push_back(lineDiag(Severity::Warning, "unknown-line", lineNo, begin, end,
                    "neither a rule, an exception list or item, a connector nor an export summary; ignored"));
                break;
            }
        }
        if (jsonLines == 0 && !text.empty())
            return Error{"bad-ndjson", "no line of the file is JSON", {}};

        // Items join their container by list_id; a container's items keep file order.
        std::map<std::string, size_t> listIndex;
        for (size_t i = 0; i < lists.size(); ++i)
            listIndex.emplace(lists[i].listId, i);
        for (auto& item : items) {
            auto it = listIndex.find(item.listId);
            if (it == listIndex.end()) {
                diags.push_back({"orphan-item", Severity::Warning,
                    "exception item \"" + item.name + "\" belongs to list \"" + item.listId
                        + "\", which is not in the file; kept in a list of its own",
                    {}, {}});
                ExceptionList list;
                list.listId = item.listId;
                list.container = RuleTree::object();
                lists.push_back(std::move(list));
                it = listIndex.emplace(item.listId, lists.size() - 1).first;
            }
            lists[it->second].items.push_back(std::move(item));
        }

        std::set<std::string> referenced;
        for (auto& rule : out.rules) {
            const auto refs = rule.body.find("exceptions_list");
            if (refs == rule.body.end() || !refs->is_array())
                continue;
            for (const auto& ref : *refs) {
                const std::string listId = ref.is_object() ? str(ref, "list_id") : "";
                const auto it = listIndex.find(listId);
                if (it == listIndex.end()) {
                    diags.push_back({"missing-list", Severity::Warning,
                        "rule \"" + rule.name() + "\" references exception list \"" + listId
                            + "\", which is not in the file (export it with the rule, or give it with "
                              "--exceptions)",
                        {}, {}});
                    continue;
                }
                rule.exceptionLists.push_back(lists[it->second]);
                referenced.insert(listId);
            }
        }
        for (auto& list : lists)
            if (!referenced.count(list.listId))
                out.unattachedLists.push_back(std::move(list));
        return out;
    } catch (const std::exception& e) {
        return Error{"bad-ndjson", e.what(), {}};
    }
}

RuleTree ndjsonRuleObject(const Rule& rule)
{
    RuleTree out = RuleTree::object();
    size_t index = 0;
    bool placed = !rule.version.has_value();
    for (const auto& [k, v] : rule.body.items()) {
        const bool here
            = rule.versionPosition == SIZE_MAX ? k > std::string("version") : index == rule.versionPosition;
        if (!placed && here) {
            out["version"] = *rule.version;
            placed = true;
        }
        out[k] = v;
        ++index;
    }
    if (!placed)
        out["version"] = *rule.version;
    return out;
}

std::string writeNdjson(const std::vector<Rule>& rules, bool withSummary)
{
    std::string out;
    std::vector<const ExceptionList*> lists;
    std::set<std::string> seen;
    for (const auto& rule : rules) {
        out += ndjsonRuleObject(rule).dump(-1, ' ', false, RuleTree::error_handler_t::replace) + "\n";
        for (const auto& list : rule.exceptionLists)
            if (seen.insert(list.listId).second)
                lists.push_back(&list);
    }
    size_t itemCount = 0;
    for (const auto* list : lists) {
        if (!list->container.empty())
            out += list->container.dump(-1, ' ', false, RuleTree::error_handler_t::replace) + "\n";
        for (const auto& item : list->items) {
            out += item.raw.dump(-1, ' ', false, RuleTree::error_handler_t::replace) + "\n";
            ++itemCount;
        }
    }
    if (withSummary) {
        RuleTree s = RuleTree::object();
        s["exported_count"] = rules.size() + lists.size() + itemCount;
        s["exported_rules_count"] = rules.size();
        s["missing_rules"] = RuleTree::array();
        s["missing_rules_count"] = 0;
        s["exported_exception_list_count"] = lists.size();
        s["exported_exception_list_item_count"] = itemCount;
        s["missing_exception_list_item_count"] = 0;
        s["missing_exception_list_items"] = RuleTree::array();
        s["missing_exception_lists"] = RuleTree::array();
        s["missing_exception_lists_count"] = 0;
        s["exported_action_connector_count"] = 0;
        s["missing_action_connection_count"] = 0;
        s["missing_action_connections"] = RuleTree::array();
        s["excluded_action_connection_count"] = 0;
        s["excluded_action_connections"] = RuleTree::array();
        out += s.dump() + "\n";
    }
    return out;
}

} // namespace eqlwb
