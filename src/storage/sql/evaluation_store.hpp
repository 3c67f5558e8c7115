#pragma once
// SqlCampaignStore: core::ports::CampaignStore over an SqlDb (SQLite or PostgreSQL), as a ModuleStore
// (storage/db/module_store.hpp: the SqlStore's connection and transaction).

#include "core/ports/evaluation_store.hpp"
#include "storage/db/module_store.hpp"

namespace lingyan::storage {

class SqlCampaignStore final : public core::ports::CampaignStore, private ModuleStore {
public:
    using ModuleStore::ModuleStore;

    core::ports::Id InsertFramework(const std::string& name, const std::string& created_by,
                                    const std::string& created_at) override;
    core::ports::Id InsertFrameworkVersion(const core::ports::FrameworkVersionRecord& v) override;
    std::optional<core::ports::FrameworkVersionRecord> FindFrameworkVersion(core::ports::Id id) override;

    core::ports::Id InsertCampaign(const core::ports::CampaignRecord& c) override;
    void UpdateCampaign(const core::ports::CampaignRecord& c) override;
    std::optional<core::ports::CampaignRecord> FindCampaign(core::ports::Id id) override;
    std::vector<core::ports::CampaignRecord> ListCampaigns() override;

    core::ports::Id InsertSubject(const core::ports::CampaignSubjectRecord& s) override;
    std::vector<core::ports::CampaignSubjectRecord> ListSubjects(core::ports::Id campaign_id) override;
    void UpdateSubjectTrack(core::ports::Id subject_id, const std::string& track) override;

    void ReplaceTracks(core::ports::Id campaign_id, const std::vector<core::ports::TrackRecord>& tracks) override;
    std::vector<core::ports::TrackRecord> ListTracks(core::ports::Id campaign_id) override;
    void ReplaceBands(core::ports::Id campaign_id, const std::vector<core::ports::BandRecord>& bands) override;
    std::vector<core::ports::BandRecord> ListBands(core::ports::Id campaign_id) override;
    void ReplaceOwners(core::ports::Id campaign_id, const std::vector<core::ports::OwnerRecord>& owners) override;
    std::vector<core::ports::OwnerRecord> ListOwners(core::ports::Id campaign_id) override;

    core::ports::Id InsertFollowUp(const core::ports::CampaignFollowUpRecord& f) override;
    void UpdateFollowUp(const core::ports::CampaignFollowUpRecord& f) override;
    std::vector<core::ports::CampaignFollowUpRecord> ListFollowUps(core::ports::Id campaign_id) override;

    void UpsertTarget(const core::ports::MetricTargetRecord& t) override;
    void UpsertActual(const core::ports::MetricActualRecord& a) override;
    void DeleteTarget(core::ports::Id unit_id, const std::string& metric, int year) override;
    void DeleteActual(core::ports::Id unit_id, const std::string& metric, int year, int month) override;
    std::vector<core::ports::MetricTargetRecord> ListTargets(const std::string& metric, int year) override;
    std::vector<core::ports::MetricActualRecord> ListActuals(const std::string& metric, int from_year,
                                                             int to_year) override;
    std::vector<std::string> ListMetrics() override;

    std::vector<core::ports::FactRecord> ListFacts(core::ports::Id campaign_id) override;
    core::ports::Id InsertFact(const core::ports::FactRecord& f) override;
    void UpdateFact(const core::ports::FactRecord& f) override;
    void DeleteFact(core::ports::Id id) override;

    void InsertResult(const core::ports::ResultSnapshot& r) override;
    std::optional<core::ports::ResultSnapshot> LatestResult(core::ports::Id campaign_id) override;
};

}  // namespace lingyan::storage
