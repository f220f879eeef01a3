// IPv4 / IPv6 addresses for `cidrMatch` and for comparing `ip`-typed fields by address.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace eqlwb {

// An address as 16 bytes; IPv4 is stored IPv4-mapped (::ffff:a.b.c.d), as Elasticsearch does.
struct IpAddress {
    std::array<uint8_t, 16> bytes{};
    bool isV4 = false;
    friend auto operator<=>(const IpAddress& a, const IpAddress& b) { return a.bytes <=> b.bytes; }
    friend bool operator==(const IpAddress& a, const IpAddress& b) { return a.bytes == b.bytes; }
};

std::optional<IpAddress> parseIpAddress(std::string_view text);

// "addr/prefix" (or a bare address: a /32 or /128 block). Host bits are ignored.
struct CidrBlock {
    IpAddress base;
    int prefixBits = 128; // over the 16-byte form
};

std::optional<CidrBlock> parseCidr(std::string_view text);
bool cidrContains(const CidrBlock& block, const IpAddress& ip);

} // namespace eqlwb
