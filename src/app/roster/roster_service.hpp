#pragma once
// RosterService: the roster use cases (browse the region tree, read a unit, team statistics,
// people and positions CRUD, roster import) with scope checks and audit entries.
// Thread-safety: all methods may be called concurrently. Reads share a reader lock on the
// in-memory RosterIndex; writes take the store mutex, commit to the database, then patch the
// index under the writer lock. No lock is held across network I/O.

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/common/row_errors.hpp"
#include "app/common/use_case.hpp"
#include "core/auth/scope.hpp"
#include "core/common/result.hpp"
#include "core/ports/store.hpp"
#include "core/roster/roster_index.hpp"

namespace lingyan::app {

struct UnitView {
    core::roster::Unit unit;
    std::size_t child_count = 0;
};

// Fields of a unit to change; absent = unchanged.
struct UnitPatch {
    std::optional<std::string> code, name;
    std::optional<core::roster::UnitKind> kind;
    std::optional<core::roster::Economy> economy;
    std::optional<bool> dev_zone, near_highway;
    std::optional<std::int64_t> population;
    std::optional<double> area_km2;
};

// One row of a division list (区划表), as read from a sheet. An optional field is nullopt when
// the file has no such column: an existing unit keeps its value (a new one gets none/0/false).
struct UnitImportRow {
    int row = 0;  // sheet line, for errors
    std::string code, name, parent_code;
    core::roster::UnitKind kind = core::roster::UnitKind::kVillage;
    std::optional<core::roster::Economy> economy;
    std::optional<bool> dev_zone, near_highway;
    std::optional<std::int64_t> population;
    std::optional<double> area_km2;
    std::optional<core::roster::UnitIncome> income;  // this year's income (unit_id ignored)
};

struct UnitsQuery {
    std::optional<Id> parent;
    std::string q;
    std::optional<core::roster::UnitKind> kind;
    int page = 1;
    int size = 50;
};

struct UnitsPage {
    std::vector<UnitView> items;
    std::size_t total = 0;
    int page = 1, size = 50;
};

struct TeamMemberView {
    core::roster::Position position;
    core::roster::Person person;
    int age = 0;
    int tenure_years = 0;
};

struct UnitDetail {
    UnitView unit;
    std::vector<core::roster::Unit> ancestors;
    std::vector<core::roster::PartyOrg> party_orgs;
    std::vector<TeamMemberView> team;
    std::vector<core::roster::UnitIncome> incomes;
};

// A party organization as the pages show it: the org (member_count filled), its unit and parent
// names, whether it is a grid branch, and what its member count allows (提档升格).
struct PartyOrgView {
    core::roster::PartyOrg org;
    std::string unit_name, parent_name;
    int direct_members = 0;  // people whose membership is in this organization itself
    bool grid = false;       // on a grid unit (网格党支部)
    std::optional<core::roster::PartyOrgKind> upgrade_hint;
};

struct PartyOrgMemberView {
    Id person_id = 0;
    std::string name, unit_name, party_join_date;
};

struct PartyHouseholdView {
    core::roster::PartyHousehold household;
    std::string person_name;
    std::vector<std::pair<Id, std::string>> served;  // (person id, name)
};

struct PartyOrgDetail {
    PartyOrgView org;
    std::vector<PartyOrgView> sub_orgs;
    std::vector<PartyOrgMemberView> members;  // direct members, by name
    std::vector<core::roster::PartyOrgEvent> history;
    std::vector<PartyHouseholdView> households;
};

struct PartyOrgInput {
    Id unit_id = 0;
    std::string name;
    core::roster::PartyOrgKind kind = core::roster::PartyOrgKind::kBranch;
    Id parent_id = 0;  // 0: none (a grid branch gets its village's organization)
    std::string approved_on, document_no;
};

struct UpgradeInput {
    core::roster::PartyOrgKind kind = core::roster::PartyOrgKind::kGeneralBranch;
    std::string name;  // empty: the old kind's label at the end of the name becomes the new one
    std::string approved_on, document_no;
};

struct DissolveInput {
    std::string dissolved_on, document_no;
    Id transfer_to = 0;  // where the members' memberships move (required while it has members)
};

struct HouseholdInput {
    Id person_id = 0;
    std::string place;
    std::vector<Id> served;
};

struct PersonView {
    core::roster::Person person;
    std::string unit_name;
    std::string party_org_name;  // of the membership, empty without one
    int age = 0;
    std::vector<std::pair<core::roster::Position, std::string>> positions;  // with unit name
};

// One ID number recorded for several people (entered by units out of each other's scope).
struct SharedIdNumber {
    std::string id_number_masked;
    std::vector<PersonView> people;  // by id
};

struct PeoplePage {
    std::vector<PersonView> items;
    std::size_t total = 0;
    int page = 1, size = 50;
};

// A change to a person: only the fields that are set change.
struct PersonPatch {
    std::optional<Id> unit_id;
    std::optional<std::string> name, birth_date, party_join_date, id_number, phone;
    std::optional<core::roster::Gender> gender;
    std::optional<core::roster::Education> education;
    std::optional<bool> reserve_cadre;
    std::optional<Id> party_org_id;  // 0 ends the membership
};

struct PositionPatch {
    std::optional<Id> unit_id;
    std::optional<std::string> title, start_date, end_date;
};

struct StatsView {
    core::roster::TeamStats stats;
    std::vector<std::pair<std::string, std::string>> risk_names;  // (unit name, secretary name), as risks
};

// One row of a roster import, already parsed by the exchange layer.
struct RosterImportRow {
    std::string sheet;
    int row = 0;  // the sheet's row number
    core::roster::Person person;  // birth_date may be a month, "YYYY-MM"
    std::string unit_code;
    std::string title;       // optional position
    std::string start_date;  // of the position
    Id person_key = 0;       // 人员编号 of an exported file: the person this row updates
    std::string masked_id;   // a masked 身份证号 (with person_key): keep the stored number
};

// Which optional columns a roster file has. When a row updates a person, an absent column leaves
// the stored value unchanged and a present one with an empty cell clears it. When adding a
// column to the roster format, also add it here.
struct RosterImportColumns {
    bool party_join_date = true, id_number = true, phone = true, title = true, start_date = true,
         reserve_cadre = true;
};

struct RosterImportOptions {
    RosterImportColumns columns;
    bool dry_run = false;  // plan and count, write nothing (the preview)
    std::function<void(std::size_t done, std::size_t total)> progress;
};

// A person an import creates or changes, for the preview.
struct ImportChange {
    int row = 0;
    Id person_id = 0;  // 0: a new person
    std::string name;
    bool created = false;
    std::vector<std::string> fields;  // the changed columns (Chinese headers) of an update
};

struct UnitImportOutcome {
    int created = 0, updated = 0, unchanged = 0;
    std::string sheet;
    std::vector<std::string> notes;
    std::vector<RowError> errors;  // non-empty: nothing was written
};

struct ImportOutcome {
    int imported = 0;   // rows imported (each row is one person in one position)
    int positions = 0;  // positions created or changed
    int created = 0, updated = 0, unchanged = 0;  // people
    int rows = 0;       // data rows of the file
    bool dry_run = false;
    std::string sheet;
    std::vector<std::string> notes;     // what the reader did (sheet, encoding, merged cells)
    std::vector<ImportChange> changes;  // the first kMaxListedChanges creations and updates
    std::vector<RowError> errors;       // non-empty: nothing was written
};
inline constexpr std::size_t kMaxListedChanges = 200;

// Rows of the roster another process changed (the change feed, PostgreSQL): the ids of the units,
// people, positions and party organizations changed, created or deleted, and the units whose
// incomes changed.
struct RosterChanges {
    std::vector<Id> units, people, positions, party_orgs, income_units;
    bool empty() const {
        return units.empty() && people.empty() && positions.empty() && party_orgs.empty() && income_units.empty();
    }
};

class RosterService {
public:
    RosterService(core::ports::Store& store, core::ports::StoreMutex& store_mutex, const core::ports::Clock& clock);

