// One register of people (issue 14): a points member is a roster person with a membership, so the
// unit page's member count, the party organization's page and the points leaderboard count the
// same people in the demo (塘马村, 灵湖村), and a new member made in the roster reaches both. Ending
// a party membership ends the points membership (the ledger stays), a move moves it; a database
// from before the one register gets a roster person for each old points member at start.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/points/model.hpp"
#include "demo/points_demo.hpp"
#include "storage/db/sql_db.hpp"
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
    // The points members of `unit` named `name` (their records).
    std::vector<json::object> MembersNamed(Client& c, core::roster::Id unit, const std::string& name) {
        auto r = c.Get("/api/v1/points/members?limit=5000&unit=" + std::to_string(unit) + "&q=" + Encode(name));
        EXPECT_EQ(r.status, 200) << r.body;
        std::vector<json::object> out;
        const auto body = Json(r);
        for (const auto& m : body.at("items").as_array())
            if (m.at("name") == name.c_str()) out.push_back(m.as_object());
        return out;
    }
    std::string TotalOf(Client& c, std::int64_t member_id) {
        auto r = c.Get("/api/v1/points/members/" + std::to_string(member_id) + "/ranks");
        EXPECT_EQ(r.status, 200) << r.body;
        return r.status == 200 ? std::string(Json(r).at("total").as_string()) : "";
    }
    std::int64_t OrgOf(Client& c, core::roster::Id unit) {
        return Json(c.Get("/api/v1/units/" + std::to_string(unit))).at("party_orgs").at(0).at("id").as_int64();
    }
    void ExpectCountsAgree(Client& c, std::initializer_list<core::roster::Id> units, const char* when) {
        for (const auto unit : units) EXPECT_EQ(UnitPageCount(c, unit), BoardCount(c, unit)) << when << " unit " << unit;
    }
};

