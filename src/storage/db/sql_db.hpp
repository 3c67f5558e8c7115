#pragma once
// SqlDb: the small driver interface under SqlStore, implemented for SQLite (sqlite_db.cpp) and
// PostgreSQL (pg_db.cpp). SQL is written once with `?` placeholders; the PostgreSQL driver
// rewrites them to $1…$n. Values travel as text (NULL = nullopt). Throws StoreError.

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace lingyan::storage {

class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string>;
using SqlRow = std::vector<std::optional<std::string>>;

enum class Dialect { kSqlite, kPostgres };

class SqlDb {
public:
    virtual ~SqlDb() = default;
    virtual Dialect dialect() const = 0;
    // Runs one or more statements without parameters (migrations).
    virtual void ExecScript(const std::string& sql) = 0;
    // Runs one statement with positional `?` parameters and returns every row as text.
    virtual std::vector<SqlRow> Query(const std::string& sql, const std::vector<SqlValue>& params = {}) = 0;
    virtual void Begin() = 0;
    virtual void Commit() = 0;
    virtual void Rollback() = 0;
};

// Opens "sqlite:PATH" (or a bare path) or "postgresql://…" / "host=… dbname=…".
std::unique_ptr<SqlDb> OpenSqlDb(const std::string& url);
std::unique_ptr<SqlDb> OpenSqlite(const std::string& path);
std::unique_ptr<SqlDb> OpenPostgres(const std::string& conninfo);

// Helpers for reading rows.
std::int64_t AsInt(const std::optional<std::string>& v);
double AsDouble(const std::optional<std::string>& v);
std::string AsText(const std::optional<std::string>& v);

}  // namespace lingyan::storage
