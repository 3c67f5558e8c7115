// A project's full life over the real server on each backend, across three roles: the town office
// (town, 临湖镇) publishes a 揭榜挂帅 project, the village secretary (secretary, 灵湖村) claims it with a
// schedule, the office refuses once with a reason and confirms the second claim, the secretary
// reports progress with figures milestone by milestone, the office completes it, and a campaign takes
// it as a subject. A second secretary, another county and bad input are refused with nothing
// written; every step is on the timeline and in the audit log.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/calendar/china_calendar.hpp"
#include "integration/downloaded_sheet.hpp"
#include "integration/test_server.hpp"

namespace lingyan::testing {
namespace {

namespace json = boost::json;

class Projects : public BackendTest {
protected:
    // A secretary account for another village of 临湖镇 than 灵湖村.
    std::int64_t AddNeighbour() {
        const auto town = Unit("临湖镇"), linghu = Unit("灵湖村");
        std::int64_t village = 0;
        server_->runtime().roster->WithIndex([&](const core::roster::RosterIndex& index) {
            for (const auto& u : index.tree().units())
                if (u.parent_id == town && u.id != linghu && village == 0) village = u.id;
        });
        EXPECT_NE(village, 0);
        core::ports::UserRecord u;
        u.username = "neighbour";
        u.display_name = "邻村书记";
        u.role = "secretary";
        u.scope_unit_id = village;
        u.password_hash = server_->runtime().crypto.HashPassword("lingyan-demo");
        std::lock_guard lock(server_->runtime().store_mutex);
        server_->runtime().store->InsertUser(u);
        return village;
    }
    HttpResult Post(Client& c, const std::string& path, const json::object& body) {
        return c.Send("POST", path, json::serialize(body));
    }
    std::string Field(const HttpResult& r) {
        auto v = Json(r);
        return std::string(v.at("error").at("field").as_string());
    }
    // The first day after today that is not a working day.
    std::string NonWorkingDay() {
        const auto& cal = core::calendar::ShippedChinaCalendar();
        auto today = *core::ParseIsoDate(server_->runtime().clock.Today());
        for (int step = 1; step < 14; ++step) {
            auto d = core::CivilFromDays(core::DaysFromCivil(today) + step);
            if (!*cal.IsWorkday(d)) return core::FormatIsoDate(d);
        }
        return "";
    }
    std::vector<std::string> Strings(const json::value& a) {
        std::vector<std::string> out;
        for (const auto& v : a.as_array()) out.emplace_back(v.as_string());
        return out;
    }
};

TEST_P(Projects, FullLifeAcrossThreeRoles) {
    AddNeighbour();
    Client town(port()), secretary(port()), neighbour(port()), county(port()), judge(port());
    ASSERT_EQ(town.Login("town").status, 200);
    ASSERT_EQ(secretary.Login("secretary").status, 200);
    ASSERT_EQ(neighbour.Login("neighbour").status, 200);
    ASSERT_EQ(county.Login("county").status, 200);
    ASSERT_EQ(judge.Login("judge").status, 200);
    const auto linghu = Unit("灵湖村");
    const auto owner = Secretary("灵湖村");
    const auto& cal = core::calendar::ShippedChinaCalendar();
    const auto today = *core::ParseIsoDate(server_->runtime().clock.Today());

    // The office publishes; a secretary may not, nor may a 揭榜 project carry a unit.
    json::object publish{{"kind", "bounty"}, {"title", "村级集体经济增收攻坚"}, {"detail", "年内村级集体经济收入增长 10%"}};
    EXPECT_EQ(Post(secretary, "/api/v1/projects", publish).status, 403);
    auto with_unit = publish;
    with_unit["unit_id"] = linghu;
    auto refused = Post(town, "/api/v1/projects", with_unit);
    EXPECT_EQ(refused.status, 422);
    EXPECT_EQ(Field(refused), "unit_id");
    auto created = Post(town, "/api/v1/projects", publish);
    ASSERT_EQ(created.status, 201) << created.body;
    const auto id = Json(created).at("id").as_int64();
    const auto path = "/api/v1/projects/" + std::to_string(id);
    EXPECT_EQ(std::string(Json(created).at("state").as_string()), "published");

    // Who sees it: the office and the secretaries below it; not another county, not a judge.
    EXPECT_EQ(secretary.Get(path).status, 200);
    EXPECT_EQ(county.Get(path).status, 404);
    EXPECT_EQ(judge.Get(path).status, 403);
    auto claimable = Json(secretary.Get("/api/v1/projects?claimable=true")).as_object();
    ASSERT_EQ(claimable.at("total").as_int64(), 1);
    EXPECT_EQ(Strings(claimable.at("items").at(0).at("actions")), std::vector<std::string>{"claim"});

    // Bad claims: a deadline on a non-working day, an owner of another village, no responsibility.
    const auto audit_before = AuditCount();
    json::object claim{{"owner_person_id", owner},
                       {"responsibility", "村书记牵头，村委会主任具体负责"},
                       {"milestones", json::array{json::object{{"title", "摸底调研"}, {"days", 3}},
                                                  json::object{{"title", "项目落地"}, {"days", 4}}}}};
    auto holiday = claim;
    holiday["milestones"] = json::array{json::object{{"title", "摸底调研"}, {"deadline", NonWorkingDay()}}};
    auto r = Post(secretary, path + "/claim", holiday);
    EXPECT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(Field(r), "milestones[0].deadline");
    auto stranger = claim;
    stranger["owner_person_id"] = Secretary("三里村");
    r = Post(secretary, path + "/claim", stranger);
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(Field(r), "owner_person_id");
    auto silent = claim;
    silent["responsibility"] = "";
    EXPECT_EQ(Field(Post(secretary, path + "/claim", silent)), "responsibility");
    EXPECT_EQ(Post(county, path + "/claim", claim).status, 403);  // not a secretary
    EXPECT_EQ(AuditCount(), audit_before);

    // 揭榜 by the secretary; a second claim (another village) is refused as a conflict.
    r = Post(secretary, path + "/claim", claim);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(std::string(Json(r).at("state").as_string()), "claimed");
    EXPECT_EQ(Json(r).at("unit_id").as_int64(), linghu);
    r = Post(neighbour, path + "/claim", claim);
    EXPECT_EQ(r.status, 409) << r.body;
    EXPECT_EQ(Field(r), "state");
    // The office was told; only the office decides.
    auto office_detail = Json(town.Get(path)).as_object();
    EXPECT_EQ(Strings(office_detail.at("actions")), (std::vector<std::string>{"confirm", "refuse"}));
    EXPECT_EQ(Post(secretary, path + "/confirm", {}).status, 403);

    // The office refuses once (a reason is required), and the project is published again.
    r = Post(town, path + "/refuse", {{"reason", ""}});
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(Field(r), "reason");
    r = Post(town, path + "/refuse", {{"reason", "节点过于宽松，请压缩到一个季度内"}});
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(std::string(Json(r).at("state").as_string()), "published");
    EXPECT_TRUE(Json(r).at("unit_id").is_null());

    // Claimed again and confirmed.
    ASSERT_EQ(Post(secretary, path + "/claim", claim).status, 200);
    r = Post(town, path + "/confirm", {});
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(std::string(Json(r).at("state").as_string()), "active");
    EXPECT_EQ(Post(town, path + "/confirm", {}).status, 409);
    auto detail = Json(secretary.Get(path)).as_object();
    ASSERT_EQ(detail.at("milestones").as_array().size(), 2u);
    EXPECT_EQ(detail.at("proposed_milestones").as_array().size(), 4u);  // the refused plan is kept
    const auto first = detail.at("milestones").at(0).at("id").as_int64();
    const auto second = detail.at("milestones").at(1).at("id").as_int64();
    EXPECT_EQ(std::string(detail.at("milestones").at(0).at("deadline").as_string()),
              core::FormatIsoDate(*cal.AddWorkdays(today, 3)));
    EXPECT_EQ(std::string(detail.at("milestones").at(1).at("deadline").as_string()),
              core::FormatIsoDate(*cal.AddWorkdays(today, 7)));
    ASSERT_EQ(detail.at("claims").as_array().size(), 2u);
    EXPECT_EQ(std::string(detail.at("claims").at(0).at("status").as_string()), "refused");
    EXPECT_EQ(std::string(detail.at("claims").at(0).at("reason").as_string()), "节点过于宽松，请压缩到一个季度内");
    EXPECT_EQ(std::string(detail.at("claims").at(1).at("status").as_string()), "confirmed");
    EXPECT_EQ(Strings(detail.at("actions")), std::vector<std::string>{"report"});
    // The secretary heard of the refusal and the confirmation.
    auto notes = Json(secretary.Get("/api/v1/notifications")).at("items").as_array();
    int about = 0;
    for (const auto& n : notes)
        if (n.at("project_id").is_int64() && n.at("project_id").as_int64() == id) ++about;
    EXPECT_EQ(about, 2);

    // Progress: bad figures and unknown milestones refused; then two reports close both milestones.
    const auto audit_mid = AuditCount();
    r = Post(secretary, path + "/reports", {{"text", "已完成摸底"}, {"figures", json::array{json::object{{"name", "走访农户"}}}}});
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(Field(r), "figures[0].value");
    r = Post(secretary, path + "/reports", {{"text", "已完成摸底"}, {"milestone_id", 999999}, {"milestone_done", true}});
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(Field(r), "milestone_id");
    EXPECT_EQ(Field(Post(secretary, path + "/reports", {{"text", ""}})), "text");
    EXPECT_EQ(Post(town, path + "/reports", {{"text", "代报"}}).status, 403);
    EXPECT_EQ(AuditCount(), audit_mid);
    r = Post(secretary, path + "/reports",
             {{"text", "完成全村摸底，形成项目清单"},
              {"figures", json::array{json::object{{"name", "走访农户"}, {"value", 312}, {"unit", "户"}},
                                      json::object{{"name", "意向投资"}, {"value", 85.5}, {"unit", "万元"}}}},
              {"milestone_id", first},
              {"milestone_done", true}});
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(Json(r).at("milestones_done").as_int64(), 1);
    EXPECT_EQ(Post(town, path + "/complete", {}).status, 409);  // the second milestone is open
    ASSERT_EQ(Post(secretary, path + "/reports", {{"text", "项目已落地"}, {"milestone_id", second}, {"milestone_done", true}}).status,
              200);
    r = Post(town, path + "/complete", {{"note", "验收合格"}});
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(std::string(Json(r).at("state").as_string()), "completed");
    EXPECT_EQ(Post(secretary, path + "/reports", {{"text", "补充"}}).status, 409);

    // The timeline and the audit log hold every step.
    detail = Json(town.Get(path)).as_object();
    std::vector<std::string> actions;
    for (const auto& e : detail.at("events").as_array()) actions.emplace_back(e.at("action").as_string());
    EXPECT_EQ(actions, (std::vector<std::string>{"create", "claim", "refuse", "claim", "confirm", "report", "report",
                                                 "complete"}));
    ASSERT_EQ(detail.at("reports").as_array().size(), 2u);
    const auto& figures = detail.at("reports").at(0).at("figures").as_array();
    ASSERT_EQ(figures.size(), 2u);
    EXPECT_EQ(figures.at(1).at("value").as_double(), 85.5);
    EXPECT_EQ(std::string(figures.at(1).at("unit").as_string()), "万元");
    EXPECT_EQ(AuditCount(), audit_before + 7);  // claim, refuse, claim, confirm, report, report, complete

    // A campaign of the town takes the project as its subject (title and unit from the project).
    json::object campaign{{"name", "书记项目评比"},   {"template", "secretary-project"}, {"cycle_kind", "year"},
                          {"cycle_label", "2026"}, {"subjects", json::array{json::object{{"project_id", id}}}}};
    r = Post(town, "/api/v1/campaigns", campaign);
    ASSERT_EQ(r.status, 201) << r.body;
    const auto made = Json(r);
    const auto& subject = made.at("subjects").at(0);
    EXPECT_EQ(subject.at("project_id").as_int64(), id);
    EXPECT_EQ(std::string(subject.at("name").as_string()), "村级集体经济增收攻坚");
    auto missing = campaign;
    missing["subjects"] = json::array{json::object{{"project_id", 999999}}};
    r = Post(town, "/api/v1/campaigns", missing);
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(Field(r), "subjects");
}

TEST_P(Projects, ASecretaryProjectIsActiveAtOnceAndRefusesHolidayDeadlines) {
    Client town(port()), secretary(port());
    ASSERT_EQ(town.Login("town").status, 200);
    ASSERT_EQ(secretary.Login("secretary").status, 200);
    const auto linghu = Unit("灵湖村");
    json::object body{{"kind", "secretary"},
                      {"title", "灵湖村人居环境提升"},
                      {"unit_id", linghu},
                      {"owner_person_id", Secretary("灵湖村")},
                      {"milestones", json::array{json::object{{"title", "方案"}, {"deadline", NonWorkingDay()}}}}};
    const auto audit_before = AuditCount();
    auto r = Post(town, "/api/v1/projects", body);
    EXPECT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(Field(r), "milestones[0].deadline");
    auto outside = body;
    outside["unit_id"] = Unit("三里村");
    EXPECT_EQ(Field(Post(town, "/api/v1/projects", outside)), "unit_id");
    EXPECT_EQ(AuditCount(), audit_before);
    body["milestones"] = json::array{json::object{{"title", "方案"}, {"days", 2}}};
    r = Post(town, "/api/v1/projects", body);
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(std::string(Json(r).at("state").as_string()), "active");
    // The secretary owns it: it is in their list, with the report action, filtered by kind.
    auto mine = Json(secretary.Get("/api/v1/projects?kind=secretary&state=active")).as_object();
    ASSERT_EQ(mine.at("total").as_int64(), 1);
    EXPECT_EQ(Strings(mine.at("items").at(0).at("actions")), std::vector<std::string>{"report"});
    EXPECT_EQ(secretary.Get("/api/v1/projects?kind=nonsense").status, 422);
    EXPECT_EQ(secretary.Get("/api/v1/projects?colour=purple").status, 422);
}

// The list pages on the server: `total` counts every project in reach, each page holds at most
// `per_page`, pages do not overlap, and paging outside its bounds is refused naming the parameter.
TEST_P(Projects, TheListPagesWithATotal) {
    Client town(port());
    ASSERT_EQ(town.Login("town").status, 200);
    for (const char* title : {"揭榜一", "揭榜二", "揭榜三", "揭榜四"})
        ASSERT_EQ(Post(town, "/api/v1/projects", json::object{{"kind", "bounty"}, {"title", title}}).status, 201);
    auto all = Json(town.Get("/api/v1/projects?per_page=200")).as_object();
    const auto total = all.at("total").as_int64();
    ASSERT_GE(total, 3);
    EXPECT_EQ(static_cast<std::int64_t>(all.at("items").as_array().size()), total);
    auto first = Json(town.Get("/api/v1/projects?per_page=2")).as_object();
    EXPECT_EQ(first.at("total").as_int64(), total);
    EXPECT_EQ(first.at("per_page").as_int64(), 2);
    ASSERT_EQ(first.at("items").as_array().size(), 2u);
    auto second = Json(town.Get("/api/v1/projects?per_page=2&page=2")).as_object();
    ASSERT_GE(second.at("items").as_array().size(), 1u);
    // Newest first, continuing where the first page stopped.
    EXPECT_EQ(second.at("items").at(0).at("id"), all.at("items").at(2).at("id"));
    EXPECT_EQ(first.at("items").at(1).at("id"), all.at("items").at(1).at("id"));
    auto beyond = Json(town.Get("/api/v1/projects?page=1000")).as_object();
    EXPECT_TRUE(beyond.at("items").as_array().empty());
    EXPECT_EQ(beyond.at("total").as_int64(), total);
    EXPECT_EQ(Field(town.Get("/api/v1/projects?per_page=0")), "per_page");
    EXPECT_EQ(Field(town.Get("/api/v1/projects?per_page=201")), "per_page");
    EXPECT_EQ(Field(town.Get("/api/v1/projects?page=0")), "page");
}

// 项目台账: every project of the list's filters as one sheet, for the offices.
TEST_P(Projects, TheLedgerExportsEveryProjectOfTheListsFilters) {
    Client town(port()), secretary(port());
    ASSERT_EQ(town.Login("town").status, 200);
    ASSERT_EQ(secretary.Login("secretary").status, 200);
    for (const char* title : {"台账揭榜一", "台账揭榜二"})
        ASSERT_EQ(Post(town, "/api/v1/projects", json::object{{"kind", "bounty"}, {"title", title}}).status, 201);
    auto sheet_of = [&](const std::string& query) {
        return DownloadedRows(town.Get("/api/v1/projects/ledger.xlsx" + query), "项目台账");
    };
    // The words filter: the two, newest first.
    auto rows = sheet_of("?q=%E5%8F%B0%E8%B4%A6%E6%8F%AD%E6%A6%9C");  // 台账揭榜
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].Find(2)->text, "项目");
    EXPECT_EQ(rows[1].Find(2)->text, "台账揭榜二");
    EXPECT_EQ(rows[2].Find(2)->text, "台账揭榜一");
    EXPECT_EQ(rows[1].Find(1)->text, "揭榜挂帅");
    EXPECT_EQ(rows[1].Find(3)->text, "临湖镇");
    EXPECT_EQ(rows[1].Find(6)->text, "待揭榜");
    // Every page of the list, paging ignored: as many rows as the list counts.
    const auto total = Json(town.Get("/api/v1/projects?per_page=1")).at("total").as_int64();
    EXPECT_EQ(static_cast<std::int64_t>(sheet_of("?per_page=1").size()) - 1, total);
    // Offices only; a bad filter names itself.
    EXPECT_EQ(secretary.Get("/api/v1/projects/ledger.xlsx").status, 403);
    auto bad = town.Get("/api/v1/projects/ledger.xlsx?kind=space");
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(Field(bad), "kind");
}

