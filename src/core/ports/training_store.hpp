#pragma once
// The storage port of the talent pipeline and training (issue 6): talent pools (梯队) with their
// memberships and state history, ladder levels (四岗十五级) per person, training programs
// (跟岗培育 …) with batches, hosts, enrolled trainees, placements, weekly seminars and
// attendance, trainee summaries, mentor assessments, follow-ups of action items at 3 and 6
// months, and pairing agreements (结对共建) between units.
//
// Implemented by storage/sql_training_store over the same connection as Store, so writes join
// the transaction opened with Store::Begin(). Methods throw storage::StoreError when the
// database fails; "not found" is std::nullopt. Lists are ordered by id. Used by one thread at a
// time (the app layer serializes access with the store mutex).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/matching/host_matching.hpp"
#include "core/roster/model.hpp"

namespace lingyan::core::ports {

using roster::Id;

struct PoolRecord {
    Id id = 0;
    std::string name;          // 兴村特岗书记
    Id scope_unit_id = 0;      // the unit whose managers own the pool
    int quota = 0;
    std::string rules_json;    // eligibility rules as JSON text (app/pool_rules_json.hpp)
    std::string description;
    std::string created_by;
    std::string created_at;
};

struct PoolTownQuotaRecord {
    Id pool_id = 0;
    Id town_id = 0;
    int quota = 0;
};

struct MembershipRecord {
    Id id = 0;
    Id pool_id = 0;
    Id person_id = 0;
    Id town_id = 0;
    std::string state;  // core::training::MemberStateName
    std::string nominated_on;
    std::string override_reason;
};

// One state change of a membership (the first is the nomination, from == to == "nominated").
struct MemberEventRecord {
    Id id = 0;
    Id membership_id = 0;
    std::string from_state;
    std::string to_state;
    std::string date;
    std::string note;
    std::string by;
    std::string at;
};

// One step on the ladder: person holds `post` at `level` from `effective_date`.
struct LadderStepRecord {
    Id id = 0;
    Id person_id = 0;
    std::string post;
    int level = 1;
    std::string effective_date;
    std::string reason;
    std::string recorded_by;  // username ("" for steps written before migration 7)
    std::string recorded_at;
};

// One yearly bonus pool split (奖金池分配) of a unit for a period, with its lines.
struct BonusSplitRecord {
    Id id = 0;
    Id unit_id = 0;
    std::string period;  // e.g. "2024"
    std::int64_t pool_fen = 0;
    double total_weight = 0;
    std::string as_of;        // the date the levels were read on
    std::string summary;      // core::training::BonusSplit::summary
    std::string created_by;
    std::string created_at;
};

struct BonusLineRecord {
    Id split_id = 0;
    int line_no = 0;  // 1-based, the split's order
    Id person_id = 0;
    std::string name;
    std::string post;
    int level = 1;
    std::string grade;  // 优秀/称职/基本称职/不称职
    double level_weight = 0, coefficient = 0, weight = 0;
    std::int64_t amount_fen = 0;
    std::string arithmetic;
};

struct ProgramRecord {
    Id id = 0;
    std::string name;
    std::string kind;  // shadow (跟岗培育), cohort (定制村干班), demonstration, secondment
    Id scope_unit_id = 0;
    std::string start_date;
    std::string end_date;
    std::string description;
    std::string created_by;
    std::string created_at;
};

struct BatchRecord {
    Id id = 0;
    Id program_id = 0;
    std::string name;  // 第一批
    std::string start_date;
    std::string end_date;
};

// A person enrolled in a batch, with the unit they come from (the matching uses its profile).
struct EnrollmentRecord {
    Id batch_id = 0;
    Id person_id = 0;
    Id unit_id = 0;
};

// A unit that receives trainees of a program, with how many at once and its default mentor.
struct ProgramHostRecord {
    Id program_id = 0;
    Id unit_id = 0;
    int capacity = matching::kDefaultHostCapacity;
    Id mentor_person_id = 0;  // 0 = none
};

struct PlacementRow {
    Id id = 0;
    Id program_id = 0;
    Id batch_id = 0;
    Id person_id = 0;
    Id trainee_unit_id = 0;
    Id host_unit_id = 0;
    Id mentor_person_id = 0;
    std::string start_date;
    std::string end_date;
    std::string focus;             // focus areas joined by "、": 特色产业、人居环境、农文旅、基层治理
    std::string assessment_grade;  // the mentor's assessment: 优秀/称职/… ("" = not yet)
    std::string assessment_text;
    std::string summary_text;      // the trainee's summary ("" = not yet)
    std::string summary_date;
};

struct SeminarRecord {
    Id id = 0;
    Id program_id = 0;
    Id batch_id = 0;  // 0 = the whole program
    std::string date;
    std::string topic;
    std::string location;
};

struct AttendanceRecord {
    Id seminar_id = 0;
    Id person_id = 0;
    bool present = false;
};

// An action item a trainee committed to after returning, checked at `months` (3 or 6) after the
// placement's end.
struct FollowUpRecord {
    Id id = 0;
    Id placement_id = 0;
    std::string item;
    int months = 3;
    std::string due_date;
    std::string status;  // open, done
    std::string note;
    std::string done_on;
};

struct AgreementRecord {
    Id id = 0;
    Id program_id = 0;  // 0 = not tied to a program
    Id unit_a = 0;      // the trainee's unit
    Id unit_b = 0;      // the host
    std::string title;
    std::string content;
    std::string signed_on;
    std::string status;  // draft, signed, ended
};

class TrainingStore {
public:
    virtual ~TrainingStore() = default;

