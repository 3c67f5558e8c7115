#include "demo/jiangyan_demo.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <stdexcept>

#include "app/tickets/ticket_service.hpp"
#include "core/calendar/china_calendar.hpp"
#include "core/common/date.hpp"
#include "demo/arena_demo.hpp"
#include "demo/demo_support.hpp"
#include "demo/training_demo.hpp"

namespace lingyan::demo {

using core::roster::Id;
using core::roster::UnitKind;
namespace arena = core::arena;
namespace tk = core::tickets;

namespace {

// Units by name and each unit's secretary (书记 of a village, 党委书记 of a town).
struct Places {
    std::map<std::string, Id> unit;
    std::map<Id, Id> secretary;          // unit → person
    std::vector<Id> jiangyan_towns;      // in tree order
    std::vector<Id> jiangyan_villages;   // villages and communities, in tree order
    Id at(const std::string& name) const {
        auto it = unit.find(name);
        if (it == unit.end()) throw std::runtime_error("演示数据中没有单位：" + name);
        return it->second;
    }
    Id SecretaryOf(Id u) const {
        auto it = secretary.find(u);
        if (it == secretary.end()) throw std::runtime_error("演示数据中单位没有书记：" + std::to_string(u));
        return it->second;
    }
};

Places ReadPlaces(const app::RosterService& roster) {
    Places p;
    roster.WithIndex([&](const core::roster::RosterIndex& index) {
        const auto& tree = index.tree();
        Id jiangyan = 0;
        for (const auto& u : tree.units()) {
            p.unit.emplace(u.name, u.id);
            if (u.name == "姜堰区" && u.kind == UnitKind::kCounty) jiangyan = u.id;
            for (const auto* pos : index.TeamOf(u.id))
                if ((pos->title == "书记" || pos->title == "党委书记") && !p.secretary.count(u.id))
                    p.secretary[u.id] = pos->person_id;
        }
        if (jiangyan == 0) return;
        for (Id id : tree.Subtree(jiangyan)) {
            const auto* u = tree.Find(id);
            if (u->kind == UnitKind::kTown) p.jiangyan_towns.push_back(id);
            if ((u->kind == UnitKind::kVillage || u->kind == UnitKind::kCommunity) && p.secretary.count(id))
                p.jiangyan_villages.push_back(id);
        }
    });
    return p;
}

// A clock that stands at a moment and moves only when told (a contest's day, minute by minute).
class SteppingClock final : public core::ports::Clock {
public:
    explicit SteppingClock(std::int64_t unix_seconds) : ms_(static_cast<double>(unix_seconds) * 1000.0) {}
    void Advance(double seconds) { ms_ += seconds * 1000.0; }
    std::int64_t NowUnix() const override { return static_cast<std::int64_t>(ms_ / 1000.0); }
    double NowUnixMs() const override { return ms_; }
    std::string Today() const override {
        return core::FormatIsoDate(core::CivilFromDays((NowUnix() + core::kChinaUtcOffsetSeconds) / 86400));
    }
    std::string NowIso() const override {
        const std::int64_t s = NowUnix();
        const auto day = core::CivilFromDays(s / 86400);
        char buf[32];
        std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", core::FormatIsoDate(day).c_str(),
                      static_cast<int>(s % 86400 / 3600), static_cast<int>(s % 3600 / 60), static_cast<int>(s % 60));
        return buf;
    }

private:
    double ms_;
};

// A contest's seats: one per home unit, labelled 评委一…
std::vector<arena::Seat> SeatsFrom(const std::vector<Id>& homes) {
    std::vector<arena::Seat> seats;
    for (std::size_t idx = 0; idx < homes.size() && idx < std::size(kDemoSeatLabels); ++idx) {
        arena::Seat seat;
        seat.number = static_cast<int>(idx) + 1;
        seat.label = kDemoSeatLabels[idx];
        seat.home_unit_id = homes[idx];
        seats.push_back(seat);
    }
    return seats;
}

std::vector<arena::Contestant> PeopleOnStage(const std::vector<Id>& people) {
    std::vector<arena::Contestant> out;
    for (Id person : people) {
        arena::Contestant c;
        c.kind = arena::ContestantKind::kPerson;
        c.person_id = person;
        out.push_back(c);
    }
    return out;
}

// A contest of `people` on stage: `first` (out of `first_max`) and 现场答辩 (the rest of 100), seven
// or five judges from `homes`, the highest and lowest sheet dropped.
app::NewContest StageContest(const std::string& name, Id unit, int year, const char* first, double first_max,
                             arena::RecusalLevel recusal, const std::vector<Id>& people, const std::vector<Id>& homes) {
    app::NewContest spec;
    auto& s = spec.setup;
    s.name = name;
    s.unit_id = unit;
    s.year = year;
    s.criteria = {{"report", first, 0, first_max, first_max, false},
                  {"defence", "现场答辩", 0, 100 - first_max, 100 - first_max, false}};
    s.aggregation = {1, false};
    s.recusal = recusal;
    s.contestants = PeopleOnStage(people);
    s.seats = SeatsFrom(homes);
    spec.draw_lots = true;
    return spec;
}

// Runs a created contest to its end on `clock`: each contestant in the drawn order is called, the
// judges score (recused seats do not; a deterministic spread per seat and contestant, within each
// live criterion's range), the score is revealed; then the contest finishes.
void RunContest(app::ArenaService& service, SteppingClock& clock, const app::Actor& host, const app::ContestDetail& d) {
    const Id id = d.summary.id;
    auto act = [&](arena::EventKind kind) {
        arena::Request r;
        r.kind = kind;
        Must(service.Act(host, id, r), d.summary.name);
    };
    std::vector<const arena::Criterion*> live;
    for (const auto& c : d.setup.criteria)
        if (!c.pre_scored) live.push_back(&c);
    for (std::size_t turn = 0; turn < d.setup.contestants.size(); ++turn) {
        act(arena::EventKind::kAdvance);
        clock.Advance(d.setup.seconds_per_contestant);
        act(arena::EventKind::kOpen);
        const auto view = Must(service.Get(host, id), d.summary.name);
        const Id current = view.view->current ? view.view->current->id : 0;
        std::size_t place = 0;
        while (place < d.setup.contestants.size() && d.setup.contestants[place].id != current) ++place;
        for (const auto& seat : d.setup.seats) {
            if (std::count(d.recusals.begin(), d.recusals.end(), std::pair<Id, Id>{seat.id, current})) continue;
            clock.Advance(20 + seat.number * 7);
            app::ScoreSubmission s;
            s.contestant_id = current;
            s.key = "demo-" + std::to_string(seat.number) + "-" + std::to_string(current);
            for (std::size_t k = 0; k < live.size(); ++k) {
                // 78–97 % of the range: the stronger contestants (by their place) a little higher.
                const int spread = static_cast<int>((place * 5 + static_cast<std::size_t>(seat.number) * 3 + k * 7) % 11);
                const double share = 0.97 - 0.012 * static_cast<double>(place % 9) - 0.008 * spread;
                s.values.push_back(std::round(live[k]->max * share * 2.0) / 2.0);
            }
            Must(service.Submit(app::JudgeIdentity{id, seat.id, "seat:" + std::to_string(seat.number), ""}, s),
                 d.summary.name + " 评分");
        }
        clock.Advance(30);
        act(arena::EventKind::kReveal);
        clock.Advance(60);
    }
    act(arena::EventKind::kFinish);
}

std::int64_t UnixAt(int year, int month, int day, int hour_utc) {
    return core::DaysFromCivil(core::CivilDate{year, month, day}) * 86400 + hour_utc * 3600;
}

}  // namespace

