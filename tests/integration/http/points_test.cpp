// Party-member points over the real server, against each storage backend: submit → approve →
// leaderboards move; bad input refused whole; leaderboards rebuilt at start equal a fresh
// recount; acknowledged approvals survive kill -9 of the server (SQLite).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <boost/json.hpp>
#include <cstdio>
#include <thread>

#include "app/demo_points.hpp"
#include "../test_server.hpp"


namespace lingyan::testing {
namespace {

namespace json = boost::json;

std::string Encode(const std::string& s) {
    std::string out;
    char buf[4];
    for (unsigned char c : s) {
        std::snprintf(buf, sizeof buf, "%%%02X", c);
        out += buf;
    }
    return out;
}

json::value Json(const HttpResult& r) { return json::parse(r.body); }

std::int64_t UnitId(Client& c, const std::string& name) {
    auto r = c.Get("/api/v1/units?q=" + Encode(name));
    EXPECT_EQ(r.status, 200) << r.body;
    auto items = Json(r).at("items").as_array();
    EXPECT_FALSE(items.empty()) << name;
    return items.empty() ? 0 : items[0].at("id").as_int64();
}

std::string Today() {
    std::time_t t = std::time(nullptr) + 8 * 3600;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

class PointsTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        url_ = FreshDatabase(GetParam());
        if (url_.empty()) GTEST_SKIP() << "LINGYAN_TEST_PG not set (make test starts PostgreSQL)";
        Start();
        app::LoadDemoPoints(*server_->runtime().points, *server_->runtime().roster, server_->runtime().crypto,
                            {.members_per_village = 8});
    }
    void Start() { server_ = std::make_unique<TestServer>(url_); }
    unsigned short port() { return server_->port(); }

    // Adds an uncapped test rule (admin) and returns its code.
    std::string AddRule(Client& admin, const std::string& code, int points) {
        auto r = admin.Send("POST", "/api/v1/points/rules",
                            json::serialize(json::object{{"code", code},
                                                         {"name", "测试细则"},
                                                         {"category", "志愿服务"},
                                                         {"points", points}}));
        EXPECT_EQ(r.status, 201) << r.body;
        return code;
    }
    std::string Submit(Client& c, const json::object& body, int expect) {
        auto r = c.Send("POST", "/api/v1/points/events", json::serialize(body));
        EXPECT_EQ(r.status, expect) << r.body;
        return r.body;
    }

