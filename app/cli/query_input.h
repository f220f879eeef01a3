// The query of a command taking (QUERY | -f FILE): inline text, a file, or standard input for
// `-f -`, with the prefix its diagnostics start with.
#pragma once

#include <optional>
#include <string>

namespace eqlwb::cli {

struct QueryInput {
    std::string text;
    std::string prefix; // "FILE:", "<stdin>:", or empty for an inline query
};

// With `file` set, reads it (or stdin for "-"); otherwise takes `inlineText`. On a read error
// prints "eqlwb COMMAND: cannot read FILE" and returns nullopt (exit 2).
std::optional<QueryInput> readQueryInput(
    const std::string& command, const std::optional<std::string>& file, const std::string& inlineText);

} // namespace eqlwb::cli