std::string JiangyanLeaderContestName(int year) { return std::to_string(year) + "年姜堰区三好创争·好班长述比擂台赛"; }
std::string JiangyanSecretaryContestName(int year) {
    return std::to_string(year) + "年姜堰区村（社区）党组织书记四好书记擂台赛";
}
std::string LinhuContestName(int year) { return std::to_string(year) + "年临湖镇村书记集体经济发展擂台赛"; }

std::vector<std::string> LoadDemoLocalContests(core::ports::Store& store, core::ports::ArenaStore& arena_store,
                                               core::ports::StoreMutex& store_mutex, const core::ports::Crypto& crypto,
                                               const core::ports::Clock& clock, app::RosterService& roster,
                                               app::CampaignService& campaigns, app::ArenaService& arena_service) {
    const int year = std::stoi(clock.Today().substr(0, 4));
    std::vector<std::string> created;
    if (arena_service.FindByName(JiangyanLeaderContestName(year - 1)) != 0) return created;
    const Places places = ReadPlaces(roster);
    if (places.jiangyan_towns.size() < 7 || places.jiangyan_villages.empty())
        throw std::runtime_error("演示数据（姜堰/临湖）：姜堰区的镇街或村不足");
    const app::Actor county = DemoUser(store, store_mutex, "county");
    const app::Actor town = DemoUser(store, store_mutex, "town");
    // Judges' home towns: every other 姜堰 town, seven in all.
    std::vector<Id> judge_towns;
    for (std::size_t idx = 0; idx < places.jiangyan_towns.size() && judge_towns.size() < 7; idx += 2)
        judge_towns.push_back(places.jiangyan_towns[idx]);
    for (std::size_t idx = 1; idx < places.jiangyan_towns.size() && judge_towns.size() < 7; idx += 2)
        judge_towns.push_back(places.jiangyan_towns[idx]);

    // A finished contest of last year, held on `day` (Dec) from 09:00, its results reported.
    auto past = [&](const app::Actor& host, app::NewContest spec, int day) {
        SteppingClock held(UnixAt(year - 1, 12, day, 1));
        app::ArenaService on_the_day(store, arena_store, store_mutex, held, roster, crypto, app::ArenaFiles{});
        const auto detail = Must(on_the_day.Create(host, spec), spec.setup.name);
        RunContest(on_the_day, held, host, detail);
        created.push_back(spec.setup.name);
        return detail.summary.id;
    };

    // 1. 姜堰区, last year: the town party secretaries' 好班长 述比.
    std::vector<Id> leaders;
    for (Id t : places.jiangyan_towns)
        if (places.secretary.count(t)) leaders.push_back(places.secretary.at(t));
    const Id jiangyan = places.at("姜堰区");
    auto leaders_contest = StageContest(JiangyanLeaderContestName(year - 1), jiangyan, year - 1, "现场述职", 60,
                                        arena::RecusalLevel::kTown, leaders, judge_towns);
    leaders_contest.setup.seconds_per_contestant = 600;
    Must(arena_service.PushResults(county, past(county, leaders_contest, 18)), "好班长述比报送");

    // 2. 临湖镇, last year: its three villages' secretaries before five town judges (invented).
    const Id linhu = places.at("临湖镇");
    std::vector<Id> village_secretaries;
    for (const char* v : {"灵湖村", "采莲村", "前塘村"}) village_secretaries.push_back(places.SecretaryOf(places.at(v)));
    auto linhu_contest = StageContest(LinhuContestName(year - 1), linhu, year - 1, "发展思路陈述", 60,
                                      arena::RecusalLevel::kVillage, village_secretaries, std::vector<Id>(5, linhu));
    linhu_contest.setup.titles = {{"擂台赛优胜村书记", 1, std::nullopt, "town"}};
    Must(arena_service.PushResults(town, past(town, linhu_contest, 22)), "临湖镇擂台赛报送");

    // 3. 姜堰区, this year: the 四好书记 擂台赛 of its village secretaries, ready, linked to a new campaign.
    std::vector<Id> secretaries;
    for (Id v : places.jiangyan_villages) secretaries.push_back(places.secretary.at(v));
    auto sihao = StageContest(JiangyanSecretaryContestName(year), jiangyan, year, "现场述职", 70,
                              arena::RecusalLevel::kTown, secretaries, judge_towns);
    sihao.setup.campaign_id =
        SihaoCampaign(campaigns, county, std::to_string(year) + "年姜堰区四好书记评选", year, secretaries);
    sihao.setup.campaign_criterion = "zf_arena";
    sihao.setup.titles = {{"区级四好书记擂台赛优胜", 3, std::nullopt, "county"}};
    Must(arena_service.Create(county, sihao), sihao.setup.name);
    created.push_back(sihao.setup.name);
    return created;
}

