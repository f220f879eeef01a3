// Sequence speed and memory over 1M generated events in a workspace (built once under the build
// tree, shared with bench_query): a two-stage sequence by host with maxspan, a three-stage one
// with until, and a pathological one without maxspan whose first stage matches about a third of
// the events and whose last never does. Prints figures; asserts nothing about time.
#include "exec/query_runner.h"
#include "gen/telemetry.h"
#include "store/workspace.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

namespace fs = std::filesystem;
using namespace eqlwb;

namespace {

double nowMs()
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

long peakRssMb()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stol(line.substr(6)) / 1024;
    return -1;
}

void timeSequence(
    Workspace& ws, ColumnCache& cache, const char* label, const std::string& query, const char* target)
{
    for (const char* run : {"first", "warm"}) {
        const double t0 = nowMs();
        auto r = runQuery(ws, cache, query, RunOptions{});
        const double ms = nowMs() - t0;
        if (!r) {
            std::printf("%s: error %s\n", label, r.error().message.c_str());
            return;
        }
        std::printf("%-44s %-5s %8.1f ms  %7zu sequences  peak RSS %ld MB  %s\n", label, run, ms,
            r->matches.size(), peakRssMb(), target);
    }
}

} // namespace

int main(int argc, char** argv)
{
    const uint64_t events = argc > 1 ? std::stoull(argv[1]) : 1000000;
    const fs::path dir = fs::path(EQLWB_BINARY_DIR) / "bench-data";
    fs::create_directories(dir);
    const fs::path wsPath = dir / ("query-" + std::to_string(events) + ".eqlwb");
    if (!fs::exists(wsPath)) {
        const fs::path ndjson = dir / ("gen-seq-" + std::to_string(events) + ".ndjson");
        std::cout << "building " << wsPath.string() << " (" << events << " generated events, once)\n";
        GenOptions gen;
        gen.events = events;
        if (auto st = writeTelemetry(ndjson.string(), gen); !st) {
            std::cerr << "gen failed: " << st.error().message << "\n";
            return 1;
        }
        auto ws = Workspace::open(wsPath.string(), true);
        if (!ws || !(*ws)->import({ndjson.string()})) {
            std::cerr << "cannot build the workspace\n";
            return 1;
        }
        fs::remove(ndjson);
    }
    auto ws = Workspace::open(wsPath.string(), false);
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
