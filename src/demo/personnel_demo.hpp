#pragma once
// The demo's personnel decisions and 躺平奖 nominations (`lingyan serve --demo`), after the seed
// articles: from 三好创争 "选拔重用14人、晋升职级2人" — a few of those decisions, each citing its
// ground (appointments of cadres of the 好班子 winners, the two promotions of the best 好班长, a
// reward, a reminder talk for the last team), a 兴村特岗书记 "优先推荐为村书记" appointment from
// the talent pool (its position written into the roster), and nominated 躺平奖 cadres: two named by
// a 姜堰 town (one confirmed by the county, one waiting for its review) and one by the demo town
// account (临湖镇), which also records a reward and a talk for its village secretaries on last
// year's village campaign (LoadDemoTownIndicators); and 姜堰区's own talent pool (镇村年轻干部雁阵队伍,
// seed 002) with members in training and one nominated. Idempotent: does nothing when decisions exist.

#include <mutex>

#include "app/evaluation/campaign_service.hpp"
#include "app/personnel/decision_service.hpp"
#include "app/personnel/nomination_service.hpp"
#include "app/roster/roster_service.hpp"
#include "app/training/pool_service.hpp"
#include "core/ports/store.hpp"

namespace lingyan::demo {

// Requires the demo campaigns (LoadDemoCampaigns, LoadDemoPersonCampaigns) and pools
// (LoadDemoTraining). Returns the number of decisions recorded (0 when already loaded). Throws
// std::runtime_error when a step is refused.
int LoadDemoPersonnel(core::ports::Store& store, core::ports::StoreMutex& store_mutex, app::DecisionService& decisions,
                      app::NominationService& nominations, app::CampaignService& campaigns, app::PoolService& pools,
                      const app::RosterService& roster);

}  // namespace lingyan::demo
