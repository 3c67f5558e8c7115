// Party-member points over the real server, against each storage backend: submit → approve →
// leaderboards move; bad input refused whole; leaderboards rebuilt at start equal a fresh
// recount; acknowledged approvals survive kill -9 of the server (SQLite).
#include <gtest/gtest.h>

#include <chrono>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <boost/json.hpp>
#include <cstdio>
#include <random>
#include <thread>

#include "integration/http/points/points_fixture.hpp"
#include "demo/points_demo.hpp"

namespace lingyan::testing {
namespace {

namespace json = boost::json;

std::int64_t UnitId(Client& c, const std::string& name) {
    auto r = c.Get("/api/v1/units?q=" + Encode(name));
    EXPECT_EQ(r.status, 200) << r.body;
    auto items = Json(r).at("items").as_array();
    EXPECT_FALSE(items.empty()) << name;
    return items.empty() ? 0 : items[0].at("id").as_int64();
}

class PointsTest : public PointsDemoTest {
protected:
    void Start() { server_ = std::make_unique<TestServer>(url_); }

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
    // Not a date: the message says whether the shape is wrong or the day does not exist.
    EXPECT_EQ(Json(HttpResult{422, {}, Submit(member, {{"rule", "XX01"}, {"date", "2025-02-30"}}, 422)})
                  .at("error").at("message").as_string(),
              "日期 2025-02-30 不存在（月份为 01–12，日不超过当月天数）");
    EXPECT_EQ(Json(HttpResult{422, {}, Submit(member, {{"rule", "XX01"}, {"date", "2025/02/03"}}, 422)})
                  .at("error").at("message").as_string(),
              "日期格式应为 YYYY-MM-DD");
    auto me = Json(member.Get("/api/v1/points/me"));
    const std::int64_t member_id = me.at("member").at("id").as_int64();
    const std::size_t events_before = me.at("events").as_array().size();
    // Another county's account may not submit for, record for, or approve a member of 溧阳市.
    Submit(county, {{"member_id", member_id}, {"rule", "XX01"}, {"date", Today()}}, 403);

    auto created = Json(HttpResult{201, {}, Submit(member, {{"rule", "XX02"}, {"date", Today()}}, 201)});
    const std::string approve = "/api/v1/points/events/" + std::to_string(created.at("id").as_int64()) + "/approve";
    EXPECT_EQ(secretary.Send("POST", approve, "").status, 403);  // 灵湖村's secretary: outside scope
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
    // A member outside the scope answers as a nonexistent one (issue 11, finding 4): no name.
    auto outside = bulk(county, json::array{member_id});
    EXPECT_EQ(outside.status, 422) << outside.body;
    EXPECT_EQ(Json(outside).at("rows").at(0).at("message").as_string(),
              "党员 " + std::to_string(member_id) + " 不存在或不在您的管辖范围内");
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
    // Board snapshots: kept on PostgreSQL, and the restart below starts from it; on SQLite nothing
    // is kept — nor is the ledger read to count one again (no statement at all).
    auto& points = *server_->runtime().points;
    app::BoardBuildTuning tuning;
    tuning.snapshot_refresh = std::chrono::seconds(0);
    points.SetBoardBuildTuning(tuning);
    const bool postgres = GetParam() == "postgres";
    const std::string kept = points.KeepBoardSnapshots();
    if (postgres) {
        EXPECT_NE(kept.find("积分榜快照已保存"), std::string::npos) << kept;
    }
    const auto queries = server_->runtime().store->db().Counters().queries;
    const std::string again_kept = points.KeepBoardSnapshots();
    if (!postgres) {
        EXPECT_EQ(kept, "");
        EXPECT_EQ(again_kept, "");
        EXPECT_EQ(server_->runtime().store->db().Counters().queries, queries) << "SQLite read for a snapshot";
    }

