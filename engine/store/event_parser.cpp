// The parsing thread of an import (see event_parser.h).
#include "store/event_parser.h"

#include "store/column_codec.h"
#include "store/record_reader.h"
#include "store/timestamp.h"

#include <limits>
#include <simdjson.h>
#include <unordered_map>

namespace eqlwb::store_detail {

namespace {

constexpr uint32_t kChunkRows = 65536;
constexpr size_t kChunkBytes = 48u << 20;
constexpr size_t kBatchEvents = 4096;
constexpr size_t kBatchBytes = 8u << 20;
constexpr int64_t kNoTimestamp = std::numeric_limits<int64_t>::min();

struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct FieldBuilder {
    std::string path;
    int64_t id = 0;
    bool isNew = false;
    bool isTimestamp = false;
    uint8_t types = 0; // all types seen so far (including before this import)
    int64_t sourceEvents = 0; // events of the current source carrying it
    bool touchedInSource = false;
    ColumnChunkBuilder chunk;
};

std::optional<int64_t> timestampOf(const ScalarRef& v)
{
    switch (v.type) {
    case ValueType::String:
        return parseTimestampText(v.s);
    case ValueType::Int:
        return epochMillisToNanos(v.i);
    case ValueType::Double:
        return epochMillisToNanos(v.d);
    default:
        return std::nullopt;
    }
}

class Parser {
public:
    Parser(ParseSettings& s, BatchQueue& q)
        : s_(s)
        , q_(q)
        , nextId_(s.firstId)
        , nextFieldId_(s.nextFieldId)
    {
        for (auto& [path, known] : s_.knownFields) {
            auto b = std::make_unique<FieldBuilder>();
            b->path = path;
            b->id = known.id;
            b->types = known.types;
            b->isTimestamp = path == s_.timestampField;
            index_.emplace(b->path, builders_.size());
            builders_.push_back(std::move(b));
        }
    }

    void run()
    {
        for (size_t i = 0; i < s_.jobs.size(); ++i) {
            if (stopped())
                return;
            runSource(i);
        }
    }

private:
    bool stopped() const { return s_.cancel.cancelled() || q_.closed(); }

    void runSource(size_t index)
    {
        const SourceJob& job = s_.jobs[index];
        auto begin = std::make_unique<Batch>();
        begin->kind = Batch::Kind::SourceBegin;
        begin->source = index;
        if (!q_.push(std::move(begin)))
            return;
        source_ = index;
        sourceEvents_ = sourceRejected_ = 0;
        sawHits_ = false;
        suggestion_.clear();
        note_.clear();
        chunkFirstRow_ = uint32_t(nextId_ - 1);
        startBatch();

        std::string format = "unreadable";
        std::string hash;
        auto reader = ByteReader::open(job.path);
        if (!reader) {
            note_ = reader.error().message;
            endSource(format, hash, /*unreadable=*/true);
            return;
        }
        RecordReader records(**reader);
        if (auto st = records.start(); !st) {
            note_ = st.error().message;
            hash = (*reader)->hashHex();
            endSource(format, hash, true);
            return;
        }
        const bool stream = records.layout() == Layout::JsonStream;
        RawRecord rec;
        uint64_t lastBytes = 0;
        while (records.next(rec)) {
            if (!rec.error.empty()) {
                reject(rec.line, rec.error);
            } else {
                handleRecord(rec, stream);
            }
            if (batch_->rawEnds.size() >= kBatchEvents || batch_->raw.size() >= kBatchBytes
                || batch_->errors.size() >= kBatchEvents) {
                if (!flushBatch(false))
                    return;
                const uint64_t now = (*reader)->fileBytesRead();
                if (s_.bytesRead)
                    s_.bytesRead->fetch_add(now - lastBytes, std::memory_order_relaxed);
                lastBytes = now;
                if (stopped())
                    return;
            }
        }
        if (s_.bytesRead)
            s_.bytesRead->fetch_add((*reader)->fileBytesRead() - lastBytes, std::memory_order_relaxed);
        if (!records.error().empty()) {
            ++sourceRejected_;
            batch_->errors.push_back(ImportError{job.path, lastLine_ + 1, records.error()});
            note_ = records.error() + (sourceEvents_ ? "; the events before it were imported" : "");
        }
        format = sawHits_ ? "es-search" : stream ? "json" : "ndjson";
        if ((*reader)->gzip())
            format += "+gzip";
        hash = (*reader)->hashHex();
        endSource(format, hash, false);
    }

