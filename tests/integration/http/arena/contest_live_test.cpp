// A whole arena contest over the real server on each backend: the demo's Keqiao contest hosted by
// `keqiao` from the API alone, judges joining by link (one seat by account), scores refused for
// every reason the phone must show, retries counted once, every message watched over WebSocket
// in seq order — and a server restart in the middle, after which the screens resume from their
// seq, the phones keep their seats and no submitted score is lost or counted twice.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/common/date.hpp"
#include "demo/arena_demo.hpp"
#include "exchange/xlsx/reader.hpp"
#include "http/ws/live_hub.hpp"
#include "integration/http/arena/live_client.hpp"
#include "integration/test_server.hpp"

namespace lingyan::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

class ArenaLive : public BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        if (IsSkipped()) return;
        LoadArena();
    }
    void LoadArena() {
        auto& rt = server_->runtime();
        demo::LoadDemoArena(*rt.store, rt.store_mutex, rt.crypto, rt.clock, *rt.roster, *rt.campaigns, *rt.arena);
    }
    void Restart() {
        server_.reset();
        server_ = std::make_unique<TestServer>(url_);
    }
    // Every arena audit entry of an action ("arena.score", …).
    int AuditCountOf(const std::string& action) {
        int n = 0;
        for (const auto& e : server_->runtime().store->ListAudit(0, 100000)) n += e.action == action;
        return n;
    }
};

std::string Path(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/contests/" + std::to_string(id) + rest;
}

std::int64_t Int(const json::value& v) { return v.as_int64(); }
double Num(const json::value& v) { return v.to_number<double>(); }

struct Contest {
    std::int64_t id = 0;
    std::vector<std::int64_t> order;                 // drawn order of contestant ids
    std::map<std::int64_t, std::string> names;       // contestant id → name
    std::map<std::int64_t, std::int64_t> person_of;  // contestant id → person id
    std::set<std::pair<int, std::int64_t>> recused;  // (seat number, contestant id)
    std::map<std::int64_t, int> seat_number;         // seat id → number
};

Contest ReadContest(Client& host, std::int64_t id) {
    auto r = host.Get(Path(id));
    EXPECT_EQ(r.status, 200) << r.body;
    const auto d = Json(r).as_object();
    Contest c;
    c.id = id;
    for (const auto& s : d.at("seats_list").as_array())
        c.seat_number[Int(s.at("id"))] = static_cast<int>(Int(s.at("seat")));
    for (const auto& x : d.at("contestants_list").as_array()) {
        c.names[Int(x.at("id"))] = std::string(x.at("name").as_string());
        c.person_of[Int(x.at("id"))] = Int(x.at("person_id"));
    }
    for (const auto& x : d.at("rounds").as_array()[0].at("order").as_array()) c.order.push_back(Int(x));
    for (const auto& x : d.at("recusals").as_array())
        c.recused.emplace(c.seat_number[Int(x.at("seat_id"))], Int(x.at("contestant_id")));
    return c;
}

// The sheet of seat `seat` for the contestant at place `place`: distinct totals, so the drops are known.
std::pair<double, double> Sheet(int seat, int place) { return {30.0 + seat + (place % 3) * 0.5, 5.0 + (seat % 4)}; }

