#pragma once
// The demo's day's work for the accounts of 姜堰区 (`county`), 临湖镇 (`town`, 吴中区) and 灵湖村
// (`secretary`) on the pages the modules' own demos leave empty: contests, tasks waiting for the
// office, 百姓议事堂 records, graded 四岗十五级 ladders and a town 跟岗 program. True to the articles
// where they speak (seed 002: 姜堰's 三好创争 ranks by 述比 — on-stage reports scored by judges; seed
// 000: 灵湖村 invests with 采莲村 and 前塘村); where they are silent the records are invented and say
// so (a contest's name cannot, so docs/用户手册.md does). People are the roster's synthetic ones;
// every date is relative to the day the demo starts and none is after it. Each loader is
// idempotent (does nothing when its first record exists) and runs after the modules' own demos.

#include <mutex>
#include <string>
#include <vector>

#include "app/arena/arena_service.hpp"
#include "app/evaluation/campaign_service.hpp"
#include "app/roster/roster_service.hpp"
#include "app/training/ladder_service.hpp"
#include "app/training/program_service.hpp"
#include "core/ports/arena_store.hpp"
#include "core/ports/store.hpp"
#include "core/ports/ticket_store.hpp"

namespace lingyan::demo {

// The contests' names for a year ("2025年姜堰区三好创争·好班长述比擂台赛" …).
std::string JiangyanLeaderContestName(int year);
std::string JiangyanSecretaryContestName(int year);
std::string LinhuContestName(int year);
inline constexpr const char* kLinhuProgramName = "临湖镇村级后备干部跟岗锻炼";

// Contests, after LoadDemoArena (the Keqiao contest keeps id 1) and the campaigns' demo:
// - 姜堰区, last year, finished: the 13 town party secretaries' 好班长 述比 (现场述职 60 + 现场答辩
//   40), seven judges from seven 姜堰 towns who recuse from their own town's secretary, highest and
//   lowest dropped; held on 18 December last year and its results reported (no campaign: last
//   year's 好班长 campaign is published already).
// - 姜堰区, this year, ready: the village and community secretaries' 四好书记 擂台赛, order drawn,
//   linked to a new open 姜堰区 四好书记 campaign (its 擂台赛评委打分 criterion), judges by link.
// - 临湖镇, last year, finished (invented): 灵湖村, 采莲村 and 前塘村's secretaries on 集体经济发展,
//   five town judges, the best one 镇级擂台赛优胜村书记 (in the honours register).
// Finished contests run on a clock of their day (a separate ArenaService over the same store),
// reports go through `arena` (titles to the honours register). Returns the contests created.
// Throws std::runtime_error if the roster lacks a unit or person, or a step is refused.
std::vector<std::string> LoadDemoLocalContests(core::ports::Store& store, core::ports::ArenaStore& arena_store,
                                               core::ports::StoreMutex& store_mutex, const core::ports::Crypto& crypto,
                                               const core::ports::Clock& clock, app::RosterService& roster,
                                               app::CampaignService& campaigns, app::ArenaService& arena);

// Tickets waiting for the office of 姜堰区 and of 临湖镇 (a report to verify, a call-back to make,
// a 民情 to assign) and 百姓议事堂 records of 灵湖村 (by the `secretary` account) and of 姜堰's 三里村,
// each with the item it decided. Returns the tickets created (0 when loaded already).
int LoadDemoLocalTickets(core::ports::Store& store, core::ports::TicketStore& tickets,
                         core::ports::StoreMutex& store_mutex, const core::ports::Clock& clock,
                         app::RosterService& roster);

// 四岗十五级 for the village cadres of 姜堰区 and 临湖镇 (graded on 1 January last year; the articles
// put the ladder in 张家港 only, so the reason says it is invented) and 临湖镇's own 跟岗 program:
// reserve cadres of 采莲村 and 前塘村 shadow 灵湖村's secretary, a finished batch (summaries and
// assessments in) and a running one. Returns the placements made (0 when loaded already).
int LoadDemoLocalTraining(core::ports::Store& store, app::RosterService& roster, app::ProgramService& programs,
                          app::LadderService& ladder, const core::ports::Clock& clock);

}  // namespace lingyan::demo
