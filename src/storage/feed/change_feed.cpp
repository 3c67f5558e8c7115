#include "storage/feed/change_feed.hpp"

#include <libpq-fe.h>
#include <poll.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <optional>
#include <random>
#include <utility>
#include <vector>

#include "storage/db/sql_db.hpp"
#include "core/common/metric_text.hpp"

namespace lingyan::storage {

namespace {

using Clock = std::chrono::steady_clock;

std::int64_t SteadyMs(Clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

constexpr const char* kCatchUp =
    "SELECT seq, kind, origin, EXTRACT(EPOCH FROM clock_timestamp() - at), txid FROM change_feed WHERE seq > $1 "
    "ORDER BY seq";
// The keys noted with the entries of these transactions (migration 94); ('*', 0): too many to note.
constexpr const char* kRowsOf = "SELECT txid, kind, tbl, id FROM change_feed_rows WHERE txid = ANY($1::BIGINT[])";
constexpr const char* kHead = "SELECT COALESCE(MAX(seq), 0) FROM change_feed";
// The committed entries of the window below the head (ChangeFeed::PositionNow).
constexpr const char* kWindowNow =
    "SELECT seq FROM change_feed WHERE seq > (SELECT COALESCE(MAX(seq), 0) FROM change_feed) - ? ORDER BY seq";
// The keys go with their entries (a transaction's keys commit with its entry, so an entry gone means
// its keys are no longer read).
constexpr const char* kPrune =
    "WITH gone AS (DELETE FROM change_feed WHERE at < now() - interval '1 day' RETURNING txid) "
    "DELETE FROM change_feed_rows WHERE txid IN (SELECT txid FROM gone)";

}  // namespace

std::size_t FeedChanges::row_count() const {
    std::size_t n = 0;
    for (const auto& [kind, tables] : rows)
        for (const auto& [table, keys] : tables) n += keys.size();
    return n;
}

void FeedChanges::Merge(const FeedChanges& other) {
    kinds.insert(other.kinds.begin(), other.kinds.end());
    for (const auto& [kind, tables] : other.rows)
        for (const auto& [table, keys] : tables)
            for (const auto& [key, txid] : keys) {
                auto& noted = rows[kind][table][key];
                noted = std::max(noted, txid);
            }
    for (const auto& kind : kinds) rows.erase(kind);
}

std::string WithApplicationName(const std::string& conninfo, const std::string& name) {
    if (conninfo.starts_with("postgresql://") || conninfo.starts_with("postgres://"))
        return conninfo + (conninfo.find('?') == std::string::npos ? "?" : "&") + "application_name=" + name;
    return conninfo + " application_name=" + name;
}

std::string NewOrigin() {
    char host[64] = {};
    ::gethostname(host, sizeof host - 1);
    static std::mt19937_64 rng{std::random_device{}()};
    return "lingyan-" + std::string(host) + "-" + std::to_string(::getpid()) + "-" + std::to_string(rng() % 1000000);
}

ChangeFeed::ChangeFeed(std::string conninfo, std::string origin, Apply apply)
    : conninfo_(std::move(conninfo)), origin_(std::move(origin)), apply_(std::move(apply)) {}

ChangeFeed::~ChangeFeed() { Stop(); }

void ChangeFeed::Start() {
    if (thread_.joinable()) return;
    stop_ = false;
    thread_ = std::thread([this] { Run(); });
}

void ChangeFeed::Stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
}

bool ChangeFeed::Current(std::chrono::milliseconds within) const {
    const std::int64_t vouched = vouched_ms_.load();
    return vouched != 0 && SteadyMs(Clock::now()) - vouched < within.count();
}

FeedPosition ChangeFeed::PositionNow(SqlDb& db) {
    FeedPosition at;
    for (const auto& row : db.Query(kWindowNow, {kWindow})) at.committed.insert(AsInt(row[0]));
    if (!at.committed.empty()) at.head = *at.committed.rbegin();
    return at;
}

void ChangeFeed::Run() {
    PGconn* conn = nullptr;
    // Applied or skipped, within the window.
    std::set<std::int64_t> seen = start_ ? start_->committed : std::set<std::int64_t>{};
    bool first = true;
    std::optional<Clock::time_point> last_prune;  // pruned at the first look, then hourly
    auto disconnect = [&] {
        if (conn) PQfinish(conn);
        conn = nullptr;
        connected_ = false;
    };
    // Reads the feed past the window's floor, and the keys noted with the entries to apply; adds
    // what to apply to `changes`. Nothing counts as seen unless both reads succeed.
    auto catch_up = [&](FeedChanges& changes, double& lag) -> bool {
        struct Entry {
            std::int64_t seq, txid;
            std::string kind;
            double lag;
            bool apply;
        };
        std::vector<Entry> fresh;
        {
            const std::int64_t floor = std::max<std::int64_t>(0, head_ - kWindow);
            const std::string floor_text = std::to_string(floor);
            const char* params[] = {floor_text.c_str()};
            PGresult* r = PQexecParams(conn, kCatchUp, 1, nullptr, params, nullptr, nullptr, 0);
            if (PQresultStatus(r) != PGRES_TUPLES_OK) {
                PQclear(r);
                return false;
            }
            for (int i = 0; i < PQntuples(r); ++i) {
                const std::int64_t seq = std::stoll(PQgetvalue(r, i, 0));
                if (seen.contains(seq)) continue;
                // Skipped: before our views were loaded, or our own.
                const bool apply = (!first || start_) && PQgetvalue(r, i, 2) != origin_;
                fresh.push_back({seq, std::stoll(PQgetvalue(r, i, 4)), PQgetvalue(r, i, 1),
                                 std::stod(PQgetvalue(r, i, 3)), apply});
            }
            PQclear(r);
        }
        // (txid, kind) → table → key → txid.
        std::map<std::pair<std::int64_t, std::string>, decltype(FeedChanges::rows)::mapped_type> noted;
        std::string txids;
        for (const Entry& e : fresh)
            if (e.apply) txids += (txids.empty() ? "{" : ",") + std::to_string(e.txid);
        if (!txids.empty()) {
            txids += "}";
            const char* params[] = {txids.c_str()};
            PGresult* r = PQexecParams(conn, kRowsOf, 1, nullptr, params, nullptr, nullptr, 0);
            if (PQresultStatus(r) != PGRES_TUPLES_OK) {
                PQclear(r);
                return false;
            }
            for (int i = 0; i < PQntuples(r); ++i) {
                const std::int64_t txid = std::stoll(PQgetvalue(r, i, 0));
                noted[{txid, PQgetvalue(r, i, 1)}][PQgetvalue(r, i, 2)][std::stoll(PQgetvalue(r, i, 3))] = txid;
            }
            PQclear(r);
        }
        for (const Entry& e : fresh) {
            seen.insert(e.seq);
            head_ = std::max<std::int64_t>(head_, e.seq);
            if (!e.apply) continue;
            lag = std::max(lag, e.lag);
            FeedChanges one;
            auto keys = noted.find({e.txid, e.kind});
            if (keys == noted.end() || keys->second.contains("*")) one.kinds.insert(e.kind);
            else one.rows[e.kind] = std::move(keys->second);
            changes.Merge(one);
        }
        while (!seen.empty() && *seen.begin() <= head_ - kWindow) seen.erase(seen.begin());
        return true;
    };
    auto backoff = std::chrono::milliseconds(200);
    FeedChanges pending;  // what failed to apply: tried again after the next wait
    while (!stop_) {
        if (!conn) {
            conn = PQconnectdb(WithApplicationName(conninfo_, origin_ + "-feed").c_str());
            PGresult* r = PQstatus(conn) == CONNECTION_OK ? PQexec(conn, "LISTEN lingyan_changes") : nullptr;
            const bool ok = r && PQresultStatus(r) == PGRES_COMMAND_OK;
            PQclear(r);
            if (!ok) {
                disconnect();
                std::this_thread::sleep_for(backoff);
                backoff = std::min(backoff * 2, std::chrono::milliseconds(2000));
                continue;
            }
            backoff = std::chrono::milliseconds(200);
            if (!first) reconnects_++;
            connected_ = true;
            if (first && start_) {
                head_ = start_->head;  // where the feed stood before our views were loaded
            } else if (first) {
                // Our views were loaded from the database before this; start from its head.
                PGresult* h = PQexec(conn, kHead);
                if (PQresultStatus(h) == PGRES_TUPLES_OK) head_ = std::stoll(PQgetvalue(h, 0, 0));
                PQclear(h);
            }
        }
        // Changes since the last look (after a notification, a timeout or a reconnect).
        FeedChanges changes;
        double lag = 0;
        const auto started = Clock::now();
        if (!catch_up(changes, lag)) {
            disconnect();
            continue;
        }
        pending.Merge(changes);
        if (!pending.empty()) {
            try {
                apply_(pending);
                applied_ += static_cast<std::int64_t>(pending.kinds.size());
                rows_applied_ += static_cast<std::int64_t>(pending.row_count());
                pending = {};
                lag_micros_ = static_cast<std::int64_t>(
                    (lag + std::chrono::duration<double>(Clock::now() - started).count()) * 1e6);
            } catch (const std::exception& e) {
                spdlog::error("其他服务器的变更未能载入（{}），1 秒后重试: {}",
                              pending.kinds.empty() ? pending.rows.begin()->first : *pending.kinds.begin(), e.what());
            }
        }
        if (first && on_following_) on_following_();
        first = false;
        // Everything committed before this catch-up began is applied (unless a reload failed).
        if (pending.empty()) vouched_ms_ = SteadyMs(started);
        if (!last_prune || Clock::now() - *last_prune > std::chrono::hours(1)) {
            PQclear(PQexec(conn, kPrune));
            last_prune = Clock::now();
        }
        // Wait for a notification, at most a second — unless one came already: libpq queues a
        // notification that arrives while it reads a query's result (the catch-up's), and then the
        // socket has nothing more to say, so polling would wait out the second (it did: a change
        // committed during a catch-up showed 1 s late).
        bool notified = false;
        while (PGnotify* n = PQnotifies(conn)) {
            PQfreemem(n);
            notified = true;
        }
        if (notified) continue;
        pollfd pfd{PQsocket(conn), POLLIN, 0};
        ::poll(&pfd, 1, 1000);
        if (!PQconsumeInput(conn)) {
            disconnect();
            continue;
        }
        while (PGnotify* n = PQnotifies(conn)) PQfreemem(n);
    }
    disconnect();
}

std::string ChangeFeed::MetricsText() const {
    const auto line = core::MetricText;
    return line("lingyan_feed_connected", "gauge", "1 while the change feed listens.", connected_ ? "1" : "0") +
           line("lingyan_feed_head_seq", "gauge", "Highest change sequence number seen.", std::to_string(head_.load())) +
           line("lingyan_feed_applied_total", "counter", "View reloads applied for other servers' changes.",
                std::to_string(applied_.load())) +
           line("lingyan_feed_rows_applied_total", "counter",
                "Rows of other servers' changes applied one by one (instead of a view reload).",
                std::to_string(rows_applied_.load())) +
           line("lingyan_feed_lag_seconds", "gauge", "Commit to applied, for the last change applied.",
                std::to_string(static_cast<double>(lag_micros_.load()) / 1e6)) +
           line("lingyan_feed_reconnects_total", "counter", "Change feed reconnections.", std::to_string(reconnects_.load()));
}

}  // namespace lingyan::storage
