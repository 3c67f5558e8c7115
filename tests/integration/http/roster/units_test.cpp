// Units (the region tree) over HTTP, against each storage backend: editing and deleting a unit
// inside the caller's scope, refusals (own unit, outside scope, still in use) and the bulk
// division-list import (区划表), all or nothing with the sheet's line in every error.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "integration/http/evaluation/campaign_fixture.hpp"

namespace lingyan::testing {
namespace {

class UnitsTest : public CampaignTest {
protected:
    std::string CodeOf(Client& c, std::int64_t unit) {
        const auto r = c.Get("/api/v1/units/" + std::to_string(unit));
        EXPECT_EQ(r.status, 200) << r.body;
        return std::string(Json(r).at("unit").at("code").as_string());
    }
    HttpResult Import(Client& c, const std::string& csv) {
        return c.Send("POST", "/api/v1/import/units", csv, true,
                      {{"Content-Type", "text/csv"}, {"X-Filename", "units.csv"}});
    }
};

TEST_P(UnitsTest, EditAndDeleteInsideTheScopeOnly) {
    Client c(port());
    ASSERT_EQ(c.Login("county").status, 200);
    const auto county = UnitId(c, "姜堰区");
    const auto town = Children(c, county, 1).front();
    auto renamed = c.Send("PATCH", "/api/v1/units/" + std::to_string(town), R"({"name":"新名镇","population":45678})");
    ASSERT_EQ(renamed.status, 200) << renamed.body;
    EXPECT_EQ(Json(renamed).at("name").as_string(), "新名镇");
    EXPECT_EQ(Json(c.Get("/api/v1/units/" + std::to_string(town))).at("unit").at("population").as_int64(), 45678);
    bool audited = false;
    for (const auto& e : Audit())
        if (e.action == "update" && e.entity == "unit" && e.detail.find("新名镇") != std::string::npos) audited = true;
    EXPECT_TRUE(audited);

    EXPECT_EQ(c.Send("PATCH", "/api/v1/units/" + std::to_string(county), R"({"name":"x"})").status, 403);
    EXPECT_EQ(c.Send("PATCH", "/api/v1/units/" + std::to_string(town), R"({"code":"12"})").status, 422);
    EXPECT_EQ(c.Send("PATCH", "/api/v1/units/" + std::to_string(town), R"({"name":""})").status, 422);
    const auto far = [&] {
        Client admin(port());
        EXPECT_EQ(admin.Login("admin").status, 200);
        return UnitId(admin, "北联村");
    }();
    EXPECT_EQ(c.Send("PATCH", "/api/v1/units/" + std::to_string(far), R"({"name":"x"})").status, 404);
    EXPECT_EQ(c.Send("DELETE", "/api/v1/units/" + std::to_string(far), "").status, 404);

    // A town with villages cannot go; a fresh unit can, and is gone afterwards.
    auto busy = c.Send("DELETE", "/api/v1/units/" + std::to_string(town), "");
    EXPECT_EQ(busy.status, 409) << busy.body;
    auto created = c.Send("POST", "/api/v1/units",
                          json::serialize(json::object{{"parent_id", town}, {"name", "临时村"}, {"kind", "village"}}));
    ASSERT_EQ(created.status, 201) << created.body;
    const auto fresh = std::to_string(Json(created).at("id").as_int64());
    EXPECT_EQ(c.Send("DELETE", "/api/v1/units/" + fresh, "").status, 204);
    EXPECT_EQ(c.Get("/api/v1/units/" + fresh).status, 404);

    // A unit that is a campaign's subject is still referred to: refused, and still there.
    created = c.Send("POST", "/api/v1/units",
                     json::serialize(json::object{{"parent_id", town}, {"name", "考核村"}, {"kind", "village"}}));
    ASSERT_EQ(created.status, 201) << created.body;
    const auto subject = Json(created).at("id").as_int64();
    ASSERT_FALSE(Create(c, county, {subject}).empty());
    auto in_use = c.Send("DELETE", "/api/v1/units/" + std::to_string(subject), "");
    EXPECT_EQ(in_use.status, 409) << in_use.body;
    EXPECT_EQ(c.Get("/api/v1/units/" + std::to_string(subject)).status, 200);
}

TEST_P(UnitsTest, DivisionListImportIsAllOrNothingAndUpdatesByCode) {
    Client c(port());
    ASSERT_EQ(c.Login("county").status, 200);
    const auto county = UnitId(c, "姜堰区");
    const auto town = Children(c, county, 1).front();
    const std::string town_code = CodeOf(c, town);
    const std::string header = "单位编码,单位名称,上级编码,类型,经济类型,人口,面积\n";
    // The village row comes before its new parent (a new town's 社区 under the town).
    const std::string a = town_code.substr(0, 9) + "901", b = town_code.substr(0, 9) + "902";
    const std::string good = header + b + ",新建社区," + a + ",社区,城镇,2100,1.5\n" + a + ",新建村,," + "村,农业,3000,4\n";
    // A new unit without a parent is refused for a county officer; with one, fine.
    auto refused = Import(c, good);
    ASSERT_EQ(refused.status, 422) << refused.body;
    const auto refusals = Json(refused).at("rows").as_array();
    ASSERT_EQ(refusals.size(), 2u);  // row 3 has no parent, so row 2's parent cannot be created
    EXPECT_EQ(refusals[0].at("row").as_int64(), 2);
    EXPECT_EQ(refusals[1].at("row").as_int64(), 3);
    const std::string fixed = header + b + ",新建社区," + a + ",社区,城镇,2100,1.5\n" + a + ",新建村," + town_code +
                              ",村,农业,3000,4\n";
    std::string bad = fixed + "123,坏编码," + town_code + ",村,,,\n" + town_code.substr(0, 9) + "903,坏类型," +
                      town_code + ",庄园,,,\n" + town_code.substr(0, 9) + "904,孤儿," + "320000000000,村,,,\n";
    auto errors = Import(c, bad);
    ASSERT_EQ(errors.status, 422) << errors.body;
    const auto rows = Json(errors).at("rows").as_array();
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].at("row").as_int64(), 4);
    EXPECT_EQ(rows[1].at("row").as_int64(), 5);
    EXPECT_EQ(rows[1].at("field").as_string(), "类型");
    EXPECT_EQ(rows[2].at("row").as_int64(), 6);
    EXPECT_EQ(Json(c.Get("/api/v1/units?q=" + Encode("新建村"))).at("items").as_array().size(), 0u);

