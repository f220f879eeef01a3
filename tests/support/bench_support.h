// Shared by the benchmarks: a clock, peak memory, and the generated 1M-event workspace that
// every query benchmark runs on (built once under the build tree, then reused).
#pragma once

#include <cstdint>
#include <string>

namespace eqlwb::bench {

double nowMs();
long peakRssKb(); // VmHWM of this process
// Path of a workspace holding `events` generated events (eqlwb gen, default seed), building it
// when missing. Empty on failure (the reason is printed).
std::string generatedWorkspace(uint64_t events);

} // namespace eqlwb::bench
