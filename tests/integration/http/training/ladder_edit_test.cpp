// The 四岗十五级 ladder and the bonus pool split over HTTP, editing and deleting programs,
// placements and agreements, and paging of pool candidates — against each storage backend.
// Every route is checked for scope (404 on reads, 403 on writes), bad input (the field named)
// and for writing nothing when refused.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <set>

#include "integration/test_server.hpp"
#include "core/training/ladder.hpp"
#include "exchange/xlsx/reader.hpp"

namespace lingyan::testing {
namespace {

namespace json = boost::json;
using core::roster::Id;

class LadderEditTest : public BackendTest {
protected:
    static std::string Field(const HttpResult& r) {
        auto v = json::parse(r.body);
        const auto* f = v.at("error").as_object().if_contains("field");
        return f && f->is_string() ? std::string(f->as_string()) : std::string();
    }

    Id ParentOf(Id unit) {
        Id parent = 0;
        server_->runtime().roster->WithIndex([&](const core::roster::RosterIndex& index) {
            if (const auto* u = index.tree().Find(unit)) parent = u->parent_id.value_or(0);
        });
        return parent;
    }
    static std::string Ladder(Id person) { return "/api/v1/people/" + std::to_string(person) + "/ladder"; }

    HttpResult SetLevel(Client& c, Id person, int level, const std::string& date) {
        return c.Send(
            "POST", Ladder(person),
            json::serialize(json::object{{"action", "set"}, {"post", "书记"}, {"level", level}, {"date", date}}));
    }

