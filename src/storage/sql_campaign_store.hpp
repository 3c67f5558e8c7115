#pragma once
// SqlCampaignStore: core::ports::CampaignStore over an SqlDb (SQLite or PostgreSQL). It shares
// the connection of the SqlStore it is built from, so its statements run inside a transaction
// opened with SqlStore::Begin(); it opens none itself. All SQL is parameterized and lives in
// sql_campaign_store.cpp as named constants. Not thread-safe, like the connection.

#include "core/ports/campaign_store.hpp"
#include "storage/sql_db.hpp"

namespace lingyan::storage {

class SqlCampaignStore final : public core::ports::CampaignStore {
public:
    explicit SqlCampaignStore(SqlDb& db) : db_(db) {}

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

    std::vector<core::ports::FactRecord> ListFacts(core::ports::Id campaign_id) override;
    core::ports::Id InsertFact(const core::ports::FactRecord& f) override;
    void UpdateFact(const core::ports::FactRecord& f) override;
    void DeleteFact(core::ports::Id id) override;

    void InsertResult(const core::ports::ResultSnapshot& r) override;
    std::optional<core::ports::ResultSnapshot> LatestResult(core::ports::Id campaign_id) override;

private:
    SqlDb& db_;
};

}  // namespace lingyan::storage
