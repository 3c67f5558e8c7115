// A ticket's full life over the real server on each backend, across three roles: a villager
// (member) raises a 民情 item, the town office (town) assigns it, the village secretary (secretary)
// signs, works and reports it, the office verifies, the villager calls back — dissatisfied once
// (reopened), then satisfied (closed). Out-of-order steps, other scopes and bad input are refused
// with nothing written; every step is on the timeline and in the audit log.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/calendar/china_calendar.hpp"
#include "integration/downloaded_sheet.hpp"
#include "integration/test_server.hpp"

namespace lingyan::testing {
namespace {

namespace json = boost::json;

class Tickets : public BackendTest {
protected:
    // A member account in 灵湖村 (the demo's member lives in Liyang).
    void AddVillager() {
        core::ports::UserRecord u;
        u.username = "villager";
        u.display_name = "灵湖村村民";
        u.role = "member";
        u.scope_unit_id = Unit("灵湖村");
        u.password_hash = server_->runtime().crypto.HashPassword("lingyan-demo");
        std::lock_guard lock(server_->runtime().store_mutex);
        server_->runtime().store->InsertUser(u);
    }
    json::object Act(Client& c, std::int64_t id, json::object body, int status = 200) {
        auto r = c.Send("POST", "/api/v1/tickets/" + std::to_string(id) + "/actions", json::serialize(body));
        EXPECT_EQ(r.status, status) << body << " → " << r.body;
        return r.status == 200 ? Json(r).as_object() : json::object{};
    }
    int Status(Client& c, std::int64_t id, json::object body) {
        return c.Send("POST", "/api/v1/tickets/" + std::to_string(id) + "/actions", json::serialize(body)).status;
    }
    std::vector<std::string> Actions(const json::object& t) {
        std::vector<std::string> out;
        for (const auto& a : t.at("actions").as_array()) out.emplace_back(a.as_string());
        return out;
    }
};

TEST_P(Tickets, FullLifeAcrossThreeRoles) {
    AddVillager();
    Client villager(port()), town(port()), secretary(port()), county(port()), outsider(port());
    ASSERT_EQ(villager.Login("villager").status, 200);
    ASSERT_EQ(town.Login("town").status, 200);
    ASSERT_EQ(secretary.Login("secretary").status, 200);
    ASSERT_EQ(county.Login("county").status, 200);
    ASSERT_EQ(outsider.Login("member").status, 200);
    const auto linghu = Unit("灵湖村");

    // 民情 quick capture by the villager.
    json::object raise{{"title", "村口路灯不亮"}, {"detail", "三盏路灯坏了一个多月"}, {"category", "infrastructure"},
                       {"unit_id", linghu}, {"location", "灵湖村村口"}, {"raiser_name", "王大爷"}};
    auto bad = raise;
    bad["title"] = "";
    auto refused = villager.Send("POST", "/api/v1/tickets", json::serialize(bad));
    EXPECT_EQ(refused.status, 422);
    EXPECT_NE(refused.body.find("\"title\""), std::string::npos);
    auto elsewhere = raise;
    elsewhere["unit_id"] = Unit("塘马村");
    EXPECT_EQ(villager.Send("POST", "/api/v1/tickets", json::serialize(elsewhere)).status, 404);
    auto created = villager.Send("POST", "/api/v1/tickets", json::serialize(raise));
    ASSERT_EQ(created.status, 201) << created.body;
    const auto id = Json(created).at("id").as_int64();
    const auto path = "/api/v1/tickets/" + std::to_string(id);
    EXPECT_EQ(std::string(Json(created).at("state").as_string()), "registered");
    EXPECT_EQ(std::string(Json(created).at("source").as_string()), "minqing");

    // Who sees it: the raiser, the town office, the village secretary; not another county, not another member.
    EXPECT_EQ(town.Get(path).status, 200);
    EXPECT_EQ(secretary.Get(path).status, 200);
    EXPECT_EQ(county.Get(path).status, 404);
    EXPECT_EQ(outsider.Get(path).status, 404);
    // The office's queue holds it; the villager's own list too.
    auto queue = Json(town.Get("/api/v1/tickets/mine")).as_object();
    EXPECT_EQ(queue.at("total").as_int64(), 1);
    EXPECT_EQ(Json(villager.Get("/api/v1/tickets/mine")).at("total").as_int64(), 1);

    // Out of order and out of role: refused, nothing written.
    const auto audit_before = AuditCount();
    EXPECT_EQ(Status(town, id, {{"action", "accept"}}), 409);     // verify before done
    EXPECT_EQ(Status(town, id, {{"action", "satisfied"}}), 409);  // close without call-back
    EXPECT_EQ(Status(secretary, id, {{"action", "assign"}}), 403);
    EXPECT_EQ(Status(county, id, {{"action", "assign"}}), 404);
    EXPECT_EQ(Status(town, id, {{"action", "delete"}}), 422);
    // A hand-set deadline on a non-working day, and an assignment outside the office's scope.
    const auto& cal = core::calendar::ShippedChinaCalendar();
    auto today = *core::ParseIsoDate(server_->runtime().clock.Today());
    auto sunday = today;
    for (int step = 1; step < 14; ++step) {
        auto d = core::CivilFromDays(core::DaysFromCivil(today) + step);
        if (!*cal.IsWorkday(d)) {
            sunday = d;
            break;
        }
    }
    auto on_holiday = Act(town, id,
                          {{"action", "assign"},
                           {"assign", {{"unit_id", linghu}, {"leader", "张镇长"}, {"deadline", core::FormatIsoDate(sunday)}}}},
                          422);
    auto outside = town.Send("POST", path + "/actions",
                             json::serialize(json::object{{"action", "assign"},
                                                          {"assign", {{"unit_id", Unit("三里村")}, {"leader", "张镇长"}}}}));
    EXPECT_EQ(outside.status, 404);
    EXPECT_EQ(AuditCount(), audit_before);

    // 交办 by the town office, 10 working days (infrastructure at high priority would be 10; normal is 20).
    auto assigned = Act(town, id, {{"action", "assign"}, {"assign", {{"unit_id", linghu}, {"leader", "张镇长"}, {"days", 10}}}});
    EXPECT_EQ(std::string(assigned.at("state").as_string()), "assigned");
    EXPECT_EQ(std::string(assigned.at("deadline").as_string()),
              core::FormatIsoDate(*cal.AddWorkdays(today, 10)));
    EXPECT_EQ(assigned.at("allowed_days").as_int64(), 10);
    // The secretary's tasks now hold it, and the secretary was notified.
    auto tasks = Json(secretary.Get("/api/v1/tickets/mine")).as_object();
    ASSERT_EQ(tasks.at("total").as_int64(), 1);
    EXPECT_EQ(Actions(tasks.at("items").as_array()[0].as_object()),
              (std::vector<std::string>{"sign", "request_extension"}));
    EXPECT_GE(Json(secretary.Get("/api/v1/notifications/count")).at("unread").as_int64(), 1);

    // 签收, 进展, 报结 by the secretary.
    EXPECT_EQ(Status(secretary, id, {{"action", "note"}, {"note", "x"}}), 409);  // sign first
    Act(secretary, id, {{"action", "sign"}});
    EXPECT_EQ(Status(secretary, id, {{"action", "note"}}), 422);  // a note needs text
    Act(secretary, id, {{"action", "note"}, {"note", "已联系供电所，配件已订"}});
    auto ext = Act(secretary, id, {{"action", "request_extension"}, {"extension_days", 3}, {"note", "等配件"}});
    EXPECT_EQ(ext.at("extension_days").as_int64(), 3);
    EXPECT_EQ(Status(secretary, id, {{"action", "approve_extension"}}), 403);
    auto approved = Act(town, id, {{"action", "approve_extension"}});
    EXPECT_EQ(std::string(approved.at("deadline").as_string()), core::FormatIsoDate(*cal.AddWorkdays(today, 13)));
    Act(secretary, id, {{"action", "report"}, {"note", "三盏路灯已全部修复"}});

    // 查办: sent back once, then accepted.
    EXPECT_EQ(Status(town, id, {{"action", "send_back"}}), 422);  // the reason is required
    Act(town, id, {{"action", "send_back"}, {"note", "请附照片"}});
    Act(secretary, id, {{"action", "report"}, {"note", "已修复，附照片"}});
    Act(town, id, {{"action", "accept"}});

    // 回访 by the villager: dissatisfied reopens it…
    auto reopened = Act(villager, id, {{"action", "dissatisfied"}, {"note", "晚上还是有一盏不亮"}});
    EXPECT_EQ(std::string(reopened.at("state").as_string()), "in_progress");
    EXPECT_EQ(reopened.at("reopen_count").as_int64(), 1);
    Act(secretary, id, {{"action", "report"}, {"note", "更换了灯头"}});
    Act(town, id, {{"action", "accept"}});
    // …satisfied closes it.
    auto closed = Act(villager, id, {{"action", "satisfied"}});
    EXPECT_EQ(std::string(closed.at("state").as_string()), "closed");
    EXPECT_TRUE(closed.at("satisfied").as_bool());
    EXPECT_TRUE(closed.at("actions").as_array().empty());
    EXPECT_EQ(Status(town, id, {{"action", "reassign"}, {"assign", {{"unit_id", linghu}, {"leader", "x"}}}}), 409);

    // The timeline has every step; the audit log one entry per change.
    auto detail = Json(villager.Get(path)).as_object();
    std::vector<std::string> steps;
    for (const auto& e : detail.at("events").as_array()) steps.emplace_back(e.at("action").as_string());
    EXPECT_EQ(steps, (std::vector<std::string>{"create", "assign", "sign", "note", "request_extension",
                                               "approve_extension", "report", "send_back", "report", "accept",
                                               "dissatisfied", "report", "accept", "satisfied"}));
    int audited = 0;
    for (const auto& e : server_->runtime().store->ListAudit(0, 10000)) audited += e.entity == "ticket";
    EXPECT_EQ(audited, 14);

    // Statistics of the town: one received, closed, reopened, satisfied in the end.
    auto stats = Json(town.Get("/api/v1/tickets/stats")).as_object();
    ASSERT_EQ(stats.at("units").as_array().size(), 1u);
    const auto& row = stats.at("units").as_array()[0].as_object();
    EXPECT_EQ(std::string(row.at("unit").as_string()), "灵湖村");
    EXPECT_EQ(row.at("received").as_int64(), 1);
    EXPECT_EQ(row.at("closed").as_int64(), 1);
    EXPECT_DOUBLE_EQ(row.at("reopen_rate").as_double(), 1.0);
    EXPECT_DOUBLE_EQ(row.at("satisfaction_rate").as_double(), 1.0);
    auto xlsx = town.Get("/api/v1/tickets/stats.xlsx");
    EXPECT_EQ(xlsx.status, 200);
    EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
}

TEST_P(Tickets, MeetingsCarryTheirItemsAndSplitAndMergeDeleteNothing) {
    Client town(port()), secretary(port());
    ASSERT_EQ(town.Login("town").status, 200);
    ASSERT_EQ(secretary.Login("secretary").status, 200);
    const auto today = server_->runtime().clock.Today();
    json::object meeting{{"kind", "secretary_talk"}, {"title", "第三季度书记讲给书记听"}, {"held_on", today},
                         {"unit_id", Unit("临湖镇")}, {"leaders", json::array{"镇党委书记"}},
                         {"participants", json::array{"灵湖村书记", "善港村书记"}}, {"minutes", "各村书记交流"}};
    EXPECT_EQ(secretary.Send("POST", "/api/v1/meetings", json::serialize(meeting)).status, 403);
    auto future = meeting;
    future["held_on"] = "2099-01-01";
    EXPECT_EQ(town.Send("POST", "/api/v1/meetings", json::serialize(future)).status, 422);
    auto m = town.Send("POST", "/api/v1/meetings", json::serialize(meeting));
    ASSERT_EQ(m.status, 201) << m.body;
    const auto meeting_id = Json(m).at("id").as_int64();
    auto item = [&](const char* title, std::int64_t unit) {
        json::object body{{"title", title}, {"unit_id", unit}, {"source", "meeting"}, {"source_id", meeting_id},
                          {"category", "livelihood"}, {"assign", {{"unit_id", unit}, {"leader", "李书记"}}}};
        auto r = town.Send("POST", "/api/v1/tickets", json::serialize(body));
        EXPECT_EQ(r.status, 201) << r.body;
        return Json(r).at("id").as_int64();
    };
    // An item whose assignment is refused is not registered either (one transaction).
    json::object no_leader{{"title", "无责任领导的事项"}, {"unit_id", Unit("灵湖村")}, {"source", "meeting"},
                           {"source_id", meeting_id}, {"assign", {{"unit_id", Unit("灵湖村")}}}};
    auto refused = town.Send("POST", "/api/v1/tickets", json::serialize(no_leader));
    EXPECT_EQ(refused.status, 422);
    EXPECT_NE(refused.body.find("\"leader\""), std::string::npos);
    const auto a = item("农贸市场改造", Unit("灵湖村"));
    const auto b = item("农贸市场改造（重复）", Unit("灵湖村"));
    auto detail = Json(secretary.Get("/api/v1/meetings/" + std::to_string(meeting_id))).as_object();
    EXPECT_EQ(detail.at("tickets").as_array().size(), 2u);
    EXPECT_EQ(std::string(detail.at("tickets").as_array()[0].at("source_title").as_string()), "");
    EXPECT_EQ(std::string(Json(town.Get("/api/v1/tickets/" + std::to_string(a))).at("source_title").as_string()),
              "第三季度书记讲给书记听");

    // Merge the duplicate into the first: it stays, pointing at it.
    auto merged = town.Send("POST", "/api/v1/tickets/" + std::to_string(b) + "/actions",
                            json::serialize(json::object{{"action", "merge"}, {"merge_into", a}}));
    ASSERT_EQ(merged.status, 200) << merged.body;
    EXPECT_EQ(std::string(Json(merged).at("state").as_string()), "merged");
    EXPECT_EQ(Json(town.Get("/api/v1/tickets/" + std::to_string(a))).at("children").as_array().size(), 1u);

    // Split a registered item into two assignments.
    auto raw = town.Send("POST", "/api/v1/tickets",
                         json::serialize(json::object{{"title", "村庄环境整治"}, {"unit_id", Unit("临湖镇")}}));
    const auto c = Json(raw).at("id").as_int64();
    json::object split{{"action", "split"},
                       {"parts", json::array{json::object{{"title", "灵湖村河道清理"},
                                                          {"assign", {{"unit_id", Unit("灵湖村")}, {"leader", "王"}}}},
                                             json::object{{"title", "善港村垃圾分类"}}}}};
    auto done = town.Send("POST", "/api/v1/tickets/" + std::to_string(c) + "/actions", json::serialize(split));
    ASSERT_EQ(done.status, 200) << done.body;
    auto parent = Json(town.Get("/api/v1/tickets/" + std::to_string(c))).as_object();
    EXPECT_EQ(std::string(parent.at("state").as_string()), "split");
    ASSERT_EQ(parent.at("children").as_array().size(), 2u);
    std::set<std::string> states;
    for (const auto& ch : parent.at("children").as_array()) states.insert(std::string(ch.at("state").as_string()));
    EXPECT_EQ(states, (std::set<std::string>{"assigned", "registered"}));
    // Nothing was deleted: every ticket is still listed.
    EXPECT_EQ(Json(town.Get("/api/v1/tickets")).at("total").as_int64(), 5);

    // 会议台账: the meetings the list shows for the year, each with its items counted.
    const std::string year = today.substr(0, 4);
    const auto listed = Json(secretary.Get("/api/v1/meetings?year=" + year)).at("items").as_array().size();
    auto rows = DownloadedRows(secretary.Get("/api/v1/meetings.xlsx?year=" + year), "会议台账");
    ASSERT_EQ(rows.size(), listed + 1);
    EXPECT_EQ(CellText(rows[0], 0), "会议日期");
    std::size_t at = 0;
    for (std::size_t r = 1; r < rows.size(); ++r)
        if (CellText(rows[r], 2) == "第三季度书记讲给书记听") at = r;
    ASSERT_NE(at, 0u);
    EXPECT_EQ(rows[at].Find(0)->type, exchange::xlsx::CellType::kDate);
    EXPECT_EQ(CellText(rows[at], 0), today);
    EXPECT_EQ(CellText(rows[at], 1), "书记讲给书记听");
    EXPECT_EQ(CellText(rows[at], 3), "临湖镇");
    EXPECT_EQ(CellText(rows[at], 4), "镇党委书记");
    EXPECT_EQ(CellText(rows[at], 5), "灵湖村书记、善港村书记");
    EXPECT_EQ(CellText(rows[at], 6), "2");
    EXPECT_EQ(CellText(rows[at], 8), "各村书记交流");
    EXPECT_EQ(DownloadedRows(town.Get("/api/v1/meetings.xlsx?year=2001"), "会议台账").size(), 1u);
    auto bad_year = town.Get("/api/v1/meetings.xlsx?year=next");
    EXPECT_EQ(bad_year.status, 422);
    EXPECT_NE(bad_year.body.find("\"year\""), std::string::npos);
    Client member(port());
    ASSERT_EQ(member.Login("member").status, 200);
    EXPECT_EQ(member.Get("/api/v1/meetings.xlsx").status, 403);
}

// Colours move with the calendar: a service on the same database with a clock set forward.
class FixedClock final : public core::ports::Clock {
public:
    std::string today;
    std::int64_t NowUnix() const override { return 1700000000; }
    std::string Today() const override { return today; }
    std::string NowIso() const override { return today + "T08:00:00Z"; }
};

TEST_P(Tickets, RedsNotifyTheLeaderAndTheUnitAndThreeFlagATalk) {
    auto& rt = server_->runtime();
    FixedClock clock;
    clock.today = "2025-03-03";  // a Monday
    app::TicketService svc(*rt.store, *rt.ticket_store, rt.store_mutex, clock, *rt.roster,
                           core::calendar::ShippedChinaCalendar());
    auto user = [&](const char* name) {
        auto u = *rt.store->FindUserByName(name);
        return app::Actor{u.id, u.username, *core::auth::RoleFromString(u.role), u.scope_unit_id};
    };
    const auto town = user("town"), secretary = user("secretary");
    const auto linghu = Unit("灵湖村");
    std::vector<std::int64_t> ids;
    for (int idx = 0; idx < 3; ++idx) {
        app::NewTicket in;
        in.title = "事项" + std::to_string(idx);
        in.subject_unit_id = linghu;
        app::AssignInput a;
        a.unit_id = linghu;
        a.leader = "张镇长";
        a.leader_user_id = town.user_id;
        a.days = 3;  // due Thursday 2025-03-06
        auto t = svc.CreateAssigned(town, in, a);
        ASSERT_TRUE(t.ok()) << t.error().message;
        EXPECT_EQ(t->ticket.deadline, "2025-03-06");
        ids.push_back(t->ticket.id);
    }
    // Tuesday: 1 of 3 working days passed, 2 left — no colour yet.
    ASSERT_TRUE(svc.Recolour("2025-03-04").ok());
    EXPECT_EQ(svc.Board(town, 0, std::nullopt, 1, 20)->page.colours[0], 3);
    // Wednesday: two thirds passed without a note → yellow; with a note on one → blue (one day left).
    clock.today = "2025-03-05";
    app::TicketAction sign{core::tickets::Action::kSign};
    app::TicketAction note{core::tickets::Action::kNote, "在办"};
    ASSERT_TRUE(svc.Act(secretary, ids[0], sign).ok());
    ASSERT_TRUE(svc.Act(secretary, ids[0], note).ok());
    auto colours = svc.Board(town, 0, std::nullopt, 1, 20)->page.colours;
    EXPECT_EQ(colours[static_cast<int>(core::tickets::Colour::kBlue)], 1);
    EXPECT_EQ(colours[static_cast<int>(core::tickets::Colour::kYellow)], 2);
    // Friday: all three overdue → red, the talk flag for 灵湖村, notifications to the leader and the unit.
    const auto town_before = rt.ticket_store->CountUnread(town.user_id);
    const auto secretary_before = rt.ticket_store->CountUnread(secretary.user_id);
    clock.today = "2025-03-07";
    ASSERT_EQ(*svc.Recolour("2025-03-07"), 3);
    auto board = svc.Board(town, 0, std::nullopt, 1, 20);
    ASSERT_TRUE(board.ok());
    EXPECT_EQ(board->page.colours[static_cast<int>(core::tickets::Colour::kRed)], 3);
    ASSERT_EQ(board->talks.size(), 1u);
    EXPECT_EQ(board->talks[0].unit, "灵湖村");
    EXPECT_EQ(board->talks[0].reds, 3);
    EXPECT_EQ(board->period_from, "2025-01-01");
    EXPECT_EQ(rt.ticket_store->CountUnread(town.user_id), town_before + 3);
    EXPECT_EQ(rt.ticket_store->CountUnread(secretary.user_id), secretary_before + 3);
    // An extension after the deadline is refused.
    app::TicketAction late{core::tickets::Action::kRequestExtension, "来不及"};
    late.extension_days = 2;
    auto refused = svc.Act(secretary, ids[0], late);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, core::errc::kConflict);
    EXPECT_EQ(refused.error().field, "extension_days");
    // Recolouring the same day again changes nothing and notifies nobody twice.
    EXPECT_EQ(*svc.Recolour("2025-03-07"), 0);
    EXPECT_EQ(rt.ticket_store->CountUnread(secretary.user_id), secretary_before + 3);
    // The secretary's tasks list the reds first.
    auto mine = svc.MyTasks(secretary, core::tickets::Colour::kRed, 1, 20);
    ASSERT_TRUE(mine.ok());
    EXPECT_EQ(mine->total, 3);
}

// 交办台账: the list's filters as a workbook, one row per ticket, for the offices; the raiser's phone
// number stays out of it.
TEST_P(Tickets, TheLedgerExportsEveryTicketOfTheListsFilters) {
    Client town(port()), secretary(port()), county(port());
    ASSERT_EQ(town.Login("town").status, 200);
    ASSERT_EQ(secretary.Login("secretary").status, 200);
    ASSERT_EQ(county.Login("county").status, 200);
    const auto linghu = Unit("灵湖村");
    auto raise = [&](const char* title, bool assign) {
        json::object body{{"title", title},          {"unit_id", linghu},           {"category", "livelihood"},
                          {"location", "灵湖村三组"}, {"raiser_name", "王大爷"}, {"raiser_phone", "13800001111"}};
        if (assign) body["assign"] = json::object{{"unit_id", linghu}, {"leader", "李书记"}, {"days", 5}};
        auto r = town.Send("POST", "/api/v1/tickets", json::serialize(body));
        EXPECT_EQ(r.status, 201) << r.body;
    };
    raise("台账测试：河道保洁", true);
    raise("台账测试：路灯维修", false);

    auto sheet_of = [&](const std::string& query) {
        return DownloadedRows(town.Get("/api/v1/tickets/ledger.xlsx" + query), "交办台账");
    };

    // The filters of the list: the two, newest first, with their columns.
    auto rows = sheet_of("?q=" + std::string("%E5%8F%B0%E8%B4%A6%E6%B5%8B%E8%AF%95"));  // 台账测试
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(CellText(rows[0], 0), "编号");
    EXPECT_EQ(CellText(rows[0], 2), "事项");
    EXPECT_EQ(CellText(rows[1], 2), "台账测试：路灯维修");
    EXPECT_EQ(CellText(rows[1], 14), "已登记");
    EXPECT_EQ(CellText(rows[2], 2), "台账测试：河道保洁");
    EXPECT_EQ(CellText(rows[2], 1), "民情走访");
    EXPECT_EQ(CellText(rows[2], 3), "民生服务");
    EXPECT_EQ(CellText(rows[2], 5), "灵湖村");
    EXPECT_EQ(CellText(rows[2], 7), "王大爷");
    EXPECT_EQ(CellText(rows[2], 9), "灵湖村");
    EXPECT_EQ(CellText(rows[2], 10), "李书记");
    ASSERT_NE(rows[2].Find(11), nullptr);
    EXPECT_EQ(rows[2].Find(11)->type, exchange::xlsx::CellType::kDate);  // 交办日期, a date cell
    EXPECT_EQ(CellText(rows[2], 11), server_->runtime().clock.Today());
    EXPECT_EQ(rows[2].Find(12)->number, 5);
    EXPECT_EQ(CellText(rows[2], 14), "已交办");
    for (const auto& row : rows)
        for (const auto& cell : row.cells) EXPECT_EQ(cell.text.find("13800001111"), std::string::npos);

    auto only_registered = sheet_of("?state=registered&q=%E5%8F%B0%E8%B4%A6%E6%B5%8B%E8%AF%95");
    ASSERT_EQ(only_registered.size(), 2u);
    EXPECT_EQ(CellText(only_registered[1], 2), "台账测试：路灯维修");

    // Without filters: every ticket of the town's scope, as many as the list counts.
    const auto total = Json(town.Get("/api/v1/tickets?per_page=1")).at("total").as_int64();
    EXPECT_EQ(static_cast<std::int64_t>(sheet_of("").size()) - 1, total);

    // Offices only; a bad filter names itself; a unit outside the scope is not found.
    EXPECT_EQ(secretary.Get("/api/v1/tickets/ledger.xlsx").status, 403);
    auto bad = town.Get("/api/v1/tickets/ledger.xlsx?state=lost");
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(bad.body.find("\"state\""), std::string::npos);
    EXPECT_EQ(town.Get("/api/v1/tickets/ledger.xlsx?unit=" + std::to_string(Unit("塘马村"))).status, 404);
    EXPECT_EQ(county.Get("/api/v1/tickets/ledger.xlsx?unit=" + std::to_string(linghu)).status, 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, Tickets, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace lingyan::testing