    // Loads the read model from the store (at start, and after bulk changes).
    void Reload();
    // Reads just the changed rows again and patches the read model: a row found is put, a row gone
    // is removed; the units' tree is rebuilt from the units in memory with the changed ones read
    // again (people, positions and orgs refer to units by id and need no reload). Falls back to
    // Reload() when the rows read do not make a valid tree. Throws when the store fails (nothing
    // patched then).
    void ApplyChanges(const RosterChanges& changes);
    // How many times the whole read model was loaded (Reload), and how many rows ApplyChanges read
    // again (units, people, positions, orgs, income units) — for tests and metrics.
    std::uint64_t ReloadCount() const { return reloads_.load(); }
    std::uint64_t AppliedRowCount() const { return applied_rows_.load(); }

    Result<UnitsPage> ListUnits(const Actor& actor, const UnitsQuery& q) const;
    Result<UnitDetail> GetUnit(const Actor& actor, Id id) const;
    Result<StatsView> Stats(const Actor& actor, Id id) const;
    Result<PeoplePage> ListPeople(const Actor& actor, core::roster::PeopleQuery q) const;
    Result<PersonView> GetPerson(const Actor& actor, Id id) const;
    // Admin only: every ID number held by more than one person, to resolve (edit or remove a record).
    Result<std::vector<SharedIdNumber>> SharedIdNumbers(const Actor& actor) const;
    Result<PersonView> CreatePerson(const Actor& actor, core::roster::Person p);
    Result<PersonView> UpdatePerson(const Actor& actor, Id id, const PersonPatch& patch);
    Status DeletePerson(const Actor& actor, Id id);
    Result<std::vector<std::pair<core::roster::Position, std::string>>> ListPositions(const Actor& actor, Id unit) const;
    Result<core::roster::Position> CreatePosition(const Actor& actor, core::roster::Position p);
    // CreatePosition in three steps, for a use case that creates a position inside its own
    // transaction (a personnel decision's appointment): the checks; the insert with its audit entry
    // (caller holds the store mutex and a transaction; sets p.id); the index, after the commit.
    Status CheckNewPosition(const Actor& actor, const core::roster::Position& p) const;
    void InsertPositionLocked(const Actor& actor, core::roster::Position& p);
    void PositionCommitted(const core::roster::Position& p);
    Result<core::roster::Position> UpdatePosition(const Actor& actor, Id id, const PositionPatch& patch);
    Status DeletePosition(const Actor& actor, Id id);