TEST_P(ArenaLive, AWholeContestOverWebSocketSurvivesARestart) {
    Client host(port());
    ASSERT_EQ(host.Login("keqiao").status, 200);
    auto list = Json(host.Get("/api/v1/contests")).as_object();
    ASSERT_EQ(list.at("items").as_array().size(), 1u);
    const auto& item = list.at("items").as_array()[0].as_object();
    EXPECT_NE(std::string(item.at("name").as_string()).find("柯桥区村社党组织书记领雁擂台赛"), std::string::npos);
    EXPECT_EQ(std::string(item.at("status").as_string()), "ready");
    EXPECT_TRUE(item.at("public").as_bool());
    EXPECT_EQ(Int(item.at("seats")), 7);
    Contest c = ReadContest(host, Int(item.at("id")));
    ASSERT_EQ(c.order.size(), 10u);
    EXPECT_FALSE(c.recused.empty());

    // Links for the seats; the demo `judge` account holds seat 1 through its session.
    auto links = Json(host.Send("POST", Path(c.id, "/links"), "")).as_object();
    std::map<int, std::string> tokens;
    for (const auto& l : links.at("items").as_array())
        tokens[static_cast<int>(Int(l.at("seat")))] = std::string(l.at("token").as_string());
    ASSERT_EQ(tokens.size(), 7u);
    std::map<int, Phone> phones;
    for (int seat = 2; seat <= 7; ++seat) {
        phones[seat] = Phone{port(), c.id, "", ""};
        ASSERT_EQ(phones[seat].Join(tokens[seat]).status, 200) << seat;
    }
    Phone second_device{port(), c.id, "", ""};
    auto reused = second_device.Join(tokens[2]);
    EXPECT_EQ(reused.status, 409);
    EXPECT_NE(reused.body.find("另一台设备"), std::string::npos);
    EXPECT_EQ(phones[2].Join(tokens[2]).status, 200);  // the bound phone itself may reopen its link
    Client judge(port());
    ASSERT_EQ(judge.Login("judge").status, 200);
    ASSERT_EQ(judge.Get(Path(c.id, "/judge")).status, 200);

    auto score = [&](int seat, std::int64_t contestant, double a, double b, const std::string& key) {
        if (seat == 1) {
            json::object body{{"contestant_id", contestant},
                              {"values", json::object{{"statement", a}, {"defence", b}}},
                              {"key", key}};
            return judge.Send("POST", Path(c.id, "/judge/scores"), json::serialize(body));
        }
        return phones[seat].Score(contestant, a, b, key);
    };
    auto act = [&](const std::string& what, const std::string& body = "") {
        auto r = host.Send("POST", Path(c.id, "/" + what), body);
        EXPECT_EQ(r.status, 200) << what << ": " << r.body;
        return r.status == 200 ? Int(Json(r).at("seq")) : -1;
    };

    Watcher hall(port(), c.id);  // no ?after: the latest message first
    auto first = hall.Next();
    ASSERT_TRUE(first.has_value());
    std::int64_t seq = Int(first->at("seq"));
    EXPECT_EQ(std::string(first->at("state").at("status").as_string()), "ready");
    EXPECT_TRUE(first->at("sent_at_ms").is_double());
    EXPECT_GT(Num(first->at("sent_at_ms")), 1.7e12);

    // One contestant: advance, open, every judge scores (or recuses), close, reveal.
    auto run = [&](Watcher& w, int place, int upto_seat) {
        const std::int64_t contestant = c.order[static_cast<std::size_t>(place)];
        for (int seat = 1; seat <= upto_seat; ++seat) {
            const auto [a, b] = Sheet(seat, place);
            auto r = score(seat, contestant, a, b, "k" + std::to_string(seat) + "-" + std::to_string(contestant));
            if (c.recused.count({seat, contestant})) {
                EXPECT_EQ(r.status, 409) << r.body;
                EXPECT_NE(r.body.find("回避"), std::string::npos);
                continue;
            }
            ASSERT_EQ(r.status, 200) << seat << ": " << r.body;
            EXPECT_FALSE(Json(r).at("duplicate").as_bool());
            auto m = w.Expect(++seq);
            EXPECT_EQ(std::string(m.at("kind").as_string()), "score");
            EXPECT_EQ(Int(m.at("seat")), seat);
            const auto& seats = m.at("state").at("seats").as_array();
            EXPECT_EQ(std::string(seats[static_cast<std::size_t>(seat - 1)].at("status").as_string()), "submitted");
            EXPECT_TRUE(seats[static_cast<std::size_t>(seat - 1)].at("score").is_null());  // not yet revealed
        }
    };
    auto expected_stage = [&](int place) {
        const std::int64_t contestant = c.order[static_cast<std::size_t>(place)];
        std::vector<double> totals;
        for (int seat = 1; seat <= 7; ++seat)
            if (!c.recused.count({seat, contestant}))
                totals.push_back(Sheet(seat, place).first + Sheet(seat, place).second);
        std::sort(totals.begin(), totals.end());
        const int k = std::min(1, (static_cast<int>(totals.size()) - 1) / 2);
        double sum = 0;
        for (std::size_t idx = static_cast<std::size_t>(k); idx + static_cast<std::size_t>(k) < totals.size(); ++idx)
            sum += totals[idx];
        return sum / static_cast<double>(totals.size() - 2 * static_cast<std::size_t>(k));
    };
    auto reveal_and_check = [&](Watcher& w, int place) {
        EXPECT_EQ(act("close"), ++seq);
        w.Expect(seq);
        EXPECT_EQ(act("reveal"), ++seq);
        auto m = w.Expect(seq);
        const auto& st = m.at("state").as_object();
        EXPECT_TRUE(st.at("revealed").as_bool());
        const double stage = Num(st.at("result").at("stage"));
        EXPECT_NEAR(stage, std::round(expected_stage(place) * 100) / 100, 0.006);
        EXPECT_NEAR(Num(st.at("result").at("final")), stage + Num(st.at("result").at("pre")), 0.011);
        int high = 0, low = 0;
        for (const auto& s : st.at("seats").as_array()) {
            const std::string mark(s.at("mark").as_string());
            high += mark == "dropped_high";
            low += mark == "dropped_low";
        }
        EXPECT_EQ(high, 1);
        EXPECT_EQ(low, 1);
        return m;
    };

    // Contestant 1.
    EXPECT_EQ(act("advance"), ++seq);
    auto m = hall.Expect(seq);
    EXPECT_EQ(std::string(m.at("kind").as_string()), "advance");
    EXPECT_EQ(Int(m.at("state").at("current").at("id")), c.order[0]);
    auto early = score(6, c.order[0], 30, 5, "early");
    EXPECT_EQ(early.status, 409);
    EXPECT_NE(early.body.find("尚未开始"), std::string::npos);
    EXPECT_EQ(act("open"), ++seq);
    hall.Expect(seq);
    // Refusals: out of range, the wrong contestant, a bad CSRF token — nothing counted.
    EXPECT_EQ(score(6, c.order[0], 41, 5, "bad").status, 422);
    auto wrong = score(6, c.order[1], 30, 5, "wrong");
    EXPECT_EQ(wrong.status, 409);
    EXPECT_NE(wrong.body.find("不是当前"), std::string::npos);
    Phone forged = phones[6];
    forged.csrf = "forged";
    EXPECT_EQ(forged.Score(c.order[0], 30, 5, "forged").status, 403);
    run(hall, 0, 7);
    // A retry of seat 6's sheet (same key) is acknowledged again and counted once; another key is refused.
    const auto [a6, b6] = Sheet(6, 0);
    auto retry = score(6, c.order[0], a6, b6, "k6-" + std::to_string(c.order[0]));
    ASSERT_EQ(retry.status, 200) << retry.body;
    EXPECT_TRUE(Json(retry).at("duplicate").as_bool());
    auto twice = score(6, c.order[0], a6, b6, "another-key");
    EXPECT_EQ(twice.status, 409);
    EXPECT_NE(twice.body.find("重复"), std::string::npos);
    EXPECT_FALSE(hall.Next(200ms).has_value());  // neither produced a message
    auto revealed = reveal_and_check(hall, 0);
    EXPECT_EQ(revealed.at("state").at("ranking").as_array().size(), 1u);
    // Names, scores and ranks only: no ID-card or phone number of any contestant.
    server_->runtime().roster->WithIndex([&](const core::roster::RosterIndex& index) {
        for (const auto& [contestant, person] : c.person_of) {
            const auto* p = index.FindPerson(person);
            ASSERT_NE(p, nullptr);
            if (!p->id_number.empty()) {
                EXPECT_EQ(hall.last_text().find(p->id_number), std::string::npos);
            }
            if (!p->phone.empty()) {
                EXPECT_EQ(hall.last_text().find(p->phone), std::string::npos);
            }
        }
    });

    // The host reopens one judge's score (a reason is required); the judge submits again, once.
    {
        int seat = 6;
        while (c.recused.count({seat, c.order[0]})) ++seat;
        const std::string body =
            R"({"seat":)" + std::to_string(seat) + R"(,"contestant_id":)" + std::to_string(c.order[0]);
        EXPECT_EQ(host.Send("POST", Path(c.id, "/scores/reopen"), body + "}").status, 422);
        auto reopened = host.Send("POST", Path(c.id, "/scores/reopen"), body + R"(,"reason":"评委误触"})");
        ASSERT_EQ(reopened.status, 200) << reopened.body;
        hall.Expect(++seq);
        const auto [a, b] = Sheet(seat, 0);
        auto again = score(seat, c.order[0], a, b, "rescore");
        ASSERT_EQ(again.status, 200) << again.body;
        EXPECT_FALSE(Json(again).at("duplicate").as_bool());
        auto m3 = hall.Expect(++seq);
        EXPECT_NEAR(Num(m3.at("state").at("result").at("stage")), std::round(expected_stage(0) * 100) / 100, 0.006);
        EXPECT_EQ(score(seat, c.order[0], a, b, "third").status, 409);
        EXPECT_EQ(AuditCountOf("arena.reopen"), 1);
    }

    // Contestant 2: three judges score, then the server restarts.
    EXPECT_EQ(act("advance"), ++seq);
    hall.Expect(seq);
    EXPECT_EQ(act("open"), ++seq);
    hall.Expect(seq);
    run(hall, 1, 3);
    const std::int64_t before_restart = seq;
    const std::string last_state = json::serialize(Json(HttpResult{200, {}, hall.last_text()}).at("state"));
    hall.Close();
    const std::string host_cookie = host.cookie, host_csrf = host.csrf, judge_cookie = judge.cookie,
                      judge_csrf = judge.csrf;
    Restart();

    // Screens resume from their seq; sessions and phones keep working.
    host = Client(port());
    host.cookie = host_cookie;
    host.csrf = host_csrf;
    judge = Client(port());
    judge.cookie = judge_cookie;
    judge.csrf = judge_csrf;
    for (auto& [seat, phone] : phones) phone.port = port();
    Watcher resumed(port(), c.id, "?after=" + std::to_string(before_restart - 2));
    resumed.Expect(before_restart - 1);
    auto again = resumed.Expect(before_restart);
    EXPECT_EQ(json::serialize(again.at("state")), last_state);  // the same state, rebuilt from the log
    EXPECT_FALSE(resumed.Next(200ms).has_value());
    Watcher up_to_date(port(), c.id, "?after=" + std::to_string(before_restart));
    // A retry of a score sent before the restart is still counted once.
    {
        int seat = 1;
        while (c.recused.count({seat, c.order[1]})) ++seat;
        const auto [a, b] = Sheet(seat, 1);
        auto r = score(seat, c.order[1], a, b, "k" + std::to_string(seat) + "-" + std::to_string(c.order[1]));
        ASSERT_EQ(r.status, 200) << r.body;
        EXPECT_TRUE(Json(r).at("duplicate").as_bool());
    }
    // The remaining judges (seats 4–7) score after the restart.
    for (int seat = 4; seat <= 7; ++seat) {
        const std::int64_t contestant = c.order[1];
        const auto [a, b] = Sheet(seat, 1);
        auto r = score(seat, contestant, a, b, "k" + std::to_string(seat) + "-" + std::to_string(contestant));
        if (c.recused.count({seat, contestant})) {
            EXPECT_EQ(r.status, 409);
            continue;
        }
        ASSERT_EQ(r.status, 200) << r.body;
        resumed.Expect(++seq);
        up_to_date.Expect(seq);
    }
    auto m2 = reveal_and_check(resumed, 1);
    EXPECT_EQ(m2.at("state").at("ranking").as_array().size(), 2u);
    up_to_date.Expect(seq - 1);
    up_to_date.Expect(seq);

    // The rest of the contest: every contestant, then finish.
    for (int place = 2; place < 10; ++place) {
        EXPECT_EQ(act("advance"), ++seq);
        resumed.Expect(seq);
        EXPECT_EQ(act("open"), ++seq);
        resumed.Expect(seq);
        for (int seat = 1; seat <= 7; ++seat) {
            const std::int64_t contestant = c.order[static_cast<std::size_t>(place)];
            const auto [a, b] = Sheet(seat, place);
            auto r = score(seat, contestant, a, b, "k" + std::to_string(seat) + "-" + std::to_string(contestant));
            if (c.recused.count({seat, contestant})) continue;
            ASSERT_EQ(r.status, 200) << r.body;
            resumed.Expect(++seq);
        }
        EXPECT_EQ(act("close"), ++seq);
        resumed.Expect(seq);
        EXPECT_EQ(act("reveal"), ++seq);
        resumed.Expect(seq);
    }
    EXPECT_EQ(act("finish"), ++seq);
    auto done = resumed.Expect(seq);
    EXPECT_EQ(std::string(done.at("state").at("status").as_string()), "finished");
    const auto& titles = done.at("state").at("titles").as_array();
    ASSERT_EQ(titles.size(), 1u);
    EXPECT_EQ(std::string(titles[0].at("name").as_string()), "金牌书记");
    EXPECT_GE(titles[0].at("winners").as_array().size(), 3u);
    EXPECT_EQ(done.at("state").at("ranking").as_array().size(), 10u);
    EXPECT_EQ(score(7, c.order[9], 30, 5, "late").status, 409);

    // Every counted score is audited once; the results list every judge's line.
    int scored = 0;
    for (std::int64_t contestant : c.order)
        for (int seat = 1; seat <= 7; ++seat) scored += !c.recused.count({seat, contestant});
    EXPECT_EQ(AuditCountOf("arena.score"), scored + 1);  // the reopened score was submitted twice
    auto results = host.Get(Path(c.id, "/results"));
    ASSERT_EQ(results.status, 200) << results.body;
    const auto sheets = Json(results).at("rounds").as_array()[0].at("sheets").as_array();
    ASSERT_EQ(sheets.size(), 10u);
    EXPECT_EQ(Int(sheets[0].at("rank")), 1);
    int void_lines = 0;
    for (const auto& sheet : sheets)
        for (const auto& line : sheet.at("lines").as_array())
            if (line.at("mark").as_string() == "void") {
                ++void_lines;
                EXPECT_EQ(std::string(line.at("void_reason").as_string()), "评委误触");
            }
    EXPECT_EQ(void_lines, 1);
    auto xlsx = host.Get(Path(c.id, "/results.xlsx"));
    EXPECT_EQ(xlsx.status, 200);
    EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
    // Its submission times read in China time (the JSON's are UTC).
    std::set<std::string> china_times;
    for (const auto& sheet : sheets)
        for (const auto& line : sheet.at("lines").as_array())
            if (!line.at("submitted_at").as_string().empty())
                china_times.insert(core::ChinaTimeOfIso(std::string(line.at("submitted_at").as_string())));
    const auto lines = exchange::xlsx::Workbook::Open(xlsx.body).ReadRows(1);
    ASSERT_FALSE(lines.empty());
    std::optional<std::uint32_t> column;
    for (const auto& cell : lines[0].cells)
        if (cell.text == "提交时间") column = cell.column;
    ASSERT_TRUE(column);
    std::size_t timed = 0;
    for (std::size_t row = 1; row < lines.size(); ++row) {
        const auto* cell = lines[row].Find(*column);
        if (!cell || cell->text.empty()) continue;
        ++timed;
        EXPECT_TRUE(china_times.count(cell->text)) << cell->text;
    }
    EXPECT_GE(timed, static_cast<std::size_t>(scored)) << "every counted score has its time";

    // The results become the 四好书记 campaign's 擂台赛 facts, once.
    auto pushed = host.Send("POST", Path(c.id, "/push-results"), "");
    ASSERT_EQ(pushed.status, 200) << pushed.body;
    EXPECT_EQ(Int(Json(pushed).at("facts")), scored);
    const auto winners = titles[0].at("winners").as_array().size();
    EXPECT_EQ(static_cast<std::size_t>(Int(Json(pushed).at("honours"))), winners);
    EXPECT_EQ(host.Send("POST", Path(c.id, "/push-results"), "").status, 409);
    // The titles are in the honours register, from the contest.
    auto gold = Json(host.Get("/api/v1/honours?title=" + Encode("金牌书记"))).as_object();
    ASSERT_EQ(gold.at("items").as_array().size(), winners);
    EXPECT_EQ(std::string(gold.at("items").as_array()[0].at("source").as_string()), "contest");
    EXPECT_EQ(std::string(gold.at("items").as_array()[0].at("level_label").as_string()), "区县级");
}

