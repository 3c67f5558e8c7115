#pragma once
// The demo's talent pipeline (`lingyan serve --demo`), after the seed articles: the Nantong →
// Suzhou 跟岗培育 program (48 village/community secretaries in two batches, of 23 and 25, at twelve
// Suzhou hosts — 善港村, 北联村, 灵湖村, 北门大街社区 and 花园村 from the article, the others said to be
// invented in the description — each with a mentor and 3 places per batch; weekly seminars with
// attendance; summaries, assessments and follow-ups; 45 signed pairing agreements) and the 薪火计划
// pools 标杆书记 20, 兴村特岗书记 40 and 青年尖兵村干 70 with a few members. The program's dates are
// relative to the day the demo starts (the second batch ended about six months before), never in
// the future. Nantong needs 60 units (48 trainees and a dozen for the next batch); the ones the demo
// roster lacks are added as synthetic villages under its Nantong towns, the invented hosts under
// Suzhou towns, with incomes up to last year. Nothing is read from disk. Idempotent: does nothing
// when the program already exists.

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

// 四岗十五级: grades every current team member of the units under `root` (villages and communities
// only when `villages_only`) as `actor`, on `start`, one level per step of years held by then, the
// post by the title (书记, then 副书记/主任, then the others); `note` is appended to the reason
// ("初定（任职 N 年<note>）"). A person graded already is left alone. Throws when a change is refused.
void GradeLadder(app::RosterService& roster, app::LadderService& ladder, const app::Actor& actor, core::roster::Id root,
                 const std::string& start, bool villages_only, const std::string& note);

inline constexpr const char* kDemoCountyProgramName = "姜堰区镇村年轻干部雁阵队伍跟岗锻炼";

// 姜堰区's own 跟岗 program (the `county` account's day's work), after seed 002: 大伦镇 "打造了45名
// 镇村年轻干部雁阵队伍" and the 星伦计划 "补齐年轻干部知识弱项、能力短板、经验盲区". The article does
// not describe a 跟岗 arrangement; the program (its hosts, batches and pairings) is the demo's, and
// its description says so. Young village cadres (35 or under) of 姜堰's weaker villages shadow the
// secretaries of its five strongest villages (2 places each per batch), in two one-month batches
// relative to today: the first ended two months ago (placed, seminars held, summaries in, two
// assessments still to record), the second is running (started nine days ago, one seminar held,
// two trainees still to place). Created as the `county` account. Returns the placements made (0
// when already loaded). Throws std::runtime_error if 姜堰区, its villages or young cadres are missing.
int LoadDemoCountyTraining(core::ports::Store& store, app::RosterService& roster, app::ProgramService& programs,
                           const core::ports::Clock& clock);

}  // namespace lingyan::demo
