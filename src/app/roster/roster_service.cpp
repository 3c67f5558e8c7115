#include "app/roster/roster_service.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "app/audit/audit_service.hpp"
#include "app/common/use_case.hpp"
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
           ",\"reserve_cadre\":" + (p.reserve_cadre ? "true" : "false") + "}";
}

namespace {
std::string PositionAuditJson(const Position& p) {
    return "{\"person_id\":" + std::to_string(p.person_id) + ",\"unit_id\":" + std::to_string(p.unit_id) +
           ",\"title\":" + JsonQuote(p.title) + ",\"start_date\":" + JsonQuote(p.start_date) +
           ",\"end_date\":" + JsonQuote(p.end_date) + "}";
}
}  // namespace

RosterService::RosterService(core::ports::Store& store, std::mutex& store_mutex, const core::ports::Clock& clock)
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
}

bool RosterService::Visible(const Actor& actor, Id unit) const {
    return core::auth::InScope(index_.tree(), actor, unit);
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
    for (const PartyOrg* o : index_.PartyOrgsOf(id)) d.party_orgs.push_back(*o);
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

void RosterService::Audit(const Actor& actor, const std::string& action, const std::string& entity, Id id,
                          const std::string& detail) {
    AppendAudit(store_, clock_, actor, action, entity, id, detail);
}

Result<PersonView> RosterService::CreatePerson(const Actor& actor, Person p) {
    if (!core::auth::CanWriteRoster(actor.role)) return RoleForbidden();
    {
        std::shared_lock lock(index_mutex_);
        if (!index_.tree().Find(p.unit_id)) return Invalid("所属单位不存在", "unit_id");
        if (!Visible(actor, p.unit_id)) return Forbidden("不能在管辖范围外新增人员");
    }
    if (auto st = ValidatePerson(p, clock_.Today()); !st) return st.error();
    {
        std::lock_guard store_lock(store_mutex_);
        auto tx = store_.Begin();
        try {
            p.id = store_.InsertPerson(p);
        } catch (const std::exception&) {
            if (!p.id_number.empty()) return Conflict("身份证号已存在", "id_number");
            throw;
        }
        Audit(actor, "create", "person", p.id, PersonAuditJson(p));
        tx->Commit();
    }
    std::unique_lock lock(index_mutex_);
    index_.PutPerson(p);
    return ViewOf(p);
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
            if (!index_.tree().Find(*patch.unit_id)) return Invalid("所属单位不存在", "unit_id");
            if (!Visible(actor, *patch.unit_id)) return Forbidden("不能把人员调到管辖范围外");
            p.unit_id = *patch.unit_id;
        }
    }
    Person before = p;
    if (patch.name) p.name = *patch.name;
    if (patch.birth_date) p.birth_date = *patch.birth_date;
    if (patch.party_join_date) p.party_join_date = *patch.party_join_date;
    if (patch.id_number) p.id_number = *patch.id_number;
    if (patch.phone) p.phone = *patch.phone;
    if (patch.gender) p.gender = *patch.gender;
    if (patch.education) p.education = *patch.education;
    if (patch.reserve_cadre) p.reserve_cadre = *patch.reserve_cadre;
    if (auto st = ValidatePerson(p, clock_.Today()); !st) return st.error();
    {
        std::lock_guard store_lock(store_mutex_);
        auto tx = store_.Begin();
        try {
            store_.UpdatePerson(p);
        } catch (const std::exception&) {
            if (patch.id_number && !p.id_number.empty()) return Conflict("身份证号已存在", "id_number");
            throw;
        }
        Audit(actor, "update", "person", id,
              "{\"before\":" + PersonAuditJson(before) + ",\"after\":" + PersonAuditJson(p) + "}");
        tx->Commit();
    }
    std::unique_lock lock(index_mutex_);
    index_.PutPerson(p);
    return ViewOf(p);
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
        store_.DeletePerson(id);
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

