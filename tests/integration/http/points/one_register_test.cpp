// One register of people (issue 14): a points member is a roster person with a membership, so the
// unit page's member count, the party organization's page and the points leaderboard count the
// same people in the demo (塘马村, 北联村), and a new member made in the roster reaches both.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "demo/points_demo.hpp"
#include "integration/http/points/points_fixture.hpp"

namespace lingyan::testing {
namespace {

namespace json = boost::json;

class OneRegisterTest : public PointsDemoTest {
protected:
    // The unit page's count: the members of the unit's (active) party organizations.
    std::int64_t UnitPageCount(Client& c, core::roster::Id unit) {
        auto r = c.Get("/api/v1/units/" + std::to_string(unit));
        EXPECT_EQ(r.status, 200) << r.body;
        std::int64_t n = 0;
        const auto detail = Json(r);
        for (const auto& o : detail.at("party_orgs").as_array()) n += o.at("member_count").as_int64();
        return n;
    }
    std::int64_t BoardCount(Client& c, core::roster::Id unit) {
        auto r = c.Get("/api/v1/points/leaderboard?top=1000&unit=" + std::to_string(unit));
        EXPECT_EQ(r.status, 200) << r.body;
        return Json(r).at("size").as_int64();
    }
};

TEST_P(OneRegisterTest, UnitPageAndLeaderboardCountTheSamePeople) {
    Client admin(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    for (const char* name : {"塘马村", "北联村", "洑家村"}) {
        const auto unit = Unit(name);
        const auto page = UnitPageCount(admin, unit);
        EXPECT_GT(page, 8) << name;  // the generated members and the village's cadres who are members
        EXPECT_EQ(page, BoardCount(admin, unit)) << name;
    }
    // Every points member is a person of the roster whose membership is in that village.
    Client secretary(port());
    ASSERT_EQ(secretary.Login("secretary").status, 200);
    const auto beilian = Unit("北联村");
    const auto org = Json(secretary.Get("/api/v1/units/" + std::to_string(beilian))).at("party_orgs").at(0);
    const auto detail = Json(secretary.Get("/api/v1/party-orgs/" + std::to_string(org.at("id").as_int64())));
    EXPECT_EQ(static_cast<std::int64_t>(detail.at("members").as_array().size()), org.at("member_count").as_int64());
    auto members = Json(secretary.Get("/api/v1/points/members?unit=" + std::to_string(beilian) + "&limit=500"));
    for (const auto& m : members.at("items").as_array()) {
        ASSERT_TRUE(m.at("person_id").is_int64()) << json::serialize(m);
        auto person = secretary.Get("/api/v1/people/" + std::to_string(m.at("person_id").as_int64()));
        ASSERT_EQ(person.status, 200) << person.body;
        EXPECT_EQ(Json(person).at("party_org_id").as_int64(), org.at("id").as_int64());
        EXPECT_EQ(Json(person).at("name"), m.at("name"));
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, OneRegisterTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lingyan::testing
