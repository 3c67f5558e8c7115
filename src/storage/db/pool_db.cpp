#include "storage/db/pool_db.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "core/ports/store_errors.hpp"
#include "core/ports/store_lock.hpp"

namespace lingyan::storage {

namespace {

using core::ports::StoreUnavailable;
using Clock = std::chrono::steady_clock;

bool IsPostgresUrl(const std::string& url) {
    return url.starts_with("postgresql://") || url.starts_with("postgres://") || url.find("dbname=") != std::string::npos;
}

// A statement a replica or a WAL reader may answer: a plain SELECT (no row locks).
bool ReadOnlyStatement(const std::string& sql) {
    return (sql.starts_with("SELECT") || sql.starts_with("WITH")) && sql.find(" FOR UPDATE") == std::string::npos &&
           sql.find(" FOR SHARE") == std::string::npos && sql.find("INSERT ") == std::string::npos &&
           sql.find("UPDATE ") == std::string::npos && sql.find("DELETE ") == std::string::npos;
}

constexpr const char* kLsnNow = "SELECT pg_current_wal_lsn() - '0/0'::pg_lsn";

// N connections to one database, opened on demand; a checkout waits a bounded time.
class ConnPool {
public:
    using Open = std::function<std::unique_ptr<SqlDb>()>;
    ConnPool(std::string name, Open open, int capacity, std::chrono::milliseconds timeout)
        : name_(std::move(name)), open_(std::move(open)), capacity_(std::max(1, capacity)), timeout_(timeout) {}
    int capacity() const { return capacity_; }

    // Opens the first connection now, so that a wrong URL fails at start.
    void OpenFirst() {
        std::lock_guard lock(m_);
        all_.push_back(open_());
        idle_.push_back(all_.back().get());
    }

    SqlDb* Checkout() {
        std::unique_lock lock(m_);
        const auto deadline = Clock::now() + timeout_;
        bool waited = false;
        while (true) {
            if (!idle_.empty()) {
                SqlDb* c = idle_.back();
                idle_.pop_back();
                ++in_use_;
                return c;
            }
            if (static_cast<int>(all_.size()) + opening_ < capacity_) {
                ++opening_;
                lock.unlock();
                std::unique_ptr<SqlDb> c;
                try {
                    c = open_();
                } catch (const std::exception& e) {
                    lock.lock();
                    --opening_;
                    cv_.notify_one();
                    throw StoreUnavailable(std::string("数据库暂时不可用，请稍后重试（") + e.what() + "）");
                }
                lock.lock();
                --opening_;
                all_.push_back(std::move(c));
                ++in_use_;
                return all_.back().get();
            }
            if (!waited) {
                waited = true;
                waits_++;
            }
            if (cv_.wait_until(lock, deadline) == std::cv_status::timeout && idle_.empty() &&
                static_cast<int>(all_.size()) + opening_ >= capacity_) {
                timeouts_++;
                throw StoreUnavailable("数据库连接已全部占用（" + std::to_string(capacity_) + " 个），请稍后重试");
            }
        }
    }

    void Return(SqlDb* c) {
        {
            std::lock_guard lock(m_);
            idle_.push_back(c);
            --in_use_;
        }
        cv_.notify_one();
    }

    DbCounters Counters() const {
        std::lock_guard lock(m_);
        DbCounters sum;
        sum.connected = !all_.empty();
        for (const auto& c : all_) {
            const DbCounters one = c->Counters();
            sum += one;
            sum.connected = sum.connected && one.connected;
        }
        sum.unavailable += timeouts_.load();
        return sum;
    }

    std::string MetricsText(const std::string& backend) const {
        std::size_t size;
        int in_use;
        {
            std::lock_guard lock(m_);
            size = all_.size();
            in_use = in_use_;
        }
        const std::string labels = "{backend=\"" + backend + "\",pool=\"" + name_ + "\"}";
        return "lingyan_db_pool_size" + labels + " " + std::to_string(size) + "\n" +
               "lingyan_db_pool_capacity" + labels + " " + std::to_string(capacity_) + "\n" +
               "lingyan_db_pool_in_use" + labels + " " + std::to_string(in_use) + "\n" +
               "lingyan_db_pool_waits_total" + labels + " " + std::to_string(waits_.load()) + "\n" +
               "lingyan_db_pool_timeouts_total" + labels + " " + std::to_string(timeouts_.load()) + "\n";
    }

