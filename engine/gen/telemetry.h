// Deterministic synthetic Windows telemetry in ECS (eqlwb gen): process starts, DNS lookups,
// connections, file and registry events over several days, hosts and users, with the seed
// rule's story planted in it: malicious processes (powershell.exe, rundll32.exe, unknown
// binaries in user folders) resolving paste and tunnelling services, and browsers, sync
// clients, chat apps and Defender resolving the same services legitimately (the false positives
// to tune away). A process start is followed within seconds by its DNS lookups and connections
// (same host.name, process.entity_id and process.pid), for sequence queries.
#pragma once

#include "core/progress.h"
#include "core/result.h"

#include <cstdint>
#include <memory>
#include <string>

namespace eqlwb {

struct GenOptions {
    uint64_t events = 1000;
    uint64_t seed = 1;
    int64_t startNanos = 1709510400LL * 1'000'000'000; // 2024-03-04T00:00:00Z
    int days = 5;
};

class TelemetryGenerator {
public:
    explicit TelemetryGenerator(const GenOptions& options);
    ~TelemetryGenerator();
    // Appends the next event (one JSON object, no newline) to out; false after options.events.
    bool next(std::string& out);

private:
    struct State;
    std::unique_ptr<State> s_;
};

// Writes the events as NDJSON to path, gzip-compressed when path ends in ".gz".
Status writeTelemetry(const std::string& path, const GenOptions& options, const ProgressFn& progress = {});

} // namespace eqlwb
