#pragma once
// TrainingService: the talent pipeline and training use cases (issue 6) — talent pools with
// candidate checks and membership transitions (core/pipeline/talent_pool), training programs with
// batches, hosts and placements validated by core/pipeline/placement, host recommendation for a
// batch by core/matching from the roster's profiles and latest incomes, weekly seminars with
// attendance, trainee summaries, mentor assessments, follow-ups at 3 and 6 months, pairing
// agreements and a program dashboard; the 四岗十五级 ladder per person and the yearly bonus pool
// split (core/pipeline/ladder, bonus_pool); editing and deleting programs, placements and
// agreements. The implementation is split by theme: training_service.cpp (pools, programs,
// placements, seminars …), training_ladder.cpp (ladder and bonus pool), training_edit.cpp
// (PATCH/DELETE rules).
//
// Scope: pools and programs belong to a scope unit. A caller may read one when that unit is
// inside the caller's scope or the caller's scope is inside it; reads otherwise answer
// not_found. Managing needs role admin, county or town and the scope unit inside the caller's
// scope (forbidden otherwise). Trainees and pool candidates must be inside the scope unit; hosts
// may be anywhere (they are usually in another city).
//
// Ladder and bonus: a person's grade is read when the person is in the caller's scope and
// changed by admin, county or town roles with the person in scope; bonus splits likewise by
// their unit.
//
// Every write is checked whole first and written all-or-nothing in one transaction with one
// audit entry (entity talent_pool, training_program, ladder or bonus_split).
//
// Thread-safety: all methods may be called concurrently (SetLadder only before serving); database access is serialized by the
// shared store mutex, and the roster is read through RosterService::WithIndex.

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/roster_service.hpp"
#include "core/common/result.hpp"
#include "core/matching/host_matching.hpp"
#include "core/pipeline/bonus_pool.hpp"
#include "core/pipeline/ladder.hpp"
#include "core/pipeline/talent_pool.hpp"
#include "core/ports/store.hpp"
#include "core/ports/training_store.hpp"

