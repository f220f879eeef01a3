// Sequence speed and memory over 1M generated events in a workspace (built once under the build
// tree, shared with bench_query): a two-stage sequence by host with maxspan, a three-stage one
// with until, and a pathological one without maxspan whose first stage matches about a third of
// the events and whose last never does. Prints figures; asserts nothing about time.
#include "exec/query_runner.h"
#include "gen/telemetry.h"
#include "store/workspace.h"
#include "support/bench_support.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

namespace fs = std::filesystem;
using namespace eqlwb;

namespace {

void timeSequence(
    Workspace& ws, ColumnCache& cache, const char* label, const std::string& query, const char* target)
{
    for (const char* run : {"first", "warm"}) {
        const double t0 = bench::nowMs();
        auto r = runQuery(ws, cache, query, RunOptions{});
        const double ms = bench::nowMs() - t0;
        if (!r) {
            std::printf("%s: error %s\n", label, r.error().message.c_str());
            return;
        }
        std::printf("%-44s %-5s %8.1f ms  %7zu sequences  peak RSS %ld MB  %s\n", label, run, ms,
            r->matches.size(), (bench::peakRssKb() / 1024), target);
    }
}

} // namespace

int main(int argc, char** argv)
{
    const uint64_t events = argc > 1 ? std::stoull(argv[1]) : 1000000;
    const std::string wsPath = bench::generatedWorkspace(events);
    if (wsPath.empty())
        return 1;
    auto ws = Workspace::open(wsPath, false);
    if (!ws) {
        std::cerr << "cannot open workspace: " << ws.error().message << "\n";
        return 1;
    }
    std::printf("events: %llu\n", static_cast<unsigned long long>(events));
    ColumnCache cache;
    timeSequence(**ws, cache, "two stages by host.name, maxspan=30s",
        "sequence by host.name with maxspan=30s [process where true] [network where true]",
        "[target <= 300 ms]");
    timeSequence(**ws, cache, "three stages by host, entity_id, until",
        "sequence by host.name, process.entity_id with maxspan=1m [process where true] [network where true] "
        "[network where true] until [process where event.type == \"end\"]",
        "");
    timeSequence(**ws, cache, "no maxspan, last stage never matches",
        "sequence by process.entity_id [network where true] [file where process.name == \"never.exe\"]",
        "[target peak RSS <= 500 MB]");
    timeSequence(**ws, cache, "no maxspan, no keys, third of events first",
        "sequence [network where true] [network where true] [file where process.name == \"never.exe\"]", "");
    return 0;
}
