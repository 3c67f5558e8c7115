#include "app/points/points_service.hpp"

#include <algorithm>
#include <limits>
#include <mutex>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_set>

#include "app/audit/audit_service.hpp"
#include "app/common/use_case.hpp"
#include "core/common/date.hpp"
#include "core/points/board_snapshot.hpp"
#include "core/points/scheme.hpp"
#include "core/text/cell_text.hpp"
#include "core/text/json_escape.hpp"

namespace lingyan::app {

namespace ports = core::ports;

using points::EventStatus;
using points::MemberIdx;
using points::Points;
using points::RuleIdx;
using points::UnitIdx;

namespace {

constexpr std::size_t kMaxBulkMembers = 10000;
constexpr std::int64_t kMaxTiedBeyondTop = 1000;  // a top-N page carries at most this many tied extras
constexpr std::int64_t kMaxPublicityMembers = 5000;
constexpr std::size_t kMaxPublicityEvents = 2000;

// Ids to indexes through a dense array when the ids are (as ids are) about as many as the rows: a
// hash lookup or a binary search per event was half of a board's rebuild. `for_each(put)` calls
// put(id, index) for every pair; empty when the ids are too sparse (the caller looks them up).
template <typename ForEach>
std::vector<std::int32_t> DenseIndex(core::roster::Id top, std::size_t count, ForEach for_each) {
    std::vector<std::int32_t> out;
    if (top < 0 || static_cast<std::size_t>(top) > 8 * count + 1024) return out;
    out.assign(static_cast<std::size_t>(top) + 1, -1);
    for_each([&](core::roster::Id id, std::int32_t idx) {
        if (id >= 0) out[static_cast<std::size_t>(id)] = idx;
    });
    return out;
}

bool IsApprover(Role r) { return r == Role::kAdmin || r == Role::kCounty || r == Role::kTown || r == Role::kSecretary; }
// Periods and rules are the deployment's: closing a period or changing a rule's points acts on every
// county, so only a role whose scope covers them all (admin) may change them (issue 11, finding 7).
bool IsRuleEditor(const Actor& actor) { return actor.role == Role::kAdmin && actor.scope_unit_id == 0; }

// "YYYY-MM-DDTHH:MM:SSZ" of a unix time (UTC), as SystemClock::NowIso writes it.
std::string IsoOf(std::int64_t unix_seconds) {
    const auto day = static_cast<points::Day>(unix_seconds >= 0 ? unix_seconds / 86400 : (unix_seconds - 86399) / 86400);
    const std::int64_t secs = unix_seconds - static_cast<std::int64_t>(day) * 86400;
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02dZ", static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                  static_cast<int>(secs % 60));
    return points::FormatDate(day) + buf;
}

std::string RuleJson(const points::Rule& r, bool active) {
    return "{\"code\":" + JsonQuote(r.code) + ",\"name\":" + JsonQuote(r.name) + ",\"category\":" +
           JsonQuote(r.category) + ",\"points\":" + points::FormatPoints(r.points, false) + ",\"cap\":" +
           (r.cap ? points::FormatPoints(*r.cap, false) : std::string("null")) +
           ",\"needs_approval\":" + (r.needs_approval ? "true" : "false") + ",\"active\":" + (active ? "true" : "false") +
           "}";
}

std::string EventJson(const ports::PointsEventRecord& e) {
    return "{\"member_id\":" + std::to_string(e.member_id) + ",\"rule_id\":" + std::to_string(e.rule_id) +
           ",\"date\":\"" + points::FormatDate(e.date) + "\",\"quantity\":" + points::FormatPoints(e.quantity, false) +
           ",\"status\":\"" + points::EventStatusName(e.status) + "\",\"reason\":" + JsonQuote(e.reason) +
           (e.reverses ? ",\"reverses\":" + std::to_string(e.reverses) : std::string()) + "}";
}

Result<points::Rule> CheckRule(points::Rule r) {
    using core::text::Utf8Length;
    if (r.code.empty() || r.code.size() > 32) return Invalid("细则编码不能为空且不超过 32 个字符", "code");
    if (r.name.empty() || Utf8Length(r.name) > 100) return Invalid("细则名称不能为空且不超过 100 个字", "name");
    if (r.category.empty() || Utf8Length(r.category) > 20)
        return Invalid("细则类别不能为空且不超过 20 个字", "category");
    if (Utf8Length(r.evidence) > 200) return Invalid("佐证材料的说明不超过 200 个字", "evidence");
    if (r.points == 0) return Invalid("分值不能为 0", "points");
    if (r.cap && *r.cap <= 0) return Invalid("上限须为正数", "cap");
    return r;
}

}  // namespace

std::vector<NewPointsRule> DefaultPointsRules() {
    constexpr Points P = points::kOnePoint;
    return {
        {"XX01", "参加“三会一课”", "学习活动", 5 * P, 60 * P, true, "签到记录"},
        {"XX02", "参加主题党日活动", "学习活动", 5 * P, 60 * P, true, "活动照片"},
        {"XX03", "参加集中学习培训（每半天）", "学习活动", 3 * P, 30 * P, true, "培训签到"},
        {"ZY01", "参加志愿服务（每次）", "志愿服务", 5 * P, 50 * P, true, "服务照片"},
        {"ZY02", "结对帮扶困难群众", "志愿服务", 10 * P, 40 * P, true, "帮扶记录"},
        {"ZF01", "带头创业、发展特色产业", "带头致富", 30 * P, 60 * P, true, "经营证明"},
        {"ZF02", "带动群众增收（每户）", "带头致富", 10 * P, 40 * P, true, "带动名单"},
        {"HJ01", "参与人居环境整治（每次）", "环境整治", 5 * P, 40 * P, true, "整治照片"},
        {"JF01", "调处矛盾纠纷（每起）", "纠纷调处", 10 * P, 50 * P, true, "调解记录"},
        {"FM01", "无故不参加组织生活（每次）", "负面清单", -10 * P, 50 * P, true, "支部记录"},
        {"FM02", "未按时足额交纳党费（每次）", "负面清单", -10 * P, 30 * P, true, "党费台账"},
        {"FM03", "受到党纪政务处分", "负面清单", -100 * P, std::nullopt, true, "处分决定"},
    };
}

struct PointsService::Live {
    ports::PointsPeriodRecord period;
    std::vector<ports::PointsRuleRecord> rules;  // RuleIdx order
    std::unordered_map<Id, RuleIdx> rule_by_id;
    std::unordered_map<std::string, RuleIdx> rule_by_code;
    std::vector<std::string> categories;
    std::vector<int> category_of_rule;
    std::vector<ports::PointsMemberRecord> members;  // MemberIdx order
    std::vector<UnitIdx> member_unit;
    std::unordered_map<Id, MemberIdx> member_by_id;
    std::unordered_map<Id, MemberIdx> member_by_user;
    std::vector<Id> unit_ids;  // UnitIdx → unit id
    std::vector<std::string> unit_names;
    std::unordered_map<Id, UnitIdx> unit_by_id;
    std::vector<std::vector<MemberIdx>> members_of_unit;  // UnitIdx → its own members (a branch)
    std::unique_ptr<points::Leaderboard> board;           // overall slot: the scheme total
    std::unique_ptr<points::PointsBook> book;
    // The county scheme: tally[m] is the capped sum of the rules, zeroing_net[m] the net quantity
    // of counted 清零 events (a reversal cancels one); the board's overall total is SchemeTotal.
    points::SchemeOptions scheme;
    std::vector<bool> zeroing_rule;  // RuleIdx → is a 清零 item
    std::vector<Points> tally;
    std::vector<Points> zeroing_net;
    // The state of the ledger the build read, and the transactions of other servers' counted
    // events applied since (ApplyCountedChanges): an event counted by a transaction of either is
    // in the totals already.
    ports::LedgerHorizon horizon;
    std::unordered_set<std::int64_t> fed_tx;
    // Members added after the build with their counted events (ApplyMemberWritesLocked): the
    // horizon of that read, which saw at least what the build's did. By member id; bounded like
    // fed_tx (past the bound the board is rebuilt).
    std::unordered_map<Id, ports::LedgerHorizon> member_horizon;
    // BuildLiveLocked's rule: a membership ended by the period's last day is on none of its boards.
    bool OnBoard(const ports::PointsMemberRecord& row) const {
        return row.ended_on.empty() || row.ended_on > points::FormatDate(period.period.to);
    }
    // How a snapshot's values are counted under these rules, and what they depend on: the rules
    // (ids, categories, points, caps, in order), the period's dates and its 清零 items — a kept
    // snapshot with another fingerprint is not used (core/points/board_snapshot.hpp).
    points::SnapshotRules SnapshotRulesOf() const {
        points::SnapshotRules out;
        for (const auto& r : rules) out.rules.push_back(r.rule);
        out.category_of_rule = category_of_rule;
        out.zeroing_rule = zeroing_rule;
        out.categories = static_cast<int>(categories.size());
        return out;
    }
    std::string Fingerprint() const {
        std::string out = "v1 period " + std::to_string(period.id) + " " + std::to_string(period.period.from) + "-" +
                          std::to_string(period.period.to) + " zeroing";
        for (const auto& code : period.zeroing_rules) out += " " + std::to_string(code.size()) + ":" + code;
        for (const auto& r : rules)
            out += "; rule " + std::to_string(r.id) + " " + std::to_string(r.rule.code.size()) + ":" + r.rule.code + " " +
                   std::to_string(r.rule.category.size()) + ":" + r.rule.category + " " + std::to_string(r.rule.points) +
                   " cap " + (r.rule.cap ? std::to_string(*r.rule.cap) : "-");
        return out;
    }
    // One counted event of a build (from the ledger, or of a member a snapshot lacks): the cap book,
    // the tally, the 清零 net and the category totals the board is then loaded with.
    void CountBuilt(MemberIdx m, RuleIdx r, Points quantity, std::vector<std::vector<Points>>& by_category) {
        const auto member = static_cast<std::size_t>(m);
        const auto rule = static_cast<std::size_t>(r);
        const Points delta = book->Approve(m, r, quantity);
        tally[member] += delta;
        if (zeroing_rule[rule]) zeroing_net[member] += quantity;
        by_category[static_cast<std::size_t>(category_of_rule[rule])][member] += delta;
    }
    bool MemberSaw(Id member, std::int64_t tx) const {
        const auto it = member_horizon.find(member);
        return it != member_horizon.end() && it->second.Saw(tx);
    }