TEST_P(ArenaLive, HostActionsNeedTheHostAndRefuseIllegalSteps) {
    Client host(port());
    ASSERT_EQ(host.Login("keqiao").status, 200);
    const auto id = Int(Json(host.Get("/api/v1/contests")).at("items").as_array()[0].at("id"));
    // Another county's officer neither sees nor drives it; without CSRF nothing happens.
    Client other(port());
    ASSERT_EQ(other.Login("county").status, 200);
    EXPECT_TRUE(Json(other.Get("/api/v1/contests")).at("items").as_array().empty());
    EXPECT_EQ(other.Send("POST", Path(id, "/advance"), "").status, 404);
    EXPECT_EQ(host.Send("POST", Path(id, "/advance"), "", false).status, 403);
    // The judge account sees its seat's contest but may not host it.
    Client judge(port());
    ASSERT_EQ(judge.Login("judge").status, 200);
    auto mine = Json(judge.Get("/api/v1/contests")).at("items").as_array();
    ASSERT_EQ(mine.size(), 1u);
    EXPECT_EQ(Int(mine[0].at("my_seat")), 1);
    EXPECT_EQ(judge.Send("POST", Path(id, "/advance"), "").status, 403);
    // Illegal steps are refused with a clear message.
    auto open = host.Send("POST", Path(id, "/open"), "");
    EXPECT_EQ(open.status, 409);
    EXPECT_NE(open.body.find("还没有选手上台"), std::string::npos);
    EXPECT_EQ(host.Send("POST", Path(id, "/advance"), "").status, 200);
    auto close = host.Send("POST", Path(id, "/close"), "");
    EXPECT_EQ(close.status, 409);
    EXPECT_NE(close.body.find("没有开启"), std::string::npos);
    EXPECT_EQ(host.Send("POST", Path(id, "/timer"), R"({"action":"start"})").status, 200);
    EXPECT_EQ(host.Send("POST", Path(id, "/timer"), R"({"action":"start"})").status, 409);
    EXPECT_EQ(host.Send("POST", Path(id, "/timer"), R"({"action":"fly"})").status, 422);
    // A stale link: issuing a new one unbinds the old phone, whose link then no longer works.
    auto first =
        Json(host.Send(
                 "POST",
                 Path(id, "/seats/" +
                              std::to_string(Int(Json(host.Get(Path(id))).at("seats_list").as_array()[1].at("id"))) +
                              "/link"),
                 ""))
            .as_object();
    Phone phone{port(), id, "", ""};
    ASSERT_EQ(phone.Join(std::string(first.at("token").as_string())).status, 200);
    const auto seat_id = Int(first.at("seat_id"));
    auto second = Json(host.Send("POST", Path(id, "/seats/" + std::to_string(seat_id) + "/link"), "")).as_object();
    EXPECT_EQ(phone.View().status, 401);
    Phone fresh{port(), id, "", ""};
    EXPECT_EQ(fresh.Join(std::string(first.at("token").as_string())).status, 409);
    EXPECT_EQ(fresh.Join(std::string(second.at("token").as_string())).status, 200);
    // Without a link or an account there is no judge.
    Phone nobody{port(), id, "", ""};
    EXPECT_EQ(nobody.View().status, 401);
}

