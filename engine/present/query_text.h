// Query-text services for editors and tools: check (parse + analyze against the ECS catalogue
// and a workspace's fields) and format, as plain calls that hide the syntax tree.
#pragma once

#include "core/diagnostic.h"
#include "core/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace eqlwb {

// Syntax errors, then (for a valid query) the analyzer's warnings. workspaceFields may be empty.
std::vector<Diagnostic> checkQueryText(
    std::string_view text, const std::vector<std::string>& workspaceFields);

// The canonical form of a valid query; the first syntax error otherwise.
Result<std::string> formatQueryText(std::string_view text);

} // namespace eqlwb
