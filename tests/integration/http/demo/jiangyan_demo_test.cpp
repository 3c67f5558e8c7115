// The demo's work for 姜堰区 (`county`), 临湖镇 (`town`) and 灵湖村 (`secretary`) on each backend
// (demo/jiangyan_demo.hpp): contests finished last year with every contestant ranked and one ready this
// year linked to a campaign, tasks waiting for each office, 议事堂 records in their own scope, graded
// ladders and the town's program — each loader idempotent, nothing dated after today.
#include "demo/jiangyan_demo.hpp"

#include <gtest/gtest.h>

#include "integration/downloaded_sheet.hpp"
#include "integration/test_server.hpp"

namespace lingyan::testing {
namespace {

namespace json = boost::json;

class LocalDemo : public BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        if (IsSkipped()) return;
        auto& rt = server_->runtime();
        ASSERT_EQ(demo::LoadDemoLocalContests(*rt.store, *rt.arena_store, rt.store_mutex, rt.crypto, rt.clock,
                                              *rt.roster, *rt.campaigns, *rt.arena)
                      .size(),
                  3u);
        EXPECT_GT(demo::LoadDemoLocalTickets(*rt.store, *rt.ticket_store, rt.store_mutex, rt.clock, *rt.roster), 0);
        EXPECT_GT(demo::LoadDemoLocalTraining(*rt.store, *rt.roster, *rt.programs, *rt.ladder, rt.clock), 0);
    }
    json::array Items(Client& c, const std::string& path) {
        auto r = c.Get(path);
        EXPECT_EQ(r.status, 200) << path << " " << r.body;
        return Json(r).at("items").as_array();
    }
};

TEST_P(LocalDemo, LoadsOnce) {
    auto& rt = server_->runtime();
    EXPECT_TRUE(demo::LoadDemoLocalContests(*rt.store, *rt.arena_store, rt.store_mutex, rt.crypto, rt.clock, *rt.roster,
                                            *rt.campaigns, *rt.arena)
                    .empty());
    EXPECT_EQ(demo::LoadDemoLocalTickets(*rt.store, *rt.ticket_store, rt.store_mutex, rt.clock, *rt.roster), 0);
    EXPECT_EQ(demo::LoadDemoLocalTraining(*rt.store, *rt.roster, *rt.programs, *rt.ladder, rt.clock), 0);
}

TEST_P(LocalDemo, CountyAndTownSeeTheirContestsLastYearsFinishedAndRanked) {
    const std::string today = server_->runtime().clock.Today();
    const int year = std::stoi(today.substr(0, 4));
    Client county(port());
    ASSERT_EQ(county.Login("county").status, 200);
    auto contests = Items(county, "/api/v1/contests");
    ASSERT_EQ(contests.size(), 2u);
    std::int64_t finished = 0;
    for (const auto& c : contests) {
        if (c.at("name").as_string() == demo::JiangyanLeaderContestName(year - 1)) {
            EXPECT_EQ(c.at("status").as_string(), "finished");
            EXPECT_EQ(std::string(c.at("created_at").as_string()).substr(0, 4), std::to_string(year - 1));
            finished = c.at("id").as_int64();
        } else {
            EXPECT_EQ(c.at("name").as_string(), demo::JiangyanSecretaryContestName(year));
            EXPECT_EQ(c.at("status").as_string(), "ready");
            EXPECT_NE(c.at("campaign_id").as_int64(), 0);  // feeds this year's 四好书记 campaign
        }
    }
    ASSERT_NE(finished, 0);
    auto results = Json(county.Get("/api/v1/contests/" + std::to_string(finished) + "/results"));
    const auto& sheets = results.at("rounds").as_array().at(0).at("sheets").as_array();
    EXPECT_EQ(sheets.size(), 13u);  // the 13 town party secretaries
    for (const auto& s : sheets) {
        EXPECT_GT(s.at("rank").as_int64(), 0) << s.at("name").as_string();
        for (const auto& line : s.at("lines").as_array()) {
            if (line.at("mark").as_string() == "recused") continue;
            EXPECT_LT(line.at("submitted_at").as_string(), today);
        }
    }

    Client town(port());
    ASSERT_EQ(town.Login("town").status, 200);
    auto own = Items(town, "/api/v1/contests");
    ASSERT_EQ(own.size(), 1u);  // 临湖镇's own, not 姜堰's
    EXPECT_EQ(own[0].at("name").as_string(), demo::LinhuContestName(year - 1));
    EXPECT_EQ(own[0].at("status").as_string(), "finished");
    bool titled = false;
    for (const auto& h : Items(town, "/api/v1/honours")) titled |= h.at("title").as_string() == "擂台赛优胜村书记";
    EXPECT_TRUE(titled);
}

