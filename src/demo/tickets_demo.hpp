#pragma once
// The demo's closed loop (交办 → 督办 → 查办), after Zhangjiagang's 书记讲给书记听 and 一条龙 mechanism
// (seed 001) and Liyang's 民情 visits and 百姓议事堂 (seed 003): a year up to the demo's start day of
// quarterly 书记讲给书记听 (张家港市), monthly 工作例会 (临湖镇 — the demo town — and 杨舍镇), seminars and
// 点调会 — 30+ meetings with 350+ items assigned to their towns and villages and walked through their
// lives day by day on the working-day calendar (most closed; the latest still open in every
// colour; a few sent back or reopened after an unhappy call-back); a 姜堰区 工作例会 for the county
// account; and Liyang 民情 raised by the demo `member` account at 塘马村, with a 议事堂 record.
// The demo's `town` (临湖镇 office), `secretary` (灵湖村) and `member` accounts each have work of
// their own. Nothing is dated after the start day. Idempotent: does nothing when meetings exist.

#include <mutex>

#include "app/roster/roster_service.hpp"
#include "core/ports/store.hpp"
#include "core/ports/ticket_store.hpp"

namespace lingyan::demo {

// Requires the demo roster (LoadDemo) and a reloaded RosterService. Takes `store_mutex` for its
// writes. Returns how many tickets it created. Throws std::runtime_error if a step is refused.
int LoadDemoTickets(core::ports::Store& store, core::ports::TicketStore& tickets, core::ports::StoreMutex& store_mutex,
                    const core::ports::Clock& clock, app::RosterService& roster);

}  // namespace lingyan::demo
