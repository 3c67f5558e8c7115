#pragma once
// PersonnelFiles: the personnel module's workbooks as the use cases see them — the 人事决定台账 and
// the 躺平奖 提名台账. The exchange layer provides them (exchange/personnel/) at composition.

#include <functional>
#include <string>
#include <vector>

namespace lingyan::app {

struct DecisionView;    // decision_service.hpp
struct NominationView;  // nomination_service.hpp

struct PersonnelFiles {
    std::function<std::string(const std::vector<DecisionView>&)> decisions_xlsx;
    std::function<std::string(const std::vector<NominationView>&)> nominations_xlsx;
};

}  // namespace lingyan::app
