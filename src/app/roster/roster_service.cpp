#include "app/roster/roster_service.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "app/audit/audit_service.hpp"
#include "core/text/cell_text.hpp"
#include "app/common/use_case.hpp"
#include "core/ports/store_errors.hpp"
#include "core/roster/person_rules.hpp"
#include "core/text/json_escape.hpp"

namespace lingyan::app {

using namespace core::roster;

namespace {
}  // namespace

std::string PersonAuditJson(const Person& p) {
    return "{\"name\":" + JsonQuote(p.name) + ",\"unit_id\":" + std::to_string(p.unit_id) +
           ",\"gender\":" + JsonQuote(GenderName(p.gender)) + ",\"birth_date\":" + JsonQuote(p.birth_date) +
           ",\"education\":" + JsonQuote(EducationName(p.education)) +
           ",\"party_join_date\":" + JsonQuote(p.party_join_date) +
           ",\"id_number\":" + JsonQuote(MaskIdNumber(p.id_number)) + ",\"phone\":" + JsonQuote(p.phone) +
           ",\"reserve_cadre\":" + (p.reserve_cadre ? "true" : "false") +
           ",\"party_org_id\":" + std::to_string(p.party_org_id) + "}";
}

namespace {
std::string PositionAuditJson(const Position& p) {
    return "{\"person_id\":" + std::to_string(p.person_id) + ",\"unit_id\":" + std::to_string(p.unit_id) +
           ",\"title\":" + JsonQuote(p.title) + ",\"start_date\":" + JsonQuote(p.start_date) +
           ",\"end_date\":" + JsonQuote(p.end_date) + "}";
}
}  // namespace

RosterService::RosterService(core::ports::Store& store, core::ports::StoreMutex& store_mutex, const core::ports::Clock& clock)
    : store_(store), store_mutex_(store_mutex), clock_(clock) {}

void RosterService::Reload() {
    RosterIndex fresh;
    {
        std::lock_guard lock(store_mutex_);
        auto tree = RegionTree::Build(store_.LoadUnits());
        if (!tree) throw std::runtime_error("数据库中的单位树无效: " + tree.error().message);
        fresh.SetTree(std::move(tree).value());
        for (auto& p : store_.LoadPeople()) fresh.PutPerson(std::move(p));
        for (auto& p : store_.LoadPositions()) fresh.PutPosition(std::move(p));
        for (auto& o : store_.LoadPartyOrgs()) fresh.PutPartyOrg(std::move(o));
        for (auto& i : store_.LoadIncomes()) fresh.PutIncome(i);
    }
    std::unique_lock lock(index_mutex_);
    index_ = std::move(fresh);
    ++reloads_;
}

namespace {

// `ids` put with `put` when among `found` (read from the store), else removed with `remove`.
template <typename Row, typename Put, typename Remove>
void PutOrRemove(const std::vector<Id>& ids, std::vector<Row> found, Put put, Remove remove) {
    std::unordered_set<Id> present;
    for (const Row& row : found) present.insert(row.id);
    for (Id id : ids)
        if (!present.contains(id)) remove(id);
    for (Row& row : found) put(std::move(row));
}

}  // namespace

void RosterService::ApplyChanges(const RosterChanges& changes) {
    if (changes.empty()) return;
    std::vector<Unit> units;
    std::vector<Person> people;
    std::vector<Position> positions;
    std::vector<PartyOrg> orgs;
    std::vector<UnitIncome> incomes;
    {
        // The primary (no read intent: a replica may not have the change yet); other reads go on.
        std::shared_lock lock(store_mutex_);
        units = store_.LoadUnitsByIds(changes.units);
        people = store_.LoadPeopleByIds(changes.people);
        positions = store_.LoadPositionsByIds(changes.positions);
        orgs = store_.LoadPartyOrgsByIds(changes.party_orgs);
        incomes = store_.LoadIncomesOfUnits(changes.income_units);
    }
    {
        std::unique_lock lock(index_mutex_);
        bool tree_valid = true;
        if (!changes.units.empty()) {
            // The tree is rebuilt from the units in memory (few beside the people) with the changed
            // ones as read: a unit found replaces or joins them, one gone leaves.
            const std::unordered_set<Id> changed(changes.units.begin(), changes.units.end());
            std::unordered_map<Id, Unit> read;
            for (Unit& u : units) read.emplace(u.id, std::move(u));
            std::vector<Unit> all;
            all.reserve(index_.tree().size() + read.size());
            for (const Unit& u : index_.tree().units()) {
                auto it = read.find(u.id);
                if (it != read.end()) {
                    all.push_back(std::move(it->second));
                    read.erase(it);
                } else if (!changed.contains(u.id)) {
                    all.push_back(u);
                }
            }
            for (auto& [id, u] : read) all.push_back(std::move(u));
            auto tree = RegionTree::Build(std::move(all));
            if (tree) index_.SetTree(std::move(tree).value());
            else tree_valid = false;  // e.g. a parent this server has not seen yet: read everything
        }
        if (tree_valid) {
            PutOrRemove(changes.party_orgs, std::move(orgs), [&](PartyOrg o) { index_.PutPartyOrg(std::move(o)); },
                        [&](Id id) { index_.RemovePartyOrg(id); });
            PutOrRemove(changes.people, std::move(people), [&](Person p) { index_.PutPerson(std::move(p)); },
                        [&](Id id) { index_.RemovePerson(id); });
            PutOrRemove(changes.positions, std::move(positions),
                        [&](Position p) { index_.PutPosition(std::move(p)); },
                        [&](Id id) { index_.RemovePosition(id); });
            std::unordered_map<Id, std::vector<UnitIncome>> by_unit;
            for (const UnitIncome& i : incomes) by_unit[i.unit_id].push_back(i);
            for (Id unit : changes.income_units) index_.SetIncomes(unit, by_unit[unit]);
            applied_rows_ += changes.units.size() + changes.people.size() + changes.positions.size() +
                             changes.party_orgs.size() + changes.income_units.size();
            return;
        }
    }
    Reload();
}

bool RosterService::Visible(const Actor& actor, Id unit) const {
    return core::auth::InScope(index_.tree(), actor, unit);
}

const Person* RosterService::VisibleHolder(const Actor& actor, const std::string& id_number, Id self) const {
    if (id_number.empty()) return nullptr;
    for (const Person* p : index_.PeopleWithIdNumber(id_number))
        if (p->id != self && Visible(actor, p->unit_id)) return p;
    return nullptr;
}

Status RosterService::IdNumberFree(const Actor& actor, const std::string& id_number, Id self) const {
    std::shared_lock lock(index_mutex_);
    if (const Person* holder = VisibleHolder(actor, id_number, self))
        return Conflict("身份证号已属于名册中的 " + holder->name + "（人员编号 " + std::to_string(holder->id) + "）",
                        "id_number");
    return core::Ok();
}

bool RosterService::InScope(const Actor& actor, Id unit) const {
    std::shared_lock lock(index_mutex_);
    return Visible(actor, unit);
}

UnitView RosterService::UnitViewOf(const Unit& u) const { return UnitView{u, index_.tree().Children(u.id).size()}; }

PersonView RosterService::ViewOf(const Person& p) const {
    PersonView v;
    v.person = p;
    const Unit* u = index_.tree().Find(p.unit_id);
    v.unit_name = u ? u->name : "";
    if (const PartyOrg* org = p.party_org_id ? index_.FindPartyOrg(p.party_org_id) : nullptr) v.party_org_name = org->name;
    v.age = AgeAt(p.birth_date, clock_.Today());
    for (const Position* pos : index_.PositionsOf(p.id)) {
        const Unit* pu = index_.tree().Find(pos->unit_id);
        v.positions.emplace_back(*pos, pu ? pu->name : "");
    }
    return v;
}

Result<UnitsPage> RosterService::ListUnits(const Actor& actor, const UnitsQuery& q) const {
    if (!core::auth::CanReadRoster(actor.role)) return RoleForbidden();
    std::shared_lock lock(index_mutex_);
    const RegionTree& tree = index_.tree();
    std::vector<Id> ids;
    if (!q.q.empty()) {
        std::vector<Id> roots;
        if (q.parent) roots.push_back(*q.parent);
        else if (actor.scope_unit_id != 0) roots.push_back(actor.scope_unit_id);
        else if (actor.role == core::auth::Role::kAdmin) roots.assign(tree.Children(std::nullopt).begin(), tree.Children(std::nullopt).end());
        for (Id root : roots) {
            if (!Visible(actor, root)) return NotFound("单位");
            auto found = tree.Search(root, q.q);
            ids.insert(ids.end(), found.begin(), found.end());
        }
    } else if (q.parent) {
        if (!Visible(actor, *q.parent)) return NotFound("单位");
        auto kids = tree.Children(*q.parent);
        ids.assign(kids.begin(), kids.end());
    } else if (actor.scope_unit_id == 0) {
        if (actor.role == core::auth::Role::kAdmin) {
            auto roots = tree.Children(std::nullopt);
            ids.assign(roots.begin(), roots.end());
        }
    } else if (tree.Find(actor.scope_unit_id)) {
        ids.push_back(actor.scope_unit_id);
    }
    if (q.kind) {
        std::erase_if(ids, [&](Id id) { return tree.Find(id)->kind != *q.kind; });
    }
    UnitsPage page;
    page.total = ids.size();
    page.page = std::max(q.page, 1);
    page.size = std::clamp(q.size, 1, 500);
    std::size_t from = static_cast<std::size_t>(page.page - 1) * page.size;
    for (std::size_t i = from; i < ids.size() && i < from + page.size; ++i)
        page.items.push_back(UnitViewOf(*tree.Find(ids[i])));
    return page;
}

Result<UnitDetail> RosterService::GetUnit(const Actor& actor, Id id) const {
    if (!core::auth::CanReadRoster(actor.role)) return RoleForbidden();
    std::shared_lock lock(index_mutex_);
    const Unit* u = index_.tree().Find(id);
    if (!u || !Visible(actor, id)) return NotFound("单位");
    UnitDetail d;
    d.unit = UnitViewOf(*u);
    for (const Unit* a : index_.tree().Ancestors(id)) d.ancestors.push_back(*a);
    for (const PartyOrg* o : index_.PartyOrgsOf(id))
        if (o->active()) {
            d.party_orgs.push_back(*o);
            d.party_orgs.back().member_count = index_.MemberCount(o->id);
        }
    std::string today = clock_.Today();
    for (const Position* pos : index_.TeamOf(id)) {
        const Person* p = index_.FindPerson(pos->person_id);
        if (!p) continue;
        d.team.push_back({*pos, *p, AgeAt(p->birth_date, today), std::max(0, YearsBetween(pos->start_date, today))});
    }
    d.incomes = index_.IncomesOf(id);
    return d;
}

Result<StatsView> RosterService::Stats(const Actor& actor, Id id) const {
    if (!core::auth::CanReadRoster(actor.role)) return RoleForbidden();
    std::shared_lock lock(index_mutex_);
    if (id == 0) id = actor.scope_unit_id;  // the caller's whole scope
    if (id == 0 ? actor.role != core::auth::Role::kAdmin : (!index_.tree().Find(id) || !Visible(actor, id)))
        return NotFound("单位");
    StatsView v;
    v.stats = index_.Stats(id, clock_.Today());
    for (const auto& r : v.stats.succession_risks) {
        const Unit* u = index_.tree().Find(r.unit_id);
        const Person* p = index_.FindPerson(r.person_id);
        v.risk_names.emplace_back(u ? u->name : "", p ? p->name : "");
    }
    return v;
}

Result<PeoplePage> RosterService::ListPeople(const Actor& actor, PeopleQuery q) const {
    if (!core::auth::CanReadRoster(actor.role)) return RoleForbidden();
    std::shared_lock lock(index_mutex_);
    if (q.unit == 0) q.unit = actor.scope_unit_id;
    if (q.unit != 0 && (!index_.tree().Find(q.unit) || !Visible(actor, q.unit))) return NotFound("单位");
    if (q.unit == 0 && actor.role != core::auth::Role::kAdmin) return NotFound("单位");
    Page page = index_.QueryPeople(q, clock_.Today());
    PeoplePage out;
    out.total = page.total;
    out.page = std::max(q.page, 1);
    out.size = std::clamp(q.size, 1, 500);
    for (Id id : page.ids) out.items.push_back(ViewOf(*index_.FindPerson(id)));
    return out;
}

Result<PersonView> RosterService::GetPerson(const Actor& actor, Id id) const {
    if (!core::auth::CanReadRoster(actor.role)) return RoleForbidden();
    std::shared_lock lock(index_mutex_);
    const Person* p = index_.FindPerson(id);
    if (!p || !Visible(actor, p->unit_id)) return NotFound("人员");
    return ViewOf(*p);
}

Result<std::vector<SharedIdNumber>> RosterService::SharedIdNumbers(const Actor& actor) const {
    if (actor.role != core::auth::Role::kAdmin) return RoleForbidden();
    std::shared_lock lock(index_mutex_);
    std::vector<SharedIdNumber> out;
    for (const auto& holders : index_.SharedIdNumbers()) {
        SharedIdNumber shared{core::roster::MaskIdNumber(holders.front()->id_number), {}};
        for (const Person* p : holders) shared.people.push_back(ViewOf(*p));
        out.push_back(std::move(shared));
    }
    return out;
}

void RosterService::Audit(const Actor& actor, const std::string& action, const std::string& entity, Id id,
                          const std::string& detail) {
    AppendAudit(store_, clock_, actor, action, entity, id, detail);
}

Result<PersonView> RosterService::CreatePerson(const Actor& actor, Person p) {
    if (!core::auth::CanWriteRoster(actor.role)) return RoleForbidden();
    {
        std::shared_lock lock(index_mutex_);
        if (!index_.tree().Find(p.unit_id) || !Visible(actor, p.unit_id))
            return Invalid("所属单位不存在或不在您的管辖范围内", "unit_id");
    }
    p.name = core::text::NormalizeName(p.name);  // the import's spelling rule, then its name rule
    if (auto st = ValidatePerson(p, clock_.Today()); !st) return st.error();
    if (auto st = IdNumberFree(actor, p.id_number, 0); !st) return st.error();
    {
        std::shared_lock lock(index_mutex_);
        if (auto st = CheckMembership(actor, p); !st) return st.error();
    }
    {
        std::lock_guard store_lock(store_mutex_);
        auto tx = store_.Begin();
        p.id = store_.InsertPerson(p);
        Audit(actor, "create", "person", p.id, PersonAuditJson(p));
        tx->Commit();
    }
    PersonView view;
    {
        std::unique_lock lock(index_mutex_);
        index_.PutPerson(p);
        view = ViewOf(p);
    }
    if (p.party_org_id != 0) MembersChanged({p.id});
    return view;
}

Result<PersonView> RosterService::UpdatePerson(const Actor& actor, Id id, const PersonPatch& patch) {
    if (!core::auth::CanWriteRoster(actor.role)) return RoleForbidden();
    Person p;
    {
        std::shared_lock lock(index_mutex_);
        const Person* cur = index_.FindPerson(id);
        if (!cur || !Visible(actor, cur->unit_id)) return NotFound("人员");
        p = *cur;
        if (patch.unit_id) {
            if (!index_.tree().Find(*patch.unit_id) || !Visible(actor, *patch.unit_id))
                return Invalid("所属单位不存在或不在您的管辖范围内", "unit_id");
            p.unit_id = *patch.unit_id;
        }
    }
    Person before = p;
    if (patch.name) p.name = core::text::NormalizeName(*patch.name);
    if (patch.birth_date) p.birth_date = *patch.birth_date;
    if (patch.party_join_date) p.party_join_date = *patch.party_join_date;
    if (patch.id_number) p.id_number = *patch.id_number;
    if (patch.phone) p.phone = *patch.phone;
    if (patch.gender) p.gender = *patch.gender;
    if (patch.education) p.education = *patch.education;
    if (patch.reserve_cadre) p.reserve_cadre = *patch.reserve_cadre;
    if (patch.party_org_id) p.party_org_id = *patch.party_org_id;
    if (auto st = ValidatePerson(p, clock_.Today()); !st) return st.error();
    if (p.id_number != before.id_number) {
        if (auto st = IdNumberFree(actor, p.id_number, id); !st) return st.error();
    }
    if (p.party_org_id != before.party_org_id || p.unit_id != before.unit_id || p.party_join_date != before.party_join_date) {
        std::shared_lock lock(index_mutex_);
        if (auto st = CheckMembership(actor, p); !st) return st.error();
    }
    {
        std::lock_guard store_lock(store_mutex_);
        auto tx = store_.Begin();
        store_.UpdatePerson(p);
        Audit(actor, "update", "person", id, BeforeAfter(PersonAuditJson(before), PersonAuditJson(p)));
        tx->Commit();
    }
    PersonView view;
    {
        std::unique_lock lock(index_mutex_);
        index_.PutPerson(p);
        view = ViewOf(p);
    }
    if ((p.party_org_id != 0 || before.party_org_id != 0) &&
        (p.party_org_id != before.party_org_id || p.name != before.name || p.unit_id != before.unit_id))
        MembersChanged({id});
    return view;
}

Status RosterService::DeletePerson(const Actor& actor, Id id) {
    if (!core::auth::CanWriteRoster(actor.role)) return RoleForbidden();
    Person before;
    {
        std::shared_lock lock(index_mutex_);
        const Person* cur = index_.FindPerson(id);
        if (!cur || !Visible(actor, cur->unit_id)) return NotFound("人员");
        before = *cur;
    }
    {
        std::lock_guard store_lock(store_mutex_);
        auto tx = store_.Begin();
        try {
            store_.DeletePerson(id);
        } catch (const core::ports::StoreUnavailable&) {
            throw;
        } catch (const std::exception&) {
            // Still referred to (points ledger, pools, placements, households): keep the person.
            return Conflict("该人员仍有积分、培养或党员中心户等记录，不能删除；如已转出，请结束其组织关系");
        }
        Audit(actor, "delete", "person", id, PersonAuditJson(before));
        tx->Commit();
    }
    std::unique_lock lock(index_mutex_);
    index_.RemovePerson(id);
    return core::Ok();
}

Result<std::vector<std::pair<Position, std::string>>> RosterService::ListPositions(const Actor& actor, Id unit) const {
    if (!core::auth::CanReadRoster(actor.role)) return RoleForbidden();
    std::shared_lock lock(index_mutex_);
    if (unit == 0) unit = actor.scope_unit_id;
    if (!index_.tree().Find(unit) || !Visible(actor, unit)) return NotFound("单位");
    std::vector<std::pair<Position, std::string>> out;
    for (const Position* pos : index_.TeamOf(unit)) {
        const Person* p = index_.FindPerson(pos->person_id);
        out.emplace_back(*pos, p ? p->name : "");
    }
    return out;
}

Status RosterService::CheckNewPosition(const Actor& actor, const Position& p) const {
    if (!core::auth::CanWriteRoster(actor.role)) return RoleForbidden();
    {
        std::shared_lock lock(index_mutex_);
        const Person* person = index_.FindPerson(p.person_id);
        if (!person || !Visible(actor, person->unit_id)) return Invalid("人员不存在或不在管辖范围内", "person_id");
        if (!index_.tree().Find(p.unit_id)) return Invalid("任职单位不存在", "unit_id");
        if (!Visible(actor, p.unit_id)) return Forbidden("不能在管辖范围外任命职务");
    }
    return ValidatePosition(p);
}

void RosterService::InsertPositionLocked(const Actor& actor, Position& p) {
    p.id = store_.InsertPosition(p);
    Audit(actor, "create", "position", p.id, PositionAuditJson(p));
}

void RosterService::PositionCommitted(const Position& p) {
    std::unique_lock lock(index_mutex_);
    index_.PutPosition(p);
}

Result<Position> RosterService::CreatePosition(const Actor& actor, Position p) {
    if (auto st = CheckNewPosition(actor, p); !st) return st.error();
    {
        std::lock_guard store_lock(store_mutex_);
        auto tx = store_.Begin();
        InsertPositionLocked(actor, p);
        tx->Commit();
    }
    PositionCommitted(p);
    return p;
}

Result<Position> RosterService::UpdatePosition(const Actor& actor, Id id, const PositionPatch& patch) {
    if (!core::auth::CanWriteRoster(actor.role)) return RoleForbidden();
    Position p;
    {
        std::shared_lock lock(index_mutex_);
        const Position* cur = index_.FindPosition(id);
        if (!cur || !Visible(actor, cur->unit_id)) return NotFound("职务");
        p = *cur;
        if (patch.unit_id) {
            if (!index_.tree().Find(*patch.unit_id)) return Invalid("任职单位不存在", "unit_id");
            if (!Visible(actor, *patch.unit_id)) return Forbidden("不能在管辖范围外任命职务");
            p.unit_id = *patch.unit_id;
        }
    }
    Position before = p;
    if (patch.title) p.title = *patch.title;
    if (patch.start_date) p.start_date = *patch.start_date;
    if (patch.end_date) p.end_date = *patch.end_date;
    if (auto st = ValidatePosition(p); !st) return st.error();
    {
        std::lock_guard store_lock(store_mutex_);
        auto tx = store_.Begin();
        store_.UpdatePosition(p);
        Audit(actor, "update", "position", id, BeforeAfter(PositionAuditJson(before), PositionAuditJson(p)));
        tx->Commit();
    }
    std::unique_lock lock(index_mutex_);
    index_.PutPosition(p);
    return p;
}

Status RosterService::DeletePosition(const Actor& actor, Id id) {
    if (!core::auth::CanWriteRoster(actor.role)) return RoleForbidden();
    Position before;
    {
        std::shared_lock lock(index_mutex_);
        const Position* cur = index_.FindPosition(id);
        if (!cur || !Visible(actor, cur->unit_id)) return NotFound("职务");
        before = *cur;
    }
    {
        std::lock_guard store_lock(store_mutex_);
        auto tx = store_.Begin();
        store_.DeletePosition(id);
        Audit(actor, "delete", "position", id, PositionAuditJson(before));
        tx->Commit();
    }
    std::unique_lock lock(index_mutex_);
    index_.RemovePosition(id);
    return core::Ok();
}

namespace {

// The same day or month: a birth date given as a month ("1985-06") agrees with any day in it.
bool SameBirth(const std::string& a, const std::string& b) {
    if (a.size() == 7 || b.size() == 7) return a.substr(0, 7) == b.substr(0, 7);
    return a == b;
}

std::string BirthLabel(const std::string& birth) { return birth.empty() ? "出生日期不详" : birth; }

}  // namespace

// One person an import touches: the state after the import and what it takes to get there.
struct RosterService::ImportPlan {
    struct PersonStep {
        Person after;          // id 0 for a new person
        bool created = false;  // a new person
        bool changed = false;  // an existing person's fields change
        int first_row = 0;
        Id first_unit = 0;                // the unit of the person's first row
        bool names_present_unit = false;  // some row names the unit the person is in now
        std::string name;
        std::vector<std::string> fields;  // changed columns
        std::vector<Position> new_positions;
        std::vector<Position> changed_positions;
    };
    std::vector<RowError> errors;
    std::vector<PersonStep> steps;
};

RosterService::ImportPlan RosterService::PlanImport(const Actor& actor, const std::vector<RosterImportRow>& rows,
                                                    const RosterImportColumns& columns) const {
    ImportPlan plan;
    auto error = [&](const RosterImportRow& r, std::string field, std::string message) {
        plan.errors.push_back({r.sheet, r.row, std::move(field), std::move(message)});
    };
    const std::string today = clock_.Today();
    const std::unordered_map<std::string, Id> unit_by_code = UnitsByCode();
    std::unordered_map<Id, std::size_t> step_of_person;      // existing person → step
    std::unordered_map<std::string, int> new_id_rows;        // ID numbers of new people → row
    std::map<std::tuple<Id, std::string, std::string>, int> new_lookalikes;  // unit, name, birth → row

    for (const RosterImportRow& r : rows) {
        // A unit outside the caller's scope answers as one that does not exist (issue 11, finding 4).
        auto unit = unit_by_code.find(r.unit_code);
        if (unit == unit_by_code.end() || !Visible(actor, unit->second)) {
            error(r, "单位代码", "单位代码 " + r.unit_code + " 不存在或不在您的管辖范围内");
            continue;
        }
        const Id unit_id = unit->second;

        // Who the row is: by 人员编号, else by full ID number, else nobody yet.
        const Person* existing = nullptr;
        if (r.person_key != 0) {
            existing = index_.FindPerson(r.person_key);
            if (!existing || !Visible(actor, existing->unit_id)) {
                error(r, "人员编号", "人员编号 " + std::to_string(r.person_key) +
                                         " 在名册中不存在或不在您的管辖范围内；新增人员请清空人员编号");
                continue;
            }
            if (existing->name != r.person.name && !SameBirth(existing->birth_date, r.person.birth_date)) {
                error(r, "人员编号", "人员编号 " + std::to_string(r.person_key) + " 是 " + existing->name + "（" +
                                         BirthLabel(existing->birth_date) + "），与本行的 " + r.person.name +
                                         " 姓名和出生日期都不同；如是从其他系统导出的文件，请删除“人员编号”列");
                continue;
            }
            if (const Person* other = VisibleHolder(actor, r.person.id_number, existing->id)) {
                error(r, "身份证号", "身份证号已属于名册中的另一人（人员编号 " + std::to_string(other->id) + "）");
                continue;
            }
        } else {
            // A full ID number finds the person among those the caller may see; a holder elsewhere is
            // not looked at (the row adds a person, and admin sees the number held twice).
            existing = VisibleHolder(actor, r.person.id_number, 0);
        }

        Person after = existing ? *existing : Person{};
        std::vector<std::string> fields;
        auto set = [&](auto& slot, const auto& value, const char* header) {
            if (slot == value) return;
            slot = value;
            fields.emplace_back(header);
        };
        set(after.name, r.person.name, "姓名");
        set(after.gender, r.person.gender, "性别");
        // A month in the file agrees with a stored day in it: keep the more precise date.
        if (!existing || !SameBirth(after.birth_date, r.person.birth_date) ||
            (after.birth_date.size() == 7 && r.person.birth_date.size() == 10)) {
            set(after.birth_date, r.person.birth_date, "出生日期");
        }
        set(after.education, r.person.education, "学历");
        // A row's 单位代码 is where its position is; an existing person with positions in several
        // units is several rows. The person moves only when no row names their present unit.
        if (!existing) after.unit_id = unit_id;
        if (!existing || columns.party_join_date) set(after.party_join_date, r.person.party_join_date, "入党日期");
        if (!r.masked_id.empty()) {
            if (!existing || core::roster::MaskIdNumber(existing->id_number) != r.masked_id) {
                error(r, "身份证号", "脱敏的身份证号 " + r.masked_id +
                                         " 与名册中该人员的号码不一致；请填写完整号码，或保持导出时的内容");
                continue;
            }
        } else if (!existing || columns.id_number) {
            set(after.id_number, r.person.id_number, "身份证号");
        }
        if (!existing || columns.phone) set(after.phone, r.person.phone, "手机号");
        if (!existing || columns.reserve_cadre) set(after.reserve_cadre, r.person.reserve_cadre, "后备干部");
        if (auto st = ValidatePerson(after, today); !st) {
            error(r, st.error().field, st.error().message);
            continue;
        }

        if (!existing) {
            // A new person who looks like someone already in the unit is flagged, not duplicated.
            const Person* twin = nullptr;
            index_.ForEachPersonUnder(unit_id, [&](const Person& p) {
                if (!twin && p.unit_id == unit_id && p.name == after.name && SameBirth(p.birth_date, after.birth_date) &&
                    (p.id_number.empty() || after.id_number.empty()))
                    twin = &p;
            });
            if (twin) {
                error(r, "姓名", "名册中已有 " + twin->name + "（" + BirthLabel(twin->birth_date) + "，同一单位，人员编号 " +
                                     std::to_string(twin->id) + "）：如是同一人，请在“人员编号”列填写 " +
                                     std::to_string(twin->id) + " 以更新；如是不同的人，请填写身份证号");
                continue;
            }
            const auto key = std::make_tuple(unit_id, after.name, after.birth_date.substr(0, 7));
            if (after.id_number.empty()) {
                if (auto [it, fresh] = new_lookalikes.emplace(key, r.row); !fresh) {
                    error(r, "姓名", "与第 " + std::to_string(it->second) +
                                         " 行同名、同出生年月、同单位，像是同一人；如是不同的人，请填写身份证号");
                    continue;
                }
            }
            if (!after.id_number.empty()) {
                if (auto [it, fresh] = new_id_rows.emplace(after.id_number, r.row); !fresh) {
                    error(r, "身份证号", "身份证号与第 " + std::to_string(it->second) + " 行重复");
                    continue;
                }
            }
        }

        // The row's position: added unless the person already holds it; a new start date corrects it.
        std::optional<Position> new_position;
        std::optional<Position> changed_position;
        if (!r.title.empty()) {
            const Position* held = nullptr;
            if (existing) {
                for (const Position* pos : index_.PositionsOf(existing->id))
                    if (pos->end_date.empty() && pos->unit_id == unit_id && pos->title == r.title) held = pos;
            }
            Position pos = held ? *held : Position{0, existing ? existing->id : 0, unit_id, r.title, today, ""};
            if (!r.start_date.empty()) pos.start_date = r.start_date;
            if (auto st = ValidatePosition(pos); !st) {
                error(r, st.error().field, st.error().message);
                continue;
            }
            if (!held) {
                new_position = pos;
            } else if (pos.start_date != held->start_date) {
                changed_position = pos;
            }
        }

        // Rows of one existing person (one per position) must agree on the person.
        if (existing) {
            auto [it, fresh] = step_of_person.emplace(existing->id, plan.steps.size());
            if (!fresh) {
                ImportPlan::PersonStep& step = plan.steps[it->second];
                if (PersonAuditJson(step.after) != PersonAuditJson(after)) {
                    error(r, "", "与第 " + std::to_string(step.first_row) + " 行是同一人（" + step.name +
                                     "），但两行的个人信息不一致；请改为一致");
                    continue;
                }
                if (new_position) step.new_positions.push_back(*new_position);
                if (changed_position) step.changed_positions.push_back(*changed_position);
                step.names_present_unit = step.names_present_unit || unit_id == existing->unit_id;
                continue;
            }
        }
        ImportPlan::PersonStep step;
        step.first_unit = unit_id;
        step.names_present_unit = existing != nullptr && unit_id == existing->unit_id;
        step.after = std::move(after);
        step.created = existing == nullptr;
        step.changed = existing != nullptr && !fields.empty();
        step.first_row = r.row;
        step.name = step.after.name;
        step.fields = std::move(fields);
        if (new_position) step.new_positions.push_back(*new_position);
        if (changed_position) step.changed_positions.push_back(*changed_position);
        plan.steps.push_back(std::move(step));
    }
    for (auto& step : plan.steps) {
        if (step.created || step.names_present_unit || step.after.unit_id == step.first_unit) continue;
        step.after.unit_id = step.first_unit;  // moved to another unit
        step.fields.emplace_back("单位代码");
        step.changed = true;
    }
    std::stable_sort(plan.errors.begin(), plan.errors.end(),
                     [](const RowError& a, const RowError& b) { return a.row < b.row; });
    return plan;
}

std::vector<RowError> RosterService::CheckImport(const Actor& actor, const std::vector<RosterImportRow>& rows,
                                                 const RosterImportColumns& columns) const {
    std::shared_lock lock(index_mutex_);
    return PlanImport(actor, rows, columns).errors;
}

std::unordered_map<std::string, Id> RosterService::UnitsByCode() const {
    std::unordered_map<std::string, Id> out;
    for (const Unit& u : index_.tree().units())
        if (!u.code.empty()) out.emplace(u.code, u.id);
    return out;
}

Result<ImportOutcome> RosterService::ImportRoster(const Actor& actor, const std::vector<RosterImportRow>& rows,
                                                  const RosterImportOptions& options) {
    if (!core::auth::CanImportRoster(actor.role)) return RoleForbidden();
    ImportOutcome out;
    out.dry_run = options.dry_run;
    out.rows = static_cast<int>(rows.size());
    // One import at a time plans and writes: the plan stays true until it is written.
    std::unique_lock store_lock(store_mutex_, std::defer_lock);
    if (!options.dry_run) store_lock.lock();
    ImportPlan plan;
    {
        std::shared_lock lock(index_mutex_);
        plan = PlanImport(actor, rows, options.columns);
    }
    if (!plan.errors.empty()) {
        out.errors = std::move(plan.errors);
        return out;
    }
    for (const auto& step : plan.steps) {
        const int position_changes = static_cast<int>(step.new_positions.size() + step.changed_positions.size());
        out.positions += position_changes;
        if (step.created) {
            ++out.created;
        } else if (step.changed || position_changes > 0) {
            ++out.updated;
        } else {
            ++out.unchanged;
        }
        if ((step.created || step.changed || position_changes > 0) && out.changes.size() < kMaxListedChanges) {
            std::vector<std::string> fields = step.fields;
            if (position_changes > 0) fields.emplace_back("职务");
            out.changes.push_back({step.first_row, step.after.id, step.name, step.created, std::move(fields)});
        }
    }
    out.imported = static_cast<int>(rows.size());
    if (options.dry_run) return out;

    std::vector<Person> people;
    std::vector<Position> positions;
    std::string updated_ids;
    {
        auto tx = store_.Begin();
        std::size_t done = 0;
        for (auto& step : plan.steps) {
            Person& p = step.after;
            if (step.created) {
                p.id = store_.InsertPerson(p);
            } else if (step.changed) {
                store_.UpdatePerson(p);
                if (!updated_ids.empty()) updated_ids += ',';
                updated_ids += std::to_string(p.id);
            }
            for (Position& pos : step.new_positions) {
                pos.person_id = p.id;
                pos.id = store_.InsertPosition(pos);
                positions.push_back(pos);
            }
            for (Position& pos : step.changed_positions) {
                store_.UpdatePosition(pos);
                positions.push_back(pos);
            }
            if (step.created || step.changed) people.push_back(p);
            if (options.progress && (++done % 1000 == 0 || done == plan.steps.size()))
                options.progress(done, plan.steps.size());
        }
        Audit(actor, "import", "roster", 0,
              "{\"rows\":" + std::to_string(rows.size()) + ",\"created\":" + std::to_string(out.created) +
                  ",\"updated\":" + std::to_string(out.updated) + ",\"unchanged\":" + std::to_string(out.unchanged) +
                  ",\"positions\":" + std::to_string(positions.size()) + ",\"updated_ids\":[" + updated_ids + "]}");
        tx->Commit();
    }
    store_lock.unlock();  // never held while waiting for the writer lock of the index
    std::vector<Id> members;
    {
        std::unique_lock lock(index_mutex_);
        for (auto& p : people) {
            if (p.party_org_id != 0) members.push_back(p.id);
            index_.PutPerson(std::move(p));
        }
        for (auto& pos : positions) index_.PutPosition(std::move(pos));
    }
    if (!members.empty()) MembersChanged(members);  // a member's name or unit may have changed
    return out;
}

namespace {

std::string UnitAuditJson(const Unit& u) {
    return "{\"code\":" + JsonQuote(u.code) + ",\"name\":" + JsonQuote(u.name) + ",\"kind\":" +
           JsonQuote(core::roster::KindName(u.kind)) + ",\"economy\":" + JsonQuote(core::roster::EconomyName(u.economy)) +
           ",\"population\":" + std::to_string(u.population) + "}";
}

bool ValidCode(const std::string& code) {
    return code.size() == 12 && std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The attribute rules shared by creating and editing a unit.
core::Status CheckUnitFields(const Unit& u) {
    if (u.name.empty()) return Invalid("单位名称不能为空", "name");
    if (u.name.size() > 120) return Invalid("单位名称过长", "name");
    if (!u.code.empty() && !ValidCode(u.code)) return Invalid("区划代码应为 12 位数字", "code");
    if (u.population < 0) return Invalid("人口不能为负数", "population");
    if (u.area_km2 < 0) return Invalid("面积不能为负数", "area_km2");
    return core::Ok();
}

}  // namespace

void RosterService::ReplaceTree(std::vector<Unit> units) {
    auto tree = RegionTree::Build(std::move(units));
    if (!tree) throw std::runtime_error("单位树重建失败: " + tree.error().message);
    index_.SetTree(std::move(tree).value());
}

Result<Unit> RosterService::CreateUnit(const Actor& actor, Unit u) {
    if (!core::auth::IsManager(actor.role)) return RoleForbidden();
    {
        std::shared_lock lock(index_mutex_);
        if (u.parent_id) {
            if (!index_.tree().Find(*u.parent_id)) return Invalid("上级单位不存在", "parent_id");
            if (!Visible(actor, *u.parent_id)) return Forbidden("不能在管辖范围外新增单位");
        } else if (actor.role != core::auth::Role::kAdmin) {
            return Forbidden("只有管理员可以新增顶级单位");
        }
    }
    if (auto st = CheckUnitFields(u); !st) return st.error();
    if (!u.code.empty()) {
        std::shared_lock lock(index_mutex_);
        if (UnitsByCode().count(u.code)) return core::Error{errc::kConflict, "区划代码已存在: " + u.code, "code"};
    }
    {
        std::lock_guard store_lock(store_mutex_);
        auto tx = store_.Begin();
        u.id = store_.InsertUnit(u);
        Audit(actor, "create", "unit", u.id, "{\"name\":" + JsonQuote(u.name) + ",\"code\":" + JsonQuote(u.code) + "}");
        tx->Commit();
    }
    // Only the tree changes: rebuild it from the units in memory plus the new one.
    std::unique_lock lock(index_mutex_);
    std::vector<Unit> units = index_.tree().units();
    units.push_back(u);
    ReplaceTree(std::move(units));
    return u;
}

Result<Unit> RosterService::UpdateUnit(const Actor& actor, Id id, const UnitPatch& patch) {
    if (!core::auth::IsManager(actor.role)) return RoleForbidden();
    Unit before, after;
    {
        std::shared_lock lock(index_mutex_);
        const Unit* u = index_.tree().Find(id);
        if (!u || !Visible(actor, id)) return NotFound("单位");
        if (id == actor.scope_unit_id) return Forbidden("不能修改本级单位，请由上级修改");
        before = after = *u;
        if (patch.code) after.code = *patch.code;
        if (patch.name) after.name = *patch.name;
        if (patch.kind) after.kind = *patch.kind;
        if (patch.economy) after.economy = *patch.economy;
        if (patch.dev_zone) after.dev_zone = *patch.dev_zone;
        if (patch.near_highway) after.near_highway = *patch.near_highway;
        if (patch.population) after.population = *patch.population;
        if (patch.area_km2) after.area_km2 = *patch.area_km2;
        if (auto st = CheckUnitFields(after); !st) return st.error();
        if (!after.code.empty() && after.code != before.code) {
            auto codes = UnitsByCode();
            if (codes.count(after.code)) return core::Error{errc::kConflict, "区划代码已存在: " + after.code, "code"};
        }
    }
    {
        std::lock_guard store_lock(store_mutex_);
        auto tx = store_.Begin();
        store_.UpdateUnit(after);
        Audit(actor, "update", "unit", id, BeforeAfter(UnitAuditJson(before), UnitAuditJson(after)));
        tx->Commit();
    }
    std::unique_lock lock(index_mutex_);
    std::vector<Unit> units = index_.tree().units();
    for (auto& u : units)
        if (u.id == id) u = after;
    ReplaceTree(std::move(units));
    return after;
}

Status RosterService::DeleteUnit(const Actor& actor, Id id) {
    if (!core::auth::IsManager(actor.role)) return RoleForbidden();
    Unit unit;
    {
        std::shared_lock lock(index_mutex_);
        const Unit* u = index_.tree().Find(id);
        if (!u || !Visible(actor, id)) return NotFound("单位");
        if (id == actor.scope_unit_id) return Forbidden("不能删除本级单位");
        unit = *u;
        auto conflict = [&](const std::string& what) {
            return core::Error{errc::kConflict, "单位 " + unit.name + " " + what + "，不能删除", ""};
        };
        if (!index_.tree().Children(id).empty()) return conflict("还有下级单位");
        if (index_.PeopleCountOf(id) > 0) return conflict("还有人员");
        if (!index_.TeamOf(id).empty()) return conflict("还有在任职务");
        if (!index_.PartyOrgsOf(id).empty()) return conflict("还有党组织");
        if (!index_.IncomesOf(id).empty()) return conflict("还有集体收入记录");
    }
    try {
        std::lock_guard store_lock(store_mutex_);
        auto tx = store_.Begin();
        store_.DeleteUnit(id);
        Audit(actor, "delete", "unit", id, "{\"before\":" + UnitAuditJson(unit) + "}");
        tx->Commit();
    } catch (const core::ports::StoreUnavailable&) {
        throw;
    } catch (const std::exception&) {
        // The checks above cover the roster; what is left are references from campaigns,
        // points, training, metrics or accounts, which the database refuses to orphan.
        return core::Error{errc::kConflict,
                           "单位 " + unit.name + " 仍被考核、积分、培养、经济指标或账号等记录引用，不能删除", ""};
    }
    std::unique_lock lock(index_mutex_);
    std::vector<Unit> units = index_.tree().units();
    std::erase_if(units, [&](const Unit& u) { return u.id == id; });
    ReplaceTree(std::move(units));
    return core::Ok();
}

Result<UnitImportOutcome> RosterService::ImportUnits(const Actor& actor, const std::vector<UnitImportRow>& rows,
                                                     bool check_only) {
    if (!core::auth::IsManager(actor.role)) return RoleForbidden();
    if (rows.empty()) return Invalid("表中没有任何单位", "file");
    UnitImportOutcome outcome;
    auto error = [&](const UnitImportRow& r, const char* field, std::string message) {
        outcome.errors.push_back({"", r.row, field, std::move(message)});
    };
    std::vector<Unit> updates;       // existing units with new attributes
    std::vector<std::size_t> fresh;  // rows that create units, parents before children
    std::vector<Unit> all_units;
    std::vector<core::roster::UnitIncome> incomes;  // of existing units
    int income_only = 0;                             // existing units whose income alone changes
    {
        std::shared_lock lock(index_mutex_);
        const auto& tree = index_.tree();
        all_units = tree.units();
        const auto codes = UnitsByCode();
        std::unordered_map<std::string, std::size_t> in_file;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto& r = rows[i];
            if (!ValidCode(r.code)) {
                error(r, "单位编码", "单位编码 “" + r.code + "” 应为 12 位数字");
                continue;
            }
            if (!in_file.emplace(r.code, i).second) {
                error(r, "单位编码", "单位编码 " + r.code + " 在表中重复（第 " + std::to_string(rows[in_file[r.code]].row) + " 行）");
                continue;
            }
            if (r.name.empty() || r.name.size() > 120) error(r, "单位名称", "单位名称为空或过长");
            if (r.population.value_or(0) < 0) error(r, "人口", "人口不能为负数");
            if (r.area_km2.value_or(0) < 0) error(r, "面积(平方公里)", "面积不能为负数");
        }
        // Existing codes update; new ones need a parent that exists or comes with the file.
        std::unordered_map<std::string, std::vector<std::size_t>> children_in_file;
        std::vector<std::size_t> roots;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto& r = rows[i];
            if (!ValidCode(r.code) || in_file[r.code] != i) continue;
            if (auto it = codes.find(r.code); it != codes.end()) {
                const Unit* u = tree.Find(it->second);
                if (!Visible(actor, u->id) || u->id == actor.scope_unit_id) {
                    error(r, "单位编码", "单位 " + u->name + " 不在您可修改的范围内");
                    continue;
                }
                const Unit* parent = u->parent_id ? tree.Find(*u->parent_id) : nullptr;
                if (!r.parent_code.empty() && (!parent || parent->code != r.parent_code)) {
                    error(r, "上级编码", "不支持通过导入调整上级单位（现上级：" + (parent ? parent->name : std::string("无")) + "）");
                    continue;
                }
                // Columns absent from the file leave the unit's values as they are.
                Unit next = *u;
                next.name = r.name;
                next.kind = r.kind;
                if (r.economy) next.economy = *r.economy;
                if (r.dev_zone) next.dev_zone = *r.dev_zone;
                if (r.near_highway) next.near_highway = *r.near_highway;
                if (r.population) next.population = *r.population;
                if (r.area_km2) next.area_km2 = *r.area_km2;
                bool income_changed = false;
                if (r.income) {
                    core::roster::UnitIncome income = *r.income;
                    income.unit_id = u->id;
                    const auto known = index_.IncomesOf(u->id);
                    income_changed = std::none_of(known.begin(), known.end(), [&](const core::roster::UnitIncome& k) {
                        return k.year == income.year && k.amount_yuan == income.amount_yuan;
                    });
                    if (income_changed) incomes.push_back(income);
                }
                const bool same = next.name == u->name && next.kind == u->kind && next.economy == u->economy &&
                                  next.dev_zone == u->dev_zone && next.near_highway == u->near_highway &&
                                  next.population == u->population && next.area_km2 == u->area_km2;
                if (!same) updates.push_back(next);
                if (same && !income_changed) ++outcome.unchanged;
                if (same && income_changed) ++income_only;
                continue;
            }
            if (r.parent_code.empty()) {
                if (actor.role != core::auth::Role::kAdmin) error(r, "上级编码", "新增单位须填写上级编码（只有管理员可以新增顶级单位）");
                else roots.push_back(i);
            } else if (auto it = codes.find(r.parent_code); it != codes.end()) {
                if (!Visible(actor, it->second)) error(r, "上级编码", "上级编码 " + r.parent_code + " 既不是您管辖范围内的单位，也不在表中");
                else roots.push_back(i);
            } else if (in_file.count(r.parent_code)) {
                children_in_file[r.parent_code].push_back(i);
            } else {
                error(r, "上级编码", "上级编码 " + r.parent_code + " 既不是您管辖范围内的单位，也不在表中");
            }
        }
        // Breadth-first from the rows whose parent exists; rows never reached hang off a cycle
        // or off a row that has errors.
        std::vector<bool> reached(rows.size(), false);
        for (std::size_t k = 0; k < roots.size(); ++k) {
            fresh.push_back(roots[k]);
            reached[roots[k]] = true;
            auto it = children_in_file.find(rows[roots[k]].code);
            if (it == children_in_file.end()) continue;
            for (std::size_t child : it->second) roots.push_back(child);
        }
        for (const auto& [parent, list] : children_in_file)
            for (std::size_t i : list)
                if (!reached[i]) error(rows[i], "上级编码", "上级 " + parent + " 无法新增（该行有错误或上级关系成环）");
    }
    if (!outcome.errors.empty() || check_only) {
        std::stable_sort(outcome.errors.begin(), outcome.errors.end(),
                         [](const RowError& a, const RowError& b) { return a.row < b.row; });
        if (!outcome.errors.empty()) outcome.created = outcome.updated = outcome.unchanged = 0;
        if (check_only && outcome.errors.empty()) {
            outcome.created = static_cast<int>(fresh.size());
            outcome.updated = static_cast<int>(updates.size()) + income_only;
        }
        return outcome;
    }

