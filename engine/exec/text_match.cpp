#include "exec/text_match.h"

#include <cstdint>

namespace eqlwb {

namespace {

// Length of the UTF-8 sequence starting with lead byte c (1 for invalid bytes, so every byte
// string makes progress).
size_t sequenceLength(unsigned char c)
{
    if (c < 0xC0)
        return 1;
    if (c < 0xE0)
        return 2;
    if (c < 0xF0)
        return 3;
    if (c < 0xF8)
        return 4;
    return 1;
}

uint32_t foldCodePoint(uint32_t cp)
{
    if (cp >= 'A' && cp <= 'Z')
        return cp + 32;
    if (cp < 0x80)
        return cp;
    if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7))
        return cp + 32;
    if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x131 && cp != 0x138 && cp != 0x149
        && cp != 0x17F) {
        // Latin Extended-A pairs upper/lower as even/odd, except a block in the middle that is
        // odd/even (0x139..0x148 and 0x179..0x17E).
        const bool oddUpper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
        if (oddUpper)
            return (cp % 2 == 1) ? cp + 1 : cp;
        return (cp % 2 == 0) ? cp + 1 : cp;
    }
    if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2)
        return cp + 32;
    if (cp >= 0x410 && cp <= 0x42F)
        return cp + 32;
    if (cp >= 0x400 && cp <= 0x40F)
        return cp + 80;
    return cp;
}

void appendUtf8(std::string& out, uint32_t cp)
{
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

} // namespace

std::string foldCase(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
            ++i;
            continue;
        }
        // Only 2-byte sequences hold the blocks we fold; copy anything else verbatim.
        if ((c & 0xE0) == 0xC0 && i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
            const uint32_t cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
            appendUtf8(out, foldCodePoint(cp));
            i += 2;
            continue;
        }
        out.push_back(static_cast<char>(c));
        ++i;
    }
    return out;
}

bool wildcardMatch(std::string_view value, std::string_view pattern)
{
    // Greedy matching with a single backtrack point (the last `*`): linear for typical
    // patterns, O(value * pattern) at worst, never exponential.
    size_t v = 0, p = 0;
    size_t starP = std::string_view::npos, starV = 0;
    while (v < value.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            starP = p++;
            starV = v;
        } else if (p < pattern.size() && pattern[p] == '?') {
            v += sequenceLength(static_cast<unsigned char>(value[v]));
            ++p;
        } else if (p < pattern.size() && pattern[p] == value[v]) {
            ++v;
            ++p;
        } else if (starP != std::string_view::npos) {
            p = starP + 1;
            starV += sequenceLength(static_cast<unsigned char>(value[starV]));
            v = starV;
        } else {
            return false;
        }
    }
    if (v > value.size())
        return false; // a truncated UTF-8 sequence at the end
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

size_t utf8Length(std::string_view s)
{
    size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80;
    return n;
}

} // namespace eqlwb
