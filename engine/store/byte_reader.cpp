// File and gzip streaming with a content hash (see byte_reader.h).
#include "store/byte_reader.h"

#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <vector>
#include <zlib.h>

namespace eqlwb::store_detail {

namespace {

constexpr uint64_t kMul = 0x9E3779B97F4A7C15ULL;

uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

constexpr size_t kRawBlock = 1 << 18;

} // namespace

void ContentHash::mix(uint64_t word) { state_ = rotl(state_ ^ (word * kMul), 29) * 0xBF58476D1CE4E5B9ULL; }

void ContentHash::update(const char* data, size_t n)
{
    length_ += n;
    while (n > 0 && tailSize_ > 0 && tailSize_ < 8) {
        tail_[tailSize_++] = static_cast<unsigned char>(*data++);
        --n;
        if (tailSize_ == 8) {
            uint64_t w;
            std::memcpy(&w, tail_, 8);
            mix(w);
            tailSize_ = 0;
        }
    }
    while (n >= 8) {
        uint64_t w;
        std::memcpy(&w, data, 8);
        mix(w);
        data += 8;
        n -= 8;
    }
    std::memcpy(tail_ + tailSize_, data, n);
    tailSize_ += n;
}

std::string ContentHash::hex()
{
    uint64_t w = 0;
    std::memcpy(&w, tail_, tailSize_);
    uint64_t h = state_ ^ rotl(w * kMul, 17) ^ (length_ * 0x94D049BB133111EBULL);
    h ^= h >> 31;
    h *= 0xD6E8FEB86659FD93ULL;
    h ^= h >> 32;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%016llx-%llx", static_cast<unsigned long long>(h),
        static_cast<unsigned long long>(length_));
    return buf;
}

Result<std::string> hashFile(const std::string& path)
{
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f)
        return Error{"io", path + ": " + std::strerror(errno), {}};
    std::vector<char> buf(kRawBlock);
    ContentHash h;
    size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), f)) > 0)
        h.update(buf.data(), n);
    const bool bad = std::ferror(f);
    std::fclose(f);
    if (bad)
        return Error{"io", path + ": read error", {}};
    return h.hex();
}

struct ByteReader::Inflate {
    z_stream zs{};
    std::vector<char> in = std::vector<char>(kRawBlock);
    bool initialised = false;
    ~Inflate()
    {
        if (initialised)
            inflateEnd(&zs);
    }
};

ByteReader::~ByteReader()
{
    if (file_)
        std::fclose(file_);
}

Result<std::unique_ptr<ByteReader>> ByteReader::open(const std::string& path)
{
    struct stat st { };
    if (::stat(path.c_str(), &st) != 0)
        return Error{"io", path + ": " + std::strerror(errno), {}};
    if (!S_ISREG(st.st_mode))
        return Error{"io", path + ": not a regular file", {}};
    std::unique_ptr<ByteReader> r(new ByteReader());
    r->file_ = std::fopen(path.c_str(), "rb");
    if (!r->file_)
        return Error{"io", path + ": " + std::strerror(errno), {}};
    r->fileSize_ = uint64_t(st.st_size);
    char magic[2];
    const size_t got = std::fread(magic, 1, 2, r->file_);
    r->fileRead_ = got;
    r->hash_.update(magic, got);
    r->pending_.assign(magic, got);
    if (got == 2 && uint8_t(magic[0]) == 0x1f && uint8_t(magic[1]) == 0x8b) {
        r->gzip_ = true;
        r->z_ = std::make_unique<Inflate>();
        // 16 + MAX_WBITS: gzip wrapper only.
        if (inflateInit2(&r->z_->zs, 16 + MAX_WBITS) != Z_OK)
            return Error{"io", path + ": cannot start gzip decompression", {}};
        r->z_->initialised = true;
    }
    return r;
}

Result<size_t> ByteReader::readRaw(char* out, size_t n)
{
    size_t done = 0;
    if (!pending_.empty()) {
        done = std::min(n, pending_.size());
        std::memcpy(out, pending_.data(), done);
        pending_.erase(0, done);
        if (done == n)
            return done;
    }
    const size_t got = std::fread(out + done, 1, n - done, file_);
    if (got < n - done && std::ferror(file_))
        return Error{"io", std::string("read error: ") + std::strerror(errno), {}};
    fileRead_ += got;
    hash_.update(out + done, got);
    return done + got;
}

Result<size_t> ByteReader::read(char* out, size_t n)
{
    if (!gzip_)
        return readRaw(out, n);
    auto& zs = z_->zs;
    zs.next_out = reinterpret_cast<Bytef*>(out);
    zs.avail_out = static_cast<uInt>(n);
    while (zs.avail_out > 0) {
        if (zs.avail_in == 0) {
            auto got = readRaw(z_->in.data(), z_->in.size());
            if (!got)
                return got.error();
            if (*got == 0) {
                if (!streamEnded_ && zs.avail_out < n)
                    break; // hand out what was decoded; the next call reports the damage
                if (!streamEnded_)
                    return Error{"truncated-gzip",
                        "the gzip stream ends early (truncated file?) after " + std::to_string(fileRead_)
                            + " bytes",
                        {}};
                break;
            }
            zs.next_in = reinterpret_cast<Bytef*>(z_->in.data());
            zs.avail_in = static_cast<uInt>(*got);
            if (streamEnded_) {
                // Another gzip member follows (concatenated .gz files are one stream).
                inflateReset(&zs);
                streamEnded_ = false;
            }
        }
        const int rc = inflate(&zs, Z_NO_FLUSH);
        if (rc == Z_STREAM_END) {
            streamEnded_ = true;
            if (zs.avail_in > 0) {
                inflateReset(&zs);
                streamEnded_ = false;
            }
            continue;
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR && zs.avail_out < n)
            break;
        if (rc != Z_OK && rc != Z_BUF_ERROR)
            return Error{"bad-gzip",
                std::string("the gzip data is corrupt: ") + (zs.msg ? zs.msg : "inflate failed"), {}};
        if (rc == Z_BUF_ERROR && zs.avail_in > 0)
            return Error{"bad-gzip", "the gzip data is corrupt", {}};
    }
    const size_t produced = n - zs.avail_out;
    if (produced == 0 && zs.avail_in == 0 && streamEnded_)
        return size_t(0);
    return produced;
}

} // namespace eqlwb::store_detail