    // Imports every row in one transaction, or none. A row updates the person its 人员编号 names
    // (checked to be the same person: name or birth date must agree), else the person with its
    // full ID number, and otherwise creates a person — unless someone in the row's unit has the
    // same name and birth date, which is refused as a probable duplicate. Unknown unit codes,
    // units outside the caller's scope and duplicate ID numbers are reported per row. Positions
    // are added (or their start date corrected), never ended. With `dry_run` nothing is written
    // and the outcome counts what would be.
    Result<ImportOutcome> ImportRoster(const Actor& actor, const std::vector<RosterImportRow>& rows,
                                       const RosterImportOptions& options = {});

    // The row errors an import of `rows` would meet, without writing (used to report a file's
    // format errors and its database errors together).
    std::vector<RowError> CheckImport(const Actor& actor, const std::vector<RosterImportRow>& rows,
                                      const RosterImportColumns& columns = {}) const;

    // Creates a unit under `parent` (admin/county/town within scope); used by the demo and CLI.
    Result<core::roster::Unit> CreateUnit(const Actor& actor, core::roster::Unit u);
    // Changes a unit's attributes (not its parent); the unit must lie inside the caller's scope
    // and not be the caller's scope unit itself. A code must stay unique. Audited before/after.
    Result<core::roster::Unit> UpdateUnit(const Actor& actor, Id id, const UnitPatch& patch);
    // Deletes a unit without children, people, positions or party organizations (conflict
    // otherwise, also when campaigns, points or training records still refer to it). Audited.
    Status DeleteUnit(const Actor& actor, Id id);
    // Creates or updates units from a division list (区划表), all or nothing: a row whose code
    // exists updates that unit's name, kind, economy, population and area; a new code creates a
    // unit under its parent code (an existing unit or another row of the list, in any order).
    // `check_only` reports the errors without writing (to list them together with a file's own).
    Result<UnitImportOutcome> ImportUnits(const Actor& actor, const std::vector<UnitImportRow>& rows,
                                          bool check_only = false);

