// Streaming bytes of one log file: plain or gzip (detected by its magic bytes, not its name),
// with a running content hash of the bytes on disk. Memory stays flat whatever the file size.
#pragma once

#include "core/result.h"

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

namespace eqlwb::store_detail {

// A fast 64-bit hash of a byte stream, fed in pieces (8 bytes a step; not cryptographic:
// it only tells a re-import of the same file from a different file).
class ContentHash {
public:
    void update(const char* data, size_t n);
    std::string hex(); // finishes the hash
private:
    uint64_t state_ = 0x6a09e667f3bcc909ULL;
    uint64_t length_ = 0;
    unsigned char tail_[8] = {};
    size_t tailSize_ = 0;
    void mix(uint64_t word);
};

// Hashes a whole file (used before importing when a same-sized source already exists).
Result<std::string> hashFile(const std::string& path);

class ByteReader {
public:
    ~ByteReader();
    static Result<std::unique_ptr<ByteReader>> open(const std::string& path);

    // Reads up to n decoded bytes; 0 at the end. A truncated or corrupt gzip stream is an
    // error after the bytes decoded before the damage were returned.
    Result<size_t> read(char* out, size_t n);

    bool gzip() const { return gzip_; }
    uint64_t fileBytesRead() const { return fileRead_; }
    uint64_t fileSize() const { return fileSize_; }
    std::string hashHex() { return hash_.hex(); }

private:
    ByteReader() = default;
    Result<size_t> readRaw(char* out, size_t n);
    std::FILE* file_ = nullptr;
    bool gzip_ = false;
    bool streamEnded_ = false;
    uint64_t fileRead_ = 0;
    uint64_t fileSize_ = 0;
    ContentHash hash_;
    struct Inflate;
    std::unique_ptr<Inflate> z_;
    std::string pending_; // raw bytes peeked at open
};

} // namespace eqlwb::store_detail