    int CategoryIndex(const std::string& name) const {
        if (name.empty()) return points::Leaderboard::kOverall;
        auto it = std::find(categories.begin(), categories.end(), name);
        return it == categories.end() ? -2 : static_cast<int>(it - categories.begin());
    }
    Points SchemeTotalOf(MemberIdx m) const {
        const auto idx = static_cast<std::size_t>(m);
        return points::SchemeTotal(tally[idx], zeroing_net[idx] > 0, scheme);
    }
    int Stars(Points scheme_total) const { return points::StarsFor(scheme_total, period.stars); }
    // Grade of every member of `unit` (its own members) by the forced distribution of the period.
    std::vector<int> UnitGrades(UnitIdx unit) const {
        const auto& own = members_of_unit[static_cast<std::size_t>(unit)];
        std::vector<Points> totals;
        totals.reserve(own.size());
        for (const MemberIdx m : own) totals.push_back(board->Total(m));
        return points::ForcedDistribution(totals, period.grades);
    }
    // A unit's grades are computed on first read and kept until one of its members' totals
    // changes (ApplyCounted drops the entry under the writer lock): a leaderboard page reads
    // them without sorting each branch again. Readers share the live lock, so the cache has its own.
    mutable std::mutex grade_mutex;
    mutable std::unordered_map<UnitIdx, std::shared_ptr<const std::vector<int>>> grade_cache;  // by grade_mutex
    std::shared_ptr<const std::vector<int>> CachedUnitGrades(UnitIdx unit) const {
        std::lock_guard lock(grade_mutex);
        auto& slot = grade_cache[unit];
        if (!slot) slot = std::make_shared<const std::vector<int>>(UnitGrades(unit));
        return slot;
    }
    void DropGrades(UnitIdx unit) {
        std::lock_guard lock(grade_mutex);
        grade_cache.erase(unit);
    }
    // Leaderboard pages by (scope, category, top), dropped whole when any total changes
    // (ApplyCounted, under the writer lock); readers share the live lock, so it has its own.
    static constexpr std::size_t kMaxCachedPages = 4096;
    using PageKey = std::tuple<UnitIdx, int, std::int64_t>;
    mutable std::mutex page_mutex;
    mutable std::map<PageKey, std::shared_ptr<const LeaderboardPage>> page_cache;  // by page_mutex
    void DropPages() {
        std::lock_guard lock(page_mutex);
        page_cache.clear();
    }
    // The member's grade; `cache` keeps each unit's distribution for the rest of a page.
    using GradeCache = std::unordered_map<UnitIdx, std::shared_ptr<const std::vector<int>>>;
    std::string GradeOf(MemberIdx m, GradeCache& cache) const {
        if (period.grades.empty()) return "";
        const UnitIdx unit = member_unit[static_cast<std::size_t>(m)];
        auto it = cache.find(unit);
        if (it == cache.end()) it = cache.emplace(unit, CachedUnitGrades(unit)).first;
        const auto& own = members_of_unit[static_cast<std::size_t>(unit)];
        const auto at = std::lower_bound(own.begin(), own.end(), m) - own.begin();  // own is ascending
        return period.grades[static_cast<std::size_t>((*it->second)[static_cast<std::size_t>(at)])].name;
    }
};

PointsService::PointsService(core::ports::Store& store, core::ports::PointsStore& points, core::ports::StoreMutex& store_mutex,
                             const core::ports::Clock& clock, const RosterService& roster, PointsFiles files)
    : UseCaseBase(store, store_mutex, clock, roster), points_(points), files_(std::move(files)) {}

// ---- loading -------------------------------------------------------------------------------

void PointsService::Reload() {
    std::lock_guard lock(store_mutex_);
    ReloadLocked();
}

namespace {

// A registered party member of the roster, as a points member row mirrors it.
struct Registered {
    Id id, unit_id;
    std::string name;
};

// Makes row `m` mirror `person` (null: no longer a registered member) on `today`; true when it
// changed.
bool Mirror(ports::PointsMemberRecord& m, const Registered* person, const std::string& today) {
    if (!person) {
        // The party membership ended (cleared, or the person left the roster): so does this one;
        // the row and its ledger stay.
        if (!m.ended_on.empty()) return false;
        m.ended_on = today;
        return true;
    }
    if (m.ended_on.empty() && m.unit_id == person->unit_id && m.name == person->name) return false;
    // Moved, renamed, or a member again: the row follows the person.
    m.ended_on.clear();
    m.unit_id = person->unit_id;
    m.name = person->name;
    return true;
}

}  // namespace

int PointsService::SyncMembers() {
    // The registered party members, by person id: a sorted vector, not a map of whole people (a
    // province's 4 M were 8 s of every start).
    std::vector<Registered> members;
    roster_.WithIndex([&](const core::roster::RosterIndex& index) {
        index.ForEachPerson([&](const core::roster::Person& p) {
            if (p.party_org_id != 0) members.push_back({p.id, p.unit_id, p.name});
        });
    });
    std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    const auto find = [&](Id person_id) -> const Registered* {
        auto it = std::lower_bound(members.begin(), members.end(), person_id,
                                   [](const Registered& r, Id id) { return r.id < id; });
        return it != members.end() && it->id == person_id ? &*it : nullptr;
    };
    const std::string today = clock_.Today();
    std::lock_guard lock(store_mutex_);
    std::vector<MemberWrite> writes;
    std::vector<Id> has_row;
    auto tx = store_.Begin();
    for (auto& m : points_.ListMembers()) {
        if (m.person_id == 0) continue;
        has_row.push_back(m.person_id);
        if (m.register_pending) continue;  // RegisterOldMembers gives it a person and a membership first
        if (!Mirror(m, find(m.person_id), today)) continue;
        points_.UpdateMember(m);
        writes.push_back({std::move(m), false});
    }
    std::sort(has_row.begin(), has_row.end());
    for (const auto& p : members) {
        if (std::binary_search(has_row.begin(), has_row.end(), p.id)) continue;
        ports::PointsMemberRecord row{0, p.unit_id, p.name, p.id, 0};
        row.id = points_.InsertMember(row);
        writes.push_back({std::move(row), true});
    }
    if (writes.empty()) return 0;
    // No audit entry of its own: the rows mirror people, and each change to a person is audited.
    tx->Commit();
    ApplyMemberWritesLocked(writes);
    return static_cast<int>(writes.size());
}

int PointsService::SyncMembersOf(const std::vector<Id>& person_ids) {
    if (person_ids.size() > kTargetedSyncMax) return SyncMembers();
    std::vector<std::pair<Id, std::optional<Registered>>> people;
    roster_.WithIndex([&](const core::roster::RosterIndex& index) {
        for (const Id id : person_ids) {
            const auto* p = index.FindPerson(id);
            people.emplace_back(id, p && p->party_org_id != 0 ? std::optional(Registered{p->id, p->unit_id, p->name})
                                                                : std::nullopt);
        }
    });
    const std::string today = clock_.Today();
    std::lock_guard lock(store_mutex_);
    std::vector<MemberWrite> writes;
    auto tx = store_.Begin();
    for (const auto& [id, person] : people) {
        auto row = points_.FindMemberOfPerson(id);
        if (row) {
            if (row->register_pending || !Mirror(*row, person ? &*person : nullptr, today)) continue;
            points_.UpdateMember(*row);
            writes.push_back({std::move(*row), false});
        } else if (person) {
            ports::PointsMemberRecord added{0, person->unit_id, person->name, id, 0};
            added.id = points_.InsertMember(added);
            writes.push_back({std::move(added), true});
        }
    }
    if (writes.empty()) return 0;
    tx->Commit();
    ApplyMemberWritesLocked(writes);
    return static_cast<int>(writes.size());
}

void PointsService::ApplyMemberWritesLocked(const std::vector<MemberWrite>& writes) {
    // Whether a write adds a member that comes with a ledger (not a new row) to `live`.
    const auto brings_ledger = [](const Live& live, const MemberWrite& w) {
        return !w.inserted && !live.member_by_id.contains(w.row.id) && live.OnBoard(w.row);
    };
    // Each member in place costs O(members): over kTargetedSyncMax (a big import, a first sync)
    // one rebuild is cheaper.
    bool rebuild = false;
    std::vector<std::pair<Live*, std::vector<Id>>> ledgers;  // boards and the members whose ledger they need
    {
        std::shared_lock read(live_mutex_);
        rebuild = !loaded_ || writes.size() > kTargetedSyncMax;
        for (auto& [period, live] : lives_) {
            std::set<Id> ids;
            for (const auto& w : writes)
                if (brings_ledger(*live, w)) ids.insert(w.row.id);
            if (!ids.empty()) ledgers.emplace_back(live.get(), std::vector<Id>(ids.begin(), ids.end()));
        }
    }
    if (rebuild) return ReloadLocked();
    // Their counted events, read before the boards are locked (readers go on meanwhile; the store
    // mutex keeps this server's own writes out until they are applied).
    std::vector<std::pair<ports::CountedEventsRead, std::vector<ports::PointsEventRecord>>> reads;
    for (const auto& [live, ids] : ledgers) {
        auto& [read, events] = reads.emplace_back();
        read = points_.CountedEventsOf(live->period.period, ids, [&](const ports::PointsCountedEvent& e) {
            ports::PointsEventRecord record;
            record.member_id = e.member_id;
            record.rule_id = e.rule_id;
            record.quantity = e.quantity;
            events.push_back(record);
        });
        // A board that follows other servers' transactions needs to know which the read saw.
        if (live->horizon.known && !read.horizon.known) return ReloadLocked();
    }
    {
        std::unique_lock write(live_mutex_);
        for (auto& [period, live] : lives_) {
            for (const auto& w : writes) {
                if (rebuild) break;
                rebuild = !ApplyMemberWriteLocked(*live, w);
            }
            live->DropPages();
        }
        for (std::size_t i = 0; i < ledgers.size() && !rebuild; ++i) {
            Live& live = *ledgers[i].first;
            const auto& [read, events] = reads[i];
            for (const auto& e : events) ApplyCountedLocked(live, e);
            if (read.horizon.known)
                for (const Id id : ledgers[i].second) live.member_horizon[id] = read.horizon;
        }
        // Bounded: the horizons kept per member, and the indexes of members gone from the boards.
        for (auto& [period, live] : lives_)
            rebuild = rebuild || live->member_horizon.size() > tuning_.max_applied_transactions ||
                      live->members.size() - live->member_by_id.size() > tuning_.max_applied_transactions;
    }
    if (rebuild) ReloadLocked();
}

bool PointsService::ApplyMemberWriteLocked(Live& live, const MemberWrite& w) {
    const auto& row = w.row;
    const bool on_board = live.OnBoard(row);
    const auto found = live.member_by_id.find(row.id);
    if (found == live.member_by_id.end()) {
        if (!on_board) return true;
        const auto unit = live.unit_by_id.find(row.unit_id);
        if (unit == live.unit_by_id.end()) return false;
        const auto m = static_cast<MemberIdx>(live.members.size());
        live.member_by_id[row.id] = m;
        if (row.user_id) live.member_by_user[row.user_id] = m;
        live.member_unit.push_back(unit->second);
        live.members_of_unit[static_cast<std::size_t>(unit->second)].push_back(m);  // the highest index: still ascending
        live.members.push_back(row);
        live.tally.push_back(0);
        live.zeroing_net.push_back(0);
        live.board->AddMember(unit->second);
        // No events yet (those of a member with a ledger follow): the scheme's total is its base points.
        if (const Points base = live.SchemeTotalOf(m); base != 0) live.board->Apply(m, points::Leaderboard::kOverall, base);
        live.DropGrades(unit->second);
        return true;
    }
    const MemberIdx m = found->second;
    auto& member = live.members[static_cast<std::size_t>(m)];
    if (!on_board) {  // a membership ended: the member leaves the boards with its totals
        const UnitIdx unit = live.member_unit[static_cast<std::size_t>(m)];
        auto& own = live.members_of_unit[static_cast<std::size_t>(unit)];
        own.erase(std::lower_bound(own.begin(), own.end(), m));
        if (auto mine = live.member_by_user.find(member.user_id); mine != live.member_by_user.end() && mine->second == m)
            live.member_by_user.erase(mine);
        live.member_horizon.erase(row.id);
        live.member_by_id.erase(found);  // its index stays taken (begun again: a new one, placed by id)
        live.board->RemoveMember(m);
        live.DropGrades(unit);
        return true;
    }
    if (member.user_id != row.user_id) {  // an account linked (or unlinked): who "my points" are
        if (auto mine = live.member_by_user.find(member.user_id); mine != live.member_by_user.end() && mine->second == m)
            live.member_by_user.erase(mine);
        if (row.user_id) live.member_by_user[row.user_id] = m;
    }
    if (member.unit_id != row.unit_id) {
        const auto unit = live.unit_by_id.find(row.unit_id);
        if (unit == live.unit_by_id.end()) return false;
        const UnitIdx from = live.member_unit[static_cast<std::size_t>(m)];
        auto& own_from = live.members_of_unit[static_cast<std::size_t>(from)];
        own_from.erase(std::lower_bound(own_from.begin(), own_from.end(), m));
        auto& own_to = live.members_of_unit[static_cast<std::size_t>(unit->second)];
        own_to.insert(std::lower_bound(own_to.begin(), own_to.end(), m), m);
        live.member_unit[static_cast<std::size_t>(m)] = unit->second;
        live.board->MoveMember(m, unit->second);
        live.DropGrades(from);
        live.DropGrades(unit->second);
    }
    member = row;
    return true;
}

OldMembersReport PointsService::RegisterOldMembers() {
    OldMembersReport report;
    std::lock_guard lock(store_mutex_);
    if (!points_.AnyRegistrationPending()) {  // every start but the first with old points members
        ReloadLocked();
        return report;
    }
    auto rows = points_.ListMembers();
    std::set<Id> taken;  // persons who are a points member already
    for (const auto& m : rows)
        if (m.person_id != 0) taken.insert(m.person_id);
    const Actor system{0, "system", Role::kAdmin, 0};
    auto tx = store_.Begin();
    roster_.WithIndex([&](const core::roster::RosterIndex& index) {
        for (auto& m : rows) {
            if (!m.register_pending) continue;
            std::optional<core::roster::Person> person;
            if (const auto* p = m.person_id ? index.FindPerson(m.person_id) : nullptr) person = *p;
            std::string how = "linked";
            if (!person) {
                std::vector<const core::roster::Person*> same;
                index.ForEachPerson([&](const core::roster::Person& p) {
                    if (p.unit_id == m.unit_id && p.name == m.name && !taken.contains(p.id)) same.push_back(&p);
                });
                if (same.size() == 1) {
                    person = *same.front();
                    how = "matched";
                    ++report.matched;
                } else {
                    core::roster::Person made;
                    made.unit_id = m.unit_id;
                    made.name = m.name;
                    made.gender = core::roster::Gender::kMale;
                    made.education = core::roster::Education::kHighSchool;
                    made.id = store_.InsertPerson(made);
                    person = made;
                    how = "created";
                    ++report.created;
                }
                taken.insert(person->id);
                m.person_id = person->id;
            }
            const core::roster::PartyOrg* org = nullptr;
            for (auto unit = std::optional<Id>(m.unit_id); unit && !org;) {
                org = index.LeadingOrgOf(*unit);
                const auto* u = index.tree().Find(*unit);
                unit = u ? u->parent_id : std::nullopt;
            }
            std::string line = "积分党员 " + std::to_string(m.id) + "（" + m.name + "）：" +
                               (how == "created" ? "新建人员 " : how == "matched" ? "匹配人员 " : "人员 ") +
                               std::to_string(person->id);
            if (person->party_org_id == 0 && !org) {
                ++report.waiting;
                points_.UpdateMember(m);  // the person is kept; the membership waits for an officer
                report.lines.push_back(line + "，所在单位及上级均无党组织，暂未登记组织关系");
                continue;
            }
            if (person->party_org_id == 0) {
                person->party_org_id = org->id;
                store_.UpdatePerson(*person);
                ++report.joined;
                line += "，组织关系登记在 " + org->name;
            }
            m.register_pending = false;
            m.unit_id = person->unit_id;
            m.name = person->name;
            points_.UpdateMember(m);
            Audit(system, "register", "points_member", m.id,
                  "{\"person_id\":" + std::to_string(person->id) + ",\"how\":\"" + how +
                      "\",\"party_org_id\":" + std::to_string(person->party_org_id) + "}");
            report.lines.push_back(std::move(line));
        }
    });
    tx->Commit();
    ReloadLocked();
    return report;
}

void PointsService::Seed(const std::function<void(core::ports::Store&, core::ports::PointsStore&)>& fn) {
    std::lock_guard lock(store_mutex_);
    EnsureCatalogLocked();
    auto tx = store_.Begin();
    fn(store_, points_);
    tx->Commit();
    ReloadLocked();
}

void PointsService::EnsureCatalogLocked() {
    const bool no_rules = points_.ListRules().empty();
    const bool no_period = points_.ListPeriods().empty();
    if (!no_rules && !no_period) return;
    auto tx = store_.Begin();
    if (no_rules) {
        for (const auto& r : DefaultPointsRules()) {
            ports::PointsRuleRecord rec;
            rec.rule = {r.code, r.name, r.category, r.points, r.cap, r.needs_approval, r.evidence};
            points_.InsertRule(rec);
        }
    }
    if (no_period) {
        const int year = std::stoi(clock_.Today().substr(0, 4));
        ports::PointsPeriodRecord p;
        p.name = std::to_string(year) + "年度";
        p.period = {points::DaysFromCivil(year, 1, 1), points::DaysFromCivil(year, 12, 31)};
        p.zeroing_rules = {"FM03"};
        p.grades = {{"优秀", 1, 3}, {"合格", 1, 1}};
        points_.InsertPeriod(p);
    }
    tx->Commit();
}

namespace {

// The period holding `today`, else the last (periods are by start date), else null.
const ports::PointsPeriodRecord* CurrentOf(const std::vector<ports::PointsPeriodRecord>& periods,
                                           const std::string& today) {
    if (const auto day = points::ParseDate(today))
        for (const auto& p : periods)
            if (p.period.Contains(*day)) return &p;
    return periods.empty() ? nullptr : &periods.back();
}

}  // namespace

Id PointsService::CurrentPeriodIdLocked() const {
    const auto* p = CurrentOf(periods_, clock_.Today());
    return p ? p->id : 0;
}

const ports::PointsPeriodRecord* PointsService::PeriodOfDayLocked(points::Day day) const {
    for (const auto& p : periods_)
        if (p.period.Contains(day)) return &p;
    return nullptr;
}

core::Status PointsService::CheckWritable(points::Day day) const {
    std::shared_lock read(live_mutex_);
    const auto* p = PeriodOfDayLocked(day);
    if (!p) return Invalid("日期 " + points::FormatDate(day) + " 不在任何考核周期内", "date");
    if (p->closed) return Error{errc::kConflict, "考核周期“" + p->name + "”已关闭，只读", "date"};
    return core::Ok();
}

void PointsService::ReloadLocked() {
    EnsureCatalogLocked();
    auto periods = points_.ListPeriods();
    const auto* current = CurrentOf(periods, clock_.Today());
    const ports::PointsPeriodRecord record = current ? *current : ports::PointsPeriodRecord{};
    // Built before it replaces the old boards, which readers keep using meanwhile (at province
    // scale a build takes ~22 s, measured; another server's member or rule change asks for one).
    auto live = BuildLiveLocked(record);
    std::unique_lock write(live_mutex_);
    periods_ = std::move(periods);
    lives_.clear();
    lives_[record.id] = std::move(live);
    loaded_ = true;
    ++reloads_;
}

std::shared_ptr<PointsService::Live> PointsService::BuildLiveLocked(const ports::PointsPeriodRecord& period) {
    auto live = std::make_shared<Live>();
    live->period = period;
    live->rules = points_.ListRules();
    std::vector<points::Rule> rules;
    live->scheme.base_points = period.base_points;
    for (std::size_t i = 0; i < live->rules.size(); ++i) {
        const auto& r = live->rules[i];
        live->rule_by_id[r.id] = static_cast<RuleIdx>(i);
        live->rule_by_code[r.rule.code] = static_cast<RuleIdx>(i);
        auto it = std::find(live->categories.begin(), live->categories.end(), r.rule.category);
        if (it == live->categories.end()) it = live->categories.insert(live->categories.end(), r.rule.category);
        live->category_of_rule.push_back(static_cast<int>(it - live->categories.begin()));
        const bool zeroing = std::find(period.zeroing_rules.begin(), period.zeroing_rules.end(), r.rule.code) !=
                             period.zeroing_rules.end();
        live->zeroing_rule.push_back(zeroing);
        if (zeroing) live->scheme.zeroing_rules.push_back(static_cast<RuleIdx>(i));
        rules.push_back(r.rule);
    }
    std::vector<UnitIdx> parents;
    roster_.WithIndex([&](const RosterIndex& index) {
        const auto& units = index.tree().units();
        for (std::size_t i = 0; i < units.size(); ++i) {
            live->unit_by_id[units[i].id] = static_cast<UnitIdx>(i);
            live->unit_ids.push_back(units[i].id);
            live->unit_names.push_back(units[i].name);
        }
        for (const auto& u : units) parents.push_back(u.parent_id ? live->unit_by_id.at(*u.parent_id) : points::kNoUnit);
    });
    auto tree = points::UnitTree::Build(std::move(parents));
    if (!tree) throw std::runtime_error("积分排行榜：单位树无效 " + tree.error().message);
    live->members_of_unit.resize(live->unit_ids.size());
    const std::string period_end = points::FormatDate(period.period.to);
    for (auto& m : points_.ListMembers()) {
        // A membership that ended by the period's last day is on none of its boards (its ledger stays).
        if (!m.ended_on.empty() && m.ended_on <= period_end) continue;
        auto unit = live->unit_by_id.find(m.unit_id);
        if (unit == live->unit_by_id.end()) continue;  // the roster no longer has the unit
        const auto idx = static_cast<MemberIdx>(live->members.size());
        live->member_by_id[m.id] = idx;
        if (m.user_id) live->member_by_user[m.user_id] = idx;
        live->member_unit.push_back(unit->second);
        live->members_of_unit[static_cast<std::size_t>(unit->second)].push_back(idx);
        live->members.push_back(std::move(m));
    }
    const int category_count = static_cast<int>(live->categories.size());
    live->board = std::make_unique<points::Leaderboard>(std::move(tree).value(), live->member_unit, category_count);
    // Numbered by id above; a member added later (new, another server's, a membership begun again)
    // or moved stands among its unit's members by id too, as after a rebuild.
    live->board->SetMemberOrder([&members = live->members](MemberIdx a, MemberIdx b) {
        return members[static_cast<std::size_t>(a)].id < members[static_cast<std::size_t>(b)].id;
    });
    live->book = std::make_unique<points::PointsBook>(std::move(rules));

    // Feed the counted events through the book (caps), accumulating totals, then load them at once.
    // The events stream in narrow rows in no order: a member's capped sum per rule, and so every
    // total, does not depend on the order (CappedDelta telescopes).
    const std::size_t member_count = live->members.size();
    live->tally.assign(member_count, 0);
    live->zeroing_net.assign(member_count, 0);
    std::vector<std::vector<Points>> by_category(live->categories.size(), std::vector<Points>(member_count, 0));
    const auto dense = [](const auto& by_id, std::size_t count) {
        Id top = 0;
        for (const auto& [id, idx] : by_id) top = std::max(top, id);
        return DenseIndex(top, count, [&](const auto& put) {
            for (const auto& [id, idx] : by_id) put(id, idx);
        });
    };
    const auto member_at = dense(live->member_by_id, live->members.size());
    const auto rule_at = dense(live->rule_by_id, live->rules.size());
    const auto index_of = [](const std::vector<std::int32_t>& at, const auto& by_id, Id id) -> std::int32_t {
        if (!at.empty()) return id >= 0 && static_cast<std::size_t>(id) < at.size() ? at[static_cast<std::size_t>(id)] : -1;
        auto it = by_id.find(id);
        return it == by_id.end() ? -1 : it->second;
    };
    // The events come in no order; applied one by one they touched the book's sums, the tally and
    // the category totals (arrays over every member: 4 M at province scale) at random, and that
    // was 81 % of a full-scale start. Each part of the read gathers them into a batch, and a full
    // batch is applied (one at a time) bucket by bucket of neighbouring members — a counting sort
    // on the member's high bits — so the arrays are touched a few hundred kB at a time. A batch
    // holds the member's id while ids are dense and maps it in its bucket (a random lookup per
    // event in a 16 MB array was half the read's time), else the member's index.
    struct Counted {
        std::int32_t member;  // id (dense) or index
        RuleIdx rule;
        Points quantity;
    };
    const bool by_id =
        !member_at.empty() && member_at.size() <= static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max());
    const std::size_t batch_size = std::max<std::size_t>(1, tuning_.batch);
    const int bucket_bits = tuning_.bucket_bits;
    const std::size_t buckets = ((by_id ? member_at.size() : member_count) >> bucket_bits) + 1;
    std::vector<std::vector<Counted>> batches(static_cast<std::size_t>(std::max(1, tuning_.read.parts)));
    std::mutex apply_mutex;
    std::vector<Counted> sorted;
    std::vector<std::size_t> start(buckets + 1);
    live->book->Reserve(static_cast<MemberIdx>(member_count));
    const auto flush = [&](std::vector<Counted>& batch) {
        std::lock_guard lock(apply_mutex);
        std::fill(start.begin(), start.end(), 0);
        for (const auto& e : batch) ++start[(static_cast<std::size_t>(e.member) >> bucket_bits) + 1];
        for (std::size_t b = 1; b <= buckets; ++b) start[b] += start[b - 1];
        sorted.resize(batch.size());
        for (const auto& e : batch) sorted[start[static_cast<std::size_t>(e.member) >> bucket_bits]++] = e;
        for (const auto& e : sorted) {
            const MemberIdx m = by_id ? member_at[static_cast<std::size_t>(e.member)] : e.member;
            if (m >= 0) live->CountBuilt(m, e.rule, e.quantity, by_category);
        }
        batch.clear();
    };
    const auto on_event = [&](int part, const ports::PointsCountedEvent& e) {
        const RuleIdx r = index_of(rule_at, live->rule_by_id, e.rule_id);
        if (r < 0) return;
        std::int32_t member = -1;
        if (by_id) {
            if (e.member_id >= 0 && static_cast<std::size_t>(e.member_id) < member_at.size())
                member = static_cast<std::int32_t>(e.member_id);
        } else {
            member = index_of(member_at, live->member_by_id, e.member_id);
        }
        if (member < 0) return;
        auto& batch = batches[static_cast<std::size_t>(part)];
        batch.push_back({member, r, e.quantity});
        if (batch.size() == batch_size) flush(batch);
    };
    // From the kept snapshot and what was counted since, when there is one to trust; else the
    // whole ledger.
    BoardSnapshotReport report;
    std::optional<ports::LedgerHorizon> restored;
    if (tuning_.snapshots) restored = RestoreLocked(*live, by_category, report);
    else report.why_not = "未启用快照";
    if (restored) {
        live->horizon = *restored;
    } else {
        const auto read = points_.ForEachCountedEvent(period.period, tuning_.read, on_event);
        for (auto& batch : batches) flush(batch);
        last_build_parts_ = read.parts;
        live->horizon = read.horizon;
        // Nothing to keep either: a read without a horizon (SQLite, or a rebuild inside a transaction).
        if (!read.horizon.known) report.why_not = "本库不保存积分榜快照：SQLite，或在事务内重建、读不出台账位置";
    }
    std::vector<Points> overall(member_count, 0);
    for (std::size_t m = 0; m < member_count; ++m) overall[m] = live->SchemeTotalOf(static_cast<MemberIdx>(m));
    live->board->Load(overall, by_category);
    if (tuning_.snapshots && live->horizon.known) StashSnapshot(*live, by_category);
    std::lock_guard lock(snapshot_mutex_);
    last_report_ = std::move(report);
    return live;
}

