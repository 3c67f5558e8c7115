// Issue 11, finding 8: an officer links a party member's own account to a member record only with
// the account owner's consent; admin links at once. The owner sees the request, accepts or declines;
// nobody else can answer it.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "integration/test_server.hpp"

namespace lingyan::testing {
namespace {

namespace json = boost::json;

class LinkConsentTest : public BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        if (!server_) return;  // skipped (no PostgreSQL)
        ASSERT_TRUE(server_->runtime().auth->AddUser("tangma", "", "secretary", Unit("塘马村"), "a-password-1").ok());
    }
    // A member-role account in 塘马村 with a password of its own (no change required).
    std::int64_t AddMemberAccount(const std::string& name) {
        EXPECT_TRUE(server_->runtime().auth->AddUser(name, "", "member", Unit("塘马村"), "a-password-1").ok());
        return server_->runtime().store->FindUserByName(name)->id;
    }
    // A party member of 塘马村 (one register: a roster person with a membership is a points member at
    // once); with `user_id` the officer then links that account to it. Returns the member's id.
    std::int64_t AddMember(Client& officer, const std::string& name, std::int64_t user_id, std::string* link) {
        Client admin(port());
        EXPECT_EQ(admin.Login("admin").status, 200);
        const auto reloads = server_->runtime().points->ReloadCount();
        const std::int64_t village = Unit("塘马村");
        const auto org = Json(admin.Get("/api/v1/units/" + std::to_string(village))).at("party_orgs").at(0).at("id");
        auto person = admin.Send("POST", "/api/v1/people",
                                 json::serialize(json::object{{"unit_id", village}, {"name", name}, {"gender", "male"},
                                                              {"birth_date", "1985-05-05"}, {"education", "high"},
                                                              {"party_join_date", "2010-07-01"}, {"party_org_id", org}}));
        EXPECT_EQ(person.status, 201) << person.body;
        const std::int64_t person_id = Json(person).at("id").as_int64();
        if (user_id) {
            auto r = officer.Send("POST", "/api/v1/points/members",
                                  json::serialize(json::object{{"person_id", person_id}, {"user_id", user_id}}));
            EXPECT_EQ(r.status, 201) << r.body;
            if (link) *link = std::string(Json(r).at("link").as_string());
            // The member and the link are brought onto the boards in place, not by a rebuild.
            EXPECT_EQ(server_->runtime().points->ReloadCount(), reloads);
            return Json(r).at("id").as_int64();
        }
        const auto found = Json(officer.Get("/api/v1/points/members?q=" + Encode(name))).at("items").as_array();
        EXPECT_EQ(found.size(), 1u) << name;
        return found.empty() ? 0 : found.at(0).at("id").as_int64();
    }
};

