// Does a rule run on a given Elastic stack version? Names each construct the version lacks (or no
// longer has) and the version that introduced or removed it (eql-reference.md §0), offering the
// meaning-preserving rewrite where one exists (wildcard() <-> like). Nothing is rewritten here: an
// export never silently changes what a rule matches.
#pragma once

#include "core/diagnostic.h"
#include "eql/ast.h"
#include "rules/rule.h"

#include <optional>
#include <string>
#include <vector>

namespace eqlwb {

struct StackVersion {
    int major = 0;
    int minor = 0;
    int patch = 0;
    friend auto operator<=>(const StackVersion&, const StackVersion&) = default;
};

std::optional<StackVersion> parseStackVersion(const std::string& text); // "7.11", "8.9.0", "8.11.0-beta"
std::string stackVersionText(const StackVersion& v); // "7.11"

// Errors with spans into queryText; `fix` holds the replacement text for the span, if any.
std::vector<Diagnostic> checkQueryForStack(
    const eql::Query& query, const std::string& queryText, StackVersion target);

// The query (parsed here) and the rule keys the version gates (setup, investigation_fields, ...).
std::vector<Diagnostic> checkRuleForStack(const Rule& rule, StackVersion target);

} // namespace eqlwb