namespace {

// Why the kept snapshot `record` (its head: where, what, how old) cannot serve a board of
// `fingerprint`; empty when it can, as far as its head tells.
std::string SnapshotHeadProblem(const ports::BoardSnapshotRecord& record, const std::string& fingerprint,
                                std::chrono::seconds max_age) {
    if (!record.here) return "快照来自另一个数据库（由备份恢复或迁移而来）";
    if (record.fingerprint != fingerprint) return "快照之后积分规则或周期有变";
    if (record.age_seconds > static_cast<double>(max_age.count()))
        return "快照已保存 " + std::to_string(static_cast<long long>(record.age_seconds / 3600)) +
               " 小时，超过变更记录的保留期";
    return {};
}

// A kept snapshot, decoded, when it may be used for a board whose values depend on `fingerprint`
// and `rules`, kept no more than `max_age` ago by this database; else nullopt and `why_not`.
std::optional<points::BoardSnapshot> UsableSnapshot(const ports::BoardSnapshotRecord& record,
                                                    const std::string& fingerprint, const points::SnapshotRules& rules,
                                                    std::chrono::seconds max_age, std::string& why_not) {
    why_not = SnapshotHeadProblem(record, fingerprint, max_age);
    if (!why_not.empty()) return std::nullopt;
    auto snapshot = points::DecodeBoardSnapshot(record.data, &why_not);
    if (snapshot && (snapshot->categories != rules.categories || snapshot->columns != rules.Columns())) {
        why_not = "快照的列与规则不符";
        return std::nullopt;
    }
    return snapshot;
}

// Counts counted event `e` into `snapshot` at `row` (its member's row), when there is one and the
// rule is known; whether it did.
bool FoldInto(points::BoardSnapshot& snapshot, const points::SnapshotRules& rules,
              const std::unordered_map<Id, RuleIdx>& rule_by_id, std::optional<std::size_t> row,
              const ports::PointsCountedEvent& e) {
    const auto rule = rule_by_id.find(e.rule_id);
    if (!row || rule == rule_by_id.end()) return false;
    points::CountIntoSnapshot(snapshot, rules, *row, rule->second, e.quantity);
    return true;
}

}  // namespace

