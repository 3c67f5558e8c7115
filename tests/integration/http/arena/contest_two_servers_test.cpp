// A live contest watched through either of two servers on one PostgreSQL (issue 15): the host's
// actions on server A and a judge's score sent through server B reach the screens on both, in seq
// order, through the change feed (contests, events and seats notify `arena`); host actions and
// scores sent through both servers at the same instant are each recorded once, in one seq order,
// and both servers end with the state a fresh server recounts from the database.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <map>
#include <set>
#include <thread>
#include <vector>

#include "demo/arena_demo.hpp"
#include "integration/http/arena/live_client.hpp"
#include "integration/test_server.hpp"
#include "storage/db/sql_db.hpp"

namespace lingyan::testing {
namespace contest_two_servers_test {  // named: one unity-build unit holds several test files

namespace json = boost::json;
using namespace std::chrono_literals;

std::string Path(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/contests/" + std::to_string(id) + rest;
}

// The demo contest as its host sees it: the first contestant of round one and the seats that
// may score that contestant (not recused; seat 1 is the judge account's, the others take links).
struct DemoContest {
    std::int64_t id = 0, first = 0;
    std::set<int> recused;  // seat numbers recused from `first`
};

DemoContest ReadDemoContest(Client& host) {
    DemoContest out;
    const auto list = Json(host.Get("/api/v1/contests")).as_object();
    EXPECT_EQ(list.at("items").as_array().size(), 1u);
    out.id = list.at("items").as_array()[0].at("id").as_int64();
    const auto detail = Json(host.Get(Path(out.id))).as_object();
    out.first = detail.at("rounds").as_array()[0].at("order").as_array()[0].as_int64();
    std::map<std::int64_t, int> seat_of;
    for (const auto& s : detail.at("seats_list").as_array())
        seat_of[s.at("id").as_int64()] = static_cast<int>(s.at("seat").as_int64());
    for (const auto& x : detail.at("recusals").as_array())
        if (x.at("contestant_id").as_int64() == out.first) out.recused.insert(seat_of[x.at("seat_id").as_int64()]);
    return out;
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
    Client host_b = host_a.On(b.port());  // sessions live in the database: the same cookie works on B
    const DemoContest contest = ReadDemoContest(host_a);
    const std::int64_t id = contest.id, first = contest.first;
    const std::set<int>& recused = contest.recused;

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

// Host actions and judges' scores fired at two real `lingyan serve` on one PostgreSQL at once:
// no 5xx; each judge's sheet, sent through both servers with one key, is counted once (one ack
// says recorded, the other duplicate); the events form one gapless seq; and both servers end with
// the same state as a third server that loads the contest afresh from the database.
TEST(ContestTwoServers, ActionsAndScoresThroughBothAtOnceAreRecordedOnceInOneOrder) {
    const std::string url = FreshDatabase("postgres");
    if (url.empty()) GTEST_SKIP() << "LINGYAN_TEST_PG not set";
    SpawnedServer a(url, /*demo=*/true);  // the demo includes the 柯桥 contest
    SpawnedServer b(url, /*demo=*/false);
    Client host_a(a.port);
    ASSERT_EQ(host_a.Login("keqiao").status, 200);
    Client host_b = host_a.On(b.port);
    const DemoContest contest = ReadDemoContest(host_a);
    ASSERT_EQ(host_a.Send("POST", Path(contest.id, "/advance"), "").status, 200);
    auto opened = host_b.Send("POST", Path(contest.id, "/open"), "");  // B follows A's advance
    ASSERT_EQ(opened.status, 200) << opened.body;

    // Every seat that may score joins by link, alternately through A and B.
    std::vector<Phone> phones;
    std::vector<int> seats;
    const auto links = Json(host_a.Send("POST", Path(contest.id, "/links"), "")).as_object();
    for (const auto& l : links.at("items").as_array()) {
        const int n = static_cast<int>(l.at("seat").as_int64());
        if (n < 2 || contest.recused.count(n)) continue;
        Phone phone{phones.size() % 2 ? b.port : a.port, contest.id, "", ""};
        auto joined = phone.Join(std::string(l.at("token").as_string()));
        ASSERT_EQ(joined.status, 200) << joined.body;
        phones.push_back(phone);
        seats.push_back(n);
    }
    ASSERT_GE(phones.size(), 3u);

    // At once: each sheet through both servers (same key), and the host's timer through both.
    std::atomic<int> server_errors{0}, recorded{0}, duplicates{0}, other{0};
    std::vector<std::thread> threads;
    for (std::size_t p = 0; p < phones.size(); ++p) {
        for (unsigned short port : {a.port, b.port}) {
            threads.emplace_back([&, p, port] {
                Phone phone = phones[p];
                phone.port = port;
                auto r = phone.Score(contest.first, 20 + static_cast<double>(p % 10), 5, "both-" + std::to_string(p));
                if (r.status >= 500) ++server_errors;
                if (r.status != 200) {
                    ++other;
                    ADD_FAILURE() << "score of seat " << seats[p] << " via " << port << ": " << r.status << " "
                                  << r.body;
                    return;
                }
                ++(Json(r).at("duplicate").as_bool() ? duplicates : recorded);
            });
        }
    }
    std::atomic<int> host_ok{0};
    for (Client* host : {&host_a, &host_b}) {
        threads.emplace_back([&, host] {
            for (const char* action : {"start", "stop", "reset", "start", "stop"}) {
                auto r =
                    host->Send("POST", Path(contest.id, "/timer"), json::serialize(json::object{{"action", action}}));
                if (r.status >= 500) {
                    ++server_errors;
                    ADD_FAILURE() << "timer " << action << ": " << r.status << " " << r.body;
                }
                if (r.status == 200) ++host_ok;
            }
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(server_errors.load(), 0);
    EXPECT_EQ(other.load(), 0);
    EXPECT_EQ(recorded.load(), static_cast<int>(phones.size()));  // each sheet once
    EXPECT_EQ(duplicates.load(), static_cast<int>(phones.size()));
    EXPECT_GT(host_ok.load(), 0);
    auto closed = host_a.Send("POST", Path(contest.id, "/close"), "");
    ASSERT_EQ(closed.status, 200) << closed.body;
    const std::int64_t last = Json(closed).at("seq").as_int64();

    // The database: one gapless seq, one counting score per seat that joined.
    auto db = storage::OpenPostgres(url);
    const auto events = db->Query("SELECT COUNT(*), MAX(seq) FROM contest_events WHERE contest_id = ?", {contest.id});
    EXPECT_EQ(storage::AsInt(events[0][0]), last);
    EXPECT_EQ(storage::AsInt(events[0][1]), last);
    std::multiset<int> scored;
    for (const auto& row : db->Query("SELECT s.seat_no FROM contest_scores c JOIN contest_seats s ON s.id = c.seat_id "
                                     "WHERE c.contest_id = ? AND c.void_seq = 0",
                                     {contest.id}))
        scored.insert(static_cast<int>(storage::AsInt(row[0])));
    EXPECT_EQ(scored, std::multiset<int>(seats.begin(), seats.end()));

    // Both servers agree with a recount (a third server loading the contest from the database).
    SpawnedServer c(url, /*demo=*/false);
    Client host_c = host_a.On(c.port);
    auto state_of = [&](Client& host) {
        auto r = host.Get(Path(contest.id));
        if (r.status != 200) return "status " + std::to_string(r.status);
        const auto o = Json(r).as_object();
        return std::to_string(o.at("seq").as_int64()) + " " + json::serialize(o.at("state"));
    };
    const std::string recount = state_of(host_c);
    ASSERT_EQ(recount.substr(0, recount.find(' ')), std::to_string(last));
    std::string on_a, on_b;
    const auto until = std::chrono::steady_clock::now() + 10s;  // B hears of A's close through the feed
    while (((on_a = state_of(host_a)) != recount || (on_b = state_of(host_b)) != recount) &&
           std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(20ms);
    EXPECT_EQ(on_a, recount);
    EXPECT_EQ(on_b, recount);
}

}  // namespace contest_two_servers_test
}  // namespace lingyan::testing
