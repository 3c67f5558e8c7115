#include "demo/keqiao_demo.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/projects/project_service.hpp"
#include "app/tickets/ticket_service.hpp"
#include "core/calendar/china_calendar.hpp"
#include "demo/arena_demo.hpp"
#include "demo/demo_support.hpp"

namespace lingyan::demo {

using namespace app;

namespace {

namespace tk = core::tickets;
namespace pj = core::projects;
using core::CivilDate;

constexpr const char* kKeqiaoMeeting = "柯桥区领雁擂台赛问题交办会";
// The contest's villages (arena_demo) whose secretaries were last year's 区级金牌书记, best first.
constexpr const char* kLastYearGold[] = {"梅墅村", "合心村", "冢斜村"};

// What the steps below share: the units by name, the demo clock and the calendar.
struct Ctx {
    const KeqiaoDemoServices& s;
    std::map<std::string, Id> unit;
    const core::calendar::WorkCalendar& cal = core::calendar::ShippedChinaCalendar();
    CivilDate today;
    int year = 0;
    DemoClock demo_clock;
    Actor admin{0, "admin", core::auth::Role::kAdmin, 0};
    Actor keqiao;

    explicit Ctx(const KeqiaoDemoServices& services)
        : s(services),
          today(*core::ParseIsoDate(services.clock.Today())),
          year(today.year),
          demo_clock(services.clock) {
        demo_clock.day = today;
        s.roster.WithIndex([&](const core::roster::RosterIndex& index) {
            for (const auto& u : index.tree().units()) unit.emplace(u.name, u.id);
        });
        keqiao = DemoUser(s.store, s.store_mutex, kDemoArenaHost);
    }
    Id U(const std::string& name) const {
        auto it = unit.find(name);
        if (it == unit.end()) throw std::runtime_error("演示数据中没有 " + name);
        return it->second;
    }
    // The first current holder of `title` in `unit`, or 0.
    Id Holder(Id u, const std::string& title) const {
        Id person = 0;
        s.roster.WithIndex([&](const core::roster::RosterIndex& index) {
            for (const auto* pos : index.TeamOf(u))
                if (pos->title == title && person == 0) person = pos->person_id;
        });
        return person;
    }
    CivilDate WorkdaysAgo(int n) const { return WorkdaysBefore(cal, today, n); }
    CivilDate After(CivilDate d, int n) const {
        auto day = cal.AddWorkdays(d, n);
        return day && *day <= today ? *day : today;
    }
    std::string Iso(CivilDate d) const { return core::FormatIsoDate(d); }
    // `month`-`day` of this year, or today when that has not come yet.
    std::string ThisYear(int month, int day) const { return std::min(Iso(CivilDate{year, month, day}), Iso(today)); }
    // A synthetic actor `name` with `role` over the unit `u` (a town's office, a village's secretary).
    Actor Office(const std::string& name, core::auth::Role role, const std::string& u) const {
        return Actor{0, name, role, U(u)};
    }
};

// 1. Last year's 区级金牌书记 (the best three of last year's 领雁擂台赛, entered by hand with the
// 区委组织部's document) and 柯桥区's personnel decisions on them and on the 领雁书记 pool.
int SeedKeqiaoHonoursAndDecisions(Ctx& c) {
    int made = 0;
    const std::string doc = "柯组〔" + std::to_string(c.year - 1) + "〕";
    std::vector<std::pair<Id, Id>> gold;  // person, honour
    int n = 0;
    for (const char* village : kLastYearGold) {
        const Id person = c.Holder(c.U(village), "书记");
        if (person == 0) continue;
        core::honours::Honour h;
        h.person_id = person;
        h.title = "金牌书记";
        h.level = core::honours::Level::kCounty;
        h.year = c.year - 1;
        h.document_no = doc + std::to_string(31 + n++) + "号";
        gold.emplace_back(person, Must(c.s.honours.Add(c.keqiao, h), "金牌书记").honour.id);
        ++made;
    }
    // 合心村's secretary is also a 绍兴市 优秀村党组织书记 (invented, like the document).
    if (const Id hexin = c.Holder(c.U("合心村"), "书记")) {
        core::honours::Honour h;
        h.person_id = hexin;
        h.title = "优秀村党组织书记";
        h.level = core::honours::Level::kCity;
        h.year = c.year - 1;
        h.document_no = "绍组〔" + std::to_string(c.year - 1) + "〕58号";
        Must(c.s.honours.Add(c.keqiao, h), "优秀村党组织书记");
        ++made;
    }

    auto decide = [&](Id person, core::personnel::Kind kind, core::personnel::Ground ground, Id ground_id,
                      const std::string& content, const std::string& date,
                      std::optional<core::personnel::PositionSpec> position = std::nullopt) {
        const core::personnel::Decision d{
            .person_id = person,
            .kind = kind,
            .ground = ground,
            .ground_id = ground_id,
            .content = content,
            .document_no = "柯组〔" + std::to_string(c.year) + "〕" + std::to_string(12 + made) + "号",
            .decided_on = date};
        Must(c.s.decisions.Decide(c.keqiao, DecisionInput{d, std::move(position)}), content);
        ++made;
    };
    for (std::size_t i = 0; i < gold.size(); ++i)
        decide(gold[i].first, core::personnel::Kind::kReward, core::personnel::Ground::kHonour, gold[i].second,
               i == 0 ? "领雁擂台赛获评区级金牌书记，通报表扬，给予村级组织工作经费奖励并优先推荐参加市级评优"
                      : "领雁擂台赛获评区级金牌书记，通报表扬，记嘉奖一次",
               c.ThisYear(2, 20 + static_cast<int>(i)));
    // The pool's selected 书记 heads a 书记工作室 in the village (seed 003 counts 党支部书记工作室 as
    // a way to pass on experience; 柯桥's is invented).
    if (const Id pool = c.s.pools.FindPoolByName("柯桥区领雁书记")) {
        for (const auto& m : Must(c.s.pools.GetPool(c.admin, pool), "柯桥区领雁书记").members) {
            if (m.membership.state != core::training::MemberState::kSelected) continue;
            Id unit = 0;
            c.s.roster.WithIndex([&](const core::roster::RosterIndex& index) {
                if (const auto* p = index.FindPerson(m.membership.person_id)) unit = p->unit_id;
            });
            decide(m.membership.person_id, core::personnel::Kind::kAppointment, core::personnel::Ground::kPool, pool,
                   "领雁书记人才库入选，领衔设立领雁书记工作室，结对带教擂台赛后进村书记", c.Iso(c.today),
                   core::personnel::PositionSpec{unit, "领雁书记工作室领衔人"});
            break;
        }
    }

    // 躺平奖 by nomination: 平水镇's secretary names a cadre of his own town (confirmed by the county),
    // 柯桥街道's another (waiting for the county's review).
    const Actor pingshui = c.Office("平水镇党委", core::auth::Role::kTown, "平水镇");
    if (const Id slow = c.Holder(c.U("平水镇"), "副镇长")) {
        auto nom = Must(c.s.nominations.Nominate(
                            pingshui, {slow, 0, core::personnel::Category::kSlow,
                                       "分管的竹林道路硬化工程两次督办仍未按期开工", "镇党委会议纪要、督办单两份"}),
                        "提名");
        Must(c.s.nominations.Review(c.keqiao, nom.nomination.id, true, "经区委组织部核实，督办记录属实"), "审核");
        ++made;
    }
    const Actor keqiao_street = c.Office("柯桥街道党工委", core::auth::Role::kTown, "柯桥街道");
    if (const Id inaction = c.Holder(c.U("柯桥街道"), "副镇长")) {
        Must(c.s.nominations.Nominate(keqiao_street,
                                      {inaction, 0, core::personnel::Category::kInaction,
                                       "大渡社区居民反映的地下车库积水问题一个多月未回应", "12345 工单记录三份"}),
             "提名");
        ++made;
    }
    return made;
}

// 2. 星级制 points of 柯桥's members (大渡社区, 合心村): a few approved events each this year and one
// waiting for approval for every other member, submitted by the 区委组织部 on the branches' behalf.
int SeedKeqiaoPoints(Ctx& c) {
    int made = 0;
    const auto members = Must(c.s.points.Members(c.keqiao, c.U("柯桥区"), "", 200), "柯桥党员");
    const char* rules[] = {"XX01", "XX02", "ZY01", "HJ01", "XX03"};
    const char* notes[] = {"参加社区党委“三会一课”", "主题党日：重温入党誓词", "志愿服务：大渡社区文明劝导",
                           "人居环境整治：村道保洁", "区委党校集中学习"};
    const CivilDate first{c.year, 1, 1};
    auto day_back = [&](int days) {
        const auto d = core::CivilFromDays(core::DaysFromCivil(c.today) - days);
        return c.Iso(std::max(d, first));
    };
    for (std::size_t i = 0; i < members.size(); ++i) {
        const auto& m = members[i];
        const int approved = 3 + static_cast<int>(i % 3);
        for (int k = 0; k < approved; ++k) {
            const std::size_t r = (i + static_cast<std::size_t>(k)) % std::size(rules);
            const auto ev =
                Must(c.s.points.Submit(c.keqiao, {m.id, rules[r], day_back(9 + 23 * k + static_cast<int>(i)),
                                                  core::points::kOnePoint, notes[r]}),
                     "积分申报");
            Must(c.s.points.Approve(c.keqiao, ev.record.id), "积分审核");
            ++made;
        }
        if (i % 2 == 0) {
            const std::size_t r = (i + 1) % std::size(rules);
            Must(c.s.points.Submit(c.keqiao, {m.id, rules[r], day_back(1 + static_cast<int>(i % 4)),
                                              core::points::kOnePoint, notes[r]}),
                 "积分申报");
            ++made;
        }
    }
    return made;
}

// 3. Tickets: the 区委组织部's 擂台赛问题交办会 (the contest's villages' weak points assigned to them;
// invented, the minutes say so), walked day by day to today; a 民情 item of 合心村 waiting to be
// assigned; a 百姓议事堂 record of 合心村; and 戴埠镇's 南山民宿党建联盟 work meeting (seed 003) with
// items for 塘马村 (the `tangma` account handles them) and 洑家村.
int SeedKeqiaoTickets(Ctx& c) {
    TicketService svc(c.s.store, c.s.tickets, c.s.store_mutex, c.demo_clock, c.s.roster, c.cal);
    int made = 0;
    auto act = [&](const Actor& who, Id id, tk::Action action, const std::string& note = {}) {
        TicketAction x;
        x.action = action;
        x.note = note;
        Must(svc.Act(who, id, x), std::string(tk::ActionLabel(action)) + " #" + std::to_string(id));
    };
    auto on = [&](CivilDate d) { c.demo_clock.day = std::min(d, c.today); };
    auto handler_of = [&](const std::string& u) -> Actor {
        if (u == "塘马村") return DemoUser(c.s.store, c.s.store_mutex, "tangma");
        return c.Office(u + "书记", core::auth::Role::kSecretary, u);
    };
    // How an item runs from its meeting: closed on time, reported and waiting for the office, signed
    // and worked on, or signed and stalled.
    enum class Run { kClosed, kReported, kWorking, kStalled };
    struct Item {
        const char* unit;
        const char* title;
        const char* category;
        int days;
        Run run;
    };
    auto meeting = [&](const Actor& office, CivilDate day, tk::MeetingKind kind, const std::string& title,
                       const std::string& u, std::vector<std::string> leaders, const std::string& minutes,
                       const std::vector<Item>& items) {
        on(day);
        tk::Meeting rec;
        rec.kind = kind;
        rec.title = title;
        rec.held_on = c.Iso(day);
        rec.unit_id = c.U(u);
        rec.leaders = std::move(leaders);
        for (const auto& it : items)
            if (std::find(rec.participants.begin(), rec.participants.end(), std::string(it.unit) + "书记") ==
                rec.participants.end())
                rec.participants.push_back(std::string(it.unit) + "书记");
        rec.minutes = minutes;
        const Id meeting_id = Must(svc.CreateMeeting(office, rec), title).meeting.id;
        std::vector<std::pair<Id, const Item*>> ids;
        for (const auto& it : items) {
            NewTicket in;
            in.source = tk::Source::kMeeting;
            in.source_id = meeting_id;
            in.title = it.title;
            in.category = it.category;
            in.subject_unit_id = c.U(it.unit);
            in.detail = "由" + title + "交办";
            AssignInput as;
            as.unit_id = c.U(it.unit);
            as.leader = "分管领导";
            as.leader_user_id = office.user_id;
            as.days = it.days;
            ids.emplace_back(Must(svc.CreateAssigned(office, in, as), it.title).ticket.id, &it);
            ++made;
        }
        // Day by day: every step of day k before any of day k+1.
        for (int k = 1; k <= 12; ++k) {
            const CivilDate d = c.After(day, k);
            if (d >= c.today && k > 1) break;
            on(d);
            for (const auto& [id, it] : ids) {
                const Actor h = handler_of(it->unit);
                if (k == 1) act(h, id, tk::Action::kSign);
                if (k == 3 && it->run != Run::kStalled) act(h, id, tk::Action::kNote, "已现场查看，制定整改方案");
                if (k == 6 && (it->run == Run::kClosed || it->run == Run::kReported))
                    act(h, id, tk::Action::kReport, "已办结，群众认可");
                if (k == 7 && it->run == Run::kClosed) act(office, id, tk::Action::kAccept);
                if (k == 8 && it->run == Run::kClosed) act(office, id, tk::Action::kSatisfied);
                if (k == 9 && it->run == Run::kWorking) act(h, id, tk::Action::kNote, "已完成约六成，正在推进");
            }
        }
    };

    meeting(c.keqiao, c.WorkdaysAgo(14), tk::MeetingKind::kDispatch, kKeqiaoMeeting, "柯桥区",
            {"区委组织部部长", "组织科科长"},
            "复盘领雁擂台赛现场答辩和实地察看中暴露的问题，逐村形成交办清单，限期整改、擂台赛后晾晒。"
            "（会议与交办事项为演示虚构，报道未写）",
            {{"合心村", "竹林游步道及游客服务点提升", "industry", 10, Run::kClosed},
             {"大渡社区", "大型社区停车难问题", "livelihood", 10, Run::kReported},
             {"梅墅村", "村级集体经济增收方案", "industry", 15, Run::kWorking},
             {"棠棣村", "花木产业电商销售平台", "industry", 10, Run::kStalled},
             {"冢斜村", "古村落民居修缮", "infrastructure", 10, Run::kClosed},
             {"同康村", "村庄环境长效管护", "environment", 10, Run::kReported},
             {"蜀阜村", "网格员配备不足", "governance", 10, Run::kWorking}});
    meeting(c.Office("戴埠镇党委", core::auth::Role::kTown, "戴埠镇"), c.WorkdaysAgo(11), tk::MeetingKind::kWorkMeeting,
            "戴埠镇南山民宿党建联盟工作例会", "戴埠镇", {"戴埠镇党委书记", "组织委员"},
            "戴埠镇成立“南山民宿党建联盟”（报道所述），例会梳理联盟村民宿经营和红色资源利用的问题并交办。"
            "（例会及交办事项为演示虚构）",
            {{"塘马村", "塘马战斗遗址实境课堂讲解员培训", "governance", 10, Run::kClosed},
             {"塘马村", "南山民宿联盟客源共享", "industry", 15, Run::kWorking},
             {"洑家村", "温泉水产养殖尾水治理", "environment", 10, Run::kReported}});

    // 合心村: a 百姓议事堂 record with its item, and a 民情 raised by its secretary for the 区委组织部 to assign.
    const Actor hexin = handler_of("合心村");
    const Id hexin_unit = c.U("合心村");
    on(c.WorkdaysAgo(20));
    tk::Deliberation d;
    d.unit_id = hexin_unit;
    d.topic = "竹林资源集中流转发展民宿";
    d.held_on = c.Iso(c.WorkdaysAgo(20));
    d.participants = {"村党组织书记", "村民代表", "竹农代表", "民宿业主"};
    d.decision = "村集体牵头成立竹林合作社，农户自愿流转，收益按股分红；先行试点 3 户民宿。（议事记录为演示虚构）";
    const Id rid = Must(svc.CreateDeliberation(hexin, d), "议事堂").record.id;
    Must(svc.Create(hexin, NewTicket{.source = tk::Source::kYishitang,
                                     .source_id = rid,
                                     .title = "竹林合作社章程起草",
                                     .category = "industry",
                                     .subject_unit_id = hexin_unit}),
         "议事堂事项");
    on(c.WorkdaysAgo(2));
    Must(svc.Create(hexin, NewTicket{.title = "竹林民宿旺季游客车辆停放",
                                     .category = "livelihood",
                                     .location = "合心村村口",
                                     .raiser_name = "合心村村民",
                                     .subject_unit_id = hexin_unit}),
         "合心村民情");
    made += 2;
    on(c.today);
    Must(svc.Recolour(c.Iso(c.today)), "督办颜色");
    return made;
}

// 4. Projects: 合心村's 书记项目 on bamboo and tourism, on track, and 大渡社区's on grid governance, slipping.
int SeedKeqiaoProjects(Ctx& c) {
    ProjectService svc(c.s.store, c.s.projects, c.s.tickets, c.s.store_mutex, c.demo_clock, c.s.roster, c.cal);
    int made = 0;
    auto on = [&](CivilDate d) { c.demo_clock.day = std::min(d, c.today); };
    auto milestones_of = [&](Id id) {
        std::lock_guard lock(c.s.store_mutex);
        std::vector<Id> out;
        for (const auto& m : c.s.projects.ListMilestones(id)) out.push_back(m.id);
        return out;
    };
    struct Plan {
        const char* unit;
        const char* title;
        const char* detail;
        const char* responsibility;
        std::vector<ReportInput> reports;  // every 14 working days; each done one marks the next milestone
    };
    const Plan plans[] = {
        {"合心村",
         "竹林经济与农文旅融合",
         "合心村（平水镇）靠竹林和乡村旅游发展集体经济：整合竹林资源，建设竹林游步道和竹工艺体验点，带动民宿和农家乐。"
         "（项目节点和数字为演示虚构）",
         "村书记领办，村委委员分片负责竹林流转和民宿联络",
         {{"竹林资源摸底完成，流转意向签约", {{"签约农户", 86, "户"}, {"竹林面积", 1200, "亩"}}, 0, true},
          {"竹林游步道一期完工，竹工艺体验点开放", {{"完成投资", 165, "万元"}, {"接待游客", 3200, "人次"}}, 0, true},
          {"民宿试点三户开业，准备总结", {{"民宿床位", 36, "张"}}, 0, false}}},
        {"大渡社区",
         "大社区网格精细治理",
         "大渡社区常住人口超过 2.5 万，划细网格、党员中心户联系楼道，问题在网格内发现、在社区内解决。"
         "（项目节点和数字为演示虚构）",
         "社区书记牵头，网格长和楼道党员分片负责",
         {{"网格重新划分完成", {{"网格", 42, "个"}, {"楼道党员", 310, "名"}}, 0, true}}},
    };
    for (const auto& p : plans) {
        const CivilDate start = c.WorkdaysAgo(40);
        on(start);
        NewProject in;
        in.kind = pj::Kind::kSecretary;
        in.title = p.title;
        in.detail = p.detail;
        in.responsibility = p.responsibility;
        in.unit_id = c.U(p.unit);
        in.owner_person_id = c.Holder(in.unit_id, "书记");
        // The last milestone ends inside the shipped calendar (its last year may end soon after today).
        const int room = static_cast<int>(*c.cal.CountWorkdays(start, CivilDate{c.cal.covered_years()->last, 12, 31}));
        in.milestones = {{"调研摸底与方案报审", "", 12},
                         {"项目实施过半", "", 20},
                         {"完成建设并总结", "", std::clamp(room - 32, 1, 30)}};
        const Id id = Must(svc.Create(c.keqiao, in), p.title).project.id;
        ++made;
        const auto ms = milestones_of(id);
        const Actor owner = c.Office(std::string(p.unit) + "书记", core::auth::Role::kSecretary, p.unit);
        std::size_t done = 0;  // milestones marked done so far
        for (std::size_t k = 0; k < p.reports.size(); ++k) {
            on(c.After(start, 10 + 14 * static_cast<int>(k)));
            ReportInput r = p.reports[k];
            r.milestone_id = r.milestone_done && done < ms.size() ? ms[done++] : 0;
            Must(svc.Report(owner, id, r), p.title);
        }
    }
    on(c.today);
    return made;
}

// 5. Training: the contest's secretaries shadow 合心村 and 大渡社区 (one batch, ended a month ago,
// summaries in, most assessed) — invented, the description says so — and 四岗十五级 grades for
// 柯桥's village and community teams, set on 1 January of last year.
int SeedKeqiaoTraining(Ctx& c) {
    int made = 0;
    std::vector<Id> trainees;
    for (const char* v : {"梅墅村", "蜀阜村", "香林村", "大和村", "江墅村", "棠棣村", "同康村", "冢斜村"})
        if (const Id p = c.Holder(c.U(v), "书记")) trainees.push_back(p);
    auto day = [&](int days_ago) { return c.Iso(core::CivilFromDays(core::DaysFromCivil(c.today) - days_ago)); };
    NewProgram spec;
    spec.name = "柯桥区领雁擂台赛村社书记跟岗学习";
    spec.scope_unit_id = c.U("柯桥区");
    spec.start_date = day(70);
    spec.end_date = day(25);
    spec.description =
        "擂台赛选手到合心村（竹产业与乡村旅游）和大渡社区（大社区治理）跟岗两周，由两地书记带教。"
        "跟岗安排、批次和人员为演示虚构，报道未写。";
    spec.hosts = {NewHost{c.U("合心村"), 4, c.Holder(c.U("合心村"), "书记")},
                  NewHost{c.U("大渡社区"), 4, c.Holder(c.U("大渡社区"), "书记")}};
    spec.batches = {NewBatch{"第一批", day(60), day(46), trainees}};
    auto program = Must(c.s.programs.CreateProgram(c.keqiao, spec), spec.name);
    const Id program_id = program.summary.record.id;
    std::vector<NewPlacement> placements;
    for (std::size_t i = 0; i < trainees.size(); ++i) {
        NewPlacement p;
        p.person_id = trainees[i];
        p.batch_id = program.batches.front().record.id;
        p.host_unit_id = i % 2 == 0 ? c.U("合心村") : c.U("大渡社区");
        p.focus = {i % 2 == 0 ? "产业发展" : "基层治理"};
        placements.push_back(std::move(p));
    }
    // A 周例会 each week of the batch at a host, every trainee present but one in the second.
    const auto& batch = program.batches.front();
    const char* topics[] = {"合心村：竹林流转与民宿经营怎么带动农户", "大渡社区：大社区网格怎么划、楼道党员怎么联"};
    for (int week = 0; week < 2; ++week) {
        NewSeminar seminar;
        seminar.batch_id = batch.record.id;
        seminar.date = day(55 - 7 * week);
        seminar.topic = topics[week];
        seminar.location = week == 0 ? "合心村党群服务中心" : "大渡社区党群服务中心";
        for (std::size_t i = 0; i < trainees.size(); ++i)
            seminar.attendance.emplace_back(trainees[i], week == 0 || i != 3);
        Must(c.s.programs.AddSeminar(c.keqiao, program_id, seminar), "跟岗例会");
    }
    int idx = 0;
    for (const auto& p : Must(c.s.programs.AddPlacements(c.keqiao, program_id, placements), "跟岗安排")) {
        ++made;
        Must(c.s.programs.SubmitSummary(c.keqiao, program_id, p.row.id,
                                        "跟岗" + p.host_unit_name + "两周，学习其" + p.row.focus +
                                            "方面的做法，回村后对照擂台赛点评逐项整改。",
                                        p.row.end_date),
             "跟岗总结");
        if (idx++ < 6)
            Must(c.s.programs.Assess(c.keqiao, program_id, p.row.id, idx % 3 == 0 ? "优秀" : "称职",
                                     "跟岗期间全程在岗，主动参与项目推进。"),
                 "跟岗鉴定");
    }

    // 四岗十五级: the villages' and communities' teams, graded by post and years held (invented for 柯桥).
    const auto& posts = c.s.ladder.LadderConfig().posts;
    const std::string start = c.Iso(CivilDate{c.year - 1, 1, 1});
    std::vector<std::pair<Id, std::pair<std::string, int>>> grades;
    c.s.roster.WithIndex([&](const core::roster::RosterIndex& index) {
        for (Id u : index.tree().Subtree(c.U("柯桥区"))) {
            const auto* unit = index.tree().Find(u);
            if (unit->kind != core::roster::UnitKind::kVillage && unit->kind != core::roster::UnitKind::kCommunity)
                continue;
            for (const auto* pos : index.TeamOf(u)) {
                const std::size_t rank = pos->title == "书记"                             ? 0
                                         : pos->title == "副书记" || pos->title == "主任" ? 1
                                                                                          : 2;
                const auto since = core::ParseIsoDate(pos->start_date);
                const int held = since ? std::max(0, c.year - 1 - since->year) : 0;
                grades.push_back({pos->person_id,
                                  {posts[std::min(rank, posts.size() - 1)],
                                   std::min(c.s.ladder.LadderConfig().levels,
                                            1 + held / c.s.ladder.LadderConfig().years_per_step)}});
            }
        }
    });
    for (const auto& [person, g] : grades) {
        auto existing = c.s.ladder.PersonLadder(c.admin, person, "", "");
        if (!existing || !existing->history.empty()) continue;
        Must(c.s.ladder.ChangeLadder(c.keqiao, person,
                                     LadderChange{"set", g.first, g.second, start, "初定（演示虚构）", ""}),
             "四岗十五级");
        ++made;
    }
    return made;
}

// 6. 柯桥's towns' 开票销售 (亿元) and 外资到账 (万美元), the metrics 姜堰区's towns have: last year by month,
// this year's target and its months before the current one (in January, the year before and last
// year). The figures are invented; no article gives them.
int SeedKeqiaoMetrics(Ctx& c) {
    const int month = c.today.month;
    const int cycle = month > 1 ? c.year : c.year - 1, months = month > 1 ? month - 1 : 12;
    std::vector<MetricInput> rows;
    int town = 0;
    c.s.roster.WithIndex([&](const core::roster::RosterIndex& index) {
        for (Id u : index.tree().Children(c.U("柯桥区"))) {
            ++town;
            // Per town: a monthly size, this year's growth on last year, a seasonal swing by month.
            const double sales = 6.0 + (town * 29 % 17), fdi = 90.0 + (town * 41 % 130);
            const double growth = 0.95 + (town * 13 % 19) / 100.0;
            for (int m = 1; m <= 12; ++m) {
                const double season = m == 2 ? 0.8 : m == 12 ? 1.15 : 1.0 + ((town + m) % 5 - 2) / 100.0;
                for (const auto& [metric, size] : {std::pair{"开票销售", sales}, std::pair{"外资到账", fdi}}) {
                    const double value = std::round(size * season * 100.0) / 100.0;
                    rows.push_back({static_cast<int>(rows.size()) + 1, u, "", metric, cycle - 1, m, value});
                    if (m <= months)
                        rows.push_back({static_cast<int>(rows.size()) + 1, u, "", metric, cycle, m,
                                        std::round(value * growth * 100.0) / 100.0});
                    if (m == 1)
                        rows.push_back(
                            {static_cast<int>(rows.size()) + 1, u, "", metric, cycle, 0, std::round(size * 12 * 1.06)});
                }
            }
        }
    });
    const auto entered = Must(c.s.metrics.Enter(c.admin, rows, "演示数据（柯桥区，数字虚构）"), "柯桥区经济指标");
    if (!entered.errors.empty()) throw std::runtime_error("柯桥区经济指标: " + entered.errors.front().message);
    return static_cast<int>(rows.size());
}

// 7. 塘马村 (溧阳市, seed 003): last year's published 述职评议 of 溧阳市's village and community
// secretaries, manual scores (invented; the article names 提档升格, 党员星级制, 百姓议事堂 and the
// 五步工作法, which the criteria follow), its 优秀 registered as honours.
int SeedTangmaEvaluation(Ctx& c) {
    const std::string name = std::to_string(c.year - 1) + "年度溧阳市村（社区）党组织书记述职评议";
    if (c.s.campaigns.FindByName(name) != 0) return 0;
    static constexpr const char* kFramework = R"({
  "name": "村（社区）党组织书记述职评议",
  "tiebreak": ["party"],
  "awards": [{"name": "优秀村（社区）党组织书记", "quota": 2, "min_total": 80}],
  "criteria": [
    {"id": "party", "name": "抓党建（提档升格、党员星级制积分）", "weight": 40, "method": "manual", "max": 100},
    {"id": "governance", "name": "乡村治理（百姓议事堂、五步工作法）", "weight": 30, "method": "manual", "max": 100},
    {"id": "economy", "name": "集体经济与富民", "weight": 30, "method": "manual", "max": 100}
  ]
})";
    const char* units[] = {"塘马村", "庆丰村", "洑家村", "东门社区", "燕山社区"};
    NewCampaign spec;
    spec.name = name;
    spec.scope_unit_id = c.U("溧阳市");
    spec.framework_json = kFramework;
    spec.cycle_kind = "year";
    spec.cycle_label = std::to_string(c.year - 1);
    for (const char* u : units)
        if (const Id p = c.Holder(c.U(u), "书记")) spec.subjects.push_back(SubjectSpec{0, "", p, ""});
    const auto detail = Must(c.s.campaigns.Create(c.admin, spec), name);
    const Id id = detail.summary.campaign.id;
    std::vector<FactInput> facts;
    int n = 0;
    for (const auto& subject : detail.subjects) {
        const int base = 95 - 4 * n;  // in the order of `units`: 塘马村 first
        for (const char* criterion : {"party", "governance", "economy"})
            facts.push_back({static_cast<int>(facts.size()) + 1, subject.record.id, criterion, "value",
                             std::to_string(base - (criterion[0] == 'e' ? 3 : 0) + (criterion[0] == 'g' ? 2 : 0)), ""});
        ++n;
    }
    Must(c.s.campaigns.EnterFacts(c.admin, id, facts, "演示数据"), name);
    Must(c.s.campaigns.Publish(c.admin, id), name);
    return Must(c.s.honours.FromCampaign(c.admin, id, "优秀村（社区）党组织书记", "", core::honours::Level::kCounty,
                                         c.year - 1),
                name);
}

}  // namespace

int LoadDemoKeqiao(const KeqiaoDemoServices& s) {
    {
        std::lock_guard lock(s.store_mutex);
        for (const auto& m : s.tickets.ListMeetings())
            if (m.title == kKeqiaoMeeting) return 0;
    }
    Ctx c(s);
    int made = 0;
    made += SeedKeqiaoHonoursAndDecisions(c);
    made += SeedKeqiaoPoints(c);
    made += SeedKeqiaoProjects(c);
    made += SeedKeqiaoTraining(c);
    made += SeedKeqiaoMetrics(c);
    made += SeedTangmaEvaluation(c);
    made += SeedKeqiaoTickets(c);  // last: its meeting marks the whole as loaded
    return made;
}

}  // namespace lingyan::demo