    Dialect dialect() const {
        std::lock_guard lock(m_);
        return all_.front()->dialect();
    }

private:
    std::string name_;
    Open open_;
    const int capacity_;
    const std::chrono::milliseconds timeout_;
    mutable std::mutex m_;
    std::condition_variable cv_;
    std::vector<std::unique_ptr<SqlDb>> all_;
    std::vector<SqlDb*> idle_;
    int in_use_ = 0, opening_ = 0;
    std::atomic<std::uint64_t> waits_{0}, timeouts_{0};
};

// A checked-out connection, returned on scope exit.
class Lease {
public:
    Lease(ConnPool& pool) : pool_(pool), conn_(pool.Checkout()) {}
    ~Lease() { pool_.Return(conn_); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    SqlDb* operator->() const { return conn_; }
    SqlDb& operator*() const { return *conn_; }

private:
    ConnPool& pool_;
    SqlDb* conn_;
};

// Watches a streaming replica's lag against the primary (see pool_db.hpp).
class ReplicaMonitor {
public:
    ReplicaMonitor(std::string primary_url, std::string replica_url, double max_lag)
        : primary_url_(std::move(primary_url)), replica_url_(std::move(replica_url)), max_lag_(max_lag) {
        thread_ = std::thread([this] { Run(); });
    }
    ~ReplicaMonitor() {
        {
            std::lock_guard lock(m_);
            stop_ = true;
        }
        cv_.notify_all();
        thread_.join();
    }

    // The replica may answer a read now: current enough, and it has replayed our last write.
    bool Usable() const { return usable_ && replay_lsn_.load() >= last_write_lsn_.load(); }
    void NoteWrite(std::int64_t lsn) {
        std::int64_t seen = last_write_lsn_.load();
        while (lsn > seen && !last_write_lsn_.compare_exchange_weak(seen, lsn)) {
        }
    }
    void NoteFailure() { usable_ = false; }
    double lag_seconds() const { return lag_millis_.load() / 1000.0; }
    bool usable_flag() const { return usable_; }

private:
    void Run() {
        std::unique_ptr<SqlDb> primary, replica;
        std::deque<std::pair<Clock::time_point, std::int64_t>> samples;  // primary positions over time
        std::string last_reason;
        while (true) {
            {
                std::unique_lock lock(m_);
                if (cv_.wait_for(lock, std::chrono::milliseconds(100), [this] { return stop_; })) return;
            }
            std::string reason;
            try {
                if (!primary) primary = OpenPostgres(primary_url_);
                const std::int64_t p = AsInt(primary->Query(kLsnNow)[0][0]);
                const auto now = Clock::now();
                samples.emplace_back(now, p);
                const auto keep = std::chrono::milliseconds(static_cast<std::int64_t>(max_lag_ * 1000) + 2000);
                while (samples.size() > 1 && now - samples.front().first > keep) samples.pop_front();
                if (!replica) replica = OpenPostgres(replica_url_);
                auto row = replica->Query(
                    "SELECT pg_is_in_recovery(), COALESCE(pg_last_wal_replay_lsn() - '0/0'::pg_lsn, 0)")[0];
                if (AsText(row[0]) != "t") throw StoreError("--db-read 指向的服务器不是备库（pg_is_in_recovery 为假）");
                const std::int64_t r = AsInt(row[1]);
                replay_lsn_ = r;
                // The lag: how long ago the primary was at the newest position the replica has replayed.
                double lag = 0;
                if (r < p) {
                    lag = std::chrono::duration<double>(now - samples.front().first).count();
                    for (auto it = samples.rbegin(); it != samples.rend(); ++it)
                        if (it->second <= r) {
                            lag = std::chrono::duration<double>(now - it->first).count();
                            break;
                        }
                    if (samples.front().second > r) lag = std::max(lag, max_lag_ + 1);  // older than we remember
                }
                lag_millis_ = static_cast<std::int64_t>(lag * 1000);
                usable_ = lag <= max_lag_;
                if (!usable_) reason = "备库落后 " + std::to_string(lag) + " 秒";
            } catch (const std::exception& e) {
                usable_ = false;
                lag_millis_ = -1000;
                reason = e.what();
                // Drop both probes: a fresh connection next time (pg_db.cpp backs off per connection).
                primary.reset();
                replica.reset();
            }
            if (reason != last_reason)
                reason.empty() ? spdlog::info("read replica in use again")
                               : spdlog::warn("read replica skipped: {}", reason);
            last_reason = reason;
        }
    }

