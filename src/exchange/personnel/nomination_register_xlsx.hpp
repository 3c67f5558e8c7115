#pragma once
// 躺平奖提名台账 (behind app::PersonnelFiles::nominations_xlsx): the nominations of a list's filters,
// one row each — year, the nominee with unit and post, category, reason and evidence, state, who
// nominated and when, who reviewed, when and why.

#include <string>
#include <vector>

#include "app/personnel/nomination_service.hpp"

namespace lingyan::exchange::personnel {

std::string NominationRegisterXlsx(const std::vector<app::NominationView>& nominations);

}  // namespace lingyan::exchange::personnel
