#include "app/training/pool_service.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <unordered_map>

#include "app/common/use_case.hpp"
#include "app/training/pool_rules_json.hpp"
#include "app/audit/audit_service.hpp"
#include "core/common/date.hpp"
#include "core/training/ladder.hpp"
#include "core/training/placement.hpp"
#include "core/text/json_escape.hpp"

namespace lingyan::app {

namespace ports = core::ports;
namespace training = core::training;
using core::ParseIsoDate;
using core::roster::UnitKind;
using training_rules::BadDate;
using training_rules::NameOf;

namespace {

constexpr std::size_t kMaxCandidatePage = 500;

std::optional<training::MemberState> StateFromName(std::string_view name) {
    using training::MemberState;
    for (auto s : {MemberState::kNominated, MemberState::kSelected, MemberState::kInTraining, MemberState::kGraduated,
                   MemberState::kAppointed, MemberState::kLeft})
        if (name == training::MemberStateName(s)) return s;
    return std::nullopt;
}

// The nearest town ancestor-or-self of a unit (0 when none).
Id TownOf(const core::roster::RegionTree& tree, Id unit_id) {
    const auto* unit = tree.Find(unit_id);
    if (!unit) return 0;
    if (unit->kind == UnitKind::kTown) return unit->id;
    Id town = 0;
    for (const auto* a : tree.Ancestors(unit_id))
        if (a->kind == UnitKind::kTown) town = a->id;
    return town;
}

using HonourMap = std::map<Id, std::vector<core::honours::Honour>>;

HonourMap ByPerson(std::vector<core::honours::Honour> all) {
    HonourMap out;
    for (auto& h : all)
        if (h.person_id != 0) out[h.person_id].push_back(std::move(h));
    return out;
}

training::Candidate CandidateOf(const RosterIndex& index, const core::roster::Person& p, const std::string& as_of,
                                const HonourMap& honours) {
    training::Candidate c;
    if (auto it = honours.find(p.id); it != honours.end()) c.honours = it->second;
    c.person_id = p.id;
    c.name = p.name;
    c.town_id = TownOf(index.tree(), p.unit_id);
    c.birth_date = p.birth_date;
    c.education = p.education;
    auto positions = index.PositionsOf(p.id);
    if (!positions.empty() && positions.front()->end_date.empty()) {
        c.current_post = positions.front()->title;
        c.post_start_date = positions.front()->start_date;
    }
    c.party = training::PartyStanding::kNone;
    if (auto joined = ParseIsoDate(p.party_join_date)) {
        auto on = ParseIsoDate(as_of);
        c.party = on && core::FullYearsBetween(*joined, *on) >= 1 ? training::PartyStanding::kFull
                                                                  : training::PartyStanding::kProbationary;
    }
    return c;
}

training::TalentPool CorePool(const ports::PoolRecord& record, const training::EligibilityRules& rules,
                              const std::map<Id, int>& town_quota) {
    return training::TalentPool{record.id, record.name, record.quota, town_quota, rules};
}

// Memberships with their histories, as the core sees them.
std::vector<training::Membership> CoreMembers(const std::vector<ports::MembershipRecord>& records,
                                              const std::vector<ports::MemberEventRecord>& events) {
    std::unordered_map<Id, std::size_t> by_id;
    std::vector<training::Membership> out;
    for (const auto& r : records) {
        training::Membership m;
        m.pool_id = r.pool_id;
        m.person_id = r.person_id;
        m.town_id = r.town_id;
        m.state = StateFromName(r.state).value_or(training::MemberState::kLeft);
        m.nominated_on = r.nominated_on;
        m.override_reason = r.override_reason;
        by_id.emplace(r.id, out.size());
        out.push_back(std::move(m));
    }
    for (const auto& e : events) {
        auto it = by_id.find(e.membership_id);
        if (it == by_id.end() || e.from_state == e.to_state) continue;
        out[it->second].history.push_back(training::StateChange{StateFromName(e.from_state).value_or(training::MemberState::kNominated),
                                                                StateFromName(e.to_state).value_or(training::MemberState::kNominated), e.date,
                                                                e.note});
    }
    return out;
}

}  // namespace

Id PoolService::FindPoolByName(const std::string& name) {
    std::lock_guard lock(store_mutex_);
    for (const auto& p : training_.ListPools())
        if (p.name == name) return p.id;
    return 0;
}

// ---- talent pools --------------------------------------------------------------------------

PoolView PoolService::ViewOfPool(const ports::PoolRecord& record) {
    PoolView v;
    v.record = record;
    if (auto rules = RulesFromJson(record.rules_json)) v.rules = *rules;
    for (const auto& q : training_.ListTownQuotas(record.id)) v.town_quota[q.town_id] = q.quota;
    auto members = CoreMembers(training_.ListMemberships(record.id), {});
    v.use = training::CountQuotaUse(CorePool(record, v.rules, v.town_quota), members);
    for (const auto& m : members) ++v.by_state[training::MemberStateName(m.state)];
    roster_.WithIndex([&](const RosterIndex& index) {
        v.scope_unit_name = NameOf(index.tree(), record.scope_unit_id);
        for (const auto& [town, n] : v.use.used_by_town) v.town_names[town] = NameOf(index.tree(), town);
        for (const auto& [town, n] : v.town_quota) v.town_names[town] = NameOf(index.tree(), town);
    });
    return v;
}

Result<PoolView> PoolService::CreatePool(const Actor& actor, const NewPool& spec) {
    const Id scope = spec.scope_unit_id != 0 ? spec.scope_unit_id : actor.scope_unit_id;
    if (scope == 0) return Invalid("请指定人才库所属单位", "scope_unit_id");
    if (!IsManager(actor.role)) return Forbidden("无权管理人才库");
    if (!CanManage(actor, scope)) return Forbidden("所属单位不在您的管辖范围内");
    if (spec.name.empty()) return Invalid("请填写人才库名称", "name");
    if (spec.quota <= 0) return Invalid("名额应为正整数", "quota");
    training::EligibilityRules rules;
    if (!spec.rules_json.empty()) {
        auto parsed = RulesFromJson(spec.rules_json);
        if (!parsed) return parsed.error();
        rules = *parsed;
    }
    bool towns_ok = true;
    roster_.WithIndex([&](const RosterIndex& index) {
        for (const auto& [town, quota] : spec.town_quota) {
            const auto* u = index.tree().Find(town);
            if (!u || u->kind != UnitKind::kTown || !index.tree().InSubtree(scope, town) || quota < 0) towns_ok = false;
        }
    });
    if (!towns_ok) return Invalid("分镇名额须为所属单位下的镇（街道）且不为负", "town_quota");

    std::lock_guard lock(store_mutex_);
    for (const auto& p : training_.ListPools())
        if (p.name == spec.name && p.scope_unit_id == scope) return Conflict("同名人才库已存在", "name");
    auto tx = store_.Begin();
    ports::PoolRecord record{0, spec.name, scope, spec.quota, RulesToJson(rules), spec.description, actor.username,
                      clock_.NowIso()};
    record.id = training_.InsertPool(record);
    for (const auto& [town, quota] : spec.town_quota) training_.SetTownQuota({record.id, town, quota});
    Audit(actor, "create", "talent_pool", record.id,
          "{\"name\":" + JsonQuote(record.name) + ",\"quota\":" + std::to_string(record.quota) +
              ",\"rules\":" + record.rules_json + "}");
    tx->Commit();
    return ViewOfPool(record);
}

Result<std::vector<PoolView>> PoolService::ListPools(const Actor& actor) {
    std::lock_guard lock(store_mutex_);
    std::vector<PoolView> out;
    for (const auto& p : training_.ListPools())
        if (CanRead(actor, p.scope_unit_id)) out.push_back(ViewOfPool(p));
    return out;
}

Result<PoolDetail> PoolService::GetPool(const Actor& actor, Id pool_id) {
    std::lock_guard lock(store_mutex_);
    auto record = training_.FindPool(pool_id);
    if (!record || !CanRead(actor, record->scope_unit_id)) return NotFound("人才库");
    PoolDetail d;
    d.pool = ViewOfPool(*record);
    const auto records = training_.ListMemberships(pool_id);
    const auto members = CoreMembers(records, training_.ListMemberEvents(pool_id));
    roster_.WithIndex([&](const RosterIndex& index) {
        for (std::size_t member_idx = 0; member_idx < records.size(); ++member_idx) {
            MemberView v;
            v.membership = members[member_idx];
            v.membership_id = records[member_idx].id;
            if (const auto* p = index.FindPerson(records[member_idx].person_id)) {
                v.name = p->name;
                v.unit_name = NameOf(index.tree(), p->unit_id);
            }
            v.town_name = NameOf(index.tree(), records[member_idx].town_id);
            d.members.push_back(std::move(v));
        }
    });
    return d;
}

Result<FileDownload> PoolService::MembersXlsx(const Actor& actor, Id pool_id) {
    if (!IsManager(actor.role)) return RoleForbidden();
    if (!files_.pool_members_xlsx) return Invalid("未配置导出格式");
    auto detail = GetPool(actor, pool_id);
    if (!detail) return detail.error();
    PoolMemberSheet sheet{std::move(detail->pool), {}};
    roster_.WithIndex([&](const RosterIndex& index) {
        for (auto& member : detail->members) {
            PoolMemberRow row{std::move(member), {}, {}};
            if (const auto* p = index.FindPerson(row.member.membership.person_id)) {
                row.person = *p;
                row.person.id_number.clear();
                row.person.phone.clear();
                for (const auto* pos : index.PositionsOf(p->id)) {
                    if (!pos->end_date.empty()) continue;
                    if (!row.posts.empty()) row.posts += "；";
                    row.posts += NameOf(index.tree(), pos->unit_id) + " " + pos->title;
                }
            }
            sheet.rows.push_back(std::move(row));
        }
    });
    const auto today = clock_.Today();
    return FileDownload{files_.pool_members_xlsx(sheet), sheet.pool.record.name + "-名单-" + today + ".xlsx",
                        "pool-" + std::to_string(pool_id) + "-members-" + today + ".xlsx"};
}

Result<std::vector<CandidateView>> PoolService::Candidates(const Actor& actor, Id pool_id, std::optional<Id> unit,
                                                               const std::string& as_of) {
    auto page = ScanCandidates(actor, pool_id, unit, as_of, 0, std::numeric_limits<std::size_t>::max());
    if (!page) return page.error();
    return std::move(page->items);
}

Result<CandidatePage> PoolService::CandidatesPage(const Actor& actor, Id pool_id, std::optional<Id> unit,
                                                      const std::string& as_of, std::int64_t offset,
                                                      std::int64_t limit) {
    if (limit < 1 || limit > static_cast<std::int64_t>(kMaxCandidatePage))
        return Invalid("limit 应在 1 到 " + std::to_string(kMaxCandidatePage) + " 之间", "limit");
    if (offset < 0) return Invalid("offset 不能为负", "offset");
    return ScanCandidates(actor, pool_id, unit, as_of, static_cast<std::size_t>(offset),
                          static_cast<std::size_t>(limit));
}

Result<CandidatePage> PoolService::ScanCandidates(const Actor& actor, Id pool_id, std::optional<Id> unit,
                                                      const std::string& as_of_in, std::size_t offset,
                                                      std::size_t limit) {
    const std::string as_of = as_of_in.empty() ? clock_.Today() : as_of_in;
    if (auto bad = BadDate(as_of, "as_of")) return *bad;
    // The store is read under its mutex; the scan of the roster (the long part) runs without it
    // so that candidate pages do not queue behind each other or behind writes.
    std::optional<core::ports::PoolRecord> record;
    std::map<Id, std::string> states;
    HonourMap honours;
    {
        std::lock_guard lock(store_mutex_);
        if (honours_) honours = ByPerson(honours_->ListHonours());
        record = training_.FindPool(pool_id);
        if (record)
            for (const auto& m : training_.ListMemberships(pool_id)) states[m.person_id] = m.state;
    }
    if (!record || !CanRead(actor, record->scope_unit_id)) return NotFound("人才库");
    auto rules = RulesFromJson(record->rules_json);
    if (!rules) return rules.error();
    CandidatePage page;
    page.offset = offset;
    page.limit = limit;
    std::optional<Error> error;
    roster_.WithIndex([&](const RosterIndex& index) {
        const auto& tree = index.tree();
        const Id root = unit.value_or(record->scope_unit_id);
        if (!tree.Find(root) || !tree.InSubtree(record->scope_unit_id, root) ||
            (actor.scope_unit_id != 0 && !tree.InSubtree(actor.scope_unit_id, root) &&
             !tree.InSubtree(root, actor.scope_unit_id))) {
            error = NotFound("单位");
            return;
        }
        // Pass 1 keeps only the sort key of everyone checked; pass 2 builds the full views
        // (names, every reason) for the requested page alone.
        struct Key {
            bool eligible;
            Id person_id;
            const core::roster::Person* person;
        };
        std::vector<Key> keys;
        index.ForEachPersonUnder(root, [&](const core::roster::Person& p) {
            if (actor.scope_unit_id != 0 && !tree.InSubtree(actor.scope_unit_id, p.unit_id)) return;
            auto report = training::CheckEligibility(*rules, CandidateOf(index, p, as_of, honours), as_of);
            if (!report) return;  // a person with an unusable birth date cannot be checked
            keys.push_back(Key{report->eligible, p.id, &p});
        });
        std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
            if (a.eligible != b.eligible) return a.eligible;
            return a.person_id < b.person_id;
        });
        page.total = keys.size();
        for (const auto& k : keys) page.eligible += k.eligible ? 1 : 0;
        const std::size_t begin = std::min(offset, keys.size());
        const std::size_t end = begin + std::min(limit, keys.size() - begin);
        for (std::size_t key_idx = begin; key_idx < end; ++key_idx) {
            const auto& p = *keys[key_idx].person;
            CandidateView v;
            v.candidate = CandidateOf(index, p, as_of, honours);
            v.report = *training::CheckEligibility(*rules, v.candidate, as_of);
            v.unit_name = NameOf(tree, p.unit_id);
            v.town_name = NameOf(tree, v.candidate.town_id);
            if (auto it = states.find(p.id); it != states.end()) v.member_state = it->second;
            page.items.push_back(std::move(v));
        }
    });
    if (error) return *error;
    return page;
}