std::optional<ports::LedgerHorizon> PointsService::RestoreLocked(Live& live, std::vector<std::vector<Points>>& by_category,
                                                               BoardSnapshotReport& report) {
    auto record = points_.LoadBoardSnapshot(live.period.id);
    if (!record) {
        report.why_not = "没有保存的快照";
        return std::nullopt;
    }
    const auto rules = live.SnapshotRulesOf();
    auto snapshot = UsableSnapshot(*record, live.Fingerprint(), rules, tuning_.snapshot_max_age, report.why_not);
    record->data = {};
    if (!snapshot) return std::nullopt;
    // Members on the board the snapshot has no row for (new since, or a membership begun again):
    // their ledgers are read whole. Both lists are in id order.
    std::vector<Id> missing;
    {
        auto kept = snapshot->member_ids.begin();
        for (const auto& m : live.members) {
            kept = std::lower_bound(kept, snapshot->member_ids.end(), m.id);
            if (kept == snapshot->member_ids.end() || *kept != m.id) missing.push_back(m.id);
        }
    }
    if (missing.size() > tuning_.max_applied_transactions) {
        report.why_not = "快照缺少的党员过多（" + std::to_string(missing.size()) + " 人）";
        return std::nullopt;
    }
    struct Counted {
        MemberIdx member;
        RuleIdx rule;
        Points quantity;
    };
    std::vector<Counted> of_missing;
    const auto horizon = points_.CountedEventsSince(
        live.period.period, record->horizon, missing,
        [&](const ports::PointsCountedEvent& e) {
            if (FoldInto(*snapshot, rules, live.rule_by_id, snapshot->RowOf(e.member_id), e)) ++report.counted_since;
        },
        [&](const ports::PointsCountedEvent& e) {
            const auto m = live.member_by_id.find(e.member_id);
            const auto rule = live.rule_by_id.find(e.rule_id);
            if (m != live.member_by_id.end() && rule != live.rule_by_id.end())
                of_missing.push_back({m->second, rule->second, e.quantity});
        });
    if (!horizon) {
        report.why_not = "快照之后有整批变更（一个事务超过 10,000 行，或删除了规则、周期、党员），变更记录无法逐条给出";
        return std::nullopt;
    }
    const auto categories = static_cast<std::size_t>(snapshot->categories);
    for (std::size_t row = 0; row < snapshot->member_ids.size(); ++row) {
        const auto it = live.member_by_id.find(snapshot->member_ids[row]);
        if (it == live.member_by_id.end()) continue;  // no longer on the board
        const MemberIdx m = it->second;
        const auto member = static_cast<std::size_t>(m);
        const Points* values = snapshot->Row(row);
        live.zeroing_net[member] = values[0];
        Points tally = 0;
        for (std::size_t c = 0; c < categories; ++c) {
            by_category[c][member] = values[1 + c];
            tally += values[1 + c];
        }
        live.tally[member] = tally;
        std::size_t column = 0;
        for (std::size_t r = 0; r < rules.rules.size(); ++r)
            if (rules.rules[r].cap) live.book->SetRawSum(m, static_cast<RuleIdx>(r), values[1 + categories + column++]);
    }
    for (const auto& e : of_missing) live.CountBuilt(e.member, e.rule, e.quantity, by_category);
    report.from_snapshot = true;
    report.members_read = missing.size();
    return horizon;
}

void PointsService::StashSnapshot(const Live& live, const std::vector<std::vector<Points>>& by_category) {
    points::BoardSnapshot snapshot;
    snapshot.categories = static_cast<int>(live.categories.size());
    const auto rules = live.SnapshotRulesOf();
    snapshot.columns = rules.Columns();
    const std::size_t stride = snapshot.stride();
    snapshot.member_ids.reserve(live.members.size());
    snapshot.values.resize(live.members.size() * stride);
    for (std::size_t m = 0; m < live.members.size(); ++m) {
        snapshot.member_ids.push_back(live.members[m].id);
        Points* values = snapshot.Row(m);
        values[0] = live.zeroing_net[m];
        for (std::size_t c = 0; c < by_category.size(); ++c) values[1 + c] = by_category[c][m];
        std::size_t column = 1 + by_category.size();
        for (std::size_t r = 0; r < rules.rules.size(); ++r)
            if (rules.rules[r].cap) values[column++] = live.book->RawSum(static_cast<MemberIdx>(m), static_cast<RuleIdx>(r));
    }
    ports::BoardSnapshotRecord record;
    record.period_id = live.period.id;
    record.fingerprint = live.Fingerprint();
    record.horizon = live.horizon;
    std::lock_guard lock(snapshot_mutex_);
    const Id period = record.period_id;
    unwritten_.insert_or_assign(period, std::make_pair(std::move(record), std::move(snapshot)));
}

BoardSnapshotReport PointsService::LastBuildReport() const {
    std::lock_guard lock(snapshot_mutex_);
    return last_report_;
}

std::string PointsService::KeepBoardSnapshots() {
    const auto began = std::chrono::steady_clock::now();
    const auto took = [&] {
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - began);
        return "，用时 " + std::to_string(ms.count() / 1000) + "." + std::to_string(ms.count() % 1000 / 100) + " s";
    };
    decltype(unwritten_) unwritten;
    {
        std::lock_guard lock(snapshot_mutex_);
        unwritten.swap(unwritten_);
        if (unwritten.empty() && std::chrono::steady_clock::now() - last_kept_ < snapshot_refresh_) return {};
    }
    if (!unwritten.empty()) {
        std::string out;
        for (auto& [period, kept] : unwritten) {
            auto& [record, values] = kept;
            record.data = points::EncodeBoardSnapshot(values);
            points_.SaveBoardSnapshot(record);
            ++snapshots_kept_;
            out += (out.empty() ? "" : "；") + ("积分榜快照已保存（周期 " + std::to_string(period) + "，" +
                                               std::to_string(values.member_ids.size()) + " 名党员，" +
                                               std::to_string(record.data.size() >> 10) + " KiB）");
        }
        std::lock_guard lock(snapshot_mutex_);
        last_kept_ = std::chrono::steady_clock::now();
        return out + took();
    }
    std::vector<ports::PointsPeriodRecord> built;
    {
        std::shared_lock read(live_mutex_);
        for (const auto& [id, live] : lives_) built.push_back(live->period);
    }
    std::string out;
    for (const auto& period : built) {
        const std::string line = RefreshSnapshot(period);
        if (!line.empty()) out += (out.empty() ? "" : "；") + line;
    }
    if (!out.empty()) out += took();
    std::lock_guard lock(snapshot_mutex_);
    last_kept_ = std::chrono::steady_clock::now();
    return out;
}

std::string PointsService::RefreshSnapshot(const ports::PointsPeriodRecord& period) {
    // What the built board's rules make of the values (the board is rebuilt when they change).
    std::string fingerprint;
    points::SnapshotRules rules;
    std::unordered_map<Id, RuleIdx> rule_by_id;
    {
        std::shared_lock read(live_mutex_);
        const auto it = lives_.find(period.id);
        // Only a board read as of a known horizon has a snapshot to keep (not SQLite's).
        if (it == lives_.end() || !it->second->horizon.known) return {};
        fingerprint = it->second->Fingerprint();
        rules = it->second->SnapshotRulesOf();
        rule_by_id = it->second->rule_by_id;
    }
    std::chrono::seconds max_age{};
    {
        std::lock_guard lock(snapshot_mutex_);
        max_age = snapshot_max_age_;
    }
    // What was counted since a usable snapshot's horizon, read with its head only. Nothing: it is moved
    // to the new horizon without being read or written (106 MB at province scale) — it only has to
    // stay younger than the feed. Something: those events are folded into it below, not read again.
    std::optional<ports::LedgerHorizon> head_horizon, feed_horizon;
    std::vector<ports::PointsCountedEvent> since_head;
    if (auto head = points_.LoadBoardSnapshotHead(period.id);
        head && SnapshotHeadProblem(*head, fingerprint, max_age).empty()) {
        feed_horizon = points_.CountedEventsSince(
            period.period, head->horizon, {}, [&](const ports::PointsCountedEvent& e) { since_head.push_back(e); },
            [](const ports::PointsCountedEvent&) {});
        if (feed_horizon && since_head.empty() &&
            points_.AdvanceBoardSnapshot(period.id, head->horizon, *feed_horizon)) {
            ++snapshots_kept_;
            return "积分榜快照已前移（周期 " + std::to_string(period.id) + "，其后未计入积分）";
        }
        head_horizon = std::move(head->horizon);
    }
    auto record = points_.LoadBoardSnapshot(period.id);
    std::optional<points::BoardSnapshot> snapshot;
    std::optional<ports::LedgerHorizon> horizon;
    std::size_t counted = 0;
    std::string why_not;
    if (record) snapshot = UsableSnapshot(*record, fingerprint, rules, max_age, why_not);
    const auto fold = [&](const ports::PointsCountedEvent& e) {
        if (FoldInto(*snapshot, rules, rule_by_id, snapshot->RowOf(e.member_id), e)) ++counted;
    };
    if (snapshot && head_horizon && record->horizon == *head_horizon) {
        // The snapshot the head described: what the feed holds since was read with the head (none
        // when the feed could not name it — then it is counted again from the ledger below).
        if (feed_horizon) {
            for (const auto& e : since_head) fold(e);
            horizon = std::move(feed_horizon);
        }
    } else if (snapshot) {  // kept anew (by another server) between the head and now
        horizon = points_.CountedEventsSince(period.period, record->horizon, {}, fold,
                                             [](const ports::PointsCountedEvent&) {});
    }
    std::string how;
    if (horizon) {
        how = "由变更记录前推 " + std::to_string(counted) + " 条";
    } else {
        // Counted again from the ledger (one part: the other core serves), every member whose
        // membership had not ended by the period's last day (the board's rule).
        points::BoardSnapshot fresh;
        fresh.categories = rules.categories;
        fresh.columns = rules.Columns();
        for (const auto& m : points_.ListMembers())
            if (m.ended_on.empty() || m.ended_on > points::FormatDate(period.period.to)) fresh.member_ids.push_back(m.id);
        fresh.values.assign(fresh.member_ids.size() * fresh.stride(), 0);
        // Rows by id through a dense array (a binary search per event made this 56 s at province scale).
        const auto row_at = DenseIndex(fresh.member_ids.empty() ? 0 : fresh.member_ids.back(), fresh.member_ids.size(),
                                       [&](const auto& put) {
                                           for (std::size_t row = 0; row < fresh.member_ids.size(); ++row)
                                               put(fresh.member_ids[row], static_cast<std::int32_t>(row));
                                       });
        const auto row_of = [&](Id id) -> std::optional<std::size_t> {
            if (row_at.empty()) return fresh.RowOf(id);
            if (id < 0 || static_cast<std::size_t>(id) >= row_at.size() || row_at[static_cast<std::size_t>(id)] < 0)
                return std::nullopt;
            return static_cast<std::size_t>(row_at[static_cast<std::size_t>(id)]);
        };
        const auto read = points_.ForEachCountedEvent(
            period.period, {.parts = 1},
            [&](int, const ports::PointsCountedEvent& e) { FoldInto(fresh, rules, rule_by_id, row_of(e.member_id), e); });
        if (!read.horizon.known) return {};
        horizon = read.horizon;
        snapshot = std::move(fresh);
        how = "由账本重新统计";
    }
    ports::BoardSnapshotRecord out;
    out.period_id = period.id;
    out.fingerprint = fingerprint;
    out.horizon = *horizon;
    out.data = points::EncodeBoardSnapshot(*snapshot);
    points_.SaveBoardSnapshot(out);
    ++snapshots_kept_;
    return "积分榜快照已更新（周期 " + std::to_string(period.id) + "，" + how + "）";
}

Result<std::shared_ptr<PointsService::Live>> PointsService::EnsureLoaded(std::optional<Id> period) {
    auto find = [&]() -> std::shared_ptr<Live> {
        std::shared_lock read(live_mutex_);
        if (!loaded_) return nullptr;
        auto it = lives_.find(period.value_or(CurrentPeriodIdLocked()));
        return it == lives_.end() ? nullptr : it->second;
    };
    if (auto live = find()) return live;
    std::lock_guard lock(store_mutex_);
    if (auto live = find()) return live;
    bool loaded = false;
    {
        std::shared_lock read(live_mutex_);
        loaded = loaded_;
    }
    if (!loaded) ReloadLocked();
    if (auto live = find()) return live;
    ports::PointsPeriodRecord record;
    {
        std::shared_lock read(live_mutex_);
        const Id wanted = period.value_or(CurrentPeriodIdLocked());
        auto it = std::find_if(periods_.begin(), periods_.end(), [&](const auto& p) { return p.id == wanted; });
        if (it == periods_.end()) return NotFound("考核周期");
        record = *it;
    }
    auto live = BuildLiveLocked(record);
    std::unique_lock write(live_mutex_);
    lives_[record.id] = live;
    return live;
}

void PointsService::SetBoardBuildTuning(const BoardBuildTuning& tuning) {
    std::lock_guard lock(store_mutex_);
    tuning_ = tuning;
    std::lock_guard keeper(snapshot_mutex_);
    snapshot_refresh_ = tuning.snapshot_refresh;
    snapshot_max_age_ = tuning.snapshot_max_age;
}

std::size_t PointsService::CompareWithRecount() {
    std::vector<Id> period_ids;
    {
        auto current = EnsureLoaded();
        if (!current) return 1;
        std::shared_lock read(live_mutex_);
        for (const auto& p : periods_) period_ids.push_back(p.id);
    }
    std::size_t differ = 0;
    for (const Id period_id : period_ids) {
        auto loaded = EnsureLoaded(period_id);
        if (!loaded) return differ + 1;
        std::lock_guard lock(store_mutex_);
        std::shared_lock read(live_mutex_);
        const Live& live = **loaded;
        points::TallyConfig config;
        for (const auto& r : live.rules) config.rules.push_back(r.rule);
        config.period = live.period.period;
        config.stars = live.period.stars;
        std::vector<points::LedgerEvent> events;
        for (const auto& e : points_.ListEvents()) {  // every event: the reference decides what counts
            auto m = live.member_by_id.find(e.member_id);
            auto r = live.rule_by_id.find(e.rule_id);
            if (m == live.member_by_id.end() || r == live.rule_by_id.end()) continue;
            events.push_back({m->second, r->second, e.date, e.status, e.quantity});
        }
        const std::size_t member_count = live.members.size();
        const auto totals = points::TallyTotals(config, member_count, events);
        const auto zeroed = points::ZeroedMembers(config, live.scheme, member_count, events);
        const int category_count = static_cast<int>(live.categories.size());
        const auto by_category =
            points::TallyByCategory(config, member_count, events, live.category_of_rule, category_count);
        for (std::size_t m = 0; m < member_count; ++m) {
            const auto member = static_cast<MemberIdx>(m);
            if (!live.board->OnBoard(member)) continue;  // a membership ended since the build
            if (live.board->Total(member) != points::SchemeTotal(totals[m], zeroed[m], live.scheme)) ++differ;
            for (int c = 0; c < category_count; ++c)
                if (live.board->Total(member, c) != by_category[static_cast<std::size_t>(c)][m]) ++differ;
        }
    }
    return differ;
}