    {
        std::lock_guard store_lock(store_mutex_);
        std::unordered_map<std::string, Id> codes;
        for (const auto& u : all_units)
            if (!u.code.empty()) codes.emplace(u.code, u.id);
        auto tx = store_.Begin();
        for (const auto& u : updates) store_.UpdateUnit(u);
        for (std::size_t i : fresh) {
            const auto& r = rows[i];
            Unit u;
            u.code = r.code;
            u.name = r.name;
            u.kind = r.kind;
            u.economy = r.economy.value_or(core::roster::Economy::kNone);
            u.dev_zone = r.dev_zone.value_or(false);
            u.near_highway = r.near_highway.value_or(false);
            u.population = r.population.value_or(0);
            u.area_km2 = r.area_km2.value_or(0);
            if (!r.parent_code.empty()) u.parent_id = codes.at(r.parent_code);
            u.id = store_.InsertUnit(u);
            codes[u.code] = u.id;
            all_units.push_back(u);
            if (r.income) {
                incomes.push_back(*r.income);
                incomes.back().unit_id = u.id;
            }
        }
        for (const auto& income : incomes) store_.UpsertIncome(income);
        for (auto& u : all_units)
            for (const auto& changed : updates)
                if (u.id == changed.id) u = changed;
        Audit(actor, "import", "unit", 0,
              "{\"created\":" + std::to_string(fresh.size()) + ",\"updated\":" +
                  std::to_string(updates.size() + static_cast<std::size_t>(income_only)) +
                  ",\"incomes\":" + std::to_string(incomes.size()) + "}");
        tx->Commit();
    }
    outcome.created = static_cast<int>(fresh.size());
    outcome.updated = static_cast<int>(updates.size()) + income_only;
    std::unique_lock lock(index_mutex_);
    ReplaceTree(std::move(all_units));
    for (const auto& income : incomes) index_.PutIncome(income);
    return outcome;
}

void RosterService::WithIndex(const std::function<void(const RosterIndex&)>& fn) const {
    std::shared_lock lock(index_mutex_);
    fn(index_);
}

}  // namespace lingyan::app
