// Several servers, one truth (PostgreSQL): a write through server A reaches server B's in-memory
// views (roster index, points leaderboards, evaluated campaign boards) through the change feed;
// random writes through both (people added, renamed, moved, removed — the roster's rows applied one
// by one —, points events) end with the same views on both, equal to those of a third server
// that loads them afresh from the database (a recount) and to a server that restores its boards from a
// board snapshot kept halfway (migration 100) and what was counted since. Every wait has a deadline, every request
// a socket timeout, and the spawned servers are reaped on every exit.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <functional>
#include <random>
#include <set>
#include <thread>

#include "integration/test_server.hpp"
#include "storage/db/sql_db.hpp"

namespace lingyan::testing {
namespace {

namespace json = boost::json;
using Clock = std::chrono::steady_clock;

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
    SpawnedServer a(url, /*demo=*/true);
    SpawnedServer b(url, /*demo=*/false);
    Client town_a(a.port), tangma_a(a.port);
    ASSERT_EQ(town_a.Login("town").status, 200);
    ASSERT_EQ(tangma_a.Login("tangma").status, 200);
    Client town_b = town_a.On(b.port), tangma_b = tangma_a.On(b.port);  // sessions are in the database
    Client* town[] = {&town_a, &town_b};
    Client* tangma[] = {&tangma_a, &tangma_b};
    const json::value units = json::parse(town_a.Get("/api/v1/units?q=" + Encode("灵湖村")).body);
    const std::int64_t unit = units.at("items").at(0).at("id").as_int64();
    const json::value others = json::parse(town_a.Get("/api/v1/units?q=" + Encode("采莲村")).body);
    const std::int64_t other_unit = others.at("items").at(0).at("id").as_int64();
    std::vector<std::int64_t> created;  // people added by the writes, for edits, moves and removals
    const json::value listed = json::parse(tangma_a.Get("/api/v1/points/members?limit=30").body);
    std::vector<std::int64_t> members;
    for (const auto& m : listed.at("items").as_array()) members.push_back(m.at("id").as_int64());
    ASSERT_GE(members.size(), 10u);
    ASSERT_EQ(Board(tangma_a), Board(tangma_b));

