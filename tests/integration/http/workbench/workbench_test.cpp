// 工作台 (issue 14): each role's cards count what waits for it in its scope, and move when the
// work is done — a member's declaration appears in the member's and the approvers' counts, leaves
// the queue when approved, and never counts for a county outside whose scope it lies.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <ctime>
#include <functional>
#include <map>
#include <string>

#include "demo/points_demo.hpp"
#include "demo/tickets_demo.hpp"
#include "integration/http/points/points_fixture.hpp"
#include "integration/test_server.hpp"

namespace lingyan::testing {
namespace {

namespace json = boost::json;

// key → count of the caller's cards.
std::map<std::string, std::int64_t> Cards(Client& c) {
    auto r = c.Get("/api/v1/workbench");
    EXPECT_EQ(r.status, 200) << r.body;
    std::map<std::string, std::int64_t> out;
    const auto body = Json(r);
    for (const auto& card : body.at("cards").as_array()) {
        EXPECT_FALSE(card.at("path").as_string().empty());
        out[std::string(card.at("key").as_string())] = card.at("count").as_int64();
    }
    return out;
}

class WorkbenchTest : public PointsDemoTest {
protected:
};

TEST_P(WorkbenchTest, ADeclarationMovesTheCountsOfTheMemberAndOfTheApproversInScopeOnly) {
    Client admin(port()), county(port()), member(port()), tangma(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    ASSERT_EQ(county.Login("county").status, 200);
    ASSERT_EQ(member.Login("member").status, 200);
    ASSERT_EQ(tangma.Login("tangma").status, 200);
    const auto admin0 = Cards(admin), county0 = Cards(county), member0 = Cards(member), tangma0 = Cards(tangma);
    ASSERT_TRUE(member0.count("my_pending"));
    EXPECT_FALSE(member0.count("points_approvals"));

    auto created = member.Send("POST", "/api/v1/points/events",
                               json::serialize(json::object{{"rule", "XX01"}, {"date", Today()}, {"note", "workbench"}}));
    ASSERT_EQ(created.status, 201) << created.body;
    const auto event_id = Json(created).at("id").as_int64();
    EXPECT_EQ(Cards(member).at("my_pending"), member0.at("my_pending") + 1);
    EXPECT_EQ(Cards(admin).at("points_approvals"), admin0.at("points_approvals") + 1);
    EXPECT_EQ(Cards(tangma).at("points_approvals"), tangma0.at("points_approvals") + 1);
    // 塘马村 is in 溧阳市, outside the county's 姜堰区.
    EXPECT_EQ(Cards(county).at("points_approvals"), county0.at("points_approvals"));

    ASSERT_EQ(tangma.Send("POST", "/api/v1/points/events/" + std::to_string(event_id) + "/approve", "").status, 200);
    const auto member1 = Cards(member);
    EXPECT_EQ(member1.at("my_pending"), member0.at("my_pending"));
    EXPECT_EQ(member1.at("my_approved"), member0.at("my_approved") + 1);
    EXPECT_EQ(Cards(admin).at("points_approvals"), admin0.at("points_approvals"));
    // The secretary's count matches the approvals queue it opens.
    auto queue = Json(tangma.Get("/api/v1/points/approvals?limit=1"));
    EXPECT_EQ(queue.at("total").as_int64(), Cards(tangma).at("points_approvals"));
}

// The pending declarations are counted per unit as they change (migration 91), not recounted per
// request: after declaring, deciding one by one and in bulk, a member moving to another unit, its
// membership ending and starting again, the kept counts — and the approvals queue kept by unit —
// equal a recount of the ledger.
TEST_P(WorkbenchTest, ThePendingCountsKeptPerUnitEqualARecountOfTheLedger) {
    Client member(port()), tangma(port());
    ASSERT_EQ(member.Login("member").status, 200);
    ASSERT_EQ(tangma.Login("tangma").status, 200);
    auto& rt = server_->runtime();
    auto& db = rt.store->db();
    const auto expect_kept_equal_recount = [&](const std::string& when) {
        std::lock_guard lock(rt.store_mutex);
        const auto kept = db.Query("SELECT unit_id, pending FROM points_pending_units WHERE pending <> 0 ORDER BY unit_id");
        const auto recount = db.Query(
            "SELECT m.unit_id, COUNT(*) FROM points_events e JOIN points_members m ON m.id = e.member_id "
            "WHERE e.status = 'pending' AND m.ended_on = '' GROUP BY m.unit_id ORDER BY m.unit_id");
        EXPECT_EQ(kept, recount) << when;
        EXPECT_FALSE(recount.empty()) << when;
        // The approvals queue by unit (migration 99): the same declarations, each with its unit and day.
        const auto queued = db.Query("SELECT event_id, unit_id, day FROM points_pending_queue ORDER BY event_id");
        const auto pending = db.Query(
            "SELECT e.id, m.unit_id, e.day FROM points_events e JOIN points_members m ON m.id = e.member_id "
            "WHERE e.status = 'pending' AND m.ended_on = '' ORDER BY e.id");
        EXPECT_EQ(queued, pending) << when;
    };
    expect_kept_equal_recount("demo data");
    std::vector<std::int64_t> events;
    for (const char* rule : {"XX01", "XX02", "ZY01", "HJ01"}) {
        auto created = member.Send("POST", "/api/v1/points/events",
                                   json::serialize(json::object{{"rule", rule}, {"date", Today()}, {"note", "kept"}}));
        ASSERT_EQ(created.status, 201) << created.body;
        events.push_back(Json(created).at("id").as_int64());
    }
    expect_kept_equal_recount("declared");
    ASSERT_EQ(tangma.Send("POST", "/api/v1/points/events/" + std::to_string(events[0]) + "/approve", "").status, 200);
    ASSERT_EQ(tangma.Send("POST", "/api/v1/points/events/" + std::to_string(events[1]) + "/reject",
                          R"({"reason":"材料不全"})")
                  .status,
              200);
    expect_kept_equal_recount("decided one by one");
    ASSERT_EQ(tangma.Send("POST", "/api/v1/points/events/decide",
                          json::serialize(json::object{{"ids", json::array{events[2]}}, {"decision", "approve"}}))
                  .status,
              200);
    expect_kept_equal_recount("decided in bulk");

    // The member (one pending declaration left) moves to another unit, leaves, and comes back.
    const auto me = Json(member.Get("/api/v1/points/me"));
    const std::int64_t member_id = me.at("member").at("id").as_int64();
    std::int64_t other_unit = 0;
    {
        std::lock_guard lock(rt.store_mutex);
        other_unit = storage::AsInt(
            db.Query("SELECT MIN(id) FROM units WHERE id <> (SELECT unit_id FROM points_members WHERE id = ?)",
                     {member_id})
                .at(0)[0]);
    }
    const auto change = [&](const std::function<void(core::ports::PointsMemberRecord&)>& edit) {
        std::lock_guard lock(rt.store_mutex);
        auto tx = rt.store->Begin();
        for (auto m : rt.points_store->ListMembers()) {
            if (m.id != member_id) continue;
            edit(m);
            rt.points_store->UpdateMember(m);
        }
        tx->Commit();
    };
    change([&](auto& m) { m.unit_id = other_unit; });
    expect_kept_equal_recount("moved");
    std::int64_t first_unit = 0;
    change([&](auto& m) {
        first_unit = m.unit_id;
        m.ended_on = Today();
    });
    expect_kept_equal_recount("ended");
    change([&](auto& m) { m.unit_id = other_unit == first_unit ? first_unit + 1 : other_unit; });
    expect_kept_equal_recount("moved while ended");
    change([&](auto& m) { m.ended_on.clear(); });
    expect_kept_equal_recount("a member again");
}

TEST_P(WorkbenchTest, EachRoleSeesItsOwnKindOfWork) {
    Client admin(port()), judge(port()), town(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    ASSERT_EQ(judge.Login("judge").status, 200);
    ASSERT_EQ(town.Login("town").status, 200);
    const auto j = Cards(judge);
    EXPECT_TRUE(j.count("contests_to_judge"));
    EXPECT_TRUE(j.count("campaigns_to_score"));
    EXPECT_FALSE(j.count("points_approvals"));
    EXPECT_FALSE(j.count("accounts_attention"));

    // An officer's accounts card counts the accounts in its reach still on an issued password.
    const auto before = Cards(town).at("accounts_attention");
    const auto admin_before = Cards(admin).at("accounts_attention");
    auto created = admin.Send("POST", "/api/v1/accounts",
                              json::serialize(json::object{{"username", "wb.sec"}, {"role", "secretary"},
                                                           {"scope_unit_id", Unit("前塘村")}}));
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(Cards(town).at("accounts_attention"), before + 1);
    EXPECT_EQ(Cards(admin).at("accounts_attention"), admin_before + 1);
    Client county(port());
    ASSERT_EQ(county.Login("county").status, 200);
    EXPECT_EQ(Cards(county).at("accounts_attention"), 0);  // 前塘村 is not in 姜堰区
}

// 交办督办 (issue 12): the caller's running tasks by colour, as 我的任务 counts them, each card
// opening 我的任务 filtered by its colour.
TEST_P(WorkbenchTest, TasksByColourCountWhatMyTasksShows) {
    auto& rt = server_->runtime();
    ASSERT_GT(demo::LoadDemoTickets(*rt.store, *rt.ticket_store, rt.store_mutex, rt.clock, *rt.roster), 0);
    Client secretary(port()), judge(port());
    ASSERT_EQ(secretary.Login("secretary").status, 200);
    ASSERT_EQ(judge.Login("judge").status, 200);
    const auto colours = Json(secretary.Get("/api/v1/tickets/mine")).at("colours").as_object();
    const auto cards = Cards(secretary);
    std::int64_t coloured = 0;
    for (const char* colour : {"red", "yellow", "blue"}) {
        ASSERT_TRUE(cards.count(std::string("tasks_") + colour)) << colour;
        EXPECT_EQ(cards.at(std::string("tasks_") + colour), colours.at(colour).as_int64()) << colour;
        coloured += cards.at(std::string("tasks_") + colour);
    }
    EXPECT_GT(coloured, 0) << "the demo keeps tasks of every colour open for 灵湖村";
    const auto red = Json(secretary.Get("/api/v1/workbench")).at("cards").as_array();
    for (const auto& card : red) {
        if (card.at("key").as_string() == "tasks_red") {
            EXPECT_EQ(card.at("path").as_string(), "/tickets/mine?colour=red");
        }
    }
    EXPECT_FALSE(Cards(judge).count("tasks_red"));
}

INSTANTIATE_TEST_SUITE_P(Backends, WorkbenchTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace lingyan::testing
