#pragma once
// SqlTrainingStore: core::ports::TrainingStore over an SqlDb (SQLite or PostgreSQL), as a ModuleStore
// (storage/db/module_store.hpp: the SqlStore's connection and transaction).

#include "core/ports/training_store.hpp"
#include "storage/db/module_store.hpp"

namespace lingyan::storage {

class SqlTrainingStore final : public core::ports::TrainingStore, private ModuleStore {
public:
    using ModuleStore::ModuleStore;

    core::ports::Id InsertPool(const core::ports::PoolRecord& p) override;
    std::optional<core::ports::PoolRecord> FindPool(core::ports::Id id) override;
    std::vector<core::ports::PoolRecord> ListPools() override;
    void SetTownQuota(const core::ports::PoolTownQuotaRecord& q) override;
    std::vector<core::ports::PoolTownQuotaRecord> ListTownQuotas(core::ports::Id pool_id) override;

    core::ports::Id InsertMembership(const core::ports::MembershipRecord& m) override;
    void UpdateMembership(const core::ports::MembershipRecord& m) override;
    std::vector<core::ports::MembershipRecord> ListMemberships(core::ports::Id pool_id) override;
    core::ports::Id InsertMemberEvent(const core::ports::MemberEventRecord& e) override;
    std::vector<core::ports::MemberEventRecord> ListMemberEvents(core::ports::Id pool_id) override;

    core::ports::Id InsertLadderStep(const core::ports::LadderStepRecord& s) override;
    std::vector<core::ports::LadderStepRecord> ListLadderSteps(core::ports::Id person_id) override;
    std::vector<core::ports::LadderStepRecord> ListAllLadderSteps() override;
    std::vector<core::ports::LadderStepRecord> ListLadderStepsOfPeople(
        const std::vector<core::ports::Id>& person_ids) override;
    core::ports::Id InsertBonusSplit(const core::ports::BonusSplitRecord& b) override;
    void InsertBonusLine(const core::ports::BonusLineRecord& l) override;
    std::optional<core::ports::BonusSplitRecord> FindBonusSplit(core::ports::Id id) override;
    std::vector<core::ports::BonusSplitRecord> ListBonusSplits() override;
    std::vector<core::ports::BonusLineRecord> ListBonusLines(core::ports::Id split_id) override;
    void DeleteBonusSplit(core::ports::Id id) override;

    core::ports::Id InsertProgram(const core::ports::ProgramRecord& p) override;
    std::optional<core::ports::ProgramRecord> FindProgram(core::ports::Id id) override;
    std::vector<core::ports::ProgramRecord> ListPrograms() override;
    void UpdateProgram(const core::ports::ProgramRecord& p) override;
    void DeleteProgram(core::ports::Id id) override;
    core::ports::Id InsertBatch(const core::ports::BatchRecord& b) override;
    std::vector<core::ports::BatchRecord> ListBatches(core::ports::Id program_id) override;
    void InsertEnrollment(const core::ports::EnrollmentRecord& e) override;
    std::vector<core::ports::EnrollmentRecord> ListEnrollments(core::ports::Id program_id) override;
    void UpsertHost(const core::ports::ProgramHostRecord& h) override;
    std::vector<core::ports::ProgramHostRecord> ListHosts(core::ports::Id program_id) override;

    core::ports::Id InsertPlacement(const core::ports::PlacementRow& p) override;
    void UpdatePlacement(const core::ports::PlacementRow& p) override;
    void DeletePlacement(core::ports::Id id) override;
    std::vector<core::ports::PlacementRow> ListPlacements(core::ports::Id program_id) override;
    std::vector<core::ports::PlacementRow> ListPlacementsOfPeople(
        const std::vector<core::ports::Id>& person_ids) override;

    core::ports::Id InsertSeminar(const core::ports::SeminarRecord& s) override;
    std::vector<core::ports::SeminarRecord> ListSeminars(core::ports::Id program_id) override;
    void InsertAttendance(const core::ports::AttendanceRecord& a) override;
    std::vector<core::ports::AttendanceRecord> ListAttendance(core::ports::Id program_id) override;

    core::ports::Id InsertFollowUp(const core::ports::FollowUpRecord& f) override;
    void UpdateFollowUp(const core::ports::FollowUpRecord& f) override;
    std::vector<core::ports::FollowUpRecord> ListFollowUps(core::ports::Id program_id) override;

    core::ports::Id InsertAgreement(const core::ports::AgreementRecord& a) override;
    std::vector<core::ports::AgreementRecord> ListAgreements(core::ports::Id program_id) override;
    void UpdateAgreement(const core::ports::AgreementRecord& a) override;
    void DeleteAgreement(core::ports::Id id) override;
};

}  // namespace lingyan::storage
