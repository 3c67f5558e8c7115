// Campaign settings over HTTP, against each storage backend: tracks with coefficients ranked
// separately, result bands with follow-up actions, the negative list (躺平奖), criterion owners
// with entry windows, the framework lock, and people as subjects.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "demo/evaluation_demo.hpp"
#include "integration/http/evaluation/campaign_fixture.hpp"
#include "exchange/xlsx/reader.hpp"

namespace lingyan::testing {
namespace {

class CampaignSettingsTest : public CampaignTest {
protected:
    // A campaign over three 姜堰 towns with facts: A 90.00, B 70.00, C 50.00 (sales 100/50/50%,
    // review 80/90/50).
    struct Fixture {
        std::string id;
        std::int64_t a = 0, b = 0, c = 0;
    };
    Fixture Scored(Client& client) {
        const auto county = UnitId(client, "姜堰区");
        auto detail = Create(client, county, Children(client, county, 3));
        Fixture f;
        if (detail.empty()) return f;
        f.id = std::to_string(detail.at("id").as_int64());
        const auto& subjects = detail.at("subjects").as_array();
        f.a = subjects[0].at("id").as_int64();
        f.b = subjects[1].at("id").as_int64();
        f.c = subjects[2].at("id").as_int64();
        json::array facts{Fact(f.a, "sales", "target", 100), Fact(f.a, "sales", "actual", 100),
                          Fact(f.a, "review", "judge", 80),  Fact(f.b, "sales", "target", 100),
                          Fact(f.b, "sales", "actual", 50),  Fact(f.b, "review", "judge", 90),
                          Fact(f.c, "sales", "target", 100), Fact(f.c, "sales", "actual", 50),
                          Fact(f.c, "review", "judge", 50)};
        auto r = client.Send("POST", "/api/v1/campaigns/" + f.id + "/facts", Facts(facts));
        EXPECT_EQ(r.status, 200) << r.body;
        return f;
    }
    static const json::object& Row(const json::value& board, std::int64_t subject) {
        for (const auto& row : board.at("rows").as_array())
            if (row.at("subject_id").as_int64() == subject) return row.as_object();
        ADD_FAILURE() << "no row for subject " << subject;
        return board.at("rows").as_array().front().as_object();
    }
};

TEST_P(CampaignSettingsTest, TracksCoefficientsBandsAndTheNegativeListShowOnTheBoard) {
    Client c(port());
    ASSERT_EQ(c.Login("county").status, 200);
    auto f = Scored(c);
    ASSERT_FALSE(f.id.empty());
    // B and C form the agricultural track with coefficient 1.5: B 105.00 overtakes A.
    json::object settings{
        {"tracks", json::array{json::object{{"name", "工业强镇"}, {"coefficient", 1}},
                               json::object{{"name", "农业特色镇"}, {"coefficient", 1.5}}}},
        {"subject_tracks", json::array{json::object{{"subject_id", f.a}, {"track", "工业强镇"}},
                                       json::object{{"subject_id", f.b}, {"track", "农业特色镇"}},
                                       json::object{{"subject_id", f.c}, {"track", "农业特色镇"}}}},
        {"bands", json::array{json::object{{"name", "先进"}, {"share", 0.34}, {"follow_up", false}},
                              json::object{{"name", "一般"}, {"share", 0.33}, {"follow_up", false}},
                              json::object{{"name", "后进"}, {"share", 0.33}, {"follow_up", true}}}},
        {"negative", json::object{{"name", "躺平奖"}, {"criterion", "review"}, {"count", 1}}},
        {"reason", "按区委方案分赛道"}};
    auto put = c.Send("PUT", "/api/v1/campaigns/" + f.id + "/settings", json::serialize(settings));
    ASSERT_EQ(put.status, 200) << put.body;
    EXPECT_EQ(Json(put).at("tracks").as_array().size(), 2u);

    auto r = c.Get("/api/v1/campaigns/" + f.id + "/ranking");
    ASSERT_EQ(r.status, 200) << r.body;
    const auto board = Json(r);
    const auto& b = Row(board, f.b);
    EXPECT_EQ(b.at("rank").as_int64(), 1);
    EXPECT_EQ(b.at("total_text").as_string(), "105.00");
    EXPECT_EQ(b.at("track").as_string(), "农业特色镇");
    EXPECT_EQ(b.at("track_rank").as_int64(), 1);
    EXPECT_EQ(b.at("band").as_string(), "先进");
    const auto& a = Row(board, f.a);
    EXPECT_EQ(a.at("rank").as_int64(), 2);
    EXPECT_EQ(a.at("track_rank").as_int64(), 1);  // alone in its track
    const auto& cc = Row(board, f.c);
    EXPECT_EQ(cc.at("total_text").as_string(), "75.00");
    EXPECT_EQ(cc.at("track_rank").as_int64(), 2);
    EXPECT_TRUE(cc.at("follow_up").as_bool());  // last of its track of two: bottom band
    const auto& negative = board.at("negative").as_object();
    EXPECT_EQ(negative.at("name").as_string(), "躺平奖");
    ASSERT_EQ(negative.at("subjects").as_array().size(), 1u);
    EXPECT_EQ(negative.at("subjects").as_array()[0].at("subject_id").as_int64(), f.c);  // review 50

    // Bad settings are refused, naming the field; nothing changes.
    settings["bands"] = json::array{json::object{{"name", "先进"}, {"share", 0.5}}};
    auto bad = c.Send("PUT", "/api/v1/campaigns/" + f.id + "/settings", json::serialize(settings));
    EXPECT_EQ(bad.status, 422) << bad.body;
    EXPECT_NE(bad.body.find("bands"), std::string::npos) << bad.body;
    EXPECT_EQ(Json(c.Get("/api/v1/campaigns/" + f.id)).at("bands").as_array().size(), 3u);

    bool audited = false;
    for (const auto& e : Audit())
        if (e.action == "settings" && e.detail.find("农业特色镇×1.5") != std::string::npos) audited = true;
    EXPECT_TRUE(audited);
}

TEST_P(CampaignSettingsTest, FollowUpsOnlyForTheBottomBandAndCloseOnce) {
    Client c(port());
    ASSERT_EQ(c.Login("county").status, 200);
    auto f = Scored(c);
    ASSERT_FALSE(f.id.empty());
    json::object settings{{"bands", json::array{json::object{{"name", "前列"}, {"share", 0.67}},
                                                json::object{{"name", "末位"}, {"share", 0.33}, {"follow_up", true}}}}};
    ASSERT_EQ(c.Send("PUT", "/api/v1/campaigns/" + f.id + "/settings", json::serialize(settings)).status, 200);
    auto follow = [&](std::int64_t subject, const char* deadline) {
        return c.Send("POST", "/api/v1/campaigns/" + f.id + "/followups",
                      json::serialize(json::object{{"subject_id", subject},
                                                   {"action", "约谈书记，制定整改清单"},
                                                   {"leader", "王副区长"},
                                                   {"deadline", deadline}}));
    };
    auto top = follow(f.a, "2022-03-31");
    EXPECT_EQ(top.status, 422) << top.body;
    EXPECT_EQ(follow(f.c, "2022-02-30").status, 422);  // no such day
    auto created = follow(f.c, "2022-03-31");
    ASSERT_EQ(created.status, 201) << created.body;
    const auto fid = std::to_string(Json(created).at("id").as_int64());
    EXPECT_EQ(Json(created).at("band").as_string(), "末位");
    auto list = c.Get("/api/v1/campaigns/" + f.id + "/followups");
    ASSERT_EQ(list.status, 200);
    EXPECT_EQ(Json(list).at("items").as_array().size(), 1u);
    const std::string close = "/api/v1/campaigns/" + f.id + "/followups/" + fid + "/close";
    EXPECT_EQ(c.Send("POST", close, R"({"outcome":""})").status, 422);
    auto closed = c.Send("POST", close, R"({"outcome":"已整改到位"})");
    ASSERT_EQ(closed.status, 200) << closed.body;
    EXPECT_EQ(Json(closed).at("status").as_string(), "done");
    EXPECT_EQ(c.Send("POST", close, R"({"outcome":"再次办结"})").status, 409);
}

TEST_P(CampaignSettingsTest, TheFrameworkLocksOnceTheFirstFactIsEntered) {
    Client c(port());
    ASSERT_EQ(c.Login("county").status, 200);
    const auto county = UnitId(c, "姜堰区");
    auto detail = Create(c, county, Children(c, county, 2));
    ASSERT_FALSE(detail.empty());
    const auto id = std::to_string(detail.at("id").as_int64());
    EXPECT_FALSE(detail.at("locked").as_bool());
    auto replaced = c.Send("PUT", "/api/v1/campaigns/" + id + "/framework", R"({"template":"sihao-secretary"})");
    ASSERT_EQ(replaced.status, 200) << replaced.body;
    EXPECT_EQ(Json(replaced).at("framework_version").as_int64(), 2);
    auto back = c.Send("PUT", "/api/v1/campaigns/" + id + "/framework",
                       json::serialize(json::object{{"framework", json::parse(kFramework)}}));
    ASSERT_EQ(back.status, 200) << back.body;
    const auto replaced_back = Json(back);
    for (const auto& criterion : replaced_back.at("criteria").as_array()) {
        if (criterion.at("id") != json::value("review")) continue;
        EXPECT_EQ(criterion.at("trim").as_double(), 0);  // the method's parameters come with the detail
        EXPECT_EQ(criterion.at("max").as_double(), 100);
        EXPECT_FALSE(criterion.as_object().contains("floor"));
    }
    const auto subject = Json(back).at("subjects").as_array()[0].at("id").as_int64();
    ASSERT_EQ(c.Send("POST", "/api/v1/campaigns/" + id + "/facts",
                     Facts(json::array{Fact(subject, "review", "judge", 70)}))
                  .status,
              200);
    auto locked = c.Send("PUT", "/api/v1/campaigns/" + id + "/framework", R"({"template":"sihao-secretary"})");
    EXPECT_EQ(locked.status, 409) << locked.body;
    EXPECT_NE(locked.body.find("锁定"), std::string::npos) << locked.body;
    EXPECT_TRUE(Json(c.Get("/api/v1/campaigns/" + id)).at("locked").as_bool());
}

TEST_P(CampaignSettingsTest, OwnersAloneEnterTheirCriteriaInsideTheWindow) {
    Client county(port());
    ASSERT_EQ(county.Login("county").status, 200);
    auto f = Scored(county);
    ASSERT_FALSE(f.id.empty());
    const std::string owners = "/api/v1/campaigns/" + f.id + "/owners";
    auto unknown = county.Send("PUT", owners, R"({"owners":[{"criterion":"sales","owner":"nobody"}]})");
    EXPECT_EQ(unknown.status, 422) << unknown.body;
    EXPECT_NE(unknown.body.find("owners[0].owner"), std::string::npos) << unknown.body;
    auto set = county.Send("PUT", owners, R"({"owners":[{"criterion":"sales","owner":"admin"}]})");
    ASSERT_EQ(set.status, 200) << set.body;

    const std::string facts = "/api/v1/campaigns/" + f.id + "/facts";
    auto refused = county.Send("POST", facts, Facts(json::array{Fact(f.c, "sales", "actual", 80)}));
    EXPECT_EQ(refused.status, 403) << refused.body;
    EXPECT_NE(refused.body.find("admin"), std::string::npos) << refused.body;
    EXPECT_EQ(county.Send("POST", facts, Facts(json::array{Fact(f.c, "review", "judge", 55)})).status, 200);

    Client admin(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    EXPECT_EQ(admin.Send("POST", facts, Facts(json::array{Fact(f.c, "sales", "actual", 80)})).status, 200);

    // A window that closed long ago: even the owner is refused.
    ASSERT_EQ(county
                  .Send("PUT", owners,
                        R"({"owners":[{"criterion":"sales","owner":"admin","opens_on":"2020-01-01","closes_on":"2020-01-31"}]})")
                  .status,
              200);
    auto late = admin.Send("POST", facts, Facts(json::array{Fact(f.c, "sales", "actual", 90)}));
    EXPECT_EQ(late.status, 403) << late.body;
    EXPECT_NE(late.body.find("2020-01-31"), std::string::npos) << late.body;
}

TEST_P(CampaignSettingsTest, PeopleCanBeTheSubjects) {
    Client c(port());
    ASSERT_EQ(c.Login("county").status, 200);
    const auto county = UnitId(c, "姜堰区");
    auto people = c.Get("/api/v1/people?unit=" + std::to_string(county) + "&limit=2");
    ASSERT_EQ(people.status, 200) << people.body;
    const auto items = Json(people).at("items").as_array();
    ASSERT_GE(items.size(), 2u);
    json::object body{{"name", "2021年度四好书记评选"},
                      {"scope_unit_id", county},
                      {"template", "sihao-secretary"},
                      {"cycle_kind", "year"},
                      {"cycle_label", "2021"},
                      {"subjects", json::array{json::object{{"person_id", items[0].at("id")}},
                                               json::object{{"person_id", items[1].at("id")}}}}};
    auto r = c.Send("POST", "/api/v1/campaigns", json::serialize(body));
    ASSERT_EQ(r.status, 201) << r.body;
    const auto created = Json(r);
    const auto& subjects = created.at("subjects").as_array();
    ASSERT_EQ(subjects.size(), 2u);
    EXPECT_EQ(subjects[0].at("person_id").as_int64(), items[0].at("id").as_int64());
    EXPECT_EQ(subjects[0].at("unit_id").as_int64(), items[0].at("unit_id").as_int64());
    EXPECT_EQ(subjects[0].at("name").as_string(), items[0].at("name").as_string());

    // A person outside the campaign's unit is refused.
    Client other(port());
    ASSERT_EQ(other.Login("admin").status, 200);
    const auto zhejiang = UnitId(other, "柯桥区");
    auto outside = other.Get("/api/v1/people?unit=" + std::to_string(zhejiang) + "&limit=1");
    ASSERT_EQ(outside.status, 200);
    const auto far = Json(outside).at("items").as_array();
    if (!far.empty()) {
        body["subjects"] = json::array{json::object{{"person_id", far[0].at("id")}}};
        auto refused = c.Send("POST", "/api/v1/campaigns", json::serialize(body));
        EXPECT_EQ(refused.status, 422) << refused.body;
    }
    body["subjects"] = json::array{json::object{{"person_id", 99999999}}};
    EXPECT_EQ(c.Send("POST", "/api/v1/campaigns", json::serialize(body)).status, 422);
}

TEST_P(CampaignSettingsTest, DemoShipsATrackedDraftCampaignFedByMetrics) {
    auto& rt = server_->runtime();
    demo::LoadDemoIndicators(*rt.indicators, *rt.campaigns, *rt.roster);
    const auto id = rt.campaigns->FindByName(demo::DemoTrackCampaignName(*rt.roster));
    ASSERT_NE(id, 0);
    demo::LoadDemoIndicators(*rt.indicators, *rt.campaigns, *rt.roster);  // idempotent
    Client c(port());
    ASSERT_EQ(c.Login("county").status, 200);
    auto r = c.Get("/api/v1/campaigns/" + std::to_string(id) + "/ranking");
    ASSERT_EQ(r.status, 200) << r.body;
    const auto board = Json(r);
    const auto& rows = board.at("rows").as_array();
    ASSERT_EQ(rows.size(), 13u);
    int followed = 0, agricultural = 0;
    for (const auto& row : rows) {
        EXPECT_FALSE(row.at("incomplete").as_bool()) << row.at("name").as_string();
        EXPECT_FALSE(row.at("band").is_null());
        followed += row.at("follow_up").as_bool() ? 1 : 0;
        if (row.at("track") == json::value("农业特色镇")) {
            ++agricultural;
            EXPECT_DOUBLE_EQ(row.at("coefficient").as_double(), 1.1);
        }
    }
    EXPECT_EQ(agricultural, 4);
    EXPECT_GE(followed, 2);
    EXPECT_EQ(board.at("negative").at("subjects").as_array().size(), 1u);
    auto progress = c.Get("/api/v1/metrics/progress?metric=%E5%BC%80%E7%A5%A8%E9%94%80%E5%94%AE&year=2026&month=10");
    ASSERT_EQ(progress.status, 200) << progress.body;
    EXPECT_EQ(Json(progress).at("rows").as_array().size(), 13u);

    // The award list carries tracks and bands, and the negative list on a sheet of its own.
    auto xlsx = c.Get("/api/v1/campaigns/" + std::to_string(id) + "/awards.xlsx");
    ASSERT_EQ(xlsx.status, 200) << xlsx.body;
    const auto workbook = exchange::xlsx::Workbook::Open(xlsx.body);
    const int sheet = workbook.FindSheet("躺平奖");
    ASSERT_GE(sheet, 0);
    const auto listed = workbook.ReadRows(static_cast<std::size_t>(sheet));
    ASSERT_EQ(listed.size(), 2u);
    EXPECT_EQ(listed[1].Find(1)->text, board.at("negative").at("subjects").at(0).at("name").as_string());
    const auto ranked = workbook.ReadRows(static_cast<std::size_t>(workbook.FindSheet("排名")));
    EXPECT_EQ(ranked[0].Find(9)->text, "分档");
    EXPECT_NE(ranked[1].Find(9), nullptr);
}

INSTANTIATE_TEST_SUITE_P(Backends, CampaignSettingsTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lingyan::testing
