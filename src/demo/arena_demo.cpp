#include "demo/arena_demo.hpp"
#include "demo/demo_support.hpp"

#include <cmath>
#include <map>
#include <stdexcept>

namespace lingyan::demo {

using core::roster::Id;
using core::roster::Person;
using core::roster::Position;
using core::roster::Unit;
using core::roster::UnitKind;
namespace arena = core::arena;

namespace {

struct Place {
    const char* town;
    const char* village;  // nullptr: the town only (a judge's home)
    UnitKind kind;
};

// 柯桥's towns and the villages of the demo contest; 柯桥街道/大渡社区 and 平水镇/合心村 are in the
// demo roster already.
constexpr Place kPlaces[] = {
    {"柯桥街道", "大渡社区", UnitKind::kCommunity}, {"平水镇", "合心村", UnitKind::kVillage},
    {"柯岩街道", "梅墅村", UnitKind::kVillage},     {"华舍街道", "蜀阜村", UnitKind::kVillage},
    {"湖塘街道", "香林村", UnitKind::kVillage},     {"安昌街道", "大和村", UnitKind::kVillage},
    {"钱清街道", "江墅村", UnitKind::kVillage},     {"漓渚镇", "棠棣村", UnitKind::kVillage},
    {"平水镇", "同康村", UnitKind::kVillage},       {"稽东镇", "冢斜村", UnitKind::kVillage},
    {"兰亭街道", nullptr, UnitKind::kTown},         {"福全街道", nullptr, UnitKind::kTown},
    {"齐贤街道", nullptr, UnitKind::kTown},
};

// Judges' home towns (seat 1 is the demo `judge` account's).
constexpr const char* kJudgeTowns[] = {"柯桥街道", "齐贤街道", "柯岩街道", "华舍街道",
                                       "漓渚镇",   "兰亭街道", "福全街道"};
// 实地察看 (out of 50), scored by the inspection team before the event, per village in kPlaces order.
constexpr double kInspection[] = {44.5, 42.0, 46.5, 41.0, 45.5, 43.0, 47.0, 44.0, 42.5, 45.0};

const char* kArenaSurnames[] = {"沈", "陈", "俞", "金", "孙", "王", "钱", "胡", "章", "傅"};
const char* kArenaGiven[] = {"国强", "建军", "丽娟", "伟东", "海峰", "春燕", "志刚", "晓军", "美华", "永祥"};

std::string Code(const std::string& prefix9, int n) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%03d", n);
    return prefix9 + buf;
}

}  // namespace

Id SihaoCampaign(app::CampaignService& campaigns, const app::Actor& host, const std::string& name, int year,
                 const std::vector<Id>& secretaries) {
    if (const Id found = campaigns.FindByName(name); found != 0) return found;
    app::NewCampaign spec;
    spec.name = name;
    spec.scope_unit_id = host.scope_unit_id;
    spec.template_key = "sihao-secretary";
    spec.cycle_kind = "year";
    spec.cycle_label = std::to_string(year);
    for (Id person : secretaries) spec.subjects.push_back(app::SubjectSpec{0, "", person, ""});
    return Must(campaigns.Create(host, spec), name).summary.campaign.id;
}

std::string DemoContestName(int year) { return std::to_string(year) + "年柯桥区村社党组织书记领雁擂台赛"; }

