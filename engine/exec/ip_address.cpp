#include "exec/ip_address.h"

#include <charconv>
#include <vector>

namespace eqlwb {

namespace {

std::optional<std::array<uint8_t, 4>> parseV4(std::string_view s)
{
    std::array<uint8_t, 4> out{};
    size_t pos = 0;
    for (int part = 0; part < 4; ++part) {
        if (part > 0) {
            if (pos >= s.size() || s[pos] != '.')
                return std::nullopt;
            ++pos;
        }
        size_t start = pos;
        unsigned value = 0;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9' && pos - start < 3)
            value = value * 10 + static_cast<unsigned>(s[pos++] - '0');
        if (pos == start || value > 255)
            return std::nullopt;
        out[part] = static_cast<uint8_t>(value);
    }
    if (pos != s.size())
        return std::nullopt;
    return out;
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::optional<std::array<uint8_t, 16>> parseV6(std::string_view s)
{
    // Split around "::" (at most once), parse both halves as groups, the last group of the
    // whole address may be a dotted IPv4.
    const size_t gap = s.find("::");
    if (gap != std::string_view::npos && s.find("::", gap + 1) != std::string_view::npos)
        return std::nullopt;
    auto parseGroups = [](std::string_view part, std::vector<uint16_t>& groups, bool allowV4Tail) -> bool {
        if (part.empty())
            return true;
        size_t pos = 0;
        while (true) {
            const size_t colon = part.find(':', pos);
            const auto group
                = part.substr(pos, colon == std::string_view::npos ? std::string_view::npos : colon - pos);
            if (colon == std::string_view::npos && allowV4Tail && group.find('.') != std::string_view::npos) {
                auto v4 = parseV4(group);
                if (!v4)
                    return false;
                groups.push_back(static_cast<uint16_t>(((*v4)[0] << 8) | (*v4)[1]));
                groups.push_back(static_cast<uint16_t>(((*v4)[2] << 8) | (*v4)[3]));
                return true;
            }
            if (group.empty() || group.size() > 4)
                return false;
            unsigned value = 0;
            for (char c : group) {
                const int d = hexDigit(c);
                if (d < 0)
                    return false;
                value = value * 16 + static_cast<unsigned>(d);
            }
            groups.push_back(static_cast<uint16_t>(value));
            if (colon == std::string_view::npos)
                return true;
            pos = colon + 1;
        }
    };
    std::vector<uint16_t> head, tail;
    if (gap == std::string_view::npos) {
        if (!parseGroups(s, head, true) || head.size() != 8)
            return std::nullopt;
    } else {
        if (!parseGroups(s.substr(0, gap), head, false) || !parseGroups(s.substr(gap + 2), tail, true))
            return std::nullopt;
        if (head.size() + tail.size() > 7)
            return std::nullopt;
        head.resize(8 - tail.size(), 0);
        head.insert(head.end(), tail.begin(), tail.end());
    }
    std::array<uint8_t, 16> out{};
    for (size_t i = 0; i < 8; ++i) {
        out[2 * i] = static_cast<uint8_t>(head[i] >> 8);
        out[2 * i + 1] = static_cast<uint8_t>(head[i] & 0xFF);
    }
    return out;
}

} // namespace

std::optional<IpAddress> parseIpAddress(std::string_view text)
{
    if (text.size() > 64)
        return std::nullopt;
    IpAddress ip;
    if (text.find(':') == std::string_view::npos) {
        auto v4 = parseV4(text);
        if (!v4)
            return std::nullopt;
        ip.bytes[10] = 0xFF;
        ip.bytes[11] = 0xFF;
        for (int i = 0; i < 4; ++i)
            ip.bytes[12 + i] = (*v4)[i];
        ip.isV4 = true;
        return ip;
    }
    // Drop an IPv6 zone id ("fe80::1%eth0").
    const size_t zone = text.find('%');
    auto v6 = parseV6(text.substr(0, zone));
    if (!v6)
        return std::nullopt;
    ip.bytes = *v6;
    return ip;
}

std::optional<CidrBlock> parseCidr(std::string_view text)
{
    const size_t slash = text.find('/');
    auto base = parseIpAddress(text.substr(0, slash));
    if (!base)
        return std::nullopt;
    CidrBlock block;
    block.base = *base;
    if (slash == std::string_view::npos) {
        block.prefixBits = 128;
        return block;
    }
    const auto bitsText = text.substr(slash + 1);
    int bits = 0;
    auto [ptr, ec] = std::from_chars(bitsText.data(), bitsText.data() + bitsText.size(), bits);
    if (ec != std::errc() || ptr != bitsText.data() + bitsText.size() || bits < 0)
        return std::nullopt;
    if (base->isV4) {
        if (bits > 32)
            return std::nullopt;
        bits += 96;
    } else if (bits > 128) {
        return std::nullopt;
    }
    block.prefixBits = bits;
    return block;
}

bool cidrContains(const CidrBlock& block, const IpAddress& ip)
{
    int bits = block.prefixBits;
    for (size_t i = 0; i < 16 && bits > 0; ++i, bits -= 8) {
        const uint8_t mask = bits >= 8 ? 0xFF : static_cast<uint8_t>(0xFF << (8 - bits));
        if ((block.base.bytes[i] & mask) != (ip.bytes[i] & mask))
            return false;
    }
    return true;
}

} // namespace eqlwb
