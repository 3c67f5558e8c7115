// Proof under faults, against the real `lingyan serve` on loopback (LINGYAN_FAULT_SIZE=full for
// make soak; small in make test):
//  - kill -9 during a write load, on each backend: every acknowledged write is there after the
//    restart and no batch is half applied;
//  - PostgreSQL stopped under load: requests fail fast with 503 and succeed again once it is back,
//    without restarting lingyan;
//  - the disk full (a file-size limit on the server process): writes refused with a clear 503,
//    reads still served, nothing corrupted, writes accepted again once space returns.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "fault/fault_util.hpp"
#include "integration/cli_run.hpp"
#include "integration/test_server.hpp"

namespace lingyan::fault {
namespace {

namespace json = boost::json;
using testing::Client;
using testing::Encode;
using testing::HttpResult;
using testing::PersonName;
using Clock = std::chrono::steady_clock;

std::int64_t Ms(Clock::duration d) { return std::chrono::duration_cast<std::chrono::milliseconds>(d).count(); }

// A client on another port with the same session (sessions live in the database).
Client Again(const Client& c, unsigned short port) {
    Client out(port);
    out.cookie = c.cookie;
    out.csrf = c.csrf;
    return out;
}

std::string PersonBody(std::int64_t unit, const std::string& name) {
    return json::serialize(json::object{{"unit_id", unit}, {"name", PersonName(name)}, {"gender", "male"},
                                        {"birth_date", "1990-01-01"}, {"education", "high"}});
}

HttpResult Send(Client& c, const std::string& method, const std::string& target, const std::string& body) {
    try {
        return c.Send(method, target, body);
    } catch (const std::exception&) {
        return {};  // connection refused: the server is gone
    }
}

std::int64_t UnitId(Client& c, const std::string& name) {
    auto units = json::parse(c.Get("/api/v1/units?q=" + Encode(name)).body);
    return units.at("items").at(0).at("id").as_int64();
}

std::string Today() {
    const auto t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

class KillNineTest : public ::testing::TestWithParam<std::string> {};

TEST_P(KillNineTest, EveryAcknowledgedWriteSurvivesAndNoBatchIsHalfApplied) {
    const std::string url = testing::FreshDatabase(GetParam());
    if (url.empty()) GTEST_SKIP() << "LINGYAN_TEST_PG not set";
    const std::string key = testing::TestAuditKey(url);
    testing::TempDir dir;
    const std::string log = (dir / "serve.log").string();
    Server server = Spawn(url, key, {"--demo"}, log);
    Client tangma(server.port), town(server.port);
    ASSERT_EQ(tangma.Login("tangma").status, 200);
    ASSERT_EQ(town.Login("town").status, 200);
    std::vector<std::int64_t> members;
    const json::value listed = json::parse(tangma.Get("/api/v1/points/members?limit=20").body);
    for (const auto& m : listed.at("items").as_array()) members.push_back(m.at("id").as_int64());
    ASSERT_GE(members.size(), 5u);
    const std::int64_t unit = UnitId(town, "灵湖村");

    const int rounds = FullSize() ? 8 : 1;
    const auto load = std::chrono::milliseconds(FullSize() ? 4000 : 1500);
    std::set<std::string> acked_batches;
    std::set<std::int64_t> acked_people;
    std::map<int, int> statuses;
    for (int round = 0; round < rounds; ++round) {
        std::atomic<bool> stop{false};
        std::mutex mutex;
        auto batch_writer = [&, port = server.port](int writer) {
            Client c = Again(tangma, port);
            for (int k = 0; !stop; ++k) {
                const std::string note = "fault-" + std::to_string(round) + "-" + std::to_string(writer) + "-" + std::to_string(k);
                json::array ids;
                for (auto id : members) ids.push_back(id);
                auto r = Send(c, "POST", "/api/v1/points/events/bulk",
                              json::serialize(json::object{{"rule", "ZY01"}, {"date", Today()}, {"note", note}, {"members", ids}}));
                std::lock_guard lock(mutex);
                statuses[r.status]++;
                if (r.status == 201) acked_batches.insert(note);
                if (r.status == 0) break;
            }
        };
        std::thread w1(batch_writer, 1), w2(batch_writer, 2);
        std::thread people([&, port = server.port] {
            Client c = Again(town, port);
            for (int i = 0; !stop; ++i) {
                auto r = Send(c, "POST", "/api/v1/people", PersonBody(unit, "故障" + std::to_string(round) + "-" + std::to_string(i)));
                std::lock_guard lock(mutex);
                statuses[r.status]++;
                if (r.status == 201) acked_people.insert(json::parse(r.body).at("id").as_int64());
                if (r.status == 0) break;
            }
        });
        std::this_thread::sleep_for(load);
        KillNine(server);
        stop = true;
        w1.join();
        w2.join();
        people.join();
        server = Spawn(url, key, {}, log);
    }
    ASSERT_GE(acked_batches.size(), 3u) << "the load did not write";

    // Straight from the database: each batch is all of its members or nothing.
    std::map<std::string, std::int64_t> per_note;
    for (const auto& row : Sql(url, "SELECT note, COUNT(*) FROM points_events WHERE note LIKE 'fault-%' GROUP BY note"))
        per_note[row[0]] = std::stoll(row[1]);
    for (const auto& note : acked_batches) EXPECT_EQ(per_note[note], static_cast<std::int64_t>(members.size())) << note;
    for (const auto& [note, n] : per_note) EXPECT_EQ(n, static_cast<std::int64_t>(members.size())) << "half batch " << note;
    std::set<std::int64_t> stored;
    for (const auto& row : Sql(url, "SELECT id FROM people WHERE name LIKE '故障%'")) stored.insert(std::stoll(row[0]));
    for (auto id : acked_people) EXPECT_TRUE(stored.count(id)) << "lost person " << id;

    // The restarted server serves them, and the audit chain is whole.
    Client after = Again(town, server.port);
    for (auto id : acked_people) {
        EXPECT_EQ(after.Get("/api/v1/people/" + std::to_string(id)).status, 200) << id;
        break;  // one through the API; all of them checked in SQL above
    }
    EXPECT_EQ(Stop(server), 0);
    auto verify = testing::RunCli({"audit", "verify", "--db", url, "--audit-key", key});
    EXPECT_EQ(verify.exit_code, 0) << verify.output;
    std::printf("[fault] kill -9 x%d on %s: %zu batches of %zu and %zu people acknowledged, all present; "
                "%zu batches stored, none partial; statuses:",
                rounds, GetParam().c_str(), acked_batches.size(), members.size(), acked_people.size(), per_note.size());
    for (const auto& [st, n] : statuses) std::printf(" %d×%d", st, n);
    std::printf("\n");
}

INSTANTIATE_TEST_SUITE_P(Backends, KillNineTest, ::testing::Values("sqlite", "postgres"));

struct Outcome {
    Clock::time_point at;
    int status = 0;
    std::int64_t ms = 0;
    bool write = false;
};

TEST(PostgresDown, RequestsFailFastWith503AndRecoverWithoutRestartingLingyan) {
    PrivatePostgres pg;
    pg.CreateDatabase("fault");
    const std::string url = pg.Conninfo("fault");
    testing::TempDir dir;
    const std::string key = (dir / "fault.audit-key").string();
    Server server = Spawn(url, key, {"--demo"}, (dir / "serve.log").string());
    Client town(server.port);
    ASSERT_EQ(town.Login("town").status, 200);
    const std::int64_t unit = UnitId(town, "灵湖村");

    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::vector<Outcome> outcomes;
    std::set<std::int64_t> acked;
    std::string unavailable_body, retry_after;
    auto load = [&](int writer) {
        Client c = Again(town, server.port);
        for (int i = 0; !stop; ++i) {
            const auto started = Clock::now();
            // Every fourth write carries an ID number, which the roster service checks for a holder
            // in scope: an outage must still answer 503, never 409.
            json::object person = json::parse(PersonBody(unit, "断库" + std::to_string(writer) + "-" + std::to_string(i))).as_object();
            if (i % 4 == 0 && i / 4 < 1000) person["id_number"] = testing::ResidentId(writer, i / 4);
            HttpResult r = i % 2 == 0 ? Send(c, "POST", "/api/v1/people", json::serialize(person))
                                      : Send(c, "GET", "/api/v1/people?q=" + Encode("断库"), "");
            std::lock_guard lock(mutex);
            outcomes.push_back({started, r.status, Ms(Clock::now() - started), i % 2 == 0});
            if (r.status == 201) acked.insert(json::parse(r.body).at("id").as_int64());
            if (r.status == 503 && unavailable_body.empty()) {
                unavailable_body = r.body;
                retry_after = r.headers["retry-after"];
            }
            if (r.status == 503) std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    };
    std::thread l1(load, 1), l2(load, 2);
    std::this_thread::sleep_for(std::chrono::milliseconds(800));
    const auto down_at = Clock::now();
    pg.Stop();
    const auto stopped_at = Clock::now();
    std::this_thread::sleep_for(std::chrono::milliseconds(FullSize() ? 10000 : 2000));
    const auto up_at = Clock::now();
    pg.Start();
    const auto started_at = Clock::now();
    // Serving again without a restart of lingyan.
    Clock::time_point recovered{};
    for (int waited = 0; waited < 300 && recovered == Clock::time_point{}; ++waited) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        std::lock_guard lock(mutex);
        for (const auto& o : outcomes)
            if (o.at >= started_at && (o.status == 201 || o.status == 200)) {
                recovered = o.at;
                break;
            }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    stop = true;
    l1.join();
    l2.join();

    int failed_fast = 0, during = 0, server_errors = 0, served_from_memory = 0;
    std::map<int, int> statuses;
    for (const auto& o : outcomes) statuses[o.status]++;
    for (const auto& [st, n] : statuses) std::printf("[fault] status %d: %d\n", st, n);
    std::int64_t slowest = 0;
    for (const auto& o : outcomes) {
        if (o.status == 500 || o.status == 0) ++server_errors;
        if (o.at >= stopped_at && o.at < up_at) {
            ++during;
            // Writes need the database; reads may still be answered from the in-memory roster.
            if (o.write) EXPECT_EQ(o.status, 503) << "a write while PostgreSQL was down";
            else EXPECT_TRUE(o.status == 503 || o.status == 200) << o.status;
            failed_fast += o.status == 503;
            served_from_memory += o.status == 200;
            slowest = std::max(slowest, o.ms);
        }
    }
    std::string errors;
    Shell("grep -m 5 -F '[error]' " + (dir / "serve.log").string(), &errors);
    EXPECT_EQ(server_errors, 0) << "no 500 and no dropped connection, only 503; the server logged:\n" << errors;
    EXPECT_GT(during, 10);
    EXPECT_LT(slowest, 3000) << "a request waited on the dead database instead of failing fast";
    ASSERT_NE(recovered, Clock::time_point{}) << "lingyan did not recover after PostgreSQL came back";
    EXPECT_EQ(json::parse(unavailable_body).at("error").at("code"), "unavailable");
    EXPECT_FALSE(retry_after.empty());
    int status = 0;
    EXPECT_EQ(waitpid(server.pid, &status, WNOHANG), 0) << "lingyan must still be the same process";
    std::set<std::int64_t> stored;
    for (const auto& row : Sql(url, "SELECT id FROM people WHERE name LIKE '断库%'")) stored.insert(std::stoll(row[0]));
    for (auto id : acked) EXPECT_TRUE(stored.count(id)) << "lost person " << id;
    EXPECT_EQ(Stop(server), 0);
    std::printf("[fault] PostgreSQL stopped %lld ms (stop took %lld ms): %d requests answered 503 meanwhile (%d reads "
                "from memory 200), slowest %lld ms; first success %lld ms after PostgreSQL was started again; %zu writes "
                "acknowledged, all present\n",
                static_cast<long long>(Ms(up_at - stopped_at)), static_cast<long long>(Ms(stopped_at - down_at)),
                failed_fast, served_from_memory, static_cast<long long>(slowest), static_cast<long long>(Ms(recovered - started_at)),
                acked.size());
}

TEST(DiskFull, WritesAreRefusedClearlyNothingIsCorruptedAndServiceResumes) {
    const std::string url = testing::FreshDatabase("sqlite");
    const std::string key = testing::TestAuditKey(url);
    const std::string path = url.substr(7);
    testing::TempDir dir;
    Server server = Spawn(url, key, {"--demo"}, (dir / "serve.log").string());
    Client town(server.port);
    ASSERT_EQ(town.Login("town").status, 200);
    const std::int64_t unit = UnitId(town, "灵湖村");

    // The disk "fills": no file of the server may grow more than 256 KiB past its largest now.
    namespace fs = std::filesystem;
    std::error_code ec;
    std::uintmax_t largest = fs::file_size(path, ec);
    if (fs::exists(path + "-wal")) largest = std::max(largest, fs::file_size(path + "-wal", ec));
    rlimit full{largest + (256u << 10), RLIM_INFINITY};  // the soft limit only: raising it back needs no privilege
    rlimit unlimited{RLIM_INFINITY, RLIM_INFINITY};
    ASSERT_EQ(prlimit(server.pid, RLIMIT_FSIZE, &full, nullptr), 0);

    std::set<std::int64_t> acked;
    std::map<int, int> statuses;
    std::string refusal;
    const int attempts = FullSize() ? 20000 : 4000;
    int refused = 0;
    for (int i = 0; i < attempts && refused < 20; ++i) {
        auto r = Send(town, "POST", "/api/v1/people", PersonBody(unit, "满盘" + std::to_string(i)));
        statuses[r.status]++;
        if (r.status == 201) acked.insert(json::parse(r.body).at("id").as_int64());
        if (r.status == 503) {
            ++refused;
            refusal = r.body;
        }
        ASSERT_NE(r.status, 0) << "the server died when the disk filled";
    }
    ASSERT_GT(refused, 0) << "the file-size limit was never reached";
    EXPECT_EQ(statuses[500], 0);
    EXPECT_NE(refusal.find("磁盘已满或无法写入"), std::string::npos) << refusal;
    // Reads go on while writes are refused.
    EXPECT_EQ(town.Get("/api/v1/people/" + std::to_string(*acked.begin())).status, 200);

    // Space returns: writes are accepted again, without a restart.
    ASSERT_EQ(prlimit(server.pid, RLIMIT_FSIZE, &unlimited, nullptr), 0);
    int resumed = 0;
    for (int i = 0; i < 50 && resumed == 0; ++i) {
        auto r = Send(town, "POST", "/api/v1/people", PersonBody(unit, "满盘后" + std::to_string(i)));
        if (r.status == 201) {
            ++resumed;
            acked.insert(json::parse(r.body).at("id").as_int64());
        }
    }
    EXPECT_EQ(resumed, 1) << "writes did not resume once space returned";
    EXPECT_EQ(Stop(server), 0);

    EXPECT_EQ(Sql(url, "PRAGMA integrity_check")[0][0], "ok");
    std::set<std::int64_t> stored;
    for (const auto& row : Sql(url, "SELECT id FROM people WHERE name LIKE '满盘%'")) stored.insert(std::stoll(row[0]));
    for (auto id : acked) EXPECT_TRUE(stored.count(id)) << "lost person " << id;
    EXPECT_EQ(stored.size(), acked.size()) << "a refused write was stored";
    auto verify = testing::RunCli({"audit", "verify", "--db", url, "--audit-key", key});
    EXPECT_EQ(verify.exit_code, 0) << verify.output;
    std::printf("[fault] disk full (RLIMIT_FSIZE): %zu writes accepted, %d refused with 503, 0 with 500; resumed "
                "after the limit was lifted; integrity_check ok; audit chain whole\n",
                acked.size(), refused);
}

}  // namespace
}  // namespace lingyan::fault

namespace lingyan::fault {
namespace {

// The change feed across a PostgreSQL restart: notifications sent while a server's listening
// connection was down are lost, and its catch-up read after reconnecting must bring the change in.
TEST(FeedAcrossRestart, AServerCatchesUpOnChangesMadeWhileItsFeedWasDisconnected) {
    PrivatePostgres pg;
    pg.CreateDatabase("feed");
    const std::string url = pg.Conninfo("feed");
    testing::TempDir dir;
    const std::string key = (dir / "feed.audit-key").string();
    Server a = Spawn(url, key, {"--demo"}, (dir / "a.log").string());
    Server b = Spawn(url, key, {}, (dir / "b.log").string());
    Client town_a(a.port);
    ASSERT_EQ(town_a.Login("town").status, 200);
    Client town_b = Again(town_a, b.port);
    const std::int64_t unit = UnitId(town_a, "灵湖村");

    pg.Stop();
    pg.Start();
    // At once, before B's feed has reconnected (its backoff is at least 200 ms): A's write notifies
    // nobody on B's side. A reconnects its own connection on this request.
    HttpResult r;
    for (int i = 0; i < 50 && r.status != 201; ++i) {
        r = Send(town_a, "POST", "/api/v1/people", PersonBody(unit, "重连后"));
        if (r.status != 201) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ASSERT_EQ(r.status, 201) << r.body;
    const std::string target = "/api/v1/people/" + std::to_string(json::parse(r.body).at("id").as_int64());
    const auto written = Clock::now();
    bool seen = false;
    while (!seen && Clock::now() - written < std::chrono::seconds(10)) {
        seen = Send(town_b, "GET", target, "").status == 200;
        if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    EXPECT_TRUE(seen) << "server B never caught up after its feed reconnected";
    std::printf("[fault] change feed across a PostgreSQL restart: server B showed A's write %lld ms after it\n",
                static_cast<long long>(Ms(Clock::now() - written)));
    EXPECT_EQ(Stop(a), 0);
    EXPECT_EQ(Stop(b), 0);
}

}  // namespace
}  // namespace lingyan::fault