TEST_P(LocalDemo, OfficesHaveTasksAndEachSeesOnlyItsOwnDeliberations) {
    const std::string today = server_->runtime().clock.Today();
    for (const char* office : {"county", "town"}) {
        Client c(port());
        ASSERT_EQ(c.Login(office).status, 200);
        EXPECT_GE(Items(c, "/api/v1/tickets/mine").size(), 3u) << office;
    }
    Client secretary(port()), county(port());
    ASSERT_EQ(secretary.Login("secretary").status, 200);
    ASSERT_EQ(county.Login("county").status, 200);
    auto own = Items(secretary, "/api/v1/deliberations");
    ASSERT_EQ(own.size(), 1u);
    EXPECT_EQ(own[0].at("unit").as_string(), "灵湖村");
    EXPECT_LE(own[0].at("held_on").as_string(), today);
    // The list carries each record's tickets (what came of it), the same as the record itself.
    const auto& listed = own[0].at("tickets").as_array();
    ASSERT_FALSE(listed.empty());
    auto record = Json(secretary.Get("/api/v1/deliberations/" + std::to_string(own[0].at("id").as_int64())));
    ASSERT_EQ(listed.size(), record.at("tickets").as_array().size());
    EXPECT_EQ(listed[0].at("id"), record.at("tickets").as_array()[0].at("id"));
    auto theirs = Items(county, "/api/v1/deliberations");
    ASSERT_EQ(theirs.size(), 1u);
    EXPECT_EQ(theirs[0].at("unit").as_string(), "三里村");
    EXPECT_NE(std::string(theirs[0].at("decision").as_string()).find("演示虚构"), std::string::npos);

    // 议事堂台账: the same records, the participants and the tickets raised from each in words.
    auto rows = DownloadedRows(secretary.Get("/api/v1/deliberations.xlsx"), "议事堂台账");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(CellText(rows[0], 5), "登记工单");
    EXPECT_EQ(CellText(rows[1], 0), std::string(own[0].at("held_on").as_string()));
    EXPECT_EQ(CellText(rows[1], 1), "灵湖村");
    EXPECT_EQ(CellText(rows[1], 2), std::string(own[0].at("topic").as_string()));
    std::string participants;
    for (const auto& p : own[0].at("participants").as_array())
        participants += (participants.empty() ? "" : "、") + std::string(p.as_string());
    EXPECT_EQ(CellText(rows[1], 3), participants);
    const std::string raised = CellText(rows[1], 5);
    EXPECT_EQ(raised.find(std::string(listed[0].at("title").as_string()) + "（"), 0u) << raised;
    EXPECT_EQ(CellText(rows[1], 6), std::string(own[0].at("created_by").as_string()));
    auto county_rows = DownloadedRows(county.Get("/api/v1/deliberations.xlsx"), "议事堂台账");
    ASSERT_EQ(county_rows.size(), 2u);
    EXPECT_EQ(CellText(county_rows[1], 1), "三里村");
    Client member(port());
    ASSERT_EQ(member.Login("member").status, 200);
    EXPECT_EQ(member.Get("/api/v1/deliberations.xlsx").status, 403);
}

TEST_P(LocalDemo, LaddersAreGradedAndTheTownRunsItsProgram) {
    Client county(port()), town(port());
    ASSERT_EQ(county.Login("county").status, 200);
    ASSERT_EQ(town.Login("town").status, 200);
    EXPECT_GT(Json(county.Get("/api/v1/ladder?unit=" + std::to_string(Unit("姜堰区")))).at("graded").as_int64(), 10);
    EXPECT_GT(Json(town.Get("/api/v1/ladder?unit=" + std::to_string(Unit("临湖镇")))).at("graded").as_int64(), 3);
    auto programs = Items(town, "/api/v1/programs");
    ASSERT_EQ(programs.size(), 1u);
    EXPECT_EQ(programs[0].at("name").as_string(), demo::kLinhuProgramName);
    EXPECT_NE(std::string(programs[0].at("description").as_string()).find("演示虚构"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, LocalDemo, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace lingyan::testing
