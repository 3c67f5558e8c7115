// Accounts in the web (issue 14): officers create, search, reset, disable and re-scope accounts
// of the roles below their own inside their scope; every change is audited and ends the
// account's sessions where the security rules say so; an issued password must be changed at the
// first login, and until then the session may do nothing else. The list exports to a workbook
// without any secret.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>
#include <string>

#include "integration/downloaded_sheet.hpp"
#include "integration/test_server.hpp"

namespace lingyan::testing {
namespace {

namespace json = boost::json;

class AccountsTest : public BackendTest {
protected:
    // Creates an account as `officer`; returns the response.
    HttpResult Create(Client& officer, const std::string& username, const std::string& role, std::int64_t scope,
                      const std::string& password = {}) {
        json::object body{{"username", username}, {"display_name", "测试 " + username}, {"role", role},
                          {"scope_unit_id", scope}};
        if (!password.empty()) body["password"] = password;
        return officer.Send("POST", "/api/v1/accounts", json::serialize(body));
    }
    std::int64_t IdOf(Client& officer, const std::string& username) {
        auto page = Json(officer.Get("/api/v1/accounts?q=" + username));
        for (const auto& a : page.at("items").as_array())
            if (a.at("username").as_string() == username) return a.at("id").as_int64();
        return 0;
    }
};

TEST_P(AccountsTest, AnIssuedPasswordMustBeChangedBeforeAnythingElse) {
    Client admin(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    const auto before = AuditCount();
    auto created = Create(admin, "wang.sec", "secretary", Unit("善港村"));
    ASSERT_EQ(created.status, 201) << created.body;
    const auto body = Json(created);
    const std::string temporary(body.at("temporary_password").as_string());
    EXPECT_GE(temporary.size(), 12u);
    EXPECT_TRUE(body.at("must_change_password").as_bool());
    EXPECT_EQ(body.at("scope_unit_name").as_string(), "善港村");
    EXPECT_EQ(AuditCount(), before + 1);

    Client user(port());
    ASSERT_EQ(user.Login("wang.sec", temporary).status, 200);
    auto me = Json(user.Get("/api/v1/me"));
    EXPECT_TRUE(me.at("must_change_password").as_bool());
    // Every other route refuses, reads and writes alike.
    auto units = user.Get("/api/v1/units");
    EXPECT_EQ(units.status, 403);
    EXPECT_EQ(Json(units).at("error").at("code").as_string(), "password_change_required");
    EXPECT_EQ(user.Send("POST", "/api/v1/points/events", "{}").status, 403);
    // A wrong current password, a short one and the same one are refused with the field named.
    auto wrong = user.Send("POST", "/api/v1/me/password",
                           R"({"current_password":"not-it-at-all","new_password":"my-own-secret-1"})");
    EXPECT_EQ(wrong.status, 422);
    EXPECT_EQ(Json(wrong).at("error").at("field").as_string(), "current_password");
    auto same = user.Send("POST", "/api/v1/me/password",
                          json::serialize(json::object{{"current_password", temporary}, {"new_password", temporary}}));
    EXPECT_EQ(Json(same).at("error").at("field").as_string(), "new_password");
    auto short_one = user.Send("POST", "/api/v1/me/password",
                               json::serialize(json::object{{"current_password", temporary}, {"new_password", "short"}}));
    EXPECT_EQ(Json(short_one).at("error").at("field").as_string(), "new_password");

    const std::string old_cookie = user.cookie;
    auto changed = user.Send("POST", "/api/v1/me/password",
                             json::serialize(json::object{{"current_password", temporary}, {"new_password", "my-own-secret-1"}}));
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_FALSE(Json(changed).at("user").at("must_change_password").as_bool());
    // The old session is gone; the response carries a new cookie and CSRF token for this device.
    Client stale(port());
    stale.cookie = old_cookie;
    EXPECT_EQ(stale.Get("/api/v1/me").status, 401);
    std::string set = changed.headers["set-cookie"];
    user.cookie = set.substr(0, set.find(';'));
    user.csrf = std::string(Json(changed).at("csrf_token").as_string());
    EXPECT_EQ(user.Get("/api/v1/units").status, 200);
    EXPECT_EQ(Client(port()).Login("wang.sec", temporary).status, 401);
}

TEST_P(AccountsTest, ACountyOfficerManagesOnlyTheRolesBelowInsideItsScope) {
    Client county(port()), admin(port());
    ASSERT_EQ(county.Login("county").status, 200);
    ASSERT_EQ(admin.Login("admin").status, 200);
    ASSERT_EQ(Create(admin, "yaozhuang", "member", Unit("腰庄村")).status, 201);
    // The list holds the county's own account and the accounts below it in 姜堰区, never admin,
    // another county or the accounts of other counties (member of 塘马村 in 溧阳市, 柯桥, 张家港).
    auto page = Json(county.Get("/api/v1/accounts"));
    std::set<std::string> names;
    for (const auto& a : page.at("items").as_array()) names.insert(std::string(a.at("username").as_string()));
    EXPECT_EQ(names, (std::set<std::string>{"county", "yaozhuang"}));

    EXPECT_EQ(Create(county, "another.county", "county", Unit("姜堰区")).status, 403);
    EXPECT_EQ(Create(county, "far.town", "town", Unit("临湖镇")).status, 404);
    EXPECT_EQ(Create(county, "admin2", "admin", 0).status, 403);
    auto town = Create(county, "baimi.town", "town", Unit("白米镇"));
    ASSERT_EQ(town.status, 201) << town.body;
    EXPECT_EQ(Create(county, "baimi.town", "town", Unit("白米镇")).status, 409);
    auto bad = Create(county, "含 空格", "member", Unit("腰庄村"));
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(Json(bad).at("error").at("field").as_string(), "username");
    auto no_scope = Create(county, "no.scope", "member", 0);
    EXPECT_EQ(Json(no_scope).at("error").at("field").as_string(), "scope_unit_id");

    // Search by name and filter by role and state.
    auto found = Json(county.Get("/api/v1/accounts?q=" + Encode("测试 BAIMI")));
    ASSERT_EQ(found.at("total").as_int64(), 1);
    EXPECT_EQ(found.at("items").at(0).at("username").as_string(), "baimi.town");
    EXPECT_EQ(Json(county.Get("/api/v1/accounts?role=town")).at("total").as_int64(), 1);
    EXPECT_EQ(Json(county.Get("/api/v1/accounts?state=must_change")).at("total").as_int64(), 2);
    EXPECT_EQ(Json(county.Get("/api/v1/accounts?unit=" + std::to_string(Unit("白米镇")))).at("total").as_int64(), 2);
    EXPECT_EQ(county.Get("/api/v1/accounts?state=odd").status, 422);

    // Out of reach answers as nonexistent: the judge's account (a role below, in another county).
    const auto other = IdOf(admin, "judge");
    ASSERT_NE(other, 0);
    EXPECT_EQ(county.Get("/api/v1/accounts/" + std::to_string(other)).status, 404);
    EXPECT_EQ(county.Send("POST", "/api/v1/accounts/" + std::to_string(other) + "/disable", "").status, 404);
    EXPECT_EQ(county.Send("POST", "/api/v1/accounts/" + std::to_string(other) + "/password", "{}").status, 404);
    // Moving an account out of the county's scope is refused.
    const auto member = IdOf(county, "yaozhuang");
    auto moved = county.Send("PATCH", "/api/v1/accounts/" + std::to_string(member),
                             json::serialize(json::object{{"scope_unit_id", Unit("灵湖村")}}));
    EXPECT_EQ(moved.status, 404);
    // The county's own account is listed but not manageable.
    const auto self = IdOf(county, "county");
    EXPECT_EQ(county.Send("POST", "/api/v1/accounts/" + std::to_string(self) + "/disable", "").status, 404);
}

TEST_P(AccountsTest, TheListExportsEveryAccountOfItsFiltersWithoutSecrets) {
    Client county(port());
    ASSERT_EQ(county.Login("county").status, 200);
    ASSERT_EQ(Create(county, "baimi.town", "town", Unit("白米镇"), "Baimi-Start-2026").status, 201);
    ASSERT_EQ(Create(county, "yaozhuang", "member", Unit("腰庄村")).status, 201);
    auto sheet_of = [&](const std::string& query) {
        auto rows = DownloadedRows(county.Get("/api/v1/accounts.xlsx" + query), "账号清单");
        for (const auto& row : rows)
            for (const auto& cell : row.cells) EXPECT_EQ(cell.text.find("Baimi-Start-2026"), std::string::npos);
        return rows;  // a password never leaves
    };
    // Every account the list holds (not one page), in its order.
    const auto listed = Json(county.Get("/api/v1/accounts?limit=200"));
    auto rows = sheet_of("");
    ASSERT_EQ(rows.size(), listed.at("items").as_array().size() + 1);
    EXPECT_EQ(CellText(rows[0], 0), "用户名");
    for (std::size_t i = 0; i + 1 < rows.size(); ++i)
        EXPECT_EQ(CellText(rows[i + 1], 0), listed.at("items").at(i).at("username").as_string());

    // One role's accounts, every column.
    rows = sheet_of("?role=town");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(CellText(rows[1], 0), "baimi.town");
    EXPECT_EQ(CellText(rows[1], 1), "测试 baimi.town");
    EXPECT_EQ(CellText(rows[1], 2), "镇街党(工)委");
    EXPECT_EQ(CellText(rows[1], 3), "白米镇");
    EXPECT_EQ(CellText(rows[1], 4), "启用");
    EXPECT_EQ(CellText(rows[1], 5), "是");  // an officer set its first password: still to be changed
    EXPECT_EQ(CellText(rows[1], 6), "从未登录");
    EXPECT_EQ(CellText(rows[1], 7).size(), 19u);  // "YYYY-MM-DD HH:MM:SS", China time
    // The county's own account has logged in.
    rows = sheet_of("?q=county");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_NE(CellText(rows[1], 6), "从未登录");

    auto bad = county.Get("/api/v1/accounts.xlsx?state=odd");
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(Json(bad).at("error").at("field").as_string(), "state");
    EXPECT_EQ(county.Get("/api/v1/accounts.xlsx?unit=" + std::to_string(Unit("临湖镇"))).status, 404);  // another county
    Client secretary(port());
    ASSERT_EQ(secretary.Login("secretary").status, 200);
    EXPECT_EQ(secretary.Get("/api/v1/accounts.xlsx").status, 403);
}

TEST_P(AccountsTest, ResettingDisablingAndReScopingEndTheSessionsAndAreAudited) {
    Client admin(port()), member(port()), town(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    ASSERT_EQ(member.Login("member").status, 200);
    ASSERT_EQ(town.Login("town").status, 200);
    const auto member_id = IdOf(admin, "member");
    const auto secretary_id = IdOf(town, "secretary");
    ASSERT_NE(secretary_id, 0);
    const auto audit = AuditCount();

    // Reset: a temporary password, the sessions end, the next login must change it.
    auto reset = admin.Send("POST", "/api/v1/accounts/" + std::to_string(member_id) + "/password", "{}");
    ASSERT_EQ(reset.status, 200) << reset.body;
    const std::string temporary(Json(reset).at("temporary_password").as_string());
    EXPECT_EQ(member.Get("/api/v1/me").status, 401);
    EXPECT_EQ(member.Login("member").status, 401);
    ASSERT_EQ(member.Login("member", temporary).status, 200);
    EXPECT_EQ(member.Get("/api/v1/points/me").status, 403);

    // Disable (a town officer, for a secretary in its town): sessions end, login refused; enable.
    Client secretary(port());
    ASSERT_EQ(secretary.Login("secretary").status, 200);
    auto disabled = town.Send("POST", "/api/v1/accounts/" + std::to_string(secretary_id) + "/disable", "");
    ASSERT_EQ(disabled.status, 200) << disabled.body;
    EXPECT_FALSE(Json(disabled).at("active").as_bool());
    EXPECT_EQ(secretary.Get("/api/v1/me").status, 401);
    EXPECT_EQ(secretary.Login("secretary").status, 401);
    EXPECT_EQ(Json(town.Get("/api/v1/accounts")).at("disabled").as_int64(), 1);
    ASSERT_EQ(town.Send("POST", "/api/v1/accounts/" + std::to_string(secretary_id) + "/enable", "").status, 200);
    ASSERT_EQ(secretary.Login("secretary").status, 200);

    // A new role or scope ends the sessions; a new display name alone does not.
    auto renamed = town.Send("PATCH", "/api/v1/accounts/" + std::to_string(secretary_id), R"({"display_name":"灵湖村 王书记"})");
    ASSERT_EQ(renamed.status, 200) << renamed.body;
    EXPECT_EQ(secretary.Get("/api/v1/me").status, 200);
    auto rescoped = town.Send("PATCH", "/api/v1/accounts/" + std::to_string(secretary_id),
                              json::serialize(json::object{{"scope_unit_id", Unit("前塘村")}, {"role", "secretary"}}));
    ASSERT_EQ(rescoped.status, 200) << rescoped.body;
    EXPECT_EQ(Json(rescoped).at("scope_unit_name").as_string(), "前塘村");
    EXPECT_EQ(secretary.Get("/api/v1/me").status, 401);
    // A town officer cannot raise an account to its own level.
    EXPECT_EQ(town.Send("PATCH", "/api/v1/accounts/" + std::to_string(secretary_id), R"({"role":"town"})").status, 403);
    // reset, disable, enable, rename, re-scope: five entries, under the officers' names.
    EXPECT_EQ(AuditCount(), audit + 5);
    auto log = Json(admin.Get("/api/v1/audit?after=" + std::to_string(audit)));
    std::multiset<std::string> actions;
    for (const auto& e : log.at("items").as_array()) {
        if (e.at("entity").as_string() != "user") continue;
        actions.insert(std::string(e.at("action").as_string()) + ":" + std::string(e.at("user").as_string()));
    }
    EXPECT_EQ(actions, (std::multiset<std::string>{"reset_password:admin", "disable:town", "enable:town", "update:town",
                                                   "role:town"}));
    // Nobody disables their own account.
    const auto admin_id = IdOf(admin, "admin");
    EXPECT_EQ(admin.Send("POST", "/api/v1/accounts/" + std::to_string(admin_id) + "/disable", "").status, 409);
}

TEST_P(AccountsTest, OnlyOfficersReachTheAccountsPage) {
    for (const char* role : {"secretary", "judge", "member"}) {
        Client c(port());
        ASSERT_EQ(c.Login(role).status, 200);
        EXPECT_EQ(c.Get("/api/v1/accounts").status, 403) << role;
        EXPECT_EQ(c.Send("POST", "/api/v1/accounts", R"({"username":"x1","role":"member","scope_unit_id":1})").status, 403)
            << role;
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountsTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace lingyan::testing
