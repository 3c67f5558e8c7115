#pragma once
// TrainingFiles: the training module's workbooks as the use cases see them. The exchange layer
// provides them (exchange/training/) at composition.

#include <functional>
#include <string>
#include <vector>

namespace lingyan::app {

struct BonusSplitView;   // ladder_service.hpp
struct PoolMemberSheet;  // pool_service.hpp
struct ProgramDetail;    // program_service.hpp
struct ProgramSummary;   // program_service.hpp

struct TrainingFiles {
    std::function<std::string(const BonusSplitView&)> bonus_split_xlsx;
    std::function<std::string(const PoolMemberSheet&)> pool_members_xlsx;
    std::function<std::string(const ProgramDetail&)> placements_xlsx;
    std::function<std::string(const std::vector<ProgramSummary>&)> programs_xlsx;
};

}  // namespace lingyan::app
