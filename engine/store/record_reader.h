// Splits a log file's decoded bytes into candidate event documents, streaming:
// - NDJSON (the first line is a complete JSON value): one document a line, blank lines skipped;
//   a malformed line stays one bad line and cannot swallow the next ones.
// - Otherwise a stream of JSON values, pretty-printed or not: each top-level object is one
//   document, and a top-level array gives each of its elements (a JSON array of events or of
//   Elasticsearch hits) without holding the whole array in memory.
// Which documents are events, hits or whole _search responses is decided after parsing
// (event_source.cpp). Every document is bounded (kMaxDocumentBytes): longer ones are skipped
// with an error, without being buffered.
#pragma once

#include "core/result.h"
#include "store/byte_reader.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace eqlwb::store_detail {

constexpr size_t kMaxDocumentBytes = 32u << 20;

enum class Layout { Unknown, Ndjson, JsonStream };

struct RawRecord {
    std::string_view text; // followed by at least kRecordPadding readable bytes (for simdjson)
    int64_t line = 0; // 1-based line the record starts on
    std::string error; // non-empty: this record is a rejected piece of input (text is empty)
};

constexpr size_t kRecordPadding = 64;

class RecordReader {
public:
    explicit RecordReader(ByteReader& in);

    // Decides the layout from the first bytes: an error for a binary file (clear message).
    // An empty (or all-whitespace) file is fine: next() then returns false straight away.
    Status start();
    Layout layout() const { return layout_; }

    // false at the end of the input; an I/O or gzip error after the good records is in error().
    bool next(RawRecord& out);
    const std::string& error() const { return ioError_; }

private:
    bool fill(); // reads more bytes; false at end or error
    bool nextLine(RawRecord& out);
    bool nextValue(RawRecord& out);
    void compact(size_t keepFrom);

    ByteReader& in_;
    Layout layout_ = Layout::Unknown;
    std::unique_ptr<char[]> buf_;
    size_t cap_ = 0;
    size_t size_ = 0; // valid bytes in buf_
    size_t pos_ = 0; // scan position
    bool eof_ = false;
    std::string ioError_;
    int64_t line_ = 1; // line of buf_[pos_]
    // JSON-stream scanner state
    int depth_ = 0;
    bool inString_ = false;
    bool escape_ = false;
    bool inTopArray_ = false;
};

} // namespace eqlwb::store_detail
