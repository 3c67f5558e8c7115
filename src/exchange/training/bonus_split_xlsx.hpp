#pragma once
// The bonus pool split as a workbook (behind app::LadderFiles): one line per person with the
// arithmetic of the amount. Amounts are fen; cells show yuan.

#include <string>

#include "app/training/ladder_service.hpp"

namespace lingyan::exchange::training {

std::string BonusSplitXlsx(const app::BonusSplitView& split);

}  // namespace lingyan::exchange::training
