// Rule files of either format: reading one (TOML by content or extension, NDJSON/JSON otherwise)
// and validating what it holds.
#pragma once

#include "core/result.h"
#include "core/text_file.h" // readTextFile, which rule readers use
#include "rules/rule.h"

#include <string>
#include <vector>

namespace eqlwb {

struct LoadedRules {
    std::vector<Rule> rules;
    std::vector<ExceptionList> unattachedLists; // exception lists no rule in the file references
    std::vector<Diagnostic> diagnostics; // reading problems (validateRule adds the rule checks)
};

// nameHint (a path) picks the format by extension: .toml, else .ndjson/.json; without one, the
// first non-blank byte decides ('{' or '[' is JSON). A .json holding one pretty-printed object or
// an array of rule objects is read too. Errors: "io" (unreadable), "bad-toml", "bad-ndjson".
Result<LoadedRules> loadRuleText(const std::string& text, const std::string& nameHint = {});
// Also reads the version of a TOML rule from version.lock.json beside the file, if there is one.
Result<LoadedRules> loadRuleFile(const std::string& path);

// Structure (rule_check.h) and, for EQL rules, the query through the EQL parser. A query problem
// names the query's line and column (the file's line for a TOML ''' query).
// A rule whose [metadata] min_stack_version lacks a construct it uses gets a warning naming both.
std::vector<Diagnostic> validateRule(const Rule& rule);

// "line 12, column 5" (of the TOML file) or "query line 2, column 5": where a span of the
// rule's query text is, for messages.
std::string queryPosition(const Rule& rule, Span span);

} // namespace eqlwb
