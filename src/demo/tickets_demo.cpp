#include "demo/tickets_demo.hpp"

#include <functional>
#include <map>
#include <random>
#include <stdexcept>

#include "app/tickets/ticket_service.hpp"
#include "core/calendar/china_calendar.hpp"
#include "demo/demo_support.hpp"

namespace lingyan::demo {

namespace {

namespace tk = core::tickets;
using core::CivilDate;
using core::roster::Id;

const char* kTitles[] = {
    "村级道路破损修复",     "农贸市场周边停车难",   "河道保洁不到位",       "老旧小区加装电梯",
    "村卫生室药品不全",     "集体经济项目用地审批", "农田灌溉渠堵塞",       "垃圾分类收运不及时",
    "主干道路灯维修",       "老年助餐点建设",       "危桥加固",             "村民建房审批慢",
    "厂区噪音扰民",         "雨污分流改造",         "村庄绿化补植",         "农村电商服务站建设",
    "留守儿童课后托管",     "公交站台增设",         "违章搭建整治",         "网格员配备不足",
    "标准厂房招租",         "人居环境长效管护",     "退役军人服务站规范化", "党群服务中心功能提升",
    "高标准农田建设",       "村级账务公开不及时",   "外来人口登记管理",     "防汛物资储备",
    "养老保险参保宣传",     "文化礼堂活动安排",
};
const char* kCategories[] = {"livelihood", "infrastructure", "environment", "industry", "governance", "other"};
const char* kNotes[] = {"已现场查看，制定整改方案", "已协调相关部门，施工队已进场", "已完成约六成，正在推进",
                        "已召开村民代表会议征求意见"};

struct Actors {
    app::Actor city, linhu, yangshe, nanfeng, gaoxin, jiangyan, admin, member;
    std::map<Id, app::Actor> handlers;  // by handling unit
};

// The plan of one item: what happens how many working days after its meeting.
enum class Plan { kOnTime, kLate, kSentBack, kReopened, kStalled, kActive };

}  // namespace

int LoadDemoTickets(core::ports::Store& store, core::ports::TicketStore& tickets, core::ports::StoreMutex& store_mutex,
                    const core::ports::Clock& clock, app::RosterService& roster) {
    {
        std::lock_guard lock(store_mutex);
        if (!tickets.ListMeetings().empty()) return 0;
    }
    const auto& cal = core::calendar::ShippedChinaCalendar();
    const CivilDate today = *core::ParseIsoDate(clock.Today());
    DemoClock demo_clock(clock);
    demo_clock.day = today;
    app::TicketService svc(store, tickets, store_mutex, demo_clock, roster, cal);

    std::map<std::string, Id> unit;
    roster.WithIndex([&](const core::roster::RosterIndex& index) {
        for (const auto& u : index.tree().units()) unit[u.name] = u.id;
    });
    auto user = [&](const char* name) { return DemoUser(store, store_mutex, name); };
    auto synthetic = [&](const std::string& name, core::auth::Role role, const std::string& scope) {
        return app::Actor{0, name, role, unit.at(scope)};
    };
    Actors a;
    a.city = synthetic("张家港市委组织部", core::auth::Role::kCounty, "张家港市");
    a.linhu = user("town");  // 临湖镇
    a.yangshe = synthetic("杨舍镇党委", core::auth::Role::kTown, "杨舍镇");
    a.nanfeng = synthetic("南丰镇党委", core::auth::Role::kTown, "南丰镇");
    a.gaoxin = synthetic("张家港高新区党工委", core::auth::Role::kTown, "张家港高新区");
    a.jiangyan = user("county");
    a.admin = user("admin");
    a.member = user("member");
    for (const char* v : {"善港村", "福前村", "花园村", "永联村", "新塍村", "新凯村", "前塘村", "采莲村", "塘马村",
                          "三里村", "桥头村", "官庄村"})
        a.handlers[unit.at(v)] = synthetic(std::string(v) + "书记", core::auth::Role::kSecretary, v);
    {
        // The points demo's branch secretary of 塘马村 handles Liyang's 民情 when present.
        std::lock_guard lock(store_mutex);
        if (auto u = store.FindUserByName("tangma"))
            a.handlers[unit.at("塘马村")] = app::Actor{u->id, u->username, *core::auth::RoleFromString(u->role), u->scope_unit_id};
    }
    a.handlers[unit.at("灵湖村")] = user("secretary");
    a.handlers[unit.at("临湖镇")] = a.linhu;
    a.handlers[unit.at("杨舍镇")] = a.yangshe;
    a.handlers[unit.at("南丰镇")] = a.nanfeng;
    a.handlers[unit.at("张家港高新区")] = a.gaoxin;
    a.handlers[unit.at("罗塘街道")] = synthetic("罗塘街道党工委", core::auth::Role::kTown, "罗塘街道");

    auto check = [](auto result, const std::string& what) {
        if (!result) throw std::runtime_error("演示数据：" + what + "：" + result.error().message);
        return std::move(result).value();
    };
    // A day past the calendar's last year is after today anyway: such steps are never scheduled.
    auto after = [&](CivilDate d, int n) {
        auto day = cal.AddWorkdays(d, n);
        return day ? *day : CivilDate{9999, 12, 31};
    };
    auto before = [&](CivilDate d, int n) { return WorkdaysBefore(cal, d, n); };
    // Working days left in the calendar from `d` (deadlines must stay inside it).
    const CivilDate calendar_end{cal.covered_years()->last, 12, 31};
    auto room = [&](CivilDate d) { return static_cast<int>(*cal.CountWorkdays(d, calendar_end)); };

    std::mt19937 rng(20241205);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };

