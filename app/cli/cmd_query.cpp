// eqlwb query WORKSPACE (QUERY | -f FILE) [--ids FIELD | --count | --json] [--size N] [--strict]
//                [--timestamp-field F] [--tiebreaker-field F] [--category-field F]
// Runs one EQL query against a workspace and prints its results (design.md's contract):
// by default one line per result (time, category, the fields the query uses).
// Exit 0 on success, 1 for an invalid query (LINE:COL: error: message), 2 on usage or I/O.
#include "cli_args.h"
#include "commands.h"
#include "eql/parser.h"
#include "exec/query_runner.h"
#include "query_input.h"
#include "result_output.h"
#include "store/workspace.h"

#include <iostream>

namespace eqlwb::cli {

namespace {

constexpr const char* kName = "query";

void printDiagnostic(const std::string& prefix, const std::string& text, const Diagnostic& d)
{
    std::cerr << prefix << formatDiagnostic(text, d) << "\n";
}

} // namespace

int runQuery(const Args& args)
{
    ArgSpec spec = resultArgSpec();
    spec.valued.insert("-f");
    const auto parsed = parseArgs(kName, args, spec);
    if (!parsed)
        return kExitUsage;
    const auto file = parsed->value("-f");
    const size_t wantPositionals = file ? 1 : 2;
    if (parsed->positionals.size() != wantPositionals)
        return usageError(kName, "give WORKSPACE and QUERY, or WORKSPACE -f FILE");
    RunOptions options;
    OutputOptions output;
    if (!readResultOptions(kName, *parsed, options, output))
        return kExitUsage;

    auto input = readQueryInput(kName, file, file ? std::string() : parsed->positionals[1]);
    if (!input)
        return kExitUsage;
    const std::string& text = input->text;
    const std::string& prefix = input->prefix;

    auto parse = eql::parseQuery(text);
    for (const auto& d : parse.diagnostics)
        printDiagnostic(prefix, text, d);
    if (!parse.ok())
        return kExitInvalid;

    const std::string& workspacePath = parsed->positionals[0];
    auto workspace = Workspace::open(workspacePath, false);
    if (!workspace) {
        std::cerr << "eqlwb query: " << workspacePath << ": " << workspace.error().message << "\n";
        return kExitUsage;
    }
    ColumnSource& source = **workspace;
    ColumnCache cache;
    auto result = eqlwb::runQuery(source, cache, *parse.query, options);
    if (!result) {
        const auto& e = result.error();
        // Errors about the query's text carry its position; the rest (I/O, a damaged
        // workspace, cancellation) are not the query's fault.
        if (!isQueryError(e.code)) {
            std::cerr << "eqlwb query: " << e.message << "\n";
            return kExitUsage;
        }
        printDiagnostic(prefix, text, Diagnostic{e.code, Severity::Error, e.message, e.span, {}});
        return kExitInvalid;
    }
    for (const auto& d : result->diagnostics)
        printDiagnostic(prefix, text, d);

    printResults(source, cache, *result, options, output);
    return kExitOk;
}

} // namespace eqlwb::cli