// ---- scope ---------------------------------------------------------------------------------

Result<Id> PointsService::ScopeUnit(const Actor& actor, std::optional<Id> unit) const {
    if (unit) {
        if (!InScope(actor, *unit)) return NotFound("单位");
        return *unit;
    }
    if (actor.scope_unit_id != 0) return actor.scope_unit_id;
    Id root = 0;
    roster_.WithIndex([&](const RosterIndex& index) {
        auto roots = index.tree().Children(std::nullopt);
        if (!roots.empty()) root = roots.front();
    });
    if (root == 0) return Error{errc::kNotFound, "尚无单位", ""};
    return root;
}

MemberRef PointsService::RefOf(const Live& live, MemberIdx m) const {
    const auto& rec = live.members[static_cast<std::size_t>(m)];
    const auto unit = live.member_unit[static_cast<std::size_t>(m)];
    return {rec.id, rec.name, rec.unit_id, live.unit_names[static_cast<std::size_t>(unit)], rec.person_id};
}

PointsEventView PointsService::ViewOf(const Live& live, const ports::PointsEventRecord& e) const {
    PointsEventView v;
    v.record = e;
    if (auto m = live.member_by_id.find(e.member_id); m != live.member_by_id.end()) {
        auto ref = RefOf(live, m->second);
        v.member_name = ref.name;
        v.unit_name = ref.unit_name;
    }
    if (auto r = live.rule_by_id.find(e.rule_id); r != live.rule_by_id.end()) {
        const auto& rule = live.rules[static_cast<std::size_t>(r->second)].rule;
        v.rule_code = rule.code;
        v.rule_name = rule.name;
        v.category = rule.category;
        v.worth = points::EventWorth(rule.points, e.quantity);
    }
    return v;
}

std::vector<Id> PointsService::SubtreeUnitIds(const Live& live, UnitIdx scope) const {
    const auto& tree = live.board->tree();
    const auto size = tree.subtree_size(scope);
    if (static_cast<std::size_t>(size) == tree.size()) return {};
    std::vector<Id> ids;
    ids.reserve(static_cast<std::size_t>(size));
    for (auto order = tree.order(scope); order < tree.order(scope) + size; ++order)
        ids.push_back(live.unit_ids[static_cast<std::size_t>(tree.unit_at(order))]);
    return ids;
}

void PointsService::ApplyCounted(const ports::PointsEventRecord& e) {
    if (e.status != EventStatus::kApproved) return;
    std::unique_lock write(live_mutex_);
    if (Live* live = LiveOfDayLocked(e.date)) ApplyCountedLocked(*live, e);
}

PointsService::Live* PointsService::LiveOfDayLocked(points::Day day) {
    const auto* period = PeriodOfDayLocked(day);
    if (!period) return nullptr;
    auto it = lives_.find(period->id);  // none: not built yet, it will be built from the stored ledger
    return it == lives_.end() ? nullptr : it->second.get();
}

bool PointsService::ApplyCountedLocked(Live& live, const ports::PointsEventRecord& e) {
    auto m = live.member_by_id.find(e.member_id);
    auto r = live.rule_by_id.find(e.rule_id);
    if (m == live.member_by_id.end() || r == live.rule_by_id.end()) return false;
    const auto member = static_cast<std::size_t>(m->second);
    const auto rule = static_cast<std::size_t>(r->second);
    const Points before = live.SchemeTotalOf(m->second);
    const Points delta = live.book->Approve(m->second, r->second, e.quantity);
    live.tally[member] += delta;
    if (live.zeroing_rule[rule]) live.zeroing_net[member] += e.quantity;
    live.board->ApplySplit(m->second, live.category_of_rule[rule], live.SchemeTotalOf(m->second) - before, delta);
    live.DropGrades(live.member_unit[member]);
    live.DropPages();
    return true;
}

void PointsService::ApplyCountedChanges(const std::map<Id, std::int64_t>& tx_of_event) {
    std::lock_guard lock(store_mutex_);
    std::vector<Id> ids;
    ids.reserve(tx_of_event.size());
    for (const auto& [id, tx] : tx_of_event) ids.push_back(id);
    const auto events = points_.FindEvents(ids);  // before the lock: readers go on meanwhile
    bool unknown = false;
    {
        std::unique_lock write(live_mutex_);
        std::vector<std::pair<Live*, std::int64_t>> fed;
        for (const auto& e : events) {
            if (e.status != EventStatus::kApproved) continue;
            Live* live = LiveOfDayLocked(e.date);
            if (!live) continue;
            const std::int64_t tx = tx_of_event.at(e.id);
            if (!live->horizon.known) {
                unknown = true;  // built without a horizon: the whole board again
                continue;
            }
            if (live->horizon.Saw(tx) || live->fed_tx.contains(tx)) continue;
            // A member added since the build with its ledger: that read may have seen it.
            if (!live->MemberSaw(e.member_id, tx) && ApplyCountedLocked(*live, e)) ++counted_applied_;
            fed.emplace_back(live, tx);
        }
        // After the loop: one transaction may have counted several events.
        for (const auto& [live, tx] : fed) {
            live->fed_tx.insert(tx);
            if (live->fed_tx.size() > tuning_.max_applied_transactions) unknown = true;  // bounded: rebuilt
        }
    }
    if (unknown) ReloadLocked();
}

void PointsService::ApplyMemberChanges(const std::map<Id, std::int64_t>& tx_of_member) {
    std::lock_guard lock(store_mutex_);
    std::vector<Id> ids;
    for (const auto& [id, tx] : tx_of_member) ids.push_back(id);
    BringAlongLocked(ids);
}

void PointsService::BringAlongLocked(const std::vector<Id>& member_ids) {
    std::vector<MemberWrite> writes;
    for (auto& row : points_.FindMembers(member_ids)) writes.push_back({std::move(row), false});
    if (writes.size() != member_ids.size()) return ReloadLocked();  // a member deleted
    ApplyMemberWritesLocked(writes);
}

// ---- rules and periods -------------------------------------------------------------------------

Result<std::vector<ports::PointsRuleRecord>> PointsService::Rules(const Actor&) {
    auto live = EnsureLoaded();
    if (!live) return live.error();
    std::shared_lock read(live_mutex_);
    return (*live)->rules;
}

Result<PeriodView> PointsService::Period(const Actor&, std::optional<Id> period) {
    auto live = EnsureLoaded(period);
    if (!live) return live.error();
    std::shared_lock read(live_mutex_);
    const Id current = CurrentPeriodIdLocked();
    for (const auto& p : periods_)  // the stored record: `closed` may have changed since the build
        if (p.id == (*live)->period.id) return PeriodView{p, (*live)->categories, p.id == current};
    return NotFound("考核周期");
}

Result<std::vector<PeriodView>> PointsService::Periods(const Actor&) {
    auto live = EnsureLoaded();
    if (!live) return live.error();
    std::shared_lock read(live_mutex_);
    const Id current = CurrentPeriodIdLocked();
    std::vector<PeriodView> out;
    for (const auto& p : periods_) out.push_back(PeriodView{p, (*live)->categories, p.id == current});
    return out;
}

namespace {

std::string PeriodJson(const ports::PointsPeriodRecord& p) {
    std::string stars;
    for (const Points t : p.stars.thresholds) stars += (stars.empty() ? "" : ",") + points::FormatPoints(t, false);
    return "{\"name\":" + JsonQuote(p.name) + ",\"from\":\"" + points::FormatDate(p.period.from) + "\",\"to\":\"" +
           points::FormatDate(p.period.to) + "\",\"stars\":[" + stars +
           "],\"base_points\":" + points::FormatPoints(p.base_points, false) +
           ",\"grades\":" + JsonQuote(points::FormatGradeQuotas(p.grades)) +
           ",\"closed\":" + (p.closed ? "true" : "false") + "}";
}

// Checks the scheme fields of a period record against the catalog.
core::Status CheckPeriod(const ports::PointsPeriodRecord& p, const std::vector<ports::PointsRuleRecord>& rules) {
    if (p.name.empty() || p.name.size() > 60) return Invalid("周期名称不能为空且不超过 60 个字符", "name");
    if (p.period.from > p.period.to) return Invalid("开始日期不能晚于结束日期", "to");
    if (p.period.to - p.period.from > 366 * 3) return Invalid("考核周期不能超过三年", "to");
    for (std::size_t idx = 1; idx < p.stars.thresholds.size(); ++idx)
        if (p.stars.thresholds[idx] < p.stars.thresholds[idx - 1]) return Invalid("星级门槛须从低到高排列", "stars");
    if (p.stars.thresholds.empty() || p.stars.thresholds.size() > 10)
        return Invalid("星级门槛须有 1 到 10 个", "stars");
    if (p.base_points < 0) return Invalid("基础分不能为负", "base_points");
    for (const auto& code : p.zeroing_rules) {
        if (std::none_of(rules.begin(), rules.end(), [&](const auto& r) { return r.rule.code == code; }))
            return Invalid("清零事项 " + code + " 不是积分细则编码", "zeroing_rules");
    }
    if (p.publicity_days < 1 || p.publicity_days > 366) return Invalid("公示天数须在 1 到 366 之间", "publicity_days");
    return core::Ok();
}

}  // namespace

Result<ports::PointsPeriodRecord> PointsService::CreatePeriod(const Actor& actor, const NewPeriod& in) {
    if (!IsRuleEditor(actor)) return Forbidden("考核周期由管辖全部单位的管理员设置");
    ports::PointsPeriodRecord rec;
    rec.name = in.name;
    auto from = points::ParseDate(in.from);
    if (!from) return Invalid(core::DateProblem("开始日期", in.from), "from");
    auto to = points::ParseDate(in.to);
    if (!to) return Invalid(core::DateProblem("结束日期", in.to), "to");
    rec.period = {*from, *to};
    if (in.stars) rec.stars.thresholds = *in.stars;
    rec.base_points = in.base_points;
    rec.zeroing_rules = in.zeroing_rules;
    auto grades = points::ParseGradeQuotas(in.grades);
    if (!grades) return Invalid("等次格式应为“优秀:1/3;合格”", "grades");
    rec.grades = *grades;
    rec.publicity_days = in.publicity_days;
    auto loaded = EnsureLoaded();
    if (!loaded) return loaded.error();
    std::lock_guard lock(store_mutex_);
    {
        std::shared_lock read(live_mutex_);
        if (auto st = CheckPeriod(rec, (*loaded)->rules); !st) return st.error();
        for (const auto& p : periods_) {
            if (p.period.from <= rec.period.to && rec.period.from <= p.period.to)
                return Error{errc::kConflict, "与考核周期“" + p.name + "”的日期重叠", "from"};
        }
    }
    auto tx = store_.Begin();
    rec.id = points_.InsertPeriod(rec);
    Audit(actor, "create", "points_period", rec.id, "{\"after\":" + PeriodJson(rec) + "}");
    tx->Commit();
    ReloadLocked();
    return rec;
}

Result<ports::PointsPeriodRecord> PointsService::UpdatePeriod(const Actor& actor, Id id, const PeriodPatch& patch) {
    if (!IsRuleEditor(actor)) return Forbidden("考核周期由管辖全部单位的管理员设置");
    auto loaded = EnsureLoaded();
    if (!loaded) return loaded.error();
    std::lock_guard lock(store_mutex_);
    ports::PointsPeriodRecord rec;
    {
        std::shared_lock read(live_mutex_);
        auto it = std::find_if(periods_.begin(), periods_.end(), [&](const auto& p) { return p.id == id; });
        if (it == periods_.end()) return NotFound("考核周期");
        rec = *it;
    }
    const ports::PointsPeriodRecord before = rec;
    const bool changes_scheme =
        patch.name || patch.grades || patch.stars || patch.base_points || patch.zeroing_rules || patch.publicity_days;
    // A closed period is read-only: only reopening it (closed=false) is allowed, alone or first.
    if (before.closed && changes_scheme && patch.closed != false)
        return Conflict("考核周期已关闭，只读；请先重新开放", "closed");
    if (patch.name) rec.name = *patch.name;
    if (patch.stars) rec.stars.thresholds = *patch.stars;
    if (patch.base_points) rec.base_points = *patch.base_points;
    if (patch.zeroing_rules) rec.zeroing_rules = *patch.zeroing_rules;
    if (patch.publicity_days) rec.publicity_days = *patch.publicity_days;
    if (patch.grades) {
        auto grades = points::ParseGradeQuotas(*patch.grades);
        if (!grades) return Invalid("等次格式应为“优秀:1/3;合格”", "grades");
        rec.grades = *grades;
    }
    if (patch.closed) rec.closed = *patch.closed;
    {
        std::shared_lock read(live_mutex_);
        if (auto st = CheckPeriod(rec, (*loaded)->rules); !st) return st.error();
    }
    const char* action = patch.closed && *patch.closed != before.closed ? (rec.closed ? "close" : "reopen") : "update";
    auto tx = store_.Begin();
    points_.UpdatePeriod(rec);
    Audit(actor, action, "points_period", id,
          "{\"before\":" + PeriodJson(before) + ",\"after\":" + PeriodJson(rec) + "}");
    tx->Commit();
    ReloadLocked();  // the scheme shapes every total of the period
    return rec;
}

Result<ports::PointsRuleRecord> PointsService::CreateRule(const Actor& actor, const NewPointsRule& in) {
    if (!IsRuleEditor(actor)) return Forbidden("积分细则由管辖全部单位的管理员修改");
    auto rule = CheckRule({in.code, in.name, in.category, in.points, in.cap, in.needs_approval, in.evidence});
    if (!rule) return rule.error();
    auto loaded = EnsureLoaded();
    if (!loaded) return loaded.error();
    std::lock_guard lock(store_mutex_);
    {
        std::shared_lock read(live_mutex_);
        if ((*loaded)->rule_by_code.contains(rule->code)) return Conflict("细则编码已存在", "code");
    }
    ports::PointsRuleRecord rec;
    rec.rule = *rule;
    auto tx = store_.Begin();
    rec.id = points_.InsertRule(rec);
    Audit(actor, "create", "points_rule", rec.id, "{\"after\":" + RuleJson(rec.rule, true) + "}");
    tx->Commit();
    ReloadLocked();
    return rec;
}

