// Workspace: opening, migrations and the ColumnSource reads (imports are in import.cpp).
#include "store/workspace.h"

#include "store/column_codec.h"
#include "store/schema.h"
#include "store/sqlite_util.h"

#include <cstring>
#include <limits>
#include <sqlite3.h>

namespace eqlwb {

using namespace store_detail;

Workspace::Workspace(sqlite3* db, std::string path)
    : db_(db)
    , path_(std::move(path))
{
}

Workspace::~Workspace() { sqlite3_close_v2(db_); }

Result<std::unique_ptr<Workspace>> Workspace::open(const std::string& path, bool createIfMissing)
{
    try {
        sqlite3* db = nullptr;
        const int flags
            = SQLITE_OPEN_READWRITE | (createIfMissing ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
        if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
            Error e = sqliteError(db, "cannot open workspace " + path);
            sqlite3_close_v2(db);
            return e;
        }
        std::unique_ptr<Workspace> ws(new Workspace(db, path));
        sqlite3_busy_timeout(db, 5000);
        // Not a SQLite file (or damaged): the first read says so; report it plainly.
        if (auto st
            = exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF;");
            !st)
            return Error{"sqlite", path + " is not an EQL Workbench workspace: " + st.error().message, {}};
        if (auto st = migrate(db); !st)
            return st.error();
        return ws;
    } catch (const std::exception& e) {
        return Error{"internal", e.what(), {}};
    }
}

int64_t Workspace::eventCount()
{
    // Ids are dense (1..n), so MAX(id) is the count without walking 500 bytes an event.
    Stmt q(db_, "SELECT COALESCE(MAX(id), 0) FROM events");
    return q.ok() && q.step() == SQLITE_ROW ? q.int64(0) : 0;
}

uint64_t Workspace::dataVersion() const
{
    Stmt q(db_, "SELECT value FROM meta WHERE key='data_version'");
    return q.ok() && q.step() == SQLITE_ROW ? uint64_t(q.int64(0)) : 0;
}

std::vector<SourceInfo> Workspace::sources()
{
    std::vector<SourceInfo> out;
    Stmt q(db_,
        "SELECT id, path, format, size, hash, imported_at, events, errors, COALESCE(mapping,'') "
        "FROM sources ORDER BY id");
    while (q.ok() && q.step() == SQLITE_ROW) {
        out.push_back(SourceInfo{q.int64(0), q.text(1), q.text(2), q.int64(3), q.text(4), q.int64(5),
            q.int64(6), q.int64(7), q.text(8)});
    }
    return out;
}

std::vector<ImportError> Workspace::importErrors(int64_t sourceId, int64_t limit)
{
    std::vector<ImportError> out;
    Stmt q(db_,
        "SELECT s.path, e.line, e.message FROM import_errors e JOIN sources s ON s.id = e.source_id "
        "WHERE e.source_id = ? ORDER BY e.line LIMIT ?");
    if (!q.ok())
        return out;
    q.bind(1, sourceId);
    q.bind(2, limit);
    while (q.step() == SQLITE_ROW)
        out.push_back(ImportError{q.text(0), q.int64(1), q.text(2)});
    return out;
}

Result<EventIndex> Workspace::eventIndex()
{
    try {
        // From event_index blobs (ids are dense: row r is id r + 1), so no scan of the raw JSON.
        EventIndex idx;
        const int64_t n = eventCount();
        idx.ids.reserve(size_t(n));
        idx.timestamps.reserve(size_t(n));
        Stmt q(db_, "SELECT first_row, row_count, ts FROM event_index ORDER BY first_row");
        if (!q.ok())
            return sqliteError(db_, "cannot read the event index");
        int rc;
        while ((rc = q.step()) == SQLITE_ROW) {
            const int64_t first = q.int64(0), count = q.int64(1);
            const std::string_view ts = q.blob(2);
            if (first != int64_t(idx.ids.size()) || ts.size() != size_t(count) * 8 || first + count > n)
                return Error{"corrupt", "the workspace's event index is damaged", {}};
            for (int64_t k = 0; k < count; ++k) {
                int64_t t;
                std::memcpy(&t, ts.data() + k * 8, 8);
                idx.ids.push_back(first + k + 1);
                idx.timestamps.push_back(t);
            }
        }
        if (rc != SQLITE_DONE)
            return sqliteError(db_, "cannot read the event index");
        if (int64_t(idx.ids.size()) != n)
            return Error{"corrupt", "the workspace's event index is incomplete", {}};
        return idx;
    } catch (const std::exception& e) {
        return Error{"internal", e.what(), {}};
    }
}

Result<FieldColumn> Workspace::column(const std::string& path)
{
    try {
        FieldColumn col;
        col.path = path;
        const int64_t rows = eventCount();
        std::vector<uint32_t> counts(size_t(rows) + 1, 0);
        Stmt q(db_,
            "SELECT c.first_row, c.row_count, c.data FROM column_chunks c JOIN fields f ON f.id = c.field_id "
            "WHERE f.path = ? ORDER BY c.first_row");
        if (!q.ok())
            return sqliteError(db_, "cannot read column " + path);
        q.bind(1, std::string_view(path));
        int rc;
        while ((rc = q.step()) == SQLITE_ROW) {
            const int64_t first = q.int64(0);
            const int64_t count = q.int64(1);
            if (first < 0 || count < 0 || first + count > rows)
                return Error{"corrupt", "column " + path + " has a chunk outside the events", {}};
            if (auto st = decodeChunk(q.blob(2), uint32_t(first), uint32_t(count), col, counts); !st)
                return st.error();
        }
        if (rc != SQLITE_DONE)
            return sqliteError(db_, "cannot read column " + path);
        for (size_t r = 1; r < counts.size(); ++r)
            counts[r] += counts[r - 1];
        col.offsets = std::move(counts);
        return col;
    } catch (const std::exception& e) {
        return Error{"internal", e.what(), {}};
    }
}

std::vector<std::string> Workspace::fieldPaths()
{
    std::vector<std::string> out;
    Stmt q(db_, "SELECT path FROM fields WHERE event_count > 0 ORDER BY path");
    while (q.ok() && q.step() == SQLITE_ROW)
        out.push_back(q.text(0));
    return out;
}

std::vector<FieldStat> Workspace::fieldStats()
{
    std::vector<FieldStat> out;
    Stmt q(db_, "SELECT path, type, event_count FROM fields WHERE event_count > 0 ORDER BY path");
    while (q.ok() && q.step() == SQLITE_ROW)
        out.push_back({q.text(0), q.text(1), q.int64(2)});
    return out;
}

Result<std::string> Workspace::eventJson(int64_t id)
{
    Stmt q(db_, "SELECT raw FROM events WHERE id = ?");
    if (!q.ok())
        return sqliteError(db_, "cannot read event");
    q.bind(1, id);
    if (q.step() != SQLITE_ROW)
        return Error{"not-found", "no event with id " + std::to_string(id), {}};
    return q.text(0);
}

} // namespace eqlwb
