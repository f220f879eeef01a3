#include "present/query_text.h"

#include "eql/analyzer.h"
#include "eql/catalog.h"
#include "eql/formatter.h"
#include "eql/parser.h"

namespace eqlwb {

std::vector<Diagnostic> checkQueryText(std::string_view text, const std::vector<std::string>& workspaceFields)
{
    auto parsed = eql::parseQuery(text);
    if (!parsed.ok())
        return std::move(parsed.diagnostics);
    eql::MapCatalog workspace;
    for (const auto& f : workspaceFields)
        workspace.add(f, {});
    eql::LayeredCatalog catalog;
    catalog.add(&workspace);
    catalog.add(&eql::ecsCatalog());
    auto diagnostics = std::move(parsed.diagnostics);
    auto warnings = eql::analyzeQuery(*parsed.query, catalog);
    diagnostics.insert(diagnostics.end(), warnings.begin(), warnings.end());
    return diagnostics;
}

Result<std::string> formatQueryText(std::string_view text)
{
    auto parsed = eql::parseQuery(text);
    if (!parsed.ok()) {
        for (const auto& d : parsed.diagnostics)
            if (d.severity == Severity::Error)
                return Error{d.code, d.message, d.span};
        return Error{"parse", "the query could not be parsed", {}};
    }
    return eql::formatQuery(*parsed.query);
}

} // namespace eqlwb
