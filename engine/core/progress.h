// Progress reporting and cancellation for long engine work (imports, runs).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>

namespace eqlwb {

struct Progress {
    uint64_t bytesDone = 0;
    uint64_t bytesTotal = 0; // 0 when unknown
    uint64_t itemsDone = 0; // events, rows, ...
};

// Called from the working thread; keep it cheap. The engine calls it at most every few ms.
using ProgressFn = std::function<void(const Progress&)>;

// Shared flag the UI sets and the engine polls; cheap to copy.
class CancelToken {
public:
    CancelToken()
        : flag_(std::make_shared<std::atomic<bool>>(false))
    {
    }
    void cancel() const { flag_->store(true, std::memory_order_relaxed); }
    bool cancelled() const { return flag_->load(std::memory_order_relaxed); }

private:
    std::shared_ptr<std::atomic<bool>> flag_;
};

} // namespace eqlwb
