// Structural checks of a rule: required keys, types, enums, formats, each message naming the key.
#include "rules/rule_check.h"

#include <regex>
#include <set>

namespace eqlwb {

namespace {

class Check {
public:
    explicit Check(const Rule& rule)
        : rule_(rule)
    {
    }
    std::vector<Diagnostic> diags;

    // Built with append: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string.
    static std::string quoted(const std::string& s) { return std::string(1, '"').append(s).append(1, '"'); }

    void error(const std::string& key, const std::string& what)
    {
        diags.push_back({"bad-rule", Severity::Error, key + ": " + what, {}, {}});
    }
    void warning(const std::string& key, const std::string& what)
    {
        diags.push_back({"rule-oddity", Severity::Warning, key + ": " + what, {}, {}});
    }

    const RuleTree* get(
        const RuleTree& table, const std::string& prefix, const std::string& key, bool required)
    {
        const auto it = table.find(key);
        if (it == table.end() || it->is_null()) {
            if (required)
                error(prefix + key, "required key is missing");
            return nullptr;
        }
        return &*it;
    }

    const RuleTree* string(
        const RuleTree& table, const std::string& prefix, const std::string& key, bool required)
    {
        const auto* v = get(table, prefix, key, required);
        if (v && !v->is_string()) {
            error(prefix + key, "must be a string, not " + std::string(v->type_name()));
            return nullptr;
        }
        return v;
    }

    void stringList(const std::string& key, bool required)
    {
        const auto* v = get(rule_.body, "rule.", key, required);
        if (!v)
            return;
        if (!v->is_array()) {
            error("rule." + key, "must be a list of strings, not " + std::string(v->type_name()));
            return;
        }
        for (const auto& item : *v)
            if (!item.is_string()) {
                error("rule." + key, "every item must be a string");
                return;
            }
    }

    void oneOf(const std::string& key, const std::set<std::string>& allowed, bool required,
        const RuleTree* table = nullptr, const std::string& prefix = "rule.")
    {
        const auto* v = string(table ? *table : rule_.body, prefix, key, required);
        if (v && !allowed.count(v->get<std::string>())) {
            std::string list;
            for (const auto& a : allowed)
                list.append(list.empty() ? "" : ", ").append(a);
            error(prefix + key, quoted(v->get<std::string>()) + " is not one of " + list);
        }
    }

    void integer(const std::string& key, bool required, int64_t min, int64_t max)
    {
        const auto* v = get(rule_.body, "rule.", key, required);
        if (!v)
            return;
        if (!v->is_number_integer()) {
            error("rule." + key, "must be an integer, not " + std::string(v->type_name()));
            return;
        }
        const auto n = v->get<int64_t>();
        if (n < min || n > max)
            error("rule." + key,
                std::to_string(n) + " is out of range " + std::to_string(min) + ".." + std::to_string(max));
    }

    void metadata()
    {
        static const std::regex date(R"(^\d{4}/\d{2}/\d{2}$)");
        for (const char* key : {"creation_date", "updated_date"}) {
            const auto* v = string(rule_.metadata, "metadata.", key, true);
            if (v && !std::regex_match(v->get<std::string>(), date))
                error(std::string("metadata.") + key,
                    quoted(v->get<std::string>()) + " is not a date written YYYY/MM/DD");
        }
        oneOf("maturity", {"development", "experimental", "beta", "production", "deprecated"}, true,
            &rule_.metadata, "metadata.");
    }