TEST_P(ArenaLive, EventStreamAndPollingCarryTheSameMessages) {
    Client host(port());
    ASSERT_EQ(host.Login("keqiao").status, 200);
    const auto id = Int(Json(host.Get("/api/v1/contests")).at("items").as_array()[0].at("id"));
    auto advanced = host.Send("POST", Path(id, "/advance"), "");
    ASSERT_EQ(advanced.status, 200) << advanced.body;
    const auto seq = Int(Json(advanced).at("seq"));
    auto polled = Json(HttpRequest(port(), "GET", Path(id, "/messages?after=" + std::to_string(seq - 1))));
    const auto& items = polled.at("items").as_array();
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(Int(items[0].at("seq")), seq);
    EXPECT_EQ(std::string(items[0].at("kind").as_string()), "advance");
    // The event stream: the head, then the missed message as an SSE event.
    EXPECT_EQ(HttpRequest(port(), "GET", Path(id, "/live")).status, 426);  // a plain GET is told to upgrade
    boost::asio::io_context ioc;
    boost::asio::ip::tcp::socket sock(ioc);
    sock.connect({boost::asio::ip::make_address("127.0.0.1"), port()});
    const std::string req = "GET " + Path(id, "/live?after=" + std::to_string(seq - 1)) +
                            " HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n";
    boost::asio::write(sock, boost::asio::buffer(req));
    std::string got;
    char buf[4096];
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    while (got.find("\n\n", got.find("data: ")) == std::string::npos && std::chrono::steady_clock::now() < deadline) {
        boost::system::error_code ec;
        const auto n = sock.read_some(boost::asio::buffer(buf), ec);
        if (ec) break;
        got.append(buf, n);
    }
    EXPECT_NE(got.find("text/event-stream"), std::string::npos);
    EXPECT_NE(got.find("id: " + std::to_string(seq) + "\ndata: {\"seq\":" + std::to_string(seq)), std::string::npos);
}