    // A program of `scope` from 2021-07-01 to 2021-09-30 with hosts 北联村 and 灵湖村 (capacity
    // `capacity`) and one batch (2021-07-05 … 2021-08-04) of `trainees`.
    json::object CreateProgram(Client& c, Id scope, const std::vector<Id>& trainees, int capacity,
                               const std::string& name) {
        json::array ids;
        for (Id t : trainees) ids.push_back(t);
        json::object body{{"name", name},
                          {"scope_unit_id", scope},
                          {"start_date", "2021-07-01"},
                          {"end_date", "2021-09-30"},
                          {"hosts", json::array{json::object{{"unit_id", Unit("北联村")}, {"capacity", capacity}},
                                                json::object{{"unit_id", Unit("灵湖村")}, {"capacity", capacity}}}},
                          {"batches", json::array{json::object{{"name", "第一批"},
                                                               {"start_date", "2021-07-05"},
                                                               {"end_date", "2021-08-04"},
                                                               {"trainees", std::move(ids)}}}}};
        auto r = c.Send("POST", "/api/v1/programs", json::serialize(body));
        EXPECT_EQ(r.status, 201) << r.body;
        return r.status == 201 ? Json(r).as_object() : json::object{};
    }
};

TEST_P(LadderEditTest, LadderHistoryIsScopedAuditedAndFollowsTheRules) {
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    const Id a = Secretary("品建村");

    auto config = Json(c.Get("/api/v1/ladder/config")).as_object();
    EXPECT_EQ(config.at("posts").as_array().size(), 4u);
    EXPECT_EQ(config.at("levels").as_array().size(), 15u);

    auto before = AuditCount();
    auto set = SetLevel(c, a, 3, "2019-01-01");
    ASSERT_EQ(set.status, 201) << set.body;
    EXPECT_EQ(Json(set).at("current").at("level").as_int64(), 3);
    EXPECT_EQ(Json(set).at("current").at("reason").as_string(), "初定");
    EXPECT_EQ(Json(set).at("pay_min_yuan").as_int64(), 70000);  // 60,000 + 2 × 5,000
    EXPECT_EQ(AuditCount(), before + 1);

    auto check = c.Get(Ladder(a) + "?as_of=2021-06-01&grade=" + "%E7%A7%B0%E8%81%8C");  // 称职
    ASSERT_EQ(check.status, 200) << check.body;
    EXPECT_TRUE(Json(check).at("promotion").at("eligible").as_bool()) << check.body;
    EXPECT_EQ(Json(check).at("promotion").at("years_at_level").as_int64(), 2);

    auto promote = c.Send("POST", Ladder(a), R"({"action":"promote","grade":"称职","date":"2021-06-01"})");
    ASSERT_EQ(promote.status, 201) << promote.body;
    EXPECT_EQ(Json(promote).at("current").at("level").as_int64(), 4);
    EXPECT_EQ(Json(promote).at("history").as_array().size(), 2u);

    before = AuditCount();
    auto again = c.Send("POST", Ladder(a), R"({"action":"promote","grade":"优秀","date":"2021-12-01"})");
    EXPECT_EQ(again.status, 409) << again.body;  // under one year at level 4
    auto no_reason = c.Send("POST", Ladder(a), R"({"action":"demote","date":"2021-12-01"})");
    EXPECT_EQ(no_reason.status, 422);
    EXPECT_EQ(Field(no_reason), "reason");
    auto bad_level = c.Send("POST", Ladder(a), R"({"action":"set","post":"书记","level":99,"reason":"x"})");
    EXPECT_EQ(bad_level.status, 422);
    EXPECT_EQ(Field(bad_level), "level");
    auto bad_post = c.Send("POST", Ladder(a), R"({"action":"set","post":"村长","level":2,"reason":"x"})");
    EXPECT_EQ(Field(bad_post), "post");
    auto bad_action = c.Send("POST", Ladder(a), R"({"action":"jump"})");
    EXPECT_EQ(Field(bad_action), "action");
    auto bad_date = c.Send("POST", Ladder(a), R"({"action":"demote","reason":"躺平","date":"2021-13-01"})");
    EXPECT_EQ(Field(bad_date), "date");
    auto unknown = c.Send("POST", Ladder(a), R"({"action":"set","salary":1})");
    EXPECT_GE(unknown.status, 400);
    EXPECT_LT(unknown.status, 500);
    EXPECT_EQ(AuditCount(), before);

    auto demote = c.Send("POST", Ladder(a), R"({"action":"demote","reason":"躺平奖","date":"2021-12-01"})");
    ASSERT_EQ(demote.status, 201) << demote.body;
    EXPECT_EQ(Json(demote).at("current").at("level").as_int64(), 3);
    EXPECT_NE(std::string(Json(demote).at("current").at("reason").as_string()).find("躺平奖"), std::string::npos);
    EXPECT_EQ(Json(demote).at("current").at("recorded_by").as_string(), "admin");

    // Scope: 临湖镇 (Suzhou) cannot see or change a Nantong secretary; a secretary cannot grade.
    Client town(port());
    ASSERT_EQ(town.Login("town").status, 200);
    EXPECT_EQ(town.Get(Ladder(a)).status, 404);
    EXPECT_EQ(SetLevel(town, a, 5, "2022-01-01").status, 403);
    EXPECT_EQ(town.Get("/api/v1/ladder?unit=" + std::to_string(Unit("南通市"))).status, 404);
    Client secretary(port());
    ASSERT_EQ(secretary.Login("secretary").status, 200);
    EXPECT_EQ(SetLevel(secretary, Secretary("北联村"), 5, "2022-01-01").status, 403);
    EXPECT_EQ(Json(c.Get(Ladder(a))).at("history").as_array().size(), 3u);

    auto list = c.Get("/api/v1/ladder?unit=" + std::to_string(Unit("南通市")) + "&as_of=2022-01-01");
    ASSERT_EQ(list.status, 200) << list.body;
    EXPECT_EQ(Json(list).at("graded").as_int64(), 1);
    EXPECT_EQ(Json(list).at("items").as_array().at(0).at("person_id").as_int64(), a);  // graded first
    EXPECT_GT(Json(list).at("people").as_int64(), 1);
    auto graded = c.Get("/api/v1/ladder?graded=1&unit=" + std::to_string(Unit("南通市")) + "&as_of=2022-01-01");
    ASSERT_EQ(Json(graded).at("items").as_array().size(), 1u);
    auto page = Json(c.Get("/api/v1/ladder?limit=2&offset=1&unit=" + std::to_string(Unit("南通市")))).as_object();
    EXPECT_EQ(page.at("items").as_array().size(), 2u);
    EXPECT_EQ(page.at("total").as_int64(), page.at("people").as_int64());
    EXPECT_NE(page.at("items").as_array().at(0).at("person_id").as_int64(), a);  // a is first, skipped
    auto bad_limit = c.Get("/api/v1/ladder?limit=0&unit=" + std::to_string(Unit("南通市")));
    EXPECT_EQ(Field(bad_limit), "limit");
    auto bad_flag = c.Get("/api/v1/ladder?graded=yes&unit=" + std::to_string(Unit("南通市")));
    EXPECT_EQ(bad_flag.status, 422);
    EXPECT_EQ(Field(bad_flag), "graded");
}

TEST_P(LadderEditTest, ACountyMayRunThreePostsByEighteenLevels) {
    ASSERT_TRUE(server_->runtime().ladder->SetLadder(*core::training::LadderByName("3x18")).ok());
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    auto config = Json(c.Get("/api/v1/ladder/config")).as_object();
    EXPECT_EQ(config.at("levels").as_array().size(), 18u);
    EXPECT_EQ(config.at("years_per_step").as_int64(), 3);
    const Id a = Secretary("品建村");
    auto top = c.Send("POST", Ladder(a), R"({"action":"set","post":"副职","level":18,"date":"2020-01-01"})");
    ASSERT_EQ(top.status, 201) << top.body;
    auto old_post = c.Send("POST", Ladder(a), R"({"action":"set","post":"两委委员","level":3,"reason":"改岗"})");
    EXPECT_EQ(old_post.status, 422);
    EXPECT_EQ(Field(old_post), "post");
    auto beyond = c.Send("POST", Ladder(a), R"({"action":"promote","grade":"优秀","date":"2025-01-01"})");
    EXPECT_EQ(beyond.status, 409) << beyond.body;  // already at the top level
}

TEST_P(LadderEditTest, EvaluationPromotesAndDemotesOnlyWhenApplied) {
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    const Id up = Secretary("品建村"), down = Secretary("同盟村"), idle = Secretary("官公河村");
    ASSERT_EQ(SetLevel(c, up, 2, "2019-01-01").status, 201);
    ASSERT_EQ(SetLevel(c, down, 5, "2019-01-01").status, 201);
    ASSERT_EQ(SetLevel(c, idle, 7, "2021-01-01").status, 201);
    const Id nantong = Unit("南通市");
    auto body = [&](bool apply) {
        return json::serialize(
            json::object{{"unit_id", nantong},
                         {"as_of", "2022-01-10"},
                         {"apply", apply},
                         {"grades", json::array{json::object{{"person_id", up}, {"grade", "称职"}},
                                                json::object{{"person_id", down}, {"grade", "不称职"}},
                                                json::object{{"person_id", idle}, {"grade", "优秀"}}}}});
    };
    const auto before = AuditCount();
    auto preview = c.Send("POST", "/api/v1/ladder/evaluate", body(false));
    ASSERT_EQ(preview.status, 200) << preview.body;
    auto pj = Json(preview).as_object();
    EXPECT_EQ(pj.at("promoted").as_int64(), 2);  // idle: 优秀 shortens the wait to 1 year
    EXPECT_EQ(pj.at("demoted").as_int64(), 1);
    EXPECT_FALSE(pj.at("applied").as_bool());
    EXPECT_EQ(AuditCount(), before);
    EXPECT_EQ(Json(c.Get(Ladder(down))).at("current").at("level").as_int64(), 5);

    auto applied = c.Send("POST", "/api/v1/ladder/evaluate", body(true));
    ASSERT_EQ(applied.status, 200) << applied.body;
    EXPECT_TRUE(Json(applied).at("applied").as_bool());
    EXPECT_EQ(AuditCount(), before + 1);
    EXPECT_EQ(Json(c.Get(Ladder(up))).at("current").at("level").as_int64(), 3);
    EXPECT_EQ(Json(c.Get(Ladder(down))).at("current").at("level").as_int64(), 4);
    EXPECT_EQ(Json(c.Get(Ladder(idle))).at("current").at("level").as_int64(), 8);

    auto outsider =
        c.Send("POST", "/api/v1/ladder/evaluate",
               json::serialize(json::object{
                   {"unit_id", nantong},
                   {"grades", json::array{json::object{{"person_id", Secretary("北联村")}, {"grade", "称职"}}}}}));
    EXPECT_EQ(outsider.status, 422);
    EXPECT_EQ(Field(outsider), "grades[0].person_id");
    auto bad_grade =
        c.Send("POST", "/api/v1/ladder/evaluate",
               json::serialize(json::object{
                   {"unit_id", nantong}, {"grades", json::array{json::object{{"person_id", up}, {"grade", "好"}}}}}));
    EXPECT_EQ(Field(bad_grade), "grades[0].grade");

    Client town(port());
    ASSERT_EQ(town.Login("town").status, 200);
    EXPECT_EQ(town.Send("POST", "/api/v1/ladder/evaluate", body(true)).status, 403);
    EXPECT_EQ(town.Send("POST", "/api/v1/ladder/evaluate", body(false)).status, 404);
    EXPECT_EQ(AuditCount(), before + 1);
}

TEST_P(LadderEditTest, TheReviewTakesItsGradesFromAPublishedCampaignOfPeople) {
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    const Id up = Secretary("品建村"), down = Secretary("同盟村"), idle = Secretary("官公河村");
    ASSERT_EQ(SetLevel(c, up, 2, "2019-01-01").status, 201);
    ASSERT_EQ(SetLevel(c, down, 5, "2019-01-01").status, 201);
    ASSERT_EQ(SetLevel(c, idle, 7, "2021-01-01").status, 201);
    const Id nantong = Unit("南通市");
    // 四好书记 of the three: idle wins the award (优秀), down is last and on the 躺平奖 (不称职).
    json::object campaign{
        {"name", "2021年度四好书记评选（南通）"},
        {"scope_unit_id", nantong},
        {"cycle_kind", "year"},
        {"cycle_label", "2021"},
        {"framework", json::parse(R"({"name":"四好书记","awards":[{"name":"四好书记","quota":1}],
            "criteria":[{"id":"score","name":"综合评价","weight":1,"method":"manual","max":100}]})")},
        {"subjects", json::array{json::object{{"person_id", up}}, json::object{{"person_id", down}},
                                 json::object{{"person_id", idle}}}}};
    auto created = c.Send("POST", "/api/v1/campaigns", json::serialize(campaign));
    ASSERT_EQ(created.status, 201) << created.body;
    const auto detail = Json(created);
    const std::string id = std::to_string(detail.at("id").as_int64());
    json::array facts;
    for (const auto& subject : detail.at("subjects").as_array()) {
        const Id person = subject.at("person_id").as_int64();
        facts.push_back(json::object{{"subject_id", subject.at("id")},
                                     {"criterion", "score"},
                                     {"key", "value"},
                                     {"value", person == idle ? 95 : person == up ? 80 : 50}});
    }
    ASSERT_EQ(c.Send("POST", "/api/v1/campaigns/" + id + "/facts", json::serialize(json::object{{"facts", facts}})).status,
              200);
    ASSERT_EQ(c.Send("PUT", "/api/v1/campaigns/" + id + "/settings",
                     R"({"negative":{"name":"躺平奖","criterion":"","count":1}})")
                  .status,
              200);
    auto review = [&] {
        return c.Send("POST", "/api/v1/ladder/evaluate",
                      json::serialize(json::object{{"unit_id", nantong},
                                                   {"as_of", "2022-01-10"},
                                                   {"campaign_id", detail.at("id")}}));
    };
    EXPECT_EQ(review().status, 409);  // a draft is no basis for grades
    ASSERT_EQ(c.Send("POST", "/api/v1/campaigns/" + id + "/publish", "").status, 200);
    auto preview = review();
    ASSERT_EQ(preview.status, 200) << preview.body;
    const auto result = Json(preview);
    std::map<Id, std::string> grades;
    for (const auto& row : result.at("rows").as_array())
        grades[row.at("person_id").as_int64()] = std::string(row.at("grade").as_string());
    EXPECT_EQ(grades[idle], "优秀");
    EXPECT_EQ(grades[up], "称职");
    EXPECT_EQ(grades[down], "不称职");
    EXPECT_EQ(result.at("promoted").as_int64(), 2);
    EXPECT_EQ(result.at("demoted").as_int64(), 1);

    // The bonus split weighs by the same grades: the 躺平奖 gets nothing.
    auto split = c.Send("POST", "/api/v1/bonus-splits",
                        json::serialize(json::object{{"unit_id", nantong},
                                                     {"period", "2021"},
                                                     {"pool_fen", 300000},
                                                     {"as_of", "2022-01-10"},
                                                     {"campaign_id", detail.at("id")},
                                                     {"dry_run", true}}));
    ASSERT_EQ(split.status, 200) << split.body;
    const auto lines = Json(split).at("lines").as_array();
    bool seen_down = false;
    for (const auto& line : lines) {
        if (line.at("person_id").as_int64() != down) continue;
        seen_down = true;
        EXPECT_EQ(line.at("grade").as_string(), "不称职");
        EXPECT_EQ(line.at("coefficient").as_double(), 0);
    }
    EXPECT_TRUE(seen_down);
}

TEST_P(LadderEditTest, AReviewOfAnEarlierDateLeavesLaterChangesAlone) {
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    const Id a = Secretary("品建村");
    ASSERT_EQ(SetLevel(c, a, 5, "2019-01-01").status, 201);
    ASSERT_EQ(
        c.Send("POST", Ladder(a), R"({"action":"set","post":"书记","level":7,"date":"2023-01-01","reason":"调整"})")
            .status,
        201);
    auto run = c.Send(
        "POST", "/api/v1/ladder/evaluate",
        json::serialize(json::object{{"unit_id", Unit("南通市")},
                                     {"as_of", "2022-01-10"},
                                     {"apply", true},
                                     {"grades", json::array{json::object{{"person_id", a}, {"grade", "不称职"}}}}}));
    ASSERT_EQ(run.status, 200) << run.body;
    const auto result = Json(run);
    const auto& row = result.at("rows").as_array().at(0);
    EXPECT_EQ(row.at("action").as_string(), "stay");
    EXPECT_EQ(row.at("level").as_int64(), 5);  // the level in force on the review date
    EXPECT_EQ(Json(c.Get(Ladder(a))).at("history").as_array().size(), 2u);
    auto control =
        c.Send("POST", "/api/v1/bonus-splits",
               json::serialize(json::object{{"unit_id", Unit("南通市")}, {"period", "20\n24"}, {"pool_fen", 100}}));
    EXPECT_EQ(control.status, 422);
    EXPECT_EQ(Field(control), "period");
}

TEST_P(LadderEditTest, BonusPoolSplitIsExactAuditedExportableAndScoped) {
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    const Id a = Secretary("品建村"), b = Secretary("同盟村");
    ASSERT_EQ(SetLevel(c, a, 6, "2020-01-01").status, 201);  // weight 1.5
    ASSERT_EQ(SetLevel(c, b, 1, "2020-01-01").status, 201);  // weight 1.0
    const Id nantong = Unit("南通市");
    auto split_body = [&](bool dry_run) {
        return json::serialize(
            json::object{{"unit_id", nantong},
                         {"period", "2022"},
                         {"pool_fen", 10000001},
                         {"as_of", "2022-12-31"},
                         {"dry_run", dry_run},
                         {"grades", json::array{json::object{{"person_id", a}, {"grade", "优秀"}}}}});
    };
    const auto before = AuditCount();
    auto dry = c.Send("POST", "/api/v1/bonus-splits", split_body(true));
    ASSERT_EQ(dry.status, 200) << dry.body;
    EXPECT_EQ(Json(c.Get("/api/v1/bonus-splits")).at("items").as_array().size(), 0u);
    EXPECT_EQ(AuditCount(), before);

    auto created = c.Send("POST", "/api/v1/bonus-splits", split_body(false));
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(AuditCount(), before + 1);
    auto sj = Json(created).as_object();
    const auto& lines = sj.at("lines").as_array();
    ASSERT_EQ(lines.size(), 2u);
    std::int64_t total = 0;
    for (const auto& l : lines) total += l.at("amount_fen").as_int64();
    EXPECT_EQ(total, 10000001);  // every fen handed out
    // a: 1.5 × 1.2 = 1.8, b: 1.0 × 1.0 = 1.0 → a gets 1.8 / 2.8 of the pool.
    EXPECT_EQ(lines[0].at("person_id").as_int64(), a);
    EXPECT_NEAR(lines[0].at("weight").as_double(), 1.8, 1e-9);
    EXPECT_NEAR(static_cast<double>(lines[0].at("amount_fen").as_int64()), 10000001.0 * 1.8 / 2.8, 1.0);
    EXPECT_EQ(lines[1].at("grade").as_string(), "称职");  // default when no grade given
    EXPECT_NE(std::string(lines[0].at("arithmetic").as_string()).find("× 系数 1.20"), std::string::npos);
    const std::string url = "/api/v1/bonus-splits/" + std::to_string(sj.at("id").as_int64());

    auto duplicate = c.Send("POST", "/api/v1/bonus-splits", split_body(false));
    EXPECT_EQ(duplicate.status, 409);
    EXPECT_EQ(Field(duplicate), "period");
    auto no_pool = c.Send("POST", "/api/v1/bonus-splits",
                          json::serialize(json::object{{"unit_id", nantong}, {"period", "2023"}, {"pool_fen", 0}}));
    EXPECT_EQ(no_pool.status, 422);
    EXPECT_EQ(Field(no_pool), "pool_fen");
    auto text_pool = c.Send("POST", "/api/v1/bonus-splits", R"({"unit_id":1,"period":"2023","pool_fen":"much"})");
    EXPECT_EQ(text_pool.status, 422);
    EXPECT_EQ(Field(text_pool), "pool_fen");

    auto xlsx = c.Get(url + "/export.xlsx");
    ASSERT_EQ(xlsx.status, 200);
    EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
    EXPECT_NE(xlsx.headers["content-disposition"].find("attachment"), std::string::npos);
    // The workbook holds one line per person with the amount in yuan and the arithmetic.
    auto book = exchange::xlsx::Workbook::Open(xlsx.body);
    ASSERT_EQ(book.FindSheet("奖金分配"), 0);
    const auto rows = book.ReadRows(0);
    ASSERT_GE(rows.size(), 3u);  // header, two lines, the summary
    EXPECT_EQ(rows[0].Find(8)->text, "金额（元）");
    EXPECT_EQ(rows[1].Find(1)->text, lines[0].at("name").as_string());
    EXPECT_NEAR(rows[1].Find(8)->number, static_cast<double>(lines[0].at("amount_fen").as_int64()) / 100.0, 1e-6);
    EXPECT_EQ(rows[2].Find(9)->text, lines[1].at("arithmetic").as_string());

    Client town(port());
    ASSERT_EQ(town.Login("town").status, 200);
    EXPECT_EQ(town.Get(url).status, 404);
    EXPECT_EQ(town.Get(url + "/export.xlsx").status, 404);
    EXPECT_EQ(town.Send("DELETE", url, "").status, 404);
    EXPECT_EQ(town.Send("POST", "/api/v1/bonus-splits", split_body(false)).status, 403);
    EXPECT_EQ(Json(town.Get("/api/v1/bonus-splits")).at("items").as_array().size(), 0u);

    auto deleted = c.Send("DELETE", url, "");
    EXPECT_EQ(deleted.status, 200) << deleted.body;
    EXPECT_EQ(c.Get(url).status, 404);
    EXPECT_EQ(AuditCount(), before + 2);
}

TEST_P(LadderEditTest, ProgramsAreEditedWithinTheirContentsAndDeletedOnlyWhenEmpty) {
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    const Id nantong = Unit("南通市");
    auto program = CreateProgram(c, nantong, {Secretary("品建村")}, 2, "编辑测试");
    const std::string url = "/api/v1/programs/" + std::to_string(program.at("id").as_int64());

    auto renamed = c.Send("PATCH", url, R"({"name":"编辑测试（改）","end_date":"2021-10-31"})");
    ASSERT_EQ(renamed.status, 200) << renamed.body;
    EXPECT_EQ(Json(renamed).at("name").as_string(), "编辑测试（改）");
    EXPECT_EQ(Json(renamed).at("end_date").as_string(), "2021-10-31");
    auto squeeze = c.Send("PATCH", url, R"({"end_date":"2021-07-31"})");  // batch ends 08-04
    EXPECT_EQ(squeeze.status, 409);
    EXPECT_EQ(Field(squeeze), "end_date");
    auto bad_kind = c.Send("PATCH", url, R"({"kind":"party"})");
    EXPECT_EQ(bad_kind.status, 422);
    EXPECT_EQ(Field(bad_kind), "kind");
    auto bad_date = c.Send("PATCH", url, R"({"start_date":"July"})");
    EXPECT_EQ(Field(bad_date), "start_date");
    auto wrong_type = c.Send("PATCH", url, R"({"name":5})");
    EXPECT_EQ(Field(wrong_type), "name");

    // 临湖镇 cannot see a Nantong program; under its county's (吴中区) program it can read but not manage.
    Client town(port());
    ASSERT_EQ(town.Login("town").status, 200);
    EXPECT_EQ(town.Send("PATCH", url, R"({"name":"越权"})").status, 404);
    EXPECT_EQ(town.Send("DELETE", url, "").status, 404);
    auto suzhou = CreateProgram(c, ParentOf(Unit("临湖镇")), {}, 2, "上级项目");
    const std::string surl = "/api/v1/programs/" + std::to_string(suzhou.at("id").as_int64());
    EXPECT_EQ(town.Get(surl).status, 200);
    EXPECT_EQ(town.Send("PATCH", surl, R"({"name":"越权"})").status, 403);
    EXPECT_EQ(town.Send("DELETE", surl, "").status, 403);

    auto placed = c.Send(
        "POST", url + "/placements",
        json::serialize(json::object{{"placements", json::array{json::object{{"person_id", Secretary("品建村")},
                                                                             {"host_unit_id", Unit("北联村")}}}}}));
    ASSERT_EQ(placed.status, 201) << placed.body;
    auto busy = c.Send("DELETE", url, "");
    EXPECT_EQ(busy.status, 409);
    EXPECT_EQ(c.Get(url).status, 200);

    const auto before = AuditCount();
    auto gone = c.Send("DELETE", surl, "");
    EXPECT_EQ(gone.status, 200) << gone.body;
    EXPECT_EQ(c.Get(surl).status, 404);
    EXPECT_EQ(AuditCount(), before + 1);
}

TEST_P(LadderEditTest, PlacementsWithASummaryAreEndedNotDeleted) {
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    const Id a = Secretary("品建村"), b = Secretary("同盟村"), d = Secretary("官公河村");
    auto program = CreateProgram(c, Unit("南通市"), {a, b, d}, 1, "跟岗编辑");
    const std::string base = "/api/v1/programs/" + std::to_string(program.at("id").as_int64());
    auto placed =
        c.Send("POST", base + "/placements",
               json::serialize(json::object{
                   {"placements", json::array{json::object{{"person_id", a}, {"host_unit_id", Unit("北联村")}},
                                              json::object{{"person_id", b}, {"host_unit_id", Unit("灵湖村")}}}}}));
    ASSERT_EQ(placed.status, 201) << placed.body;
    const auto items = Json(placed).at("items").as_array();
    const std::string pa = base + "/placements/" + std::to_string(items[0].at("id").as_int64());
    const std::string pb = base + "/placements/" + std::to_string(items[1].at("id").as_int64());

    auto full = c.Send("PATCH", pb, json::serialize(json::object{{"host_unit_id", Unit("北联村")}}));
    EXPECT_EQ(full.status, 409) << full.body;  // capacity 1, taken by a
    auto outside = c.Send("PATCH", pb, R"({"end_date":"2021-12-31"})");
    EXPECT_EQ(outside.status, 422) << outside.body;
    auto bad_focus = c.Send("PATCH", pb, R"({"focus":"产业"})");
    EXPECT_EQ(Field(bad_focus), "focus");
    auto moved = c.Send("PATCH", pb, R"({"start_date":"2021-07-10","focus":["基层治理"]})");
    ASSERT_EQ(moved.status, 200) << moved.body;
    EXPECT_EQ(Json(moved).at("start_date").as_string(), "2021-07-10");
    EXPECT_EQ(Json(moved).at("focus").as_string(), "基层治理");

    ASSERT_EQ(c.Send("POST", pa + "/summary", R"({"text":"学到了产业发展的思路","date":"2021-08-01"})").status, 200);
    auto before = AuditCount();
    auto refused = c.Send("DELETE", pa, "");
    EXPECT_EQ(refused.status, 409);
    EXPECT_EQ(Field(refused), "placement");
    auto rehost = c.Send("PATCH", pa, json::serialize(json::object{{"host_unit_id", Unit("灵湖村")}}));
    EXPECT_EQ(rehost.status, 409);
    EXPECT_EQ(Field(rehost), "host_unit_id");
    EXPECT_EQ(AuditCount(), before);
    auto ended = c.Send("PATCH", pa, R"({"end_date":"2021-07-25"})");
    ASSERT_EQ(ended.status, 200) << ended.body;
    EXPECT_EQ(Json(ended).at("end_date").as_string(), "2021-07-25");

    Client town(port());
    ASSERT_EQ(town.Login("town").status, 200);
    EXPECT_EQ(town.Send("DELETE", pb, "").status, 404);

    before = AuditCount();
    auto deleted = c.Send("DELETE", pb, "");
    EXPECT_EQ(deleted.status, 200) << deleted.body;
    EXPECT_EQ(AuditCount(), before + 1);
    auto detail = Json(c.Get(base)).as_object();
    EXPECT_EQ(detail.at("placements").as_array().size(), 1u);
    EXPECT_EQ(c.Send("DELETE", pb, "").status, 404);
}

TEST_P(LadderEditTest, AgreementsMoveForwardAndOnlyDraftsAreDeleted) {
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    auto program = CreateProgram(c, Unit("南通市"), {}, 2, "协议编辑");
    const std::string base = "/api/v1/programs/" + std::to_string(program.at("id").as_int64());
    auto created =
        c.Send("POST", base + "/agreements",
               json::serialize(json::object{{"agreements", json::array{json::object{{"unit_a", Unit("品建村")},
                                                                                    {"unit_b", Unit("北联村")},
                                                                                    {"title", "结对共建"},
                                                                                    {"signed_on", "2021-08-01"},
                                                                                    {"status", "signed"}},
                                                                       json::object{{"unit_a", Unit("同盟村")},
                                                                                    {"unit_b", Unit("灵湖村")},
                                                                                    {"title", "草案"},
                                                                                    {"status", "draft"}}}}}));
    ASSERT_EQ(created.status, 201) << created.body;
    const auto items = Json(created).at("items").as_array();
    const std::string signed_url = base + "/agreements/" + std::to_string(items[0].at("id").as_int64());
    const std::string draft_url = base + "/agreements/" + std::to_string(items[1].at("id").as_int64());

    auto back = c.Send("PATCH", signed_url, R"({"status":"draft"})");
    EXPECT_EQ(back.status, 409);
    EXPECT_EQ(Field(back), "status");
    auto no_date = c.Send("PATCH", draft_url, R"({"status":"signed"})");
    EXPECT_EQ(no_date.status, 422);
    EXPECT_EQ(Field(no_date), "signed_on");
    auto no_title = c.Send("PATCH", draft_url, R"({"title":""})");
    EXPECT_EQ(Field(no_title), "title");
    auto keep = c.Send("DELETE", signed_url, "");
    EXPECT_EQ(keep.status, 409);

    auto ended = c.Send("PATCH", signed_url, R"({"status":"ended","content":"三年到期"})");
    ASSERT_EQ(ended.status, 200) << ended.body;
    EXPECT_EQ(Json(ended).at("status").as_string(), "ended");
    EXPECT_EQ(Json(ended).at("content").as_string(), "三年到期");

    Client town(port());
    ASSERT_EQ(town.Login("town").status, 200);
    EXPECT_EQ(town.Send("PATCH", draft_url, R"({"title":"x"})").status, 404);
    EXPECT_EQ(town.Send("DELETE", draft_url, "").status, 404);

    auto deleted = c.Send("DELETE", draft_url, "");
    EXPECT_EQ(deleted.status, 200) << deleted.body;
    auto detail = Json(c.Get(base)).as_object();
    ASSERT_EQ(detail.at("agreements").as_array().size(), 1u);
    EXPECT_EQ(detail.at("dashboard").at("agreements_signed").as_int64(), 0);
}

TEST_P(LadderEditTest, CandidatesComeInStablePagesWithATotal) {
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    auto created = c.Send("POST", "/api/v1/pools",
                          json::serialize(json::object{{"name", "分页测试"},
                                                       {"scope_unit_id", Unit("南通市")},
                                                       {"quota", 5},
                                                       {"rules", json::object{{"max_age", 45}}}}));
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string url = "/api/v1/pools/" + std::to_string(Json(created).at("id").as_int64()) + "/candidates";

    auto all = Json(c.Get(url + "?limit=500")).as_object();
    const auto total = all.at("total").as_int64();
    ASSERT_GE(total, 5);
    ASSERT_EQ(static_cast<std::int64_t>(all.at("items").as_array().size()), total);
    std::vector<std::int64_t> paged;
    for (std::int64_t offset = 0; offset < total; offset += 3) {
        auto page = c.Get(url + "?limit=3&offset=" + std::to_string(offset));
        ASSERT_EQ(page.status, 200) << page.body;
        auto pj = Json(page).as_object();
        EXPECT_EQ(pj.at("total").as_int64(), total);
        EXPECT_EQ(pj.at("eligible").as_int64(), all.at("eligible").as_int64());
        EXPECT_LE(pj.at("items").as_array().size(), 3u);
        for (const auto& item : pj.at("items").as_array()) paged.push_back(item.at("person_id").as_int64());
    }
    std::vector<std::int64_t> whole;
    for (const auto& item : all.at("items").as_array()) whole.push_back(item.at("person_id").as_int64());
    EXPECT_EQ(paged, whole);
    EXPECT_EQ(std::set<std::int64_t>(whole.begin(), whole.end()).size(), whole.size());
    EXPECT_TRUE(Json(c.Get(url + "?limit=3&offset=100000")).at("items").as_array().empty());

    auto zero = c.Get(url + "?limit=0");
    EXPECT_EQ(zero.status, 422);
    EXPECT_EQ(Field(zero), "limit");
    auto text = c.Get(url + "?offset=abc");
    EXPECT_EQ(text.status, 422);
    EXPECT_EQ(Field(text), "offset");
    Client town(port());
    ASSERT_EQ(town.Login("town").status, 200);
    EXPECT_EQ(town.Get(url + "?limit=3").status, 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, LadderEditTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace lingyan::testing