// Admin's scope is the whole deployment: a 揭榜挂帅 project names the unit whose office publishes it,
// and that office then decides the claims.
TEST_P(Projects, AdminPublishesForAnOffice) {
    Client admin(port()), town(port()), secretary(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    ASSERT_EQ(town.Login("town").status, 200);
    ASSERT_EQ(secretary.Login("secretary").status, 200);
    const auto audit_before = AuditCount();
    json::object body{{"kind", "bounty"}, {"title", "村级集体经济增收攻坚"}, {"detail", "由镇党委发布"}};
    auto missing = Post(admin, "/api/v1/projects", body);
    EXPECT_EQ(missing.status, 422);
    EXPECT_EQ(Field(missing), "office_unit_id");
    EXPECT_EQ(AuditCount(), audit_before);
    body["office_unit_id"] = Unit("临湖镇");
    auto r = Post(admin, "/api/v1/projects", body);
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(std::string(Json(r).at("office_unit").as_string()), "临湖镇");
    EXPECT_EQ(std::string(Json(r).at("state").as_string()), "published");
    const auto path = "/api/v1/projects/" + std::to_string(Json(r).at("id").as_int64());
    // The town's office is its office; the village secretary below it may claim it.
    EXPECT_EQ(town.Get(path).status, 200);
    auto seen = Json(secretary.Get(path)).as_object();
    EXPECT_EQ(Strings(seen.at("actions")), std::vector<std::string>{"claim"});
}

INSTANTIATE_TEST_SUITE_P(Backends, Projects, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace lingyan::testing
