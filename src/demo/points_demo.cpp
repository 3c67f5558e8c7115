#include "demo/points_demo.hpp"

#include <algorithm>
#include <map>
#include <cstdio>
#include <random>
#include <set>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "demo/demo.hpp"
#include "demo/demo_photo.hpp"

namespace lingyan::demo {

namespace ports = core::ports;

using namespace app;  // the demo is written against the use cases, like a user of the app layer

namespace points = core::points;
using core::roster::RosterIndex;
using core::roster::UnitKind;

namespace {

const char* kPointsSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
                                 "胡", "郭", "何", "高", "林", "史", "狄", "彭", "芮", "虞", "蒋", "潘", "吕", "丁"};
const char* kPointsGiven[] = {"建", "国", "华", "明", "秀", "英", "伟", "芳", "军", "敏", "强", "丽", "春", "红",
                              "志", "平", "海", "玲", "峰", "霞", "勇", "燕", "涛", "静", "亮", "娟", "杰", "萍"};

// How often each rule occurs in a member's year (relative weights), by code.
struct RuleMix {
    const char* code;
    int weight;
    int max_quantity;
};
constexpr RuleMix kMix[] = {{"XX01", 30, 1}, {"XX02", 20, 1}, {"XX03", 8, 3}, {"ZY01", 16, 1}, {"ZY02", 5, 1},
                            {"ZF01", 2, 1},  {"ZF02", 3, 4},  {"HJ01", 10, 1}, {"JF01", 4, 1}, {"FM01", 2, 1},
                            {"FM02", 1, 1}};

// The villages outside 溧阳市 with a small branch of points members: the `secretary` account's and
// one of 姜堰区 (the `county` account's).
constexpr const char* kSmallBranches[] = {"灵湖村", "三里村"};

// The moment `hour`:30 UTC of `day`, but never later than `now` (ISO, UTC): a demo event of today
// has happened already when the demo starts.
std::string IsoAt(points::Day day, int hour, const std::string& now) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d:30:00Z", hour);
    const std::string at = points::FormatDate(day) + buf;
    return now.empty() ? at : std::min(at, now);
}

}  // namespace

