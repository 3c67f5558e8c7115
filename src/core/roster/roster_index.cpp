#include "core/roster/roster_index.hpp"

#include <algorithm>

#include "core/roster/party_org_rules.hpp"
#include "core/roster/person_rules.hpp"

namespace lingyan::core::roster {

namespace {
void EraseId(std::vector<Id>& v, Id id) { v.erase(std::remove(v.begin(), v.end(), id), v.end()); }
// Into an id-ordered list (ids mostly ascend: usually at the end, checked first).
void InsertId(std::vector<Id>& v, Id id) {
    if (v.empty() || v.back() < id) return v.push_back(id);
    v.insert(std::lower_bound(v.begin(), v.end(), id), id);
}
bool IsCurrent(const Position& p, const std::string& today) { return p.end_date.empty() || p.end_date >= today; }
}  // namespace

const char* AgeBand(int age) {
    if (age <= 35) return "≤35";
    if (age <= 45) return "36-45";
    if (age <= 55) return "46-55";
    return "56+";
}

int TitleRank(const std::string& title) {
    static const char* kOrder[] = {"党委书记", "书记", "镇长", "主任", "副书记", "人大主席", "纪委书记",
                                   "副镇长", "副主任", "委员", "网格长", "后备干部"};
    for (int i = 0; i < static_cast<int>(std::size(kOrder)); ++i)
        if (title == kOrder[i]) return i;
    return static_cast<int>(std::size(kOrder));
}

void RosterIndex::PutPerson(Person p) {
    auto it = people_.find(p.id);
    if (it != people_.end() && it->second.party_org_id != 0) EraseId(members_by_org_[it->second.party_org_id], p.id);
    if (p.party_org_id != 0) InsertId(members_by_org_[p.party_org_id], p.id);
    if (it != people_.end() && it->second.unit_id != p.unit_id) EraseId(people_by_unit_[it->second.unit_id], p.id);
    if (it == people_.end() || it->second.unit_id != p.unit_id) InsertId(people_by_unit_[p.unit_id], p.id);
    const std::string before = it == people_.end() ? std::string() : it->second.id_number;
    if (before != p.id_number) {
        if (!before.empty()) ForgetIdNumber(before, p.id);
        if (!p.id_number.empty()) InsertId(people_by_id_number_[p.id_number], p.id);
    }
    people_[p.id] = std::move(p);
}

void RosterIndex::ForgetIdNumber(const std::string& id_number, Id id) {
    auto holders = people_by_id_number_.find(id_number);
    if (holders == people_by_id_number_.end()) return;
    EraseId(holders->second, id);
    if (holders->second.empty()) people_by_id_number_.erase(holders);
}

std::vector<const Person*> RosterIndex::PeopleWithIdNumber(const std::string& id_number) const {
    std::vector<const Person*> out;
    auto holders = people_by_id_number_.find(id_number);
    if (holders == people_by_id_number_.end()) return out;
    for (Id id : holders->second)
        if (const Person* p = FindPerson(id)) out.push_back(p);
    std::sort(out.begin(), out.end(), [](const Person* a, const Person* b) { return a->id < b->id; });
    return out;
}

std::vector<std::vector<const Person*>> RosterIndex::SharedIdNumbers() const {
    std::vector<std::vector<const Person*>> out;
    for (const auto& [number, ids] : people_by_id_number_)
        if (ids.size() > 1) out.push_back(PeopleWithIdNumber(number));
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a[0]->id_number < b[0]->id_number; });
    return out;
}

void RosterIndex::RemovePerson(Id id) {
    auto it = people_.find(id);
    if (it == people_.end()) return;
    EraseId(people_by_unit_[it->second.unit_id], id);
    if (!it->second.id_number.empty()) ForgetIdNumber(it->second.id_number, id);
    if (it->second.party_org_id != 0) EraseId(members_by_org_[it->second.party_org_id], id);
    for (Id pos : std::vector<Id>(positions_by_person_[id])) RemovePosition(pos);
    positions_by_person_.erase(id);
    people_.erase(it);
}