namespace lingyan::app {

// ---- talent pools ------------------------------------------------------------------------

struct NewPool {
    std::string name;
    Id scope_unit_id = 0;  // 0 = the caller's scope unit
    int quota = 0;
    std::string rules_json;  // app/pool_rules_json.hpp format; "" = no rules
    std::string description;
    std::map<Id, int> town_quota;
};

struct PoolView {
    core::ports::PoolRecord record;
    core::pipeline::EligibilityRules rules;
    std::string scope_unit_name;
    core::pipeline::QuotaUse use;
    std::map<Id, int> town_quota;
    std::map<Id, std::string> town_names;
    std::map<std::string, int> by_state;  // member count per state name
};

struct MemberView {
    core::pipeline::Membership membership;
    Id membership_id = 0;
    std::string name;
    std::string unit_name;
    std::string town_name;
};

struct PoolDetail {
    PoolView pool;
    std::vector<MemberView> members;
};

struct CandidateView {
    core::pipeline::Candidate candidate;
    std::string unit_name;
    std::string town_name;
    core::pipeline::EligibilityReport report;
    std::string member_state;  // "" = not in the pool
};

// One page of candidates in a stable order (eligible first, then by person id).
struct CandidatePage {
    std::vector<CandidateView> items;
    std::size_t total = 0;     // candidates on every page
    std::size_t eligible = 0;  // eligible ones on every page
    std::size_t offset = 0, limit = 0;
};

// Adds a person to a pool (nominated) or moves an existing member to `state`. When the person
// is not yet a member and `state` is beyond nominated, nomination and the transition (via the
// legal path nominated → selected → …) are written together or not at all.
struct MemberChange {
    Id person_id = 0;
    std::string state = "nominated";
    std::string date;  // "" = today
    std::string note;
    std::string override_reason;
};

// ---- programs ----------------------------------------------------------------------------

struct NewHost {
    Id unit_id = 0;
    int capacity = 3;
    Id mentor_person_id = 0;
};

struct NewBatch {
    std::string name;
    std::string start_date, end_date;
    std::vector<Id> trainees;  // person ids; their unit is their current unit
};

struct NewProgram {
    std::string name;
    std::string kind = "shadow";
    Id scope_unit_id = 0;  // 0 = the caller's scope unit
    std::string start_date, end_date;
    std::string description;
    std::vector<NewHost> hosts;
    std::vector<NewBatch> batches;
};

struct NewPlacement {
    Id person_id = 0;
    Id batch_id = 0;       // 0 = the person's batch if enrolled in one
    Id host_unit_id = 0;
    Id mentor_person_id = 0;  // 0 = the host's default mentor
    std::string start_date, end_date;  // "" = the batch's dates
    std::vector<std::string> focus;
};

struct NewSeminar {
    Id batch_id = 0;
    std::string date;
    std::string topic;
    std::string location;
    std::vector<std::pair<Id, bool>> attendance;  // person, present
};

struct NewAgreement {
    Id unit_a = 0, unit_b = 0;
    std::string title, content, signed_on;
    std::string status = "signed";
};

// Partial changes (PATCH): absent fields keep their value.
struct ProgramPatch {
    std::optional<std::string> name, kind, start_date, end_date, description;
};

struct PlacementPatch {
    std::optional<Id> host_unit_id, mentor_person_id;
    std::optional<std::string> start_date, end_date;
    std::optional<std::vector<std::string>> focus;
};

struct AgreementPatch {
    std::optional<std::string> title, content, signed_on, status;
};

struct PlacementView {
    core::ports::PlacementRow row;
    std::string person_name, trainee_unit_name, host_unit_name, mentor_name;
    int followups = 0, followups_done = 0;
};

struct HostView {
    core::ports::ProgramHostRecord record;
    std::string unit_name, mentor_name;
    int placed = 0;  // placements of the program at this host
};

struct SeminarView {
    core::ports::SeminarRecord record;
    int present = 0, absent = 0;
};

struct AgreementView {
    core::ports::AgreementRecord record;
    std::string unit_a_name, unit_b_name;
};

struct Dashboard {
    int batches = 0, trainees = 0, placements = 0, hosts = 0;
    std::vector<std::pair<std::string, int>> placements_by_host;  // host name, count
    int seminars = 0, attendance_present = 0, attendance_total = 0;
    double attendance_rate = 0;  // present / total, 0 when none
    int summaries_in = 0, assessments_in = 0;
    int agreements_total = 0, agreements_signed = 0;
    int followups_total = 0, followups_done = 0, followups_due = 0;  // due: on or before today
    double followup_completion = 0;  // done / due (1 when none due)
};

struct ProgramSummary {
    core::ports::ProgramRecord record;
    std::string scope_unit_name;
    Dashboard dashboard;
};

struct BatchView {
    core::ports::BatchRecord record;
    std::vector<std::pair<Id, std::string>> trainees;  // person id, name
};

struct ProgramDetail {
    ProgramSummary summary;
    std::vector<BatchView> batches;
    std::vector<HostView> hosts;
    std::vector<PlacementView> placements;
    std::vector<SeminarView> seminars;
    std::vector<AgreementView> agreements;
    std::vector<core::ports::FollowUpRecord> followups;
};

// The profile and income history of a unit, as compared side by side.
struct UnitComparison {
    Id unit_id = 0;
    std::string name;
    core::matching::UnitProfile profile;  // income = latest year's
    int income_year = 0;
    std::vector<core::roster::UnitIncome> incomes;
};

struct RecommendationRow {
    Id person_id = 0;
    std::string person_name;
    UnitComparison trainee;
    std::optional<UnitComparison> host;  // nullopt: not placed
    double similarity = 0, gap = 0, value = 0;
    std::string reason;  // why unplaced, or why the unit could not be compared
    // Other eligible hosts, best value first (for an officer's override).
    std::vector<std::tuple<Id, std::string, double, double, double>> alternatives;  // id, name, sim, gap, value
};

struct Recommendation {
    Id batch_id = 0;
    std::vector<RecommendationRow> rows;
    int placed = 0, unplaced = 0;
    double total_value = 0;
    double min_similarity = 0.5;
};

struct GapView {
    UnitComparison trainee, host;
    double similarity = 0, gap = 0;
    // Per year present for both units: year, trainee income, host income, ln(host / trainee).
    std::vector<std::tuple<int, std::int64_t, std::int64_t, double>> years;
};

// ---- ladder (四岗十五级) and bonus pool --------------------------------------------------------

// A person's place on the ladder: the whole history and the step in force on `as_of`.
struct LadderPersonView {
    Id person_id = 0;
    Id unit_id = 0;
    std::string name, unit_name;
    std::optional<core::ports::LadderStepRecord> current;  // nullopt: not graded on as_of
    core::pipeline::PayBand pay;                            // of the current level
    std::vector<core::ports::LadderStepRecord> history;     // by effective date
    std::optional<core::pipeline::PromotionCheck> check;    // when a grade was given
};

struct LadderList {
    std::vector<LadderPersonView> items;  // without history
    std::int64_t people = 0;              // everyone under the unit
    std::int64_t graded = 0;              // of whom with a step on as_of
};

// One change of a person's grade. action "set" (初定/调整: post, level, reason), "promote" (one
// level up by the core rules, needs the last evaluation `grade`) or "demote" (负面清单: one level
// down, needs a reason).
struct LadderChange {
    std::string action;
    std::string post;
    int level = 0;
    std::string date;  // "" = today
    std::string reason;
    std::string grade;
};

struct LadderEvaluationRow {
    Id person_id = 0;
    std::string name, unit_name, post, grade;
    int level = 0, new_level = 0;
    std::string action;                // promote, demote, stay
    std::vector<std::string> reasons;  // in Chinese
};

struct LadderEvaluation {
    Id unit_id = 0;
    std::string as_of;
    bool applied = false;
    int promoted = 0, demoted = 0, unchanged = 0;
    std::vector<LadderEvaluationRow> rows;
};

struct NewBonusSplit {
    Id unit_id = 0;
    std::string period;         // e.g. 2024
    std::int64_t pool_fen = 0;  // fixed-point, 0.01 yuan
    std::string as_of;          // levels in force on this date; "" = today
    std::vector<std::pair<Id, std::string>> grades;  // person, 优秀/称职/…; missing = 称职
    bool dry_run = false;       // compute and show, write nothing
};

struct BonusSplitView {
    core::ports::BonusSplitRecord record;
    std::string unit_name;
    std::vector<core::ports::BonusLineRecord> lines;
};

class TrainingService {
public:
    TrainingService(core::ports::Store& store, core::ports::TrainingStore& training, std::mutex& store_mutex,
                    const core::ports::Clock& clock, const RosterService& roster);

