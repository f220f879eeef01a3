// Date-time text to nanoseconds since the Unix epoch, for comparing date fields with literals.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace eqlwb {

// Accepts ISO-8601 as Elasticsearch's strict_date_optional_time does: "2017-08-30",
// "2017-08-30T20:47:33Z", fractions up to nanoseconds, "Z" or "+hh:mm"/"+hhmm" offsets
// (no offset means UTC), and a space instead of "T".
std::optional<int64_t> parseIsoTimeNanos(std::string_view text);

// "2017-08-30T20:47:33.123Z" (milliseconds, or nanoseconds when they are not zero).
std::string_view formatIsoTimeNanos(int64_t nanos, char (&buffer)[40]);

} // namespace eqlwb
