#pragma once
// The demo's projects: 书记项目 of 姜堰区's towns (seed 002) — one per town, started about 80 working
// days before the demo's start day, with three milestones and progress reports with figures, in every
// state of supervision (completed, on track, red, yellow) — plus a 班长示范项目 and a 班副争先项目,
// feeding a draft 书记项目 campaign of 姜堰区 whose subjects are those projects; and 揭榜挂帅 in
// 张家港市 (seed 001) published by the city, and by the demo town 临湖镇 for its villages, with claims
// in each state (open, waiting for the office, refused and published again, confirmed and running,
// completed), and one in 姜堰区 waiting for the county. The demo `secretary` (灵湖村) reports on a confirmed one and may claim an
// open one; `town` and `county` each have a claim to confirm. Nothing is dated after the start day.
// Idempotent: does nothing when projects exist.

#include <mutex>

#include "app/evaluation/campaign_service.hpp"
#include "app/projects/project_service.hpp"
#include "app/roster/roster_service.hpp"
#include "core/ports/project_store.hpp"
#include "core/ports/store.hpp"
#include "core/ports/ticket_store.hpp"

namespace lingyan::demo {

// Requires the demo roster (LoadDemo) and a reloaded RosterService; `campaigns` must find projects
// through `projects` (the composition wires it). Returns how many projects it created. Throws
// std::runtime_error if a step is refused.
int LoadDemoProjects(core::ports::Store& store, core::ports::ProjectStore& project_store,
                     core::ports::TicketStore& tickets, core::ports::StoreMutex& store_mutex, const core::ports::Clock& clock,
                     app::RosterService& roster, app::CampaignService& campaigns);

}  // namespace lingyan::demo
