#include "demo/projects_demo.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "core/calendar/china_calendar.hpp"
#include "demo/demo_support.hpp"

namespace lingyan::demo {

namespace {

namespace pj = core::projects;
using core::CivilDate;
using core::roster::Id;
using core::roster::UnitKind;

// 书记项目 titles after the 2021 姜堰区 ranking (seed 002), one per town in order.
const char* kTownProjects[] = {
    "乡村振兴示范片区建设", "党建引领网格治理", "村级集体经济增收", "书记项目法务护航",   "红色物业进小区",
    "农文旅融合发展",       "标准厂房招商提质", "人居环境长效管护", "养老服务中心建设", "退役军人就业帮扶",
    "数字乡村平台建设",     "高标准农田提升",   "青年人才回引",
};

template <typename T>
T Check(core::Result<T> r, const std::string& what) {
    if (!r) throw std::runtime_error("演示数据：" + what + "：" + r.error().message);
    return std::move(r).value();
}

}  // namespace

int LoadDemoProjects(core::ports::Store& store, core::ports::ProjectStore& project_store,
                     core::ports::TicketStore& tickets, core::ports::StoreMutex& store_mutex, const core::ports::Clock& clock,
                     app::RosterService& roster, app::CampaignService& campaigns) {
    {
        std::lock_guard lock(store_mutex);
        if (!project_store.ListProjects().empty()) return 0;
    }
    const auto& cal = core::calendar::ShippedChinaCalendar();
    const CivilDate today = *core::ParseIsoDate(clock.Today());
    DemoClock demo_clock(clock);
    demo_clock.day = today;
    app::ProjectService svc(store, project_store, tickets, store_mutex, demo_clock, roster, cal);

    std::map<std::string, Id> unit;
    std::vector<Id> jiangyan_towns;
    Id jiangyan_village = 0;
    std::map<Id, Id> secretary_of;  // unit → its 书记 (or any person of it)
    roster.WithIndex([&](const core::roster::RosterIndex& index) {
        const auto& tree = index.tree();
        for (const auto& u : tree.units()) unit[u.name] = u.id;
        const Id jiangyan = unit.at("姜堰区");
        for (const auto& u : tree.units()) {
            if (u.kind == UnitKind::kTown && u.parent_id == jiangyan) jiangyan_towns.push_back(u.id);
            if (u.kind == UnitKind::kVillage && jiangyan_village == 0 && tree.InSubtree(jiangyan, u.id))
                jiangyan_village = u.id;
        }
        // A village's 书记, a town's 党委书记; else the first of its team.
        for (const auto& u : tree.units()) {
            for (const auto* pos : index.TeamOf(u.id))
                if ((pos->title == "书记" || pos->title == "党委书记") && !secretary_of.count(u.id))
                    secretary_of[u.id] = pos->person_id;
            if (const auto team = index.TeamOf(u.id); !secretary_of.count(u.id) && !team.empty())
                secretary_of[u.id] = team.front()->person_id;
        }
    });
    if (jiangyan_towns.empty()) throw std::runtime_error("演示数据：姜堰区没有镇");
    auto user = [&](const char* name) { return DemoUser(store, store_mutex, name); };
    auto synthetic = [&](const std::string& name, core::auth::Role role, Id scope) {
        return app::Actor{0, name, role, scope};
    };
    auto owner_of = [&](Id u) {
        auto it = secretary_of.find(u);
        if (it == secretary_of.end()) throw std::runtime_error("演示数据：单位没有书记 #" + std::to_string(u));
        return it->second;
    };
    auto before = [&](CivilDate d, int n) { return WorkdaysBefore(cal, d, n); };
    auto after = [&](CivilDate d, int n) { return *cal.AddWorkdays(d, n); };
    // Plans shrunk to end inside the shipped calendar (its last year may end soon after today).
    const CivilDate calendar_end{cal.covered_years()->last, 12, 31};
    auto fit = [&](CivilDate from, std::vector<pj::MilestoneInput> plan) {
        int left = static_cast<int>(*cal.CountWorkdays(from, calendar_end));
        for (std::size_t i = 0; i < plan.size(); ++i) {
            const int keep = static_cast<int>(plan.size() - i - 1);  // at least a day for each one after
            plan[i].days = std::max(1, std::min(plan[i].days, left - keep));
            left -= plan[i].days;
        }
        return plan;
    };
    auto on = [&](CivilDate d) { demo_clock.day = d <= today ? d : today; };
    auto report = [&](const app::Actor& who, Id id, Id milestone, bool done, std::string text,
                      std::vector<pj::Figure> figures) {
        app::ReportInput in;
        in.text = std::move(text);
        in.milestone_id = milestone;
        in.milestone_done = done;
        in.figures = std::move(figures);
        Check(svc.Report(who, id, in), "报告进展 #" + std::to_string(id));
    };
    auto milestones_of = [&](Id id) {
        std::lock_guard lock(store_mutex);
        std::vector<Id> out;
        auto p = project_store.FindProject(id);
        for (const auto& m : project_store.ListMilestones(id))
            if (m.claim_id == p->claim_id) out.push_back(m.id);
        return out;
    };
    int created = 0;

    // ---- 姜堰区 书记项目, one per town, from about 80 working days ago.
    const app::Actor county = user("county");
    const CivilDate start = before(today, 80);
    std::vector<Id> campaign_projects;
    for (std::size_t i = 0; i < jiangyan_towns.size(); ++i) {
        const Id town = jiangyan_towns[i];
        const app::Actor office = synthetic("town-office", core::auth::Role::kTown, town);
        const int style = static_cast<int>(i % 4);  // 0 completed, 1 on track, 2 red, 3 yellow
        on(start);
        app::NewProject in;
        in.kind = pj::Kind::kSecretary;
        in.title = kTownProjects[i % std::size(kTownProjects)];
        in.detail = "镇党委书记领办的年度书记项目，年底参加全区书记项目评比。";
        in.responsibility = "镇党委书记总牵头，分管副书记具体推进";
        in.unit_id = town;
        in.owner_person_id = owner_of(town);
        in.milestones = fit(start, {{"调研论证与方案报审", "", 25}, {"项目实施过半", "", 25},
                                    {"完成建设并总结", "", style == 3 ? 40 : 60}});
        const Id id = Check(svc.Create(county, in), "书记项目").project.id;
        ++created;
        campaign_projects.push_back(id);
        const auto ms = milestones_of(id);
        on(after(start, 10));
        report(office, id, 0, false, "完成走访调研，形成初步方案", {{"走访群众", 120.0 + 10 * i, "人次"}});
        on(after(start, style == 2 ? 24 : 20));
        report(office, id, ms[0], true, "方案通过镇党委会审议并报区委组织部备案", {{"召开论证会", 3, "次"}});
        if (style == 2) {  // stalls: the second milestone passes its deadline
            on(after(start, 40));
            report(office, id, 0, false, "因用地手续未齐，实施进度滞后", {{"完成投资", 35.0 + i, "万元"}});
            continue;
        }
        on(after(start, 45 + (style == 3 ? 3 : 0)));
        report(office, id, ms[1], true, "主体工程完成过半",
               {{"完成投资", 120.0 + 15 * i, "万元"}, {"受益群众", 800.0 + 50 * i, "人"}});
        if (style == 1) {
            on(after(start, 75));
            report(office, id, 0, false, "进入收尾阶段，正在准备验收材料", {{"完成投资", 210.0 + 15 * i, "万元"}});
        } else if (style == 0) {
            on(after(start, 70));
            report(office, id, ms[2], true, "项目完成，群众满意度测评 96%",
                   {{"完成投资", 260.0 + 10 * i, "万元"}, {"满意度", 96, "%"}});
            on(after(start, 72));
            Check(svc.Complete(county, id, "验收合格，资料齐全"), "结项");
        }
    }
    // A 班长示范项目 and a 班副争先项目 of the first town.
    {
        const Id town = jiangyan_towns.front();
        for (auto [kind, title] : {std::pair{pj::Kind::kMonitor, "班子成员联村包片示范"},
                                   std::pair{pj::Kind::kDeputy, "招商引资争先行动"}}) {
            on(before(today, 30));
            app::NewProject in;
            in.kind = kind;
            in.title = title;
            in.unit_id = town;
            in.owner_person_id = owner_of(town);
            in.milestones = fit(before(today, 30), {{"制定方案", "", 10}, {"中期推进", "", 30}, {"总结评估", "", 40}});
            const Id id = Check(svc.Create(county, in), title).project.id;
            ++created;
            if (kind == pj::Kind::kMonitor) {  // on time so far; the 班副 project has not reported yet
                on(before(today, 22));
                const app::Actor office = synthetic("town-office", core::auth::Role::kTown, town);
                report(office, id, milestones_of(id)[0], true, "联村包片方案印发，班子成员全部到村", {{"联系村", 12, "个"}});
            }
        }
    }
    // Liyang: 塘马村's own 书记项目, which the demo `member` (a party member there) can follow.
    {
        Id tangma = unit.at("塘马村"), town = 0;
        roster.WithIndex([&](const core::roster::RosterIndex& index) {
            if (const auto* u = index.tree().Find(tangma)) town = u->parent_id.value_or(0);
        });
        if (town != 0 && secretary_of.count(tangma)) {
            const CivilDate day = before(today, 40);
            on(day);
            app::NewProject in;
            in.kind = pj::Kind::kSecretary;
            in.title = "小椅子走访民情闭环";
            in.detail = "书记带头“搬个小椅子”进农户，走访意见全部建档、限期答复。";
            in.responsibility = "村书记牵头，网格员分片走访";
            in.unit_id = tangma;
            in.owner_person_id = owner_of(tangma);
            in.milestones = fit(day, {{"全村走访建档", "", 15}, {"问题销号", "", 30}});
            const app::Actor office = synthetic("镇党委", core::auth::Role::kTown, town);
            const Id id = Check(svc.Create(office, in), "塘马村书记项目").project.id;
            ++created;
            on(before(today, 26));
            const app::Actor owner = synthetic("塘马村书记", core::auth::Role::kSecretary, tangma);
            report(owner, id, milestones_of(id)[0], true, "走访农户全部建档", {{"走访农户", 286, "户"}, {"收集意见", 41, "条"}});
        }
    }
    // The 书记项目 campaign of 姜堰区 on those projects (a draft: facts come at the year's end).
    demo_clock.day = today;
    {
        app::NewCampaign c;
        c.name = std::to_string(today.year) + "年度书记项目评比（项目库）";
        c.template_key = "secretary-project";
        c.cycle_kind = "year";
        c.cycle_label = std::to_string(today.year);
        for (Id id : campaign_projects) {
            app::SubjectSpec s;
            s.project_id = id;
            c.subjects.push_back(s);
        }
        Check(campaigns.Create(county, c), "书记项目评比");
    }

    // ---- 揭榜挂帅 in 张家港市 and 姜堰区.
    const app::Actor town = user("town");  // 临湖镇
    const app::Actor secretary = user("secretary");  // 灵湖村
    const app::Actor city = synthetic("张家港市委组织部", core::auth::Role::kCounty, unit.at("张家港市"));
    auto village_secretary = [&](const char* v) {
        return synthetic(std::string(v) + "书记", core::auth::Role::kSecretary, unit.at(v));
    };
    auto publish = [&](const app::Actor& office, const char* title, const char* detail, CivilDate day) {
        on(day);
        app::NewProject in;
        in.kind = pj::Kind::kBounty;
        in.title = title;
        in.detail = detail;
        ++created;
        return Check(svc.Create(office, in), std::string("发布 ") + title).project.id;
    };
    auto claim = [&](const app::Actor& who, Id id, CivilDate day, std::vector<pj::MilestoneInput> plan) {
        on(day);
        app::ClaimInput in;
        in.owner_person_id = owner_of(who.scope_unit_id);
        in.responsibility = "村党组织书记揭榜领办，两委成员分片包干";
        in.milestones = fit(day, std::move(plan));
        Check(svc.Claim(who, id, in), "揭榜 #" + std::to_string(id));
    };
    const std::vector<pj::MilestoneInput> three = {{"摸底与方案", "", 10}, {"组织实施", "", 20}, {"验收总结", "", 20}};
    // Open for the secretary to claim.
    publish(town, "闲置农房盘活利用", "盘活闲置农房发展民宿和创客空间，年内盘活不少于 20 套。", before(today, 15));
    // Claimed by the secretary, waiting for the town office.
    {
        const Id id = publish(town, "老旧小区红色物业全覆盖", "以党建引领物业服务，年内实现老旧小区红色物业全覆盖。",
                              before(today, 12));
        claim(secretary, id, before(today, 3), three);
    }
    // Refused once (the plan was too loose) and published again.
    {
        const Id id = publish(town, "村级集体经济薄弱村帮扶", "结对帮扶集体经济薄弱村，年内收入增长 15%。", before(today, 40));
        claim(village_secretary("采莲村"), id, before(today, 35), {{"调研", "", 30}, {"实施", "", 60}});
        on(before(today, 33));
        Check(svc.Refuse(town, id, "节点过于宽松，请把实施期压缩到一个季度内"), "退回揭榜");
    }
    // Confirmed: the secretary reports on it (the second milestone is close: blue or yellow).
    {
        const Id id = publish(town, "党群服务中心功能提升", "党群服务中心改造提升，打造“15分钟党群服务圈”。",
                              before(today, 30));
        claim(secretary, id, before(today, 25), {{"设计方案", "", 8}, {"改造施工", "", 18}, {"投入使用", "", 20}});
        on(before(today, 24));
        Check(svc.Confirm(town, id), "确认揭榜");
        const auto ms = milestones_of(id);
        on(before(today, 18));
        report(secretary, id, ms[0], true, "设计方案已通过村民代表会议", {{"征求意见", 86, "条"}});
        on(before(today, 10));
        report(secretary, id, 0, false, "施工队已进场，完成主体拆改", {{"完成投资", 32.5, "万元"}});
    }
    // The city's: one completed by 善港村, one open.
    {
        const Id id = publish(city, "产业强村示范", "以产业项目带动村集体增收，打造产业强村示范点。", before(today, 90));
        const auto shangang = village_secretary("善港村");
        claim(shangang, id, before(today, 85), {{"项目论证", "", 10}, {"项目建设", "", 30}, {"投产见效", "", 30}});
        on(before(today, 84));
        Check(svc.Confirm(city, id), "确认揭榜");
        const auto ms = milestones_of(id);
        const app::Actor owner{0, "善港村书记", core::auth::Role::kSecretary, unit.at("善港村")};
        on(before(today, 76));
        report(owner, id, ms[0], true, "项目论证完成", {{"论证会", 2, "次"}});
        on(before(today, 50));
        report(owner, id, ms[1], true, "厂房建成", {{"完成投资", 680, "万元"}});
        on(before(today, 20));
        report(owner, id, ms[2], true, "投产见效", {{"村集体增收", 56, "万元"}, {"新增就业", 45, "人"}});
        on(before(today, 18));
        Check(svc.Complete(city, id, "成效明显，列入全市示范"), "结项");
    }
    publish(city, "书记讲给书记听问题清单销号", "认领书记讲给书记听会议梳理出的难点问题，限期销号。", before(today, 5));
    // 姜堰区: a claim waiting for the county.
    if (jiangyan_village != 0 && secretary_of.count(jiangyan_village)) {
        const Id id = publish(county, "农村人居环境整治提升", "揭榜领办人居环境整治，年内创成省级特色田园乡村。",
                              before(today, 20));
        claim(synthetic("姜堰村书记", core::auth::Role::kSecretary, jiangyan_village), id, before(today, 4), three);
    }
    return created;
}

}  // namespace lingyan::demo
