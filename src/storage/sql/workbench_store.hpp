#pragma once
// SqlWorkbenchStore: core::ports::WorkbenchStore over an SqlDb (SQLite or PostgreSQL), as a ModuleStore
// (storage/db/module_store.hpp: the SqlStore's connection and transaction). Read-only grouped COUNT queries.
//
// The grouped counts (the same rows for every caller; each caller sums those of its scope) are kept
// for up to kMaxAge while this process writes nothing (SqlDb::WriteGeneration, app/common/kept.hpp):
// under 200 users the workbench no longer asks the database five queries per request. A write here
// makes the next read fresh; another server's write shows within kMaxAge. Thread-safe (readers
// share the store mutex).

#include <chrono>
#include <string>

#include "app/common/kept.hpp"
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

    static constexpr std::chrono::milliseconds kMaxAge{1000};

private:
    std::vector<core::ports::UnitCount> Counts(const char* sql, const std::vector<SqlValue>& params = {});

    app::Kept<std::string, std::vector<core::ports::UnitCount>> kept_{kMaxAge.count()};  // by statement and parameters
};

}  // namespace lingyan::storage