TEST_P(OneRegisterTest, UnitPageAndLeaderboardCountTheSamePeople) {
    Client admin(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    for (const char* name : {"塘马村", "灵湖村", "洑家村"}) {
        const auto unit = Unit(name);
        const auto page = UnitPageCount(admin, unit);
        EXPECT_GT(page, 8) << name;  // the generated members and the village's cadres who are members
        EXPECT_EQ(page, BoardCount(admin, unit)) << name;
    }
    // Every points member is a person of the roster whose membership is in that village.
    Client secretary(port());
    ASSERT_EQ(secretary.Login("secretary").status, 200);
    const auto linghu = Unit("灵湖村");
    const auto org = Json(secretary.Get("/api/v1/units/" + std::to_string(linghu))).at("party_orgs").at(0);
    const auto detail = Json(secretary.Get("/api/v1/party-orgs/" + std::to_string(org.at("id").as_int64())));
    EXPECT_EQ(static_cast<std::int64_t>(detail.at("members").as_array().size()), org.at("member_count").as_int64());
    auto members = Json(secretary.Get("/api/v1/points/members?unit=" + std::to_string(linghu) + "&limit=500"));
    for (const auto& m : members.at("items").as_array()) {
        ASSERT_TRUE(m.at("person_id").is_int64()) << json::serialize(m);
        auto person = secretary.Get("/api/v1/people/" + std::to_string(m.at("person_id").as_int64()));
        ASSERT_EQ(person.status, 200) << person.body;
        EXPECT_EQ(Json(person).at("party_org_id").as_int64(), org.at("id").as_int64());
        EXPECT_EQ(Json(person).at("name"), m.at("name"));
    }
}

TEST_P(OneRegisterTest, EndingOrMovingAMembershipEndsOrMovesThePointsMembership) {
    Client admin(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    const auto tangma = Unit("塘马村"), linghu = Unit("灵湖村");
    auto members = Json(admin.Get("/api/v1/points/members?limit=500&unit=" + std::to_string(tangma))).at("items").as_array();
    std::vector<json::object> picked;  // two members without an account
    for (const auto& m : members)
        if (m.at("name") != "演示党员" && picked.size() < 2) picked.push_back(m.as_object());
    ASSERT_EQ(picked.size(), 2u);
    const auto board_tangma = BoardCount(admin, tangma), board_linghu = BoardCount(admin, linghu);
    const auto leaving = picked[0].at("id").as_int64(), moving = picked[1].at("id").as_int64();
    const auto leaving_total = TotalOf(admin, leaving), moving_total = TotalOf(admin, moving);
    const auto person_of = [](const json::object& m) { return "/api/v1/people/" + std::to_string(m.at("person_id").as_int64()); };

    // Ended: off the board and the member list; the unit page and the board still agree.
    auto end = admin.Send("PATCH", person_of(picked[0]), R"({"party_org_id":null})");
    ASSERT_EQ(end.status, 200) << end.body;
    EXPECT_EQ(BoardCount(admin, tangma), board_tangma - 1);
    EXPECT_TRUE(MembersNamed(admin, tangma, std::string(picked[0].at("name").as_string())).empty() ||
                MembersNamed(admin, tangma, std::string(picked[0].at("name").as_string())).front().at("id") != leaving);
    EXPECT_EQ(admin.Get("/api/v1/points/members/" + std::to_string(leaving) + "/ranks").status, 404);
    ExpectCountsAgree(admin, {tangma, linghu}, "after an end");

    // Moved to another village's organization: the same member (and ledger) on the other board.
    auto move = admin.Send("PATCH", person_of(picked[1]),
                           json::serialize(json::object{{"unit_id", linghu}, {"party_org_id", OrgOf(admin, linghu)}}));
    ASSERT_EQ(move.status, 200) << move.body;
    EXPECT_EQ(BoardCount(admin, tangma), board_tangma - 2);
    EXPECT_EQ(BoardCount(admin, linghu), board_linghu + 1);
    EXPECT_EQ(TotalOf(admin, moving), moving_total);
    ExpectCountsAgree(admin, {tangma, linghu}, "after a move");

    // A member again: the same row comes back with its ledger.
    auto back = admin.Send("PATCH", person_of(picked[0]),
                           json::serialize(json::object{{"party_org_id", OrgOf(admin, tangma)}}));
    ASSERT_EQ(back.status, 200) << back.body;
    EXPECT_EQ(TotalOf(admin, leaving), leaving_total);
    ExpectCountsAgree(admin, {tangma, linghu}, "after rejoining");
    EXPECT_EQ(server_->runtime().points->CompareWithRecount(), 0u);
}

// A member moved, renamed or newly registered in the roster is brought along on the boards in
// place (a rebuild reads the whole ledger: ~22 s at province scale, with the officer's request
// waiting); the boards then answer as a rebuild would. An ended membership is still a rebuild.
TEST_P(OneRegisterTest, AMovedRenamedOrNewMemberIsBroughtAlongWithoutARebuild) {
    Client admin(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    auto& points = *server_->runtime().points;
    const auto tangma = Unit("塘马村"), linghu = Unit("灵湖村");
    // The admin's whole board, as a page shows it (ranks, order, names, totals).
    const auto board = [&] { return json::serialize(Json(admin.Get("/api/v1/points/leaderboard?top=1000")).at("items")); };
    auto members = Json(admin.Get("/api/v1/points/members?limit=500&unit=" + std::to_string(tangma))).at("items").as_array();
    std::vector<json::object> picked;
    for (const auto& m : members)
        if (m.at("name") != "演示党员" && picked.size() < 2) picked.push_back(m.as_object());
    ASSERT_EQ(picked.size(), 2u);
    const auto person_of = [](const json::object& m) { return "/api/v1/people/" + std::to_string(m.at("person_id").as_int64()); };
    const auto reloads = points.ReloadCount();
    const auto board_tangma = BoardCount(admin, tangma), board_linghu = BoardCount(admin, linghu);
    const auto moving_total = TotalOf(admin, picked[0].at("id").as_int64());

    auto move = admin.Send("PATCH", person_of(picked[0]),
                           json::serialize(json::object{{"unit_id", linghu}, {"party_org_id", OrgOf(admin, linghu)}}));
    ASSERT_EQ(move.status, 200) << move.body;
    auto rename = admin.Send("PATCH", person_of(picked[1]), R"({"name":"钱改名"})");
    ASSERT_EQ(rename.status, 200) << rename.body;
    auto added = admin.Send("POST", "/api/v1/people",
                            json::serialize(json::object{{"unit_id", tangma}, {"name", "谢新芳"}, {"gender", "female"},
                                                         {"birth_date", "1990-03-04"}, {"education", "bachelor"},
                                                         {"party_join_date", "2015-07-01"}, {"party_org_id", OrgOf(admin, tangma)}}));
    ASSERT_EQ(added.status, 201) << added.body;
    EXPECT_EQ(points.ReloadCount(), reloads) << "a move, a rename and a new member rebuilt the boards";

    EXPECT_EQ(BoardCount(admin, tangma), board_tangma);  // one moved out, one new
    EXPECT_EQ(BoardCount(admin, linghu), board_linghu + 1);
    EXPECT_EQ(TotalOf(admin, picked[0].at("id").as_int64()), moving_total);
    EXPECT_EQ(MembersNamed(admin, tangma, "钱改名").size(), 1u);
    ASSERT_EQ(MembersNamed(admin, tangma, "谢新芳").size(), 1u);
    ExpectCountsAgree(admin, {tangma, linghu}, "after a move and a new member");
    EXPECT_EQ(points.CompareWithRecount(), 0u);
    const auto in_place = board();
    EXPECT_NE(in_place.find("钱改名"), std::string::npos);
    EXPECT_NE(in_place.find("谢新芳"), std::string::npos);
    points.Reload();
    EXPECT_EQ(board(), in_place) << "the board brought along differs from a rebuild";

    // An ended membership stops its ledger counting: the member leaves the boards in place, as a
    // rebuild would leave them.
    auto end = admin.Send("PATCH", person_of(picked[1]), R"({"party_org_id":null})");
    ASSERT_EQ(end.status, 200) << end.body;
    EXPECT_EQ(points.ReloadCount(), reloads + 1);  // the forced one above only
    EXPECT_EQ(BoardCount(admin, tangma), board_tangma - 1);
    EXPECT_EQ(points.CompareWithRecount(), 0u);
    const auto ended = board();
    points.Reload();
    EXPECT_EQ(board(), ended) << "the board without the member differs from a rebuild";
}

// A database in the shape from before the one register (points_members without the columns of
// migration 82, members without a person or whose person has no membership) is upgraded at start.
TEST_P(OneRegisterTest, OldPointsMembersGetARosterPersonAtStart) {
    const auto tangma = Unit("塘马村");
    auto& db = server_->runtime().store->db();
    std::int64_t rule = 0, matched_person = 0, linked_person = 0;
    {
        std::lock_guard lock(server_->runtime().store_mutex);
        rule = storage::AsInt(db.Query("SELECT id FROM points_rules WHERE code = 'XX01'").at(0)[0]);
        db.ExecScript("DELETE FROM schema_migrations WHERE version = 82;"
                      "ALTER TABLE points_members DROP COLUMN ended_on;"
                      "DROP INDEX points_members_register_pending;"  // migration 96's, on the column
                      "ALTER TABLE points_members DROP COLUMN register_pending;");
        // 旧积分甲: no person at all, with an approved event dated today.
        const auto old_member = storage::AsInt(
            db.Query("INSERT INTO points_members (unit_id, name) VALUES (?, ?) RETURNING id", {tangma, std::string("旧积分甲")})
                .at(0)[0]);
        const std::int64_t today = core::points::ParseDate(server_->runtime().clock.Today()).value();
        db.Query("INSERT INTO points_events (member_id, rule_id, day, quantity, status, submitted_by, submitted_at, "
                 "decided_by, decided_at) VALUES (?, ?, ?, 100, 'approved', 'old', '2020-01-01T00:00:00Z', 'old', "
                 "'2020-01-01T00:00:00Z')",
                 {old_member, rule, today});
        // 旧积分乙: a person of the same unit with that name, not yet a member — matched, not made.
        const char* person_sql =
            "INSERT INTO people (unit_id, name, gender, birth_date, education) VALUES (?, ?, 'female', '1970-05-01', "
            "'high') RETURNING id";
        matched_person = storage::AsInt(db.Query(person_sql, {tangma, std::string("旧积分乙")}).at(0)[0]);
        db.Query("INSERT INTO points_members (unit_id, name) VALUES (?, ?)", {tangma, std::string("旧积分乙")});
        // 旧积分丙: linked to a person who has no membership (people had none before migration 68).
        linked_person = storage::AsInt(db.Query(person_sql, {tangma, std::string("旧积分丙")}).at(0)[0]);
        db.Query("INSERT INTO points_members (unit_id, name, person_id) VALUES (?, ?, ?)",
                 {tangma, std::string("旧积分丙"), linked_person});
        // 旧积分丁: a member of a town, where neither the town nor any unit above has an organization.
        db.Query("INSERT INTO points_members (unit_id, name) VALUES (?, ?)", {Unit("戴埠镇"), std::string("旧积分丁")});
    }
    const auto audits_before = AuditCount();
    server_.reset();
    server_ = std::make_unique<TestServer>(url_);  // migration 82, then the start-up step
    EXPECT_EQ(AuditCount(), audits_before + 3);    // one `register` entry per registered member (not 丁)

    Client admin(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    const auto org = OrgOf(admin, tangma);
    for (const char* name : {"旧积分甲", "旧积分乙", "旧积分丙"}) {
        auto found = MembersNamed(admin, tangma, name);
        ASSERT_EQ(found.size(), 1u) << name;
        ASSERT_TRUE(found[0].at("person_id").is_int64()) << name;
        auto person = Json(admin.Get("/api/v1/people/" + std::to_string(found[0].at("person_id").as_int64())));
        EXPECT_EQ(person.at("name"), name);
        EXPECT_EQ(person.at("unit_id").as_int64(), tangma);
        EXPECT_EQ(person.at("party_org_id").as_int64(), org) << name;
        if (std::string(name) == "旧积分甲") {
            EXPECT_EQ(TotalOf(admin, found[0].at("id").as_int64()), "5.00");  // its ledger counts
            EXPECT_EQ(person.at("gender"), "male");  // the documented placeholder
        }
        if (std::string(name) == "旧积分乙") {
            EXPECT_EQ(found[0].at("person_id").as_int64(), matched_person);
        }
        if (std::string(name) == "旧积分丙") {
            EXPECT_EQ(found[0].at("person_id").as_int64(), linked_person);
        }
    }
    ExpectCountsAgree(admin, {tangma}, "after the upgrade");
    // No organization on its path: the person is made, the membership waits for an officer.
    auto waiting = MembersNamed(admin, Unit("戴埠镇"), "旧积分丁");
    ASSERT_EQ(waiting.size(), 1u);
    ASSERT_TRUE(waiting[0].at("person_id").is_int64());
    EXPECT_TRUE(Json(admin.Get("/api/v1/people/" + std::to_string(waiting[0].at("person_id").as_int64())))
                    .at("party_org_id")
                    .is_null());
    const auto board = BoardCount(admin, tangma);
    const auto audits = AuditCount();
    server_.reset();
    server_ = std::make_unique<TestServer>(url_);  // a second start finds nothing to do
    Client again(port());
    ASSERT_EQ(again.Login("admin").status, 200);
    EXPECT_EQ(BoardCount(again, tangma), board);
    EXPECT_EQ(MembersNamed(again, tangma, "旧积分甲").size(), 1u);
    EXPECT_EQ(AuditCount(), audits);  // nothing registered again
}

INSTANTIATE_TEST_SUITE_P(Backends, OneRegisterTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lingyan::testing
