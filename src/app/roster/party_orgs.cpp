// RosterService: the party organization use cases (党组织: create, rename, upgrade, dissolve, grid
// branches, 党员中心户). Declared in roster_service.hpp; the index and locks are the service's own.

#include <algorithm>
#include <unordered_set>

#include "app/audit/audit_service.hpp"
#include "app/roster/roster_service.hpp"
#include "core/roster/party_org_rules.hpp"
#include "core/roster/person_rules.hpp"
#include "core/roster/tree.hpp"
#include "core/text/cell_text.hpp"

namespace lingyan::app {

using namespace core::roster;

std::string PartyOrgAuditJson(const PartyOrg& o) {
    return "{\"unit_id\":" + std::to_string(o.unit_id) + ",\"name\":" + JsonQuote(o.name) + ",\"kind\":" +
           JsonQuote(PartyOrgKindName(o.kind)) + ",\"parent_id\":" + std::to_string(o.parent_id) +
           ",\"approved_on\":" + JsonQuote(o.approved_on) + ",\"document_no\":" + JsonQuote(o.document_no) +
           ",\"dissolved_on\":" + JsonQuote(o.dissolved_on) + "}";
}

PartyOrgView RosterService::OrgViewOf(const PartyOrg& o) const {
    PartyOrgView v;
    v.org = o;
    v.org.member_count = index_.MemberCount(o.id);
    v.direct_members = static_cast<int>(index_.MembersOf(o.id).size());
    const Unit* u = index_.tree().Find(o.unit_id);
    v.unit_name = u ? u->name : "";
    v.grid = u && u->kind == UnitKind::kGrid;
    if (o.parent_id != 0)
        if (const PartyOrg* parent = index_.FindPartyOrg(o.parent_id)) v.parent_name = parent->name;
    if (o.active() && !v.grid) v.upgrade_hint = UpgradeHint(v.org);
    return v;
}

Status RosterService::CheckMembership(const Actor& actor, const Person& p) const {
    if (p.party_org_id == 0) return core::Ok();
    const PartyOrg* org = index_.FindPartyOrg(p.party_org_id);
    if (!org || !Visible(actor, org->unit_id)) return Invalid("党组织不存在或不在您的管辖范围内", "party_org_id");
    if (!org->active()) return Invalid("该党组织已撤销，不能接收党员", "party_org_id");
    const RegionTree& tree = index_.tree();
    if (!tree.InSubtree(org->unit_id, p.unit_id) && !tree.InSubtree(p.unit_id, org->unit_id))
        return Invalid("党组织应在本人所在单位或其上下级单位", "party_org_id");
    if (p.party_join_date.empty()) return Invalid("登记组织关系时请填写入党日期", "party_join_date");
    return core::Ok();
}

Result<PartyOrg> RosterService::WritableOrg(const Actor& actor, Id id) const {
    const PartyOrg* org = index_.FindPartyOrg(id);
    if (!org || !Visible(actor, org->unit_id)) return NotFound("党组织");
    return *org;
}

void RosterService::RecordOrgEvent(const Actor& actor, PartyOrgEvent e) {
    e.done_by = actor.username;
    e.done_at = clock_.NowIso();
    store_.InsertPartyOrgEvent(e);
}

Result<std::vector<PartyOrgView>> RosterService::ListPartyOrgs(const Actor& actor, Id unit,
                                                               bool include_dissolved) const {
    if (!core::auth::CanReadRoster(actor.role)) return RoleForbidden();
    std::shared_lock lock(index_mutex_);
    const RegionTree& tree = index_.tree();
    std::vector<Id> roots;
    if (unit != 0) {
        if (!tree.Find(unit) || !Visible(actor, unit)) return NotFound("单位");
        roots.push_back(unit);
    } else if (actor.scope_unit_id != 0) {
        roots.push_back(actor.scope_unit_id);
    } else if (actor.role == Role::kAdmin) {
        auto top = tree.Children(std::nullopt);
        roots.assign(top.begin(), top.end());
    }
    std::vector<PartyOrgView> out;
    for (Id root : roots)
        for (Id u : tree.Subtree(root))
            for (const PartyOrg* o : index_.PartyOrgsOf(u))
                if (include_dissolved || o->active()) out.push_back(OrgViewOf(*o));
    return out;
}

Result<PartyOrgDetail> RosterService::GetPartyOrg(const Actor& actor, Id id) const {
    if (!core::auth::CanReadRoster(actor.role)) return RoleForbidden();
    PartyOrgDetail d;
    {
        std::shared_lock lock(index_mutex_);
        const PartyOrg* org = index_.FindPartyOrg(id);
        if (!org || !Visible(actor, org->unit_id)) return NotFound("党组织");
        d.org = OrgViewOf(*org);
        for (const PartyOrg* sub : index_.SubOrgsOf(id)) d.sub_orgs.push_back(OrgViewOf(*sub));
        for (Id person : index_.MembersOf(id)) {
            const Person* p = index_.FindPerson(person);
            if (!p) continue;
            const Unit* u = index_.tree().Find(p->unit_id);
            d.members.push_back({p->id, p->name, u ? u->name : "", p->party_join_date});
        }
        std::sort(d.members.begin(), d.members.end(),
                  [](const auto& a, const auto& b) { return std::tie(a.name, a.person_id) < std::tie(b.name, b.person_id); });
    }
    std::vector<PartyHousehold> households;
    {
        std::lock_guard store_lock(store_mutex_);
        d.history = store_.ListPartyOrgEvents(id);
        households = store_.ListHouseholds(id);
    }
    std::shared_lock lock(index_mutex_);
    auto name_of = [&](Id person) {
        const Person* p = index_.FindPerson(person);
        return p ? p->name : std::string();
    };
    for (auto& h : households) {
        PartyHouseholdView v;
        v.person_name = name_of(h.person_id);
        for (Id s : h.served) v.served.emplace_back(s, name_of(s));
        v.household = std::move(h);
        d.households.push_back(std::move(v));
    }
    return d;
}

Result<PartyOrgView> RosterService::CreatePartyOrg(const Actor& actor, const PartyOrgInput& in) {
    if (!IsManager(actor.role)) return RoleForbidden();
    PartyOrg org;
    org.unit_id = in.unit_id;
    org.name = core::text::NormalizeCell(in.name);
    org.kind = in.kind;
    org.parent_id = in.parent_id;
    org.approved_on = in.approved_on;
    org.document_no = core::text::NormalizeCell(in.document_no);
    {
        std::shared_lock lock(index_mutex_);
        const Unit* unit = index_.tree().Find(in.unit_id);
        if (!unit || !Visible(actor, in.unit_id)) return Invalid("单位不存在或不在您的管辖范围内", "unit_id");
        if (auto st = ValidOrgName(org.name); !st) return st.error();
        if (auto st = CheckKindForUnit(org.kind, unit->kind); !st) return st.error();
        if (auto st = ValidApproval(org.approved_on, org.document_no, clock_.Today(), false); !st) return st.error();
        if (org.parent_id == 0 && unit->kind == UnitKind::kGrid && unit->parent_id) {
            // A grid branch belongs to its village's (community's) organization of the highest rank.
            const PartyOrg* best = nullptr;
            for (const PartyOrg* o : index_.PartyOrgsOf(*unit->parent_id))
                if (o->active() && (!best || KindRank(o->kind) > KindRank(best->kind))) best = o;
            if (!best) return Invalid("网格党支部须隶属于村（社区）党组织，请先建立村（社区）党组织", "parent_id");
            org.parent_id = best->id;
        }
        if (org.parent_id != 0) {
            const PartyOrg* parent = index_.FindPartyOrg(org.parent_id);
            if (!parent || !Visible(actor, parent->unit_id))
                return Invalid("上级党组织不存在或不在您的管辖范围内", "parent_id");
            if (!parent->active()) return Invalid("上级党组织已撤销", "parent_id");
            if (!index_.tree().InSubtree(parent->unit_id, org.unit_id))
                return Invalid("上级党组织应在本单位或其上级单位", "parent_id");
            if (KindRank(parent->kind) <= KindRank(org.kind) && parent->unit_id == org.unit_id)
                return Invalid("上级党组织的层级应高于本组织", "parent_id");
        }
        for (const PartyOrg* o : index_.PartyOrgsOf(in.unit_id))
            if (o->active() && o->name == org.name) return Conflict("本单位已有同名党组织", "name");
    }
    {
        std::lock_guard store_lock(store_mutex_);
        auto tx = store_.Begin();
        org.id = store_.InsertPartyOrg(org);
        RecordOrgEvent(actor, {0, org.id, "create", "", std::string(PartyOrgKindName(org.kind)), org.approved_on,
                               org.document_no});
        Audit(actor, "create", "party_org", org.id, PartyOrgAuditJson(org));
        tx->Commit();
    }
    std::unique_lock lock(index_mutex_);
    index_.PutPartyOrg(org);
    return OrgViewOf(*index_.FindPartyOrg(org.id));
}

Result<PartyOrgView> RosterService::RenamePartyOrg(const Actor& actor, Id id, const std::string& raw_name) {
    if (!IsManager(actor.role)) return RoleForbidden();
    const std::string name = core::text::NormalizeCell(raw_name);
    PartyOrg org;
    {
        std::shared_lock lock(index_mutex_);
        auto found = WritableOrg(actor, id);
        if (!found) return found.error();
        org = *found;
        if (!org.active()) return Conflict("该党组织已撤销", "name");
        if (auto st = ValidOrgName(name); !st) return st.error();
        for (const PartyOrg* o : index_.PartyOrgsOf(org.unit_id))
            if (o->id != id && o->active() && o->name == name) return Conflict("本单位已有同名党组织", "name");
    }
    if (name == org.name) {
        std::shared_lock lock(index_mutex_);
        return OrgViewOf(org);
    }
    const PartyOrg before = org;
    org.name = name;
    {
        std::lock_guard store_lock(store_mutex_);
        auto tx = store_.Begin();
        store_.UpdatePartyOrg(org);
        RecordOrgEvent(actor, {0, id, "rename", before.name, org.name, "", ""});
        Audit(actor, "rename", "party_org", id, BeforeAfter(PartyOrgAuditJson(before), PartyOrgAuditJson(org)));
        tx->Commit();
    }
    std::unique_lock lock(index_mutex_);
    index_.PutPartyOrg(org);
    return OrgViewOf(org);
}

Result<PartyOrgView> RosterService::UpgradePartyOrg(const Actor& actor, Id id, const UpgradeInput& in) {
    if (!IsManager(actor.role)) return RoleForbidden();
    PartyOrg org;
    {
        std::shared_lock lock(index_mutex_);
        auto found = WritableOrg(actor, id);
        if (!found) return found.error();
        org = *found;
        const Unit* unit = index_.tree().Find(org.unit_id);
        if (auto st = CheckUpgrade(org, in.kind, index_.MemberCount(id), unit && unit->kind == UnitKind::kGrid); !st)
            return st.error();
        if (auto st = ValidApproval(in.approved_on, core::text::NormalizeCell(in.document_no), clock_.Today(), true); !st)
            return st.error();
    }
    const PartyOrg before = org;
    std::string name = core::text::NormalizeCell(in.name);
    if (name.empty()) {
        const std::string old_label = PartyOrgKindLabel(org.kind);
        name = org.name.ends_with(old_label) ? org.name.substr(0, org.name.size() - old_label.size()) + PartyOrgKindLabel(in.kind)
                                             : org.name;
    }
    if (auto st = ValidOrgName(name); !st) return st.error();
    org.name = name;
    org.kind = in.kind;
    org.approved_on = in.approved_on;
    org.document_no = core::text::NormalizeCell(in.document_no);
    {
        std::lock_guard store_lock(store_mutex_);
        auto tx = store_.Begin();
        store_.UpdatePartyOrg(org);
        RecordOrgEvent(actor, {0, id, "upgrade", PartyOrgKindName(before.kind), PartyOrgKindName(org.kind),
                               org.approved_on, org.document_no});
        if (before.name != org.name) RecordOrgEvent(actor, {0, id, "rename", before.name, org.name, "", ""});
        Audit(actor, "upgrade", "party_org", id, BeforeAfter(PartyOrgAuditJson(before), PartyOrgAuditJson(org)));
        tx->Commit();
    }
    std::unique_lock lock(index_mutex_);
    index_.PutPartyOrg(org);
    return OrgViewOf(org);
}

Result<PartyOrgView> RosterService::DissolvePartyOrg(const Actor& actor, Id id, const DissolveInput& in) {
    if (!IsManager(actor.role)) return RoleForbidden();
    PartyOrg org;
    std::vector<Person> moved;
    {
        std::shared_lock lock(index_mutex_);
        auto found = WritableOrg(actor, id);
        if (!found) return found.error();
        org = *found;
        if (!org.active()) return Conflict("该党组织已撤销", "dissolved_on");
        if (auto st = ValidApproval(in.dissolved_on, core::text::NormalizeCell(in.document_no), clock_.Today(), false,
                                    "dissolved_on", "撤销日期");
            !st)
            return st.error();
        for (const PartyOrg* sub : index_.SubOrgsOf(id))
            if (sub->active()) return Conflict("请先撤销或转隶下级党组织：" + sub->name, "transfer_to");
        const auto members = index_.MembersOf(id);
        if (!members.empty()) {
            if (in.transfer_to == 0)
                return Invalid("该党组织还有 " + std::to_string(members.size()) + " 名党员，请选择转入的党组织",
                               "transfer_to");
            const PartyOrg* target = index_.FindPartyOrg(in.transfer_to);
            if (!target || !Visible(actor, target->unit_id) || in.transfer_to == id)
                return Invalid("转入的党组织不存在或不在您的管辖范围内", "transfer_to");
            if (!target->active()) return Invalid("转入的党组织已撤销", "transfer_to");
            for (Id person : members) {
                Person p = *index_.FindPerson(person);
                p.party_org_id = in.transfer_to;
                moved.push_back(std::move(p));
            }
        }
    }
    const PartyOrg before = org;
    org.dissolved_on = in.dissolved_on;
    {
        std::lock_guard store_lock(store_mutex_);
        auto tx = store_.Begin();
        for (const Person& p : moved) store_.UpdatePerson(p);
        for (const auto& h : store_.ListHouseholds(id))
            if (h.dissolved_on.empty()) store_.DissolveHousehold(h.id, in.dissolved_on);
        store_.UpdatePartyOrg(org);
        RecordOrgEvent(actor, {0, id, "dissolve", "", in.transfer_to ? std::to_string(in.transfer_to) : "",
                               in.dissolved_on, core::text::NormalizeCell(in.document_no)});
        Audit(actor, "dissolve", "party_org", id,
              "{\"before\":" + PartyOrgAuditJson(before) + ",\"after\":" + PartyOrgAuditJson(org) +
                  ",\"transferred\":" + std::to_string(moved.size()) + ",\"transfer_to\":" +
                  std::to_string(in.transfer_to) + "}");
        tx->Commit();
    }
    std::unique_lock lock(index_mutex_);
    for (Person& p : moved) index_.PutPerson(std::move(p));
    index_.PutPartyOrg(org);
    return OrgViewOf(org);
}

Result<PartyHouseholdView> RosterService::CreateHousehold(const Actor& actor, Id org_id, const HouseholdInput& in) {
    if (!IsManager(actor.role)) return RoleForbidden();
    PartyHousehold h;
    h.org_id = org_id;
    h.person_id = in.person_id;
    h.place = core::text::NormalizeCell(in.place);
    h.created_on = clock_.Today();
    PartyHouseholdView view;
    {
        std::shared_lock lock(index_mutex_);
        auto found = WritableOrg(actor, org_id);
        if (!found) return found.error();
        if (!found->active()) return Conflict("该党组织已撤销", "org_id");
        // Members of this organization or of its sub-organizations (a grid branch's members
        // belong to the village's organization too).
        auto belongs = [&](Id person) {
            const Person* p = index_.FindPerson(person);
            for (Id org = p ? p->party_org_id : 0; org != 0;) {
                if (org == org_id) return true;
                const PartyOrg* o = index_.FindPartyOrg(org);
                org = o ? o->parent_id : 0;
            }
            return false;
        };
        if (!belongs(h.person_id)) return Invalid("中心户户主应为本党组织的党员", "person_id");
        if (h.place.empty()) return Invalid("请填写所在自然村（组）", "place");
        if (core::text::Utf8Length(h.place) > kMaxPlaceChars)
            return Invalid("所在自然村（组）最多 " + std::to_string(kMaxPlaceChars) + " 个字", "place");
        if (in.served.size() > 50) return Invalid("一个中心户最多联系 50 名党员", "served");
        std::unordered_set<Id> seen;
        for (Id s : in.served) {
            if (s == h.person_id || !seen.insert(s).second) continue;
            if (!belongs(s)) return Invalid("联系的党员应为本党组织的党员", "served");
            h.served.push_back(s);
        }
        view.person_name = index_.FindPerson(h.person_id)->name;
        for (Id s : h.served) view.served.emplace_back(s, index_.FindPerson(s)->name);
    }
    {
        std::lock_guard store_lock(store_mutex_);
        for (const auto& other : store_.ListHouseholds(org_id))
            if (other.dissolved_on.empty() && other.person_id == h.person_id)
                return Conflict("该党员已是中心户户主", "person_id");
        auto tx = store_.Begin();
        h.id = store_.InsertHousehold(h);
        std::string served = "[";
        for (Id s : h.served) served += (served.size() > 1 ? "," : "") + std::to_string(s);
        Audit(actor, "create", "party_household", h.id,
              "{\"org_id\":" + std::to_string(org_id) + ",\"person_id\":" + std::to_string(h.person_id) +
                  ",\"place\":" + JsonQuote(h.place) + ",\"served\":" + served + "]}");
        tx->Commit();
    }
    view.household = std::move(h);
    return view;
}

Status RosterService::DissolveHousehold(const Actor& actor, Id org_id, Id household_id) {
    if (!IsManager(actor.role)) return RoleForbidden();
    {
        std::shared_lock lock(index_mutex_);
        if (auto found = WritableOrg(actor, org_id); !found) return found.error();
    }
    std::lock_guard store_lock(store_mutex_);
    auto h = store_.FindHousehold(household_id);
    if (!h || h->org_id != org_id) return NotFound("中心户");
    if (!h->dissolved_on.empty()) return Conflict("该中心户已撤销");
    auto tx = store_.Begin();
    store_.DissolveHousehold(household_id, clock_.Today());
    Audit(actor, "dissolve", "party_household", household_id,
          "{\"org_id\":" + std::to_string(org_id) + ",\"person_id\":" + std::to_string(h->person_id) + "}");
    tx->Commit();
    return core::Ok();
}

}  // namespace lingyan::app
