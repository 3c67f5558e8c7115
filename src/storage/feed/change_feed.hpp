#pragma once
// The change feed of several `lingyan serve` on one PostgreSQL (issue 15 item 2).
//
// Writer side (migration 60): a statement on a table behind an in-memory view (roster: units,
// people, positions, party_orgs, unit_incomes; points: points_events, points_members,
// points_rules, points_periods) notes its kind in `change_feed` once per transaction (seq,
// origin = the writer's application_name, commit-time clock) and NOTIFYs `lingyan_changes`;
// PostgreSQL delivers the notification only if the transaction commits.
//
// Reader side (this class): a thread with its own connection LISTENs, and on each notification —
// and every second anyway, and after a reconnect — reads the feed past what it has seen
// (catch-up), so a lost notification or a dropped connection delays a change by at most a second
// instead of losing it. Sequence numbers are taken before commit, so a transaction may commit
// after a later one: the reader re-reads a window of the last kWindow numbers and remembers
// which it has applied. Changes of its own origin are skipped (the writer's service has applied
// them already); the others are coalesced and handed to `apply`: per kind a whole reload of that
// view, except where the writer noted the rows it changed (the roster, migration 94: keys per
// table in `change_feed_rows`, at most 1,000 a transaction; the points ledger, migration 97: the
// events a transaction made counted; points members, migration 98: the rows whose unit, name,
// person, account or end changed — the points kind up to 10,000 rows a transaction, migration
// 101) — those keys are handed over instead, each with the
// transaction that noted it, for the view to read just those rows again. A transaction over the
// limit, or an entry noted without keys, asks for the whole reload.
//
// Start: changes committed before the first catch-up are skipped — the views were loaded from the
// database before it — unless the server read the feed's position before loading them (StartFrom):
// then what other servers committed since is applied.
//
// Following: after the first catch-up, `on_following` runs once (on the feed's thread); from then
// on Current() says whether every change committed up to `within` ago has been applied — false
// while the feed is disconnected, stuck in a slow reload or failing (app/accounts/auth_service
// trusts kept sessions longer only while it is true).
//
// Thread-safety: Start/Stop from one thread; `apply` runs on the feed's thread.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>

namespace lingyan::storage {

// `conninfo` with application_name set (keyword form or postgresql:// URI).
std::string WithApplicationName(const std::string& conninfo, const std::string& name);
// A name unique to this process and Runtime: "lingyan-<host>-<pid>-<random>".
std::string NewOrigin();

// What other servers changed since the last apply.
struct FeedChanges {
    std::set<std::string> kinds;  // views to reload whole
    // Views to patch row by row: kind → table → key (the row's id; unit_incomes: the unit's id) →
    // the transaction that noted it (txid_current(); the newest when several did). A kind is never
    // both here and in `kinds` (a whole reload covers its rows).
    std::map<std::string, std::map<std::string, std::map<std::int64_t, std::int64_t>>> rows;

    bool empty() const { return kinds.empty() && rows.empty(); }
    std::size_t row_count() const;
    void Merge(const FeedChanges& other);
};

class SqlDb;

// Where the feed stood: its newest sequence number and those of the window below it that had
// committed. Read before a server loads its views, it lets the feed apply what other servers
// committed during the load (ChangeFeed::StartFrom) instead of skipping it.
struct FeedPosition {
    std::int64_t head = 0;
    std::set<std::int64_t> committed;
};

class ChangeFeed {
public:
    using Apply = std::function<void(const FeedChanges& changes)>;
    ChangeFeed(std::string conninfo, std::string origin, Apply apply);
    ~ChangeFeed();  // stops the thread

    static FeedPosition PositionNow(SqlDb& db);
    // Before Start(): the first catch-up applies every change not in `from` (the views were loaded
    // after it was read; applying a change twice is harmless, missing one is not). Without it,
    // the feed starts at the head it finds when it connects.
    void StartFrom(FeedPosition from) { start_ = std::move(from); }
    // Before Start(): runs once after the first catch-up read (see above).
    void OnFollowing(std::function<void()> on_following) { on_following_ = std::move(on_following); }
    void Start();
    void Stop();
    bool Current(std::chrono::milliseconds within = std::chrono::milliseconds(2000)) const;

    // Prometheus series: lingyan_feed_* (head seq, whole reloads and rows applied, lag of the last
    // apply, reconnects).
    std::string MetricsText() const;

    static constexpr std::int64_t kWindow = 1000;

private:
    void Run();

    std::string conninfo_, origin_;
    Apply apply_;
    std::function<void()> on_following_;
    std::optional<FeedPosition> start_;
    std::thread thread_;
    std::atomic<bool> stop_{false};
    std::atomic<std::int64_t> head_{0}, applied_{0}, rows_applied_{0}, reconnects_{0}, lag_micros_{0};
    std::atomic<bool> connected_{false};
    // Steady-clock milliseconds at the start of the last catch-up whose changes are all applied; 0: none yet.
    std::atomic<std::int64_t> vouched_ms_{0};
};

}  // namespace lingyan::storage
