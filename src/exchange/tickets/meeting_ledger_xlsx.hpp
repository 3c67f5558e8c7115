#pragma once
// 会议台账 (behind app::TicketFiles::meetings_xlsx): the meetings a list shows, one row each — date,
// kind, title, organizing unit, leaders and participants, how many issues it assigned and how many
// of them are closed, and the minutes.

#include <string>
#include <vector>

#include "app/tickets/ticket_service.hpp"

namespace lingyan::exchange::tickets {

std::string MeetingLedgerXlsx(const std::vector<app::MeetingView>& meetings);

}  // namespace lingyan::exchange::tickets
