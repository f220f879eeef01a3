// Placeholder until the parser lands.
#include "eql/parser.h"

namespace eqlwb::eql {

ParseResult parseQuery(std::string_view, const ParseOptions&)
{
    ParseResult r;
    r.diagnostics.push_back({"not-implemented", Severity::Error, "the parser is not built yet", {}, {}});
    return r;
}

} // namespace eqlwb::eql