    void run()
    {
        if (rule_.origin == RuleFormat::Toml)
            metadata();
        stringList("author", true);
        string(rule_.body, "rule.", "description", true);
        const auto* name = string(rule_.body, "rule.", "name", true);
        if (name) {
            const std::string n = name->get<std::string>();
            if (n.empty())
                error("rule.name", "must not be empty");
            else if (n.front() == ' ' || n.back() == ' ')
                warning("rule.name", quoted(n) + " has leading or trailing spaces");
        }
        const auto* id = string(rule_.body, "rule.", "rule_id", true);
        static const std::regex uuid("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
        if (id && !std::regex_match(id->get<std::string>(), uuid))
            warning("rule.rule_id",
                quoted(id->get<std::string>()) + " is not a lower-case UUID, which detection-rules requires");
        integer("risk_score", true, 0, 100);
        oneOf("severity", {"low", "medium", "high", "critical"}, true);
        oneOf("type",
            {"query", "saved_query", "machine_learning", "eql", "esql", "threshold", "threat_match",
                "new_terms"},
            true);
        if (!rule_.body.contains("license"))
            warning("rule.license", "missing (Kibana's schema requires it)");
        string(rule_.body, "rule.", "license", false);
        for (const char* key : {"from", "to", "interval", "note", "setup", "timestamp_override",
                 "timestamp_field", "tiebreaker_field", "event_category_override", "query", "language"})
            string(rule_.body, "rule.", key, false);
        for (const char* key : {"tags", "index", "references", "false_positives"})
            stringList(key, false);
        integer("max_signals", false, 1, INT64_MAX);
        if (const auto* v = get(rule_.body, "rule.", "enabled", false); v && !v->is_boolean())
            error("rule.enabled", "must be true or false");
        static const std::regex interval(R"(^\d+[mshd]$)");
        if (const auto* v = string(rule_.body, "rule.", "interval", false);
            v && !std::regex_match(v->get<std::string>(), interval))
            error("rule.interval", quoted(v->get<std::string>()) + " is not a duration such as 5m");
        for (const char* key : {"note", "setup"})
            if (rule_.text(key) == "None")
                warning(std::string("rule.") + key,
                    "is the text \"None\" (a Python None written as a string by some exporters)");
        if (rule_.body.contains("index") && rule_.body.contains("data_view_id"))
            error("rule.index", "a rule has index or data_view_id, not both");
        const std::string type = rule_.type();
        static const std::set<std::string> queryTypes
            = {"query", "eql", "esql", "threshold", "threat_match", "new_terms"};
        if (queryTypes.count(type) && rule_.query().empty() && type != "query")
            error("rule.query", "required for a rule of type " + type);
        if (type == "eql" && rule_.language() != "eql")
            error("rule.language", "must be \"eql\" for a rule of type eql");
        threat();
        exceptionRefs();
    }

    void threat()
    {
        const auto* v = get(rule_.body, "rule.", "threat", false);
        if (!v)
            return;
        if (!v->is_array()) {
            error("rule.threat", "must be a list of tables");
            return;
        }
        for (size_t i = 0; i < v->size(); ++i) {
            const auto& t = (*v)[i];
            const std::string key = "rule.threat[" + std::to_string(i) + "]";
            if (!t.is_object()) {
                error(key, "must be a table");
                continue;
            }
            string(t, key + ".", "framework", true);
            const auto* tactic = get(t, key + ".", "tactic", true);
            if (tactic && !tactic->is_object())
                error(key + ".tactic", "must be a table");
            else if (tactic)
                for (const char* k : {"id", "name", "reference"})
                    string(*tactic, key + ".tactic.", k, true);
        }
    }

    void exceptionRefs()
    {
        const auto* v = get(rule_.body, "rule.", "exceptions_list", false);
        if (!v)
            return;
        if (!v->is_array()) {
            error("rule.exceptions_list", "must be a list of tables");
            return;
        }
        for (size_t i = 0; i < v->size(); ++i) {
            const std::string key = "rule.exceptions_list[" + std::to_string(i) + "]";
            if (!(*v)[i].is_object()) {
                error(key, "must be a table");
                continue;
            }
            for (const char* k : {"id", "list_id", "namespace_type", "type"})
                string((*v)[i], key + ".", k, true);
        }
    }

private:
    const Rule& rule_;
};

} // namespace

std::vector<Diagnostic> checkRuleStructure(const Rule& rule)
{
    Check c(rule);
    c.run();
    return std::move(c.diags);
}

} // namespace eqlwb
