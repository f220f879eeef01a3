// The deterministic random source of the differential tests (fast path versus reference
// evaluators): splitmix64, so generated events and queries are the same on every platform and
// standard library.
#pragma once

#include <cstdint>
#include <vector>

namespace eqlwb::test {

class ReferenceRng {
public:
    explicit ReferenceRng(uint64_t seed)
        : state_(seed)
    {
    }
    uint64_t next()
    {
        uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<uint64_t>(n)); }
    bool chance(int percent) { return below(100) < percent; }
    template <typename T> const T& pick(const std::vector<T>& v)
    {
        return v[static_cast<size_t>(below(static_cast<int>(v.size())))];
    }

private:
    uint64_t state_;
};

} // namespace eqlwb::test
