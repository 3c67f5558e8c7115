// Evaluation campaigns over HTTP, against each storage backend: lifecycle (create → facts →
// ranking → explain → publish → refused change → new version), scope, judges, all-or-nothing
// fact entry with row errors, and the demo's 2021 Jiangyan campaigns.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <mutex>
#include <set>

#include "demo/evaluation_demo.hpp"
#include "integration/http/evaluation/campaign_fixture.hpp"

namespace lingyan::testing {
namespace {

TEST_P(CampaignTest, TemplatesListTheBuiltInFrameworks) {
    Client c(port());
    ASSERT_EQ(c.Login("county").status, 200);
    auto r = c.Get("/api/v1/templates");
    ASSERT_EQ(r.status, 200) << r.body;
    bool found = false;
    const auto templates = Json(r);
    for (const auto& t : templates.at("items").as_array()) {
        if (t.at("key").as_string() == "sanhao-team") {
            found = true;
            EXPECT_FALSE(t.at("framework").at("criteria").as_array().empty());
        }
    }
    EXPECT_TRUE(found);
}

TEST_P(CampaignTest, LifecycleFromCreateToPublishedAndReopened) {
    Client c(port());
    ASSERT_EQ(c.Login("county").status, 200);
    const auto county = UnitId(c, "姜堰区");
    const auto towns = Children(c, county, 3);
    auto detail = Create(c, county, towns);
    ASSERT_FALSE(detail.empty());
    const auto id = std::to_string(detail.at("id").as_int64());
    EXPECT_EQ(detail.at("status").as_string(), "draft");
    const auto& subjects = detail.at("subjects").as_array();
    ASSERT_EQ(subjects.size(), 3u);
    const auto a = subjects[0].at("id").as_int64(), b = subjects[1].at("id").as_int64();

    // A: sales 100%, review 80 → 90.00; B: sales 50%, review 90 → 70.00; C: nothing → 0, incomplete.
    json::array facts{Fact(a, "sales", "target", 100), Fact(a, "sales", "actual", 100),
                      Fact(a, "review", "judge", 80),  Fact(b, "sales", "target", 100),
                      Fact(b, "sales", "actual", "50"), Fact(b, "review", "judge", 90)};
    auto entered = c.Send("POST", "/api/v1/campaigns/" + id + "/facts", Facts(facts));
    ASSERT_EQ(entered.status, 200) << entered.body;
    EXPECT_EQ(Json(entered).at("inserted").as_int64(), 6);

    auto stored = c.Get("/api/v1/campaigns/" + id + "/facts?subject=" + std::to_string(b));
    ASSERT_EQ(stored.status, 200) << stored.body;
    EXPECT_EQ(Json(stored).at("items").as_array().size(), 3u);

    auto ranking = c.Get("/api/v1/campaigns/" + id + "/ranking");
    ASSERT_EQ(ranking.status, 200) << ranking.body;
    auto board = Json(ranking);
    const auto& rows = board.at("rows").as_array();
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].at("subject_id").as_int64(), a);
    EXPECT_EQ(rows[0].at("total_text").as_string(), "90.00");
    EXPECT_EQ(rows[0].at("award").as_string(), "一等奖");
    EXPECT_EQ(rows[1].at("subject_id").as_int64(), b);
    EXPECT_EQ(rows[1].at("total_text").as_string(), "70.00");
    EXPECT_DOUBLE_EQ(rows[1].at("gap_to_best").to_number<double>(), 20.0);
    EXPECT_DOUBLE_EQ(rows[1].at("gap_to_above").to_number<double>(), 20.0);
    EXPECT_DOUBLE_EQ(rows[1].at("scores").at("sales").to_number<double>(), 0.5);
    EXPECT_TRUE(rows[2].at("incomplete").as_bool());
    EXPECT_EQ(rows[2].at("rank").as_int64(), 3);
    EXPECT_EQ(board.at("top_criteria").as_array().size(), 2u);

