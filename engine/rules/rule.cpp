// Rule accessors and the small text helpers the codecs share (cleaning, dates).
#include "rules/rule.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <set>

namespace eqlwb {

std::string Rule::text(const std::string& key) const
{
    const auto it = body.find(key);
    return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool Rule::isPrebuilt() const
{
    if (const auto it = body.find("immutable"); it != body.end() && it->is_boolean() && it->get<bool>())
        return true;
    const auto src = body.find("rule_source");
    return src != body.end() && src->is_object() && src->value("type", "") == "external";
}

std::string cleanText(const std::string& s)
{
    // " ".join(line.strip() for line in s.strip().splitlines()), as detection-rules does.
    std::string out;
    size_t pos = 0;
    bool first = true;
    auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; };
    std::string trimmed = s;
    while (!trimmed.empty() && (isSpace(trimmed.back()) || trimmed.back() == '\n'))
        trimmed.pop_back();
    size_t lead = 0;
    while (lead < trimmed.size() && (isSpace(trimmed[lead]) || trimmed[lead] == '\n'))
        ++lead;
    trimmed.erase(0, lead);
    while (pos <= trimmed.size()) {
        size_t nl = trimmed.find('\n', pos);
        if (nl == std::string::npos)
            nl = trimmed.size();
        size_t b = pos, e = nl;
        while (b < e && isSpace(trimmed[b]))
            ++b;
        while (e > b && isSpace(trimmed[e - 1]))
            --e;
        if (!first)
            out += ' ';
        out.append(trimmed, b, e - b);
        first = false;
        pos = nl + 1;
    }
    return out;
}

bool isCleanedKey(const std::string& key)
{
    static const std::set<std::string> keys
        = {"description", "false_positives", "name", "author", "tags", "references"};
    return keys.count(key) > 0;
}

namespace {
std::tm utcNow()
{
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    return tm;
}
} // namespace

std::string todayRuleDate()
{
    const std::tm tm = utcNow();
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y/%m/%d", &tm);
    return buf;
}

std::string nowIsoTimestamp()
{
    const std::tm tm = utcNow();
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S.000Z", &tm);
    return buf;
}

} // namespace eqlwb
