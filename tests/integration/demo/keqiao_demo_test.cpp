// The 柯桥 demo (src/demo/keqiao_demo.cpp) on each backend: after the roster, points and arena
// demos, `keqiao` (柯桥区) and `tangma` (塘马村) each find records of every module in their own scope
// through the same use cases the pages call — honours, decisions, nominations, pending points,
// meetings, 议事堂, tasks, projects, a program, ladder grades, town metrics; the published 溧阳 述职评议
// for tangma —
// nothing dated after today, and loading twice adds nothing.
#include "demo/keqiao_demo.hpp"

#include <gtest/gtest.h>

#include <string>

#include "demo/arena_demo.hpp"
#include "demo/demo_support.hpp"
#include "demo/points_demo.hpp"
#include "integration/test_server.hpp"

namespace lingyan::testing {
namespace {

class KeqiaoDemo : public BackendTest {
protected:
    int Load() {
        auto& rt = server_->runtime();
        return demo::LoadDemoKeqiao({*rt.store, rt.store_mutex, rt.clock, *rt.roster, *rt.campaigns, *rt.honours,
                                     *rt.indicators, *rt.decisions, *rt.nominations, *rt.points, *rt.ticket_store,
                                     *rt.project_store, *rt.pools, *rt.programs, *rt.ladder});
    }
    void SetUp() override {
        BackendTest::SetUp();
        if (IsSkipped()) return;
        auto& rt = server_->runtime();
        demo::LoadDemoPoints(*rt.points, *rt.roster, rt.crypto, {.members_per_village = 8});
        rt.SyncPointsMembers();
        demo::LoadDemoArena(*rt.store, rt.store_mutex, rt.crypto, rt.clock, *rt.roster, *rt.campaigns, *rt.arena);
    }
    app::Actor User(const char* name) {
        auto& rt = server_->runtime();
        return demo::DemoUser(*rt.store, rt.store_mutex, name);
    }
};

TEST_P(KeqiaoDemo, KeqiaoAndTangmaFindWorkOfEveryModuleInTheirScope) {
    ASSERT_GT(Load(), 0);
    auto& rt = server_->runtime();
    const std::string today = rt.clock.Today();
    const int year = std::stoi(today.substr(0, 4));
    const auto keqiao = User("keqiao");

    const auto honours = rt.honours->Search(keqiao, {}).value();
    int gold = 0;
    for (const auto& h : honours.items) {
        gold += h.honour.title == "金牌书记";
        EXPECT_LT(h.honour.year, year);  // last year's
    }
    EXPECT_EQ(gold, 3);
    const auto decisions = rt.decisions->List(keqiao, {}).value();
    EXPECT_GE(decisions.size(), 3u);
    for (const auto& d : decisions) {
        EXPECT_FALSE(d.decision.ground_label.empty());
        EXPECT_LE(d.decision.decided_on, today);
    }
    const auto nominations = rt.nominations->List(keqiao, {}).value();
    ASSERT_EQ(nominations.size(), 2u);
    int pending = 0;
    for (const auto& n : nominations) pending += n.nomination.state == core::personnel::NominationState::kPending;
    EXPECT_EQ(pending, 1);
    EXPECT_GT(rt.points->Approvals(keqiao, std::nullopt, std::nullopt, 0, 50).value().total, 0);
    const auto meetings = rt.tickets->ListMeetings(keqiao, 0).value();
    ASSERT_EQ(meetings.size(), 1u);
    EXPECT_LE(meetings[0].meeting.held_on, today);
    EXPECT_EQ(rt.tickets->ListDeliberations(keqiao).value().size(), 1u);
    EXPECT_GT(rt.tickets->MyTasks(keqiao, std::nullopt, 1, 20).value().total, 0);  // to assign, to accept
    EXPECT_EQ(rt.projects->List(keqiao, {}).value().total, 2);
    EXPECT_EQ(rt.programs->ListPrograms(keqiao).value().size(), 1u);
    EXPECT_GT(rt.ladder->Ladder(keqiao, keqiao.scope_unit_id, "", true).value().graded, 0);
    const auto sales = rt.indicators->View(keqiao, "开票销售", year - 1, 12, keqiao.scope_unit_id).value();
    ASSERT_FALSE(sales.rows.empty());
    for (const auto& row : sales.rows)
        EXPECT_EQ(row.progress.months_reported, 12) << row.unit_name;  // last year's towns

    const auto tangma = User("tangma");
    bool review = false;
    const auto campaigns = rt.campaigns->List(tangma).value();
    for (const auto& c : campaigns)
        review |= c.campaign.name == std::to_string(year - 1) + "年度溧阳市村（社区）党组织书记述职评议";
    EXPECT_TRUE(review);
    const auto their_honours = rt.honours->Search(tangma, {}).value().items;
    ASSERT_EQ(their_honours.size(), 1u);
    EXPECT_EQ(their_honours[0].unit_name, "塘马村");
    EXPECT_EQ(rt.tickets->ListMeetings(tangma, 0).value().size(), 1u);  // 戴埠镇's, with items for 塘马村
    EXPECT_GT(rt.tickets->MyTasks(tangma, std::nullopt, 1, 20).value().total, 0);

    EXPECT_EQ(Load(), 0);  // idempotent
}

INSTANTIATE_TEST_SUITE_P(Backends, KeqiaoDemo, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace lingyan::testing
