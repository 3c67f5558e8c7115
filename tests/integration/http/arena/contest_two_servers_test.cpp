// A live contest watched through either of two servers on one PostgreSQL (issue 15): the host's
// actions on server A and a judge's score sent through server B reach the screens on both, in seq
// order, through the change feed (contests, events and seats notify `arena`); the campaign boards
// follow a change made on the other server (`campaigns`).
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

TEST(ContestTwoServers, ACampaignBoardFollowsAChangeMadeOnTheOtherServer) {
    const std::string url = FreshDatabase("postgres");
    if (url.empty()) GTEST_SKIP() << "LINGYAN_TEST_PG not set";
    TestServer a(url, /*demo=*/true);
    TestServer b(url, /*demo=*/false);
    a.runtime().StartChangeFeed();
    b.runtime().StartChangeFeed();
    Client county_a(a.port());
    ASSERT_EQ(county_a.Login("county").status, 200);
    Client county_b(b.port());
    county_b.cookie = county_a.cookie;
    county_b.csrf = county_a.csrf;
    const auto units = Json(county_a.Get("/api/v1/units?q=" + Encode("姜堰区"))).at("items").as_array();
    ASSERT_FALSE(units.empty());
    const std::int64_t county = units[0].at("id").as_int64();
    json::array subjects;
    for (const auto& u : Json(county_a.Get("/api/v1/units?parent=" + std::to_string(county))).at("items").as_array())
        if (subjects.size() < 2) subjects.push_back(u.at("id").as_int64());
    ASSERT_EQ(subjects.size(), 2u);
    const json::value framework = json::parse(R"({"name": "两台服务器的考核", "awards": [],
        "criteria": [{"id": "review", "name": "述职评审", "weight": 1, "method": "judges", "trim": 0, "max": 100}]})");
    auto created = county_a.Send("POST", "/api/v1/campaigns",
                                 json::serialize(json::object{{"name", "两台服务器的考核"}, {"scope_unit_id", county},
                                                              {"framework", framework}, {"cycle_kind", "year"},
                                                              {"cycle_label", "2021"}, {"subjects", subjects}}));
    ASSERT_EQ(created.status, 201) << created.body;
    const auto detail = Json(created).as_object();
    const std::string ranking = "/api/v1/campaigns/" + std::to_string(detail.at("id").as_int64()) + "/ranking";
    const auto until = std::chrono::steady_clock::now() + 20s;
    HttpResult before;
    while (std::chrono::steady_clock::now() < until && (before = county_b.Get(ranking)).status != 200)
        std::this_thread::sleep_for(20ms);
    ASSERT_EQ(before.status, 200) << before.body;  // B evaluated the board and keeps it
    ASSERT_EQ(county_a.Get(ranking).body, before.body);

    // Facts entered through A: B's kept board is dropped by the feed and rebuilt with them.
    const std::int64_t subject = detail.at("subjects").as_array()[0].at("id").as_int64();
    json::array facts{json::object{{"subject_id", subject}, {"criterion", "review"}, {"key", "judge"}, {"value", 88}}};
    auto entered = county_a.Send("POST", "/api/v1/campaigns/" + std::to_string(detail.at("id").as_int64()) + "/facts",
                                 json::serialize(json::object{{"facts", facts}}));
    ASSERT_EQ(entered.status, 200) << entered.body;
    const std::string after_a = county_a.Get(ranking).body;
    ASSERT_NE(after_a, before.body);
    std::string after_b;
    while (std::chrono::steady_clock::now() < until + 20s && (after_b = county_b.Get(ranking).body) != after_a)
        std::this_thread::sleep_for(20ms);
    EXPECT_EQ(after_b, after_a);
}

}  // namespace
}  // namespace lingyan::testing