int LoadDemoLocalTickets(core::ports::Store& store, core::ports::TicketStore& tickets,
                         core::ports::StoreMutex& store_mutex, const core::ports::Clock& clock,
                         app::RosterService& roster) {
    const Places places = ReadPlaces(roster);
    {
        std::lock_guard lock(store_mutex);
        for (const auto& d : tickets.ListDeliberations())
            if (d.unit_id == places.at("灵湖村")) return 0;
    }
    const auto& cal = core::calendar::ShippedChinaCalendar();
    const core::CivilDate today = *core::ParseIsoDate(clock.Today());
    DemoClock demo_clock(clock);
    app::TicketService svc(store, tickets, store_mutex, demo_clock, roster, cal);
    auto on = [&](int workdays_ago) { demo_clock.day = WorkdaysBefore(cal, today, workdays_ago); };
    const app::Actor county = DemoUser(store, store_mutex, "county");
    const app::Actor town = DemoUser(store, store_mutex, "town");
    const app::Actor secretary = DemoUser(store, store_mutex, "secretary");
    auto village_secretary = [&](const char* v) {
        return app::Actor{0, std::string(v) + "书记", core::auth::Role::kSecretary, places.at(v)};
    };
    int created = 0;
    auto act = [&](const app::Actor& who, Id id, tk::Action action, const std::string& note = {}) {
        app::TicketAction x;
        x.action = action;
        x.note = note;
        Must(svc.Act(who, id, x), std::string(tk::ActionLabel(action)) + " #" + std::to_string(id));
    };
    auto raise = [&](const app::Actor& who, const char* unit, const char* title, const char* category,
                     tk::Source source = tk::Source::kMinqing, Id source_id = 0) {
        app::NewTicket in;
        in.source = source;
        in.source_id = source_id;
        in.title = title;
        in.category = category;
        in.subject_unit_id = places.at(unit);
        in.location = unit;
        in.detail = "村书记走访中群众反映";
        ++created;
        return Must(svc.Create(who, in), title).ticket.id;
    };
    // An item the office assigns `ago` working days back, its handler signs the next day and reports
    // (`report_after` days on); verified (`verify`) the day after — then it waits for the call-back.
    auto assigned = [&](const app::Actor& office, const char* unit, const char* title, const char* category, int ago,
                        int report_after, bool verify) {
        on(ago);
        app::NewTicket in;
        in.title = title;
        in.category = category;
        in.subject_unit_id = places.at(unit);
        in.detail = "由" + std::string(tk::SourceLabel(tk::Source::kMinqing)) + "提出";
        app::AssignInput as;
        as.unit_id = places.at(unit);
        as.leader = office.username == "town" ? "临湖镇党委副书记" : "区委组织部分管副部长";
        as.leader_user_id = office.user_id;
        as.days = 10;
        const Id id = Must(svc.CreateAssigned(office, in, as), title).ticket.id;
        ++created;
        const auto handler = unit == std::string("灵湖村") ? secretary : village_secretary(unit);
        on(ago - 1);
        act(handler, id, tk::Action::kSign);
        on(ago - report_after);
        act(handler, id, tk::Action::kReport, "已办结，附现场照片");
        if (verify) {
            on(ago - report_after - 1);
            act(office, id, tk::Action::kAccept);
        }
        return id;
    };

    // 姜堰区 (`county`): a report to verify, a call-back to make, a 民情 to assign.
    assigned(county, "三里村", "村级公路提档升级", "infrastructure", 9, 7, false);
    assigned(county, "桥头村", "桥头片区服务中心代办事项公示", "governance", 14, 8, true);
    on(1);
    raise(village_secretary("官庄村"), "官庄村", "灌溉泵站设备老化", "infrastructure");
    // 临湖镇 (`town`): the same three kinds of work.
    assigned(town, "采莲村", "标准厂房周边道路照明", "infrastructure", 8, 6, false);
    assigned(town, "前塘村", "养殖尾水治理设施维护", "environment", 13, 7, true);
    on(2);
    raise(village_secretary("前塘村"), "前塘村", "村民反映农贸点早市占道", "livelihood");

    // 百姓议事堂 records (the practice is Liyang's, seed 003; these two are invented) with the item decided.
    struct Yishi {
        const char* unit;
        int ago;
        const char* topic;
        std::vector<std::string> participants;
        const char* decision;
        const char* item;
        const char* category;
    };
    const Yishi meetings[] = {
        {"灵湖村", 18, "三村抱团公司厂房租金收益分配",
         {"村党委书记", "村民代表", "老党员", "采莲村、前塘村代表"},
         "厂房租金收益按出资比例分配，灵湖村所得的三成用于村内养老助餐点运营，由村两委一个月内拿出方案公示。"
         "（议事内容为演示虚构；三村共同出资见报道）",
         "村养老助餐点运营方案公示", "livelihood"},
        {"三里村", 22, "村内河道认领保洁",
         {"村党支部书记", "村民代表", "党员中心户", "乡贤"},
         "河道分段由党员中心户认领保洁，每月评比一次，村集体每年安排保洁经费 5 万元。（议事内容为演示虚构）",
         "河道分段认领公示牌设置", "environment"},
    };
    for (const auto& m : meetings) {
        on(m.ago);
        const app::Actor who = m.unit == std::string("灵湖村") ? secretary : village_secretary(m.unit);
        tk::Deliberation d;
        d.unit_id = places.at(m.unit);
        d.topic = m.topic;
        d.held_on = core::FormatIsoDate(demo_clock.day);
        d.participants = m.participants;
        d.decision = m.decision;
        const Id rid = Must(svc.CreateDeliberation(who, d), m.topic).record.id;
        raise(who, m.unit, m.item, m.category, tk::Source::kYishitang, rid);
    }
    demo_clock.day = today;
    Must(svc.Recolour(core::FormatIsoDate(today)), "督办颜色");
    return created;
}