    void reject(int64_t line, std::string message)
    {
        ++sourceRejected_;
        lastLine_ = line;
        batch_->errors.push_back(ImportError{s_.jobs[source_].path, line, std::move(message)});
    }

    void handleRecord(const RawRecord& rec, bool stream)
    {
        lastLine_ = rec.line;
        simdjson::dom::element root;
        // The record is followed by kRecordPadding readable bytes: no copy needed.
        static_assert(kRecordPadding >= simdjson::SIMDJSON_PADDING);
        auto err = parser_.parse(reinterpret_cast<const uint8_t*>(rec.text.data()), rec.text.size(), false)
                       .get(root);
        if (err) {
            reject(rec.line,
                err == simdjson::DEPTH_ERROR ? "JSON nested too deeply"
                                             : std::string("invalid JSON: ") + simdjson::error_message(err));
            return;
        }
        if (root.type() != simdjson::dom::element_type::OBJECT) {
            reject(rec.line, "not a JSON object");
            return;
        }
        // A whole _search response: its hits are the events.
        simdjson::dom::array hits;
        simdjson::dom::object hitsObj;
        if (root["hits"].get(hitsObj) == simdjson::SUCCESS
            && hitsObj["hits"].get(hits) == simdjson::SUCCESS) {
            sawHits_ = true;
            for (auto hit : hits)
                handleDocument(hit, rec, true);
            return;
        }
        handleDocument(root, rec, stream);
    }

    // `reminify`: the stored raw text is re-serialised (pretty-printed input, hits), else the
    // record text is stored as it was.
    void handleDocument(simdjson::dom::element doc, const RawRecord& rec, bool reminify)
    {
        simdjson::dom::object obj;
        if (doc.get(obj) != simdjson::SUCCESS) {
            reject(rec.line, "a hit that is not a JSON object");
            return;
        }
        simdjson::dom::object source;
        const bool isHit = obj["_source"].get(source) == simdjson::SUCCESS;
        simdjson::dom::element body = doc;
        if (isHit) {
            sawHits_ = true;
            body = obj["_source"];
        }
        if (sourceEvents_ == 0 && suggestion_.empty() && !s_.mapping)
            suggestProfile(body);

        const uint32_t row = uint32_t(nextId_ - 1) - chunkFirstRow_;
        int64_t ts = kNoTimestamp;
        startEventOrder();
        path_.clear();
        WalkResult wr;
        if (s_.mapping) {
            wr = mapDocument(body, row, ts);
        } else {
            auto sink = [&](std::string_view path, const ScalarRef& v) { emit(path, v, row, ts); };
            wr = walkJson(body, path_, sink);
            if (isHit) {
                std::string_view id, idx;
                if (obj["_id"].get(id) == simdjson::SUCCESS)
                    emit("_id", ScalarRef{ValueType::String, false, 0, 0, id}, row, ts);
                if (obj["_index"].get(idx) == simdjson::SUCCESS)
                    emit("_index", ScalarRef{ValueType::String, false, 0, 0, idx}, row, ts);
            }
        }
        if (wr == WalkResult::TooDeep) {
            // Values of this event already went into chunk builders: the row keeps them only if
            // the event is kept, so roll the row back by dropping the event's values.
            rollbackRow(row);
            reject(rec.line, "JSON nested deeper than " + std::to_string(kMaxFlattenDepth) + " levels");
            return;
        }
        touched_.clear();
        if (reminify || isHit)
            batch_->raw += simdjson::minify(body);
        else
            batch_->raw.append(rec.text);
        batch_->rawEnds.push_back(uint32_t(batch_->raw.size()));
        batch_->ts.push_back(ts);
        batch_->lines.push_back(rec.line);
        ++nextId_;
        ++sourceEvents_;
        if (row + 1 >= kChunkRows || chunkBytes_ >= kChunkBytes)
            flushChunks();
    }