int LoadDemoPoints(PointsService& service, RosterService& roster, const core::ports::Crypto& crypto,
                   const DemoPointsOptions& options) {
    // Units: every grid (or the village itself when it has none) under 溧阳市, 灵湖村 and 三里村.
    struct Branch {
        core::roster::Id village = 0;
        std::vector<core::roster::Id> grids;
        std::string name;
        core::roster::Id org = 0;  // the village's party organization: every member's membership
        bool rural = false;        // a village (农村), not a community: its grids get branches (seed 003)
    };
    // The village's leading organization (党委 over 党总支 over 党支部).
    auto org_of = [](const RosterIndex& index, core::roster::Id village) {
        const auto* org = index.LeadingOrgOf(village);
        return org ? org->id : 0;
    };
    std::vector<Branch> liyang;
    // Small branches with one pending event a member: the `secretary` account's 灵湖村 and 姜堰区's 三里村
    // (the `county` account's points members).
    std::vector<Branch> small;
    core::roster::Id tangma = 0;
    std::string tangma_secretary = "塘马村书记";  // the account's name: its 书记's, when the roster has one
    roster.WithIndex([&](const RosterIndex& index) {
        const auto& tree = index.tree();
        core::roster::Id city = 0;
        for (const auto& u : tree.units()) {
            if (u.name == "溧阳市") city = u.id;
            for (const char* village : kSmallBranches)
                if (u.name == village) small.push_back(Branch{u.id, {}, u.name, 0, true});
        }
        if (city == 0) return;
        for (core::roster::Id id : tree.Subtree(city)) {
            const auto* u = tree.Find(id);
            if (u->kind != UnitKind::kVillage && u->kind != UnitKind::kCommunity) continue;
            Branch b{id, {}, u->name, org_of(index, id), u->kind == UnitKind::kVillage};
            if (u->name == "塘马村") {
                tangma = id;
                for (const auto* pos : index.TeamOf(id))
                    if (pos->title == "书记")
                        if (const auto* p = index.FindPerson(pos->person_id)) tangma_secretary = p->name;
            }
            for (core::roster::Id child : tree.Children(id)) b.grids.push_back(child);
            liyang.push_back(std::move(b));
        }
        for (Branch& b : small) {
            b.org = org_of(index, b.village);
            for (core::roster::Id child : tree.Children(b.village)) b.grids.push_back(child);
        }
    });
    if (liyang.empty() || tangma == 0) throw std::runtime_error("演示积分：演示单位中缺少溧阳市或塘马村");

    int created = 0;
    const std::string today_text = roster.Today();
    const std::string& now = options.now_iso;
    service.Seed([&](core::ports::Store& store, core::ports::PointsStore& ps) {
        // Loaded once: the demo's own member. (Other members may exist already: every registered
        // party member of the roster is a points member, SyncMembers.)
        for (const auto& m : ps.ListMembers())
            if (m.name == "演示党员") return;
        std::mt19937_64 rng(options.seed);
        auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
        auto name = [&] {
            std::string n = kPointsSurnames[uniform(0, std::size(kPointsSurnames) - 1)];
            n += kPointsGiven[uniform(0, std::size(kPointsGiven) - 1)];
            if (uniform(0, 3) != 0) n += kPointsGiven[uniform(0, std::size(kPointsGiven) - 1)];
            return n;
        };
        // Every member is a person of the roster with a membership in the village's organization
        // (one register, issue 14). The person's particulars come from a generator of their own,
        // so that the ledger is the same as before persons were made.
        std::mt19937_64 people_rng(options.seed + 2);
        auto draw = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(people_rng); };
        const int this_year = std::stoi(today_text.substr(0, 4));
        std::map<core::roster::Id, std::vector<core::roster::Person>> grid_people;  // rural grids of 溧阳市
        auto add_person = [&](ports::PointsMemberRecord& m, core::roster::Id org) {
            core::roster::Person p;
            p.unit_id = m.unit_id;
            p.name = m.name;
            p.gender = draw(0, 9) < 4 ? core::roster::Gender::kFemale : core::roster::Gender::kMale;
            const int birth_year = this_year - draw(20, 85);
            char buf[40];
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", birth_year, draw(1, 12), draw(1, 28));
            p.birth_date = buf;
            p.education = static_cast<core::roster::Education>(draw(0, 4));
            std::snprintf(buf, sizeof buf, "%04d-07-01", std::min(this_year - 1, birth_year + draw(18, 40)));
            p.party_join_date = buf;
            p.party_org_id = org;
            m.person_id = p.id = store.InsertPerson(p);
            return p;
        };
        std::unordered_map<std::string, core::ports::Id> rule_ids;
        for (const auto& r : ps.ListRules()) rule_ids[r.rule.code] = r.id;
        const auto period = ps.ListPeriods().back().period;
        const points::Day today = std::clamp(points::ParseDate(today_text).value_or(period.to), period.from, period.to);
        int mix_total = 0;
        for (const auto& m : kMix) mix_total += m.weight;

        // The ledger is written in a few multi-row statements (InsertEvents) once the members exist.
        std::vector<ports::PointsEventRecord> ledger;
        auto add_events = [&](core::ports::Id member, int count, int pending) {
            for (int k = 0; k < count + pending; ++k) {
                int pick = uniform(0, mix_total - 1);
                const RuleMix* mix = kMix;
                while (pick >= mix->weight) pick -= mix->weight, ++mix;
                ports::PointsEventRecord e;
                e.member_id = member;
                e.rule_id = rule_ids.at(mix->code);
                e.quantity = uniform(1, mix->max_quantity) * points::kOnePoint;
                e.submitted_by = "demo";
                if (k < count) {
                    e.date = period.from + uniform(0, today - period.from);
                    const points::Day decided = std::min<points::Day>(today, e.date + uniform(0, 5));
                    e.submitted_at = IsoAt(e.date, 10, now);
                    e.decided_at = IsoAt(decided, 15, now);
                    e.decided_by = "demo";
                    // About one in twenty-five submissions was rejected.
                    e.status = uniform(0, 24) == 0 ? points::EventStatus::kRejected : points::EventStatus::kApproved;
                    if (e.status == points::EventStatus::kRejected) e.reason = "佐证材料不全";
                } else {
                    e.date = std::max(period.from, today - uniform(0, 10));
                    e.submitted_at = IsoAt(e.date, 9, now);
                    e.note = "本人在手机上申报";  // an activity note; the status is a field of its own
                }
                ledger.push_back(std::move(e));
            }
        };

        for (const Branch& b : liyang) {
            for (int i = 0; i < options.members_per_village; ++i) {
                ports::PointsMemberRecord m;
                m.unit_id = b.grids.empty() ? b.village : b.grids[static_cast<std::size_t>(i) % b.grids.size()];
                m.name = name();
                auto person = add_person(m, b.org);
                if (b.rural && m.unit_id != b.village) grid_people[m.unit_id].push_back(std::move(person));
                m.id = ps.InsertMember(m);
                ++created;
                add_events(m.id, uniform(4, 26), uniform(0, 19) == 0 ? 1 : 0);
            }
        }
        // The `member` demo account: a member of 塘马村 with a year of events and three pending.
        ports::PointsMemberRecord me;
        const Branch& tm = *std::find_if(liyang.begin(), liyang.end(), [&](const Branch& b) { return b.village == tangma; });
        me.unit_id = tm.grids.empty() ? tm.village : tm.grids.front();
        me.name = "演示党员";
        if (auto user = store.FindUserByName("member")) me.user_id = user->id;
        grid_people[me.unit_id].push_back(add_person(me, tm.org));
        me.id = ps.InsertMember(me);
        ++created;
        add_events(me.id, 18, 3);
        // A secretary account for 塘马村, so that its pending events have an approver in the demo.
        if (!store.FindUserByName("tangma")) {
            core::ports::UserRecord u;
            u.username = "tangma";
            u.display_name = tangma_secretary;
            u.role = "secretary";
            u.scope_unit_id = tangma;
            u.password_hash = DemoPasswordHash(crypto);
            store.InsertUser(u);
        }
        // The small branches (灵湖村 for `secretary`, 三里村 for `county`), each member with one pending event.
        for (const Branch& b : small) {
            const int count = std::max(10, options.members_per_village / 10);
            for (int i = 0; i < count; ++i) {
                ports::PointsMemberRecord m;
                m.unit_id = b.grids.empty() ? b.village : b.grids[static_cast<std::size_t>(i) % b.grids.size()];
                m.name = name();
                add_person(m, b.org);
                m.id = ps.InsertMember(m);
                ++created;
                add_events(m.id, uniform(4, 20), 1);
            }
        }
        // Seed 003 (溧阳): "在全市农村网格中同步建立党支部" and "遍布各个自然村的党员中心户". Every
        // rural grid of 溧阳市 has a grid branch (网格党支部) under its village's organization, its
        // members' memberships in it; each grid branch has a 党员中心户 in a natural village, its
        // head looking after three or four members nearby. Places are invented.
        {
            static const char* kPlaces[] = {"东庄", "西庄", "南塘", "北圩", "前村", "后村", "河头", "桥西"};
            std::unordered_map<core::roster::Id, std::pair<std::string, core::roster::Id>> grid_info;  // name, village org
            roster.WithIndex([&](const RosterIndex& index) {
                for (const Branch& b : liyang)
                    for (core::roster::Id g : b.grids)
                        if (const auto* u = index.tree().Find(g)) grid_info[g] = {u->name, b.org};
            });
            const std::string approved = std::to_string(this_year - 2) + "-03-18";
            int grid_no = 0;
            for (auto& [grid, people] : grid_people) {
                const auto info = grid_info.find(grid);
                if (info == grid_info.end() || info->second.second == 0 || people.empty()) continue;
                ++grid_no;
                core::roster::PartyOrg org{0, grid, info->second.first + "党支部", core::roster::PartyOrgKind::kBranch};
                org.parent_id = info->second.second;
                org.approved_on = approved;
                org.document_no = "溧组复〔" + std::to_string(this_year - 2) + "〕" + std::to_string(100 + grid_no) + "号";
                org.id = store.InsertPartyOrg(org);
                store.InsertPartyOrgEvent({0, org.id, "create", "", org.name, org.approved_on, org.document_no, "demo",
                                           IsoAt(today, 8, now)});
                for (auto& p : people) {
                    p.party_org_id = org.id;
                    store.UpdatePerson(p);
                }
                if (people.size() < 2) continue;
                core::roster::PartyHousehold h;
                h.org_id = org.id;
                h.person_id = people.front().id;
                h.place = std::string(kPlaces[grid_no % std::size(kPlaces)]) + "自然村";
                h.created_on = approved;
                for (std::size_t k = 1; k < people.size() && h.served.size() < 4; ++k) h.served.push_back(people[k].id);
                store.InsertHousehold(h);
            }
        }
        // The village's people already registered as members (the demo's cadres) are points members
        // too: the leaderboards rank everyone the organization counts.
        {
            std::vector<core::roster::Id> units;
            roster.WithIndex([&](const RosterIndex& index) {
                auto add = [&](core::roster::Id village) {
                    for (core::roster::Id u : index.tree().Subtree(village)) units.push_back(u);
                };
                for (const Branch& b : liyang) add(b.village);
                for (const Branch& b : small) add(b.village);
                std::unordered_set<core::roster::Id> linked;
                for (const auto& m : ps.ListMembers()) linked.insert(m.person_id);
                for (core::roster::Id u : units)
                    index.ForEachPersonUnder(u, [&](const core::roster::Person& p) {
                        if (p.unit_id != u || p.party_org_id == 0 || linked.contains(p.id)) return;
                        ports::PointsMemberRecord m;
                        m.unit_id = p.unit_id;
                        m.name = p.name;
                        m.person_id = p.id;
                        ps.InsertMember(m);
                        ++created;
                    });
            });
        }
        ps.InsertEvents(ledger);
        ledger.clear();
        // The year before: a closed (read-only) period with a few approved events per member, so that
        // the period picker has history to show. A separate generator keeps the current year's data
        // the same as without it.
        {
            const points::CivilDate start = points::CivilFromDays(period.from);
            ports::PointsPeriodRecord last;
            last.name = std::to_string(start.year - 1) + "年度";
            last.period = {points::DaysFromCivil(start.year - 1, 1, 1), points::DaysFromCivil(start.year - 1, 12, 31)};
            last.zeroing_rules = {"FM03"};
            last.grades = {{"优秀", 1, 3}, {"合格", 1, 1}};
            last.closed = true;
            const auto periods = ps.ListPeriods();
            const bool overlaps = std::any_of(periods.begin(), periods.end(), [&](const auto& p) {
                return p.period.from <= last.period.to && last.period.from <= p.period.to;
            });
            if (!overlaps) {
                ps.InsertPeriod(last);
                std::mt19937_64 history(options.seed + 1);
                auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(history); };
                for (const auto& member : ps.ListMembers()) {
                    for (int k = pick(1, 6); k > 0; --k) {
                        int at = pick(0, mix_total - 1);
                        const RuleMix* mix = kMix;
                        while (at >= mix->weight) at -= mix->weight, ++mix;
                        ports::PointsEventRecord e;
                        e.member_id = member.id;
                        e.rule_id = rule_ids.at(mix->code);
                        e.quantity = pick(1, mix->max_quantity) * points::kOnePoint;
                        e.date = last.period.from + pick(0, last.period.to - last.period.from);
                        e.status = points::EventStatus::kApproved;
                        e.submitted_by = e.decided_by = "demo";
                        e.submitted_at = IsoAt(e.date, 10, now);
                        e.decided_at = IsoAt(e.date, 15, now);
                        ledger.push_back(std::move(e));
                    }
                }
                ps.InsertEvents(ledger);
            }
        }
        core::ports::AuditEntry audit;
        audit.at = IsoAt(today, 0, now);
        audit.user = "system";
        audit.action = "demo";
        audit.entity = "points";
        audit.detail = "{\"members\":" + std::to_string(created) + "}";
        store.AppendAudit(audit);
    });
    if (created > 0) roster.Reload();  // the members are people of the roster now
    return created;
}

