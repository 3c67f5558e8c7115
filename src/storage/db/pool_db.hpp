#pragma once
// The connection pool (issue 15 item 1) and read routing to a streaming replica (item 3).
//
// OpenPooled returns one SqlDb that the stores share, as before, but behind it are several
// connections:
//   - PostgreSQL: up to `size` connections to the primary, opened on demand (the first at once).
//     Every call outside a transaction checks one out for that call; Begin checks one out and binds
//     it to the calling thread until Commit/Rollback, so a transaction stays on one connection.
//     Prepared statements are per connection (pg_db.cpp keeps the cache in each). A checkout that
//     finds every connection busy waits up to `checkout_timeout` and then fails with
//     StoreUnavailable (the server answers 503 at once instead of queueing without bound). A lost
//     connection reconnects on its next checkout (pg_db.cpp: backoff, one retry of safe statements).
//   - SQLite: one writer connection (transactions and every write) and up to `size` WAL readers
//     (`PRAGMA query_only`), opened on demand, for the queries of a core::ports::ReadIntent.
//   - `read_url` (PostgreSQL only): a streaming replica. A SELECT under a ReadIntent and outside a
//     transaction goes to the replica's own pool when (a) the replica is no further behind than
//     `read_max_lag` and (b) it has replayed this process's last write (read-your-writes: after every
//     commit on the primary the pool notes pg_current_wal_lsn()). A monitor thread polls both servers
//     every 100 ms: the replica's lag is the age of the newest primary position it has replayed
//     (pg_last_wal_replay_lsn() against the primary's pg_current_wal_lsn() samples), so an idle
//     primary does not look like lag and a stopped replica does. When the replica fails a read, the
//     read is answered by the primary and the replica is skipped until the next good poll.
//
// Thread-safety: every SqlDb call may come from any thread; a transaction's calls from its thread.

#include <chrono>
#include <memory>
#include <string>

#include "storage/db/sql_db.hpp"

namespace lingyan::storage {

struct PoolOptions {
    int size = 4;  // PostgreSQL: connections to the primary (and to the replica); SQLite: WAL readers
    std::chrono::milliseconds checkout_timeout{2000};
    std::string read_url;              // "" = no replica
    double read_max_lag_seconds = 5;   // a replica further behind is skipped
};

// Opens `url` ("sqlite:PATH", "postgresql://…", "host=… dbname=…") behind a pool.
std::unique_ptr<SqlDb> OpenPooled(const std::string& url, const PoolOptions& options);

}  // namespace lingyan::storage