    std::string primary_url_, replica_url_;
    double max_lag_;
    std::atomic<bool> usable_{false};
    std::atomic<std::int64_t> replay_lsn_{0}, last_write_lsn_{0}, lag_millis_{-1000};
    std::mutex m_;
    std::condition_variable cv_;
    bool stop_ = false;
    std::thread thread_;
};

class PooledDb final : public SqlDb {
public:
    PooledDb(const std::string& url, const PoolOptions& o) {
        if (IsPostgresUrl(url)) {
            primary_ = std::make_unique<ConnPool>(
                "primary", [url] { return OpenPostgres(url); }, o.size, o.checkout_timeout);
            if (!o.read_url.empty()) {
                reads_ = std::make_unique<ConnPool>(
                    "replica", [u = o.read_url] { return OpenPostgres(u); }, o.size, o.checkout_timeout);
                monitor_ = std::make_unique<ReplicaMonitor>(url, o.read_url, o.read_max_lag_seconds);
            }
        } else {
            if (!o.read_url.empty()) throw StoreError("--db-read 只用于 PostgreSQL（SQLite 的读连接在同一文件上）");
            std::string path = url.starts_with("sqlite:") ? url.substr(7) : url;
            if (path.empty()) throw StoreError("--db sqlite:PATH 需要文件路径");
            // One writer; WAL readers on a file (an in-memory database has no second connection).
            primary_ = std::make_unique<ConnPool>(
                "primary", [path] { return OpenSqlite(path); }, 1, o.checkout_timeout);
            if (path != ":memory:" && !path.starts_with("file::memory:") && o.size > 1)
                reads_ = std::make_unique<ConnPool>(
                    "readers", [path] { return OpenSqliteReader(path); }, o.size, o.checkout_timeout);
        }
        primary_->OpenFirst();
        dialect_ = primary_->dialect();
    }

    ~PooledDb() override { monitor_.reset(); }

    Dialect dialect() const override { return dialect_; }

    void ExecScript(const std::string& sql) override {
        if (Binding* b = Bound()) return b->conn->ExecScript(sql);
        Lease c(*primary_);
        c->ExecScript(sql);
        writes_++;
    }

    std::optional<std::uint64_t> WriteGeneration() const override { return writes_.load(); }

    std::vector<SqlRow> Query(const std::string& sql, const std::vector<SqlValue>& params) override {
        if (Binding* b = Bound()) return b->conn->Query(sql, params);
        const bool read = ReadOnlyStatement(sql);
        if (read && reads_ && core::ports::ReadIntent::Active() && (!monitor_ || monitor_->Usable())) {
            try {
                Lease c(*reads_);
                auto rows = c->Query(sql, params);
                replica_reads_++;
                return rows;
            } catch (const StoreUnavailable&) {
                if (!monitor_) throw;  // SQLite readers: busy or full is the answer
                monitor_->NoteFailure();  // the replica went away: the primary answers
            } catch (const StoreError&) {
                if (!monitor_) throw;
                monitor_->NoteFailure();  // e.g. a standby that cancelled the query on conflict
            }
        }
        Lease c(*primary_);
        auto rows = c->Query(sql, params);
        if (read) {
            primary_reads_++;
        } else {
            writes_++;
            if (monitor_) NoteWrite(*c);
        }
        return rows;
    }

    // Always the primary: the callers (a board rebuild) read what the next writes will patch.
    void QueryEach(const std::string& sql, const std::vector<SqlValue>& params,
                   const std::function<void(const SqlRow&)>& on_row) override {
        if (Binding* b = Bound()) return b->conn->QueryEach(sql, params, on_row);
        Lease c(*primary_);
        c->QueryEach(sql, params, on_row);
        primary_reads_++;
    }

    void QueryEachInt(const std::string& sql, const std::vector<SqlValue>& params,
                      const std::function<void(std::span<const std::int64_t>)>& on_row) override {
        if (Binding* b = Bound()) return b->conn->QueryEachInt(sql, params, on_row);
        Lease c(*primary_);
        c->QueryEachInt(sql, params, on_row);
        primary_reads_++;
    }

    int ConcurrentStreams() const override {
        return dialect_ == Dialect::kPostgres && !Bound() ? primary_->capacity() : 1;
    }
    bool InTransaction() const override { return Bound() != nullptr; }