int LoadDemoLocalTraining(core::ports::Store& store, app::RosterService& roster, app::ProgramService& programs,
                          app::LadderService& ladder, const core::ports::Clock& clock) {
    if (programs.FindProgramByName(kLinhuProgramName) != 0) return 0;
    const Places places = ReadPlaces(roster);
    std::optional<core::ports::UserRecord> admin_user = store.FindUserByName("admin");
    if (!admin_user) throw std::runtime_error("演示数据（姜堰/临湖）：缺少 admin 账号");
    const app::Actor admin{admin_user->id, admin_user->username, core::auth::Role::kAdmin, 0};
    const int year = std::stoi(clock.Today().substr(0, 4));
    const std::string ladder_start = core::FormatIsoDate(core::CivilDate{year - 1, 1, 1});
    GradeLadder(roster, ladder, admin, places.at("姜堰区"), ladder_start, true, "；报道未写姜堰区实行四岗十五级，演示虚构");
    GradeLadder(roster, ladder, admin, places.at("临湖镇"), ladder_start, true, "；报道未写临湖镇实行四岗十五级，演示虚构");

    // 临湖镇's program: the youngest cadres (not the secretary) of 采莲村 and 前塘村, two of each.
    auto user = store.FindUserByName("town");
    if (!user) throw std::runtime_error("演示数据（姜堰/临湖）：缺少 town 账号");
    const app::Actor town{user->id, user->username, core::auth::Role::kTown, user->scope_unit_id};
    std::vector<Id> trainees;
    roster.WithIndex([&](const core::roster::RosterIndex& index) {
        for (const char* v : {"采莲村", "前塘村"}) {
            const Id unit = places.at(v);
            std::vector<std::pair<std::string, Id>> young;  // birth date, person
            for (const auto* pos : index.TeamOf(unit))
                if (pos->person_id != places.SecretaryOf(unit))
                    if (const auto* p = index.FindPerson(pos->person_id)) young.emplace_back(p->birth_date, p->id);
            std::sort(young.rbegin(), young.rend());
            young.erase(std::unique(young.begin(), young.end()), young.end());
            for (std::size_t k = 0; k < young.size() && k < 2; ++k) trainees.push_back(young[k].second);
        }
    });
    if (trainees.size() < 2) throw std::runtime_error("演示数据（姜堰/临湖）：采莲村、前塘村没有可跟岗的干部");
    const auto today = core::DaysFromCivil(*core::ParseIsoDate(clock.Today()));
    auto day = [&](std::int64_t days_ago) { return core::FormatIsoDate(core::CivilFromDays(today - days_ago)); };
    app::NewBatch first{"第一批", day(75), day(46), {}}, second{"第二批", day(12), day(-17), {}};
    for (std::size_t k = 0; k < trainees.size(); ++k) (k % 2 == 0 ? first : second).trainees.push_back(trainees[k]);
    app::NewProgram spec;
    spec.name = kLinhuProgramName;
    spec.scope_unit_id = places.at("临湖镇");
    spec.start_date = day(80);
    spec.end_date = day(-20);
    spec.description = "采莲村、前塘村的村干部到灵湖村跟岗一个月，由灵湖村书记带教，学习三村抱团发展、"
                       "异地厂房收购的做法。报道记载灵湖村与采莲村、前塘村共同出资成立公司；"
                       "本项目的批次和人员安排为演示虚构。";
    spec.hosts = {app::NewHost{places.at("灵湖村"), 2, places.SecretaryOf(places.at("灵湖村"))}};
    spec.batches = {first, second};
    const auto program = Must(programs.CreateProgram(town, spec), kLinhuProgramName);
    const Id program_id = program.summary.record.id;
    std::vector<app::NewPlacement> placements;
    for (const auto& batch : program.batches)
        for (const auto& [person, name] : batch.trainees) {
            app::NewPlacement p;
            p.person_id = person;
            p.batch_id = batch.record.id;
            p.host_unit_id = places.at("灵湖村");
            p.focus = {"特色产业", "基层治理"};
            placements.push_back(std::move(p));
        }
    const auto placed = Must(programs.AddPlacements(town, program_id, placements), "临湖镇跟岗安排");
    for (const auto& p : placed) {
        if (p.row.batch_id != program.batches.front().record.id) continue;
        Must(programs.SubmitSummary(town, program_id, p.row.id,
                                    "跟岗灵湖村一个月，参与抱团公司厂房招租和养老助餐点筹建，回村后牵头谋划村级增收项目。",
                                    p.row.end_date),
             "临湖镇跟岗小结");
        Must(programs.Assess(town, program_id, p.row.id, "称职", "全程在岗，主动参与项目推进和矛盾化解。"),
             "临湖镇跟岗鉴定");
    }
    return static_cast<int>(placed.size());
}

}  // namespace lingyan::demo
