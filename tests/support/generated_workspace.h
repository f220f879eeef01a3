// A workspace of `eqlwb gen` telemetry for tests that run rules end to end.
#pragma once

#include <QString>
#include <cstdint>

namespace eqlwb::test {

// Creates `dir` afresh and a workspace `dir/name` holding `events` generated events (seeded);
// returns its path, or an empty string (with a qWarning saying why) on failure.
QString generatedWorkspace(const QString& dir, const QString& name, uint64_t events, uint64_t seed);

} // namespace eqlwb::test
