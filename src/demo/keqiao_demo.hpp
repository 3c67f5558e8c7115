#pragma once
// The day's work of the demo's two accounts outside 姜堰区 (`lingyan serve --demo`, issue 14 §3):
//
// `keqiao` (柯桥区委组织部, county role, 柯桥区) besides hosting the 领雁擂台赛 (arena_demo): last
// year's 区级金牌书记 in the honours register and their rewards, the 领雁书记 pool's 书记 appointed
// to head a 书记工作室, two 躺平奖 nominations by its towns (one confirmed, one waiting), a year of
// 星级制 points of 大渡社区's and 合心村's members (a few waiting for approval), a 擂台赛问题交办会 whose
// items run in every state (some reported, waiting for the office), a 民情 item to assign and a
// 百姓议事堂 record of 合心村, the 书记项目 of 合心村 (bamboo and tourism) and 大渡社区, a 跟岗
// program in which the contest's secretaries shadow 合心村 and 大渡社区, 四岗十五级 grades, and its
// towns' 开票销售 and 外资到账 by month (figures invented).
//
// `tangma` (the 书记 of 塘马村, 溧阳市戴埠镇, seed 003): last year's published 溧阳市 述职评议 of the
// village and community secretaries (its 书记 among the 优秀, registered as an honour) and a 戴埠镇
// 南山民宿党建联盟 work meeting with items for 塘马村 and 洑家村.
//
// What the articles do not say is invented and the records say so where they have a description
// (meeting minutes, project details, the program's description); people are synthetic; every date is
// relative to the day the demo starts and never after it. Idempotent: does nothing once loaded.

#include <mutex>

#include "app/evaluation/campaign_service.hpp"
#include "app/honours/honour_service.hpp"
#include "app/indicators/indicator_service.hpp"
#include "app/personnel/decision_service.hpp"
#include "app/personnel/nomination_service.hpp"
#include "app/points/points_service.hpp"
#include "app/roster/roster_service.hpp"
#include "app/training/ladder_service.hpp"
#include "app/training/pool_service.hpp"
#include "app/training/program_service.hpp"
#include "core/ports/project_store.hpp"
#include "core/ports/store.hpp"
#include "core/ports/ticket_store.hpp"

namespace lingyan::demo {

struct KeqiaoDemoServices {
    core::ports::Store& store;
    core::ports::StoreMutex& store_mutex;
    const core::ports::Clock& clock;
    app::RosterService& roster;
    app::CampaignService& campaigns;
    app::HonourService& honours;
    app::IndicatorService& metrics;
    app::DecisionService& decisions;
    app::NominationService& nominations;
    app::PointsService& points;
    core::ports::TicketStore& tickets;
    core::ports::ProjectStore& projects;
    app::PoolService& pools;
    app::ProgramService& programs;
    app::LadderService& ladder;
};

// Requires the rest of the demo (LoadDemoArena last). Returns how many records it created (0 when
// already loaded). Throws std::runtime_error when a step is refused.
int LoadDemoKeqiao(const KeqiaoDemoServices& s);

}  // namespace lingyan::demo
