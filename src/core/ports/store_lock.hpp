#pragma once
// The store mutex and the read intent (issue 15: a connection pool and read replicas).
//
// StoreMutex guards the database together with the in-memory views the services keep beside it.
// Writes take it exclusively (std::lock_guard, as always): one writer at a time, transactions on
// one connection. Reads that touch no in-memory state they would change take it shared
// (`UseCaseBase::ReadLock`), so that several run at once, each on its own pooled connection.
//
// ReadIntent marks the current thread's queries, while it lives, as reads that may be answered by
// a read replica (or SQLite's WAL readers) when one is configured and current
// (storage/db/pool_db.hpp decides). Outside a ReadIntent every query goes to the primary.
// Pure bookkeeping: no I/O here.

#include <shared_mutex>

namespace lingyan::core::ports {

using StoreMutex = std::shared_mutex;

class ReadIntent {
public:
    ReadIntent() : previous_(active_) { active_ = true; }
    ~ReadIntent() { active_ = previous_; }
    ReadIntent(const ReadIntent&) = delete;
    ReadIntent& operator=(const ReadIntent&) = delete;

    // True while a ReadIntent lives on this thread.
    static bool Active() { return active_; }

private:
    bool previous_;
    static inline thread_local bool active_ = false;
};

// A shared lock on the store mutex plus the read intent, released together.
struct ReadLock {
    explicit ReadLock(StoreMutex& m) : lock(m) {}
    std::shared_lock<StoreMutex> lock;
    ReadIntent intent;
};

}  // namespace lingyan::core::ports
