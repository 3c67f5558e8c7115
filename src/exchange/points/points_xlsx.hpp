#pragma once
// The points module's workbooks (behind app::PointsFiles): a leaderboard page and the public
// display (公示: the approved events and the ranking). Points are hundredths; cells show points.
// MakePointsFiles adds the 积分细则 workbook (rules_sheet.hpp).

#include <string>

#include "app/points/points_files.hpp"
#include "app/points/points_service.hpp"

namespace lingyan::exchange::points {

std::string LeaderboardXlsx(const app::LeaderboardPage& page);
std::string PublicityXlsx(const app::Publicity& pub);

app::PointsFiles MakePointsFiles();

}  // namespace lingyan::exchange::points