std::vector<DemoAccount> LoadDemoArena(core::ports::Store& store, core::ports::StoreMutex& store_mutex,
                                       const core::ports::Crypto& crypto, const core::ports::Clock& clock,
                                       app::RosterService& roster, app::CampaignService& campaigns,
                                       app::ArenaService& arena_service) {
    const std::vector<DemoAccount> accounts = {{kDemoArenaHost, "county", "柯桥区"}};
    const int year = std::stoi(clock.Today().substr(0, 4));
    const std::string name = DemoContestName(year);
    if (arena_service.FindByName(name) != 0) return accounts;

    // 1. The Keqiao towns and villages the roster lacks, each village with its secretary.
    Id county = 0;
    std::map<std::string, Id> ids;  // town or village name → unit id
    std::map<std::string, std::string> codes;
    roster.WithIndex([&](const core::roster::RosterIndex& index) {
        const auto& tree = index.tree();
        for (const auto& u : tree.units())
            if (u.name == "柯桥区" && u.kind == UnitKind::kCounty) county = u.id;
        if (county == 0) return;
        for (Id id : tree.Subtree(county)) {
            const auto* u = tree.Find(id);
            ids[u->name] = id;
            codes[u->name] = u->code;
        }
    });
    if (county == 0) throw std::runtime_error("demo arena: 柯桥区 is missing from the demo roster");
    bool added = false;
    {
        std::lock_guard lock(store_mutex);
        auto tx = store.Begin();
        int next_town = 1;
        for (const auto& [unit_name, code] : codes)
            if (code.size() == 12 && code.substr(0, 6) == "330603" && code.substr(9) == "000")
                next_town = std::max(next_town, std::stoi(code.substr(6, 3)) + 1);
        int person_no = 0;
        for (const Place& place : kPlaces) {
            if (!ids.count(place.town)) {
                Unit town;
                town.parent_id = county;
                town.name = place.town;
                town.kind = UnitKind::kTown;
                town.code = Code("330603", next_town++) + "000";
                ids[place.town] = store.InsertUnit(town);
                codes[place.town] = town.code;
                added = true;
            }
            if (!place.village || ids.count(place.village)) continue;
            Unit v;
            v.parent_id = ids[place.town];
            v.name = place.village;
            v.kind = place.kind;
            // The town's next free village number (平水镇 holds the roster's 合心村 already).
            int village_no = 201;
            auto taken = [&](const std::string& code) {
                for (const auto& [unit_name, c] : codes)
                    if (c == code) return true;
                return false;
            };
            while (taken(codes[place.town].substr(0, 9) + std::to_string(village_no))) ++village_no;
            v.code = codes[place.town].substr(0, 9) + std::to_string(village_no);
            v.population = 2600 + 310 * person_no;
            v.area_km2 = std::round(static_cast<double>(v.population) / 600.0 * 10) / 10;
            v.economy = core::roster::Economy::kMixed;
            ids[place.village] = store.InsertUnit(v);
            codes[place.village] = v.code;
            Person p;
            p.unit_id = ids[place.village];
            p.name = std::string(kArenaSurnames[person_no % std::size(kArenaSurnames)]) +
                     kArenaGiven[(person_no * 3) % std::size(kArenaGiven)];
            p.gender = person_no % 4 == 2 ? core::roster::Gender::kFemale : core::roster::Gender::kMale;
            char date[48];
            std::snprintf(date, sizeof date, "%04d-%02d-%02d", year - 40 - person_no % 12, 1 + person_no % 12, 10);
            p.birth_date = date;
            p.education = core::roster::Education::kBachelor;
            std::snprintf(date, sizeof date, "%04d-07-01", year - 18 + person_no % 5);
            p.party_join_date = date;
            p.id = store.InsertPerson(p);
            std::snprintf(date, sizeof date, "%04d-03-15", year - 2 - person_no % 4);
            store.InsertPosition(Position{0, p.id, p.unit_id, "书记", date, ""});
            ++person_no;
            added = true;
        }
        if (!store.FindUserByName(kDemoArenaHost)) {
            core::ports::UserRecord u;
            u.username = kDemoArenaHost;
            u.display_name = "柯桥区委组织部";
            u.role = "county";
            u.scope_unit_id = county;
            u.password_hash = DemoPasswordHash(crypto);
            u.id = store.InsertUser(u);
            added = true;
        }
        if (added) {
            core::ports::AuditEntry e;
            e.at = clock.NowIso();
            e.user = "system";
            e.action = "demo";
            e.entity = "deployment";
            e.detail = "{\"arena\":\"柯桥区\"}";
            store.AppendAudit(e);
        }
        tx->Commit();
    }
    if (added) roster.Reload();

    // 2. The contestants: the secretary of each village.
    std::vector<Id> secretaries;
    roster.WithIndex([&](const core::roster::RosterIndex& index) {
        for (const Place& place : kPlaces) {
            if (!place.village) continue;
            Id person = 0;
            for (const auto* pos : index.TeamOf(ids.at(place.village)))
                if (pos->title == "书记" && person == 0) person = pos->person_id;
            if (person == 0) throw std::runtime_error(std::string("demo arena: no 书记 in ") + place.village);
            secretaries.push_back(person);
        }
    });

    std::optional<core::ports::UserRecord> host_user;
    {
        std::lock_guard lock(store_mutex);
        host_user = store.FindUserByName(kDemoArenaHost);
    }
    const app::Actor host{host_user->id, kDemoArenaHost, core::auth::Role::kCounty, county};

    // 3. The 四好书记 campaign whose 擂台赛 criterion the contest's results feed.
    const Id campaign = SihaoCampaign(campaigns, host, std::to_string(year) + "年柯桥区四好书记评选", year, secretaries);

    // 4. The contest, its order drawn by lot and the site inspection entered.
    app::NewContest spec;
    auto& s = spec.setup;
    s.name = name;
    s.unit_id = county;
    s.is_public = true;
    s.year = year;
    s.campaign_id = campaign;
    s.campaign_criterion = "zf_arena";
    s.criteria = {{"statement", "现场陈述", 0, 40, 40, false},
                  {"defence", "现场答辩", 0, 10, 10, false},
                  {"inspection", "实地察看", 0, 50, 50, true}};
    s.aggregation = {1, false};
    s.recusal = arena::RecusalLevel::kTown;
    s.seconds_per_contestant = 480;
    for (Id person : secretaries) {
        arena::Contestant c;
        c.kind = arena::ContestantKind::kPerson;
        c.person_id = person;
        s.contestants.push_back(c);
    }
    for (std::size_t idx = 0; idx < std::size(kJudgeTowns); ++idx) {
        arena::Seat seat;
        seat.number = static_cast<int>(idx) + 1;
        seat.label = kDemoSeatLabels[idx];
        seat.home_unit_id = ids.at(kJudgeTowns[idx]);
        s.seats.push_back(seat);
        spec.seat_usernames.push_back(idx == 0 ? "judge" : "");
    }
    s.titles = {{"金牌书记", 3, std::nullopt, "county"}};
    spec.draw_lots = true;
    const auto detail = Must(arena_service.Create(host, spec), name);
    for (std::size_t idx = 0; idx < detail.setup.contestants.size() && idx < std::size(kInspection); ++idx) {
        arena::Request r;
        r.kind = arena::EventKind::kPreScore;
        r.round = -1;
        r.contestant_id = detail.setup.contestants[idx].id;
        r.criterion = "inspection";
        r.values = {kInspection[idx]};
        Must(arena_service.Act(host, detail.summary.id, r), name + " 实地察看");
    }
    return accounts;
}

}  // namespace lingyan::demo
