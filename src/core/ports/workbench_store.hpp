#pragma once
// The workbench's counts (工作台): grouped COUNT queries over the tables of other modules, one
// row per unit, so that the app sums the rows inside the caller's scope with the region tree
// instead of listing records. Implemented by storage/sql/workbench_store.

#include <cstdint>
#include <string>
#include <vector>

#include "core/roster/model.hpp"

namespace lingyan::core::ports {

struct UnitCount {
    roster::Id unit_id = 0;
    std::int64_t count = 0;
};

class WorkbenchStore {
public:
    virtual ~WorkbenchStore() = default;
    // Points declarations waiting for a decision, by the member's unit.
    virtual std::vector<UnitCount> PendingPointsByUnit() = 0;
    // Open follow-ups (整改) of evaluation campaigns, by the subject's unit.
    virtual std::vector<UnitCount> OpenCampaignFollowUpsByUnit() = 0;
    // Open follow-up items of training placements due on or before `due_by` (YYYY-MM-DD), by the trainee's unit.
    virtual std::vector<UnitCount> DuePlacementFollowUpsByUnit(const std::string& due_by) = 0;
    // Talent-pool members in `state` (nominated, in_training, …), by the pool's scope unit.
    virtual std::vector<UnitCount> PoolMembersByScope(const std::string& state) = 0;
    // Training programs running on `today`, by scope unit.
    virtual std::vector<UnitCount> RunningProgramsByScope(const std::string& today) = 0;
    // A member account's own declarations: how many pending, approved and rejected.
    struct OwnDeclarations {
        bool linked = false;  // the account is a points member
        std::int64_t pending = 0, approved = 0, rejected = 0;
    };
    virtual OwnDeclarations DeclarationsOfUser(roster::Id user_id) = 0;
    // Contests not finished in which the account holds a judge's seat.
    virtual std::int64_t OpenJudgeSeatsOfUser(roster::Id user_id) = 0;
};

}  // namespace lingyan::core::ports