    // Filter by one town: only its subject, with its campaign-wide rank.
    auto filtered = c.Get("/api/v1/campaigns/" + id + "/ranking?town=" + std::to_string(towns[1]));
    ASSERT_EQ(filtered.status, 200);
    ASSERT_EQ(Json(filtered).at("rows").as_array().size(), 1u);
    EXPECT_EQ(Json(filtered).at("rows").as_array()[0].at("rank").as_int64(), 2);
    // A filter outside the campaign's unit answers 404 as an unknown unit does, not an empty board.
    Client admin(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    auto elsewhere = c.Get("/api/v1/campaigns/" + id + "/ranking?unit=" + std::to_string(UnitId(admin, "溧阳市")));
    EXPECT_EQ(elsewhere.status, 404) << elsewhere.body;
    EXPECT_EQ(elsewhere.body, c.Get("/api/v1/campaigns/" + id + "/ranking?unit=99999999").body);

    auto explain = c.Get("/api/v1/campaigns/" + id + "/subjects/" + std::to_string(b) + "/explain");
    ASSERT_EQ(explain.status, 200) << explain.body;
    auto x = Json(explain);
    EXPECT_EQ(x.at("rank").as_int64(), 2);
    EXPECT_FALSE(x.at("above").is_null());
    bool saw_sales = false;
    for (const auto& crit : x.at("criteria").as_array()) {
        if (crit.at("id").as_string() != "sales") continue;
        saw_sales = true;
        EXPECT_DOUBLE_EQ(crit.at("s").to_number<double>(), 0.5);
        EXPECT_DOUBLE_EQ(crit.at("contribution").to_number<double>(), 25.0);
        EXPECT_GE(crit.at("inputs").as_array().size(), 2u);
    }
    EXPECT_TRUE(saw_sales);

    auto published = c.Send("POST", "/api/v1/campaigns/" + id + "/publish", "");
    ASSERT_EQ(published.status, 200) << published.body;
    EXPECT_EQ(Json(published).at("campaign").at("status").as_string(), "published");
    EXPECT_EQ(c.Send("POST", "/api/v1/campaigns/" + id + "/publish", "").status, 409);

    // Frozen: a change is refused until a new version is made with a reason.
    json::array change{Fact(b, "sales", "actual", 60)};
    auto refused = c.Send("POST", "/api/v1/campaigns/" + id + "/facts", Facts(change));
    EXPECT_EQ(refused.status, 409) << refused.body;
    EXPECT_EQ(c.Send("POST", "/api/v1/campaigns/" + id + "/versions", R"({"reason":""})").status, 422);
    auto reopened = c.Send("POST", "/api/v1/campaigns/" + id + "/versions", R"({"reason":"核减后数据更正"})");
    ASSERT_EQ(reopened.status, 200) << reopened.body;
    EXPECT_EQ(Json(reopened).at("version").as_int64(), 2);
    auto changed = c.Send("POST", "/api/v1/campaigns/" + id + "/facts", Facts(change, "统计局更正"));
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_EQ(Json(changed).at("updated").as_int64(), 1);
    auto after = Json(c.Get("/api/v1/campaigns/" + id + "/ranking"));
    EXPECT_EQ(after.at("rows").as_array()[1].at("total_text").as_string(), "75.00");

    auto result = c.Get("/api/v1/campaigns/" + id + "/result");
    ASSERT_EQ(result.status, 200) << result.body;
    EXPECT_EQ(Json(result).at("version").as_int64(), 1);
    EXPECT_EQ(Json(result).at("result").at("ranking").as_array()[1].at("total").to_number<double>(), 70.0);

    // who, what, before/after, why
    bool saw_publish = false, saw_reopen = false, saw_change = false;
    for (const auto& e : Audit()) {
        if (e.entity != "campaign") continue;
        saw_publish |= e.action == "publish";
        saw_reopen |= e.action == "reopen" && e.detail.find("核减后数据更正") != std::string::npos;
        saw_change |= e.action == "facts" && e.user == "county" && e.detail.find("统计局更正") != std::string::npos &&
                      e.detail.find(R"("before":"50","after":"60")") != std::string::npos;
    }
    EXPECT_TRUE(saw_publish);
    EXPECT_TRUE(saw_reopen);
    EXPECT_TRUE(saw_change);

    auto xlsx = c.Get("/api/v1/campaigns/" + id + "/awards.xlsx");
    ASSERT_EQ(xlsx.status, 200);
    EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
}

TEST_P(CampaignTest, TownOfAnotherCountyCannotSeeOrChangeTheCampaign) {
    Client county(port());
    ASSERT_EQ(county.Login("county").status, 200);
    const auto scope = UnitId(county, "姜堰区");
    auto detail = Create(county, scope, Children(county, scope, 2));
    ASSERT_FALSE(detail.empty());
    const auto id = std::to_string(detail.at("id").as_int64());
    const auto subject = detail.at("subjects").as_array()[0].at("id").as_int64();

    Client town(port());  // 临湖镇, 吴中区
    ASSERT_EQ(town.Login("town").status, 200);
    EXPECT_EQ(town.Get("/api/v1/campaigns/" + id).status, 404);
    EXPECT_EQ(town.Get("/api/v1/campaigns/" + id + "/ranking").status, 404);
    EXPECT_TRUE(Json(town.Get("/api/v1/campaigns")).at("items").as_array().empty());
    json::array facts{Fact(subject, "sales", "target", 100)};
    EXPECT_EQ(town.Send("POST", "/api/v1/campaigns/" + id + "/facts", Facts(facts)).status, 404);
    EXPECT_EQ(town.Send("POST", "/api/v1/campaigns/" + id + "/publish", "").status, 404);
    // Nor create one outside its scope.
    auto outside = town.Send("POST", "/api/v1/campaigns",
                             json::serialize(json::object{{"name", "越权"},
                                                          {"scope_unit_id", scope},
                                                          {"template", "sanhao-team"},
                                                          {"cycle_kind", "year"},
                                                          {"cycle_label", "2021"},
                                                          {"subjects", json::array{subject}}}));
    EXPECT_EQ(outside.status, 403) << outside.body;
}

TEST_P(CampaignTest, JudgeMayOnlyEnterJudgesScoresUnderOwnName) {
    Client admin(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    const auto scope = UnitId(admin, "柯桥区");
    auto detail = Create(admin, scope, Children(admin, scope, 2));
    ASSERT_FALSE(detail.empty());
    const auto id = std::to_string(detail.at("id").as_int64());
    const auto subject = detail.at("subjects").as_array()[0].at("id").as_int64();

    Client judge(port());
    ASSERT_EQ(judge.Login("judge").status, 200);
    EXPECT_EQ(judge.Get("/api/v1/campaigns/" + id).status, 200);
    auto scored = judge.Send("POST", "/api/v1/campaigns/" + id + "/facts",
                             Facts(json::array{Fact(subject, "review", "judge", 88)}));
    ASSERT_EQ(scored.status, 200) << scored.body;
    // Scoring again replaces the judge's own score instead of adding a second one.
    auto rescored = judge.Send("POST", "/api/v1/campaigns/" + id + "/facts",
                               Facts(json::array{Fact(subject, "review", "judge", 91)}));
    ASSERT_EQ(rescored.status, 200) << rescored.body;
    EXPECT_EQ(Json(rescored).at("updated").as_int64(), 1);
    const auto own = Json(judge.Get("/api/v1/campaigns/" + id + "/facts"));
    ASSERT_EQ(own.at("items").as_array().size(), 1u);
    EXPECT_EQ(own.at("items").as_array()[0].at("judge").as_string(), "judge");
    EXPECT_EQ(own.at("items").as_array()[0].at("value").as_string(), "91");
    auto target = judge.Send("POST", "/api/v1/campaigns/" + id + "/facts",
                             Facts(json::array{Fact(subject, "sales", "target", 100)}));
    EXPECT_EQ(target.status, 403) << target.body;
    EXPECT_EQ(judge.Send("POST", "/api/v1/campaigns/" + id + "/publish", "").status, 403);
    auto x = Json(admin.Get("/api/v1/campaigns/" + id + "/subjects/" + std::to_string(subject) + "/explain"));
    for (const auto& crit : x.at("criteria").as_array()) {
        if (crit.at("id").as_string() == "review") {
            EXPECT_DOUBLE_EQ(crit.at("s").to_number<double>(), 0.91);
        }
    }
}

TEST_P(CampaignTest, BadFactsAreRejectedWholeWithRowErrors) {
    Client c(port());
    ASSERT_EQ(c.Login("county").status, 200);
    const auto county = UnitId(c, "姜堰区");
    auto detail = Create(c, county, Children(c, county, 2));
    ASSERT_FALSE(detail.empty());
    const auto id = std::to_string(detail.at("id").as_int64());
    const auto a = detail.at("subjects").as_array()[0].at("id").as_int64();
    json::array facts{Fact(a, "sales", "target", 100),    // fine
                      Fact(a, "nosuch", "value", 1),      // unknown criterion
                      Fact(a, "sales", "actual", "many"),  // not a number
                      Fact(a, "review", "judge", 130),    // above max
                      Fact(99999999, "sales", "actual", 1)};
    auto r = c.Send("POST", "/api/v1/campaigns/" + id + "/facts", Facts(facts));
    ASSERT_EQ(r.status, 422) << r.body;
    const auto body = Json(r);
    const auto& rows = body.at("rows").as_array();
    ASSERT_EQ(rows.size(), 4u) << r.body;
    EXPECT_EQ(rows[0].at("row").as_int64(), 2);
    EXPECT_EQ(rows[3].at("row").as_int64(), 5);
    EXPECT_EQ(Json(c.Get("/api/v1/campaigns/" + id)).at("fact_count").as_int64(), 0);
    // Shape errors too: a row without a value.
    auto shape = c.Send("POST", "/api/v1/campaigns/" + id + "/facts",
                        R"({"facts":[{"subject_id":1,"criterion":"sales","key":"target"}]})");
    EXPECT_EQ(shape.status, 422) << shape.body;
}

TEST_P(CampaignTest, DemoShipsThePublishedJiangyanCampaignsWithTheCliTotals) {
    auto& rt = server_->runtime();
    auto created = demo::LoadDemoCampaigns(*rt.campaigns, *rt.roster);
    EXPECT_EQ(created.size(), 2u);
    EXPECT_TRUE(demo::LoadDemoCampaigns(*rt.campaigns, *rt.roster).empty());  // idempotent

    Client c(port());
    ASSERT_EQ(c.Login("county").status, 200);
    auto list = Json(c.Get("/api/v1/campaigns")).at("items").as_array();
    ASSERT_EQ(list.size(), 2u);
    std::int64_t team = 0;
    for (const auto& item : list) {
        EXPECT_EQ(item.at("status").as_string(), "published");
        if (item.at("template").as_string() == "sanhao-team") team = item.at("id").as_int64();
    }
    ASSERT_NE(team, 0);
    auto board = Json(c.Get("/api/v1/campaigns/" + std::to_string(team) + "/ranking"));
    const auto& rows = board.at("rows").as_array();
    ASSERT_EQ(rows.size(), 13u);
    // Same as `lingyan evaluate builtin:sanhao-team` (tests/golden/evaluate/jiangyan_2021_team_builtin.test).
    EXPECT_EQ(rows[0].at("name").as_string(), "罗塘街道");
    EXPECT_EQ(rows[0].at("total_text").as_string(), "97.32");
    EXPECT_EQ(rows[12].at("name").as_string(), "华港镇");
    EXPECT_EQ(rows[12].at("total_text").as_string(), "77.74");
    EXPECT_EQ(board.at("awards").as_array()[0].at("winners").as_array().size(), 4u);
}

TEST_P(CampaignTest, DemoShipsTheLeaderAndDeputyCampaignsOfPeople) {
    auto& rt = server_->runtime();
    auto created = demo::LoadDemoPersonCampaigns(*rt.campaigns, *rt.roster);
    EXPECT_EQ(created.size(), 2u);
    EXPECT_TRUE(demo::LoadDemoPersonCampaigns(*rt.campaigns, *rt.roster).empty());  // idempotent

    Client c(port());
    ASSERT_EQ(c.Login("county").status, 200);
    std::int64_t leader = 0, deputy = 0;
    const auto body1 = Json(c.Get("/api/v1/campaigns"));
    for (const auto& item : body1.at("items").as_array()) {
        if (item.at("template").as_string() == "sanhao-leader") leader = item.at("id").as_int64();
        if (item.at("template").as_string() == "sanhao-deputy") deputy = item.at("id").as_int64();
    }
    ASSERT_NE(leader, 0);
    ASSERT_NE(deputy, 0);
    // 好班长: the 13 town secretaries, published with a full board and four winners.
    auto leaders = Json(c.Get("/api/v1/campaigns/" + std::to_string(leader)));
    EXPECT_EQ(leaders.at("status").as_string(), "published");
    ASSERT_EQ(leaders.at("subjects").as_array().size(), 13u);
    for (const auto& s : leaders.at("subjects").as_array()) EXPECT_TRUE(s.at("person_id").is_int64()) << s;
    auto board = Json(c.Get("/api/v1/campaigns/" + std::to_string(leader) + "/ranking"));
    EXPECT_EQ(board.at("rows").as_array().size(), 13u);
    EXPECT_EQ(board.at("awards").as_array()[0].at("winners").as_array().size(), 4u);
    // 好班副: several deputies of each town, each a subject of its own, still open.
    auto deputies = Json(c.Get("/api/v1/campaigns/" + std::to_string(deputy)));
    EXPECT_EQ(deputies.at("status").as_string(), "draft");
    const auto& subjects = deputies.at("subjects").as_array();
    EXPECT_EQ(subjects.size(), 13u * 4u);
    std::map<std::int64_t, int> per_unit;
    std::set<std::int64_t> people;
    for (const auto& s : subjects) {
        ++per_unit[s.at("unit_id").as_int64()];
        people.insert(s.at("person_id").as_int64());
    }
    EXPECT_EQ(per_unit.size(), 13u);
    for (const auto& [unit, n] : per_unit) EXPECT_EQ(n, 4) << unit;
    EXPECT_EQ(people.size(), subjects.size());
}

INSTANTIATE_TEST_SUITE_P(Backends, CampaignTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lingyan::testing