Result<ports::PointsRuleRecord> PointsService::UpdateRule(const Actor& actor, Id id, const PointsRulePatch& patch) {
    if (!IsRuleEditor(actor)) return Forbidden("积分细则由管辖全部单位的管理员修改");
    auto loaded = EnsureLoaded();
    if (!loaded) return loaded.error();
    std::lock_guard lock(store_mutex_);
    ports::PointsRuleRecord rec;
    {
        std::shared_lock read(live_mutex_);
        const Live& live = **loaded;
        auto it = live.rule_by_id.find(id);
        if (it == live.rule_by_id.end()) return NotFound("积分细则");
        rec = live.rules[static_cast<std::size_t>(it->second)];
    }
    const ports::PointsRuleRecord before = rec;
    if (patch.name) rec.rule.name = *patch.name;
    if (patch.category) rec.rule.category = *patch.category;
    if (patch.evidence) rec.rule.evidence = *patch.evidence;
    if (patch.points) rec.rule.points = *patch.points;
    if (patch.cap) rec.rule.cap = *patch.cap;
    if (patch.needs_approval) rec.rule.needs_approval = *patch.needs_approval;
    if (patch.active) rec.active = *patch.active;
    auto checked = CheckRule(rec.rule);
    if (!checked) return checked.error();
    // A changed value or cap would change the totals of a closed (read-only) period.
    if (rec.rule.points != before.rule.points || rec.rule.cap != before.rule.cap ||
        rec.rule.category != before.rule.category) {
        std::shared_lock read(live_mutex_);
        for (const auto& p : periods_)
            if (p.closed)
                return Error{errc::kConflict,
                             "已有关闭的考核周期（" + p.name + "），不能修改细则分值、上限或类别；可停用后新建细则",
                             "points"};
    }
    auto tx = store_.Begin();
    points_.UpdateRule(rec);
    Audit(actor, "update", "points_rule", id,
          "{\"before\":" + RuleJson(before.rule, before.active) + ",\"after\":" + RuleJson(rec.rule, rec.active) + "}");
    tx->Commit();
    ReloadLocked();  // a changed value or cap changes past totals: recount from the ledger
    return rec;
}

Result<FileDownload> PointsService::RulesWorkbook(const Actor& actor) {
    auto rules = Rules(actor);
    if (!rules) return rules.error();
    return FileDownload{files_.rules_xlsx(*rules), "积分细则.xlsx", "points-rules.xlsx"};
}

Status PointsService::CheckRulesImport(const Actor& actor) const {
    if (!IsRuleEditor(actor)) return Forbidden("积分细则由管辖全部单位的管理员修改");
    return core::Ok();
}

Result<RulesImport> PointsService::ImportRules(const Actor& actor, const std::string& bytes, bool dry_run) {
    if (auto ok = CheckRulesImport(actor); !ok) return ok.error();
    if (bytes.empty()) return Invalid("上传的文件为空", "file");
    auto sheet = files_.read_rules(bytes);
    if (!sheet) return sheet.error();
    if (sheet->rules.empty() && sheet->problems.empty()) return Invalid("表中没有任何细则", "file");
    auto loaded = EnsureLoaded();
    if (!loaded) return loaded.error();
    std::lock_guard lock(store_mutex_);
    RulesImport out;
    out.dry_run = dry_run;
    out.sheet = sheet->sheet;
    std::vector<RowError> checks;
    std::vector<ports::PointsRuleRecord> writes, befores;  // befores[i]: writes[i] as stored (id 0: new)
    {
        std::shared_lock read(live_mutex_);
        const Live& live = **loaded;
        std::string closed_period;
        for (const auto& p : periods_)
            if (p.closed) closed_period = p.name;
        for (const auto& row : sheet->rules) {
            const int line = static_cast<int>(row.line);
            auto checked = CheckRule(row.rule);
            if (!checked) {
                static const std::map<std::string, std::string> kColumnOf{
                    {"code", "编码"},   {"name", "名称"}, {"category", "类别"},
                    {"points", "分值"}, {"cap", "上限"},  {"evidence", "佐证材料"}};
                const auto column = kColumnOf.find(checked.error().field);
                checks.push_back(
                    {out.sheet, line, column == kColumnOf.end() ? "" : column->second, checked.error().message});
                continue;
            }
            ports::PointsRuleRecord rec;
            rec.rule = *checked;
            rec.active = row.active;
            const auto known = live.rule_by_code.find(rec.rule.code);
            if (known == live.rule_by_code.end()) {
                out.changes.push_back({line, rec.rule.code, rec.rule.name, true, {}});
                writes.push_back(rec);
                befores.push_back({});
                continue;
            }
            const auto& before = live.rules[static_cast<std::size_t>(known->second)];
            rec.id = before.id;
            std::vector<std::string> fields;
            const auto& a = before.rule;
            const auto& b = rec.rule;
            for (auto [differs, column] : {std::pair{a.name != b.name, "名称"},
                                           {a.category != b.category, "类别"},
                                           {a.points != b.points, "分值"},
                                           {a.cap != b.cap, "上限"},
                                           {a.needs_approval != b.needs_approval, "需审核"},
                                           {a.evidence != b.evidence, "佐证材料"},
                                           {before.active != rec.active, "状态"}})
                if (differs) fields.emplace_back(column);
            if (fields.empty()) {
                ++out.unchanged;
                continue;
            }
            // As UpdateRule: a changed value, cap or category would change a closed period's totals.
            if (!closed_period.empty() && (a.points != b.points || a.cap != b.cap || a.category != b.category)) {
                checks.push_back({out.sheet, line,
                                  a.category != b.category ? "类别"
                                  : a.points != b.points   ? "分值"
                                                           : "上限",
                                  "已有关闭的考核周期（" + closed_period +
                                      "），不能修改细则分值、上限或类别；可停用后用新编码另立细则"});
                continue;
            }
            out.changes.push_back({line, rec.rule.code, rec.rule.name, false, std::move(fields)});
            writes.push_back(rec);
            befores.push_back(before);
        }
    }
    out.errors = MergeRowErrors(out.sheet, sheet->problems, std::move(checks));
    if (!out.errors.empty()) return out;
    for (const auto& c : out.changes) (c.created ? out.created : out.updated) += 1;
    if (dry_run || writes.empty()) return out;
    auto tx = store_.Begin();
    for (std::size_t i = 0; i < writes.size(); ++i) {
        auto& rec = writes[i];
        const std::string after = RuleJson(rec.rule, rec.active);
        if (rec.id == 0) {
            rec.id = points_.InsertRule(rec);
            Audit(actor, "create", "points_rule", rec.id, "{\"after\":" + after + ",\"via\":\"import\"}");
        } else {
            points_.UpdateRule(rec);
            Audit(actor, "update", "points_rule", rec.id,
                  "{\"before\":" + RuleJson(befores[i].rule, befores[i].active) + ",\"after\":" + after +
                      ",\"via\":\"import\"}");
        }
    }
    tx->Commit();
    ReloadLocked();  // changed values recount the boards, as a dialog's save does
    return out;
}

// ---- members ------------------------------------------------------------------------------------

Result<std::vector<MemberRef>> PointsService::Members(const Actor& actor, std::optional<Id> unit,
                                                      const std::string& query, std::size_t limit) {
    if (!IsApprover(actor.role)) return Forbidden("只有支部书记及以上账号可以查看党员名单");
    auto scope = ScopeUnit(actor, unit);
    if (!scope) return scope.error();
    auto loaded = EnsureLoaded();
    if (!loaded) return loaded.error();
    std::shared_lock read(live_mutex_);
    const Live& live = **loaded;
    auto u = live.unit_by_id.find(*scope);
    if (u == live.unit_by_id.end()) return NotFound("单位");
    const auto& tree = live.board->tree();
    std::vector<MemberRef> out;
    for (auto order = tree.order(u->second); order < tree.order(u->second) + tree.subtree_size(u->second); ++order) {
        for (const MemberIdx m : live.members_of_unit[static_cast<std::size_t>(tree.unit_at(order))]) {
            const auto& rec = live.members[static_cast<std::size_t>(m)];
            if (!query.empty() && rec.name.find(query) == std::string::npos) continue;
            out.push_back(RefOf(live, m));
            if (out.size() >= limit) return out;
        }
    }
    return out;
}

Result<MemberRef> PointsService::CreateMember(const Actor& actor, const NewMember& in, LinkOutcome* link) {
    if (!IsApprover(actor.role)) return Forbidden("只有支部书记及以上账号可以登记党员");
    if (in.unit_id != 0 && !InScope(actor, in.unit_id)) return Forbidden("该单位不在您的管辖范围内");
    // One register (issue 14): a points member is a person of the roster with a membership; the
    // unit and name are the person's.
    if (in.person_id == 0) return Invalid("请先在花名册中登记该党员（人员及所在党组织）", "person_id");
    auto person = roster_.GetPerson(actor, in.person_id);
    if (!person) return Invalid("人员不存在或不在您的管辖范围内", "person_id");
    if (person->person.party_org_id == 0) return Invalid("该人员未登记所在党组织，不是登记党员", "person_id");
    const Id unit_id = person->person.unit_id;
    const std::string name = person->person.name;
    auto loaded = EnsureLoaded();
    if (!loaded) return loaded.error();
    std::lock_guard lock(store_mutex_);
    if (in.user_id != 0) {
        if (auto st = MayLinkLocked(actor, **loaded, in.user_id); !st) return st.error();
    }
    {
        std::shared_lock read(live_mutex_);
        if (!(*loaded)->unit_by_id.contains(unit_id)) return Invalid("单位不存在", "unit_id");
    }
    // The member row may exist already (SyncMembers makes one for every registered member): then
    // this links the account (admin at once, others by asking its owner).
    std::optional<ports::PointsMemberRecord> existing = points_.FindMemberOfPerson(in.person_id);
    if (existing && (in.user_id == 0 || existing->user_id != 0))
        return Conflict(existing->user_id != 0 ? "该党员已关联账号" : "该党员已在积分名册中", "person_id");
    ports::PointsMemberRecord rec = existing.value_or(ports::PointsMemberRecord{0, unit_id, name, in.person_id, 0});
    rec.unit_id = unit_id;
    rec.name = name;
    auto tx = store_.Begin();
    if (existing) {
        points_.UpdateMember(rec);
    } else {
        rec.id = points_.InsertMember(rec);
        Audit(actor, "create", "points_member", rec.id,
              "{\"unit_id\":" + std::to_string(rec.unit_id) + ",\"name\":" + JsonQuote(rec.name) +
                  ",\"person_id\":" + std::to_string(rec.person_id) + "}");
    }
    const LinkOutcome outcome = in.user_id != 0 ? LinkLocked(actor, rec.id, in.user_id) : LinkOutcome::kNone;
    tx->Commit();
    if (link) *link = outcome;
    ApplyMemberWritesLocked({{rec, !existing}});
    std::shared_lock read(live_mutex_);
    const Live& live = *lives_.at(CurrentPeriodIdLocked());
    return RefOf(live, live.member_by_id.at(rec.id));
}

core::Status PointsService::MayLinkLocked(const Actor& actor, const Live& live, Id user_id) {
    // Only the deployment's admin, or — for a party member's own account (role member) whose scope
    // lies in the caller's — that branch's officers. Any other account answers as if it did not exist.
    const auto account = store_.FindUser(user_id);
    const bool may_link = account && (actor.role == Role::kAdmin ||
                                      (account->role == "member" && account->scope_unit_id != 0 &&
                                       InScope(actor, account->scope_unit_id)));
    if (!may_link) return Invalid("账号不存在或不在您的管辖范围内", "user_id");
    std::shared_lock read(live_mutex_);
    if (live.member_by_user.contains(user_id)) return Conflict("该账号已关联党员", "user_id");
    return core::Ok();
}

LinkOutcome PointsService::LinkLocked(const Actor& actor, Id member_id, Id user_id) {
    points_.RequestLink({member_id, user_id, actor.username, clock_.NowIso()});
    const std::string detail = "{\"user_id\":" + std::to_string(user_id) + "}";
    if (actor.role != Role::kAdmin) {
        Audit(actor, "request_link", "points_member", member_id, detail);
        return LinkOutcome::kRequested;
    }
    points_.AnswerLink(member_id, user_id, true);
    Audit(actor, "link", "points_member", member_id, detail);
    return LinkOutcome::kLinked;
}

Result<LinkOutcome> PointsService::LinkAccount(const Actor& actor, Id member_id, Id user_id) {
    if (!IsApprover(actor.role)) return RoleForbidden();
    auto loaded = EnsureLoaded();
    if (!loaded) return loaded.error();
    std::lock_guard lock(store_mutex_);
    {
        std::shared_lock read(live_mutex_);
        const Live& live = **loaded;
        auto m = live.member_by_id.find(member_id);
        if (m == live.member_by_id.end() || !InScope(actor, live.members[m->second].unit_id)) return NotFound("党员");
        if (live.members[m->second].user_id != 0) return Conflict("该党员已关联账号", "member_id");
    }
    if (auto st = MayLinkLocked(actor, **loaded, user_id); !st) return st.error();
    auto tx = store_.Begin();
    const LinkOutcome outcome = LinkLocked(actor, member_id, user_id);
    tx->Commit();
    if (outcome == LinkOutcome::kLinked) BringAlongLocked({member_id});
    return outcome;
}