Result<Position> RosterService::CreatePosition(const Actor& actor, Position p) {
    if (!core::auth::CanWriteRoster(actor.role)) return RoleForbidden();
    {
        std::shared_lock lock(index_mutex_);
        const Person* person = index_.FindPerson(p.person_id);
        if (!person || !Visible(actor, person->unit_id)) return Invalid("人员不存在或不在管辖范围内", "person_id");
        if (!index_.tree().Find(p.unit_id)) return Invalid("任职单位不存在", "unit_id");
        if (!Visible(actor, p.unit_id)) return Forbidden("不能在管辖范围外任命职务");
    }
    if (auto st = ValidatePosition(p); !st) return st.error();
    {
        std::lock_guard store_lock(store_mutex_);
        auto tx = store_.Begin();
        p.id = store_.InsertPosition(p);
        Audit(actor, "create", "position", p.id, PositionAuditJson(p));
        tx->Commit();
    }
    std::unique_lock lock(index_mutex_);
    index_.PutPosition(p);
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
        Audit(actor, "update", "position", id,
              "{\"before\":" + PositionAuditJson(before) + ",\"after\":" + PositionAuditJson(p) + "}");
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

std::vector<RowError> RosterService::CheckImport(const Actor& actor, const std::vector<RosterImportRow>& rows) const {
    std::vector<RowError> errors;
    std::unordered_set<std::string> known_ids;
    std::string today = clock_.Today();
    std::shared_lock lock(index_mutex_);
    std::unordered_map<std::string, Id> unit_by_code = UnitsByCode();
    index_.ForEachPerson([&](const Person& p) {
        if (!p.id_number.empty()) known_ids.insert(p.id_number);
    });
    std::unordered_map<std::string, int> seen_in_file;
    for (const RosterImportRow& r : rows) {
        auto it = unit_by_code.find(r.unit_code);
        if (it == unit_by_code.end()) {
            errors.push_back({r.sheet, r.row, "单位代码", "单位代码 " + r.unit_code + " 不存在"});
            continue;
        }
        if (!Visible(actor, it->second)) {
            errors.push_back({r.sheet, r.row, "单位代码", "单位代码 " + r.unit_code + " 不在您的管辖范围内"});
            continue;
        }
        Person p = r.person;
        p.unit_id = it->second;
        if (auto st = ValidatePerson(p, today); !st) {
            errors.push_back({r.sheet, r.row, st.error().field, st.error().message});
            continue;
        }
        if (!p.id_number.empty()) {
            if (known_ids.count(p.id_number)) {
                errors.push_back({r.sheet, r.row, "身份证号", "身份证号已存在于名册中"});
                continue;
            }
            auto [dup, inserted] = seen_in_file.emplace(p.id_number, r.row);
            if (!inserted) {
                errors.push_back({r.sheet, r.row, "身份证号", "身份证号与第 " + std::to_string(dup->second) + " 行重复"});
                continue;
            }
        }
        if (!r.title.empty()) {
            Position pos{0, 0, p.unit_id, r.title, r.start_date.empty() ? today : r.start_date, ""};
            if (auto st = ValidatePosition(pos); !st) errors.push_back({r.sheet, r.row, st.error().field, st.error().message});
        }
    }
    return errors;
}

std::unordered_map<std::string, Id> RosterService::UnitsByCode() const {
    std::unordered_map<std::string, Id> out;
    for (const Unit& u : index_.tree().units())
        if (!u.code.empty()) out.emplace(u.code, u.id);
    return out;
}

Result<ImportOutcome> RosterService::ImportRoster(const Actor& actor, const std::vector<RosterImportRow>& rows,
                                                  const std::function<void(std::size_t, std::size_t)>& progress) {
    if (!core::auth::CanImportRoster(actor.role)) return RoleForbidden();
    ImportOutcome out;
    out.errors = CheckImport(actor, rows);
    if (!out.errors.empty()) return out;
    std::string today = clock_.Today();
    std::unordered_map<std::string, Id> unit_by_code;
    {
        std::shared_lock lock(index_mutex_);
        unit_by_code = UnitsByCode();
    }

    std::vector<Person> people;
    std::vector<Position> positions;
    people.reserve(rows.size());
    {
        std::lock_guard store_lock(store_mutex_);
        auto tx = store_.Begin();
        std::size_t done = 0;
        for (const RosterImportRow& r : rows) {
            Person p = r.person;
            p.unit_id = unit_by_code.at(r.unit_code);
            p.id = store_.InsertPerson(p);
            if (!r.title.empty()) {
                Position pos{0, p.id, p.unit_id, r.title, r.start_date.empty() ? today : r.start_date, ""};
                pos.id = store_.InsertPosition(pos);
                positions.push_back(std::move(pos));
            }
            people.push_back(std::move(p));
            if (progress && (++done % 1000 == 0 || done == rows.size())) progress(done, rows.size());
        }
        Audit(actor, "import", "roster", 0,
              "{\"people\":" + std::to_string(people.size()) + ",\"positions\":" + std::to_string(positions.size()) +
                  "}");
        tx->Commit();
    }
    std::unique_lock lock(index_mutex_);
    for (auto& p : people) index_.PutPerson(std::move(p));
    for (auto& pos : positions) index_.PutPosition(std::move(pos));
    out.imported = static_cast<int>(rows.size());
    out.positions = static_cast<int>(positions.size());
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
        Audit(actor, "update", "unit", id, "{\"before\":" + UnitAuditJson(before) + ",\"after\":" + UnitAuditJson(after) + "}");
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
            if (r.population < 0) error(r, "人口", "人口不能为负数");
            if (r.area_km2 < 0) error(r, "面积", "面积不能为负数");
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
                Unit next = *u;
                next.name = r.name;
                next.kind = r.kind;
                next.economy = r.economy;
                next.population = r.population;
                next.area_km2 = r.area_km2;
                if (next.name == u->name && next.kind == u->kind && next.economy == u->economy &&
                    next.population == u->population && next.area_km2 == u->area_km2) {
                    ++outcome.unchanged;
                } else {
                    updates.push_back(next);
                }
                continue;
            }
            if (r.parent_code.empty()) {
                if (actor.role != core::auth::Role::kAdmin) error(r, "上级编码", "新增单位须填写上级编码（只有管理员可以新增顶级单位）");
                else roots.push_back(i);
            } else if (auto it = codes.find(r.parent_code); it != codes.end()) {
                if (!Visible(actor, it->second)) error(r, "上级编码", "上级单位 " + r.parent_code + " 不在您的管辖范围内");
                else roots.push_back(i);
            } else if (in_file.count(r.parent_code)) {
                children_in_file[r.parent_code].push_back(i);
            } else {
                error(r, "上级编码", "上级编码 " + r.parent_code + " 既不是已有单位，也不在表中");
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
        outcome.created = outcome.updated = outcome.unchanged = 0;
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
            u.economy = r.economy;
            u.population = r.population;
            u.area_km2 = r.area_km2;
            if (!r.parent_code.empty()) u.parent_id = codes.at(r.parent_code);
            u.id = store_.InsertUnit(u);
            codes[u.code] = u.id;
            all_units.push_back(u);
        }
        for (auto& u : all_units)
            for (const auto& changed : updates)
                if (u.id == changed.id) u = changed;
        Audit(actor, "import", "unit", 0,
              "{\"created\":" + std::to_string(fresh.size()) + ",\"updated\":" + std::to_string(updates.size()) + "}");
        tx->Commit();
    }
    outcome.created = static_cast<int>(fresh.size());
    outcome.updated = static_cast<int>(updates.size());
    std::unique_lock lock(index_mutex_);
    ReplaceTree(std::move(all_units));
    return outcome;
}

void RosterService::WithIndex(const std::function<void(const RosterIndex&)>& fn) const {
    std::shared_lock lock(index_mutex_);
    fn(index_);
}

}  // namespace lingyan::app
