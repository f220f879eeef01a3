#include "support/bench_support.h"

#include "gen/telemetry.h"
#include "store/workspace.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace eqlwb::bench {

namespace fs = std::filesystem;

double nowMs()
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

long peakRssKb()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stol(line.substr(6));
    return -1;
}

std::string generatedWorkspace(uint64_t events)
{
    const fs::path dir = fs::path(EQLWB_BINARY_DIR) / "bench-data";
    fs::create_directories(dir);
    const fs::path ndjson = dir / ("gen-" + std::to_string(events) + ".ndjson");
    const fs::path wsPath = dir / ("query-" + std::to_string(events) + ".eqlwb");
    if (fs::exists(wsPath))
        return wsPath.string();
    std::cout << "building " << wsPath.string() << " (" << events << " generated events, once)\n";
    GenOptions gen;
    gen.events = events;
    if (auto st = writeTelemetry(ndjson.string(), gen); !st) {
        std::cerr << "gen failed: " << st.error().message << "\n";
        return {};
    }
    auto ws = Workspace::open(wsPath.string(), true);
    if (!ws) {
        std::cerr << "cannot create workspace: " << ws.error().message << "\n";
        return {};
    }
    auto report = (*ws)->import({ndjson.string()});
    fs::remove(ndjson);
    if (!report) {
        std::cerr << "import failed: " << report.error().message << "\n";
        return {};
    }
    return wsPath.string();
}

} // namespace eqlwb::bench
