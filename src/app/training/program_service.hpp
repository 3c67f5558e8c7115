#pragma once
// ProgramService: training programs (跟岗培育, 挂职锻炼) — batches, hosts and placements validated
// by core/training/placement, the host recommendation for a batch by core/matching from the
// roster's profiles and latest incomes, weekly seminars with attendance, trainee summaries,
// mentor assessments, follow-ups at 3 and 6 months, pairing agreements (结对共建), the program
// dashboard, editing and deleting (program_edit.cpp), and the gap view of a unit against a host.
// Trainees must be inside the program's scope unit; hosts may be anywhere (they are usually in
// another city). Scope, audit and thread-safety as in training_base.hpp.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/common/file_download.hpp"
#include "app/training/training_base.hpp"
#include "app/training/training_files.hpp"
#include "core/matching/host_matching.hpp"
#include "core/training/placement.hpp"

namespace lingyan::app {

// ---- programs ----------------------------------------------------------------------------

struct NewHost {
    Id unit_id = 0;
    int capacity = core::matching::kDefaultHostCapacity;
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

// A host's capacity (record.capacity) is the trainees it takes at the same time, i.e. per batch;
// `placed` counts the program's placements there over all batches, `by_batch` per batch.
struct HostBatchLoad {
    Id batch_id = 0;
    std::string batch_name;
    int placed = 0;
};

struct HostView {
    core::ports::ProgramHostRecord record;
    std::string unit_name, mentor_name;
    int placed = 0;  // placements of the program at this host, all batches
    std::vector<HostBatchLoad> by_batch;  // every batch of the program, in order
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
    std::string why;     // placed: why this host (core::matching::Explain)
    std::string reason;  // why unplaced, or why the unit could not be compared
    // Other eligible hosts, best value first (for an officer's override).
    std::vector<std::tuple<Id, std::string, double, double, double>> alternatives;  // id, name, sim, gap, value
};

// A person suggested as a trainee for a batch: the 书记 of a village or community of the
// program's unit who is in no batch of the program, with the best host the program offers.
struct CandidateTrainee {
    Id person_id = 0;
    std::string person_name, unit_name, host_name;
    double value = 0;
    std::string why;
};

struct Recommendation {
    Id batch_id = 0;
    int enrolled = 0;  // trainees of the batch (placed or not)
    // When the batch has no trainee yet: whom to enrol, best first (at most the hosts' free places).
    std::vector<CandidateTrainee> candidates;
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

class ProgramService : TrainingBase {
public:
    ProgramService(core::ports::Store& store, core::ports::TrainingStore& training,
                   core::ports::StoreMutex& store_mutex, const core::ports::Clock& clock, const RosterService& roster,
                   TrainingFiles files = {})
        : TrainingBase(store, training, store_mutex, clock, roster), files_(std::move(files)) {}

    Result<ProgramDetail> CreateProgram(const Actor& actor, const NewProgram& spec);
    Result<std::vector<ProgramSummary>> ListPrograms(const Actor& actor);
    // 培训项目台账: the programs ListPrograms gives, with their figures, as a workbook (officers).
    Result<FileDownload> ProgramsXlsx(const Actor& actor);
    Result<ProgramDetail> GetProgram(const Actor& actor, Id program_id);
    // 跟岗名单 as a workbook, for officers: every placement of the program, by batch, with its
    // trainee, host, mentor, dates, focus and how far it has come (follow-ups, summary, assessment).
    Result<FileDownload> PlacementsXlsx(const Actor& actor, Id program_id);
    Result<BatchView> AddBatch(const Actor& actor, Id program_id, const NewBatch& batch);
    // Enrols more trainees in an existing batch (each in no batch of the program yet).
    Result<BatchView> AddTrainees(const Actor& actor, Id program_id, Id batch_id, const std::vector<Id>& trainees);
    Result<std::vector<HostView>> SetHosts(const Actor& actor, Id program_id, const std::vector<NewHost>& hosts);
    // Validates the whole list (person in one place at a time, within the program's dates, host
    // capacity) and writes all or nothing; errors name "placements[i]".
    Result<std::vector<PlacementView>> AddPlacements(const Actor& actor, Id program_id,
                                                     const std::vector<NewPlacement>& placements);
    // Optimal hosts for the batch's trainees not yet placed, under the hosts' free capacity, each
    // with why; for a batch without trainees, the people to enrol (CandidateTrainee).
    Result<Recommendation> Recommend(const Actor& actor, Id program_id, Id batch_id, double min_similarity);
    Result<SeminarView> AddSeminar(const Actor& actor, Id program_id, const NewSeminar& seminar);
    // "program · topic" of a seminar whose program the caller may read, for an item raised at it
    // that becomes a ticket (tickets module); NotFound otherwise. The caller holds the store mutex.
    Result<std::string> SeminarTitleLocked(const Actor& actor, Id seminar_id);
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

    // ---- edit and delete (program_edit.cpp) ----
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

    // Finds a program by name (idempotent demo loading); 0 if none.
    Id FindProgramByName(const std::string& name);

private:
    Result<core::ports::ProgramRecord> ManagedProgram(const Actor& actor, Id program_id);  // store mutex held
    ProgramDetail DetailOf(const core::ports::ProgramRecord& record);                      // store mutex held
    std::optional<UnitComparison> Compare(Id unit_id) const;
    // The 书记 of the villages and communities under scope_unit (in the caller's scope, not in
    // `enrolled`) whose unit has an eligible host with a free place, best host value first, at
    // most the hosts' free places.
    std::vector<CandidateTrainee> Candidates(const Actor& actor, Id scope_unit, const std::set<Id>& enrolled,
                                             const std::vector<core::matching::UnitProfile>& hosts,
                                             double min_similarity) const;
    // Checks trainees to enrol (in the program's unit and the caller's scope, in no batch of the
    // program yet) and appends them to view.trainees; store mutex held.
    Result<std::vector<core::ports::EnrollmentRecord>> NewEnrollments(const Actor& actor,
                                                                      const core::ports::ProgramRecord& program,
                                                                      const std::vector<Id>& trainees,
                                                                      BatchView& view);
    // Writes the enrolments of one batch and its audit entry (inside the caller's transaction).
    void Enrol(const Actor& actor, Id program_id, Id batch_id, std::vector<core::ports::EnrollmentRecord> rows,
               const std::string& action);

    TrainingFiles files_;
};

}  // namespace lingyan::app
