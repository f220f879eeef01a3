// Event times: ISO 8601 text or epoch milliseconds to integer nanoseconds since the Unix epoch.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eqlwb {

// Accepts "2024-05-01T12:00:00Z", fractions of any length up to nanoseconds, offsets
// ("+02:00", "-0530"), a space instead of 'T', no zone (taken as UTC, as Sysmon's UtcTime), and a
// string of digits (epoch milliseconds). nullopt for anything else.
std::optional<int64_t> parseTimestampText(std::string_view text);

// Epoch milliseconds (Elasticsearch's date default) to nanoseconds; nullopt when out of range.
std::optional<int64_t> epochMillisToNanos(double millis);
std::optional<int64_t> epochMillisToNanos(int64_t millis); // exact

// Nanoseconds to "YYYY-MM-DDTHH:MM:SS.mmmZ".
std::string formatTimestamp(int64_t nanos);

} // namespace eqlwb