void RosterIndex::PutPosition(Position p) {
    auto it = positions_.find(p.id);
    if (it != positions_.end()) {
        EraseId(positions_by_unit_[it->second.unit_id], p.id);
        EraseId(positions_by_person_[it->second.person_id], p.id);
    }
    InsertId(positions_by_unit_[p.unit_id], p.id);
    InsertId(positions_by_person_[p.person_id], p.id);
    positions_[p.id] = std::move(p);
}

void RosterIndex::RemovePosition(Id id) {
    auto it = positions_.find(id);
    if (it == positions_.end()) return;
    EraseId(positions_by_unit_[it->second.unit_id], id);
    EraseId(positions_by_person_[it->second.person_id], id);
    positions_.erase(it);
}

void RosterIndex::PutPartyOrg(PartyOrg org) {
    // The app never moves an organization to another unit; a record read from the database may say otherwise.
    if (auto old = FindPartyOrg(org.id); old && old->unit_id != org.unit_id) RemovePartyOrg(org.id);
    if (auto old = FindPartyOrg(org.id); old && old->parent_id != 0) EraseId(org_children_[old->parent_id], org.id);
    if (org.parent_id != 0) InsertId(org_children_[org.parent_id], org.id);
    org_unit_[org.id] = org.unit_id;
    auto& v = orgs_by_unit_[org.unit_id];
    auto it = std::lower_bound(v.begin(), v.end(), org.id, [](const PartyOrg& o, Id id) { return o.id < id; });
    if (it != v.end() && it->id == org.id) *it = std::move(org);
    else v.insert(it, std::move(org));
}

void RosterIndex::RemovePartyOrg(Id id) {
    const PartyOrg* old = FindPartyOrg(id);
    if (!old) return;
    if (old->parent_id != 0) EraseId(org_children_[old->parent_id], id);
    auto& v = orgs_by_unit_[old->unit_id];
    v.erase(std::remove_if(v.begin(), v.end(), [&](const PartyOrg& o) { return o.id == id; }), v.end());
    org_unit_.erase(id);
}

void RosterIndex::PutIncome(UnitIncome income) { incomes_[income.unit_id][income.year] = income.amount_yuan; }

void RosterIndex::SetIncomes(Id unit_id, const std::vector<UnitIncome>& incomes) {
    incomes_.erase(unit_id);
    for (const UnitIncome& income : incomes) incomes_[unit_id][income.year] = income.amount_yuan;
}

const Person* RosterIndex::FindPerson(Id id) const {
    auto it = people_.find(id);
    return it == people_.end() ? nullptr : &it->second;
}

const Position* RosterIndex::FindPosition(Id id) const {
    auto it = positions_.find(id);
    return it == positions_.end() ? nullptr : &it->second;
}

std::vector<const Position*> RosterIndex::PositionsOf(Id person_id) const {
    std::vector<const Position*> out;
    auto it = positions_by_person_.find(person_id);
    if (it == positions_by_person_.end()) return out;
    for (Id id : it->second) out.push_back(&positions_.at(id));
    std::sort(out.begin(), out.end(), [](const Position* a, const Position* b) {
        bool ca = a->end_date.empty(), cb = b->end_date.empty();
        if (ca != cb) return ca;
        return a->start_date > b->start_date;
    });
    return out;
}

std::vector<const Position*> RosterIndex::TeamOf(Id unit_id) const {
    std::vector<const Position*> out;
    auto it = positions_by_unit_.find(unit_id);
    if (it == positions_by_unit_.end()) return out;
    for (Id id : it->second) {
        const Position& p = positions_.at(id);
        if (p.end_date.empty()) out.push_back(&p);
    }
    std::sort(out.begin(), out.end(), [](const Position* a, const Position* b) {
        int ra = TitleRank(a->title), rb = TitleRank(b->title);
        if (ra != rb) return ra < rb;
        if (a->start_date != b->start_date) return a->start_date < b->start_date;
        return a->id < b->id;
    });
    return out;
}

std::vector<const PartyOrg*> RosterIndex::PartyOrgsOf(Id unit_id) const {
    std::vector<const PartyOrg*> out;
    auto it = orgs_by_unit_.find(unit_id);
    if (it != orgs_by_unit_.end())
        for (const auto& o : it->second) out.push_back(&o);
    return out;
}

