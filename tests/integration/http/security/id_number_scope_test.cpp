// Issue 11, finding 4: an ID number is looked up only among the people the caller may see, so that no
// answer tells that it exists elsewhere; the numbers entered twice by units out of each other's scope
// are listed for admin, who resolves them.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "integration/test_server.hpp"

namespace lingyan::testing {
namespace {

namespace json = boost::json;

class IdNumberScopeTest : public BackendTest {
protected:
    std::int64_t UnitId(Client& c, const std::string& name) {
        auto items = Json(c.Get("/api/v1/units?q=" + Encode(name))).at("items").as_array();
        EXPECT_FALSE(items.empty()) << name;
        return items.empty() ? 0 : items[0].at("id").as_int64();
    }
    static std::string PersonBody(std::int64_t unit, const std::string& name, const std::string& id_number) {
        return json::serialize(json::object{{"unit_id", unit}, {"name", name}, {"gender", "male"},
                                            {"birth_date", "1990-01-01"}, {"education", "bachelor"},
                                            {"id_number", id_number}});
    }
    // The groups of admin's shared-ID-number list that hold this person.
    static int GroupsHolding(Client& admin, std::int64_t person) {
        int n = 0;
        const json::value shared = Json(admin.Get("/api/v1/people/shared-id-numbers"));
        for (const auto& group : shared.at("items").as_array())
            for (const auto& p : group.at("people").as_array()) n += p.at("id").as_int64() == person;
        return n;
    }
};

TEST_P(IdNumberScopeTest, ANumberHeldOutsideTheScopeIsNotRevealedAndAdminSeesItTwice) {
    Client admin(port()), town(port()), county(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    ASSERT_EQ(town.Login("town").status, 200);
    ASSERT_EQ(county.Login("county").status, 200);
    const std::int64_t town_unit = UnitId(town, "灵湖村");
    const auto county_units = Json(county.Get("/api/v1/units?q=" + Encode("村") + "&size=1")).at("items").as_array();
    ASSERT_FALSE(county_units.empty());
    const std::int64_t county_unit = county_units[0].at("id").as_int64();
    ASSERT_EQ(county.Get("/api/v1/units/" + std::to_string(town_unit)).status, 404) << "the units must be out of each other's scope";

    const std::string shared = ResidentId(41, 7);
    auto first = town.Send("POST", "/api/v1/people", PersonBody(town_unit, "甲乙丙", shared));
    ASSERT_EQ(first.status, 201) << first.body;
    const std::int64_t first_id = Json(first).at("id").as_int64();

    // The county cannot tell the number is taken: it answers as for a number nobody holds.
    auto second = county.Send("POST", "/api/v1/people", PersonBody(county_unit, "甲乙丙", shared));
    ASSERT_EQ(second.status, 201) << second.body;
    auto fresh = county.Send("POST", "/api/v1/people", PersonBody(county_unit, "丁戊己", ResidentId(41, 8)));
    ASSERT_EQ(fresh.status, 201) << fresh.body;
    EXPECT_EQ(Json(second).as_object().size(), Json(fresh).as_object().size());
    EXPECT_EQ(second.body.find("甲乙丙（"), std::string::npos);
    const std::int64_t second_id = Json(second).at("id").as_int64();
    EXPECT_EQ(county.Get("/api/v1/people/" + std::to_string(first_id)).status, 404);

    // Within a scope the number stays one person's: the caller may see the holder, and is told who.
    auto again = town.Send("POST", "/api/v1/people", PersonBody(town_unit, "庚辛壬", shared));
    EXPECT_EQ(again.status, 409) << again.body;
    EXPECT_EQ(Json(again).at("error").at("field").as_string(), "id_number");
    EXPECT_NE(again.body.find("人员编号 " + std::to_string(first_id)), std::string::npos) << again.body;
    auto patched = county.Send("PATCH", "/api/v1/people/" + std::to_string(Json(fresh).at("id").as_int64()),
                               json::serialize(json::object{{"id_number", shared}}));
    EXPECT_EQ(patched.status, 409) << patched.body;  // the county's own holder is the second record

    // Admin sees everyone: the number is listed with both records, and a third is refused.
    EXPECT_EQ(GroupsHolding(admin, first_id), 1);
    EXPECT_EQ(GroupsHolding(admin, second_id), 1);
    EXPECT_EQ(admin.Send("POST", "/api/v1/people", PersonBody(town_unit, "癸子丑", shared)).status, 409);
    EXPECT_EQ(town.Get("/api/v1/people/shared-id-numbers").status, 403);
    EXPECT_EQ(county.Get("/api/v1/people/shared-id-numbers").status, 403);

    // Resolved by removing one record: the list no longer holds it.
    ASSERT_EQ(admin.Send("DELETE", "/api/v1/people/" + std::to_string(second_id), "").status, 204);
    EXPECT_EQ(GroupsHolding(admin, first_id), 0);
}

TEST_P(IdNumberScopeTest, AnImportRowWithANumberHeldOutsideTheScopeAddsAPersonWithoutSayingSo) {
    Client admin(port()), town(port()), county(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    ASSERT_EQ(town.Login("town").status, 200);
    ASSERT_EQ(county.Login("county").status, 200);
    const std::string shared = ResidentId(42, 9);
    auto first = town.Send("POST", "/api/v1/people", PersonBody(UnitId(town, "灵湖村"), "甲乙丙", shared));
    ASSERT_EQ(first.status, 201) << first.body;
    const auto county_units = Json(county.Get("/api/v1/units?q=" + Encode("村") + "&size=1")).at("items").as_array();
    ASSERT_FALSE(county_units.empty());
    const std::string code(county_units[0].at("code").as_string());
    const std::string csv = "姓名,性别,出生日期,学历,身份证号,单位代码,职务\n甲乙丙,男,1990-01-01,大学本科," + shared + "," + code + ",委员\n";
    auto imported = county.Send("POST", "/api/v1/import/roster", csv, true,
                                {{"Content-Type", "text/csv"}, {"X-Filename", Encode("名册.csv")}});
    ASSERT_EQ(imported.status, 200) << imported.body;
    EXPECT_EQ(Json(imported).at("created").as_int64(), 1);
    EXPECT_EQ(Json(imported).at("updated").as_int64(), 0);
    EXPECT_EQ(GroupsHolding(admin, Json(first).at("id").as_int64()), 1);
    // The same row again finds the county's own record now (one person in its scope), adding nobody.
    auto repeated = county.Send("POST", "/api/v1/import/roster", csv, true,
                                {{"Content-Type", "text/csv"}, {"X-Filename", Encode("名册.csv")}});
    ASSERT_EQ(repeated.status, 200) << repeated.body;
    EXPECT_EQ(Json(repeated).at("created").as_int64(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, IdNumberScopeTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace lingyan::testing