    server_.reset();
    Start();
    const auto report = server_->runtime().points->LastBuildReport();
    EXPECT_EQ(report.from_snapshot, postgres) << report.why_not;
    Client again(port());
    ASSERT_EQ(again.Login("admin").status, 200);
    EXPECT_EQ(again.Get("/api/v1/points/leaderboard?unit=" + city + "&top=1000").body, board);
    EXPECT_EQ(again.Get("/api/v1/points/stars?unit=" + city).body, stars);
    EXPECT_EQ(server_->runtime().points->CompareWithRecount(), 0u);
}

TEST_P(PointsTest, LeaderboardExportsToXlsxWithinScopeOnly) {
    Client admin(port()), town(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    ASSERT_EQ(town.Login("town").status, 200);  // 临湖镇: 溧阳市 is outside its scope
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

double Num(const json::value& v) { return std::stod(std::string(v.as_string())); }

std::int64_t CurrentPeriod(Client& c) {
    auto periods = Json(c.Get("/api/v1/points/periods"));
    for (const auto& p : periods.at("items").as_array())
        if (p.at("current").as_bool()) return p.at("id").as_int64();
    ADD_FAILURE() << "no current period";
    return 0;
}

TEST_P(PointsTest, SchemeShapesTotalsStarsGradesAndSubTotals) {
    Client admin(port()), member(port()), tangma(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    ASSERT_EQ(member.Login("member").status, 200);
    ASSERT_EQ(tangma.Login("tangma").status, 200);
    const std::int64_t period = CurrentPeriod(admin);
    auto me = Json(member.Get("/api/v1/points/me"));
    const std::int64_t member_id = me.at("member").at("id").as_int64();
    const double plain = Num(me.at("total"));
    EXPECT_EQ(me.at("monthly").as_array().size(), 12u);
    EXPECT_EQ(me.at("quarterly").as_array().size(), 4u);

    // Base points: every total starts at 60; the ranks do not move, the stars may.
    auto patched = admin.Send("PATCH", "/api/v1/points/periods/" + std::to_string(period),
                              R"({"base_points":60,"grades":"优秀:1/3;合格"})");
    ASSERT_EQ(patched.status, 200) << patched.body;
    EXPECT_EQ(Json(patched).at("grades").as_array().size(), 2u);
    EXPECT_EQ(tangma.Send("PATCH", "/api/v1/points/periods/" + std::to_string(period), R"({"base_points":1})").status,
              403);
    EXPECT_EQ(
        admin.Send("PATCH", "/api/v1/points/periods/" + std::to_string(period), R"({"grades":"优秀:5/3"})").status,
        422);
    me = Json(member.Get("/api/v1/points/me"));
    EXPECT_EQ(Num(me.at("total")), plain + 60);
    EXPECT_FALSE(me.at("zeroed").as_bool());
    EXPECT_TRUE(me.at("grade").is_string());
    const std::size_t month = static_cast<std::size_t>(std::stoi(Today().substr(5, 2))) - 1;
    const double month_before = Num(me.at("monthly").at(month).at("total"));
    EXPECT_EQ(server_->runtime().points->CompareWithRecount(), 0u);

    // A 清零 item (FM03, a discipline case) zeroes the period total; the board, stars and 公示 show 0.
    auto zero = tangma.Send(
        "POST", "/api/v1/points/events/bulk",
        json::serialize(json::object{{"rule", "FM03"}, {"date", Today()}, {"members", json::array{member_id}}}));
    ASSERT_EQ(zero.status, 201) << zero.body;
    const std::int64_t zero_event = Json(zero).at("event_ids").at(0).as_int64();
    me = Json(member.Get("/api/v1/points/me"));
    EXPECT_EQ(Num(me.at("total")), 0);
    EXPECT_TRUE(me.at("zeroed").as_bool());
    EXPECT_EQ(me.at("stars").as_int64(), 1);  // thresholds 0/60/…: one threshold at or below 0
    EXPECT_EQ(Num(me.at("monthly").at(month).at("total")), month_before - 100);  // the sub-total shows the item itself
    const std::string unit = std::to_string(me.at("member").at("unit_id").as_int64());
    auto board = Json(tangma.Get("/api/v1/points/leaderboard?top=1000&unit=" + unit));
    bool found = false;
    for (const auto& e : board.at("items").as_array()) {
        EXPECT_TRUE(e.at("grade").is_string());
        if (e.at("id").as_int64() != member_id) {
            EXPECT_GE(Num(e.at("total")), 0);
            continue;
        }
        found = true;
        EXPECT_EQ(Num(e.at("total")), 0);
        EXPECT_EQ(e.at("grade").as_string(), "合格");
    }
    EXPECT_TRUE(found);
    auto stars = Json(tangma.Get("/api/v1/points/stars?unit=" + unit));
    std::int64_t graded = 0;
    for (const auto& g : stars.at("grades").as_array()) graded += g.at("count").as_int64();
    EXPECT_EQ(graded, stars.at("members").as_int64());
    EXPECT_EQ(server_->runtime().points->CompareWithRecount(), 0u);

    // Reversing the 清零 item restores base + tally.
    ASSERT_EQ(tangma
                  .Send("POST", "/api/v1/points/events/" + std::to_string(zero_event) + "/reverse",
                        R"({"reason":"处分撤销"})")
                  .status,
              201);
    me = Json(member.Get("/api/v1/points/me"));
    EXPECT_EQ(Num(me.at("total")), plain + 60);
    EXPECT_FALSE(me.at("zeroed").as_bool());
    EXPECT_EQ(server_->runtime().points->CompareWithRecount(), 0u);
    // The boards after a restart equal the live ones.
    const std::string live_board = admin.Get("/api/v1/points/leaderboard?top=1000&unit=" + unit).body;
    server_.reset();
    Start();
    Client again(port());
    ASSERT_EQ(again.Login("admin").status, 200);
    EXPECT_EQ(again.Get("/api/v1/points/leaderboard?top=1000&unit=" + unit).body, live_board);
}

TEST_P(PointsTest, PeriodsHaveTheirOwnBoardsAndAClosedPeriodIsReadOnly) {
    Client admin(port()), member(port()), tangma(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    ASSERT_EQ(member.Login("member").status, 200);
    ASSERT_EQ(tangma.Login("tangma").status, 200);
    // The demo ships last year as a closed period: nothing new goes into it.
    auto periods = Json(admin.Get("/api/v1/points/periods")).at("items").as_array();
    ASSERT_EQ(periods.size(), 2u);
    EXPECT_TRUE(periods.at(0).at("closed").as_bool());
    EXPECT_TRUE(periods.at(1).at("current").as_bool());
    const std::string last_year = std::to_string(std::stoi(Today().substr(0, 4)) - 1);
    Submit(member, {{"rule", "XX01"}, {"date", last_year + "-06-01"}}, 409);
    const std::string last = std::to_string(periods.at(0).at("id").as_int64());
    auto old_board = Json(admin.Get("/api/v1/points/leaderboard?top=5&period=" + last));
    EXPECT_GT(Num(old_board.at("items").at(0).at("total")), 0);  // the demo's history

    const int year = std::stoi(Today().substr(0, 4)) - 2;
    const std::string y = std::to_string(year);
    auto created =
        admin.Send("POST", "/api/v1/points/periods",
                   json::serialize(json::object{{"name", y + "年度"}, {"from", y + "-01-01"}, {"to", y + "-12-31"}}));
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string past = std::to_string(Json(created).at("id").as_int64());
    EXPECT_EQ(admin
                  .Send("POST", "/api/v1/points/periods",
                        json::serialize(json::object{{"name", "重叠"}, {"from", y + "-12-01"}, {"to", y + "-12-31"}}))
                  .status,
              409);
    EXPECT_EQ(tangma
                  .Send("POST", "/api/v1/points/periods",
                        json::serialize(json::object{{"name", "x"}, {"from", "2001-01-01"}, {"to", "2001-12-31"}}))
                  .status,
              403);
    EXPECT_EQ(Json(admin.Get("/api/v1/points/periods")).at("items").as_array().size(), 3u);

    const double current_before = Num(Json(member.Get("/api/v1/points/me")).at("total"));
    auto event = Json(HttpResult{201, {}, Submit(member, {{"rule", "XX01"}, {"date", y + "-06-01"}}, 201)});
    const std::string event_id = std::to_string(event.at("id").as_int64());
    auto pending = Json(tangma.Get("/api/v1/points/approvals?period=" + past));
    ASSERT_EQ(pending.at("items").as_array().size(), 1u);  // the current period's queue is not mixed in
    EXPECT_EQ(pending.at("total").as_int64(), 1);
    ASSERT_EQ(tangma.Send("POST", "/api/v1/points/events/" + event_id + "/approve", "").status, 200);
    auto old = Json(member.Get("/api/v1/points/me?period=" + past));
    EXPECT_EQ(Num(old.at("total")), 5);
    EXPECT_EQ(old.at("events").as_array().size(), 1u);
    EXPECT_EQ(Num(Json(member.Get("/api/v1/points/me")).at("total")), current_before);
    const std::string city = std::to_string(UnitId(admin, "溧阳市"));
    auto board = Json(admin.Get("/api/v1/points/leaderboard?top=1&unit=" + city + "&period=" + past));
    EXPECT_EQ(board.at("items").at(0).at("id").as_int64(), event.at("member_id").as_int64());
    EXPECT_EQ(board.at("period_id").as_int64(), std::stoll(past));
    EXPECT_EQ(admin.Get("/api/v1/points/leaderboard?unit=" + city + "&period=99999999").status, 404);

    // Closed: nothing new is recorded or decided in it; it stays readable; reopening lifts that.
    ASSERT_EQ(admin.Send("PATCH", "/api/v1/points/periods/" + past, R"({"closed":true})").status, 200);
    Submit(member, {{"rule", "XX01"}, {"date", y + "-07-01"}}, 409);
    EXPECT_EQ(tangma.Send("POST", "/api/v1/points/events/" + event_id + "/reverse", R"({"reason":"错报"})").status,
              409);
    EXPECT_EQ(tangma
                  .Send("POST", "/api/v1/points/events/bulk",
                        json::serialize(json::object{
                            {"rule", "ZY01"}, {"date", y + "-07-01"}, {"members", json::array{event.at("member_id")}}}))
                  .status,
              409);
    EXPECT_EQ(admin.Send("PATCH", "/api/v1/points/periods/" + past, R"({"base_points":10})").status, 409);
    EXPECT_EQ(admin.Get("/api/v1/points/leaderboard?top=1&unit=" + city + "&period=" + past).status, 200);
    // While a period is closed, a rule's value may not change (it would change the closed totals);
    // its name may, and sending the unchanged value along is fine.
    const json::value rules = Json(admin.Get("/api/v1/points/rules"));
    std::int64_t xx01_id = 0;
    for (const auto& r : rules.at("items").as_array())
        if (r.at("code").as_string() == "XX01") xx01_id = r.at("id").as_int64();
    ASSERT_NE(xx01_id, 0);
    const std::string xx01 = "/api/v1/points/rules/" + std::to_string(xx01_id);
    EXPECT_EQ(admin.Send("PATCH", xx01, R"({"points":6})").status, 409);
    EXPECT_EQ(admin.Send("PATCH", xx01, R"({"points":5,"name":"参加“三会一课”（每次）"})").status, 200);
    ASSERT_EQ(admin.Send("PATCH", "/api/v1/points/periods/" + past, R"({"closed":false})").status, 200);
    EXPECT_EQ(tangma.Send("POST", "/api/v1/points/events/" + event_id + "/reverse", R"({"reason":"错报"})").status,
              201);
    EXPECT_EQ(Num(Json(member.Get("/api/v1/points/me?period=" + past)).at("total")), 0);
    EXPECT_EQ(server_->runtime().points->CompareWithRecount(), 0u);
}

TEST_P(PointsTest, TopIncludesTiesAndApprovalsArePagedWithinScope) {
    Client admin(port()), member(port()), tangma(port()), secretary(port()), town(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    ASSERT_EQ(member.Login("member").status, 200);
    ASSERT_EQ(tangma.Login("tangma").status, 200);
    ASSERT_EQ(secretary.Login("secretary").status, 200);
    ASSERT_EQ(town.Login("town").status, 200);
    const std::int64_t village = UnitId(admin, "塘马村");
    // Members for points are people of the roster with a membership (one register, issue 14): made
    // in the roster, they are points members at once.
    const auto org = Json(admin.Get("/api/v1/units/" + std::to_string(village))).at("party_orgs").at(0).at("id");
    std::vector<std::int64_t> added, people;
    for (const char* name : {"测试党员甲", "测试党员乙", "测试党员丙"}) {
        auto r = admin.Send("POST", "/api/v1/people",
                            json::serialize(json::object{{"unit_id", village}, {"name", name}, {"gender", "male"},
                                                         {"birth_date", "1985-05-05"}, {"education", "high"},
                                                         {"party_join_date", "2010-07-01"}, {"party_org_id", org}}));
        ASSERT_EQ(r.status, 201) << r.body;
        people.push_back(Json(r).at("id").as_int64());
        auto found = Json(tangma.Get("/api/v1/points/members?q=" + Encode(name))).at("items").as_array();
        ASSERT_EQ(found.size(), 1u) << name;
        EXPECT_EQ(found.at(0).at("person_id").as_int64(), people.back());
        added.push_back(found.at(0).at("id").as_int64());
    }
    // A person who is not a registered member, or one already a points member, is refused.
    EXPECT_EQ(tangma.Send("POST", "/api/v1/points/members", json::serialize(json::object{{"person_id", people[0]}})).status,
              409);
    EXPECT_EQ(town.Send("POST", "/api/v1/points/members",
                        json::serialize(json::object{{"unit_id", village}, {"name", "越权"}}))
                  .status,
              403);
    EXPECT_EQ(
        tangma.Send("POST", "/api/v1/points/members", json::serialize(json::object{{"unit_id", village}, {"name", ""}}))
            .status,
        422);
    EXPECT_EQ(tangma
                  .Send("POST", "/api/v1/points/members",
                        json::serialize(json::object{{"unit_id", village}, {"name", "无账号"}, {"person_id", people[1]}, {"user_id", 99999999}}))
                  .status,
              422);
    EXPECT_EQ(
        tangma
            .Send("POST", "/api/v1/points/members",
                  json::serialize(json::object{{"unit_id", village}, {"name", "无此人"}, {"person_id", 99999999}}))
            .status,
        422);
    // An officer cannot link an account that is not a party member's own within its scope (issue 11,
    // finding 8): the admin's, an officer's, or a member's of another village answer exactly as a
    // nonexistent account does, and nothing is created.
    const auto nonexistent = tangma.Send("POST", "/api/v1/points/members",
                                         json::serialize(json::object{{"unit_id", village}, {"name", "关联甲"}, {"person_id", people[2]}, {"user_id", 99999999}}));
    for (const char* other : {"admin", "town", "secretary"}) {
        const auto account = server_->runtime().store->FindUserByName(other);
        ASSERT_TRUE(account) << other;
        const auto r = tangma.Send("POST", "/api/v1/points/members",
                                   json::serialize(json::object{{"unit_id", village}, {"name", "关联甲"}, {"person_id", people[2]}, {"user_id", account->id}}));
        EXPECT_EQ(r.status, nonexistent.status) << other << ": " << r.body;
        EXPECT_EQ(r.body, nonexistent.body) << other;
    }
    auto listed = Json(tangma.Get("/api/v1/points/members?q=" + Encode("测试党员")));
    EXPECT_EQ(listed.at("items").as_array().size(), 3u);
    EXPECT_EQ(Json(tangma.Get("/api/v1/points/members?q=" + Encode("关联甲"))).at("items").as_array().size(), 0u);
    EXPECT_EQ(town.Get("/api/v1/points/members?unit=" + std::to_string(village)).status, 404);

    // Three members tied at the top of the city: a top-1 page carries all three, 2 beyond N.
    AddRule(admin, "T900", 900);
    json::array ids;
    for (auto id : added) ids.push_back(id);
    ASSERT_EQ(tangma
                  .Send("POST", "/api/v1/points/events/bulk",
                        json::serialize(json::object{{"rule", "T900"}, {"date", Today()}, {"members", ids}}))
                  .status,
              201);
    const std::string city = std::to_string(UnitId(admin, "溧阳市"));
    auto top = Json(admin.Get("/api/v1/points/leaderboard?top=1&unit=" + city));
    ASSERT_EQ(top.at("items").as_array().size(), 3u);
    EXPECT_EQ(top.at("overflow").as_int64(), 2);
    EXPECT_FALSE(top.at("truncated").as_bool());
    for (const auto& e : top.at("items").as_array()) EXPECT_EQ(e.at("rank").as_int64(), 1);
    top = Json(admin.Get("/api/v1/points/leaderboard?top=3&unit=" + city));
    EXPECT_EQ(top.at("items").as_array().size(), 3u);
    EXPECT_EQ(top.at("overflow").as_int64(), 0);

    // Approvals: paged in SQL (limit/offset/total), only the caller's scope.
    for (int idx = 0; idx < 3; ++idx) Submit(member, {{"rule", "XX03"}, {"date", Today()}}, 201);
    auto all = Json(tangma.Get("/api/v1/points/approvals?limit=1000"));
    const std::int64_t total = all.at("total").as_int64();
    ASSERT_GE(total, 3);
    EXPECT_EQ(static_cast<std::int64_t>(all.at("items").as_array().size()), total);
    auto first = Json(tangma.Get("/api/v1/points/approvals?limit=2"));
    auto second = Json(tangma.Get("/api/v1/points/approvals?limit=2&offset=2"));
    ASSERT_EQ(first.at("items").as_array().size(), 2u);
    EXPECT_EQ(first.at("total").as_int64(), total);
    EXPECT_LT(first.at("items").at(1).at("id").as_int64(), second.at("items").at(0).at("id").as_int64());
    EXPECT_EQ(second.at("items").at(0).at("id"), all.at("items").at(2).at("id"));
    EXPECT_EQ(tangma.Get("/api/v1/points/approvals?offset=-1").status, 422);
    const std::int64_t member_id = Json(member.Get("/api/v1/points/me")).at("member").at("id").as_int64();
    auto other = Json(secretary.Get("/api/v1/points/approvals?limit=1000"));  // 灵湖村: not 塘马村's queue
    for (const auto& e : other.at("items").as_array()) EXPECT_NE(e.at("member_id").as_int64(), member_id);
    EXPECT_EQ(secretary.Get("/api/v1/points/approvals?unit=" + std::to_string(village)).status, 404);
    EXPECT_EQ(server_->runtime().points->CompareWithRecount(), 0u);
}

// Property: after a random sequence of submissions, approvals, rejections, reversals and bulk
// records over two periods, with base points, a 清零 rule and grades, the live totals equal a
// recount of the stored ledger, and the boards rebuilt at start equal the live ones.
TEST_P(PointsTest, RandomLedgerSequencesMatchARecountUnderTheScheme) {
    namespace pts = core::points;
    app::PointsService& svc = *server_->runtime().points;
    const app::Actor admin{0, "admin", core::auth::Role::kAdmin, 0};
    auto periods = svc.Periods(admin);
    ASSERT_TRUE(periods);
    ASSERT_EQ(periods->size(), 2u);
    const auto last = periods->at(0).record;
    const auto current = periods->at(1).record;
    app::PeriodPatch scheme;
    scheme.base_points = 60 * pts::kOnePoint;
    scheme.grades = "优秀:1/3;良好:1/3;合格";
    ASSERT_TRUE(svc.UpdatePeriod(admin, current.id, scheme));
    app::PeriodPatch reopen;
    reopen.closed = false;
    ASSERT_TRUE(svc.UpdatePeriod(admin, last.id, reopen));

    auto members = svc.Members(admin, std::nullopt, "", 100000);
    ASSERT_TRUE(members);
    ASSERT_GT(members->size(), 20u);
    const std::vector<std::string> codes = {"XX01", "ZY01", "ZY02", "ZF01", "FM01", "FM03", "HJ01"};
    std::mt19937 rng(20261122);
    auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    const pts::Day today = *pts::ParseDate(Today());
    auto random_date = [&] {
        const auto& p = pick(2) == 0 ? last.period : current.period;
        const pts::Day to = std::min(p.to, today);
        return pts::FormatDate(p.from + static_cast<pts::Day>(pick(static_cast<std::size_t>(to - p.from + 1))));
    };
    std::vector<core::roster::Id> pending, approved;
    for (int step = 0; step < 400; ++step) {
        const auto member = (*members)[pick(members->size())].id;
        switch (pick(5)) {
            case 0:
            case 1: {
                app::SubmitActivity in{member, codes[pick(codes.size())], random_date(),
                                       static_cast<pts::Points>(1 + pick(3)) * pts::kOnePoint, ""};
                auto e = svc.Submit(admin, in);
                ASSERT_TRUE(static_cast<bool>(e)) << e.error().message;
                pending.push_back(e->record.id);
                break;
            }
            case 2:
                if (!pending.empty()) {
                    const std::size_t at = pick(pending.size());
                    const bool approve = pick(4) != 0;
                    auto e = approve ? svc.Approve(admin, pending[at]) : svc.Reject(admin, pending[at], "不符合");
                    ASSERT_TRUE(static_cast<bool>(e)) << e.error().message;
                    if (approve) approved.push_back(pending[at]);
                    pending.erase(pending.begin() + static_cast<std::ptrdiff_t>(at));
                }
                break;
            case 3:
                if (!approved.empty()) {
                    const std::size_t at = pick(approved.size());
                    ASSERT_TRUE(svc.Reverse(admin, approved[at], "更正"));
                    approved.erase(approved.begin() + static_cast<std::ptrdiff_t>(at));
                }
                break;
            default: {
                app::BulkRecord in;
                in.rule = codes[pick(codes.size())];
                in.date = random_date();
                for (std::size_t idx = 0; idx < 3; ++idx) {
                    const core::roster::Id id = (*members)[(pick(members->size()) + idx) % members->size()].id;
                    if (std::find(in.members.begin(), in.members.end(), id) == in.members.end())
                        in.members.push_back(id);
                }
                auto out = svc.RecordBulk(admin, in);
                ASSERT_TRUE(out && out->errors.empty());
                approved.insert(approved.end(), out->event_ids.begin(), out->event_ids.end());
            }
        }
        if (step % 100 == 99) {
            ASSERT_EQ(svc.CompareWithRecount(), 0u) << "after step " << step;
        }
    }
    auto board = [&](app::PointsService& service, core::roster::Id period) {
        auto page = service.Leaderboard(admin, std::nullopt, "", 1000, period);
        EXPECT_TRUE(page);
        std::string text;
        for (const auto& e : page->entries)
            text += std::to_string(e.rank) + ":" + std::to_string(e.member.id) + ":" + std::to_string(e.total) + ":" +
                    std::to_string(e.stars) + ":" + e.grade + "\n";
        return text;
    };
    const std::string live_current = board(svc, current.id), live_last = board(svc, last.id);
    EXPECT_NE(live_current.find(":良好"), std::string::npos);
    server_.reset();
    Start();
    app::PointsService& again = *server_->runtime().points;
    EXPECT_EQ(again.CompareWithRecount(), 0u);
    EXPECT_EQ(board(again, current.id), live_current);
    EXPECT_EQ(board(again, last.id), live_last);
}

// A period's boards are rebuilt (at start, on Reload) from a narrow read of its counted events in
// no order; they must equal the boards moved event by event as each was approved — overall and
// in every category, each member's rank in every scope — with caps reached, quantities that round
// (0.05 points × 1.5), deductions, 清零 and reversals.
TEST_P(PointsTest, BoardsRebuiltFromTheLedgerEqualThoseMovedEventByEvent) {
    namespace pts = core::points;
    app::PointsService& svc = *server_->runtime().points;
    const app::Actor admin{0, "admin", core::auth::Role::kAdmin, 0};
    ASSERT_TRUE(svc.CreateRule(admin, {"CS01", "测试：每次零点零五分", "测试类", 5, std::nullopt, true, ""}));
    ASSERT_TRUE(svc.CreateRule(admin, {"CS02", "测试：封顶十分", "测试类", 7 * pts::kOnePoint, 10 * pts::kOnePoint, true, ""}));
    auto all = svc.Members(admin, std::nullopt, "", 100000);
    ASSERT_TRUE(all);
    ASSERT_GT(all->size(), 12u);
    const std::vector<app::MemberRef> members(all->begin(), all->begin() + 12);
    const std::vector<std::string> codes = {"CS01", "CS02", "XX01", "ZF01", "FM01", "FM03"};
    const std::vector<pts::Points> quantities = {100, 150, 33, 125, 250};
    std::mt19937 rng(15);
    auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    std::vector<core::roster::Id> approved;
    for (int step = 0; step < 300; ++step) {
        const auto member = members[pick(members.size())].id;
        if (pick(6) == 0 && !approved.empty()) {
            const std::size_t at = pick(approved.size());
            ASSERT_TRUE(svc.Reverse(admin, approved[at], "更正"));
            approved.erase(approved.begin() + static_cast<std::ptrdiff_t>(at));
            continue;
        }
        auto e = svc.Submit(admin, {member, codes[pick(codes.size())], Today(), quantities[pick(quantities.size())], ""});
        ASSERT_TRUE(static_cast<bool>(e)) << e.error().message;
        const auto decision = pick(5);
        if (decision == 0) continue;  // stays pending: not counted
        auto decided = decision == 1 ? svc.Reject(admin, e->record.id, "不符合") : svc.Approve(admin, e->record.id);
        ASSERT_TRUE(static_cast<bool>(decided)) << decided.error().message;
        if (decision != 1) approved.push_back(e->record.id);
    }
    auto boards = [&] {
        auto period = svc.Period(admin);
        EXPECT_TRUE(period);
        std::string text;
        std::vector<std::string> categories{""};
        categories.insert(categories.end(), period->categories.begin(), period->categories.end());
        for (const auto& category : categories) {
            auto page = svc.Leaderboard(admin, std::nullopt, category, 1000);
            EXPECT_TRUE(page) << category;
            text += "[" + category + "]\n";
            for (const auto& e : page->entries)
                text += std::to_string(e.rank) + ":" + std::to_string(e.member.id) + ":" + std::to_string(e.total) +
                        ":" + std::to_string(e.stars) + ":" + e.grade + "\n";
            for (const auto& m : members) {
                auto ranks = svc.Ranks(admin, m.id, category);
                EXPECT_TRUE(ranks);
                text += std::to_string(m.id) + "=" + std::to_string(ranks->total) + (ranks->zeroed ? "z" : "");
                for (const auto& r : ranks->ranks) text += " " + std::to_string(r.rank) + "/" + std::to_string(r.size);
                text += "\n";
            }
        }
        return text;
    };
    const std::string event_by_event = boards();
    EXPECT_NE(event_by_event.find("[测试类]"), std::string::npos);
    svc.Reload();
    EXPECT_EQ(boards(), event_by_event);
    EXPECT_EQ(svc.CompareWithRecount(), 0u);
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

namespace lingyan::testing {
namespace {

// Issue 11, finding 7: periods and rules belong to the whole deployment, so a county (whose scope
// does not cover the others) can neither close a period nor change a rule.
TEST_P(PointsTest, OnlyTheWholeDeploymentsAdminChangesPeriodsAndRules) {
    Client admin(port()), county(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    ASSERT_EQ(county.Login("county").status, 200);
    const auto periods = Json(admin.Get("/api/v1/points/periods"));
    ASSERT_FALSE(periods.at("items").as_array().empty());
    const std::string period = std::to_string(periods.at("items").as_array().at(0).at("id").as_int64());
    auto closed = county.Send("PATCH", "/api/v1/points/periods/" + period, R"({"closed":true})");
    EXPECT_EQ(closed.status, 403) << closed.body;
    EXPECT_EQ(county.Send("POST", "/api/v1/points/periods", R"({"name":"x","from":"2001-01-01","to":"2001-12-31"})").status,
              403);
    const auto rules = Json(admin.Get("/api/v1/points/rules"));
    const std::string rule = std::to_string(rules.at("items").as_array().at(0).at("id").as_int64());
    EXPECT_EQ(county.Send("PATCH", "/api/v1/points/rules/" + rule, R"({"points":100})").status, 403);
    const auto after = Json(admin.Get("/api/v1/points/periods"));
    EXPECT_EQ(after.at("items").as_array().at(0).at("closed"), periods.at("items").as_array().at(0).at("closed"));
}

}  // namespace
}  // namespace lingyan::testing