const PartyOrg* RosterIndex::LeadingOrgOf(Id unit_id) const {
    const PartyOrg* best = nullptr;
    for (const PartyOrg* o : PartyOrgsOf(unit_id))
        if (o->active() && (!best || KindRank(o->kind) > KindRank(best->kind))) best = o;
    return best;
}

const PartyOrg* RosterIndex::FindPartyOrg(Id id) const {
    auto u = org_unit_.find(id);
    if (u == org_unit_.end()) return nullptr;
    auto it = orgs_by_unit_.find(u->second);
    if (it == orgs_by_unit_.end()) return nullptr;
    for (const auto& o : it->second)
        if (o.id == id) return &o;
    return nullptr;
}

std::vector<const PartyOrg*> RosterIndex::SubOrgsOf(Id org_id) const {
    std::vector<const PartyOrg*> out;
    auto it = org_children_.find(org_id);
    if (it == org_children_.end()) return out;
    for (Id id : it->second)
        if (const PartyOrg* o = FindPartyOrg(id)) out.push_back(o);
    std::sort(out.begin(), out.end(), [](const PartyOrg* a, const PartyOrg* b) { return a->id < b->id; });
    return out;
}

std::vector<Id> RosterIndex::MembersOf(Id org_id) const {
    auto it = members_by_org_.find(org_id);
    if (it == members_by_org_.end()) return {};
    std::vector<Id> out = it->second;
    std::sort(out.begin(), out.end());
    return out;
}

int RosterIndex::MemberCount(Id org_id) const {
    int n = 0;
    std::vector<Id> todo{org_id};
    for (std::size_t depth = 0; !todo.empty() && depth < 16; ++depth) {  // org trees are shallow
        std::vector<Id> next;
        for (Id id : todo) {
            if (auto m = members_by_org_.find(id); m != members_by_org_.end()) n += static_cast<int>(m->second.size());
            if (auto c = org_children_.find(id); c != org_children_.end()) next.insert(next.end(), c->second.begin(), c->second.end());
        }
        todo = std::move(next);
    }
    return n;
}

std::vector<UnitIncome> RosterIndex::IncomesOf(Id unit_id) const {
    std::vector<UnitIncome> out;
    auto it = incomes_.find(unit_id);
    if (it != incomes_.end())
        for (auto [year, amount] : it->second) out.push_back({unit_id, year, amount});
    return out;
}

Page RosterIndex::QueryPeople(const PeopleQuery& q, const std::string& today) const {
    std::vector<Id> units;
    if (q.unit == 0) {  // the whole deployment
        for (Id root : tree_.Children(std::nullopt)) {
            auto sub = tree_.Subtree(root);
            units.insert(units.end(), sub.begin(), sub.end());
        }
    } else {
        units = q.subtree ? tree_.Subtree(q.unit) : std::vector<Id>{q.unit};
    }
    std::vector<const Person*> hits;
    for (Id unit : units) {
        auto it = people_by_unit_.find(unit);
        if (it == people_by_unit_.end()) continue;
        for (Id pid : it->second) {
            const Person& p = people_.at(pid);
            if (!q.q.empty() && p.name.find(q.q) == std::string::npos) continue;
            if (q.education && p.education != *q.education) continue;
            if (!q.age_band.empty() && q.age_band != AgeBand(AgeAt(p.birth_date, today))) continue;
            if (!q.position.empty()) {
                bool holds = false;
                auto pos = positions_by_person_.find(pid);
                if (pos != positions_by_person_.end())
                    for (Id pos_id : pos->second) {
                        const Position& position = positions_.at(pos_id);
                        holds = holds || (position.title == q.position && IsCurrent(position, today));
                    }
                if (!holds) continue;
            }
            hits.push_back(&p);
        }
    }
    auto by_id = [](const Person* a, const Person* b) { return a->id < b->id; };
    if (q.sort == "name" || q.sort == "-name") {
        std::stable_sort(hits.begin(), hits.end(), [&](const Person* a, const Person* b) {
            return a->name != b->name ? a->name < b->name : by_id(a, b);
        });
        if (q.sort[0] == '-') std::reverse(hits.begin(), hits.end());
    } else if (q.sort == "birth_date" || q.sort == "-birth_date") {
        std::stable_sort(hits.begin(), hits.end(), [&](const Person* a, const Person* b) {
            return a->birth_date != b->birth_date ? a->birth_date < b->birth_date : by_id(a, b);
        });
        if (q.sort[0] == '-') std::reverse(hits.begin(), hits.end());
    }  // "unit": already in tree pre-order, people of a unit by id
    Page page;
    page.total = hits.size();
    std::size_t size = static_cast<std::size_t>(std::clamp(q.size, 1, 500));
    std::size_t from = static_cast<std::size_t>(std::max(q.page, 1) - 1) * size;
    for (std::size_t i = from; i < hits.size() && i < from + size; ++i) page.ids.push_back(hits[i]->id);
    return page;
}

