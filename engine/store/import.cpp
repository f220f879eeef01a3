// Workspace::import: the SQLite writer side of an import. The parsing runs on a second thread
// (event_parser.cpp); this thread writes its batches with prepared statements inside one
// transaction, so an import is atomic: a kill, a cancel or an error leaves the file as it was.
#include "store/byte_reader.h"
#include "store/column_codec.h"
#include "store/event_parser.h"
#include "store/sqlite_util.h"
#include "store/workspace.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <sqlite3.h>
#include <thread>

namespace eqlwb {

using namespace store_detail;
namespace fs = std::filesystem;

namespace {

constexpr int64_t kMaxStoredErrorsPerSource = 10000;

bool isLogFileName(const fs::path& p)
{
    std::string ext = p.extension().string();
    std::transform(
        ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return ext == ".json" || ext == ".jsonl" || ext == ".ndjson" || ext == ".log" || ext == ".gz";
}

// Expands folders into their log files (sorted, not recursive); keeps files as given.
std::vector<std::string> expandPaths(
    const std::vector<std::string>& paths, std::vector<SourceReport>& missing)
{
    std::vector<std::string> out;
    for (const auto& p : paths) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            std::vector<std::string> files;
            for (const auto& entry : fs::directory_iterator(p, ec)) {
                if (entry.is_regular_file(ec) && isLogFileName(entry.path())
                    && entry.path().filename().string().front() != '.')
                    files.push_back(entry.path().string());
            }
            std::sort(files.begin(), files.end());
            out.insert(out.end(), files.begin(), files.end());
        } else if (fs::exists(p, ec)) {
            out.push_back(p);
        } else {
            SourceReport r;
            r.path = p;
            r.skipped = r.unreadable = true;
            r.message = "no such file or folder";
            missing.push_back(r);
        }
    }
    return out;
}

class Writer {
public:
    explicit Writer(sqlite3* db)
        : db_(db)
        , insEvent_(db, "INSERT INTO events(id, ts, source_id, line, raw) VALUES (?,?,?,?,?)")
        , insChunk_(db, "INSERT INTO column_chunks(field_id, first_row, row_count, data) VALUES (?,?,?,?)")
        , insIndex_(db, "INSERT INTO event_index(first_row, row_count, ts) VALUES (?,?,?)")
        , insError_(db, "INSERT INTO import_errors(source_id, line, message) VALUES (?,?,?)")
        , insSource_(
              db, "INSERT INTO sources(path, format, size, hash, imported_at) VALUES (?, '', ?, '', ?)")
        , endSource_(db,
              "UPDATE sources SET format=?, hash=?, events=?, errors=?, mapping=?, first_event_id=?, "
              "last_event_id=? WHERE id=?")
        , insField_(db, "INSERT INTO fields(id, path, types, type, event_count) VALUES (?,?,?,?,?)")
        , updField_(db, "UPDATE fields SET types=?, type=?, event_count=event_count+? WHERE id=?")
    {
    }
    bool ok() const
    {
        return insEvent_.ok() && insIndex_.ok() && insChunk_.ok() && insError_.ok() && insSource_.ok()
            && endSource_.ok() && insField_.ok() && updField_.ok();
    }

    Status beginSource(const SourceJob& job, int64_t& sourceId)
    {
        std::error_code ec;
        const std::string absolute = fs::absolute(job.path, ec).string();
        insSource_.bind(1, std::string_view(ec ? job.path : absolute));
        insSource_.bind(2, job.size);
        insSource_.bind(3, int64_t(std::time(nullptr)));
        const int rc = insSource_.step();
        insSource_.reset();
        if (rc != SQLITE_DONE)
            return sqliteError(db_, "cannot record source");
        sourceId = sqlite3_last_insert_rowid(db_);
        storedErrors_ = 0;
        firstEventId_ = 0;
        return Ok{};
    }

