// Moving a rule between the two formats, and the edits an export makes: a tuned rule's version
// and dates, and a prebuilt rule re-issued as a custom one.
#pragma once

#include "core/diagnostic.h"
#include "rules/rule.h"

#include <string>
#include <vector>

namespace eqlwb {

// The rule as Kibana takes it: strings detection-rules cleans are cleaned; [metadata] and other
// TOML tables ([transform]) are not carried, each said in a warning.
Rule toNdjsonShape(const Rule& rule, std::vector<Diagnostic>& diags);

// The rule as a detection-rules file holds it: keys Kibana manages (id, created_at, revision,
// immutable, rule_source, related_integrations, ...) are left out, each said in a note; [metadata]
// is filled from created_at/updated_at when the rule has none. The version stays beside the rule.
Rule toTomlShape(const Rule& rule, std::vector<Diagnostic>& diags);

// A tuned rule: version + 1 (1 when unknown), updated_date (YYYY/MM/DD) in [metadata], and
// updated_at when the rule came from Kibana. `today`/`now` default to the clock (tests pass them).
void markTuned(Rule& rule, const std::string& today = {}, const std::string& now = {});

// A prebuilt rule re-issued as a custom rule, as Kibana users do when they cannot edit Elastic's:
// rule_id derivedRuleId(old), name + suffix, not immutable, version 1, tuned dates.
Rule asCustomRule(const Rule& rule, const std::string& nameSuffix = " [Duplicate]",
    const std::string& today = {}, const std::string& now = {});

// A lower-case UUID derived deterministically from a rule_id (version-8 layout, 128 bits of
// FNV-1a over "eqlwb-custom:" + id): exporting the same rule twice gives the same custom rule, so
// Kibana's overwrite replaces it instead of piling up copies.
std::string derivedRuleId(const std::string& ruleId);

} // namespace eqlwb
