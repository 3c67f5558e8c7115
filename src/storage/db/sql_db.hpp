#pragma once
// SqlDb: the small driver interface under SqlStore, implemented for SQLite (sqlite_db.cpp) and
// PostgreSQL (pg_db.cpp). SQL is written once with `?` placeholders; the PostgreSQL driver
// rewrites them to $1…$n. Values travel as text (NULL = nullopt). One driver object is one
// connection; storage/db/pool_db.hpp puts several behind one SqlDb. Throws StoreError, or
// core::ports::StoreUnavailable when the database cannot serve now (PostgreSQL connection lost —
// the driver reconnects on a later call —, disk full, busy).

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
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

// Counters of one connection, read by /metrics (storage/db/db_metrics.hpp). Relaxed atomics: the
// connection that holds them is used by one thread at a time, the metrics endpoint reads from any thread.
struct DbStats {
    std::atomic<std::uint64_t> queries{0};
    std::atomic<std::uint64_t> errors{0};
    std::atomic<std::uint64_t> unavailable{0};  // calls refused with StoreUnavailable
    std::atomic<std::uint64_t> reconnects{0};   // PostgreSQL: connections re-established
    std::atomic<std::uint64_t> micros{0};       // time spent in the database
    std::atomic<bool> connected{true};
};

// A plain copy of the counters, summed over a pool's connections (storage/db/pool_db.hpp).
struct DbCounters {
    std::uint64_t queries = 0, errors = 0, unavailable = 0, reconnects = 0, micros = 0;
    bool connected = true;
    DbCounters& operator+=(const DbCounters& o) {
        queries += o.queries, errors += o.errors, unavailable += o.unavailable, reconnects += o.reconnects,
            micros += o.micros;
        return *this;
    }
};

class SqlDb {
public:
    virtual ~SqlDb() = default;
    virtual Dialect dialect() const = 0;
    // Runs one or more statements without parameters (migrations).
    virtual void ExecScript(const std::string& sql) = 0;
    // Runs one statement with positional `?` parameters and returns every row as text.
    virtual std::vector<SqlRow> Query(const std::string& sql, const std::vector<SqlValue>& params = {}) = 0;
    // Runs one SELECT and hands each row to `on_row` as it arrives, so that a large result is not
    // held in memory at once (PostgreSQL: streamed as COPY … TO STDOUT, parameters written in as
    // escaped literals; the row object is reused, copy what you keep). The default collects the
    // rows with Query first.
    virtual void QueryEach(const std::string& sql, const std::vector<SqlValue>& params,
                           const std::function<void(const SqlRow&)>& on_row) {
        for (const auto& row : Query(sql, params)) on_row(row);
    }
    // QueryEach for a SELECT of integer columns only (NULL reads as 0): each row's values, not
    // made into text first where the backend can (PostgreSQL reads them off the COPY line).
    virtual void QueryEachInt(const std::string& sql, const std::vector<SqlValue>& params,
                              const std::function<void(std::span<const std::int64_t>)>& on_row);
    // How many QueryEach calls may stream at once from different threads, each on its own
    // connection: 1 for one connection, and inside a transaction (the other connections would not
    // see its writes); a PostgreSQL pool, its size.
    virtual int ConcurrentStreams() const { return 1; }
    // Whether this thread's statements run in an open transaction (PostgreSQL connections and the
    // pool say; SQLite's own connection answers false).
    virtual bool InTransaction() const { return false; }
    virtual void Begin() = 0;
    virtual void Commit() = 0;
    virtual void Rollback() = 0;

    // How many writes this process has made through this object — commits, and statements outside
    // a transaction that are not reads (the pool counts them) — or nullopt when it does not count.
    // A kept query result stays current while the count is unchanged, as far as this process's own
    // writes go (another server's writes are bounded by the keeper's age limit).
    virtual std::optional<std::uint64_t> WriteGeneration() const { return std::nullopt; }

    const DbStats& stats() const { return stats_; }
    // The counters of this connection, or of every connection behind a pool.
    virtual DbCounters Counters() const {
        return {stats_.queries.load(), stats_.errors.load(), stats_.unavailable.load(), stats_.reconnects.load(),
                stats_.micros.load(), stats_.connected.load()};
    }
    // Further Prometheus series of a pool (connections, in use, waits; the replica's lag); "" for one connection.
    virtual std::string PoolMetricsText() const { return {}; }

protected:
    DbStats stats_;
};

// Opens "sqlite:PATH" (or a bare path) or "postgresql://…" / "host=… dbname=…".
std::unique_ptr<SqlDb> OpenSqlDb(const std::string& url);
std::unique_ptr<SqlDb> OpenSqlite(const std::string& path);
std::unique_ptr<SqlDb> OpenSqliteReader(const std::string& path);  // PRAGMA query_only: a WAL reader
std::unique_ptr<SqlDb> OpenPostgres(const std::string& conninfo);

// An id parameter where 0 means "none": NULL in the database.
inline SqlValue NullableId(std::int64_t id) { return id == 0 ? SqlValue{} : SqlValue{id}; }

// Helpers for reading rows.
std::int64_t AsInt(const std::optional<std::string>& v);
double AsDouble(const std::optional<std::string>& v);
std::string AsText(const std::optional<std::string>& v);

}  // namespace lingyan::storage
