// Several servers, one truth (PostgreSQL): a write through server A reaches server B's in-memory
// views (roster index, points leaderboards) through the change feed; random writes through both
// end with the same views on both, equal to those of a third server that loads them afresh from
// the database (a recount).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <random>
#include <thread>

#include "integration/test_server.hpp"
#include "storage/db/sql_db.hpp"

namespace lingyan::testing {
namespace {

namespace json = boost::json;
using Clock = std::chrono::steady_clock;

struct Spawned {
    pid_t pid;
    unsigned short port;
    ~Spawned() {
        kill(pid, SIGTERM);
        waitpid(pid, nullptr, 0);
    }
};

Client As(const Client& c, unsigned short port) {
    Client out(port);
    out.cookie = c.cookie;
    out.csrf = c.csrf;
    return out;
}

std::string Today() {
    const auto t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

// Polls `fn` until it returns true; the time it took, or -1 after 5 s.
template <typename Fn>
double WaitMs(Fn fn) {
    const auto started = Clock::now();
    while (Clock::now() - started < std::chrono::seconds(5)) {
        if (fn()) return std::chrono::duration<double, std::milli>(Clock::now() - started).count();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return -1;
}

std::string Board(Client& c) {
    auto r = c.Get("/api/v1/points/leaderboard?top=1000");
    return r.status == 200 ? json::serialize(json::parse(r.body).at("items")) : "status " + std::to_string(r.status);
}

TEST(ChangeFeed, WritesThroughEitherServerReachTheOthersViewsAndMatchARecount) {
    const std::string url = FreshDatabase("postgres");
    if (url.empty()) GTEST_SKIP() << "LINGYAN_TEST_PG not set";
    auto [pid_a, port_a] = SpawnServer(url, /*demo=*/true);
    Spawned a{pid_a, port_a};
    auto [pid_b, port_b] = SpawnServer(url, /*demo=*/false);
    Spawned b{pid_b, port_b};
    Client town_a(a.port), tangma_a(a.port);
    ASSERT_EQ(town_a.Login("town").status, 200);
    ASSERT_EQ(tangma_a.Login("tangma").status, 200);
    Client town_b = As(town_a, b.port), tangma_b = As(tangma_a, b.port);  // sessions are in the database
    Client* town[] = {&town_a, &town_b};
    Client* tangma[] = {&tangma_a, &tangma_b};
    const json::value units = json::parse(town_a.Get("/api/v1/units?q=" + Encode("灵湖村")).body);
    const std::int64_t unit = units.at("items").at(0).at("id").as_int64();
    const json::value listed = json::parse(tangma_a.Get("/api/v1/points/members?limit=30").body);
    std::vector<std::int64_t> members;
    for (const auto& m : listed.at("items").as_array()) members.push_back(m.at("id").as_int64());
    ASSERT_GE(members.size(), 10u);
    ASSERT_EQ(Board(tangma_a), Board(tangma_b));

    std::mt19937 rng(15);
    std::vector<double> person_ms, points_ms;
    const int writes = 30;
    for (int i = 0; i < writes; ++i) {
        const int via = static_cast<int>(rng() % 2), other = 1 - via;
        if (rng() % 2 == 0) {
            auto r = town[via]->Send("POST", "/api/v1/people",
                                     json::serialize(json::object{{"unit_id", unit}, {"name", PersonName("同步" + std::to_string(i))},
                                                                  {"gender", "female"}, {"birth_date", "1991-05-01"},
                                                                  {"education", "high"}}));
            ASSERT_EQ(r.status, 201) << r.body;
            const std::string target = "/api/v1/people/" + std::to_string(json::parse(r.body).at("id").as_int64());
            const double ms = WaitMs([&] { return town[other]->Get(target).status == 200; });
            ASSERT_GE(ms, 0) << "person " << target << " never reached the other server";
            person_ms.push_back(ms);
        } else {
            json::array some;
            for (std::size_t k = 0; k < 1 + rng() % 5; ++k) some.push_back(members[rng() % members.size()]);
            std::sort(some.begin(), some.end(), [](const json::value& x, const json::value& y) { return x.as_int64() < y.as_int64(); });
            some.erase(std::unique(some.begin(), some.end()), some.end());
            auto r = tangma[via]->Send("POST", "/api/v1/points/events/bulk",
                                       json::serialize(json::object{{"rule", "ZY01"}, {"date", Today()}, {"members", some}}));
            ASSERT_EQ(r.status, 201) << r.body;
            const std::string expected = Board(*tangma[via]);
            const double ms = WaitMs([&] { return Board(*tangma[other]) == expected; });
            ASSERT_GE(ms, 0) << "the other server's leaderboard did not follow";
            points_ms.push_back(ms);
        }
    }
    // A change whose notification never came (written with triggers off, noted in the feed by
    // hand, no NOTIFY): both servers find it by their periodic catch-up read.
    {
        auto db = storage::OpenPostgres(url);
        db->Begin();
        db->Query("SET LOCAL session_replication_role = replica");
        const auto id = storage::AsInt(db->Query("INSERT INTO people (unit_id, name, gender, birth_date, education) "
                                                 "VALUES (?, '静默写入', 'male', '1990-01-01', 'high') RETURNING id",
                                                 {unit})[0][0]);
        db->Query("INSERT INTO change_feed (kind, origin, txid) VALUES ('roster', 'test', txid_current())");
        db->Commit();
        const std::string target = "/api/v1/people/" + std::to_string(id);
        for (Client* c : town) {
            const double ms = WaitMs([&] { return c->Get(target).status == 200; });
            EXPECT_GE(ms, 0) << "a change without a notification was never caught up";
            std::printf("[feed] change without a notification caught up after %.0f ms\n", ms);
        }
    }
    // Both views equal a recount: a third server that loads everything from the database.
    auto [pid_c, port_c] = SpawnServer(url, /*demo=*/false);
    Spawned c{pid_c, port_c};
    Client tangma_c = As(tangma_a, c.port), town_c = As(town_a, c.port);
    EXPECT_EQ(Board(tangma_a), Board(tangma_c));
    EXPECT_EQ(Board(tangma_b), Board(tangma_c));
    const std::string people = "/api/v1/people?unit=" + std::to_string(unit) + "&size=500";
    EXPECT_EQ(town_a.Get(people).body, town_c.Get(people).body);
    EXPECT_EQ(town_b.Get(people).body, town_c.Get(people).body);

    auto summary = [](std::vector<double> v) {
        if (v.empty()) return std::string("-");
        std::sort(v.begin(), v.end());
        char buf[96];
        std::snprintf(buf, sizeof buf, "n=%zu p50 %.0f ms, p90 %.0f ms, max %.0f ms", v.size(), v[v.size() / 2],
                      v[v.size() * 9 / 10], v.back());
        return std::string(buf);
    };
    std::printf("[feed] write on one server visible on the other: roster %s; points board %s\n",
                summary(person_ms).c_str(), summary(points_ms).c_str());
}

}  // namespace
}  // namespace lingyan::testing