    std::mt19937 rng(15);
    std::vector<double> person_ms, points_ms;
    const int writes = 30;
    for (int i = 0; i < writes; ++i) {
        if (i == writes / 2) {
            // Halfway, a board snapshot is kept (as serve's keeper does after a build): a server
            // started at the end restores from it and the writes since (below).
            composition::Runtime keeper(url, TestAuditKey(url), TestDataDir(url));
            keeper.roster->Reload();
            ASSERT_EQ(keeper.points->CompareWithRecount(), 0u);
            ASSERT_NE(keeper.points->KeepBoardSnapshots().find("积分榜快照已保存"), std::string::npos);
        }
        const int via = static_cast<int>(rng() % 2), other = 1 - via;
        if (rng() % 2 == 0) {
            // The roster, applied row by row on the other server: a new person, or an earlier one
            // renamed, moved to the other village or removed.
            const int op = created.empty() ? 0 : static_cast<int>(rng() % 4);
            const std::int64_t someone = created.empty() ? 0 : created[rng() % created.size()];
            const std::string target = "/api/v1/people/" + std::to_string(someone);
            const std::string name = PersonName("同步" + std::to_string(i));
            std::function<bool(const HttpResult&)> seen;
            if (op == 0) {
                auto r = town[via]->Send("POST", "/api/v1/people",
                                         json::serialize(json::object{{"unit_id", unit},
                                                                      {"name", name},
                                                                      {"gender", "female"},
                                                                      {"birth_date", "1991-05-01"},
                                                                      {"education", "high"}}));
                ASSERT_EQ(r.status, 201) << r.body;
                created.push_back(json::parse(r.body).at("id").as_int64());
                seen = [](const HttpResult& got) { return got.status == 200; };
            } else if (op == 1) {
                auto r = town[via]->Send("PATCH", target, json::serialize(json::object{{"name", name}}));
                ASSERT_EQ(r.status, 200) << r.body;
                seen = [&](const HttpResult& got) {
                    return got.status == 200 && json::parse(got.body).at("name").as_string() == name;
                };
            } else if (op == 2) {
                const std::int64_t to = rng() % 2 == 0 ? other_unit : unit;
                auto r = town[via]->Send("PATCH", target, json::serialize(json::object{{"unit_id", to}}));
                ASSERT_EQ(r.status, 200) << r.body;
                seen = [to](const HttpResult& got) {
                    return got.status == 200 && json::parse(got.body).at("unit_id").as_int64() == to;
                };
            } else {
                ASSERT_EQ(town[via]->Send("DELETE", target, "").status, 204);
                std::erase(created, someone);
                seen = [](const HttpResult& got) { return got.status == 404; };
            }
            const std::string where = "/api/v1/people/" + std::to_string(op == 0 ? created.back() : someone);
            const double ms = WaitMs([&] { return seen(town[other]->Get(where)); });
            ASSERT_GE(ms, 0) << "change " << op << " of " << where << " never reached the other server";
            person_ms.push_back(ms);
        } else {
            json::array some;
            for (std::size_t k = 0; k < 1 + rng() % 5; ++k) some.push_back(members[rng() % members.size()]);
            std::sort(some.begin(), some.end(),
                      [](const json::value& x, const json::value& y) { return x.as_int64() < y.as_int64(); });
            some.erase(std::unique(some.begin(), some.end()), some.end());
            auto r = tangma[via]->Send(
                "POST", "/api/v1/points/events/bulk",
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
        const auto id =
            storage::AsInt(db->Query("INSERT INTO people (unit_id, name, gender, birth_date, education) "
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
    // A server that starts from the snapshot kept halfway and what was counted since: its boards
    // equal a recount of the ledger, and the served ones (below).
    {
        composition::Runtime restored(url, TestAuditKey(url), TestDataDir(url));
        restored.roster->Reload();
        restored.points->Reload();  // the current period's boards, as a start builds them
        const auto report = restored.points->LastBuildReport();
        EXPECT_TRUE(report.from_snapshot) << report.why_not;
        EXPECT_GT(report.counted_since, 0u) << "points writes after the snapshot";
        EXPECT_EQ(restored.points->CompareWithRecount(), 0u);
    }
    // Both views equal a recount: a third server that loads everything from the database.
    SpawnedServer c(url, /*demo=*/false);
    Client tangma_c = tangma_a.On(c.port), town_c = town_a.On(c.port);
    EXPECT_EQ(Board(tangma_a), Board(tangma_c));
    EXPECT_EQ(Board(tangma_b), Board(tangma_c));
    for (const std::int64_t u : {unit, other_unit}) {
        const std::string people = "/api/v1/people?unit=" + std::to_string(u) + "&size=500";
        EXPECT_EQ(town_a.Get(people).body, town_c.Get(people).body);
        EXPECT_EQ(town_b.Get(people).body, town_c.Get(people).body);
    }

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

// The campaign boards: random facts entered through either server; after each, the other server's
// board (kept in memory, dropped by the feed's `campaigns` notification) shows it; at the end both
// equal a third server's freshly evaluated board.
TEST(ChangeFeed, CampaignBoardsFollowRandomFactsThroughEitherServerAndMatchARecount) {
    const std::string url = FreshDatabase("postgres");
    if (url.empty()) GTEST_SKIP() << "LINGYAN_TEST_PG not set";
    SpawnedServer a(url, /*demo=*/true);
    SpawnedServer b(url, /*demo=*/false);
    Client county_a(a.port);
    ASSERT_EQ(county_a.Login("county").status, 200);
    Client county_b = county_a.On(b.port);
    Client* county[] = {&county_a, &county_b};
    const auto units = county_a.Get("/api/v1/units?q=" + Encode("姜堰区"));
    ASSERT_EQ(units.status, 200) << units.body;
    ASSERT_FALSE(Json(units).at("items").as_array().empty()) << units.body;
    const std::int64_t scope = Json(units).at("items").at(0).at("id").as_int64();
    const auto children = county_a.Get("/api/v1/units?parent=" + std::to_string(scope));
    ASSERT_EQ(children.status, 200) << children.body;
    json::array subject_units;
    const json::value child_units = Json(children);  // kept: a range-for over a temporary's member dangles
    for (const auto& u : child_units.at("items").as_array())
        if (subject_units.size() < 4) subject_units.push_back(u.at("id").as_int64());
    ASSERT_EQ(subject_units.size(), 4u);
    const json::value framework = json::parse(R"({"name": "两台服务器的考核", "awards": [], "criteria": [
        {"id": "review", "name": "述职评审", "weight": 2, "method": "judges", "trim": 0, "max": 100},
        {"id": "visit", "name": "实地察看", "weight": 1, "method": "judges", "trim": 0, "max": 100}]})");
    auto created = county_a.Send("POST", "/api/v1/campaigns",
                                 json::serialize(json::object{{"name", "两台服务器的考核"},
                                                              {"scope_unit_id", scope},
                                                              {"framework", framework},
                                                              {"cycle_kind", "year"},
                                                              {"cycle_label", "2021"},
                                                              {"subjects", subject_units}}));
    ASSERT_EQ(created.status, 201) << created.body;
    const json::value detail = json::parse(created.body);
    ASSERT_TRUE(detail.as_object().contains("subjects")) << created.body;
    const std::string base = "/api/v1/campaigns/" + std::to_string(detail.at("id").as_int64());
    std::vector<std::int64_t> subjects;
    for (const auto& sub : detail.at("subjects").as_array()) subjects.push_back(sub.at("id").as_int64());
    auto ranking = [&](Client& c) {
        auto r = c.Get(base + "/ranking");
        return r.status == 200 ? r.body : "status " + std::to_string(r.status) + " " + r.body;
    };
    // B evaluates the board once it knows the campaign, and keeps it.
    ASSERT_GE(WaitMs([&] { return ranking(county_b) == ranking(county_a); }), 0) << ranking(county_b);

    std::mt19937 rng(88);
    const char* criteria[] = {"review", "visit"};
    std::vector<double> ms_seen;
    for (int i = 0; i < 16; ++i) {
        const int via = static_cast<int>(rng() % 2), other = 1 - via;
        json::array facts;  // one more judge's score for 1–3 distinct (subject, criterion) pairs
        std::set<std::pair<std::size_t, int>> pairs;
        for (std::size_t k = 0; k < 1 + rng() % 3; ++k)
            pairs.emplace(rng() % subjects.size(), static_cast<int>(rng() % 2));
        for (const auto& [subject, criterion] : pairs)
            facts.push_back(json::object{{"subject_id", subjects[subject]},
                                         {"criterion", criteria[criterion]},
                                         {"key", "judge"},
                                         {"value", 50 + static_cast<int>(rng() % 51)}});
        auto entered = county[via]->Send("POST", base + "/facts", json::serialize(json::object{{"facts", facts}}));
        ASSERT_EQ(entered.status, 200) << entered.body;
        const std::string expected = ranking(*county[via]);
        ASSERT_EQ(expected.rfind("status", 0), std::string::npos) << expected;
        const double ms = WaitMs([&] { return ranking(*county[other]) == expected; });
        ASSERT_GE(ms, 0) << "write " << i << ": the other server's board did not follow\n"
                         << ranking(*county[other]) << "\n"
                         << expected;
        ms_seen.push_back(ms);
    }
    // Both boards equal a recount by a server that evaluates the campaign from the database.
    SpawnedServer c(url, /*demo=*/false);
    Client county_c = county_a.On(c.port);
    const std::string recount = ranking(county_c);
    EXPECT_EQ(ranking(county_a), recount);
    EXPECT_EQ(ranking(county_b), recount);
    std::sort(ms_seen.begin(), ms_seen.end());
    std::printf("[feed] campaign board on the other server: n=%zu p50 %.0f ms, max %.0f ms\n", ms_seen.size(),
                ms_seen[ms_seen.size() / 2], ms_seen.back());
}

}  // namespace
}  // namespace lingyan::testing
