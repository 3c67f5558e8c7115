#pragma once
// 交办台账 (behind app::TicketFiles::ledger_xlsx): the tickets of a list's filters, one row each, as an
// office keeps its ledger in Excel — source, matter, where and by whom raised, the handling unit and
// leader, the dates and deadline, the state and supervision colour, and how it was closed. The
// raiser's phone number is not written: the ledger is passed around; the number stays in lingyan.

#include <string>

#include "app/tickets/ticket_service.hpp"

namespace lingyan::exchange::tickets {

std::string LedgerXlsx(const app::TicketListPage& page);

}  // namespace lingyan::exchange::tickets
