// Thin RAII helpers over SQLite's C API for the store: statements, exec, errors as values.
#pragma once

#include "core/result.h"

#include <cstdint>
#include <sqlite3.h>
#include <string>
#include <string_view>

namespace eqlwb::store_detail {

Error sqliteError(sqlite3* db, const std::string& what);

// Runs one or more statements without results.
Status exec(sqlite3* db, const char* sql);

// Quotes an identifier for SQL text ("a""b"); field names come from untrusted logs.
std::string quoteIdent(std::string_view name);

class Stmt {
public:
    Stmt() = default;
    Stmt(sqlite3* db, const char* sql); // check ok() after
    ~Stmt();
    Stmt(Stmt&& o) noexcept;
    Stmt& operator=(Stmt&& o) noexcept;
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    bool ok() const { return stmt_ != nullptr; }
    sqlite3_stmt* get() const { return stmt_; }

    void bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
    void bind(int i, std::string_view v)
    {
        sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8);
    }
    void bindBlob(int i, std::string_view v)
    {
        sqlite3_bind_blob64(stmt_, i, v.data(), v.size(), SQLITE_STATIC);
    }
    void bindNull(int i) { sqlite3_bind_null(stmt_, i); }

    int step() { return sqlite3_step(stmt_); }
    void reset()
    {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }

    int64_t int64(int col) const { return sqlite3_column_int64(stmt_, col); }
    std::string text(int col) const;
    std::string_view blob(int col) const;
    bool isNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

private:
    sqlite3_stmt* stmt_ = nullptr;
};

} // namespace eqlwb::store_detail
