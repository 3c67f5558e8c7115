#include <charconv>
#include <sqlite3.h>

#include <chrono>
#include <unordered_map>

#include "core/ports/store_errors.hpp"
#include "storage/db/sql_db.hpp"

namespace lingyan::storage {

namespace {

// Failures of the disk or of contention, not of the statement: the request may succeed later.
bool Transient(int rc) {
    const int primary = rc & 0xff;
    return primary == SQLITE_FULL || primary == SQLITE_IOERR || primary == SQLITE_BUSY || primary == SQLITE_LOCKED ||
           primary == SQLITE_CANTOPEN;
}

class SqliteDb final : public SqlDb {
public:
    explicit SqliteDb(const std::string& path, bool reader = false) {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                            nullptr) != SQLITE_OK) {
            std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            throw StoreError("无法打开数据库 " + path + ": " + msg);
        }
        sqlite3_busy_timeout(db_, 5000);
        // WAL + synchronous=FULL: a commit is on disk before it is acknowledged. A reader (one of a
        // pool's WAL readers beside the one writer) refuses writes.
        ExecScript(reader ? "PRAGMA query_only=1;"
                          : "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
    }
    ~SqliteDb() override {
        for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
        sqlite3_close(db_);
    }

    Dialect dialect() const override { return Dialect::kSqlite; }

    void ExecScript(const std::string& sql) override {
        char* err = nullptr;
        stats_.queries++;
        if (const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err); rc != SQLITE_OK) {
            std::string msg = err ? err : "unknown error";
            sqlite3_free(err);
            Fail(rc, msg);
        }
    }

    std::vector<SqlRow> Query(const std::string& sql, const std::vector<SqlValue>& params) override {
        sqlite3_stmt* stmt = Prepare(sql);
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        for (std::size_t i = 0; i < params.size(); ++i) {
            int idx = static_cast<int>(i + 1);
            const SqlValue& v = params[i];
            if (std::holds_alternative<std::monostate>(v)) sqlite3_bind_null(stmt, idx);
            else if (auto* n = std::get_if<std::int64_t>(&v)) sqlite3_bind_int64(stmt, idx, *n);
            else if (auto* d = std::get_if<double>(&v)) sqlite3_bind_double(stmt, idx, *d);
            else {
                const auto& s = std::get<std::string>(v);
                sqlite3_bind_text(stmt, idx, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
            }
        }
        std::vector<SqlRow> rows;
        int cols = sqlite3_column_count(stmt);
        stats_.queries++;
        const auto started = std::chrono::steady_clock::now();
        while (true) {
            int rc = sqlite3_step(stmt);
            if (rc == SQLITE_DONE) break;
            if (rc != SQLITE_ROW) {
                std::string msg = sqlite3_errmsg(db_);
                rc = sqlite3_extended_errcode(db_);
                sqlite3_reset(stmt);
                Fail(rc, msg);
            }
            SqlRow row(cols);
            for (int c = 0; c < cols; ++c) {
                if (sqlite3_column_type(stmt, c) == SQLITE_NULL) continue;
                const unsigned char* text = sqlite3_column_text(stmt, c);
                row[c] = std::string(reinterpret_cast<const char*>(text), sqlite3_column_bytes(stmt, c));
            }
            rows.push_back(std::move(row));
        }
        sqlite3_reset(stmt);
        stats_.micros += static_cast<std::uint64_t>(
            std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count());
        return rows;
    }

    void Begin() override { ExecScript("BEGIN IMMEDIATE"); }
    void Commit() override { ExecScript("COMMIT"); }
    void Rollback() override { ExecScript("ROLLBACK"); }

private:
    [[noreturn]] void Fail(int rc, const std::string& msg) {
        stats_.errors++;
        if (Transient(rc)) {
            stats_.unavailable++;
            const int primary = rc & 0xff;
            if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
                throw core::ports::StoreUnavailable("数据库正忙，请稍后重试（SQLite: " + msg + "）");
            throw core::ports::StoreUnavailable("磁盘已满或无法写入，本次操作未保存（SQLite: " + msg + "）");
        }
        throw StoreError("SQLite: " + msg);
    }

    sqlite3_stmt* Prepare(const std::string& sql) {
        auto it = cache_.find(sql);
        if (it != cache_.end()) return it->second;
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK)
            throw StoreError(std::string("SQLite: ") + sqlite3_errmsg(db_) + " in: " + sql);
        cache_.emplace(sql, stmt);
        return stmt;
    }

    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace

std::unique_ptr<SqlDb> OpenSqlite(const std::string& path) { return std::make_unique<SqliteDb>(path); }
std::unique_ptr<SqlDb> OpenSqliteReader(const std::string& path) { return std::make_unique<SqliteDb>(path, true); }

std::unique_ptr<SqlDb> OpenSqlDb(const std::string& url) {
    if (url.starts_with("postgresql://") || url.starts_with("postgres://") || url.find("dbname=") != std::string::npos)
        return OpenPostgres(url);
    std::string path = url.starts_with("sqlite:") ? url.substr(7) : url;
    if (path.empty()) throw StoreError("--db sqlite:PATH 需要文件路径");
    return OpenSqlite(path);
}

void SqlDb::QueryEachInt(const std::string& sql, const std::vector<SqlValue>& params,
                         const std::function<void(std::span<const std::int64_t>)>& on_row) {
    std::vector<std::int64_t> values;
    QueryEach(sql, params, [&](const SqlRow& row) {
        values.clear();
        for (const auto& v : row) values.push_back(AsInt(v));
        on_row(values);
    });
}

std::int64_t AsInt(const std::optional<std::string>& v) {
    if (!v || v->empty()) return 0;
    // from_chars for the plain digits a database writes (a board rebuild reads 68 M of them);
    // stoll, with its leading spaces, '+' and errors, for anything else.
    std::int64_t out = 0;
    const char* end = v->data() + v->size();
    if (auto [at, ec] = std::from_chars(v->data(), end, out); ec == std::errc() && at == end) return out;
    return std::stoll(*v);
}
double AsDouble(const std::optional<std::string>& v) { return v && !v->empty() ? std::stod(*v) : 0.0; }
std::string AsText(const std::optional<std::string>& v) { return v ? *v : std::string(); }

}  // namespace lingyan::storage
