// The rule model: one detection rule with everything detection-rules TOML and Kibana NDJSON carry.
//
// The model is a tree, not a struct with a member per key, because rules carry many keys that
// differ by rule type and stack version, and every key must survive a round trip unchanged. Typed
// accessors cover what the workbench itself reads; exceptions are typed (exceptions.h) because the
// runner evaluates them.
#pragma once

#include "rules/exceptions.h"

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace eqlwb {

// Key order of a JSON object is kept, so an NDJSON rule is written back as Kibana wrote it.
using RuleTree = nlohmann::ordered_json;

enum class RuleFormat { Toml, Ndjson };

// What the TOML reader remembers of the file, so unchanged parts are written back byte for byte.
struct TomlSource {
    std::string text;
    std::vector<std::string> tableOrder; // top-level tables in file order
    struct Lines {
        uint32_t first = 0; // 1-based, inclusive
        uint32_t last = 0;
    };
    std::map<std::string, Lines> tableLines; // "metadata" -> its block (header to the next table)
    std::map<std::string, Lines> keyLines; // "rule.query" -> the lines of that key
    uint32_t preambleLastLine = 0; // comment lines before the first table
    RuleTree metadata, body, extraTables; // as read: a key equal to these is written verbatim
};

struct Rule {
    RuleTree metadata = RuleTree::object(); // [metadata]: repo bookkeeping, never sent to Kibana
    RuleTree body = RuleTree::object(); // [rule] / the NDJSON rule object, without `version`
    RuleTree extraTables = RuleTree::object(); // other TOML tables ([transform], ...), kept as read
    // NDJSON `version`. detection-rules keeps versions in a lock file and rejects `version` in
    // TOML, so for a TOML rule the version lives here and is written to NDJSON only.
    std::optional<int64_t> version;
    size_t versionPosition = SIZE_MAX; // where `version` sat among the NDJSON keys
    std::vector<ExceptionList> exceptionLists; // lists from an NDJSON export, with their items
    RuleFormat origin = RuleFormat::Toml;
    std::optional<TomlSource> tomlSource;

    // The [rule] string at key, or "" when absent or not a string.
    std::string text(const std::string& key) const;
    std::string name() const { return text("name"); }
    std::string ruleId() const { return text("rule_id"); }
    std::string type() const { return text("type"); }
    std::string language() const { return text("language"); }
    std::string query() const { return text("query"); }
    bool isPrebuilt() const; // Elastic's rule: immutable, or an external rule_source
};

// Strings detection-rules "cleans" on export: lines stripped and joined with single spaces.
std::string cleanText(const std::string& s);
// True for keys of [rule] whose strings are cleaned (description, false_positives, ...).
bool isCleanedKey(const std::string& key);

// Today's date as YYYY/MM/DD and as an ISO-8601 UTC timestamp, for updated_date / updated_at.
std::string todayRuleDate();
std::string nowIsoTimestamp();

} // namespace eqlwb
