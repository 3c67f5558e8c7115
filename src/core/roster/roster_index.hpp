#pragma once
// RosterIndex: the in-memory read model of a deployment's roster (tree, people, positions,
// party organizations, incomes). The database is the source of truth; the app layer loads the
// index at start and patches it after each committed write. Not synchronized: the owner
// (app::RosterService) guards it with a reader/writer lock and never holds it across I/O.

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/roster/model.hpp"
#include "core/roster/tree.hpp"

namespace lingyan::core::roster {

struct PeopleQuery {
    Id unit = 0;               // root of the search; 0 = every root
    bool subtree = true;       // false: people of `unit` itself only
    std::string position;      // current title, exact; empty = any
    std::string age_band;      // "≤35", "36-45", "46-55", "56+"; empty = any
    std::optional<Education> education;
    std::string q;             // name contains
    std::string sort = "unit"; // name, -name, birth_date, -birth_date, unit
    int page = 1;
    int size = 50;
};

struct Page {
    std::vector<Id> ids;
    std::size_t total = 0;
};

struct AgeBandCount {
    std::string band;
    int count = 0;
};

struct TeamStats {
    int count = 0;
    double average_age = 0;
    double college_share = 0;  // 0..1
    int male = 0, female = 0;
    std::vector<AgeBandCount> age_bands;                     // ≤35, 36-45, 46-55, 56+
    std::vector<std::pair<std::string, std::pair<int, int>>> pyramid;  // band → (male, female), 5-year bands
    std::vector<std::pair<Education, int>> education;
    std::vector<AgeBandCount> secretary_age_bands;
    struct Risk {
        Id unit_id;
        Id person_id;
        int age;
    };
    std::vector<Risk> succession_risks;  // 书记 aged 57+ with no reserve cadre in the unit
};

// The age band of an age: ≤35, 36-45, 46-55, 56+.
const char* AgeBand(int age);
inline constexpr int kSuccessionRiskAge = 57;
inline constexpr const char* kSecretaryTitle = "书记";

class RosterIndex {
public:
    void SetTree(RegionTree tree) { tree_ = std::move(tree); }
    const RegionTree& tree() const { return tree_; }

    // Put* add a record or replace the one with its id (keys included: a person's unit, ID number and
    // membership; a position's person and unit; an org's unit and parent); Remove* forget one (no-op
    // when unknown). The lists behind the reads stay in id order, as a fresh load builds them, so
    // that an index patched record by record reads the same as one loaded afresh.
    void PutPerson(Person p);
    void RemovePerson(Id id);  // also drops their positions
    void PutPosition(Position p);
    void RemovePosition(Id id);
    void PutPartyOrg(PartyOrg org);
    // Forgets the org (its members and sub-orgs keep their ids until they are put again).
    void RemovePartyOrg(Id id);
    void PutIncome(UnitIncome income);
    // Replaces every income of `unit_id` with `incomes` (empty: none).
    void SetIncomes(Id unit_id, const std::vector<UnitIncome>& incomes);

    const Person* FindPerson(Id id) const;
    // Everyone recorded with this ID number (usually one; more when units out of each other's scope
    // entered the same person: resolved by admin, issue 11).
    std::vector<const Person*> PeopleWithIdNumber(const std::string& id_number) const;
    // ID numbers held by more than one person, with their holders (ordered by ID number, then id).
    std::vector<std::vector<const Person*>> SharedIdNumbers() const;
    const Position* FindPosition(Id id) const;
    // Positions of a person, current first, then by start date descending.
    std::vector<const Position*> PositionsOf(Id person_id) const;
    // Current positions held in a unit (the team), ordered by title rank then start date.
    std::vector<const Position*> TeamOf(Id unit_id) const;
    std::vector<const PartyOrg*> PartyOrgsOf(Id unit_id) const;
    // The unit's active organization of the highest rank (党委 over 党总支 over 党支部), or nullptr.
    const PartyOrg* LeadingOrgOf(Id unit_id) const;
    const PartyOrg* FindPartyOrg(Id id) const;
    // Organizations whose parent is `org_id`, by id.
    std::vector<const PartyOrg*> SubOrgsOf(Id org_id) const;
    // People whose membership is in `org_id` itself, by id.
    std::vector<Id> MembersOf(Id org_id) const;
    // Registered members of `org_id` and of its sub-organizations (what the org's member count is).
    int MemberCount(Id org_id) const;
    std::vector<UnitIncome> IncomesOf(Id unit_id) const;
    std::size_t people_count() const { return people_.size(); }
    std::size_t PeopleCountOf(Id unit_id) const {
        auto it = people_by_unit_.find(unit_id);
        return it == people_by_unit_.end() ? 0 : it->second.size();
    }
    template <typename Fn>
    void ForEachPerson(Fn&& fn) const {
        for (const auto& [id, p] : people_) fn(p);
    }
    // Calls `fn` with each person whose unit lies in the subtree of `root` (unit by unit in tree
    // order, by id within a unit), visiting only that subtree rather than every person.
    template <typename Fn>
    void ForEachPersonUnder(Id root, Fn&& fn) const {
        for (Id unit : tree_.Subtree(root)) {
            auto it = people_by_unit_.find(unit);
            if (it == people_by_unit_.end()) continue;
            for (Id person : it->second)
                if (const Person* p = FindPerson(person)) fn(*p);
        }
    }

    Page QueryPeople(const PeopleQuery& q, const std::string& today) const;
    // Team-structure statistics over the people holding a current position in the subtree
    // (root 0: every root).
    TeamStats Stats(Id root, const std::string& today) const;

private:
    void ForgetIdNumber(const std::string& id_number, Id id);

    RegionTree tree_;
    std::unordered_map<Id, Person> people_;
    std::unordered_map<Id, Position> positions_;
    std::unordered_map<Id, std::vector<Id>> positions_by_person_;
    std::unordered_map<Id, std::vector<Id>> people_by_unit_;
    std::unordered_map<std::string, std::vector<Id>> people_by_id_number_;
    std::unordered_map<Id, std::vector<Id>> positions_by_unit_;
    std::unordered_map<Id, std::vector<PartyOrg>> orgs_by_unit_;  // by id
    std::unordered_map<Id, Id> org_unit_;                         // org id → unit id
    std::unordered_map<Id, std::vector<Id>> org_children_;        // parent org → sub-orgs
    std::unordered_map<Id, std::vector<Id>> members_by_org_;      // org → people
    std::unordered_map<Id, std::map<int, std::int64_t>> incomes_;
};

// Rank of a title in a team listing (书记 first); unknown titles last.
int TitleRank(const std::string& title);

}  // namespace lingyan::core::roster