    WalkResult mapDocument(simdjson::dom::element body, uint32_t row, int64_t& ts)
    {
        in_.clear();
        out_.clear();
        storage_.clear();
        auto collect = [&](std::string_view path, const ScalarRef& v) {
            in_.push_back(MappedField{std::string(path), v});
        };
        const WalkResult wr = walkJson(body, path_, collect);
        if (wr != WalkResult::Ok)
            return wr;
        s_.mapping->apply(in_, out_, storage_);
        for (const auto& f : out_)
            emit(f.path, f.value, row, ts);
        return wr;
    }

    void suggestProfile(simdjson::dom::element body)
    {
        for (const auto& p : s_.suggestions) {
            bool fits = !p->detectFields().empty();
            for (const auto& f : p->detectFields())
                fits = fits && body[f].error() == simdjson::SUCCESS;
            if (fits) {
                suggestion_ = p->name();
                return;
            }
        }
    }

    void emit(std::string_view path, const ScalarRef& v, uint32_t row, int64_t& ts)
    {
        FieldBuilder& b = builderFor(path);
        if (b.chunk.empty())
            touchedInChunk_.push_back(&b);
        const size_t before = b.chunk.byteSize();
        const uint32_t rowsBefore = b.chunk.rowsWithField();
        b.chunk.add(row, v);
        chunkBytes_ += b.chunk.byteSize() - before;
        if (b.chunk.rowsWithField() != rowsBefore) {
            ++b.sourceEvents;
            touched_.push_back(&b);
            if (!b.touchedInSource) {
                b.touchedInSource = true;
                touchedInSource_.push_back(&b);
            }
        }
        if (b.isTimestamp && ts == kNoTimestamp) {
            if (auto t = timestampOf(v))
                ts = *t;
        }
    }

    void rollbackRow(uint32_t row)
    {
        // Rare path (a document too deep to flatten): rebuild the touched builders without row.
        for (FieldBuilder* b : touched_) {
            --b->sourceEvents;
            (void)row;
        }
        // The chunk encoding is append-only; re-encode affected chunks by dropping their tail.
        for (FieldBuilder* b : touched_)
            truncateRow(*b, row);
        touched_.clear();
    }

    static void truncateRow(FieldBuilder& b, uint32_t row)
    {
        // Decode and re-add everything before `row`.
        FieldColumn tmp;
        std::vector<uint32_t> counts(size_t(row) + 2, 0);
        const std::string data = b.chunk.serialize();
        tmp.values.clear();
        // Rows up to `row` inclusive fit in counts; decode what precedes.
        (void)decodeChunk(data, 0, row + 1, tmp, counts);
        const uint8_t types = b.chunk.typeBits();
        b.chunk.clear();
        size_t vi = 0;
        for (uint32_t r = 0; r < row; ++r) {
            for (uint32_t k = 0; k < counts[r + 1]; ++k, ++vi) {
                const Value& v = tmp.values[vi];
                ScalarRef s;
                s.type = typeOf(v);
                if (auto* p = std::get_if<bool>(&v))
                    s.b = *p;
                else if (auto* i = std::get_if<int64_t>(&v))
                    s.i = *i;
                else if (auto* d = std::get_if<double>(&v))
                    s.d = *d;
                else if (auto* str = std::get_if<std::string>(&v))
                    s.s = *str;
                b.chunk.add(r, s);
            }
        }
        (void)types;
    }

    FieldBuilder& builderFor(std::string_view path)
    {
        // Events of one log mostly list the same fields in the same order: try the builder
        // that came at this position in the previous event before hashing the path.
        const size_t at = emitted_++;
        if (at < lastOrder_.size() && lastOrder_[at]->path == path) {
            FieldBuilder* b = lastOrder_[at];
            order_.push_back(b);
            return *b;
        }
        FieldBuilder& b = lookupBuilder(path);
        order_.push_back(&b);
        return b;
    }

