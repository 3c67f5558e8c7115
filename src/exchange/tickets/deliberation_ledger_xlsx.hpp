#pragma once
// 议事堂台账 (behind app::TicketFiles::deliberations_xlsx): the 百姓议事堂 records a list shows, one row
// each — date, the village, topic, who took part, what was decided, the tickets raised from it with
// their state, and who recorded it.

#include <string>
#include <vector>

#include "app/tickets/ticket_service.hpp"

namespace lingyan::exchange::tickets {

std::string DeliberationLedgerXlsx(const std::vector<app::DeliberationView>& records);

}  // namespace lingyan::exchange::tickets