namespace {

// A one-page PDF (Helvetica, ASCII text): the shape of a scanned sign-in sheet, small and valid.
std::string SignInSheetPdf(const std::string& title) {
    const std::string text = "BT /F1 18 Tf 72 760 Td (" + title + ") Tj ET";
    std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        "/Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Length " + std::to_string(text.size()) + " >>\nstream\n" + text + "\nendstream",
    };
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t off : offsets) {
        char line[24];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
        pdf += line;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

}  // namespace

int LoadDemoEvidence(core::ports::PointsStore& ps, core::ports::StoreMutex& store_mutex, const RosterService& roster,
                     app::AttachmentService& attachments) {
    namespace at = core::attachments;
    const std::string_view photo(reinterpret_cast<const char*>(kDemoActivityPhoto), sizeof kDemoActivityPhoto);
    const std::string sheet = SignInSheetPdf("Sign-in sheet / qiandao biao");
    std::set<core::roster::Id> branch_units;
    roster.WithIndex([&](const core::roster::RosterIndex& index) {
        for (const auto& u : index.tree().units())
            for (const char* village : kSmallBranches)
                if (u.name == village)
                    for (core::roster::Id id : index.tree().Subtree(u.id)) branch_units.insert(id);
    });
    struct File {
        core::roster::Id event = 0;
        std::string at, name;
        bool is_photo = true;
    };
    std::vector<File> files;
    {
        std::lock_guard lock(store_mutex);
        for (const auto& m : ps.ListMembers()) {
            const bool me = m.name == "演示党员";
            if (!me && !branch_units.contains(m.unit_id)) continue;
            int pending_seen = 0;
            auto events = ps.ListMemberEvents(m.id);
            std::reverse(events.begin(), events.end());  // oldest first
            for (const auto& e : events) {
                const std::string when = e.submitted_at.empty() ? roster.Today() + "T01:00:00Z" : e.submitted_at;
                if (e.status == points::EventStatus::kPending) {
                    if (!me || pending_seen++ < 2) files.push_back({e.id, when, "活动照片.jpg", true});
                } else if (me && e.status == points::EventStatus::kRejected) {
                    files.push_back({e.id, when, "签到表.pdf", false});  // no photo: 佐证材料不全
                } else if (me && e.status == points::EventStatus::kApproved && e.reverses == 0) {
                    files.push_back({e.id, when, "活动照片.jpg", true});
                    files.push_back({e.id, when, "签到表.pdf", false});
                }
            }
        }
    }
    int stored = 0;
    for (const auto& f : files) {
        auto done = attachments.Seed(at::kOwnerDeclaration, f.event, "demo", f.at, f.name,
                                     f.is_photo ? photo : std::string_view(sheet));
        if (!done) throw std::runtime_error("演示佐证材料: " + done.error().message);
        ++stored;
    }
    return stored;
}

}  // namespace lingyan::demo
