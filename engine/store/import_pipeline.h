// The import pipeline's pieces, shared by the parsing thread (event_source.cpp) and the SQLite
// writer (import.cpp): what travels from one to the other, a bounded queue.
#pragma once

#include "store/workspace.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace eqlwb::store_detail {

struct ChunkOut {
    int64_t fieldId = 0;
    uint32_t firstRow = 0;
    uint32_t rowCount = 0;
    std::string data;
};

struct FieldDelta {
    int64_t id = 0;
    std::string path;
    bool isNew = false;
    uint8_t types = 0; // the field's complete type bits after this source
    int64_t events = 0; // events of this source carrying it
};

struct Batch {
    enum class Kind { Events, SourceBegin, SourceEnd } kind = Kind::Events;
    size_t source = 0; // index into the import's source list
    // Events: ids firstId, firstId+1, ...
    int64_t firstId = 0;
    std::string raw;
    std::vector<uint32_t> rawEnds;
    std::vector<int64_t> ts; // INT64_MIN: none
    std::vector<int64_t> lines;
    std::vector<ChunkOut> chunks;
    std::vector<ImportError> errors;
    // SourceEnd
    std::string format, hash, mapping;
    int64_t events = 0, rejected = 0;
    bool unreadable = false;
    std::string note; // e.g. a mapping profile that fits, or a read error after good events
    std::vector<FieldDelta> fields;
};

// Bounded so the parser never runs far ahead of SQLite: memory stays flat.
class BatchQueue {
public:
    explicit BatchQueue(size_t capacity)
        : capacity_(capacity)
    {
    }
    // false when the queue was closed (the consumer stopped).
    bool push(std::unique_ptr<Batch> b);
    // nullptr when the producer finished and the queue is drained.
    std::unique_ptr<Batch> pop();
    void finish(); // producer side: no more batches
    void close(); // consumer side: stop the producer
    bool closed() const;

private:
    size_t capacity_;
    mutable std::mutex m_;
    std::condition_variable cv_;
    std::deque<std::unique_ptr<Batch>> q_;
    bool finished_ = false;
    bool closed_ = false;
};

struct SourceJob {
    std::string path;
    int64_t size = 0;
};

struct KnownField {
    int64_t id = 0;
    uint8_t types = 0;
};

} // namespace eqlwb::store_detail
