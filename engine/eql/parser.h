// The EQL parser: query text in, a syntax tree (ast.h) and diagnostics out. Hand-written
// recursive descent with precedence climbing, following Elasticsearch's grammar
// (eql-reference.md §1-3, §9-11). It never throws, never recurses deeper than
// ParseOptions::maxDepth, and does linear work in the size of the text.
#pragma once

#include "core/diagnostic.h"
#include "eql/ast.h"

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace eqlwb::eql {

struct ParseOptions {
    // Deepest nesting of parentheses, brackets, unary operators and calls accepted before the
    // parser reports "nesting too deep" (Elasticsearch itself stops far earlier than real rules go).
    uint32_t maxDepth = 200;
    // Maximum number of diagnostics kept; later ones are dropped (recovery can cascade).
    uint32_t maxDiagnostics = 50;
};

struct ParseResult {
    // The tree, also when there are errors if enough could be recovered to be useful (an editor
    // wants the outline of a half-typed query); null only when nothing usable could be built.
    std::unique_ptr<Query> query;
    // Errors and warnings, in source order of discovery. Codes are stable (see diagnostic codes
    // in parser.cpp's header comment), messages say what was expected and where.
    std::vector<Diagnostic> diagnostics;

    // True when a query was built and no diagnostic is an error.
    bool ok() const { return query && !hasErrors(diagnostics); }
};

// Parses one EQL query. Works on any byte string: invalid UTF-8 is reported at its offset.
ParseResult parseQuery(std::string_view text, const ParseOptions& options = {});

} // namespace eqlwb::eql