TEST_P(ArenaLive, ASlowWatcherIsDroppedWithoutHoldingTheOthers) {
    server_->runtime().live->set_max_queued_frames(4);
    Client host(port());
    ASSERT_EQ(host.Login("keqiao").status, 200);
    const auto id = Int(Json(host.Get("/api/v1/contests")).at("items").as_array()[0].at("id"));
    ASSERT_EQ(host.Send("POST", Path(id, "/advance"), "").status, 200);
    const auto start = Int(Json(host.Get(Path(id))).at("seq"));
    // A client that upgrades and then never reads, with a tiny receive buffer.
    boost::asio::io_context ioc;
    boost::beast::websocket::stream<boost::asio::ip::tcp::socket> slow(ioc);
    slow.next_layer().open(boost::asio::ip::tcp::v4());
    slow.next_layer().set_option(boost::asio::socket_base::receive_buffer_size(1024));
    slow.next_layer().connect({boost::asio::ip::make_address("127.0.0.1"), port()});
    slow.handshake("127.0.0.1", Path(id, "/live?after=" + std::to_string(start)));
    Watcher fast(port(), id, "?after=" + std::to_string(start));
    const int kEvents = 80;
    for (int n = 0; n < kEvents; ++n)
        ASSERT_EQ(
            host.Send("POST", Path(id, "/timer"), n % 2 ? R"({"action":"stop"})" : R"({"action":"start"})").status,
            200);
    for (int n = 1; n <= kEvents; ++n) fast.Expect(start + n);
    EXPECT_GE(server_->runtime().live->Stats().dropped, 1u);
}