    Status events(const Batch& b, int64_t sourceId)
    {
        uint32_t start = 0;
        for (size_t i = 0; i < b.rawEnds.size(); ++i) {
            const int64_t id = b.firstId + int64_t(i);
            if (!firstEventId_)
                firstEventId_ = id;
            lastEventId_ = id;
            insEvent_.bind(1, id);
            if (b.ts[i] == std::numeric_limits<int64_t>::min())
                insEvent_.bindNull(2);
            else
                insEvent_.bind(2, b.ts[i]);
            insEvent_.bind(3, sourceId);
            insEvent_.bind(4, b.lines[i]);
            insEvent_.bind(5, std::string_view(b.raw).substr(start, b.rawEnds[i] - start));
            start = b.rawEnds[i];
            if (insEvent_.step() != SQLITE_DONE)
                return sqliteError(db_, "cannot store event");
            sqlite3_reset(insEvent_.get());
        }
        if (!b.ts.empty()) {
            std::string ts(b.ts.size() * 8, '\0');
            std::memcpy(ts.data(), b.ts.data(), ts.size());
            insIndex_.bind(1, b.firstId - 1);
            insIndex_.bind(2, int64_t(b.ts.size()));
            insIndex_.bindBlob(3, ts);
            if (insIndex_.step() != SQLITE_DONE)
                return sqliteError(db_, "cannot store the event index");
            sqlite3_reset(insIndex_.get());
        }
        for (const auto& c : b.chunks) {
            insChunk_.bind(1, c.fieldId);
            insChunk_.bind(2, int64_t(c.firstRow));
            insChunk_.bind(3, int64_t(c.rowCount));
            insChunk_.bindBlob(4, c.data);
            if (insChunk_.step() != SQLITE_DONE)
                return sqliteError(db_, "cannot store column chunk");
            sqlite3_reset(insChunk_.get());
        }
        for (const auto& e : b.errors) {
            if (storedErrors_++ >= kMaxStoredErrorsPerSource)
                break;
            insError_.bind(1, sourceId);
            insError_.bind(2, e.line);
            insError_.bind(3, std::string_view(e.message));
            if (insError_.step() != SQLITE_DONE)
                return sqliteError(db_, "cannot store import error");
            sqlite3_reset(insError_.get());
        }
        return Ok{};
    }

    Status endSource(const Batch& b, int64_t sourceId)
    {
        endSource_.bind(1, std::string_view(b.format));
        endSource_.bind(2, std::string_view(b.hash));
        endSource_.bind(3, b.events);
        endSource_.bind(4, b.rejected);
        if (b.mapping.empty())
            endSource_.bindNull(5);
        else
            endSource_.bind(5, std::string_view(b.mapping));
        if (firstEventId_) {
            endSource_.bind(6, firstEventId_);
            endSource_.bind(7, lastEventId_);
        }
        endSource_.bind(8, sourceId);
        const int rc = endSource_.step();
        endSource_.reset();
        if (rc != SQLITE_DONE)
            return sqliteError(db_, "cannot record source");
        for (const auto& f : b.fields) {
            Stmt& s = f.isNew ? insField_ : updField_;
            if (f.isNew) {
                s.bind(1, f.id);
                s.bind(2, std::string_view(f.path));
                s.bind(3, int64_t(f.types));
                s.bind(4, std::string_view(typeNameOf(f.types)));
                s.bind(5, f.events);
            } else {
                s.bind(1, int64_t(f.types));
                s.bind(2, std::string_view(typeNameOf(f.types)));
                s.bind(3, f.events);
                s.bind(4, f.id);
            }
            const int frc = s.step();
            s.reset();
            if (frc != SQLITE_DONE)
                return sqliteError(db_, "cannot update the field catalogue");
        }
        return Ok{};
    }

private:
    sqlite3* db_;
    Stmt insEvent_, insChunk_, insIndex_, insError_, insSource_, endSource_, insField_, updField_;
    int64_t storedErrors_ = 0;
    int64_t firstEventId_ = 0, lastEventId_ = 0;
};

} // namespace

