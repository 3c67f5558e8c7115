#pragma once
// SqlProjectStore: core::ports::ProjectStore over an SqlDb (SQLite or PostgreSQL), as a ModuleStore
// (storage/db/module_store.hpp: the SqlStore's connection and transaction).

#include "core/ports/project_store.hpp"
#include "storage/db/module_store.hpp"

namespace lingyan::storage {

class SqlProjectStore final : public core::ports::ProjectStore, private ModuleStore {
public:
    using ModuleStore::ModuleStore;

    core::roster::Id InsertProject(const core::projects::Project& p) override;
    void UpdateProject(const core::projects::Project& p) override;
    std::optional<core::projects::Project> FindProject(core::roster::Id id) override;
    std::vector<core::projects::Project> ListProjects() override;
    core::roster::Id InsertMilestone(const core::projects::Milestone& m) override;
    void SetMilestoneDone(core::roster::Id milestone_id, const std::string& done_on) override;
    std::vector<core::projects::Milestone> ListMilestones(core::roster::Id project_id) override;
    std::vector<core::projects::Milestone> ListAllMilestones() override;
    core::roster::Id InsertClaim(const core::projects::Claim& c) override;
    void UpdateClaim(const core::projects::Claim& c) override;
    std::vector<core::projects::Claim> ListClaims(core::roster::Id project_id) override;
    core::roster::Id InsertReport(const core::projects::Report& r) override;
    std::vector<core::projects::Report> ListReports(core::roster::Id project_id) override;
    void AppendEvent(const core::ports::ProjectEvent& e) override;
    std::vector<core::ports::ProjectEvent> ListEvents(core::roster::Id project_id) override;
    bool HasNotification(core::roster::Id user_id, const std::string& kind, core::roster::Id project_id,
                         const std::string& since) override;
};

}  // namespace lingyan::storage
