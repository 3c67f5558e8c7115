#pragma once
// 人事决定台账 (behind app::PersonnelFiles::decisions_xlsx): the decisions of a list's filters, one row
// each — date, kind, the person and their unit when decided, what was decided, its ground, the
// document number, who recorded it and when.

#include <string>
#include <vector>

#include "app/personnel/decision_service.hpp"

namespace lingyan::exchange::personnel {

std::string DecisionLedgerXlsx(const std::vector<app::DecisionView>& decisions);

}  // namespace lingyan::exchange::personnel