    // Party organizations (党组织, app/roster/party_orgs.cpp). Reads need the roster read right and
    // the org's unit in scope; changes need a manager (admin, county, town) with the unit in scope,
    // are audited and recorded in the org's history (沿革); nothing is deleted.
    Result<std::vector<PartyOrgView>> ListPartyOrgs(const Actor& actor, Id unit, bool include_dissolved) const;
    Result<PartyOrgDetail> GetPartyOrg(const Actor& actor, Id id) const;
    Result<PartyOrgView> CreatePartyOrg(const Actor& actor, const PartyOrgInput& in);
    Result<PartyOrgView> RenamePartyOrg(const Actor& actor, Id id, const std::string& name);
    Result<PartyOrgView> UpgradePartyOrg(const Actor& actor, Id id, const UpgradeInput& in);
    // Dissolves an org without active sub-organizations; its members move to `transfer_to`, its
    // households are dissolved with it; all in one transaction.
    Result<PartyOrgView> DissolvePartyOrg(const Actor& actor, Id id, const DissolveInput& in);
    Result<PartyHouseholdView> CreateHousehold(const Actor& actor, Id org_id, const HouseholdInput& in);
    Status DissolveHousehold(const Actor& actor, Id org_id, Id household_id);

    // Called (without locks held) after a committed change to people that may touch who is a
    // party member or a member's name or unit, with the ids of those people: the points module
    // keeps its members the same people (one register). Set once by the composition root.
    void SetMembersChanged(std::function<void(const std::vector<Id>&)> fn) { members_changed_ = std::move(fn); }

    // Is `unit` inside the caller's scope (core::auth::InScope, under the reader lock)?
    bool InScope(const Actor& actor, Id unit) const;

    // Visits the index under the reader lock (exports, demo checks).
    void WithIndex(const std::function<void(const core::roster::RosterIndex&)>& fn) const;
    std::string Today() const { return clock_.Today(); }

private:
    struct ImportPlan;
    // What an import of `rows` would do, with its row errors (caller holds index_mutex_).
    ImportPlan PlanImport(const Actor& actor, const std::vector<RosterImportRow>& rows,
                          const RosterImportColumns& columns) const;
    bool Visible(const Actor& actor, Id unit) const;  // caller holds index_mutex_
    // The person of this ID number the caller may see, other than `self` (caller holds index_mutex_).
    // Holders outside the caller's scope are not looked at: the number is taken only within what the
    // caller may see, so that no answer tells that it exists elsewhere (issue 11, finding 4); admin
    // sees the numbers held twice (SharedIdNumbers) and resolves them.
    const core::roster::Person* VisibleHolder(const Actor& actor, const std::string& id_number, Id self) const;
    Status IdNumberFree(const Actor& actor, const std::string& id_number, Id self) const;  // takes the lock
    std::unordered_map<std::string, Id> UnitsByCode() const;  // caller holds index_mutex_
    // Rebuilds the region tree from `units` (caller holds index_mutex_ exclusively).
    void ReplaceTree(std::vector<core::roster::Unit> units);
    PersonView ViewOf(const core::roster::Person& p) const;
    PartyOrgView OrgViewOf(const core::roster::PartyOrg& o) const;  // caller holds index_mutex_
    // A membership `org_id` for person `p` (caller holds index_mutex_): an active org in scope in
    // the person's unit line (the unit, an ancestor or a descendant), and a join date.
    Status CheckMembership(const Actor& actor, const core::roster::Person& p) const;
    // The org `id` if it exists and the caller may change it (caller holds index_mutex_).
    Result<core::roster::PartyOrg> WritableOrg(const Actor& actor, Id id) const;
    void RecordOrgEvent(const Actor& actor, core::roster::PartyOrgEvent e);  // caller holds store_mutex_ and a tx
    UnitView UnitViewOf(const core::roster::Unit& u) const;
    void Audit(const Actor& actor, const std::string& action, const std::string& entity, Id id,
               const std::string& detail);

    core::ports::Store& store_;
    core::ports::StoreMutex& store_mutex_;
    const core::ports::Clock& clock_;
    mutable std::shared_mutex index_mutex_;
    core::roster::RosterIndex index_;
    std::function<void(const std::vector<Id>&)> members_changed_;
    std::atomic<std::uint64_t> reloads_{0}, applied_rows_{0};
    void MembersChanged(const std::vector<Id>& person_ids) const {
        if (members_changed_) members_changed_(person_ids);
    }
};

// JSON text of a party organization for audit details.
std::string PartyOrgAuditJson(const core::roster::PartyOrg& o);

// JSON text of a person for audit details (ID number masked).
std::string PersonAuditJson(const core::roster::Person& p);

}  // namespace lingyan::app