    // Steps by day: run in date order, in the order they were scheduled within a day.
    std::multimap<std::int64_t, std::function<void()>> steps;
    auto at = [&](CivilDate d, std::function<void()> f) {
        if (d <= today) steps.emplace(core::DaysFromCivil(d), std::move(f));
    };
    auto act = [&](const app::Actor& who, Id id, tk::Action action, std::string note = {}) {
        app::TicketAction x;
        x.action = action;
        x.note = std::move(note);
        check(svc.Act(who, id, x), std::string(tk::ActionLabel(action)) + " #" + std::to_string(id));
    };
    int created = 0;
    // Registers and assigns an item on `day` and schedules its life by `plan`.
    auto item = [&](const app::Actor& office, tk::Source source, Id source_id, Id handler_unit, CivilDate day,
                    Plan plan, int title_idx, int days = 0) -> Id {
        const int cap = room(day);
        app::NewTicket in;
        in.source = source;
        in.source_id = source_id;
        in.title = kTitles[title_idx % std::size(kTitles)];
        in.category = kCategories[title_idx % std::size(kCategories)];
        in.priority = title_idx % 7 == 0 ? tk::Priority::kHigh : tk::Priority::kNormal;
        in.subject_unit_id = handler_unit;
        in.detail = "由" + std::string(tk::SourceLabel(source)) + "提出";
        const int allowed = days > 0 ? days : *tk::AllowedDays(in.category, in.priority);
        if (cap < 2) return Id{0};
        app::AssignInput as;
        as.unit_id = handler_unit;
        as.leader = office.username == "town" ? "临湖镇党委副书记" : "分管领导";
        as.leader_user_id = office.user_id;
        as.days = std::min(allowed, cap);
        const Id id = check(svc.CreateAssigned(office, in, as), "交办 " + in.title).ticket.id;
        ++created;
        const auto& handler = a.handlers.at(handler_unit);
        const int n = as.days;
        auto callback = [&, id](bool happy, const std::string& note) {
            act(office, id, happy ? tk::Action::kSatisfied : tk::Action::kDissatisfied, note);
        };
        switch (plan) {
            case Plan::kOnTime: {
                const int report = std::max(2, n - 1 - pick(std::max(1, n / 2)));
                at(after(day, 1), [&, id] { act(handler, id, tk::Action::kSign); });
                at(after(day, std::max(1, report / 2)), [&, id] { act(handler, id, tk::Action::kNote, kNotes[id % 4]); });
                at(after(day, report), [&, id] { act(handler, id, tk::Action::kReport, "已办结，群众认可"); });
                at(after(day, report + 1), [&, id] { act(office, id, tk::Action::kAccept); });
                at(after(day, report + 2), [&, id, callback] { callback(true, ""); });
                break;
            }
            case Plan::kLate: {
                const int report = n + 2 + pick(3);
                at(after(day, 3), [&, id] { act(handler, id, tk::Action::kSign); });
                at(after(day, report), [&, id] { act(handler, id, tk::Action::kReport, "已办结，超期说明已报送"); });
                at(after(day, report + 1), [&, id] { act(office, id, tk::Action::kAccept); });
                at(after(day, report + 3), [&, id, callback] { callback(true, ""); });
                break;
            }
            case Plan::kSentBack: {
                const int report = std::max(2, n - 3);
                at(after(day, 1), [&, id] { act(handler, id, tk::Action::kSign); });
                at(after(day, report), [&, id] { act(handler, id, tk::Action::kReport, "已处理"); });
                at(after(day, report + 1), [&, id] { act(office, id, tk::Action::kSendBack, "整改不彻底，请补充佐证材料"); });
                at(after(day, report + 3), [&, id] { act(handler, id, tk::Action::kReport, "已补充现场照片和验收单"); });
                at(after(day, report + 4), [&, id] { act(office, id, tk::Action::kAccept); });
                at(after(day, report + 5), [&, id, callback] { callback(true, ""); });
                break;
            }
            case Plan::kReopened: {
                const int report = std::max(2, n - 2);
                at(after(day, 1), [&, id] { act(handler, id, tk::Action::kSign); });
                at(after(day, report), [&, id] { act(handler, id, tk::Action::kReport, "已办结"); });
                at(after(day, report + 1), [&, id] { act(office, id, tk::Action::kAccept); });
                at(after(day, report + 2), [&, id, callback] { callback(false, "问题反弹，群众不满意"); });
                at(after(day, report + 6), [&, id] { act(handler, id, tk::Action::kReport, "已彻底整改"); });
                at(after(day, report + 7), [&, id] { act(office, id, tk::Action::kAccept); });
                at(after(day, report + 8), [&, id, callback] { callback(true, ""); });
                break;
            }
            case Plan::kStalled:
                at(after(day, 1), [&, id] { act(handler, id, tk::Action::kSign); });
                break;
            case Plan::kActive:
                at(after(day, 1), [&, id] { act(handler, id, tk::Action::kSign); });
                for (int k = 2; k < n + 40; k += 3)
                    at(after(day, k), [&, id] { act(handler, id, tk::Action::kNote, kNotes[id % 4]); });
                break;
        }
        return id;
    };

