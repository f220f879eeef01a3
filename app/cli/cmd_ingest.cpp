// eqlwb ingest WORKSPACE PATH... [--mapping PROFILE] [--timestamp-field F]
// Imports log files and folders into a workspace (created when missing), in one transaction.
#include "cli_args.h"
#include "commands.h"
#include "store/workspace.h"

#include <iostream>

namespace eqlwb::cli {

namespace {

constexpr size_t kRejectedLinesShown = 20;

const char* kIngestHelp
    = "Usage: eqlwb ingest WORKSPACE PATH... [--mapping PROFILE] [--timestamp-field F]\n"
      "Imports NDJSON, JSON arrays, Elasticsearch _search responses and hits, and any of these\n"
      "gzip-compressed, from files or folders, into WORKSPACE (an .eqlwb file, created when missing).\n"
      "  --mapping PROFILE      map non-ECS logs to ECS: a shipped profile (sysmon) or a profile file\n"
      "  --timestamp-field F    the field giving each event's time (default @timestamp)\n"
      "Prints one line per source and each rejected line as FILE:LINE: message (the first 20).\n"
      "Exit 0 when the import committed, 2 when nothing could be read.\n";

} // namespace

int runIngest(const Args& args)
{
    ArgSpec spec;
    spec.flags = {"--help"};
    spec.valued = {"--mapping", "--timestamp-field"};
    auto parsed = parseArgs("ingest", args, spec);
    if (!parsed)
        return kExitUsage;
    if (parsed->has("--help")) {
        std::cout << kIngestHelp;
        return kExitOk;
    }
    if (parsed->positionals.size() < 2)
        return usageError("ingest", "needs a WORKSPACE and at least one PATH");

    auto ws = Workspace::open(parsed->positionals[0]);
    if (!ws) {
        std::cerr << "eqlwb ingest: " << ws.error().message << "\n";
        return kExitUsage;
    }
    ImportOptions options;
    options.mapping = parsed->value("--mapping").value_or("");
    options.timestampField = parsed->value("--timestamp-field").value_or("@timestamp");
    options.maxErrorsReported = kRejectedLinesShown;
    const std::vector<std::string> paths(parsed->positionals.begin() + 1, parsed->positionals.end());
    auto report = (*ws)->import(paths, options);
    if (!report) {
        std::cerr << "eqlwb ingest: " << report.error().message << "\n";
        return kExitUsage;
    }

    size_t shown = 0;
    int64_t rejectedTotal = 0;
    bool anyRead = false;
    for (const auto& s : report->sources) {
        if (s.unreadable) {
            std::cout << s.path << ": not imported: " << s.message << "\n";
            continue;
        }
        anyRead = true;
        if (s.skipped) {
            std::cout << s.path << ": " << s.message << "\n";
            continue;
        }
        std::cout << s.path << ": " << s.events << " events imported, " << s.rejected << " lines rejected ("
                  << s.format << ")\n";
        if (!s.message.empty())
            std::cout << s.path << ": note: " << s.message << "\n";
        rejectedTotal += s.rejected;
        for (const auto& e : s.errors) {
            if (shown++ < kRejectedLinesShown)
                std::cerr << e.source << ":" << e.line << ": " << e.message << "\n";
        }
    }
    if (rejectedTotal > int64_t(kRejectedLinesShown))
        std::cerr << "... and " << (rejectedTotal - int64_t(std::min<size_t>(shown, kRejectedLinesShown)))
                  << " more rejected lines (all are listed in the workspace's import_errors table)\n";
    std::cout << "total: " << report->events << " events imported, " << report->rejected
              << " lines rejected\n";
    if (report->sources.empty()) {
        std::cerr << "eqlwb ingest: no log files found (looked for *.json, *.jsonl, *.ndjson, *.log, *.gz)\n";
        return kExitUsage;
    }
    return anyRead ? kExitOk : kExitUsage;
}

} // namespace eqlwb::cli