    virtual Id InsertPool(const PoolRecord& p) = 0;
    virtual std::optional<PoolRecord> FindPool(Id id) = 0;
    virtual std::vector<PoolRecord> ListPools() = 0;
    virtual void SetTownQuota(const PoolTownQuotaRecord& q) = 0;
    virtual std::vector<PoolTownQuotaRecord> ListTownQuotas(Id pool_id) = 0;

    virtual Id InsertMembership(const MembershipRecord& m) = 0;
    virtual void UpdateMembership(const MembershipRecord& m) = 0;  // state, override_reason by id
    virtual std::vector<MembershipRecord> ListMemberships(Id pool_id) = 0;
    virtual Id InsertMemberEvent(const MemberEventRecord& e) = 0;
    virtual std::vector<MemberEventRecord> ListMemberEvents(Id pool_id) = 0;

    virtual Id InsertLadderStep(const LadderStepRecord& s) = 0;
    virtual std::vector<LadderStepRecord> ListLadderSteps(Id person_id) = 0;  // by effective date
    // Every step of every person, by person, effective date and id.
    virtual std::vector<LadderStepRecord> ListAllLadderSteps() = 0;
    // The steps of these people, by person, effective date and id.
    virtual std::vector<LadderStepRecord> ListLadderStepsOfPeople(const std::vector<Id>& person_ids) = 0;

    virtual Id InsertBonusSplit(const BonusSplitRecord& b) = 0;
    virtual void InsertBonusLine(const BonusLineRecord& l) = 0;
    virtual std::optional<BonusSplitRecord> FindBonusSplit(Id id) = 0;
    virtual std::vector<BonusSplitRecord> ListBonusSplits() = 0;
    virtual std::vector<BonusLineRecord> ListBonusLines(Id split_id) = 0;  // by line_no
    virtual void DeleteBonusSplit(Id id) = 0;  // with its lines

    virtual Id InsertProgram(const ProgramRecord& p) = 0;
    virtual std::optional<ProgramRecord> FindProgram(Id id) = 0;
    virtual std::vector<ProgramRecord> ListPrograms() = 0;
    // Updates name, kind, dates and description by id.
    virtual void UpdateProgram(const ProgramRecord& p) = 0;
    // Deletes the program with its batches, enrollments and hosts (the app refuses a program
    // that still has placements, seminars or agreements).
    virtual void DeleteProgram(Id id) = 0;
    virtual Id InsertBatch(const BatchRecord& b) = 0;
    virtual std::vector<BatchRecord> ListBatches(Id program_id) = 0;
    virtual void InsertEnrollment(const EnrollmentRecord& e) = 0;
    virtual std::vector<EnrollmentRecord> ListEnrollments(Id program_id) = 0;
    virtual void UpsertHost(const ProgramHostRecord& h) = 0;
    virtual std::vector<ProgramHostRecord> ListHosts(Id program_id) = 0;

    virtual Id InsertPlacement(const PlacementRow& p) = 0;
    // Updates host, mentor, dates, focus, assessment and summary fields by id.
    virtual void UpdatePlacement(const PlacementRow& p) = 0;
    // Deletes the placement and its follow-ups.
    virtual void DeletePlacement(Id id) = 0;
    virtual std::vector<PlacementRow> ListPlacements(Id program_id) = 0;
    virtual std::vector<PlacementRow> ListPlacementsOfPeople(const std::vector<Id>& person_ids) = 0;

    virtual Id InsertSeminar(const SeminarRecord& s) = 0;
    virtual std::vector<SeminarRecord> ListSeminars(Id program_id) = 0;
    virtual void InsertAttendance(const AttendanceRecord& a) = 0;
    virtual std::vector<AttendanceRecord> ListAttendance(Id program_id) = 0;

    virtual Id InsertFollowUp(const FollowUpRecord& f) = 0;
    virtual void UpdateFollowUp(const FollowUpRecord& f) = 0;  // status, note, done_on by id
    virtual std::vector<FollowUpRecord> ListFollowUps(Id program_id) = 0;

    virtual Id InsertAgreement(const AgreementRecord& a) = 0;
    virtual std::vector<AgreementRecord> ListAgreements(Id program_id) = 0;
    // Updates title, content, signed_on and status by id.
    virtual void UpdateAgreement(const AgreementRecord& a) = 0;
    virtual void DeleteAgreement(Id id) = 0;
};

}  // namespace lingyan::core::ports
