// The workspace: one SQLite file (suffix .eqlwb) holding imported sources, their events, the
// field catalogue, and the tables the rule and tuning modules fill. Implements ColumnSource.
//
// Layout (schema version kWorkspaceSchemaVersion, see schema.cpp):
// - events(id, ts, source_id, line, raw): one readable row per event; `raw` is the JSON
//   document as it was in the file (SELECT json_extract(raw,'$.process.name') FROM events).
// - event_index(first_row, row_count, ts): every event's time, packed 4k events a blob, so the
//   EventIndex loads without touching the raw JSON (1M events: ~20 ms).
// - fields(id, path, types, type, event_count): the field catalogue.
// - column_chunks(field_id, first_row, row_count, data): each field's flattened values in
//   blocks of up to 64k events (column_codec.h), so loading a column never re-parses JSON and
//   a log with 20,000 distinct field names needs no table with 20,000 columns.
// - sources, import_errors, meta(data_version, ...), and rules, lists, exceptions, runs,
//   run_matches for the rule and tuning modules.
// Event ids are dense and ascending (1, 2, ...): row r of a FieldColumn is the event with id
// r + 1 (events are never deleted piecemeal).
#pragma once

#include "core/progress.h"
#include "core/result.h"
#include "store/field_column.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct sqlite3;

namespace eqlwb {

constexpr int kWorkspaceSchemaVersion = 1;

struct SourceInfo {
    int64_t id = 0;
    std::string path; // as given on import, made absolute
    std::string format; // "ndjson", "json-array", "es-search", "ndjson+gzip", ...
    int64_t size = 0; // bytes on disk
    std::string hash; // content hash of the file's bytes (hex)
    int64_t importedAt = 0; // seconds since the Unix epoch
    int64_t events = 0;
    int64_t errors = 0; // rejected lines
    std::string mapping; // mapping profile applied, empty when none
};

// One entry of the field catalogue.
struct FieldStat {
    std::string path;
    std::string type; // readable: keyword, long, double, boolean, mixed, null
    int64_t eventCount = 0; // events carrying the field
};

struct ImportError {
    std::string source; // file path
    int64_t line = 0; // 1-based line (for array elements: the line the element starts on)
    std::string message;
};

struct ImportOptions {
    std::string mapping; // profile name ("sysmon") or path to a profile JSON file; empty: none
    std::string timestampField = "@timestamp";
    ProgressFn progress; // bytes read (of all sources) and events imported so far
    CancelToken cancel; // cancelling rolls the whole import back
    size_t maxErrorsReported = 20; // per source, in SourceReport::errors (all are counted)
};

struct SourceReport {
    std::string path;
    std::string format;
    int64_t events = 0;
    int64_t rejected = 0;
    bool skipped = false; // already imported (same content hash) or unreadable
    bool unreadable = false; // could not be read at all (missing, binary, not JSON)
    std::string message; // why skipped/unreadable, or a note (e.g. a mapping profile that fits)
    std::vector<ImportError> errors; // the first maxErrorsReported rejected lines
};

struct ImportReport {
    std::vector<SourceReport> sources;
    int64_t events = 0;
    int64_t rejected = 0;
};

class Workspace : public ColumnSource {
public:
    ~Workspace() override;
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    // Opens (creating when missing, if allowed) and migrates the workspace at path.
    static Result<std::unique_ptr<Workspace>> open(const std::string& path, bool createIfMissing = true);

    // Imports files and folders (a folder: its *.json, *.jsonl, *.ndjson, *.log and *.gz files)
    // in one transaction: either everything readable is committed, or (cancel, I/O failure
    // of the workspace) nothing is. Rejected lines and skipped sources are reported, not errors.
    Result<ImportReport> import(const std::vector<std::string>& paths, const ImportOptions& options = {});

    std::vector<SourceInfo> sources();
    std::vector<ImportError> importErrors(int64_t sourceId, int64_t limit = 1000);
    int64_t eventCount();
    // The field catalogue with types and counts, by path.
    std::vector<FieldStat> fieldStats();
    const std::string& path() const { return path_; }

    // For the rule and tuning modules, which keep their own tables in the same file.
    sqlite3* handle() const { return db_; }

    // ColumnSource
    uint64_t dataVersion() const override;
    Result<EventIndex> eventIndex() override;
    Result<FieldColumn> column(const std::string& path) override;
    std::vector<std::string> fieldPaths() override;
    Result<std::string> eventJson(int64_t id) override;

private:
    Workspace(sqlite3* db, std::string path);
    sqlite3* db_ = nullptr;
    std::string path_;
};

} // namespace eqlwb