TEST_P(LinkConsentTest, AnOfficersLinkWaitsForTheOwnerWhoAcceptsOrDeclines) {
    Client admin(port()), tangma(port()), owner(port()), other(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    ASSERT_EQ(tangma.Login("tangma", "a-password-1").status, 200);
    const std::int64_t user = AddMemberAccount("link_owner");
    AddMemberAccount("link_other");
    ASSERT_EQ(owner.Login("link_owner", "a-password-1").status, 200);
    ASSERT_EQ(other.Login("link_other", "a-password-1").status, 200);

    std::string link;
    const std::int64_t member = AddMember(tangma, "关联乙", user, &link);
    EXPECT_EQ(link, "requested");
    EXPECT_EQ(owner.Get("/api/v1/points/me").status, 404) << "not linked before the owner agrees";

    // Only the owner sees and answers the request.
    auto mine = Json(owner.Get("/api/v1/me/link-requests")).at("items").as_array();
    ASSERT_EQ(mine.size(), 1u);
    EXPECT_EQ(mine[0].at("member").at("id").as_int64(), member);
    EXPECT_EQ(mine[0].at("requested_by").as_string(), "tangma");
    EXPECT_TRUE(Json(other.Get("/api/v1/me/link-requests")).at("items").as_array().empty());
    const std::string accept = "/api/v1/me/link-requests/" + std::to_string(member) + "/accept";
    EXPECT_EQ(other.Send("POST", accept, "").status, 404);
    EXPECT_EQ(tangma.Send("POST", accept, "").status, 404);

    const std::int64_t audit_before = AuditCount();
    const auto reloads = server_->runtime().points->ReloadCount();
    ASSERT_EQ(owner.Send("POST", accept, "").status, 204);
    EXPECT_EQ(AuditCount(), audit_before + 1);
    EXPECT_EQ(server_->runtime().points->ReloadCount(), reloads) << "a link is recorded in place, not by a rebuild";
    auto me = owner.Get("/api/v1/points/me");
    ASSERT_EQ(me.status, 200) << me.body;
    EXPECT_EQ(Json(me).at("member").at("id").as_int64(), member);
    EXPECT_TRUE(Json(owner.Get("/api/v1/me/link-requests")).at("items").as_array().empty());
    EXPECT_EQ(owner.Send("POST", accept, "").status, 404) << "answered once";

    // A declined request links nothing.
    const std::int64_t user2 = AddMemberAccount("link_shy");
    Client shy(port());
    ASSERT_EQ(shy.Login("link_shy", "a-password-1").status, 200);
    const std::int64_t member2 = AddMember(tangma, "关联丙", 0, nullptr);
    auto asked = tangma.Send("POST", "/api/v1/points/members/" + std::to_string(member2) + "/link",
                             json::serialize(json::object{{"user_id", user2}}));
    ASSERT_EQ(asked.status, 200) << asked.body;
    EXPECT_EQ(Json(asked).at("link").as_string(), "requested");
    ASSERT_EQ(shy.Send("POST", "/api/v1/me/link-requests/" + std::to_string(member2) + "/decline", "").status, 204);
    EXPECT_EQ(shy.Get("/api/v1/points/me").status, 404);

    // Admin links at once; an account already linked answers 409.
    const auto before_direct = server_->runtime().points->ReloadCount();
    auto direct = admin.Send("POST", "/api/v1/points/members/" + std::to_string(member2) + "/link",
                             json::serialize(json::object{{"user_id", user2}}));
    ASSERT_EQ(direct.status, 200) << direct.body;
    EXPECT_EQ(Json(direct).at("link").as_string(), "linked");
    EXPECT_EQ(shy.Get("/api/v1/points/me").status, 200);
    EXPECT_EQ(Json(shy.Get("/api/v1/points/me")).at("member").at("id").as_int64(), member2);
    EXPECT_EQ(server_->runtime().points->ReloadCount(), before_direct);
    EXPECT_EQ(server_->runtime().points->CompareWithRecount(), 0u);
    EXPECT_EQ(tangma.Send("POST", "/api/v1/points/members/" + std::to_string(AddMember(tangma, "关联丁", 0, nullptr)) + "/link",
                          json::serialize(json::object{{"user_id", user2}}))
                  .status,
              409);
}

TEST_P(LinkConsentTest, AnOfficerCannotAskForAnAccountOutsideWhatItMayLink) {
    Client tangma(port()), town(port());
    ASSERT_EQ(tangma.Login("tangma", "a-password-1").status, 200);
    ASSERT_EQ(town.Login("town").status, 200);
    const std::int64_t member = AddMember(tangma, "关联戊", 0, nullptr);
    const std::string path = "/api/v1/points/members/" + std::to_string(member) + "/link";
    const auto nonexistent = tangma.Send("POST", path, json::serialize(json::object{{"user_id", 99999999}}));
    EXPECT_EQ(nonexistent.status, 422);
    for (const char* account : {"admin", "town", "secretary"}) {
        const auto id = server_->runtime().store->FindUserByName(account)->id;
        const auto r = tangma.Send("POST", path, json::serialize(json::object{{"user_id", id}}));
        EXPECT_EQ(r.body, nonexistent.body) << account;
    }
    // A member record outside the caller's scope is one that does not exist.
    const std::int64_t user = AddMemberAccount("link_far");
    EXPECT_EQ(town.Send("POST", path, json::serialize(json::object{{"user_id", user}})).status, 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, LinkConsentTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace lingyan::testing