    // The year's meetings: monthly 工作例会 in 临湖镇 (the demo town) and 杨舍镇, quarterly 书记讲给书记听
    // and two each of 研讨交流 and 点调会 in 张家港市.
    struct MeetingPlan {
        CivilDate day;
        tk::MeetingKind kind;
        const app::Actor* office;
        std::string unit, title;
        std::vector<std::string> handlers;
        int items;
    };
    std::vector<MeetingPlan> meetings;
    const CivilDate start = core::AddMonths(today, -12);
    auto workday_on_or_after = [&](CivilDate d) { return *cal.IsWorkday(d) ? d : after(d, 1); };
    const std::vector<std::string> linhu_units = {"灵湖村", "采莲村", "前塘村", "临湖镇"};
    const std::vector<std::string> yangshe_units = {"善港村", "福前村", "杨舍镇"};
    const std::vector<std::string> city_units = {"善港村", "福前村", "花园村", "永联村", "新塍村", "新凯村", "张家港高新区"};
    for (int month = 0; month < 12; ++month) {
        const CivilDate base = core::AddMonths(start, month);
        auto label = [&](CivilDate d) { return std::to_string(d.year) + "年" + std::to_string(d.month) + "月"; };
        const auto d1 = workday_on_or_after(CivilDate{base.year, base.month, std::min(base.day, 20)});
        meetings.push_back({d1, tk::MeetingKind::kWorkMeeting, &a.linhu, "临湖镇", "临湖镇" + label(d1) + "工作例会",
                            linhu_units, 10});
        const auto d2 = after(d1, 2);
        meetings.push_back({d2, tk::MeetingKind::kWorkMeeting, &a.yangshe, "杨舍镇", "杨舍镇" + label(d2) + "工作例会",
                            yangshe_units, 10});
        if (month % 3 == 1) {
            const auto d3 = after(d1, 5);
            meetings.push_back({d3, tk::MeetingKind::kSecretaryTalk, &a.city, "张家港市",
                                "张家港市第" + std::to_string(month / 3 + 1) + "场书记讲给书记听", city_units, 20});
        }
        if (month == 2 || month == 8)
            meetings.push_back({after(d1, 8), tk::MeetingKind::kSeminar, &a.city, "张家港市",
                                "村书记研讨交流会（" + label(d1) + "）", city_units, 8});
        if (month == 5 || month == 10)
            meetings.push_back({after(d1, 9), tk::MeetingKind::kDispatch, &a.city, "张家港市",
                                "重点工作点调会（" + label(d1) + "）", city_units, 10});
    }
    for (const auto& m : meetings) {
        at(m.day, [&, m] {
            tk::Meeting rec;
            rec.kind = m.kind;
            rec.title = m.title;
            rec.held_on = core::FormatIsoDate(m.day);
            rec.unit_id = unit.at(m.unit);
            rec.leaders = {m.unit == "张家港市" ? "市委书记" : m.unit + "党委书记", "组织委员"};
            for (const auto& h : m.handlers) rec.participants.push_back(h + "书记");
            rec.minutes = "会议听取各村书记发言，梳理痛点、难点、堵点问题，形成交办清单。";
            const Id meeting_id = check(svc.CreateMeeting(*m.office, rec), "会议").meeting.id;
            const int age = static_cast<int>(*cal.CountWorkdays(m.day, std::max(m.day, today)));
            for (int idx = 0; idx < m.items; ++idx) {
                const Id handler = unit.at(m.handlers[static_cast<std::size_t>(idx) % m.handlers.size()]);
                const int roll = pick(100);
                Plan plan = roll < 72 ? Plan::kOnTime
                            : roll < 84 ? Plan::kLate
                            : roll < 91 ? Plan::kSentBack
                            : roll < 96 ? Plan::kReopened
                                        : (age < 60 ? Plan::kStalled : Plan::kOnTime);
                if (age < 25 && roll % 3 == 0) plan = Plan::kActive;
                item(*m.office, tk::Source::kMeeting, meeting_id, handler, m.day, plan, pick(1000));
            }
        });
    }

