#pragma once
// The tickets module's workbook (behind app::TicketFiles::stats_xlsx): the ranking of handling units
// (received, closed, on time, overdue, average working days to close, satisfaction and reopen rates)
// and the year's meetings with their items.

#include <string>

#include "app/tickets/ticket_service.hpp"

namespace lingyan::exchange::tickets {

std::string StatsXlsx(const app::TicketStats& stats);

}  // namespace lingyan::exchange::tickets
