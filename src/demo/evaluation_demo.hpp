#pragma once
// The demo's evaluation campaigns (`lingyan serve --demo`): a finished (published) 三好创争 好班子
// campaign of last year (by the demo clock) for the 13 towns of 姜堰区 and a published 书记项目
// ranking of last year, with the facts of tests/fixtures/evaluate (seed 002's 2021 figures, carried
// to last year so that the demo looks current whatever day it starts) compiled into the binary
// (nothing is read from disk). Idempotent: a campaign that already exists (by name) is left alone.

#include <string>
#include <vector>

#include "app/evaluation/campaign_service.hpp"
#include "app/honours/honour_service.hpp"
#include "app/indicators/indicator_service.hpp"
#include "app/roster/roster_service.hpp"

namespace lingyan::demo {

// The titles of the demo's 姜堰区 campaigns; a campaign's name is "<cycle year>年度<title>".
inline constexpr const char* kDemoTeamCampaign = "三好创争·好班子（四强）";
inline constexpr const char* kDemoLeaderCampaign = "三好创争·好班长（四高）";
inline constexpr const char* kDemoDeputyCampaign = "三好创争·好班副（四优）";
inline constexpr const char* kDemoTrackCampaign = "镇街高质量发展晾晒（分赛道）";
std::string DemoCampaignName(int cycle_year, const char* title);

// The roster clock's year: the closed campaigns rank the year before it, the open ones this year.
int DemoYear(const app::RosterService& roster);

// Loads what is missing, as the demo admin; returns the names of the campaigns created (empty
// when all were there). Requires the demo roster (LoadDemo) and a reloaded RosterService.
// Throws std::runtime_error if the demo roster lacks 姜堰区 or a town, or the engine refuses.
std::vector<std::string> LoadDemoCampaigns(app::CampaignService& campaigns, const app::RosterService& roster);

// The 三好创争 campaigns whose subjects are people: a published 好班长 campaign of last year of the 13
// town party secretaries of 姜堰区 (facts generated, deterministic) and an open 好班副 campaign of this year of
// their deputies (镇长、人大主席、纪委书记、副镇长 — several per town), without facts yet. Idempotent
// like the above; returns the names created.
std::vector<std::string> LoadDemoPersonCampaigns(app::CampaignService& campaigns, const app::RosterService& roster);

// Unit metrics for 姜堰's towns (开票销售 and 外资到账: last year by month, this year's targets and
// its months before the current one — in January, the year before and last year) and a draft
// campaign of that year (DemoTrackCampaignName) that ranks the towns in two tracks
// (工业强镇 ×1.0, 农业特色镇 ×1.1) with bands (前20%/中间60%/后20%, the last followed up) and a
// 躺平奖, its sales and investment facts taken from the metrics. Also loads the demo town's
// (LoadDemoTownIndicators). Idempotent like the above.
std::string DemoTrackCampaignName(const app::RosterService& roster);
void LoadDemoIndicators(app::IndicatorService& metrics, app::CampaignService& campaigns, const app::RosterService& roster);

// The demo `town` account's unit (临湖镇).
inline constexpr const char* kDemoTown = "临湖镇";

// The name of 临湖镇's village campaign of `year`: the closed one (last year's) or the open one.
std::string DemoTownCampaignName(int year, bool closed);

// 临湖镇's work: 村集体经营性收入 of 灵湖村, 采莲村 and 前塘村 by month (the year before last, last year
// — summing to the incomes seed 000 states — and this year's months so far) with last year's and this
// year's targets; last year's village campaign scored from those metrics and the town's review and
// published (the ground of the town's personnel decisions), and this year's open, waiting for the
// town's party-building review. Idempotent.
void LoadDemoTownIndicators(app::IndicatorService& metrics, app::CampaignService& campaigns,
                            const app::RosterService& roster);

// The honours register (荣誉库) from the demo's published campaigns: each award's winners become
// its title in the campaign's year (county level for a county's campaign, town level for a
// town's), registered by the demo admin. Idempotent (a title is not registered twice); returns
// how many were new.
int LoadDemoHonours(app::HonourService& honours, app::CampaignService& campaigns, const app::RosterService& roster);

}  // namespace lingyan::demo