    // Hand-made recent items so that every colour is open today (`ago` working days before today:
    // 8 of 10 passed is yellow, 10 of 10 with a note is blue, 12 is red, on any weekday), for the secretary (灵湖村) and
    // others; and three reds for 花园村 this quarter (a talk).
    struct Recent {
        const char* unit;
        int ago;   // working days before today
        int days;  // allowed
        Plan plan;
        bool note_recently;
    };
    const Recent recents[] = {
        {"灵湖村", 12, 10, Plan::kStalled, false}, {"灵湖村", 8, 10, Plan::kStalled, false},
        {"灵湖村", 10, 10, Plan::kStalled, true},  {"灵湖村", 2, 10, Plan::kActive, false},
        {"花园村", 14, 5, Plan::kStalled, false},  {"花园村", 13, 5, Plan::kStalled, false},
        {"花园村", 12, 5, Plan::kStalled, false},  {"善港村", 8, 10, Plan::kStalled, false},
        {"永联村", 10, 10, Plan::kStalled, true},   {"临湖镇", 3, 10, Plan::kActive, false},
    };
    for (std::size_t idx = 0; idx < std::size(recents); ++idx) {
        const auto& r = recents[idx];
        const auto day = before(today, r.ago);
        const std::string u = r.unit;
        const app::Actor& office = u == "永联村" ? a.nanfeng
                                   : u == "花园村" ? a.gaoxin
                                   : u == "善港村" ? a.yangshe
                                                   : a.linhu;
        at(day, [&, r, day, idx, &office = office] {
            const Id id = item(office, tk::Source::kMinqing, 0, unit.at(r.unit), day, r.plan,
                               static_cast<int>(idx) * 3 + 1, r.days);
            // A note yesterday: one working day left shows blue rather than yellow.
            if (r.note_recently && id != 0)
                at(before(today, 1), [&, id, r] {
                    act(a.handlers.at(unit.at(r.unit)), id, tk::Action::kNote, "已落实施工队，明天完工");
                });
        });
    }

