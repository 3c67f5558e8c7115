// Party organizations (党组织) over HTTP, against each storage backend: create, rename, upgrade by
// member count with the approval's date and document number, dissolve with the members moved
// (nothing deleted, history kept), grid branches and 党员中心户; scope, roles and bad input with
// the field named; every change audited.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "integration/downloaded_sheet.hpp"
#include "integration/http/evaluation/campaign_fixture.hpp"

namespace lingyan::testing {
namespace {

class PartyOrgsTest : public CampaignTest {
protected:
    // A village of 姜堰区 (as `county` sees it) and its demo party organization.
    struct Village {
        std::int64_t id = 0, org = 0, grid = 0;
    };
    Village FirstVillage(Client& c) {
        const auto county = UnitId(c, "姜堰区");
        const auto town = Children(c, county, 1).front();
        Village v;
        v.id = Children(c, town, 1).front();
        const auto detail = Json(c.Get("/api/v1/units/" + std::to_string(v.id)));
        v.org = detail.at("party_orgs").as_array().at(0).at("id").as_int64();
        v.grid = Children(c, v.id, 1).front();
        return v;
    }
    HttpResult Post(Client& c, const std::string& path, const json::object& body) {
        return c.Send("POST", path, json::serialize(body));
    }
    std::int64_t AddMember(Client& c, std::int64_t unit, std::int64_t org, const std::string& name) {
        auto r = Post(c, "/api/v1/people",
                      {{"unit_id", unit}, {"name", PersonName(name)}, {"gender", "female"}, {"birth_date", "1980-03-04"},
                       {"education", "bachelor"}, {"party_join_date", "2005-07-01"}, {"party_org_id", org}});
        EXPECT_EQ(r.status, 201) << r.body;
        return r.status == 201 ? Json(r).at("id").as_int64() : 0;
    }
    static std::string Field(const HttpResult& r) {
        return std::string(Json(r).at("error").at("field").as_string());
    }
    json::object Org(Client& c, std::int64_t id) {
        auto r = c.Get("/api/v1/party-orgs/" + std::to_string(id));
        EXPECT_EQ(r.status, 200) << r.body;
        return Json(r).as_object();
    }
    int Audited(const std::string& action, std::int64_t id) {
        int n = 0;
        for (const auto& e : Audit())
            if (e.entity == "party_org" && e.action == action && e.entity_id == id) ++n;
        return n;
    }
};

TEST_P(PartyOrgsTest, CreateRenameUpgradeAndDissolveKeepTheHistory) {
    Client c(port());
    ASSERT_EQ(c.Login("county").status, 200);
    const Village v = FirstVillage(c);
    auto created = Post(c, "/api/v1/party-orgs",
                        {{"unit_id", v.id}, {"name", "测试党支部"}, {"kind", "branch"}, {"parent_id", v.org},
                         {"approved_on", "2020-05-01"}, {"document_no", "姜组复〔2020〕1号"}});
    ASSERT_EQ(created.status, 201) << created.body;
    const auto id = Json(created).at("id").as_int64();
    const std::string path = "/api/v1/party-orgs/" + std::to_string(id);
    EXPECT_EQ(Json(created).at("member_count").as_int64(), 0);
    EXPECT_EQ(Audited("create", id), 1);

    auto renamed = c.Send("PATCH", path, R"({"name":"测试村第一党支部"})");
    ASSERT_EQ(renamed.status, 200) << renamed.body;
    EXPECT_EQ(Json(renamed).at("name").as_string(), "测试村第一党支部");
    EXPECT_EQ(Audited("rename", id), 1);

    // 50 members are needed for a general branch: refused with 49, allowed with 50.
    auto early = Post(c, path + "/upgrade", {{"kind", "general_branch"}, {"approved_on", "2024-06-01"}, {"document_no", "姜组复〔2024〕8号"}});
    EXPECT_EQ(early.status, 422) << early.body;
    EXPECT_EQ(Field(early), "kind");
    for (int i = 0; i < 50; ++i) AddMember(c, v.id, id, "升格党员" + std::to_string(i));
    EXPECT_EQ(Org(c, id).at("org").at("member_count").as_int64(), 50);
    EXPECT_EQ(Org(c, id).at("org").at("upgrade_hint").as_string(), "general_branch");
    auto no_doc = Post(c, path + "/upgrade", {{"kind", "general_branch"}, {"approved_on", "2024-06-01"}});
    EXPECT_EQ(no_doc.status, 422);
    EXPECT_EQ(Field(no_doc), "document_no");
    auto bad_date = Post(c, path + "/upgrade", {{"kind", "general_branch"}, {"approved_on", "2024-02-30"}, {"document_no", "x"}});
    EXPECT_EQ(bad_date.status, 422);
    EXPECT_EQ(Field(bad_date), "approved_on");
    auto too_high = Post(c, path + "/upgrade", {{"kind", "committee"}, {"approved_on", "2024-06-01"}, {"document_no", "x"}});
    EXPECT_EQ(too_high.status, 422);
    EXPECT_EQ(Field(too_high), "kind");
    auto upgraded = Post(c, path + "/upgrade", {{"kind", "general_branch"}, {"approved_on", "2024-06-01"}, {"document_no", "姜组复〔2024〕8号"}});
    ASSERT_EQ(upgraded.status, 200) << upgraded.body;
    EXPECT_EQ(Json(upgraded).at("kind").as_string(), "general_branch");
    EXPECT_EQ(Json(upgraded).at("name").as_string(), "测试村第一党总支");  // the kind's label follows
    EXPECT_EQ(Json(upgraded).at("document_no").as_string(), "姜组复〔2024〕8号");
    EXPECT_EQ(Audited("upgrade", id), 1);
    auto down = Post(c, path + "/upgrade", {{"kind", "branch"}, {"approved_on", "2024-06-02"}, {"document_no", "x"}});
    EXPECT_EQ(down.status, 422);
    EXPECT_EQ(Field(down), "kind");

    // Dissolving moves the members; the org stays, marked, with its whole history.
    const auto before = Org(c, v.org).at("org").at("direct_members").as_int64();
    auto no_target = Post(c, path + "/dissolve", {{"dissolved_on", "2025-01-02"}});
    EXPECT_EQ(no_target.status, 422);
    EXPECT_EQ(Field(no_target), "transfer_to");
    auto bad_on = Post(c, path + "/dissolve", {{"dissolved_on", "2025-13-01"}, {"transfer_to", v.org}});
    EXPECT_EQ(bad_on.status, 422);
    EXPECT_EQ(Field(bad_on), "dissolved_on");
    auto dissolved = Post(c, path + "/dissolve", {{"dissolved_on", "2025-01-02"}, {"document_no", "姜组复〔2025〕2号"}, {"transfer_to", v.org}});
    ASSERT_EQ(dissolved.status, 200) << dissolved.body;
    EXPECT_EQ(Json(dissolved).at("dissolved_on").as_string(), "2025-01-02");
    EXPECT_EQ(Json(dissolved).at("member_count").as_int64(), 0);
    EXPECT_EQ(Org(c, v.org).at("org").at("direct_members").as_int64(), before + 50);
    EXPECT_EQ(Audited("dissolve", id), 1);
    const auto detail = Org(c, id);
    std::vector<std::string> actions;
    for (const auto& e : detail.at("history").as_array()) actions.emplace_back(e.at("action").as_string());
    EXPECT_EQ(actions, (std::vector<std::string>{"create", "rename", "upgrade", "rename", "dissolve"}));
    EXPECT_EQ(c.Send("PATCH", path, R"({"name":"复活党支部"})").status, 409);
    auto active = Json(c.Get("/api/v1/party-orgs?unit=" + std::to_string(v.id))).at("items").as_array();
    auto all = Json(c.Get("/api/v1/party-orgs?unit=" + std::to_string(v.id) + "&include_dissolved=true")).at("items").as_array();
    EXPECT_EQ(all.size(), active.size() + 1);
    for (const auto& o : active) EXPECT_NE(o.at("id").as_int64(), id);
    // A dissolved org takes no new members.
    auto late = Post(c, "/api/v1/people",
                     {{"unit_id", v.id}, {"name", "迟到党员"}, {"gender", "male"}, {"birth_date", "1990-01-01"},
                      {"education", "high"}, {"party_join_date", "2015-07-01"}, {"party_org_id", id}});
    EXPECT_EQ(late.status, 422);
    EXPECT_EQ(Field(late), "party_org_id");
}

TEST_P(PartyOrgsTest, GridBranchesAndHouseholds) {
    Client c(port());
    ASSERT_EQ(c.Login("county").status, 200);
    const Village v = FirstVillage(c);
    // A grid holds a branch at most, and its branch belongs to the village's organization.
    auto too_big = Post(c, "/api/v1/party-orgs", {{"unit_id", v.grid}, {"name", "网格党委"}, {"kind", "committee"}, {"approved_on", "2023-03-01"}});
    EXPECT_EQ(too_big.status, 422);
    EXPECT_EQ(Field(too_big), "kind");
    auto grid = Post(c, "/api/v1/party-orgs", {{"unit_id", v.grid}, {"name", "第一网格党支部"}, {"kind", "branch"}, {"approved_on", "2023-03-01"}});
    ASSERT_EQ(grid.status, 201) << grid.body;
    const auto grid_org = Json(grid).at("id").as_int64();
    EXPECT_TRUE(Json(grid).at("grid").as_bool());
    EXPECT_EQ(Json(grid).at("parent_id").as_int64(), v.org);
    const auto head = AddMember(c, v.grid, grid_org, "中心户户主");
    const auto near1 = AddMember(c, v.grid, grid_org, "联系党员甲");
    const auto near2 = AddMember(c, v.id, v.org, "联系党员乙");
    // The village org counts its grid branch's members.
    const auto village = Org(c, v.org);
    EXPECT_EQ(village.at("org").at("member_count").as_int64(), village.at("org").at("direct_members").as_int64() + 2);
    bool listed = false;
    for (const auto& s : village.at("sub_orgs").as_array()) listed = listed || s.at("id").as_int64() == grid_org;
    EXPECT_TRUE(listed);
    auto up = Post(c, "/api/v1/party-orgs/" + std::to_string(grid_org) + "/upgrade", {{"kind", "general_branch"}, {"approved_on", "2024-01-01"}, {"document_no", "x"}});
    EXPECT_EQ(up.status, 422);

    const std::string households = "/api/v1/party-orgs/" + std::to_string(v.org) + "/households";
    auto no_place = Post(c, households, {{"person_id", head}, {"served", json::array{near1}}});
    EXPECT_EQ(no_place.status, 422);
    EXPECT_EQ(Field(no_place), "place");
    auto outsider = Post(c, households, {{"person_id", head}, {"place", "东庄"}, {"served", json::array{Secretary("北联村")}}});
    EXPECT_EQ(outsider.status, 422);
    EXPECT_EQ(Field(outsider), "served");
    auto made = Post(c, households, {{"person_id", head}, {"place", "东庄"}, {"served", json::array{near1, near2}}});
    ASSERT_EQ(made.status, 201) << made.body;
    EXPECT_EQ(Json(made).at("served").as_array().size(), 2u);
    EXPECT_EQ(Post(c, households, {{"person_id", head}, {"place", "西庄"}}).status, 409);
    const auto hid = Json(made).at("id").as_int64();
    EXPECT_EQ(Org(c, v.org).at("households").as_array().size(), 1u);
    EXPECT_EQ(c.Send("POST", households + "/" + std::to_string(hid) + "/dissolve", "").status, 204);
    EXPECT_FALSE(Org(c, v.org).at("households").as_array().at(0).at("dissolved_on").is_null());
    bool audited = false;
    for (const auto& e : Audit()) audited = audited || (e.entity == "party_household" && e.action == "dissolve");
    EXPECT_TRUE(audited);
}

TEST_P(PartyOrgsTest, ScopeRolesAndBadInput) {
    Client county(port());
    ASSERT_EQ(county.Login("county").status, 200);
    const Village v = FirstVillage(county);
    const std::string path = "/api/v1/party-orgs/" + std::to_string(v.org);
    // Another town's officer: the org does not exist for them, and its unit is not theirs.
    Client town(port());
    ASSERT_EQ(town.Login("town").status, 200);
    EXPECT_EQ(town.Get(path).status, 404);
    EXPECT_EQ(town.Send("PATCH", path, R"({"name":"越权"})").status, 404);
    auto elsewhere = town.Send("POST", "/api/v1/party-orgs",
                               json::serialize(json::object{{"unit_id", v.id}, {"name", "越权党支部"}, {"kind", "branch"}, {"approved_on", "2020-01-01"}}));
    EXPECT_EQ(elsewhere.status, 422);
    EXPECT_EQ(Field(elsewhere), "unit_id");
    // Roles below town read only.
    for (const char* who : {"secretary", "member"}) {
        Client c(port());
        ASSERT_EQ(c.Login(who).status, 200);
        EXPECT_EQ(c.Send("POST", "/api/v1/party-orgs", json::serialize(json::object{{"unit_id", v.id}, {"name", "x"}, {"kind", "branch"}})).status, 403) << who;
    }
    const auto audits = AuditCount();
    struct Case {
        json::object body;
        const char* field;
    };
    const Case cases[] = {
        {{{"unit_id", v.id}, {"name", ""}, {"kind", "branch"}, {"approved_on", "2020-01-01"}}, "name"},
        {{{"unit_id", v.id}, {"name", std::string(61 * 3, 'a')}, {"kind", "branch"}, {"approved_on", "2020-01-01"}}, "name"},
        {{{"unit_id", v.id}, {"name", "甲党支部"}, {"kind", "cell"}, {"approved_on", "2020-01-01"}}, "kind"},
        {{{"unit_id", v.id}, {"name", "甲党支部"}, {"kind", "branch"}, {"approved_on", "2099-01-01"}}, "approved_on"},
        {{{"unit_id", v.id}, {"name", "甲党支部"}, {"kind", "branch"}}, "approved_on"},
        {{{"unit_id", v.id}, {"name", "甲党支部"}, {"kind", "branch"}, {"approved_on", "2020-01-01"}, {"parent_id", 999999}}, "parent_id"},
        {{{"unit_id", 0}, {"name", "甲党支部"}, {"kind", "branch"}, {"approved_on", "2020-01-01"}}, "unit_id"},
        {{{"unit_id", "x"}, {"name", "甲党支部"}, {"kind", "branch"}}, "unit_id"},
    };
    for (const auto& k : cases) {
        auto r = county.Send("POST", "/api/v1/party-orgs", json::serialize(k.body));
        EXPECT_EQ(r.status, 422) << json::serialize(k.body) << r.body;
        EXPECT_EQ(Field(r), k.field) << r.body;
    }
    auto unknown = county.Send("POST", "/api/v1/party-orgs", R"({"unit_id":1,"name":"x","kind":"branch","colour":"red"})");
    EXPECT_EQ(unknown.status, 422) << unknown.body;
    EXPECT_EQ(AuditCount(), audits);  // nothing refused was written
    EXPECT_EQ(county.Get("/api/v1/party-orgs/999999").status, 404);
}

// 党组织名册: the list's organizations as a workbook, one row each, with the list's filters; officers
// only, and another town's unit is none.
TEST_P(PartyOrgsTest, TheRegisterExportsTheListWithItsFilters) {
    Client county(port());
    ASSERT_EQ(county.Login("county").status, 200);
    const Village v = FirstVillage(county);
    const auto list = Json(county.Get("/api/v1/party-orgs")).at("items").as_array();
    const auto rows = DownloadedRows(county.Get("/api/v1/party-orgs.xlsx"), "党组织名册");
    ASSERT_EQ(rows.size(), list.size() + 1);
    EXPECT_EQ(CellText(rows[0], 0), "党组织名称");
    EXPECT_EQ(CellText(rows[0], 10), "提档升格");
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto& org = list[i].as_object();
        EXPECT_EQ(CellText(rows[i + 1], 0), org.at("name").as_string().c_str());
        EXPECT_EQ(CellText(rows[i + 1], 2), org.at("unit_name").as_string().c_str());
        EXPECT_EQ(CellText(rows[i + 1], 4), std::to_string(org.at("member_count").as_int64()));
        EXPECT_EQ(CellText(rows[i + 1], 9), "在册");
    }
    // One village: its own organization and its grid branches only, kinds in words.
    const auto village = DownloadedRows(county.Get("/api/v1/party-orgs.xlsx?unit=" + std::to_string(v.id)), "党组织名册");
    ASSERT_GE(village.size(), 2u);
    EXPECT_LT(village.size(), rows.size());
    const auto org = Org(county, v.org).at("org").as_object();
    EXPECT_EQ(CellText(village[1], 0), org.at("name").as_string().c_str());
    EXPECT_TRUE(CellText(village[1], 1) == "党委" || CellText(village[1], 1) == "党总支" || CellText(village[1], 1) == "党支部")
        << CellText(village[1], 1);
    // A dissolved organization is left out unless asked for, then shown as such.
    auto created = Post(county, "/api/v1/party-orgs",
                        {{"unit_id", v.id}, {"name", "导出测试党支部"}, {"kind", "branch"}, {"parent_id", v.org},
                         {"approved_on", "2020-05-01"}, {"document_no", "姜组复〔2020〕3号"}});
    ASSERT_EQ(created.status, 201) << created.body;
    const auto branch = "/api/v1/party-orgs/" + std::to_string(Json(created).at("id").as_int64());
    ASSERT_EQ(Post(county, branch + "/dissolve",
                   {{"dissolved_on", "2024-06-30"}, {"document_no", "姜组复〔2024〕9号"}, {"transfer_to", v.org}})
                  .status,
              200);
    const auto without = DownloadedRows(county.Get("/api/v1/party-orgs.xlsx?unit=" + std::to_string(v.id)), "党组织名册");
    const auto with = DownloadedRows(
        county.Get("/api/v1/party-orgs.xlsx?include_dissolved=true&unit=" + std::to_string(v.id)), "党组织名册");
    EXPECT_EQ(with.size(), without.size() + 1);
    // The web client spells the flag 1 (the page's 含已撤销 switch), the list reads it too.
    const auto listed = [&](const std::string& flag) {
        return Json(county.Get("/api/v1/party-orgs?unit=" + std::to_string(v.id) + "&include_dissolved=" + flag))
            .at("items")
            .as_array()
            .size();
    };
    EXPECT_EQ(listed("1"), with.size() - 1);
    EXPECT_EQ(listed("0"), without.size() - 1);
    auto flag = county.Get("/api/v1/party-orgs?include_dissolved=yes");
    EXPECT_EQ(flag.status, 422);
    EXPECT_EQ(Field(flag), "include_dissolved");
    bool shown = false;
    for (const auto& row : with) shown = shown || CellText(row, 9) == "已撤销 2024-06-30";
    EXPECT_TRUE(shown);
    // Bad filter, scope, role.
    auto bad = county.Get("/api/v1/party-orgs.xlsx?unit=x");
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(Field(bad), "unit");
    Client town(port());
    ASSERT_EQ(town.Login("town").status, 200);
    EXPECT_EQ(town.Get("/api/v1/party-orgs.xlsx?unit=" + std::to_string(v.id)).status, 404);
    Client secretary(port());
    ASSERT_EQ(secretary.Login("secretary").status, 200);
    EXPECT_EQ(secretary.Get("/api/v1/party-orgs.xlsx").status, 403);
}

INSTANTIATE_TEST_SUITE_P(Backends, PartyOrgsTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lingyan::testing
