// SQLite helpers (see sqlite_util.h).
#include "store/sqlite_util.h"

#include <utility>

namespace eqlwb::store_detail {

Error sqliteError(sqlite3* db, const std::string& what)
{
    return Error{"sqlite", what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"), {}};
}

Status exec(sqlite3* db, const char* sql)
{
    char* msg = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
        std::string m = msg ? msg : "unknown error";
        sqlite3_free(msg);
        return Error{"sqlite", m, {}};
    }
    return Ok{};
}

std::string quoteIdent(std::string_view name)
{
    std::string out = "\"";
    for (char c : name) {
        if (c == '"')
            out += "\"\"";
        else
            out.push_back(c);
    }
    out.push_back('"');
    return out;
}

Stmt::Stmt(sqlite3* db, const char* sql)
{
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) {
        sqlite3_finalize(stmt_);
        stmt_ = nullptr;
    }
}

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

Stmt::Stmt(Stmt&& o) noexcept
    : stmt_(std::exchange(o.stmt_, nullptr))
{
}

Stmt& Stmt::operator=(Stmt&& o) noexcept
{
    if (this != &o) {
        sqlite3_finalize(stmt_);
        stmt_ = std::exchange(o.stmt_, nullptr);
    }
    return *this;
}

std::string Stmt::text(int col) const
{
    const auto* p = sqlite3_column_text(stmt_, col);
    return p ? std::string(reinterpret_cast<const char*>(p), size_t(sqlite3_column_bytes(stmt_, col)))
             : std::string();
}

std::string_view Stmt::blob(int col) const
{
    const void* p = sqlite3_column_blob(stmt_, col);
    return p ? std::string_view(static_cast<const char*>(p), size_t(sqlite3_column_bytes(stmt_, col)))
             : std::string_view();
}

} // namespace eqlwb::store_detail