    // 姜堰区: one 工作例会 with items for its streets (the county account's work).
    const auto jy_day = before(today, 15);
    at(jy_day, [&] {
        tk::Meeting rec;
        rec.kind = tk::MeetingKind::kWorkMeeting;
        rec.title = "姜堰区组织工作例会";
        rec.held_on = core::FormatIsoDate(jy_day);
        rec.unit_id = unit.at("姜堰区");
        rec.leaders = {"区委组织部部长"};
        rec.participants = {"三里村书记", "桥头村书记", "官庄村书记"};
        const Id mid = check(svc.CreateMeeting(a.jiangyan, rec), "会议").meeting.id;
        const char* units[] = {"三里村", "桥头村", "官庄村", "罗塘街道", "三里村", "桥头村"};
        const Plan plans[] = {Plan::kOnTime, Plan::kOnTime, Plan::kSentBack, Plan::kStalled, Plan::kActive, Plan::kOnTime};
        for (int idx = 0; idx < 6; ++idx)
            item(a.jiangyan, tk::Source::kMeeting, mid, unit.at(units[idx]), jy_day, plans[idx], 20 + idx, 8);
    });

    // Liyang: 民情 raised by the member at 塘马村 on 小椅子 visits, and a 百姓议事堂 record.
    const char* minqing[] = {"村里健身器材损坏", "小椅子走访：村道积水", "公交车司机民情记录本：候车亭破损",
                             "小椅子走访：独居老人用餐"};
    for (int idx = 0; idx < 4; ++idx) {
        const auto day = before(today, 40 - idx * 11);
        at(day, [&, idx, day] {
            app::NewTicket in;
            in.title = minqing[idx];
            in.category = "livelihood";
            in.subject_unit_id = unit.at("塘马村");
            in.location = "塘马村";
            in.raiser_name = "塘马村党员";
            const Id id = check(svc.Create(a.member, in), "民情").ticket.id;
            ++created;
            app::TicketAction assign;
            assign.action = tk::Action::kAssign;
            assign.assign.unit_id = unit.at("塘马村");
            assign.assign.leader = "戴埠镇党委副书记";
            assign.assign.days = 10;
            check(svc.Act(a.admin, id, assign), "交办民情");
            const auto& handler = a.handlers.at(unit.at("塘马村"));
            at(after(day, 1), [&, id] { act(handler, id, tk::Action::kSign); });
            if (idx == 3) return;  // still being worked
            at(after(day, 4), [&, id] { act(handler, id, tk::Action::kReport, "已处理到位"); });
            at(after(day, 5), [&, id] { act(a.admin, id, tk::Action::kAccept); });
            if (idx == 2) return;  // waiting for the member's call-back
            at(after(day, 6), [&, id] { act(a.member, id, tk::Action::kSatisfied); });
        });
    }
    const auto yst_day = before(today, 20);
    at(yst_day, [&] {
        tk::Deliberation d;
        d.unit_id = unit.at("塘马村");
        d.topic = "村内停车位规划";
        d.held_on = core::FormatIsoDate(yst_day);
        d.participants = {"村党组织书记", "村民代表", "老党员", "乡贤"};
        d.decision = "在村委会东侧空地划设停车位 40 个，由村集体出资，一个月内完成。";
        const auto& sec = a.handlers.at(unit.at("塘马村"));
        const Id rid = check(svc.CreateDeliberation(sec, d), "议事堂").record.id;
        app::NewTicket in;
        in.source = tk::Source::kYishitang;
        in.source_id = rid;
        in.title = "村委会东侧停车位划设";
        in.category = "infrastructure";
        in.subject_unit_id = unit.at("塘马村");
        check(svc.Create(sec, in), "议事堂事项");
        ++created;
    });

    // Walk the year.
    for (auto it = steps.begin(); it != steps.end(); it = steps.begin()) {
        const auto day = it->first;
        demo_clock.day = core::CivilFromDays(day);
        auto f = std::move(it->second);
        steps.erase(it);
        f();  // may schedule more steps (a meeting's items)
    }
    demo_clock.day = today;
    check(svc.Recolour(core::FormatIsoDate(today)), "督办颜色");
    return created;
}

}  // namespace lingyan::demo
