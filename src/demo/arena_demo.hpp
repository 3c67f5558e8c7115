#pragma once
// The demo's arena contest (`lingyan serve --demo`), after Keqiao's yearly 村社党组织书记领雁擂台赛:
// the officer account `keqiao` (柯桥区委组织部, county role, scope 柯桥区) hosts a public contest,
// ready to run, of ten village and community secretaries from 柯桥's towns. The score sheet is a
// 50/50 mix of the stage (现场陈述 40 + 现场答辩 10, seven judges, highest and lowest dropped) and
// a pre-scored site inspection (实地察看 50, already entered); judges recuse from contestants of
// their own town; the best three become 区级金牌书记. Seven judge seats come from seven towns; the
// first belongs to the demo `judge` account, the others join by link. The results feed the 擂台赛
// criterion (zf_arena) of a 柯桥区 四好书记 campaign. The Keqiao towns and villages the demo roster
// lacks are added (synthetic secretaries; no real person's data). Idempotent.

#include <mutex>
#include <string>
#include <vector>

#include "app/arena/arena_service.hpp"
#include "app/evaluation/campaign_service.hpp"
#include "app/roster/roster_service.hpp"
#include "core/ports/store.hpp"
#include "demo/demo.hpp"

namespace lingyan::demo {

inline constexpr const char* kDemoArenaHost = "keqiao";
// The judge seats' labels of the demo contests, seat 1 first.
inline constexpr const char* kDemoSeatLabels[] = {"评委一", "评委二", "评委三", "评委四", "评委五", "评委六", "评委七"};

// The contest's name for a year: "2025年柯桥区村社党组织书记领雁擂台赛".
std::string DemoContestName(int year);

// The open 四好书记 campaign `name` of `year` in the host's scope with the secretaries as its subjects
// (the campaign a contest's 擂台赛评委打分 criterion feeds), created as `host` when missing; its id.
core::roster::Id SihaoCampaign(app::CampaignService& campaigns, const app::Actor& host, const std::string& name,
                               int year, const std::vector<core::roster::Id>& secretaries);

// Requires the demo roster (LoadDemo) and a reloaded RosterService. Takes `store_mutex` for its
// own writes (so that it may run while a server is up). Returns the account it adds (for the
// startup banner), also when already loaded. Throws std::runtime_error if a step is refused.
std::vector<DemoAccount> LoadDemoArena(core::ports::Store& store, core::ports::StoreMutex& store_mutex,
                                       const core::ports::Crypto& crypto, const core::ports::Clock& clock,
                                       app::RosterService& roster, app::CampaignService& campaigns,
                                       app::ArenaService& arena);

}  // namespace lingyan::demo
