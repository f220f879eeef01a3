// Schema migrations. Each step moves user_version from N-1 to N; never edit a released step,
// add the next one.
#include "store/schema.h"

#include "store/sqlite_util.h"
#include "store/workspace.h"

#include <string>

namespace eqlwb::store_detail {

namespace {

// Version 1: sources, events, the field catalogue, column chunks, and the tables the rule and
// tuning modules fill (rules, lists, exceptions, runs, run_matches).
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;
INSERT INTO meta(key, value) VALUES ('data_version', 0), ('created_by', 'EQL Workbench');
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  format TEXT NOT NULL,
  size INTEGER NOT NULL,
  hash TEXT NOT NULL,
  imported_at INTEGER NOT NULL,        -- seconds since the Unix epoch
  events INTEGER NOT NULL DEFAULT 0,
  errors INTEGER NOT NULL DEFAULT 0,
  mapping TEXT,                        -- mapping profile applied, NULL when none
  first_event_id INTEGER,
  last_event_id INTEGER
);
CREATE INDEX sources_hash ON sources(hash);
CREATE TABLE import_errors (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id),
  line INTEGER NOT NULL,
  message TEXT NOT NULL
);
CREATE INDEX import_errors_source ON import_errors(source_id, line);
CREATE TABLE events (
  id INTEGER PRIMARY KEY,              -- stable, dense, ascending in import order
  ts INTEGER,                          -- nanoseconds since the Unix epoch, NULL when unknown
  source_id INTEGER NOT NULL,
  line INTEGER NOT NULL,
  raw TEXT NOT NULL                    -- the JSON document as it was in the file
);
CREATE TABLE event_index (
  first_row INTEGER PRIMARY KEY,       -- row = event id - 1
  row_count INTEGER NOT NULL,
  ts BLOB NOT NULL                     -- row_count little-endian int64 nanoseconds (INT64_MIN: none)
);
CREATE TABLE fields (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,           -- dotted field path
  types INTEGER NOT NULL DEFAULT 0,    -- bit set: 1 null, 2 bool, 4 int, 8 double, 16 string
  type TEXT NOT NULL DEFAULT 'null',   -- readable: keyword, long, double, boolean, mixed, null
  event_count INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE column_chunks (
  field_id INTEGER NOT NULL,
  first_row INTEGER NOT NULL,          -- row = event id - 1
  row_count INTEGER NOT NULL,
  data BLOB NOT NULL,                  -- see engine/store/column_codec.h
  PRIMARY KEY (field_id, first_row)
) WITHOUT ROWID;
CREATE VIEW event_fields AS
  SELECT f.path, f.type, f.event_count FROM fields f ORDER BY f.path;
CREATE TABLE rules (
  id INTEGER PRIMARY KEY,
  rule_id TEXT,
  name TEXT,
  format TEXT,                         -- toml, ndjson
  source_text TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER
);
CREATE TABLE lists (
  id INTEGER PRIMARY KEY,
  rule_id INTEGER REFERENCES rules(id),
  list_no INTEGER,
  kind TEXT,                           -- include, exclude, value-list
  field TEXT,
  name TEXT
);
CREATE TABLE list_entries (
  list_id INTEGER NOT NULL REFERENCES lists(id),
  position INTEGER NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (list_id, position)
);
CREATE TABLE exceptions (
  id INTEGER PRIMARY KEY,
  rule_id INTEGER REFERENCES rules(id),
  item_json TEXT NOT NULL              -- a Kibana exception item
);
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  rule_id INTEGER REFERENCES rules(id),
  rule_revision INTEGER,
  query TEXT NOT NULL,
  data_version INTEGER,
  started_at INTEGER,
  duration_ms REAL,
  matches INTEGER
);
CREATE TABLE run_matches (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  position INTEGER NOT NULL,
  event_ids TEXT NOT NULL,             -- space-separated ids (one for events, several for sequences)
  PRIMARY KEY (run_id, position)
) WITHOUT ROWID;
)sql";

struct Step {
    int version;
    const char* sql;
};
constexpr Step kSteps[] = {{1, kSchemaV1}};

} // namespace

Status migrate(sqlite3* db)
{
    // Read the version inside the write transaction, so two processes opening a new file at
    // once cannot both create the schema.
    if (auto st = exec(db, "BEGIN IMMEDIATE"); !st)
        return Error{"sqlite", "cannot open the workspace for writing: " + st.error().message, {}};
    Stmt q(db, "PRAGMA user_version");
    if (!q.ok() || q.step() != SQLITE_ROW) {
        q = Stmt();
        exec(db, "ROLLBACK");
        return sqliteError(db, "cannot read the workspace's schema version");
    }
    const int64_t current = q.int64(0);
    q = Stmt();
    if (current > kWorkspaceSchemaVersion) {
        exec(db, "ROLLBACK");
        return Error{"version",
            "the workspace was written by a newer EQL Workbench (schema " + std::to_string(current)
                + ", this version reads up to " + std::to_string(kWorkspaceSchemaVersion) + ")",
            {}};
    }
    for (const Step& s : kSteps) {
        if (s.version <= current)
            continue;
        auto st = exec(db, s.sql);
        if (st)
            st = exec(db, ("PRAGMA user_version = " + std::to_string(s.version)).c_str());
        if (!st) {
            exec(db, "ROLLBACK");
            return Error{"sqlite", "cannot migrate the workspace: " + st.error().message, {}};
        }
    }
    if (auto c = exec(db, "COMMIT"); !c) {
        exec(db, "ROLLBACK");
        return c;
    }
    return Ok{};
}

} // namespace eqlwb::store_detail