    Result<PoolView> CreatePool(const Actor& actor, const NewPool& spec);
    Result<std::vector<PoolView>> ListPools(const Actor& actor);
    Result<PoolDetail> GetPool(const Actor& actor, Id pool_id);
    // People of the pool's scope (within the caller's) checked against the rules on `as_of`
    // ("" = today), optionally only under `unit`; eligible first.
    Result<std::vector<CandidateView>> Candidates(const Actor& actor, Id pool_id, std::optional<Id> unit,
                                                  const std::string& as_of);
    // The same list a page at a time: `limit` 1..500, `offset` ≥ 0.
    Result<CandidatePage> CandidatesPage(const Actor& actor, Id pool_id, std::optional<Id> unit,
                                         const std::string& as_of, std::int64_t offset, std::int64_t limit);
    Result<MemberView> ChangeMember(const Actor& actor, Id pool_id, const MemberChange& change);

    Result<ProgramDetail> CreateProgram(const Actor& actor, const NewProgram& spec);
    Result<std::vector<ProgramSummary>> ListPrograms(const Actor& actor);
    Result<ProgramDetail> GetProgram(const Actor& actor, Id program_id);
    Result<BatchView> AddBatch(const Actor& actor, Id program_id, const NewBatch& batch);
    Result<std::vector<HostView>> SetHosts(const Actor& actor, Id program_id, const std::vector<NewHost>& hosts);
    // Validates the whole list (person in one place at a time, within the program's dates, host
    // capacity) and writes all or nothing; errors name "placements[i]".
    Result<std::vector<PlacementView>> AddPlacements(const Actor& actor, Id program_id,
                                                     const std::vector<NewPlacement>& placements);
    // Optimal hosts for the batch's trainees not yet placed, under the hosts' free capacity.
    Result<Recommendation> Recommend(const Actor& actor, Id program_id, Id batch_id, double min_similarity);
    Result<SeminarView> AddSeminar(const Actor& actor, Id program_id, const NewSeminar& seminar);
    Result<PlacementView> SubmitSummary(const Actor& actor, Id program_id, Id placement_id, const std::string& text,
                                        const std::string& date);
    Result<PlacementView> Assess(const Actor& actor, Id program_id, Id placement_id, const std::string& grade,
                                 const std::string& text);
    // Records the action items a trainee committed to; each is followed up 3 and 6 months after
    // the placement's end.
    Result<std::vector<core::ports::FollowUpRecord>> AddActionItems(const Actor& actor, Id program_id,
                                                                    Id placement_id,
                                                                    const std::vector<std::string>& items);
    Result<core::ports::FollowUpRecord> CompleteFollowUp(const Actor& actor, Id program_id, Id followup_id,
                                                         const std::string& note, const std::string& date);
    Result<std::vector<AgreementView>> AddAgreements(const Actor& actor, Id program_id,
                                                     const std::vector<NewAgreement>& agreements);

