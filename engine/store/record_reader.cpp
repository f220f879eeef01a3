// Streaming record splitting (see record_reader.h).
#include "store/record_reader.h"

#include <cstring>

namespace eqlwb::store_detail {

namespace {

constexpr size_t kReadBlock = 1 << 20;

// Advances the inside-a-string state by one byte; returns whether the string is still open.
bool stillInString(char c, bool& escape)
{
    if (escape) {
        escape = false;
        return true;
    }
    if (c == '\\') {
        escape = true;
        return true;
    }
    return c != '"';
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string megabytes(size_t n)
{
    return std::to_string(n >> 20) + "." + std::to_string(((n & ((1u << 20) - 1)) * 10) >> 20) + " MB";
}

} // namespace

RecordReader::RecordReader(ByteReader& in)
    : in_(in)
{
    cap_ = 2 * kReadBlock;
    buf_.reset(new char[cap_ + kRecordPadding]);
}

void RecordReader::compact(size_t keepFrom)
{
    if (keepFrom > 0) {
        std::memmove(buf_.get(), buf_.get() + keepFrom, size_ - keepFrom);
        size_ -= keepFrom;
        pos_ -= keepFrom;
    }
}

bool RecordReader::fill()
{
    if (eof_)
        return false;
    if (cap_ - size_ < kReadBlock) {
        // Grow (a document longer than the buffer); bounded by kMaxDocumentBytes callers.
        const size_t newCap = cap_ * 2;
        std::unique_ptr<char[]> nb(new char[newCap + kRecordPadding]);
        std::memcpy(nb.get(), buf_.get(), size_);
        buf_ = std::move(nb);
        cap_ = newCap;
    }
    auto got = in_.read(buf_.get() + size_, cap_ - size_);
    if (!got) {
        ioError_ = got.error().message;
        eof_ = true;
        return false;
    }
    if (*got == 0) {
        eof_ = true;
        return false;
    }
    size_ += *got;
    std::memset(buf_.get() + size_, 0, kRecordPadding);
    return true;
}

Status RecordReader::start()
{
    while (size_ < 4096 && fill()) { }
    size_t i = 0;
    // Skip a UTF-8 byte order mark.
    if (size_ >= 3 && std::memcmp(buf_.get(), "\xEF\xBB\xBF", 3) == 0)
        pos_ = i = 3;
    for (size_t k = 0; k < size_; ++k) {
        if (buf_[k] == '\0')
            return Error{"binary", "binary content (NUL bytes), not a JSON log", {}};
    }
    while (i < size_ && isSpace(buf_[i]))
        ++i;
    if (i == size_) {
        layout_ = Layout::Ndjson; // empty: next() finds nothing
        return Ok{};
    }
    if (buf_[i] != '{' && buf_[i] != '[') {
        // Not JSON at the start; read it as lines so every good line further on is kept.
        layout_ = Layout::Ndjson;
        return Ok{};
    }
    // NDJSON when the first line holds one complete JSON value: count brackets outside strings.
    int depth = 0;
    bool inStr = false, esc = false, complete = false;
    size_t k = i;
    for (; k < size_ && buf_[k] != '\n'; ++k) {
        const char c = buf_[k];
        if (inStr) {
            inStr = stillInString(c, esc);
            continue;
        }
        if (c == '"')
            inStr = true;
        else if (c == '{' || c == '[')
            ++depth;
        else if (c == '}' || c == ']') {
            if (--depth == 0) {
                complete = true;
                ++k;
                break;
            }
        }
    }
    bool restIsBlank = true;
    for (; complete && k < size_ && buf_[k] != '\n'; ++k)
        restIsBlank = restIsBlank && isSpace(buf_[k]);
    // A one-line file holding a single array is an array, not NDJSON.
    const bool singleLineArray = buf_[i] == '[' && complete;
    layout_ = (complete && restIsBlank && !singleLineArray) ? Layout::Ndjson : Layout::JsonStream;
    return Ok{};
}

bool RecordReader::next(RawRecord& out)
{
    return layout_ == Layout::JsonStream ? nextValue(out) : nextLine(out);
}

bool RecordReader::nextLine(RawRecord& out)
{
    for (;;) {
        // Skip blank lines.
        while (pos_ < size_
            && (buf_[pos_] == '\n' || buf_[pos_] == '\r' || buf_[pos_] == ' ' || buf_[pos_] == '\t')) {
            if (buf_[pos_] == '\n')
                ++line_;
            ++pos_;
        }
        if (pos_ == size_) {
            size_ = pos_ = 0;
            if (!fill())
                return false;
            continue;
        }
        const char* start = buf_.get() + pos_;
        const char* nl = static_cast<const char*>(std::memchr(start, '\n', size_ - pos_));
        if (!nl && !eof_) {
            if (size_ - pos_ > kMaxDocumentBytes) {
                // Too long: report and skip the rest of the line without buffering it.
                const int64_t line = line_;
                size_t skipped = size_ - pos_;
                size_ = pos_ = 0;
                for (;;) {
                    if (!fill())
                        break;
                    const char* p = static_cast<const char*>(std::memchr(buf_.get(), '\n', size_));
                    if (p) {
                        pos_ = size_t(p - buf_.get());
                        skipped += pos_;
                        break;
                    }
                    skipped += size_;
                    size_ = 0;
                }
                out.text = {};
                out.line = line;
                out.error = "line is " + megabytes(skipped) + " long, over the "
                    + megabytes(kMaxDocumentBytes) + " limit for one event";
                return true;
            }
            compact(pos_);
            fill();
            continue;
        }
        const size_t len = nl ? size_t(nl - start) : size_ - pos_;
        if (len > kMaxDocumentBytes) {
            out.text = {};
            out.line = line_;
            out.error = "line is " + megabytes(len) + " long, over the " + megabytes(kMaxDocumentBytes)
                + " limit for one event";
            pos_ += len;
            return true;
        }
        size_t trimmed = len;
        while (trimmed > 0
            && (start[trimmed - 1] == '\r' || start[trimmed - 1] == ' ' || start[trimmed - 1] == '\t'))
            --trimmed;
        out.text = std::string_view(start, trimmed);
        out.line = line_;
        out.error.clear();
        pos_ += len;
        // The byte after the record (the '\n') and the padding stay readable until the next call.
        return true;
    }
}

bool RecordReader::nextValue(RawRecord& out)
{
    size_t recStart = 0;
    bool capturing = false;
    bool skipping = false; // inside an over-long element, not buffering it
    int64_t recLine = 0;
    size_t skippedBytes = 0;
    for (;;) {
        if (pos_ == size_) {
            if (capturing) {
                if (pos_ - recStart > kMaxDocumentBytes) {
                    skippedBytes = pos_ - recStart;
                    capturing = false;
                    skipping = true;
                    size_ = pos_ = 0;
                } else {
                    compact(recStart);
                    recStart = 0;
                }
            } else {
                if (skipping)
                    skippedBytes += size_;
                size_ = pos_ = 0;
            }
            if (!fill()) {
                if (capturing || skipping) {
                    out.text = {};
                    out.line = recLine;
                    out.error = skipping
                        ? "document is longer than the " + megabytes(kMaxDocumentBytes) + " limit"
                        : "the file ends inside this JSON document (truncated?)";
                    depth_ = 0;
                    return true;
                }
                return false;
            }
            continue;
        }
        const char c = buf_[pos_];
        if (c == '\n')
            ++line_;
        if (inString_) {
            inString_ = stillInString(c, escape_);
            ++pos_;
            if (!inString_ && depth_ == 0 && capturing) {
                // A bare string at document level: one (rejected) document of its own.
                out.text = std::string_view(buf_.get() + recStart, pos_ - recStart);
                out.line = recLine;
                out.error.clear();
                return true;
            }
            continue;
        }
        if (isSpace(c) || c == ',' || c == ':') {
            ++pos_;
            continue;
        }
        if (c == '[' && depth_ == 0 && !inTopArray_) {
            inTopArray_ = true; // its elements are the documents
            ++pos_;
            continue;
        }
        if (c == ']' && depth_ == 0 && inTopArray_) {
            inTopArray_ = false;
            ++pos_;
            continue;
        }
        const bool atElementStart = !capturing && !skipping && depth_ == 0;
        if (atElementStart) {
            capturing = true;
            recStart = pos_;
            recLine = line_;
        }
        if (c == '{' || c == '[') {
            ++depth_;
        } else if (c == '}' || c == ']') {
            --depth_;
            if (depth_ < 0) {
                // Stray closing bracket: reject it as one bad piece and resynchronise.
                depth_ = 0;
                ++pos_;
                out.text = {};
                out.line = line_;
                out.error = std::string("unexpected '") + c + "'";
                return true;
            }
        } else if (c == '"') {
            inString_ = true;
        } else if (depth_ == 0) {
            // A bare scalar at document level: take the run of scalar characters.
            while (pos_ + 1 < size_ && !isSpace(buf_[pos_ + 1]) && buf_[pos_ + 1] != ','
                && buf_[pos_ + 1] != ']' && buf_[pos_ + 1] != '[' && buf_[pos_ + 1] != '{')
                ++pos_;
        }
        ++pos_;
        if (depth_ == 0 && !inString_ && (capturing || skipping)) {
            if (skipping) {
                out.text = {};
                out.line = recLine;
                out.error = "document is " + megabytes(skippedBytes + pos_) + " long, over the "
                    + megabytes(kMaxDocumentBytes) + " limit for one event";
                return true;
            }
            out.text = std::string_view(buf_.get() + recStart, pos_ - recStart);
            out.line = recLine;
            out.error.clear();
            return true;
        }
    }
}

} // namespace eqlwb::store_detail
