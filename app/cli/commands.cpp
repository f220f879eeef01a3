#include "commands.h"

#include "cli_args.h"

#include <iostream>

namespace eqlwb::cli {

const std::vector<Command>& commands()
{
    // Keep `available` honest: flip it when a subcommand is really implemented.
    static const std::vector<Command> table = {
        {"ingest", "WORKSPACE PATH... [--mapping PROFILE] [--timestamp-field F]",
            "import log files or folders (NDJSON, JSON array, _search exports, gzip) into a workspace",
            runIngest, true},
        {"parse", "(QUERY | -f FILE) [--format] [--json]",
            "check an EQL query, print line:column diagnostics or its canonical form", runParse, true},
        {"query",
            "WORKSPACE (QUERY | -f FILE) [--ids FIELD | --count | --json] [--size N] [--strict]\n"
            "      [--timestamp-field F] [--tiebreaker-field F] [--category-field F]",
            "run an EQL query against a workspace", runQuery, true},
        {"run", "WORKSPACE RULE [--exceptions FILE] [--value-list ID=FILE]... [query output options]",
            "run a rule file (TOML or NDJSON) with its exceptions against a workspace", runRule, true},
        {"export", "RULE --to toml|ndjson [--stack-version V] [--as-custom] [-o OUT]",
            "convert a rule between detection-rules TOML and Kibana NDJSON", runExport, true},
        {"validate", "RULE...", "parse and analyze rule files (exit 1 when any has an error)", runValidate,
            true},
        {"lists", "RULE [WORKSPACE] [--json]",
            "print the rule's editable lists, with hit counts given a workspace", runLists, true},
        {"simulate", "WORKSPACE RULE [--from TIME] [--to TIME] [--json]",
            "replay the rule's schedule over the workspace: alerts per execution", runSimulate, false},
        {"conformance", "DIR", "run an Elasticsearch EQL QA suite folder and report failures", runConformance,
            true},
        {"gen", "--events N [--seed S] -o FILE",
            "write deterministic synthetic Windows ECS telemetry (NDJSON, .gz compresses)", runGen, true},
        {"pull",
            "WORKSPACE URL --index PATTERN [--eql QUERY | --rule RULE] [--from TIME] [--to TIME]\n"
            "      [--api-key-file F | --user U --password-file F] [--ca-file F] [--max-events N]",
            "bring events from an Elasticsearch cluster into a workspace", runPull, false},
    };
    return table;
}

int notBuiltYet(const std::string& name)
{
    std::cerr << "eqlwb " << name << ": not built yet in this version of EQL Workbench\n";
    return kExitUsage;
}

} // namespace eqlwb::cli