    // ---- ladder and bonus pool (training_ladder.cpp) ----
    const core::pipeline::LadderConfig& LadderConfig() const { return ladder_; }
    // Chooses the county's ladder (default 4 × 15). Call once at start-up, before serving: the
    // configuration is read without a lock. Refused when core::pipeline::ValidateLadder fails.
    Status SetLadder(core::pipeline::LadderConfig config);
    // Everyone under `unit` (in the caller's scope, else not_found) with their step on `as_of`;
    // with `graded_only` the people without one are counted but not listed.
    Result<LadderList> Ladder(const Actor& actor, Id unit, const std::string& as_of, bool graded_only = false);
    // One person's history; with `grade` also the promotion check on `as_of`.
    Result<LadderPersonView> PersonLadder(const Actor& actor, Id person_id, const std::string& as_of,
                                          const std::string& grade);
    Result<LadderPersonView> ChangeLadder(const Actor& actor, Id person_id, const LadderChange& change);
    // Applies the ladder rules to everyone graded under `unit` on `as_of`: 不称职 (negative list)
    // demotes one level, an eligible grade promotes, others stay. With `apply` the changes are
    // written in one transaction; errors name "grades[i]".
    Result<LadderEvaluation> EvaluateLadder(const Actor& actor, Id unit, const std::string& as_of,
                                            const std::vector<std::pair<Id, std::string>>& grades, bool apply);
    // Splits a unit's yearly bonus pool among the people graded under it (core SplitBonusPool);
    // one split per unit and period (conflict otherwise).
    Result<BonusSplitView> SplitBonus(const Actor& actor, const NewBonusSplit& spec);
    Result<std::vector<BonusSplitView>> ListBonusSplits(const Actor& actor);  // without lines
    Result<BonusSplitView> GetBonusSplit(const Actor& actor, Id split_id);
    Result<BonusSplitView> DeleteBonusSplit(const Actor& actor, Id split_id);

    // ---- edit and delete (training_edit.cpp) ----
    // Name, kind, dates, description; the new dates must still hold every batch, placement and
    // seminar of the program.
    Result<ProgramDetail> UpdateProgram(const Actor& actor, Id program_id, const ProgramPatch& patch);
    // Only a program without placements, seminars and agreements (its batches and hosts go with it).
    Result<ProgramSummary> DeleteProgram(const Actor& actor, Id program_id);
    // Host, mentor, dates, focus, re-checked like a new placement. Once the trainee's summary is
    // recorded only the end may move earlier (ended early), the mentor and focus change.
    Result<PlacementView> UpdatePlacement(const Actor& actor, Id program_id, Id placement_id,
                                          const PlacementPatch& patch);
    // Refused once a summary, an assessment or action items are recorded (end it instead).
    Result<PlacementView> DeletePlacement(const Actor& actor, Id program_id, Id placement_id);
    // Status moves draft → signed → ended only; signed needs signed_on.
    Result<AgreementView> UpdateAgreement(const Actor& actor, Id program_id, Id agreement_id,
                                          const AgreementPatch& patch);
    // Drafts only; a signed agreement is ended, not deleted.
    Result<AgreementView> DeleteAgreement(const Actor& actor, Id program_id, Id agreement_id);

    // A unit against a host over the years (both must be readable by the caller, or the host
    // be a host of a program the caller can read).
    Result<GapView> Gap(const Actor& actor, Id unit_id, Id host_id);

    // Finds a program or pool by name (idempotent demo loading); 0 if none.
    Id FindProgramByName(const std::string& name);
    Id FindPoolByName(const std::string& name);

private:
    bool InScope(const Actor& actor, Id unit) const;
    bool CanRead(const Actor& actor, Id scope_unit) const;
    bool CanManage(const Actor& actor, Id scope_unit) const;
    // Candidates checked on `as_of`, sorted (eligible first, then person id), with the full view
    // built only for [offset, offset + limit).
    Result<CandidatePage> ScanCandidates(const Actor& actor, Id pool_id, std::optional<Id> unit,
                                         const std::string& as_of, std::size_t offset, std::size_t limit);
    Result<core::ports::ProgramRecord> ManagedProgram(const Actor& actor, Id program_id);  // store mutex held
    PoolView ViewOfPool(const core::ports::PoolRecord& record);                        // store mutex held
    ProgramDetail DetailOf(const core::ports::ProgramRecord& record);                 // store mutex held
    std::optional<UnitComparison> Compare(Id unit_id) const;
    void Audit(const Actor& actor, const std::string& action, const std::string& entity, Id id,
               const std::string& detail);

    core::pipeline::LadderConfig ladder_ = core::pipeline::FourByFifteenLadder();
    core::ports::Store& store_;
    core::ports::TrainingStore& training_;
    std::mutex& store_mutex_;
    const core::ports::Clock& clock_;
    const RosterService& roster_;
};

}  // namespace lingyan::app