TeamStats RosterIndex::Stats(Id root, const std::string& today) const {
    TeamStats s;
    static const char* kBands[] = {"≤35", "36-45", "46-55", "56+"};
    for (const char* b : kBands) {
        s.age_bands.push_back({b, 0});
        s.secretary_age_bands.push_back({b, 0});
    }
    static const char* kPyramid[] = {"≤25", "26-30", "31-35", "36-40", "41-45", "46-50", "51-55", "56-60", "61+"};
    for (const char* b : kPyramid) s.pyramid.push_back({b, {0, 0}});
    for (int e = 0; e <= static_cast<int>(Education::kPostgraduate); ++e)
        s.education.push_back({static_cast<Education>(e), 0});
    auto band_index = [](const std::vector<AgeBandCount>& v, const char* band) {
        for (std::size_t i = 0; i < v.size(); ++i)
            if (v[i].band == band) return i;
        return std::size_t{0};
    };
    long long age_sum = 0;
    int college = 0;
    std::vector<Id> units;
    if (root == 0) {  // the whole deployment
        for (Id r : tree_.Children(std::nullopt)) {
            auto sub = tree_.Subtree(r);
            units.insert(units.end(), sub.begin(), sub.end());
        }
    } else {
        units = tree_.Subtree(root);
    }
    for (Id unit : units) {
        bool has_reserve = false;
        const Person* old_secretary = nullptr;
        int old_age = 0;
        auto people = people_by_unit_.find(unit);
        if (people != people_by_unit_.end())
            for (Id pid : people->second) has_reserve = has_reserve || people_.at(pid).reserve_cadre;
        auto team = positions_by_unit_.find(unit);
        if (team == positions_by_unit_.end()) continue;
        std::vector<Id> counted;
        for (Id pos_id : team->second) {
            const Position& pos = positions_.at(pos_id);
            if (!IsCurrent(pos, today)) continue;
            const Person* p = FindPerson(pos.person_id);
            if (!p) continue;
            int age = AgeAt(p->birth_date, today);
            if (pos.title == kSecretaryTitle) {
                s.secretary_age_bands[band_index(s.secretary_age_bands, AgeBand(age))].count++;
                if (age >= kSuccessionRiskAge && age > old_age) {
                    old_secretary = p;
                    old_age = age;
                }
            }
            if (std::find(counted.begin(), counted.end(), p->id) != counted.end()) continue;
            counted.push_back(p->id);
            s.count++;
            age_sum += age;
            if (IsCollege(p->education)) college++;
            (p->gender == Gender::kMale ? s.male : s.female)++;
            s.age_bands[band_index(s.age_bands, AgeBand(age))].count++;
            int pyramid_idx = age <= 25 ? 0 : std::min(8, (age - 26) / 5 + 1);
            auto& cell = s.pyramid[pyramid_idx].second;
            (p->gender == Gender::kMale ? cell.first : cell.second)++;
            s.education[static_cast<int>(p->education)].second++;
        }
        if (old_secretary && !has_reserve) s.succession_risks.push_back({unit, old_secretary->id, old_age});
    }
    if (s.count > 0) {
        s.average_age = static_cast<double>(age_sum) / s.count;
        s.college_share = static_cast<double>(college) / s.count;
    }
    return s;
}

}  // namespace lingyan::core::roster