TEST_P(ArenaLive, APrivateContestIsWatchedOnlyByItsReaders) {
    Client host(port());
    ASSERT_EQ(host.Login("keqiao").status, 200);
    const auto detail =
        Json(host.Get(Path(Int(Json(host.Get("/api/v1/contests")).at("items").as_array()[0].at("id")))));
    json::object body{
        {"name", "内部练习赛"},
        {"public", false},
        {"criteria", json::array{json::object{{"key", "s"}, {"name", "陈述"}, {"max", 100}}}},
        {"aggregation", json::object{{"trim", 0}}},
        {"contestants",
         json::array{json::object{{"person_id", detail.at("contestants_list").as_array()[0].at("person_id")}}}},
        {"seats", json::array{json::object{{"label", "评委"}, {"home_unit_id", detail.at("unit_id")}}}}};
    auto created = host.Send("POST", "/api/v1/contests", json::serialize(body));
    ASSERT_EQ(created.status, 201) << created.body;
    const auto id = Int(Json(created).at("id"));
    EXPECT_THROW(Watcher(port(), id), boost::system::system_error);
    Watcher allowed(port(), id, "", host.cookie);
    EXPECT_TRUE(allowed.Next().has_value());
    EXPECT_EQ(HttpRequest(port(), "GET", Path(id, "/messages")).status, 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, ArenaLive, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace lingyan::testing
