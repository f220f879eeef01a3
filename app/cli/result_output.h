// What `eqlwb query` and `eqlwb run` share: the run options of the contract (--size, --strict,
// the field options) and the four output forms (human lines, --count, --ids FIELD, --json).
#pragma once

#include "cli_args.h"
#include "exec/query_runner.h"

#include <optional>
#include <string>

namespace eqlwb::cli {

struct OutputOptions {
    std::optional<std::string> idsField; // --ids FIELD
    bool count = false; // --count
    bool json = false; // --json
};

// The options every result-printing command takes, to merge into its ArgSpec.
ArgSpec resultArgSpec();

// Reads the shared options; on a problem prints it (as `eqlwb COMMAND: ...`) and returns false.
bool readResultOptions(
    const std::string& command, const ParsedArgs& args, RunOptions& run, OutputOptions& out);

// True for error codes that are about the query text (exit 1), false for I/O and the like (exit 2).
bool isQueryError(const std::string& code);

// Prints the results in the chosen form to stdout.
void printResults(ColumnSource& source, ColumnCache& cache, const QueryResult& result, const RunOptions& run,
    const OutputOptions& out);

} // namespace eqlwb::cli
