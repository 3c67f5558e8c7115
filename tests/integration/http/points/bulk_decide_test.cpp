// 积分审核 at scale (issue 14): the approvals queue searched by member name, and the selected
// declarations approved or rejected at once — one transaction, one audit entry per item, all or
// nothing, the error naming the first bad item (an item outside the caller's scope answers as one
// that does not exist).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <ctime>
#include <set>

#include "integration/http/points/points_fixture.hpp"

namespace lingyan::testing {
namespace {

namespace json = boost::json;

class BulkDecideTest : public PointsDemoTest {
protected:
    // Pending declarations of `q` (a name part) in the caller's scope, oldest first.
    json::array Pending(Client& c, const std::string& q) {
        auto r = c.Get("/api/v1/points/approvals?limit=1000&q=" + Encode(q));
        EXPECT_EQ(r.status, 200) << r.body;
        return Json(r).at("items").as_array();
    }
    HttpResult Decide(Client& c, const json::array& ids, const std::string& decision, const std::string& reason = "") {
        json::object body{{"ids", ids}, {"decision", decision}};
        if (!reason.empty()) body["reason"] = reason;
        return c.Send("POST", "/api/v1/points/events/decide", json::serialize(body));
    }
    std::string StatusOf(Client& member, std::int64_t event_id) {
        const auto me = Json(member.Get("/api/v1/points/me"));
        for (const auto& e : me.at("events").as_array())
            if (e.at("id").as_int64() == event_id) return std::string(e.at("status").as_string());
        return "";
    }
    // Audit entries with `action` on points events, by event id (the whole log, paged).
    std::multiset<std::int64_t> Audited(Client& admin, const std::string& action) {
        std::multiset<std::int64_t> out;
        std::int64_t after = 0;
        for (;;) {
            const auto body = Json(admin.Get("/api/v1/audit?size=1000&after=" + std::to_string(after)));
            const auto& page = body.at("items").as_array();
            if (page.empty()) return out;
            for (const auto& e : page) {
                after = e.at("seq").as_int64();
                if (e.at("action") == action.c_str() && e.at("entity") == "points_event")
                    out.insert(e.at("entity_id").as_int64());
            }
        }
    }
};

TEST_P(BulkDecideTest, SearchSelectApproveAndRejectAllOrNothing) {
    Client admin(port()), member(port()), tangma(port()), county(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    ASSERT_EQ(member.Login("member").status, 200);
    ASSERT_EQ(tangma.Login("tangma").status, 200);
    ASSERT_EQ(county.Login("county").status, 200);
    for (int k = 0; k < 4; ++k) {
        auto r = member.Send("POST", "/api/v1/points/events",
                             json::serialize(json::object{{"rule", "XX01"}, {"date", Today()}, {"note", "三会一课"}}));
        ASSERT_EQ(r.status, 201) << r.body;
    }
    // The name search: only 演示党员's declarations, counted on the server.
    auto all = Json(admin.Get("/api/v1/points/approvals?limit=1000"));
    auto mine = Json(admin.Get("/api/v1/points/approvals?limit=1000&q=" + Encode("演示")));
    const auto items = mine.at("items").as_array();
    ASSERT_GE(items.size(), 7u);  // the demo's three and the four above
    EXPECT_EQ(mine.at("total").as_int64(), static_cast<std::int64_t>(items.size()));
    EXPECT_LT(mine.at("total").as_int64(), all.at("total").as_int64());
    for (const auto& e : items) EXPECT_EQ(e.at("member_name"), "演示党员");
    EXPECT_EQ(Json(tangma.Get("/api/v1/points/approvals?q=" + Encode("无此人%_"))).at("total").as_int64(), 0);

    const double before = std::stod(std::string(Json(member.Get("/api/v1/points/me")).at("total").as_string()));
    const auto audited_before = Audited(admin, "approve").size();

    // Approve the first three at once: each approved, each audited, the total moves.
    json::array approve{items[0].at("id"), items[1].at("id"), items[2].at("id")};
    auto ok = Decide(tangma, approve, "approve");
    ASSERT_EQ(ok.status, 200) << ok.body;
    EXPECT_EQ(Json(ok).at("decided").as_int64(), 3);
    for (const auto& id : approve) EXPECT_EQ(StatusOf(member, id.as_int64()), "approved");
    const auto audited = Audited(admin, "approve");
    EXPECT_EQ(audited.size(), audited_before + 3);
    for (const auto& id : approve) EXPECT_EQ(audited.count(id.as_int64()), 1u);
    EXPECT_GT(std::stod(std::string(Json(member.Get("/api/v1/points/me")).at("total").as_string())), before);

    // All or nothing: a decided item anywhere refuses the whole list and names it.
    const auto pending_id = items[3].at("id").as_int64();
    auto stale = Decide(tangma, json::array{pending_id, approve[1]}, "approve");
    EXPECT_EQ(stale.status, 409) << stale.body;
    EXPECT_NE(stale.body.find("第 2 项（申报 " + std::to_string(approve[1].as_int64()) + "）已审核"), std::string::npos)
        << stale.body;
    EXPECT_EQ(StatusOf(member, pending_id), "pending");
    // Outside the caller's scope answers exactly as an id that does not exist.
    auto outside = Decide(county, json::array{pending_id}, "approve");
    auto missing = Decide(county, json::array{std::int64_t{999999999}}, "approve");
    EXPECT_EQ(outside.status, 422) << outside.body;
    EXPECT_EQ(missing.status, 422) << missing.body;
    EXPECT_NE(outside.body.find("第 1 项（申报 " + std::to_string(pending_id) + "）不存在或不在您的管辖范围内"),
              std::string::npos)
        << outside.body;
    EXPECT_EQ(StatusOf(member, pending_id), "pending");
    EXPECT_EQ(Decide(tangma, json::array{pending_id, pending_id}, "approve").status, 422);  // named twice
    EXPECT_EQ(Decide(tangma, json::array{}, "approve").status, 422);
    EXPECT_EQ(Decide(member, json::array{pending_id}, "approve").status, 403);  // not an approver

    // Reject needs a reason; the reason reaches each item.
    auto no_reason = Decide(tangma, json::array{pending_id, items[4].at("id")}, "reject");
    EXPECT_EQ(no_reason.status, 422) << no_reason.body;
    EXPECT_EQ(Json(no_reason).at("error").at("field"), "reason");
    auto rejected = Decide(tangma, json::array{pending_id, items[4].at("id")}, "reject", "佐证材料不全");
    ASSERT_EQ(rejected.status, 200) << rejected.body;
    const auto me = Json(member.Get("/api/v1/points/me"));
    for (const auto& e : me.at("events").as_array()) {
        const auto id = e.at("id").as_int64();
        if (id == pending_id || id == items[4].at("id").as_int64()) {
            EXPECT_EQ(e.at("status"), "rejected");
            EXPECT_EQ(e.at("reason"), "佐证材料不全");
        }
    }
    EXPECT_EQ(Audited(admin, "reject").count(pending_id), 1u);
    EXPECT_EQ(Json(tangma.Get("/api/v1/points/approvals?q=" + Encode("演示"))).at("total").as_int64(),
              static_cast<std::int64_t>(items.size()) - 5);
    EXPECT_EQ(server_->runtime().points->CompareWithRecount(), 0u);
}

TEST_P(BulkDecideTest, AdminApprovesAWholePageOfTheDemoQueue) {
    Client admin(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    auto page = Json(admin.Get("/api/v1/points/approvals?limit=50"));
    const auto total = page.at("total").as_int64();
    json::array ids;
    for (const auto& e : page.at("items").as_array()) ids.push_back(e.at("id"));
    ASSERT_FALSE(ids.empty());
    auto ok = Decide(admin, ids, "approve");
    ASSERT_EQ(ok.status, 200) << ok.body;
    EXPECT_EQ(Json(ok).at("decided").as_int64(), static_cast<std::int64_t>(ids.size()));
    EXPECT_EQ(Json(admin.Get("/api/v1/points/approvals?limit=1")).at("total").as_int64(),
              total - static_cast<std::int64_t>(ids.size()));
    EXPECT_EQ(server_->runtime().points->CompareWithRecount(), 0u);
}

INSTANTIATE_TEST_SUITE_P(Backends, BulkDecideTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lingyan::testing