Result<std::vector<LinkRequestView>> PointsService::MyLinkRequests(const Actor& actor) {
    auto loaded = EnsureLoaded();
    if (!loaded) return loaded.error();
    std::vector<ports::PointsLinkRequestRecord> records;
    {
        std::lock_guard lock(store_mutex_);
        records = points_.ListLinkRequests(actor.user_id);
    }
    std::vector<LinkRequestView> out;
    std::shared_lock read(live_mutex_);
    const Live& live = **loaded;
    for (const auto& r : records) {
        auto m = live.member_by_id.find(r.member_id);
        if (m != live.member_by_id.end()) out.push_back({RefOf(live, m->second), r.requested_by, r.requested_at});
    }
    return out;
}

core::Status PointsService::AnswerLinkRequest(const Actor& actor, Id member_id, bool accept) {
    auto loaded = EnsureLoaded();
    if (!loaded) return loaded.error();
    std::lock_guard lock(store_mutex_);
    // Only the caller's own open request answers; any other is one that does not exist.
    const auto open = points_.ListLinkRequests(actor.user_id);
    if (std::none_of(open.begin(), open.end(), [&](const auto& r) { return r.member_id == member_id; }))
        return NotFound("关联请求");
    {
        std::shared_lock read(live_mutex_);
        if (accept && (*loaded)->member_by_user.contains(actor.user_id)) return Conflict("您的账号已关联党员", "member_id");
    }
    auto tx = store_.Begin();
    if (!points_.AnswerLink(member_id, actor.user_id, accept)) return Conflict("该党员已关联其他账号", "member_id");
    Audit(actor, accept ? "accept_link" : "decline_link", "points_member", member_id,
          "{\"user_id\":" + std::to_string(actor.user_id) + "}");
    tx->Commit();
    if (accept) BringAlongLocked({member_id});
    return core::Ok();
}

// ---- the ledger --------------------------------------------------------------------------------

Result<PointsEventView> PointsService::Submit(const Actor& actor, const SubmitActivity& in) {
    auto loaded = EnsureLoaded();
    if (!loaded) return loaded.error();
    std::lock_guard lock(store_mutex_);
    ports::PointsEventRecord e;
    {
        std::shared_lock read(live_mutex_);
        const Live& live = **loaded;
        MemberIdx member = -1;
        if (in.member_id == 0) {
            auto it = live.member_by_user.find(actor.user_id);
            if (it == live.member_by_user.end()) return Invalid("您的账号未关联党员，请指定党员", "member_id");
            member = it->second;
        } else {
            auto it = live.member_by_id.find(in.member_id);
            if (it == live.member_by_id.end()) return Invalid("党员不存在", "member_id");
            member = it->second;
            const auto& rec = live.members[static_cast<std::size_t>(member)];
            const bool self = rec.user_id != 0 && rec.user_id == actor.user_id;
            if (!self && !(IsApprover(actor.role) && InScope(actor, rec.unit_id)))
                return Forbidden("只能为本人或管辖范围内的党员申报积分");
        }
        auto activity = CheckActivity(live, in.rule, in.quantity, in.date);
        if (!activity) return activity.error();
        const auto& rrec = *activity->rule;
        const points::Day day = activity->day;
        if (in.note.size() > 2000) return Invalid("说明过长", "note");
        e.member_id = live.members[static_cast<std::size_t>(member)].id;
        e.rule_id = rrec.id;
        e.date = day;
        e.quantity = in.quantity;
        e.note = in.note;
        e.submitted_by = actor.username;
        e.submitted_at = clock_.NowIso();
        if (!rrec.rule.needs_approval) {
            e.status = EventStatus::kApproved;
            e.decided_by = actor.username;
            e.decided_at = e.submitted_at;
        }
    }
    if (auto st = CheckWritable(e.date); !st) return st.error();
    auto tx = store_.Begin();
    e.id = points_.InsertEvent(e);
    if (e.status == EventStatus::kApproved) Audit(actor, "record", "points_event", e.id, EventJson(e));
    tx->Commit();
    ApplyCounted(e);
    std::shared_lock read(live_mutex_);
    return ViewOf(**loaded, e);
}

Result<BulkOutcome> PointsService::RecordBulk(const Actor& actor, const BulkRecord& in) {
    if (!IsApprover(actor.role)) return Forbidden("只有支部书记及以上账号可以批量记录积分");
    if (in.members.empty()) return Invalid("党员名单不能为空", "members");
    if (in.members.size() > kMaxBulkMembers) return Invalid("一次最多记录 10000 名党员", "members");
    auto loaded = EnsureLoaded();
    if (!loaded) return loaded.error();
    std::lock_guard lock(store_mutex_);
    BulkOutcome out;
    std::vector<ports::PointsEventRecord> events;
    {
        std::shared_lock read(live_mutex_);
        const Live& live = **loaded;
        auto activity = CheckActivity(live, in.rule, in.quantity, in.date);
        if (!activity) return activity.error();
        const auto& rrec = *activity->rule;
        const points::Day day = activity->day;
        const auto* period = PeriodOfDayLocked(day);
        if (!period) return Invalid("日期不在任何考核周期内", "date");
        if (period->closed) return Error{errc::kConflict, "考核周期“" + period->name + "”已关闭，只读", "date"};
        const std::string now = clock_.NowIso();
        std::set<Id> seen;
        for (std::size_t row = 0; row < in.members.size(); ++row) {
            const Id id = in.members[row];
            // A member outside the caller's scope answers exactly as one that does not exist: the
            // message names no one (issue 11, finding 4).
            auto it = live.member_by_id.find(id);
            if (it == live.member_by_id.end() ||
                !InScope(actor, live.members[static_cast<std::size_t>(it->second)].unit_id)) {
                out.errors.push_back(
                    {"", static_cast<int>(row + 1), "members", "党员 " + std::to_string(id) + " 不存在或不在您的管辖范围内"});
                continue;
            }
            if (!seen.insert(id).second) {
                out.errors.push_back({"", static_cast<int>(row + 1), "members", "党员 " + std::to_string(id) + " 重复"});
                continue;
            }
            ports::PointsEventRecord e;
            e.member_id = id;
            e.rule_id = rrec.id;
            e.date = day;
            e.quantity = in.quantity;
            e.note = in.note;
            e.status = EventStatus::kApproved;
            e.submitted_by = e.decided_by = actor.username;
            e.submitted_at = e.decided_at = now;
            events.push_back(std::move(e));
        }
        if (!out.errors.empty()) return out;
    }
    auto tx = store_.Begin();
    out.event_ids = points_.InsertEvents(events);
    for (std::size_t i = 0; i < events.size(); ++i) events[i].id = out.event_ids[i];
    Audit(actor, "record_bulk", "points_event", events.front().id,
          "{\"rule\":" + JsonQuote(in.rule) + ",\"date\":" + JsonQuote(in.date) +
              ",\"quantity\":" + points::FormatPoints(in.quantity, false) +
              ",\"members\":" + std::to_string(events.size()) + ",\"first_event\":" + std::to_string(events.front().id) +
              ",\"last_event\":" + std::to_string(events.back().id) + "}");
    tx->Commit();
    for (const auto& e : events) ApplyCounted(e);
    return out;
}

Result<PointsEventView> PointsService::Approve(const Actor& actor, Id event_id) {
    return Decide(actor, event_id, EventStatus::kApproved, "");
}

Result<PointsEventView> PointsService::Reject(const Actor& actor, Id event_id, const std::string& reason) {
    if (reason.empty()) return Invalid("驳回须填写理由", "reason");
    return Decide(actor, event_id, EventStatus::kRejected, reason);
}

Result<PointsService::CheckedActivity> PointsService::CheckActivity(const Live& live, const std::string& rule_code,
                                                                  Points quantity, const std::string& date) {
    auto rule = live.rule_by_code.find(rule_code);
    if (rule == live.rule_by_code.end()) return Invalid("积分细则不存在", "rule");
    const auto& rrec = live.rules[static_cast<std::size_t>(rule->second)];
    if (!rrec.active) return Invalid("积分细则已停用", "rule");
    if (quantity <= 0) return Invalid("数量须为正数", "quantity");
    auto day = points::ParseDate(date);
    if (!day) return Invalid(core::DateProblem("日期", date), "date");
    return CheckedActivity{&rrec, *day};
}

core::Status PointsService::CheckEventMemberInScope(const Live& live, const Actor& actor, Id member_id) const {
    std::shared_lock read(live_mutex_);
    auto m = live.member_by_id.find(member_id);
    if (m == live.member_by_id.end()) return NotFound("积分事件");
    if (!InScope(actor, live.members[static_cast<std::size_t>(m->second)].unit_id))
        return Forbidden("该党员不在您的管辖范围内");
    return core::Ok();
}

namespace {
std::string DecidedText(EventStatus s, const std::string& what = "该事件") {
    return what + "已审核（" + (s == EventStatus::kApproved ? "已通过" : "已驳回") + "）";
}
}  // namespace

bool PointsService::WriteDecisionLocked(const Actor& actor, ports::PointsEventRecord& e, EventStatus status,
                                        const std::string& reason) {
    e.status = status;
    e.decided_by = actor.username;
    e.decided_at = clock_.NowIso();
    e.reason = reason;
    if (!points_.DecideEvent(e.id, status, e.decided_by, e.decided_at, reason)) return false;
    Audit(actor, status == EventStatus::kApproved ? "approve" : "reject", "points_event", e.id, EventJson(e));
    return true;
}

Result<PointsEventView> PointsService::Decide(const Actor& actor, Id event_id, EventStatus status,
                                              const std::string& reason) {
    if (!IsApprover(actor.role)) return Forbidden("只有支部书记及以上账号可以审核积分");
    auto loaded = EnsureLoaded();
    if (!loaded) return loaded.error();
    std::lock_guard lock(store_mutex_);
    auto e = points_.FindEvent(event_id);
    if (!e) return NotFound("积分事件");
    if (auto st = CheckEventMemberInScope(**loaded, actor, e->member_id); !st) return st.error();
    if (e->status != EventStatus::kPending) return Conflict(DecidedText(e->status));
    if (auto st = CheckWritable(e->date); !st) return st.error();
    auto tx = store_.Begin();
    if (!WriteDecisionLocked(actor, *e, status, reason)) return Conflict("该事件已审核");
    tx->Commit();  // durable before the live boards move and before the caller is answered
    ApplyCounted(*e);
    std::shared_lock read(live_mutex_);
    return ViewOf(**loaded, *e);
}

Result<std::size_t> PointsService::DecideMany(const Actor& actor, const std::vector<Id>& event_ids, bool approve,
                                              const std::string& reason) {
    if (!IsApprover(actor.role)) return Forbidden("只有支部书记及以上账号可以审核积分");
    if (event_ids.empty()) return Invalid("请选择要审核的申报", "ids");
    if (event_ids.size() > kMaxBulkDecisions)
        return Invalid("一次最多审核 " + std::to_string(kMaxBulkDecisions) + " 项", "ids");
    if (!approve && reason.empty()) return Invalid("驳回须填写理由", "reason");
    if (reason.size() > 2000) return Invalid("理由过长", "reason");
    auto loaded = EnsureLoaded();
    if (!loaded) return loaded.error();
    const EventStatus status = approve ? EventStatus::kApproved : EventStatus::kRejected;
    std::lock_guard lock(store_mutex_);
    // Every item is checked before anything is written; the first bad one is named.
    std::vector<ports::PointsEventRecord> events;
    std::set<Id> seen;
    for (std::size_t idx = 0; idx < event_ids.size(); ++idx) {
        const Id id = event_ids[idx];
        const std::string item = "第 " + std::to_string(idx + 1) + " 项（申报 " + std::to_string(id) + "）";
        if (!seen.insert(id).second) return Invalid(item + "重复", "ids");
        auto e = points_.FindEvent(id);
        // Outside the caller's scope answers as nonexistent: the message names no one.
        if (!e || !CheckEventMemberInScope(**loaded, actor, e->member_id).ok())
            return Invalid(item + "不存在或不在您的管辖范围内", "ids");
        if (e->status != EventStatus::kPending) return Conflict(DecidedText(e->status, item), "ids");
        if (auto st = CheckWritable(e->date); !st) return Error{st.error().code, item + st.error().message, "ids"};
        events.push_back(std::move(*e));
    }
    auto tx = store_.Begin();
    for (auto& e : events)
        if (!WriteDecisionLocked(actor, e, status, reason)) return Conflict("申报 " + std::to_string(e.id) + " 已审核", "ids");
    tx->Commit();  // durable before the live boards move and before the caller is answered
    for (const auto& e : events) ApplyCounted(e);
    return events.size();
}

Result<OwnerAccess> PointsService::EvidenceAccess(const Actor& actor, Id event_id, Id sub_id) {
    if (sub_id != 0) return NotFound("积分申报", "sub_id");
    auto loaded = EnsureLoaded();
    if (!loaded) return loaded.error();
    std::lock_guard lock(store_mutex_);
    auto e = points_.FindEvent(event_id);
    if (!e) return NotFound("积分申报");
    bool self = e->submitted_by == actor.username;
    {
        std::shared_lock read(live_mutex_);
        const Live& live = **loaded;
        auto m = live.member_by_id.find(e->member_id);
        if (m != live.member_by_id.end()) {
            const auto& rec = live.members[static_cast<std::size_t>(m->second)];
            self = self || (rec.user_id != 0 && rec.user_id == actor.user_id);
        }
    }
    const bool approver = IsApprover(actor.role) && CheckEventMemberInScope(**loaded, actor, e->member_id).ok();
    if (!self && !approver) return NotFound("积分申报");
    OwnerAccess access;
    access.add = self && e->status == EventStatus::kPending;
    return access;
}

