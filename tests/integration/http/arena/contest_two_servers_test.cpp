// A live contest watched through either of two servers on one PostgreSQL (issue 15): the host's
// actions on server A and a judge's score sent through server B reach the screens on both, in seq
// order, through the change feed (contests, events and seats notify `arena`).
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <set>
#include <thread>

#include "demo/arena_demo.hpp"
#include "integration/http/arena/live_client.hpp"
#include "integration/test_server.hpp"

namespace lingyan::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

std::string Path(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/contests/" + std::to_string(id) + rest;
}

TEST(ContestTwoServers, AHostActionOnOneServerReachesTheScreensOfTheOther) {
    const std::string url = FreshDatabase("postgres");
    if (url.empty()) GTEST_SKIP() << "LINGYAN_TEST_PG not set";
    TestServer a(url, /*demo=*/true);
    auto& rt = a.runtime();
    demo::LoadDemoArena(*rt.store, rt.store_mutex, rt.crypto, rt.clock, *rt.roster, *rt.campaigns, *rt.arena);
    TestServer b(url, /*demo=*/false);
    a.runtime().StartChangeFeed();
    b.runtime().StartChangeFeed();

    Client host_a(a.port());
    ASSERT_EQ(host_a.Login("keqiao").status, 200);
    Client host_b(b.port());  // sessions live in the database: the same cookie works on B
    host_b.cookie = host_a.cookie;
    host_b.csrf = host_a.csrf;
    const auto list = Json(host_a.Get("/api/v1/contests")).as_object();
    ASSERT_EQ(list.at("items").as_array().size(), 1u);
    const std::int64_t id = list.at("items").as_array()[0].at("id").as_int64();
    const auto detail = Json(host_a.Get(Path(id))).as_object();
    const std::int64_t first = detail.at("rounds").as_array()[0].at("order").as_array()[0].as_int64();
    std::map<std::int64_t, int> seat_of;
    for (const auto& s : detail.at("seats_list").as_array())
        seat_of[s.at("id").as_int64()] = static_cast<int>(s.at("seat").as_int64());
    std::set<int> recused;
    for (const auto& x : detail.at("recusals").as_array())
        if (x.at("contestant_id").as_int64() == first) recused.insert(seat_of[x.at("seat_id").as_int64()]);

    Watcher on_a(a.port(), id), on_b(b.port(), id);
    const std::int64_t seq = on_a.Next()->at("seq").as_int64();
    ASSERT_EQ(on_b.Next()->at("seq").as_int64(), seq);

    // The host advances on A: B's screen shows it (after the notification), with the same state.
    auto r = host_a.Send("POST", Path(id, "/advance"), "");
    ASSERT_EQ(r.status, 200) << r.body;
    const auto via_a = on_a.Expect(seq + 1);
    const auto via_b = on_b.Expect(seq + 1);
    EXPECT_EQ(std::string(via_b.at("kind").as_string()), "advance");
    EXPECT_EQ(via_b.at("state").at("current").at("id").as_int64(), first);
    EXPECT_EQ(json::serialize(via_a.at("state")), json::serialize(via_b.at("state")));

    // Scoring opens through A as well.
    r = host_a.Send("POST", Path(id, "/open"), "");
    ASSERT_EQ(r.status, 200) << r.body;
    on_a.Expect(seq + 2);
    EXPECT_EQ(std::string(on_b.Expect(seq + 2).at("kind").as_string()), "open");

    // A judge joins by link on A and scores through B: both screens get the score as seq + 3.
    const auto links = Json(host_a.Send("POST", Path(id, "/links"), "")).as_object();
    int seat = 0;
    std::string token;
    for (const auto& l : links.at("items").as_array()) {
        const int n = static_cast<int>(l.at("seat").as_int64());
        if (n >= 2 && !recused.count(n)) {
            seat = n;
            token = std::string(l.at("token").as_string());
            break;
        }
    }
    ASSERT_NE(seat, 0);
    Phone phone{a.port(), id, "", ""};
    ASSERT_EQ(phone.Join(token).status, 200);
    phone.port = b.port();
    auto scored = phone.Score(first, 30, 5, "two-servers-1");
    ASSERT_EQ(scored.status, 200) << scored.body;
    EXPECT_EQ(Json(scored).at("seq").as_int64(), seq + 3);
    EXPECT_EQ(on_b.Expect(seq + 3).at("seat").as_int64(), seat);
    EXPECT_EQ(on_a.Expect(seq + 3).at("seat").as_int64(), seat);

    // The host goes on through B (its state includes A's writes): A's screen follows.
    r = host_b.Send("POST", Path(id, "/close"), "");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(Json(r).at("seq").as_int64(), seq + 4);
    EXPECT_EQ(std::string(on_a.Expect(seq + 4).at("kind").as_string()), "close");
    EXPECT_EQ(std::string(on_b.Expect(seq + 4).at("kind").as_string()), "close");

    // A screen that joins B later resumes from any seq with the whole history.
    Watcher late(b.port(), id, "?after=" + std::to_string(seq));
    for (std::int64_t s = seq + 1; s <= seq + 4; ++s) late.Expect(s);
}

}  // namespace
}  // namespace lingyan::testing
