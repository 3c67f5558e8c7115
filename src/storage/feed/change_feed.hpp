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
// them already); the others are coalesced per kind and handed to `apply` (which reloads that view).
//
// Thread-safety: Start/Stop from one thread; `apply` runs on the feed's thread.

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <thread>

namespace lingyan::storage {

// `conninfo` with application_name set (keyword form or postgresql:// URI).
std::string WithApplicationName(const std::string& conninfo, const std::string& name);
// A name unique to this process and Runtime: "lingyan-<host>-<pid>-<random>".
std::string NewOrigin();

class ChangeFeed {
public:
    using Apply = std::function<void(const std::set<std::string>& kinds)>;
    ChangeFeed(std::string conninfo, std::string origin, Apply apply);
    ~ChangeFeed();  // stops the thread
    void Start();
    void Stop();

    // Prometheus series: lingyan_feed_* (head seq, applied, lag of the last apply, reconnects).
    std::string MetricsText() const;

    static constexpr std::int64_t kWindow = 1000;

private:
    void Run();

    std::string conninfo_, origin_;
    Apply apply_;
    std::thread thread_;
    std::atomic<bool> stop_{false};
    std::atomic<std::int64_t> head_{0}, applied_{0}, reconnects_{0}, lag_micros_{0};
    std::atomic<bool> connected_{false};
};

}  // namespace lingyan::storage