    void startEventOrder()
    {
        if (!order_.empty())
            lastOrder_.swap(order_);
        order_.clear();
        emitted_ = 0;
    }

    FieldBuilder& lookupBuilder(std::string_view path)
    {
        auto it = index_.find(path);
        if (it != index_.end())
            return *builders_[it->second];
        auto b = std::make_unique<FieldBuilder>();
        b->path = std::string(path);
        b->id = nextFieldId_++;
        b->isNew = true;
        b->isTimestamp = path == s_.timestampField;
        index_.emplace(b->path, builders_.size());
        builders_.push_back(std::move(b));
        return *builders_.back();
    }

    void flushChunks()
    {
        const uint32_t rows = uint32_t(nextId_ - 1) - chunkFirstRow_;
        for (FieldBuilder* b : touchedInChunk_) {
            if (b->chunk.empty())
                continue;
            b->types |= b->chunk.typeBits();
            batch_->chunks.push_back(ChunkOut{b->id, chunkFirstRow_, rows, b->chunk.serialize()});
            b->chunk.clear();
        }
        touchedInChunk_.clear();
        chunkFirstRow_ = uint32_t(nextId_ - 1);
        chunkBytes_ = 0;
    }

    void startBatch()
    {
        batch_ = std::make_unique<Batch>();
        batch_->source = source_;
        batch_->firstId = nextId_;
    }

    bool flushBatch(bool endOfSource)
    {
        if (endOfSource)
            flushChunks();
        if (!q_.push(std::move(batch_)))
            return false;
        startBatch();
        return true;
    }

    void endSource(const std::string& format, const std::string& hash, bool unreadable)
    {
        if (!flushBatch(true))
            return;
        auto end = std::make_unique<Batch>();
        end->kind = Batch::Kind::SourceEnd;
        end->source = source_;
        end->format = format;
        end->hash = hash;
        end->events = sourceEvents_;
        end->rejected = sourceRejected_;
        end->mapping = s_.mapping ? s_.mapping->name() : std::string();
        if (unreadable)
            end->note = note_.empty() ? "cannot be read" : note_;
        else if (!suggestion_.empty())
            end->note = "looks like '" + suggestion_ + "' logs: import with --mapping " + suggestion_
                + " to get ECS fields";
        else if (note_.empty() && sourceEvents_ == 0 && sourceRejected_ == 0)
            end->note = "the file holds no events (empty)";
        else
            end->note = note_;
        end->unreadable = unreadable;
        for (FieldBuilder* b : touchedInSource_) {
            end->fields.push_back(FieldDelta{b->id, b->path, b->isNew, b->types, b->sourceEvents});
            b->isNew = false;
            b->sourceEvents = 0;
            b->touchedInSource = false;
        }
        touchedInSource_.clear();
        q_.push(std::move(end));
    }

    ParseSettings& s_;
    BatchQueue& q_;
    int64_t nextId_;
    int64_t nextFieldId_;
    simdjson::dom::parser parser_;
    std::vector<std::unique_ptr<FieldBuilder>> builders_;
    std::unordered_map<std::string, size_t, StringHash, std::equal_to<>> index_;
    std::vector<FieldBuilder*> touchedInChunk_, touchedInSource_, touched_;
    std::vector<FieldBuilder*> order_, lastOrder_; // builders in emit order: this event, the last
    size_t emitted_ = 0;
    std::unique_ptr<Batch> batch_;
    size_t source_ = 0;
    int64_t sourceEvents_ = 0, sourceRejected_ = 0, lastLine_ = 0;
    uint32_t chunkFirstRow_ = 0;
    size_t chunkBytes_ = 0;
    bool sawHits_ = false;
    std::string suggestion_, note_, path_;
    std::vector<MappedField> in_, out_;
    std::deque<std::string> storage_;
};

} // namespace

void runEventParser(ParseSettings settings, BatchQueue& queue)
{
    try {
        Parser p(settings, queue);
        p.run();
    } catch (const std::exception&) {
        // Out of memory or a simdjson surprise: stop; the writer sees an incomplete import.
        queue.close();
    }
    queue.finish();
}

} // namespace eqlwb::store_detail
