// The honours register over the real server on each backend: titles entered by hand with their
// document number, a published campaign's award winners registered as a title, search with counts
// per title and level within scope, and a person's titles.
#include <gtest/gtest.h>

#include "exchange/xlsx/reader.hpp"
#include "integration/http/evaluation/campaign_fixture.hpp"

namespace lingyan::testing {
namespace {

class Honours : public CampaignTest {};

TEST_P(Honours, ByHandFromACampaignAndSearchedWithinScope) {
    Client c(port());
    ASSERT_EQ(c.Login("county").status, 200);
    const auto person = Secretary("三里村");
    // By hand: the document number is required; a duplicate is refused.
    json::object body{{"person_id", person}, {"title", "金牌书记"}, {"level", "city"}, {"year", 2024}};
    auto refused = c.Send("POST", "/api/v1/honours", json::serialize(body));
    EXPECT_EQ(refused.status, 422);
    EXPECT_NE(refused.body.find("document_no"), std::string::npos);
    body["document_no"] = "泰组通〔2024〕8号";
    auto added = c.Send("POST", "/api/v1/honours", json::serialize(body));
    ASSERT_EQ(added.status, 201) << added.body;
    EXPECT_EQ(std::string(Json(added).at("level_label").as_string()), "市级");
    EXPECT_EQ(std::string(Json(added).at("unit").as_string()), "三里村");
    EXPECT_EQ(c.Send("POST", "/api/v1/honours", json::serialize(body)).status, 409);
    // Another county's person is out of scope.
    json::object other{{"person_id", Secretary("大渡社区")},
                       {"title", "金牌书记"},
                       {"level", "county"},
                       {"year", 2024},
                       {"document_no", "x"}};
    EXPECT_EQ(c.Send("POST", "/api/v1/honours", json::serialize(other)).status, 404);

    // A published campaign's award winners.
    const auto county = UnitId(c, "姜堰区");
    const auto towns = Children(c, county, 3);
    auto detail = Create(c, county, towns);
    const auto id = std::to_string(detail.at("id").as_int64());
    const auto a = detail.at("subjects").as_array()[0].at("id").as_int64();
    ASSERT_EQ(c.Send("POST", "/api/v1/campaigns/" + id + "/facts",
                     Facts(json::array{Fact(a, "sales", "target", 100), Fact(a, "sales", "actual", 100),
                                       Fact(a, "review", "judge", 80)}))
                  .status,
              200);
    json::object from{{"campaign_id", detail.at("id")},
                      {"award", "一等奖"},
                      {"title", "高质量发展先进镇街"},
                      {"level", "county"},
                      {"year", 2021}};
    auto draft = c.Send("POST", "/api/v1/honours/from-campaign", json::serialize(from));
    EXPECT_EQ(draft.status, 409);  // not before it is published
    ASSERT_EQ(c.Send("POST", "/api/v1/campaigns/" + id + "/publish", "").status, 200);
    auto granted = c.Send("POST", "/api/v1/honours/from-campaign", json::serialize(from));
    ASSERT_EQ(granted.status, 200) << granted.body;
    EXPECT_EQ(Json(granted).at("added").as_int64(), 1);
    EXPECT_EQ(Json(c.Send("POST", "/api/v1/honours/from-campaign", json::serialize(from))).at("added").as_int64(), 0);

    // Search with counts; a person's titles.
    auto all = Json(c.Get("/api/v1/honours")).as_object();
    EXPECT_EQ(all.at("items").as_array().size(), 2u);
    auto gold = Json(c.Get("/api/v1/honours?title=" + Encode("金牌书记") + "&level=city")).as_object();
    ASSERT_EQ(gold.at("counts").as_array().size(), 1u);
    EXPECT_EQ(gold.at("counts").as_array()[0].at("count").as_int64(), 1);
    EXPECT_EQ(gold.at("counts").as_array()[0].at("since").as_int64(), 2024);
    // The same search as a workbook: the honours, and the count of each title at each level.
    auto xlsx = c.Get("/api/v1/honours.xlsx?title=" + Encode("金牌书记"));
    ASSERT_EQ(xlsx.status, 200) << xlsx.body;
    EXPECT_NE(xlsx.headers["content-disposition"].find("attachment"), std::string::npos);
    auto book = exchange::xlsx::Workbook::Open(xlsx.body);
    ASSERT_EQ(book.FindSheet("荣誉库"), 0);
    const auto rows = book.ReadRows(0);
    ASSERT_EQ(rows.size(), 2u);  // the header and the one 金牌书记
    EXPECT_EQ(rows[0].Find(2)->text, "荣誉称号");
    EXPECT_EQ(rows[1].Find(1)->text, "三里村");
    EXPECT_EQ(rows[1].Find(2)->text, "金牌书记");
    EXPECT_EQ(rows[1].Find(3)->text, "市级");
    EXPECT_EQ(rows[1].Find(4)->number, 2024);
    EXPECT_EQ(rows[1].Find(5)->text, "文件");
    EXPECT_EQ(rows[1].Find(6)->text, "泰组通〔2024〕8号");
    ASSERT_EQ(book.FindSheet("称号统计"), 1);
    const auto counted = book.ReadRows(1);
    ASSERT_EQ(counted.size(), 2u);
    EXPECT_EQ(counted[1].Find(2)->number, 1);
    EXPECT_EQ(counted[1].Find(3)->number, 2024);
    auto bad_level = c.Get("/api/v1/honours.xlsx?level=galactic");
    EXPECT_EQ(bad_level.status, 422);
    EXPECT_NE(bad_level.body.find("\"level\""), std::string::npos);
    EXPECT_EQ(c.Get("/api/v1/honours.xlsx?unit=" + std::to_string(UnitId(c, "姜堰区") + 999999)).status, 404);
    auto mine = Json(c.Get("/api/v1/people/" + std::to_string(person) + "/honours")).as_object();
    EXPECT_EQ(mine.at("items").as_array().size(), 1u);
    // Another county's officer sees none of them.
    Client keqiao_judge(port());
    ASSERT_EQ(keqiao_judge.Login("judge").status, 200);
    EXPECT_EQ(keqiao_judge.Get("/api/v1/honours").status, 403);
    int audited = 0;
    for (const auto& e : Audit()) audited += e.entity == "honour";
    EXPECT_EQ(audited, 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, Honours, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace lingyan::testing
