#pragma once
// The demo's talent pipeline (`lingyan serve --demo`), after the seed articles: the Nantong →
// Suzhou 跟岗培育 program (48 village/community secretaries in two batches of 24 at Suzhou hosts
// such as 善港村, 北联村 and 灵湖村, each with a mentor; weekly seminars with attendance; summaries,
// assessments and follow-ups; 45 signed pairing agreements) and the 薪火计划 pools 标杆书记 20,
// 兴村特岗书记 40 and 青年尖兵村干 70 with a few members. Nantong needs 48 trainee units; the ones the
// demo roster lacks are added as synthetic villages under its existing Nantong towns. Nothing is
// read from disk. Idempotent: does nothing when the program already exists.

#include <string>

#include "app/roster/roster_service.hpp"
#include "app/training/ladder_service.hpp"
#include "app/training/pool_service.hpp"
#include "app/training/program_service.hpp"
#include "core/ports/store.hpp"

namespace lingyan::demo {

inline constexpr const char* kDemoProgramName = "南通市优秀村（社区）书记赴苏州跟岗培育";

// Requires the demo roster (LoadDemo) and a reloaded RosterService; reloads it after adding
// units. Returns the number of placements created (0 when already loaded). Throws
// std::runtime_error if the demo roster lacks 南通市 or the Suzhou hosts, or a step is refused.
int LoadDemoTraining(core::ports::Store& store, app::RosterService& roster, app::PoolService& pools, app::ProgramService& programs,
                     app::LadderService& ladder,
                     const core::ports::Clock& clock);

}  // namespace lingyan::demo
