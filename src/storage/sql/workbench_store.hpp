#pragma once
// SqlWorkbenchStore: core::ports::WorkbenchStore over an SqlDb (SQLite or PostgreSQL), as a ModuleStore
// (storage/db/module_store.hpp: the SqlStore's connection and transaction). Read-only grouped COUNT queries.

#include "core/ports/workbench_store.hpp"
#include "storage/db/module_store.hpp"

namespace lingyan::storage {

class SqlWorkbenchStore final : public core::ports::WorkbenchStore, private ModuleStore {
public:
    using ModuleStore::ModuleStore;
    std::vector<core::ports::UnitCount> PendingPointsByUnit() override;
    std::vector<core::ports::UnitCount> OpenCampaignFollowUpsByUnit() override;
    std::vector<core::ports::UnitCount> DuePlacementFollowUpsByUnit(const std::string& due_by) override;
    std::vector<core::ports::UnitCount> PoolMembersByScope(const std::string& state) override;
    std::vector<core::ports::UnitCount> RunningProgramsByScope(const std::string& today) override;
    OwnDeclarations DeclarationsOfUser(core::roster::Id user_id) override;
    std::int64_t OpenJudgeSeatsOfUser(core::roster::Id user_id) override;

private:
    std::vector<core::ports::UnitCount> Counts(const char* sql, const std::vector<SqlValue>& params = {});
};

}  // namespace lingyan::storage
