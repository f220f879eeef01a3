// Timestamp parsing and formatting (see timestamp.h).
#include "store/timestamp.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace eqlwb {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (valid for years 0..9999).
int64_t daysFromCivil(int64_t y, int64_t m, int64_t d)
{
    // Shift the year to start in March so the leap day is the last day of the year.
    y -= m <= 2 ? 1 : 0;
    const int64_t era = y / 400;
    const int64_t yearOfEra = y - era * 400;
    const int64_t monthFromMarch = m > 2 ? m - 3 : m + 9;
    const int64_t dayOfYear = (153 * monthFromMarch + 2) / 5 + d - 1;
    const int64_t dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

struct Cursor {
    std::string_view s;
    size_t i = 0;
    bool digits(int n, int64_t& out)
    {
        if (i + size_t(n) > s.size())
            return false;
        out = 0;
        for (int k = 0; k < n; ++k) {
            const char c = s[i + size_t(k)];
            if (c < '0' || c > '9')
                return false;
            out = out * 10 + (c - '0');
        }
        i += size_t(n);
        return true;
    }
    bool eat(char c)
    {
        if (i < s.size() && s[i] == c) {
            ++i;
            return true;
        }
        return false;
    }
    bool done() const { return i == s.size(); }
};

constexpr int64_t kNanosPerSecond = 1'000'000'000;

} // namespace

std::optional<int64_t> epochMillisToNanos(double millis)
{
    // int64 nanoseconds cover about ±292 years around 1970.
    if (!std::isfinite(millis) || std::fabs(millis) > 9.2e15)
        return std::nullopt;
    return int64_t(std::llround(millis * 1e6));
}

std::optional<int64_t> epochMillisToNanos(int64_t millis)
{
    constexpr int64_t kLimit = std::numeric_limits<int64_t>::max() / 1'000'000;
    if (millis > kLimit || millis < -kLimit)
        return std::nullopt;
    return millis * 1'000'000;
}

std::optional<int64_t> parseTimestampText(std::string_view text)
{
    if (text.empty() || text.size() > 64)
        return std::nullopt;
    bool allDigits = true;
    for (char c : text)
        allDigits = allDigits && c >= '0' && c <= '9';
    if (allDigits) {
        if (text.size() > 16)
            return std::nullopt;
        int64_t ms = 0;
        for (char c : text)
            ms = ms * 10 + (c - '0');
        return epochMillisToNanos(ms);
    }
    Cursor c{text};
    int64_t y, mo, d, h = 0, mi = 0, sec = 0;
    if (!c.digits(4, y) || !c.eat('-') || !c.digits(2, mo) || !c.eat('-') || !c.digits(2, d))
        return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1 || d > 31)
        return std::nullopt;
    int64_t frac = 0;
    if (!c.done()) {
        if (!c.eat('T') && !c.eat(' ') && !c.eat('t'))
            return std::nullopt;
        if (!c.digits(2, h) || !c.eat(':') || !c.digits(2, mi))
            return std::nullopt;
        if (c.eat(':') && !c.digits(2, sec))
            return std::nullopt;
        if (h > 23 || mi > 59 || sec > 60)
            return std::nullopt;
        if (c.eat('.') || c.eat(',')) {
            int n = 0;
            while (c.i < text.size() && text[c.i] >= '0' && text[c.i] <= '9') {
                if (n < 9) {
                    frac = frac * 10 + (text[c.i] - '0');
                    ++n;
                }
                ++c.i;
            }
            if (n == 0)
                return std::nullopt;
            for (; n < 9; ++n)
                frac *= 10;
        }
    }
    int64_t offsetSeconds = 0;
    if (!c.done()) {
        if (c.eat('Z') || c.eat('z')) {
        } else {
            const bool minus = c.i < text.size() && text[c.i] == '-';
            if (!c.eat('+') && !c.eat('-'))
                return std::nullopt;
            int64_t oh = 0, om = 0;
            if (!c.digits(2, oh))
                return std::nullopt;
            c.eat(':');
            if (!c.done() && !c.digits(2, om))
                return std::nullopt;
            if (oh > 23 || om > 59)
                return std::nullopt;
            offsetSeconds = (oh * 3600 + om * 60) * (minus ? -1 : 1);
        }
        if (!c.done())
            return std::nullopt;
    }
    const int64_t seconds = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - offsetSeconds;
    if (seconds > 9'000'000'000LL || seconds < -9'000'000'000LL)
        return std::nullopt;
    return seconds * kNanosPerSecond + frac;
}

std::string formatTimestamp(int64_t nanos)
{
    int64_t secs = nanos / kNanosPerSecond;
    int64_t rem = nanos % kNanosPerSecond;
    if (rem < 0) {
        rem += kNanosPerSecond;
        --secs;
    }
    int64_t days = secs / 86400;
    int64_t sod = secs % 86400;
    if (sod < 0) {
        sod += 86400;
        --days;
    }
    // Inverse of daysFromCivil.
    const int64_t z = days + 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    const int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const int64_t m = mp < 10 ? mp + 3 : mp - 9;
    const int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.%03lldZ", (long long)y,
        (long long)m, (long long)d, (long long)(sod / 3600), (long long)(sod % 3600 / 60),
        (long long)(sod % 60), (long long)(rem / 1'000'000));
    return buf;
}

} // namespace eqlwb
