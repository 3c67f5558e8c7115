// The connection pool (storage/db/pool_db.hpp) on each backend, and read routing to a real
// streaming replica (scripts/with-postgres.sh starts one beside the throwaway primary).
#include "storage/db/pool_db.hpp"

#include <gtest/gtest.h>

#include <span>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <set>
#include <span>
#include <thread>

#include "core/ports/store_errors.hpp"
#include "core/ports/store_lock.hpp"
#include "integration/test_server.hpp"

namespace lingyan::storage {
namespace {

using namespace std::chrono_literals;
using core::ports::ReadIntent;
using core::ports::StoreUnavailable;

// Polls `fn` for up to 20 s (the replica's catch-up on a loaded machine); true once it held.
template <typename Fn>
bool Eventually(Fn fn) {
    const auto until = std::chrono::steady_clock::now() + 20s;
    while (std::chrono::steady_clock::now() < until) {
        if (fn()) return true;
        std::this_thread::sleep_for(20ms);
    }
    return false;
}

std::string Metric(const SqlDb& db, const std::string& series) {
    const std::string text = db.PoolMetricsText();
    const auto at = text.find("\n" + series + " ");
    if (at == std::string::npos) return "missing";
    const auto start = at + series.size() + 2;
    return text.substr(start, text.find('\n', start) - start);
}

// A latch: one thread holds something until the other says it is done.
struct Gate {
    std::mutex m;
    std::condition_variable cv;
    int arrived = 0;
    void Arrive() {
        std::lock_guard lock(m);
        ++arrived;
        cv.notify_all();
    }
    void WaitFor(int n) {
        std::unique_lock lock(m);
        cv.wait(lock, [&] { return arrived >= n; });
    }
};

TEST(Pool, PostgresTransactionsRunTogetherOnTheirOwnConnectionsAndAFullPoolAnswersUnavailable) {
    const std::string url = testing::FreshDatabase("postgres");
    if (url.empty()) GTEST_SKIP() << "LINGYAN_TEST_PG not set";
    PoolOptions o;
    o.size = 2;
    o.checkout_timeout = 200ms;
    auto db = OpenPooled(url, o);
    db->ExecScript("CREATE TABLE t (id BIGINT PRIMARY KEY, v TEXT)");
    EXPECT_EQ(Metric(*db, "lingyan_db_pool_size{backend=\"postgresql\",pool=\"primary\"}"), "1");  // opened on demand

    // Two transactions at once: each keeps one connection (same backend pid throughout), and they differ.
    Gate both_open, third_tried;
    std::int64_t pids[2][2] = {};
    auto tx = [&](int k) {
        db->Begin();
        pids[k][0] = AsInt(db->Query("SELECT pg_backend_pid()")[0][0]);
        db->Query("INSERT INTO t (id, v) VALUES (?, ?)", {std::int64_t{k}, std::string("x")});
        both_open.Arrive();
        third_tried.WaitFor(1);
        pids[k][1] = AsInt(db->Query("SELECT pg_backend_pid()")[0][0]);
        db->Commit();
    };
    std::thread a(tx, 0), b(tx, 1);
    both_open.WaitFor(2);
    EXPECT_EQ(Metric(*db, "lingyan_db_pool_in_use{backend=\"postgresql\",pool=\"primary\"}"), "2");
    // Both connections are taken: a third caller waits its timeout and is refused (503 upstream).
    EXPECT_THROW(db->Query("SELECT 1"), StoreUnavailable);
    third_tried.Arrive();
    a.join();
    b.join();
    EXPECT_EQ(pids[0][0], pids[0][1]);
    EXPECT_EQ(pids[1][0], pids[1][1]);
    EXPECT_NE(pids[0][0], pids[1][0]);
    EXPECT_EQ(AsInt(db->Query("SELECT COUNT(*) FROM t")[0][0]), 2);
    EXPECT_EQ(Metric(*db, "lingyan_db_pool_size{backend=\"postgresql\",pool=\"primary\"}"), "2");
    EXPECT_EQ(Metric(*db, "lingyan_db_pool_in_use{backend=\"postgresql\",pool=\"primary\"}"), "0");
    EXPECT_EQ(Metric(*db, "lingyan_db_pool_timeouts_total{backend=\"postgresql\",pool=\"primary\"}"), "1");
    EXPECT_NE(Metric(*db, "lingyan_db_pool_waits_total{backend=\"postgresql\",pool=\"primary\"}"), "0");

    // Prepared statements are per connection: the same statement on both connections at once.
    std::atomic<int> ok{0};
    Gate held;
    auto reader = [&] {
        db->Begin();
        for (int i = 0; i < 20; ++i) ok += AsInt(db->Query("SELECT COUNT(*) FROM t WHERE id >= ?", {std::int64_t{0}})[0][0]) == 2;
        held.Arrive();
        held.WaitFor(2);  // both hold their connection: the statement was prepared on each
        db->Commit();
    };
    std::thread r1(reader), r2(reader);
    r1.join();
    r2.join();
    EXPECT_EQ(ok.load(), 40);

    // Every connection killed by the server (as after a restart): the next calls reconnect.
    auto admin = OpenPostgres(std::getenv("LINGYAN_TEST_PG"));
    const std::string dbname = url.substr(url.find("dbname=") + 7, url.find(' ', url.find("dbname=")) - url.find("dbname=") - 7);
    admin->Query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?", {dbname});
    EXPECT_TRUE(Eventually([&] {
        try {
            return AsInt(db->Query("SELECT COUNT(*) FROM t")[0][0]) == 2;
        } catch (const StoreUnavailable&) {
            return false;
        }
    }));
    EXPECT_NE(db->Counters().reconnects, 0u);
}

// QueryEach streams the rows Query returns (PostgreSQL: through COPY, its text format decoded),
// with the parameters as literals; the write generation moves with each write and not with reads.
class Streamed : public ::testing::TestWithParam<const char*> {};

TEST_P(Streamed, QueryEachYieldsWhatQueryReturnsAndWritesMoveTheGeneration) {
    const std::string url = testing::FreshDatabase(GetParam());
    if (url.empty()) GTEST_SKIP() << "LINGYAN_TEST_PG not set";
    auto db = OpenPooled(url, PoolOptions{});
    db->ExecScript("CREATE TABLE t (id BIGINT PRIMARY KEY, v TEXT, n BIGINT)");
    const auto before = db->WriteGeneration();
    ASSERT_TRUE(before.has_value());
    const std::vector<std::string> texts = {"plain", "tab\there", "line\nbreak\r", "back\\slash \\N", "引号 'it''s'",
                                            "\\x41\\101", "", "末尾\\"};
    db->Begin();
    for (std::size_t i = 0; i < texts.size(); ++i)
        db->Query("INSERT INTO t (id, v, n) VALUES (?, ?, ?)",
                  {static_cast<std::int64_t>(i + 1), texts[i], i % 3 == 0 ? SqlValue{} : SqlValue{std::int64_t(-7)}});
    db->Commit();
    db->Query("INSERT INTO t (id, v, n) VALUES (100, NULL, 5)");
    const auto after = db->WriteGeneration();
    EXPECT_EQ(*after, *before + 2);  // the commit and the statement outside a transaction
    const std::string sql = "SELECT id, v, n FROM t WHERE id >= ? AND (v IS NULL OR v <> ?) ORDER BY id";
    const std::vector<SqlValue> params{std::int64_t{2}, std::string("it's '?' not here")};
    std::vector<SqlRow> streamed;
    db->QueryEach(sql, params, [&](const SqlRow& row) { streamed.push_back(row); });
    const auto rows = db->Query(sql, params);
    EXPECT_EQ(rows.size(), texts.size());
    EXPECT_EQ(streamed, rows);
    EXPECT_EQ(db->WriteGeneration(), after);  // reads write nothing
    // A failing statement is an error, and the connection serves the next one.
    EXPECT_THROW(db->QueryEach("SELECT nope FROM t", {}, [](const SqlRow&) {}), StoreError);
    // A callback that throws stops the stream; the connection is usable afterwards.
    EXPECT_THROW(db->QueryEach(sql, params, [](const SqlRow&) { throw std::runtime_error("stop"); }), std::runtime_error);
    EXPECT_EQ(db->Query(sql, params), rows);
}

// QueryEachInt reads integer columns (NULL as 0, negative and 64-bit values whole) and refuses a
// column that is not an integer; ConcurrentStreams is 1 inside a transaction.
TEST_P(Streamed, QueryEachIntReadsIntegerColumnsAndRefusesText) {
    const std::string url = testing::FreshDatabase(GetParam());
    if (url.empty()) GTEST_SKIP() << "LINGYAN_TEST_PG not set";
    auto db = OpenPooled(url, PoolOptions{});
    db->ExecScript("CREATE TABLE t (id BIGINT PRIMARY KEY, v TEXT, n BIGINT)");
    db->Query("INSERT INTO t (id, v, n) VALUES (1, 'a', -7), (2, 'b', NULL), (3, 'c', 9007199254740993)");
    std::vector<std::vector<std::int64_t>> rows;
    db->QueryEachInt("SELECT id, n FROM t WHERE id >= ? ORDER BY id", {std::int64_t{1}},
                     [&](std::span<const std::int64_t> r) { rows.emplace_back(r.begin(), r.end()); });
    const std::vector<std::vector<std::int64_t>> expected = {{1, -7}, {2, 0}, {3, 9007199254740993}};
    EXPECT_EQ(rows, expected);
    EXPECT_THROW(db->QueryEachInt("SELECT id, v FROM t", {}, [](std::span<const std::int64_t>) {}), std::exception);
    EXPECT_EQ(AsInt(db->Query("SELECT COUNT(*) FROM t")[0][0]), 3);  // the connection serves the next one
    const int outside = db->ConcurrentStreams();
    EXPECT_EQ(outside, std::string(GetParam()) == "postgres" ? PoolOptions{}.size : 1);
    db->Begin();
    EXPECT_EQ(db->ConcurrentStreams(), 1);
    db->Rollback();
}

INSTANTIATE_TEST_SUITE_P(Backends, Streamed, ::testing::Values("sqlite", "postgres"));

TEST(Pool, SqliteHasOneWriterAndAnswersReadsFromWalReaders) {
    const std::string url = testing::FreshDatabase("sqlite");
    PoolOptions o;
    o.size = 2;
    o.checkout_timeout = 200ms;
    auto db = OpenPooled(url, o);
    db->ExecScript("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
    db->Query("INSERT INTO t (id, v) VALUES (1, 'a')");
    const std::string readers = "lingyan_db_reads_total{backend=\"sqlite\",target=\"readers\"}";
    EXPECT_EQ(Metric(*db, readers), "0");
    {
        ReadIntent intent;
        EXPECT_EQ(AsInt(db->Query("SELECT COUNT(*) FROM t")[0][0]), 1);
        db->Query("INSERT INTO t (id, v) VALUES (2, 'b')");  // a write under a read intent still goes to the writer
    }
    EXPECT_EQ(Metric(*db, readers), "1");
    EXPECT_EQ(Metric(*db, "lingyan_db_pool_capacity{backend=\"sqlite\",pool=\"primary\"}"), "1");

    // A transaction holds the one writer: a reader still answers (the committed rows), a second
    // writer waits its timeout and is refused.
    Gate opened, done;
    std::thread writer([&] {
        db->Begin();
        db->Query("INSERT INTO t (id, v) VALUES (3, 'c')");
        opened.Arrive();
        done.WaitFor(1);
        db->Commit();
    });
    opened.WaitFor(1);
    {
        ReadIntent intent;
        EXPECT_EQ(AsInt(db->Query("SELECT COUNT(*) FROM t")[0][0]), 2);  // not the open transaction's row
    }
    EXPECT_THROW(db->Query("INSERT INTO t (id, v) VALUES (4, 'd')"), StoreUnavailable);
    done.Arrive();
    writer.join();
    ReadIntent intent;
    EXPECT_EQ(AsInt(db->Query("SELECT COUNT(*) FROM t")[0][0]), 3);
}

// The replica's connection string for the database of `url` (a fresh test database).
std::string ReplicaOf(const std::string& url) {
    const char* replica = std::getenv("LINGYAN_TEST_PG_REPLICA");
    if (!replica || !*replica) return "";
    std::string out = replica;
    const auto name = url.substr(url.find("dbname="));
    out.replace(out.find("dbname="), out.find(' ', out.find("dbname=")) - out.find("dbname="),
                name.substr(0, name.find(' ')));
    return out;
}

TEST(Replica, ReadsGoToACurrentReplicaAndToThePrimaryWhenItStopsOrLags) {
    const std::string url = testing::FreshDatabase("postgres");
    if (url.empty()) GTEST_SKIP() << "LINGYAN_TEST_PG not set";
    const std::string replica = ReplicaOf(url);
    const char* ctl = std::getenv("LINGYAN_TEST_PG_REPLICA_CTL");
    ASSERT_FALSE(replica.empty()) << "scripts/with-postgres.sh did not start its streaming replica";
    ASSERT_NE(ctl, nullptr);
    {  // the database exists on the replica once replayed
        auto primary = OpenPostgres(url);
        primary->ExecScript("CREATE TABLE t (id BIGINT PRIMARY KEY)");
    }
    PoolOptions o;
    o.size = 2;
    o.read_url = replica;
    o.read_max_lag_seconds = 1;
    auto db = OpenPooled(url, o);
    // One read under a read intent, answered by one server: where ("replica" when in recovery, else
    // "primary") and how many rows it saw. One query, so the two can't come from different servers.
    struct Answer {
        std::string by;
        std::int64_t rows;
    };
    auto read = [&] {
        ReadIntent intent;
        const auto row = db->Query("SELECT pg_is_in_recovery()::text, COUNT(*) FROM t")[0];
        return Answer{AsText(row[0]) == "true" ? "replica" : "primary", AsInt(row[1])};
    };
    auto answered_by = [&] { return read().by; };
    auto count = [&] { return read().rows; };
    ASSERT_TRUE(Eventually([&] { return std::string(answered_by()) == "replica"; })) << db->PoolMetricsText();
    {
        db->Query("SELECT 1");  // outside a read intent: always the primary
    }

    // A write, then at once a read: read-your-writes (the replica only once it replayed the write).
    db->Query("INSERT INTO t (id) VALUES (1)");
    EXPECT_EQ(count(), 1);
    // The replica catches up and answers again, with the row.
    Answer a;
    EXPECT_TRUE(Eventually([&] { return (a = read()).by == "replica"; }));
    EXPECT_EQ(a.rows, 1);  // in the same answer: the replica answers only once it replayed our write
    EXPECT_EQ(Metric(*db, "lingyan_db_replica_usable{backend=\"postgresql\"}"), "1");

    // The replica stopped: reads go to the primary and still see every write.
    ASSERT_EQ(std::system((std::string(ctl) + " stop").c_str()), 0);
    db->Query("INSERT INTO t (id) VALUES (2)");
    EXPECT_EQ(count(), 2);
    EXPECT_TRUE(Eventually([&] { return Metric(*db, "lingyan_db_replica_usable{backend=\"postgresql\"}") == "0"; }));
    EXPECT_EQ(std::string(answered_by()), "primary");
    EXPECT_EQ(count(), 2);
    ASSERT_EQ(std::system((std::string(ctl) + " start").c_str()), 0);
    EXPECT_TRUE(Eventually([&] { return (a = read()).by == "replica"; })) << db->PoolMetricsText();
    EXPECT_EQ(a.rows, 2);

    // Replay paused: once the replica is more than 1 s behind another writer's change, it is skipped.
    auto on_replica = OpenPostgres(replica);
    on_replica->Query("SELECT pg_wal_replay_pause()");
    {
        auto other = OpenPostgres(url);  // another server's write: this pool's read-your-writes does not see it
        other->Query("INSERT INTO t (id) VALUES (3)");
    }
    EXPECT_TRUE(Eventually([&] { return Metric(*db, "lingyan_db_replica_usable{backend=\"postgresql\"}") == "0"; }));
    EXPECT_EQ(std::string(answered_by()), "primary");
    EXPECT_EQ(count(), 3);
    on_replica->Query("SELECT pg_wal_replay_resume()");
    // Usable again once less than 1 s behind, which may still be before another server's row 3 (within
    // the allowed lag); then it replays the row.
    EXPECT_TRUE(Eventually([&] { return (a = read()).by == "replica" && a.rows == 3; })) << db->PoolMetricsText();
}

}  // namespace
}  // namespace lingyan::storage
