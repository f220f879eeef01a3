// Kibana NDJSON exports in and out of the rule model: rules, exception list containers and their
// items, connectors (ignored with a note) and the export-summary line, each line recognised by
// what it holds, not where it is.
#pragma once

#include "core/result.h"
#include "rules/rule.h"

#include <string>
#include <vector>

namespace eqlwb {

struct RuleBundle {
    std::vector<Rule> rules; // in file order, each with the exception lists it references
    std::vector<ExceptionList> unattachedLists; // lists no rule references (an exceptions export)
    RuleTree summary; // the export-details line; null when absent
    std::vector<Diagnostic> diagnostics; // spans are byte ranges of the line concerned
};

// Rule JSON nests a few levels; anything deeper than this is refused before it is parsed.
constexpr int kMaxJsonDepth = 100;
bool jsonNestsDeeperThan(const std::string& text, int limit);

// Fails only when no line holds JSON (e.g. a binary file); bad lines are error diagnostics.
Result<RuleBundle> readNdjson(const std::string& text);

// The rule line: the rule's keys as held, `version` put back where it was (or in sorted place).
RuleTree ndjsonRuleObject(const Rule& rule);

// Rules, then each exception list once (container, then items), then the export-details line
// Kibana's importer reads, so the file imports with POST /api/detection_engine/rules/_import.
std::string writeNdjson(const std::vector<Rule>& rules, bool withSummary = true);

} // namespace eqlwb