    auto ok = Import(c, fixed);
    ASSERT_EQ(ok.status, 200) << ok.body;
    EXPECT_EQ(Json(ok).at("created").as_int64(), 2);
    const auto village = UnitId(c, "新建村");
    const auto community = UnitId(c, "新建社区");
    auto children = Json(c.Get("/api/v1/units?parent=" + std::to_string(village))).at("items").as_array();
    ASSERT_EQ(children.size(), 1u);
    EXPECT_EQ(children[0].at("id").as_int64(), community);

    // Again with one name changed: one update, one unchanged; moving a unit is refused.
    auto again = Import(c, header + b + ",更名社区," + a + ",社区,城镇,2100,1.5\n" + a + ",新建村," + town_code +
                               ",村,农业,3000,4\n");
    ASSERT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(Json(again).at("updated").as_int64(), 1);
    EXPECT_EQ(Json(again).at("unchanged").as_int64(), 1);
    auto move = Import(c, header + b + ",更名社区," + town_code + ",社区,城镇,2100,1.5\n");
    EXPECT_EQ(move.status, 422) << move.body;

    auto tpl = c.Get("/api/v1/import/units/template");
    EXPECT_EQ(tpl.status, 200);
    EXPECT_EQ(tpl.body.substr(0, 2), "PK");
}

INSTANTIATE_TEST_SUITE_P(Backends, UnitsTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lingyan::testing