Result<MemberView> PoolService::ChangeMember(const Actor& actor, Id pool_id, const MemberChange& change) {
    if (change.state == training::MemberStateName(training::MemberState::kAppointed))
        return Invalid("任用请登记人事决定（任用），职务随之写入名册", "state");
    std::lock_guard lock(store_mutex_);
    return ChangeLocked(actor, pool_id, change);
}

Result<MemberView> PoolService::AppointLocked(const Actor& actor, Id pool_id, Id person_id, const std::string& date,
                                              const std::string& note) {
    return ChangeLocked(actor, pool_id,
                        MemberChange{person_id, training::MemberStateName(training::MemberState::kAppointed), date,
                                     note, ""});
}

Result<MemberView> PoolService::ChangeLocked(const Actor& actor, Id pool_id, const MemberChange& change) {
    auto target = StateFromName(change.state);
    if (!target) return Invalid("状态应为 nominated, selected, in_training, graduated, appointed 或 left", "state");
    const std::string date = change.date.empty() ? clock_.Today() : change.date;
    if (auto bad = BadDate(date, "date")) return *bad;

    auto record = training_.FindPool(pool_id);
    if (!record || !CanRead(actor, record->scope_unit_id)) return NotFound("人才库");
    if (!CanManage(actor, record->scope_unit_id)) return Forbidden("无权管理该人才库");
    auto rules = RulesFromJson(record->rules_json);
    if (!rules) return rules.error();
    std::map<Id, int> town_quota;
    for (const auto& q : training_.ListTownQuotas(pool_id)) town_quota[q.town_id] = q.quota;
    const auto pool = CorePool(*record, *rules, town_quota);

    std::optional<training::Candidate> candidate;
    MemberView view;
    bool in_scope = false;
    const HonourMap honours = honours_ ? ByPerson(honours_->ListHonours()) : HonourMap{};  // store_mutex_ held
    roster_.WithIndex([&](const RosterIndex& index) {
        const auto* p = index.FindPerson(change.person_id);
        if (!p) return;
        in_scope = index.tree().InSubtree(record->scope_unit_id, p->unit_id) &&
                   core::auth::InScope(index.tree(), actor, p->unit_id);
        candidate = CandidateOf(index, *p, date, honours);
        view.name = p->name;
        view.unit_name = NameOf(index.tree(), p->unit_id);
        view.town_name = NameOf(index.tree(), candidate->town_id);
    });
    if (!candidate) return NotFound("人员", "person_id");
    if (!in_scope) return Forbidden("该人员不在人才库所属单位或您的管辖范围内");

    auto records = training_.ListMemberships(pool_id);
    auto members = CoreMembers(records, training_.ListMemberEvents(pool_id));
    std::optional<std::size_t> current;
    for (std::size_t member_idx = 0; member_idx < records.size(); ++member_idx)
        if (records[member_idx].person_id == change.person_id && records[member_idx].state != "left")
            current = member_idx;

    training::Membership member;
    std::vector<std::pair<training::MemberState, training::MemberState>> steps;  // from, to
    if (!current) {
        auto nominated = training::Nominate(pool, members, *candidate, date);
        if (!nominated) return nominated.error();
        member = *nominated;
        if (change.override_reason.empty() && *target == training::MemberState::kNominated) {
            // Nominating only: the rules are checked at selection.
        }
    } else {
        member = members[*current];
    }
    // Walk the legal path from the current state to the target, one transition at a time, so
    // that selection always meets the eligibility and quota checks.
    using training::MemberState;
    const MemberState order[] = {MemberState::kNominated, MemberState::kSelected, MemberState::kInTraining,
                                 MemberState::kGraduated, MemberState::kAppointed};
    std::vector<MemberState> path;
    if (*target == MemberState::kLeft) {
        path.push_back(MemberState::kLeft);
    } else {
        bool after = false;
        for (MemberState s : order) {
            if (after) path.push_back(s);
            if (s == member.state) after = true;
            if (s == *target) break;
        }
        if (member.state == *target && current) return Conflict("该人员已处于此状态", "state");
        if (!path.empty() && path.back() != *target) path.clear();
        if (path.empty() && member.state != *target) {
            return Conflict(std::string("不能从 ") + training::MemberStateName(member.state) + " 转为 " +
                                training::MemberStateName(*target),
                            "state");
        }
    }
    for (MemberState to : path) {
        auto moved = training::Transition(pool, members, member, *candidate, to, date, change.note,
                                          change.override_reason);
        if (!moved) return moved.error();
        steps.emplace_back(member.state, to);
        member = *moved;
    }

    auto tx = store_.Begin();
    Id membership_id = 0;
    const std::string now = clock_.NowIso();
    if (!current) {
        ports::MembershipRecord r{0, pool_id, change.person_id, candidate->town_id, training::MemberStateName(member.state),
                           member.nominated_on, member.override_reason};
        membership_id = training_.InsertMembership(r);
        training_.InsertMemberEvent(
            {0, membership_id, "nominated", "nominated", date, steps.empty() ? change.note : "", actor.username, now});
    } else {
        membership_id = records[*current].id;
        ports::MembershipRecord r = records[*current];
        r.state = training::MemberStateName(member.state);
        r.override_reason = member.override_reason;
        training_.UpdateMembership(r);
    }
    for (const auto& [from, to] : steps)
        training_.InsertMemberEvent({0, membership_id, training::MemberStateName(from), training::MemberStateName(to),
                                     date, change.note, actor.username, now});
    Audit(actor, current ? "member_transition" : "member_add", "talent_pool", pool_id,
          "{\"person_id\":" + std::to_string(change.person_id) + ",\"state\":" +
              JsonQuote(training::MemberStateName(member.state)) + ",\"date\":" + JsonQuote(date) +
              ",\"override_reason\":" + JsonQuote(change.override_reason) + "}");
    tx->Commit();
    view.membership = member;
    view.membership_id = membership_id;
    return view;
}

}  // namespace lingyan::app