    std::string url_;
    std::unique_ptr<TestServer> server_;
};

TEST_P(PointsTest, SubmitApproveMovesEveryEnclosingLeaderboard) {
    Client admin(port()), member(port()), tangma(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    ASSERT_EQ(member.Login("member").status, 200);
    ASSERT_EQ(tangma.Login("tangma").status, 200);
    AddRule(admin, "T100", 500);

    auto me = Json(member.Get("/api/v1/points/me"));
    const std::int64_t member_id = me.at("member").at("id").as_int64();
    const double before = std::stod(std::string(me.at("total").as_string()));

    auto created = Json(HttpResult{201, {}, Submit(member, {{"rule", "T100"}, {"date", Today()}, {"quantity", 2}}, 201)});
    EXPECT_EQ(created.at("status").as_string(), "pending");
    const std::int64_t event_id = created.at("id").as_int64();
    // Pending does not count.
    EXPECT_EQ(std::stod(std::string(Json(member.Get("/api/v1/points/me")).at("total").as_string())), before);
    auto queue = Json(tangma.Get("/api/v1/points/approvals"));
    bool queued = false;
    for (const auto& e : queue.at("items").as_array()) queued |= e.at("id").as_int64() == event_id;
    EXPECT_TRUE(queued);

    auto ok = tangma.Send("POST", "/api/v1/points/events/" + std::to_string(event_id) + "/approve", "");
    ASSERT_EQ(ok.status, 200) << ok.body;
    EXPECT_EQ(Json(ok).at("status").as_string(), "approved");

    auto after = Json(member.Get("/api/v1/points/me"));
    EXPECT_EQ(std::stod(std::string(after.at("total").as_string())), before + 1000);
    // 1000 points beats everyone: first in its grid, 塘马村, 戴埠镇, 溧阳市 …
    for (const auto& r : after.at("ranks").as_array()) EXPECT_EQ(r.at("rank").as_int64(), 1) << json::serialize(r);
    const auto city = UnitId(admin, "溧阳市");
    auto board = Json(admin.Get("/api/v1/points/leaderboard?unit=" + std::to_string(city) + "&top=3"));
    EXPECT_EQ(board.at("items").at(0).at("id").as_int64(), member_id);
    EXPECT_EQ(board.at("items").at(0).at("stars").as_int64(), 5);
    auto cat = Json(admin.Get("/api/v1/points/leaderboard?unit=" + std::to_string(city) + "&top=1&category=" +
                              Encode("志愿服务")));
    EXPECT_EQ(cat.at("items").at(0).at("id").as_int64(), member_id);
    auto stars = Json(admin.Get("/api/v1/points/stars?unit=" + std::to_string(city)));
    EXPECT_GT(stars.at("members").as_int64(), 40);
    auto pub = Json(tangma.Get("/api/v1/points/publicity"));
    bool shown = false;
    for (const auto& e : pub.at("events").as_array()) shown |= e.at("id").as_int64() == event_id;
    EXPECT_TRUE(shown);

    // A correction is a reversing event; the total returns.
    auto rev = tangma.Send("POST", "/api/v1/points/events/" + std::to_string(event_id) + "/reverse",
                           R"({"reason":"重复申报"})");
    ASSERT_EQ(rev.status, 201) << rev.body;
    EXPECT_EQ(std::stod(std::string(Json(member.Get("/api/v1/points/me")).at("total").as_string())), before);
    EXPECT_EQ(tangma.Send("POST", "/api/v1/points/events/" + std::to_string(event_id) + "/reverse",
                          R"({"reason":"再次"})").status,
              409);
    EXPECT_EQ(server_->runtime().points->CompareWithRecount(), 0u);
}

TEST_P(PointsTest, BadInputIsRefusedWhole) {
    Client admin(port()), member(port()), tangma(port()), secretary(port()), county(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    ASSERT_EQ(member.Login("member").status, 200);
    ASSERT_EQ(tangma.Login("tangma").status, 200);
    ASSERT_EQ(secretary.Login("secretary").status, 200);
    ASSERT_EQ(county.Login("county").status, 200);
    const std::int64_t audit_before = server_->runtime().store->CountAudit();

    Submit(tangma, {{"member_id", 99999999}, {"rule", "XX01"}, {"date", Today()}}, 422);      // unknown member
    Submit(member, {{"rule", "XX01"}, {"date", "2001-03-01"}}, 422);                          // outside the period
    Submit(member, {{"rule", "XX01"}, {"date", Today()}, {"quantity", 0}}, 422);              // quantity 0
    Submit(member, {{"rule", "XX01"}, {"date", Today()}, {"quantity", -1}}, 422);             // negative
    Submit(member, {{"rule", "NOPE"}, {"date", Today()}}, 422);                               // unknown rule
    Submit(member, {{"rule", "XX01"}, {"date", "2025-02-30"}}, 422);                          // not a date
    auto me = Json(member.Get("/api/v1/points/me"));
    const std::int64_t member_id = me.at("member").at("id").as_int64();
    const std::size_t events_before = me.at("events").as_array().size();
    // Another county's account may not submit for, record for, or approve a member of 溧阳市.
    Submit(county, {{"member_id", member_id}, {"rule", "XX01"}, {"date", Today()}}, 403);

    auto created = Json(HttpResult{201, {}, Submit(member, {{"rule", "XX02"}, {"date", Today()}}, 201)});
    const std::string approve = "/api/v1/points/events/" + std::to_string(created.at("id").as_int64()) + "/approve";
    EXPECT_EQ(secretary.Send("POST", approve, "").status, 403);  // 北联村's secretary: outside scope
    EXPECT_EQ(county.Send("POST", approve, "").status, 403);
    EXPECT_EQ(member.Send("POST", approve, "").status, 403);     // members do not approve
    EXPECT_EQ(tangma.Send("POST", approve, "").status, 200);
    EXPECT_EQ(tangma.Send("POST", approve, "").status, 409);     // double approval
    EXPECT_EQ(admin.Send("POST", approve, "").status, 409);
    EXPECT_EQ(tangma.Send("POST", "/api/v1/points/events/99999999/approve", "").status, 404);

    // Bulk: one unknown member or one member of another county refuses the whole batch.
    const auto bulk = [&](Client& c, json::array members) {
        return c.Send("POST", "/api/v1/points/events/bulk",
                      json::serialize(json::object{{"rule", "ZY01"}, {"date", Today()}, {"members", std::move(members)}}));
    };
    auto r = bulk(tangma, json::array{member_id, 99999999});
    EXPECT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(Json(r).at("rows").at(0).at("row").as_int64(), 2);
    EXPECT_EQ(bulk(county, json::array{member_id}).status, 403);
    EXPECT_EQ(bulk(tangma, json::array{member_id, member_id}).status, 422);
    auto after = Json(member.Get("/api/v1/points/me"));
    EXPECT_EQ(after.at("events").as_array().size(), events_before + 1);  // only the XX02 submission
    // Exactly one audit entry: the approval.
    EXPECT_EQ(server_->runtime().store->CountAudit(), audit_before + 1);
    auto ok = bulk(tangma, json::array{member_id});
    EXPECT_EQ(ok.status, 201) << ok.body;
    EXPECT_EQ(server_->runtime().store->CountAudit(), audit_before + 2);
    // Rules: only admin/county edit.
    EXPECT_EQ(tangma.Send("POST", "/api/v1/points/rules", R"({"code":"X","name":"x","category":"学习活动","points":1})").status, 403);
    EXPECT_EQ(server_->runtime().points->CompareWithRecount(), 0u);
}

TEST_P(PointsTest, LeaderboardsRebuiltAtStartEqualAFreshRecount) {
    Client admin(port()), tangma(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    ASSERT_EQ(tangma.Login("tangma").status, 200);
    auto queue = Json(admin.Get("/api/v1/points/approvals?unit=" + std::to_string(UnitId(admin, "溧阳市"))));
    int approved = 0;
    for (const auto& e : queue.at("items").as_array()) {
        if (approved++ % 3 == 2) continue;
        EXPECT_EQ(admin.Send("POST", "/api/v1/points/events/" + std::to_string(e.at("id").as_int64()) + "/approve", "")
                      .status,
                  200);
    }
    EXPECT_GT(approved, 0);
    const std::string city = std::to_string(UnitId(admin, "溧阳市"));
    const std::string board = admin.Get("/api/v1/points/leaderboard?unit=" + city + "&top=1000").body;
    const std::string stars = admin.Get("/api/v1/points/stars?unit=" + city).body;
    EXPECT_EQ(server_->runtime().points->CompareWithRecount(), 0u);

    server_.reset();
    Start();
    Client again(port());
    ASSERT_EQ(again.Login("admin").status, 200);
    EXPECT_EQ(again.Get("/api/v1/points/leaderboard?unit=" + city + "&top=1000").body, board);
    EXPECT_EQ(again.Get("/api/v1/points/stars?unit=" + city).body, stars);
    EXPECT_EQ(server_->runtime().points->CompareWithRecount(), 0u);
}

TEST_P(PointsTest, LeaderboardExportsToXlsxWithinScopeOnly) {
    Client admin(port()), town(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    ASSERT_EQ(town.Login("town").status, 200);  // 杨舍镇: 溧阳市 is outside its scope
    const std::string city = std::to_string(UnitId(admin, "溧阳市"));
    auto file = admin.Get("/api/v1/points/leaderboard.xlsx?unit=" + city + "&top=20");
    ASSERT_EQ(file.status, 200) << file.body;
    EXPECT_EQ(file.body.substr(0, 2), "PK");
    EXPECT_NE(file.headers["content-disposition"].find("attachment"), std::string::npos);
    EXPECT_EQ(town.Get("/api/v1/points/leaderboard.xlsx?unit=" + city).status, 404);
    auto publicity = admin.Get("/api/v1/points/publicity.xlsx?unit=" + city + "&days=30");
    ASSERT_EQ(publicity.status, 200) << publicity.body;
    EXPECT_EQ(publicity.body.substr(0, 2), "PK");
    EXPECT_EQ(town.Get("/api/v1/points/publicity.xlsx?unit=" + city).status, 404);
    EXPECT_EQ(admin.Get("/api/v1/points/publicity.xlsx?unit=" + city + "&days=x").status, 422);
}

INSTANTIATE_TEST_SUITE_P(Backends, PointsTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

// ---- kill -9 during bulk approval (the real binary, SQLite) -------------------------------------


TEST(PointsDurability, AcknowledgedApprovalsSurviveKillNine) {
    std::string db = FreshDatabase("sqlite");
    auto [pid, port] = SpawnServer(db, true);
    ASSERT_GT(port, 0);
    Client admin(port);
    ASSERT_EQ(admin.Login("admin").status, 200);
    const std::string city = std::to_string(UnitId(admin, "溧阳市"));
    auto queue = Json(admin.Get("/api/v1/points/approvals?limit=1000&unit=" + city)).at("items").as_array();
    ASSERT_GT(queue.size(), 20u);

    std::vector<std::int64_t> acknowledged;
    std::atomic<bool> stop{false};
    std::thread approver([&, port = port] {
        Client c(port);
        c.cookie = admin.cookie;
        c.csrf = admin.csrf;
        for (const auto& e : queue) {
            if (stop) break;
            const auto id = e.at("id").as_int64();
            auto r = c.Send("POST", "/api/v1/points/events/" + std::to_string(id) + "/approve", "");
            if (r.status == 200) acknowledged.push_back(id);
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    kill(pid, SIGKILL);
    stop = true;
    approver.join();
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_FALSE(acknowledged.empty());

    auto [pid2, port2] = SpawnServer(db, true);
    ASSERT_GT(port2, 0);
    Client again(port2);
    ASSERT_EQ(again.Login("admin").status, 200);
    auto pending = Json(again.Get("/api/v1/points/approvals?limit=1000&unit=" + city)).at("items").as_array();
    std::set<std::int64_t> still;
    for (const auto& e : pending) still.insert(e.at("id").as_int64());
    for (auto id : acknowledged) EXPECT_FALSE(still.contains(id)) << "acknowledged approval " << id << " lost";
    EXPECT_EQ(still.size() + acknowledged.size() <= queue.size(), true);
    kill(pid2, SIGTERM);
    waitpid(pid2, &status, 0);
}

}  // namespace
}  // namespace lingyan::testing