namespace {

class JournalModeForImport {
public:
    explicit JournalModeForImport(sqlite3* db)
        : db_(db)
    {
        switched_ = setMode("DELETE") == "delete";
    }
    ~JournalModeForImport()
    {
        if (switched_)
            setMode("WAL");
    }
    JournalModeForImport(const JournalModeForImport&) = delete;
    JournalModeForImport& operator=(const JournalModeForImport&) = delete;

private:
    std::string setMode(const char* mode)
    {
        Stmt q(db_, std::string("PRAGMA journal_mode=").append(mode).c_str());
        return q.ok() && q.step() == SQLITE_ROW ? q.text(0) : std::string();
    }

    sqlite3* db_;
    bool switched_ = false;
};

} // namespace

Result<ImportReport> Workspace::import(const std::vector<std::string>& paths, const ImportOptions& options)
{
    try {
        ImportReport report;
        std::vector<SourceReport> missing;
        const std::vector<std::string> files = expandPaths(paths, missing);

        ParseSettings settings;
        settings.timestampField = options.timestampField.empty() ? "@timestamp" : options.timestampField;
        settings.cancel = options.cancel;
        if (!options.mapping.empty()) {
            auto profile = MappingProfile::load(options.mapping);
            if (!profile)
                return profile.error();
            settings.mapping = *profile;
        } else {
            settings.suggestions = MappingProfile::builtins();
        }

        // An import mostly appends pages. In WAL mode every page is written twice (to the WAL, then
        // to the file at the checkpoint); a rollback journal saves only the pages that existed
        // before, and appended ones go to the file once. So import with a rollback journal when
        // no other connection has the workspace open (SQLite refuses to switch otherwise), and
        // return to WAL after. A kill midway leaves a hot journal that the next open rolls back.
        JournalModeForImport journal(db_);

        // Begin the one transaction of this import; IMMEDIATE takes the write lock now.
        if (auto st = exec(db_, "BEGIN IMMEDIATE"); !st)
            return Error{"sqlite", "cannot start the import: " + st.error().message, {}};
        auto rollback = [&](Error e) -> Result<ImportReport> {
            exec(db_, "ROLLBACK");
            return e;
        };

        // Skip sources imported before: same size, then same content hash.
        std::map<int64_t, std::set<std::string>> knownBySize;
        {
            Stmt q(db_, "SELECT size, hash FROM sources");
            while (q.ok() && q.step() == SQLITE_ROW)
                knownBySize[q.int64(0)].insert(q.text(1));
        }
        std::map<int64_t, int> sizesInThisImport;
        std::vector<std::pair<std::string, int64_t>> candidates;
        for (const auto& f : files) {
            std::error_code ec;
            const int64_t size = int64_t(fs::file_size(f, ec));
            candidates.emplace_back(f, ec ? -1 : size);
            if (!ec)
                ++sizesInThisImport[size];
        }
        std::vector<SourceReport> reports;
        std::set<std::string> hashesThisImport;
        for (const auto& [path, size] : candidates) {
            SourceReport r;
            r.path = path;
            if (size >= 0 && (knownBySize.count(size) || sizesInThisImport[size] > 1)) {
                auto h = hashFile(path);
                if (h && (knownBySize[size].count(*h) || hashesThisImport.count(*h))) {
                    r.skipped = true;
                    r.message = "already imported (same content), skipped";
                    reports.push_back(r);
                    continue;
                }
                if (h)
                    hashesThisImport.insert(*h);
            }
            settings.jobs.push_back(SourceJob{path, size < 0 ? 0 : size});
            reports.push_back(r);
        }

        {
            Stmt q(db_, "SELECT COALESCE(MAX(id), 0) + 1 FROM events");
            if (!q.ok() || q.step() != SQLITE_ROW)
                return rollback(sqliteError(db_, "cannot read events"));
            settings.firstId = q.int64(0);
            Stmt f(db_, "SELECT id, path, types FROM fields");
            int64_t maxField = 0;
            while (f.ok() && f.step() == SQLITE_ROW) {
                settings.knownFields.emplace_back(f.text(1), KnownField{f.int64(0), uint8_t(f.int64(2))});
                maxField = std::max(maxField, f.int64(0));
            }
            settings.nextFieldId = maxField + 1;
        }

        // Bigger page cache while writing: fewer spills of the (large) transaction.
        exec(db_, "PRAGMA cache_size=-65536");
        exec(db_, "PRAGMA synchronous=OFF");
        Writer writer(db_);
        if (!writer.ok())
            return rollback(sqliteError(db_, "cannot prepare the import"));

        std::atomic<uint64_t> bytesRead{0};
        settings.bytesRead = &bytesRead;
        uint64_t bytesTotal = 0;
        for (const auto& j : settings.jobs)
            bytesTotal += uint64_t(j.size);
        const std::vector<SourceJob> jobs = settings.jobs;
        BatchQueue queue(4);
        std::thread parser(
            [&queue, s = std::move(settings)]() mutable { runEventParser(std::move(s), queue); });
        // Whatever happens below (even an exception), stop and join the parsing thread.
        struct JoinGuard {
            BatchQueue& q;
            std::thread& t;
            ~JoinGuard()
            {
                if (t.joinable()) {
                    q.close();
                    t.join();
                }
            }
        } joinGuard{queue, parser};

        // Map job index -> report index (jobs skip the duplicates).
        std::vector<size_t> reportOfJob;
        for (size_t i = 0; i < reports.size(); ++i) {
            if (!reports[i].skipped)
                reportOfJob.push_back(i);
        }
        std::optional<Error> failure;
        int64_t sourceId = 0;
        int64_t eventsDone = 0;
        auto lastProgress = std::chrono::steady_clock::now();
        while (auto b = queue.pop()) {
            if (options.cancel.cancelled()) {
                failure = Error{"cancelled", "the import was cancelled; the workspace is unchanged", {}};
                break;
            }
            Status st = Ok{};
            switch (b->kind) {
            case Batch::Kind::SourceBegin:
                st = writer.beginSource(jobs[b->source], sourceId);
                break;
            case Batch::Kind::Events:
                st = writer.events(*b, sourceId);
                eventsDone += int64_t(b->rawEnds.size());
                for (const auto& e : b->errors) {
                    SourceReport& r = reports[reportOfJob[b->source]];
                    if (r.errors.size() < options.maxErrorsReported)
                        r.errors.push_back(e);
                }
                break;
            case Batch::Kind::SourceEnd: {
                st = writer.endSource(*b, sourceId);
                SourceReport& r = reports[reportOfJob[b->source]];
                r.format = b->format;
                r.events = b->events;
                r.rejected = b->rejected;
                r.unreadable = b->unreadable;
                r.skipped = b->unreadable;
                r.message = b->note;
                break;
            }
            }
            if (!st) {
                failure = st.error();
                break;
            }
            if (options.progress) {
                const auto now = std::chrono::steady_clock::now();
                if (now - lastProgress > std::chrono::milliseconds(20)) {
                    lastProgress = now;
                    options.progress(Progress{bytesRead.load(), bytesTotal, uint64_t(eventsDone)});
                }
            }
        }
        if (failure)
            queue.close();
        parser.join();
        if (!failure && options.cancel.cancelled())
            failure = Error{"cancelled", "the import was cancelled; the workspace is unchanged", {}};
        if (failure)
            return rollback(*failure);

        for (const auto& r : reports) {
            report.events += r.events;
            report.rejected += r.rejected;
        }
        // Every committed import changes dataVersion(), so executor caches never go stale.
        if (auto st = exec(db_, "UPDATE meta SET value = value + 1 WHERE key = 'data_version'"); !st)
            return rollback(st.error());
        if (auto st = exec(db_, "COMMIT"); !st)
            return rollback(st.error());
        exec(db_, "PRAGMA cache_size=-2000");
        if (options.progress)
            options.progress(Progress{bytesRead.load(), bytesTotal, uint64_t(eventsDone)});
        report.sources = std::move(missing);
        report.sources.insert(report.sources.end(), reports.begin(), reports.end());
        return report;
    } catch (const std::exception& e) {
        exec(db_, "ROLLBACK");
        return Error{"internal", std::string("import failed: ") + e.what(), {}};
    }
}

} // namespace eqlwb