    void Begin() override {
        if (Bound()) throw StoreError("nested Begin on one connection");
        SqlDb* conn = primary_->Checkout();
        try {
            conn->Begin();
        } catch (...) {
            primary_->Return(conn);
            throw;
        }
        bindings_.push_back({this, conn});
    }
    void Commit() override {
        SqlDb* conn = Unbind();
        try {
            conn->Commit();
            writes_++;
            if (monitor_) NoteWrite(*conn);
        } catch (...) {
            primary_->Return(conn);
            throw;
        }
        primary_->Return(conn);
    }
    void Rollback() override {
        SqlDb* conn = Unbind();
        try {
            conn->Rollback();
        } catch (...) {
            primary_->Return(conn);
            throw;
        }
        primary_->Return(conn);
    }

    DbCounters Counters() const override {
        DbCounters c = primary_->Counters();
        c.unavailable += stats_.unavailable.load();
        return c;
    }

    std::string PoolMetricsText() const override {
        const std::string backend = dialect_ == Dialect::kSqlite ? "sqlite" : "postgresql";
        std::string out =
            "# HELP lingyan_db_pool_size Connections open in each pool.\n# TYPE lingyan_db_pool_size gauge\n"
            "# HELP lingyan_db_pool_in_use Connections checked out now.\n# TYPE lingyan_db_pool_in_use gauge\n"
            "# HELP lingyan_db_pool_waits_total Checkouts that found every connection busy and waited.\n"
            "# TYPE lingyan_db_pool_waits_total counter\n"
            "# HELP lingyan_db_pool_timeouts_total Checkouts that gave up (answered 503).\n"
            "# TYPE lingyan_db_pool_timeouts_total counter\n";
        out += primary_->MetricsText(backend);
        if (reads_) out += reads_->MetricsText(backend);
        const std::string labels = "{backend=\"" + backend + "\"}";
        out += "# HELP lingyan_db_reads_total SELECTs by where they were answered.\n"
               "# TYPE lingyan_db_reads_total counter\n"
               "lingyan_db_reads_total{backend=\"" + backend + "\",target=\"primary\"} " +
               std::to_string(primary_reads_.load()) + "\nlingyan_db_reads_total{backend=\"" + backend +
               "\",target=\"" + (monitor_ ? "replica" : "readers") + "\"} " + std::to_string(replica_reads_.load()) + "\n";
        if (monitor_)
            out += "# HELP lingyan_db_replica_lag_seconds The read replica's lag behind the primary (-1: unreachable).\n"
                   "# TYPE lingyan_db_replica_lag_seconds gauge\nlingyan_db_replica_lag_seconds" + labels + " " +
                   std::to_string(monitor_->lag_seconds()) +
                   "\n# HELP lingyan_db_replica_usable 1 while reads may go to the replica.\n"
                   "# TYPE lingyan_db_replica_usable gauge\nlingyan_db_replica_usable" + labels + " " +
                   (monitor_->usable_flag() ? "1" : "0") + "\n";
        return out;
    }

private:
    struct Binding {
        const PooledDb* db;
        SqlDb* conn;
    };
    Binding* Bound() const {
        for (auto& b : bindings_)
            if (b.db == this) return &b;
        return nullptr;
    }
    SqlDb* Unbind() {
        for (auto it = bindings_.begin(); it != bindings_.end(); ++it)
            if (it->db == this) {
                SqlDb* conn = it->conn;
                bindings_.erase(it);
                return conn;
            }
        throw StoreError("Commit or Rollback without Begin");
    }
    void NoteWrite(SqlDb& conn) {
        try {
            monitor_->NoteWrite(AsInt(conn.Query(kLsnNow)[0][0]));
        } catch (const std::exception&) {
            // The connection failed after the write: the write's own call reports it.
        }
    }

    Dialect dialect_ = Dialect::kSqlite;
    std::unique_ptr<ConnPool> primary_, reads_;
    std::unique_ptr<ReplicaMonitor> monitor_;
    std::atomic<std::uint64_t> primary_reads_{0}, replica_reads_{0};
    std::atomic<std::uint64_t> writes_{0};  // WriteGeneration
    static inline thread_local std::vector<Binding> bindings_;
};

}  // namespace

std::unique_ptr<SqlDb> OpenPooled(const std::string& url, const PoolOptions& options) {
    return std::make_unique<PooledDb>(url, options);
}

}  // namespace lingyan::storage