Result<PointsEventView> PointsService::Reverse(const Actor& actor, Id event_id, const std::string& reason) {
    if (!IsApprover(actor.role)) return Forbidden("只有支部书记及以上账号可以冲正积分");
    if (reason.empty()) return Invalid("冲正须填写理由", "reason");
    auto loaded = EnsureLoaded();
    if (!loaded) return loaded.error();
    std::lock_guard lock(store_mutex_);
    auto original = points_.FindEvent(event_id);
    if (!original) return NotFound("积分事件");
    if (auto st = CheckEventMemberInScope(**loaded, actor, original->member_id); !st) return st.error();
    if (original->status != EventStatus::kApproved) return Conflict("只有已通过的事件可以冲正（待审事件请驳回）");
    if (original->reverses != 0) return Conflict("冲正事件不能再冲正");
    if (points_.FindReversal(event_id) != 0) return Conflict("该事件已冲正");
    if (auto st = CheckWritable(original->date); !st) return st.error();
    ports::PointsEventRecord e;
    e.member_id = original->member_id;
    e.rule_id = original->rule_id;
    e.date = original->date;
    e.quantity = -original->quantity;
    e.note = "冲正事件 " + std::to_string(event_id);
    e.status = EventStatus::kApproved;
    e.submitted_by = e.decided_by = actor.username;
    e.submitted_at = e.decided_at = clock_.NowIso();
    e.reason = reason;
    e.reverses = event_id;
    auto tx = store_.Begin();
    e.id = points_.InsertEvent(e);
    Audit(actor, "reverse", "points_event", event_id, EventJson(e));
    tx->Commit();
    ApplyCounted(e);
    std::shared_lock read(live_mutex_);
    return ViewOf(**loaded, e);
}

// ---- queries -----------------------------------------------------------------------------------

Result<ApprovalsPage> PointsService::Approvals(const Actor& actor, std::optional<Id> unit, std::optional<Id> period,
                                               std::size_t offset, std::size_t limit, const std::string& name) {
    if (name.size() > 60) return Invalid("姓名过长", "q");
    if (!IsApprover(actor.role)) return Forbidden("只有支部书记及以上账号可以审核积分");
    auto scope = ScopeUnit(actor, unit);
    if (!scope) return scope.error();
    auto loaded = EnsureLoaded(period);
    if (!loaded) return loaded.error();
    core::ports::PointsEventScope filter;
    {
        std::shared_lock read(live_mutex_);
        const Live& live = **loaded;
        auto u = live.unit_by_id.find(*scope);
        if (u == live.unit_by_id.end()) return NotFound("单位");
        filter.unit_ids = SubtreeUnitIds(live, u->second);
        filter.period = live.period.period;
        filter.name = name;
    }
    ApprovalsPage out;
    std::vector<ports::PointsEventRecord> pending;
    {
        ReadLock lock(store_mutex_);  // a read: beside other reads, on its own connection
        pending = points_.ListPendingEvents(filter, offset, limit);
        out.total = points_.CountPendingEvents(filter);
    }
    std::shared_lock read(live_mutex_);
    for (const auto& e : pending) out.items.push_back(ViewOf(**loaded, e));
    return out;
}

Result<LeaderboardPage> PointsService::Leaderboard(const Actor& actor, std::optional<Id> unit,
                                                   const std::string& category, std::int64_t top,
                                                   std::optional<Id> period) {
    auto shared = SharedLeaderboard(actor, unit, category, top, period);
    if (!shared) return shared.error();
    LeaderboardPage page = **shared;
    page.rendered = std::make_shared<LeaderboardPage::Rendered>();
    return page;
}

Result<std::shared_ptr<const LeaderboardPage>> PointsService::SharedLeaderboard(const Actor& actor,
                                                                                std::optional<Id> unit,
                                                                                const std::string& category,
                                                                                std::int64_t top,
                                                                                std::optional<Id> period) {
    auto scope = ScopeUnit(actor, unit);
    if (!scope) return scope.error();
    if (top <= 0 || top > 1000) return Invalid("top 须在 1 到 1000 之间", "top");
    auto loaded = EnsureLoaded(period);
    if (!loaded) return loaded.error();
    std::shared_lock read(live_mutex_);
    const Live& live = **loaded;
    const int cat = live.CategoryIndex(category);
    if (cat == -2) return Invalid("类别不存在", "category");
    auto u = live.unit_by_id.find(*scope);
    if (u == live.unit_by_id.end()) return NotFound("单位");
    const Live::PageKey key{u->second, cat, top};
    {
        std::lock_guard lock(live.page_mutex);
        if (auto it = live.page_cache.find(key); it != live.page_cache.end()) return it->second;
    }
    auto shared = std::make_shared<LeaderboardPage>();
    LeaderboardPage& page = *shared;
    page.unit_id = *scope;
    page.period_id = live.period.id;
    page.unit_name = live.unit_names[static_cast<std::size_t>(u->second)];
    page.category = category;
    page.size = live.board->ScopeSize(u->second);
    page.top = top;
    auto ranked = live.board->TopWithTies(u->second, top, kMaxTiedBeyondTop, cat);
    page.overflow = ranked.overflow;
    page.truncated = ranked.truncated;
    Live::GradeCache grades;
    for (const auto& entry : ranked.entries) {
        const Points overall = live.board->Total(entry.member);
        page.entries.push_back({entry.rank, RefOf(live, entry.member), entry.total, live.Stars(overall),
                                live.GradeOf(entry.member, grades)});
    }
    std::shared_ptr<const LeaderboardPage> out = std::move(shared);
    std::lock_guard lock(live.page_mutex);
    if (live.page_cache.size() >= Live::kMaxCachedPages) live.page_cache.clear();
    live.page_cache.emplace(key, out);
    return out;
}

namespace {
// Monthly and quarterly sub-totals of one member from its events (core::points::SubTotals).
void FillSubTotals(const std::vector<ports::PointsRuleRecord>& rules, const std::unordered_map<Id, RuleIdx>& rule_by_id,
                   const points::Period& period, const std::vector<ports::PointsEventRecord>& events, MemberRanks& out) {
    points::TallyConfig config;
    for (const auto& r : rules) config.rules.push_back(r.rule);
    config.period = period;
    std::vector<points::LedgerEvent> own;
    for (const auto& e : events) {
        auto r = rule_by_id.find(e.rule_id);
        if (r != rule_by_id.end()) own.push_back({0, r->second, e.date, e.status, e.quantity});
    }
    for (auto [granularity, slot] :
         {std::pair{points::SubPeriod::kMonth, &out.monthly}, std::pair{points::SubPeriod::kQuarter, &out.quarterly}}) {
        const auto parts = points::SplitPeriod(period, granularity);
        const auto totals = points::SubTotals(config, 0, own, parts);
        for (std::size_t idx = 0; idx < parts.size(); ++idx)
            slot->push_back({points::FormatDate(parts[idx].from), points::FormatDate(parts[idx].to), totals[idx]});
    }
}
}  // namespace

void PointsService::FillRanks(const Live& live, MemberIdx m, int category,
                              const std::vector<ports::PointsEventRecord>& events, MemberRanks& out) const {
    out.member = RefOf(live, m);
    out.period_id = live.period.id;
    out.total = live.board->Total(m, category);
    out.stars = live.Stars(live.board->Total(m));
    out.zeroed = live.zeroing_net[static_cast<std::size_t>(m)] > 0;
    Live::GradeCache grades;
    out.grade = live.GradeOf(m, grades);
    for (const auto& r : live.board->Ranks(m, category)) {
        out.ranks.push_back({live.unit_ids[static_cast<std::size_t>(r.scope)],
                             live.unit_names[static_cast<std::size_t>(r.scope)], r.rank, r.size});
    }
    FillSubTotals(live.rules, live.rule_by_id, live.period.period, events, out);
}

Result<MemberRanks> PointsService::Ranks(const Actor& actor, Id member_id, const std::string& category,
                                         std::optional<Id> period) {
    auto loaded = EnsureLoaded(period);
    if (!loaded) return loaded.error();
    {
        std::shared_lock read(live_mutex_);
        const Live& live = **loaded;
        auto m = live.member_by_id.find(member_id);
        if (m == live.member_by_id.end()) return NotFound("党员");
        const auto& rec = live.members[static_cast<std::size_t>(m->second)];
        const bool self = rec.user_id != 0 && rec.user_id == actor.user_id;
        if (!self && !InScope(actor, rec.unit_id)) return NotFound("党员");
        if (live.CategoryIndex(category) == -2) return Invalid("类别不存在", "category");
    }
    std::vector<ports::PointsEventRecord> events;
    {
        std::lock_guard lock(store_mutex_);
        events = points_.ListMemberEvents(member_id);
    }
    std::shared_lock read(live_mutex_);
    const Live& live = **loaded;
    MemberRanks out;
    FillRanks(live, live.member_by_id.at(member_id), live.CategoryIndex(category), events, out);
    return out;
}

Result<StarDistribution> PointsService::Stars(const Actor& actor, std::optional<Id> unit, std::optional<Id> period) {
    auto scope = ScopeUnit(actor, unit);
    if (!scope) return scope.error();
    auto loaded = EnsureLoaded(period);
    if (!loaded) return loaded.error();
    std::shared_lock read(live_mutex_);
    const Live& live = **loaded;
    auto u = live.unit_by_id.find(*scope);
    if (u == live.unit_by_id.end()) return NotFound("单位");
    StarDistribution out;
    out.unit_id = *scope;
    out.period_id = live.period.id;
    out.unit_name = live.unit_names[static_cast<std::size_t>(u->second)];
    out.counts.assign(live.period.stars.thresholds.size() + 1, 0);
    out.members = live.board->ScopeSize(u->second);
    for (const auto& entry : live.board->Page(u->second, 0, out.members))
        ++out.counts[static_cast<std::size_t>(live.Stars(entry.total))];
    if (!live.period.grades.empty()) {
        std::vector<std::int64_t> per_grade(live.period.grades.size(), 0);
        const auto& tree = live.board->tree();
        for (auto order = tree.order(u->second); order < tree.order(u->second) + tree.subtree_size(u->second); ++order)
            for (const int grade : *live.CachedUnitGrades(tree.unit_at(order)))
                ++per_grade[static_cast<std::size_t>(grade)];
        for (std::size_t grade = 0; grade < per_grade.size(); ++grade)
            out.grades.emplace_back(live.period.grades[grade].name, per_grade[grade]);
    }
    return out;
}

Result<MyPoints> PointsService::Me(const Actor& actor, std::optional<Id> period) {
    auto loaded = EnsureLoaded(period);
    if (!loaded) return loaded.error();
    Id member_id = 0;
    {
        std::shared_lock read(live_mutex_);
        auto it = (*loaded)->member_by_user.find(actor.user_id);
        if (it == (*loaded)->member_by_user.end()) return Error{errc::kNotFound, "您的账号未关联党员", ""};
        member_id = (*loaded)->members[static_cast<std::size_t>(it->second)].id;
    }
    std::vector<ports::PointsEventRecord> events;
    {
        std::lock_guard lock(store_mutex_);
        events = points_.ListMemberEvents(member_id);
    }
    std::shared_lock read(live_mutex_);
    const Live& live = **loaded;
    MyPoints out;
    const MemberIdx m = live.member_by_id.at(member_id);
    FillRanks(live, m, points::Leaderboard::kOverall, events, out.ranks);
    out.base_points = live.period.base_points;
    for (std::size_t c = 0; c < live.categories.size(); ++c)
        out.by_category.emplace_back(live.categories[c], live.board->Total(m, static_cast<int>(c)));
    for (const auto& e : events)
        if (live.period.period.Contains(e.date)) out.events.push_back(ViewOf(live, e));
    return out;
}

Result<Publicity> PointsService::PublicityOf(const Actor& actor, std::optional<Id> unit, std::optional<int> days,
                                             std::optional<Id> period) {
    auto scope = ScopeUnit(actor, unit);
    if (!scope) return scope.error();
    if (days && (*days <= 0 || *days > 366)) return Invalid("公示天数须在 1 到 366 之间", "days");
    auto loaded = EnsureLoaded(period);
    if (!loaded) return loaded.error();
    Publicity out;
    core::ports::PointsEventScope filter;
    {
        std::shared_lock read(live_mutex_);
        const Live& live = **loaded;
        auto u = live.unit_by_id.find(*scope);
        if (u == live.unit_by_id.end()) return NotFound("单位");
        if (live.board->ScopeSize(u->second) > kMaxPublicityMembers)
            return Invalid("公示范围过大，请选择支部或村（社区）", "unit");
        out.days = days.value_or(live.period.publicity_days);
        filter.unit_ids = SubtreeUnitIds(live, u->second);
        filter.period = live.period.period;
    }
    out.since = IsoOf(clock_.NowUnix() - static_cast<std::int64_t>(out.days) * 86400);
    std::vector<ports::PointsEventRecord> decided;
    {
        std::lock_guard lock(store_mutex_);
        decided = points_.ListDecidedSince(filter, out.since, kMaxPublicityEvents);
    }
    std::shared_lock read(live_mutex_);
    const Live& live = **loaded;
    const UnitIdx scope_idx = live.unit_by_id.at(*scope);
    out.unit_id = *scope;
    out.period_id = live.period.id;
    out.unit_name = live.unit_names[static_cast<std::size_t>(scope_idx)];
    for (const auto& e : decided) out.events.push_back(ViewOf(live, e));
    Live::GradeCache grades;
    for (const auto& entry : live.board->Page(scope_idx, 0, live.board->ScopeSize(scope_idx)))
        out.totals.push_back({entry.rank, RefOf(live, entry.member), entry.total, live.Stars(entry.total),
                              live.GradeOf(entry.member, grades)});
    return out;
}

Result<FileDownload> PointsService::LeaderboardWorkbook(const Actor& actor, std::optional<Id> unit,
                                                       const std::string& category, std::int64_t top,
                                                       std::optional<Id> period) {
    auto page = Leaderboard(actor, unit, category, top, period);
    if (!page) return page.error();
    return FileDownload{files_.leaderboard_xlsx(*page),
                        page->unit_name + (page->category.empty() ? "" : "·" + page->category) + "积分排行.xlsx",
                        "leaderboard.xlsx"};
}

FileDownload PointsService::PublicityWorkbook(const Publicity& publicity) const {
    return FileDownload{files_.publicity_xlsx(publicity), publicity.unit_name + "积分公示.xlsx", "publicity.xlsx"};
}

}  // namespace lingyan::app
