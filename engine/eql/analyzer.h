// Checks a parsed query against a field catalogue and common mistakes. Everything it reports is
// a warning: the query is valid EQL, but probably not what the author meant.
//
// Codes: unknown-field, type-mismatch, eq-wildcard, case-sensitive-eq, deprecated-wildcard.
#pragma once

#include "core/diagnostic.h"
#include "eql/ast.h"
#include "eql/catalog.h"

#include <vector>

namespace eqlwb::eql {

struct AnalyzeOptions {
    bool unknownFields = true; // warn about fields the catalogue does not know
};

std::vector<Diagnostic> analyzeQuery(
    const Query& query, const FieldCatalog& catalog, const AnalyzeOptions& = {});

// Fields whose values commonly differ in case between events (CMD.EXE, cmd.exe), where '=='
// misses matches: process.name, process.executable, dns.question.name, file.path and kin.
bool fieldVariesInCase(std::string_view path);

} // namespace eqlwb::eql
