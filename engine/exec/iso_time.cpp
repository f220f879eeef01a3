#include "exec/iso_time.h"

#include <cstdio>

namespace eqlwb {

namespace {

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
int64_t daysFromCivil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void civilFromDays(int64_t z, int64_t& y, unsigned& m, unsigned& d)
{
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}

bool readDigits(std::string_view s, size_t& pos, size_t count, int64_t& out)
{
    if (pos + count > s.size())
        return false;
    int64_t v = 0;
    for (size_t i = 0; i < count; ++i) {
        const char c = s[pos + i];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    pos += count;
    out = v;
    return true;
}

} // namespace

std::optional<int64_t> parseIsoTimeNanos(std::string_view s)
{
    size_t pos = 0;
    int64_t year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, nanos = 0;
    if (!readDigits(s, pos, 4, year) || pos >= s.size() || s[pos++] != '-' || !readDigits(s, pos, 2, month)
        || pos >= s.size() || s[pos++] != '-' || !readDigits(s, pos, 2, day))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > 31)
        return std::nullopt;
    int64_t offsetSeconds = 0;
    if (pos < s.size() && (s[pos] == 'T' || s[pos] == ' ')) {
        ++pos;
        if (!readDigits(s, pos, 2, hour))
            return std::nullopt;
        if (pos < s.size() && s[pos] == ':') {
            ++pos;
            if (!readDigits(s, pos, 2, minute))
                return std::nullopt;
            if (pos < s.size() && s[pos] == ':') {
                ++pos;
                if (!readDigits(s, pos, 2, second))
                    return std::nullopt;
                if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
                    ++pos;
                    size_t digits = 0;
                    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
                        if (digits < 9)
                            nanos = nanos * 10 + (s[pos] - '0');
                        ++digits;
                        ++pos;
                    }
                    if (digits == 0)
                        return std::nullopt;
                    for (size_t i = digits; i < 9; ++i)
                        nanos *= 10;
                }
            }
        }
        if (hour > 23 || minute > 59 || second > 60)
            return std::nullopt;
        if (pos < s.size()) {
            if (s[pos] == 'Z' || s[pos] == 'z') {
                ++pos;
            } else if (s[pos] == '+' || s[pos] == '-') {
                const int sign = s[pos] == '-' ? -1 : 1;
                ++pos;
                int64_t oh = 0, om = 0;
                if (!readDigits(s, pos, 2, oh))
                    return std::nullopt;
                if (pos < s.size() && s[pos] == ':')
                    ++pos;
                if (pos < s.size() && !readDigits(s, pos, 2, om))
                    return std::nullopt;
                offsetSeconds = sign * (oh * 3600 + om * 60);
            }
        }
    }
    if (pos != s.size())
        return std::nullopt;
    const int64_t days = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    const int64_t seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
    // Years 0000..9999 keep this far inside int64 nanoseconds (about ±292 years around 1970
    // would overflow, so guard).
    if (seconds > 9223372035LL || seconds < -9223372035LL)
        return std::nullopt;
    return seconds * 1000000000LL + nanos;
}

std::string_view formatIsoTimeNanos(int64_t nanos, char (&buffer)[40])
{
    int64_t seconds = nanos / 1000000000LL;
    int64_t frac = nanos % 1000000000LL;
    if (frac < 0) {
        frac += 1000000000LL;
        --seconds;
    }
    int64_t days = seconds / 86400;
    int64_t rem = seconds % 86400;
    if (rem < 0) {
        rem += 86400;
        --days;
    }
    int64_t y = 0;
    unsigned m = 0, d = 0;
    civilFromDays(days, y, m, d);
    int n = 0;
    if (frac % 1000000 == 0)
        n = std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ",
            static_cast<long long>(y), m, d, static_cast<long long>(rem / 3600),
            static_cast<long long>(rem / 60 % 60), static_cast<long long>(rem % 60),
            static_cast<long long>(frac / 1000000));
    else
        n = std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%09lldZ",
            static_cast<long long>(y), m, d, static_cast<long long>(rem / 3600),
            static_cast<long long>(rem / 60 % 60), static_cast<long long>(rem % 60),
            static_cast<long long>(frac));
    return std::string_view(buffer, n > 0 ? static_cast<size_t>(n) : 0);
}

} // namespace eqlwb
