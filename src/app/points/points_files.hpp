#pragma once
// PointsFiles: the points module's workbooks as the use cases see them. The exchange layer
// provides them (exchange/points/points_xlsx.hpp) at composition.

#include <functional>
#include <string>

namespace lingyan::app {

struct LeaderboardPage;  // points_service.hpp
struct Publicity;        // points_service.hpp

struct PointsFiles {
    std::function<std::string(const LeaderboardPage&)> leaderboard_xlsx;
    std::function<std::string(const Publicity&)> publicity_xlsx;
};

}  // namespace lingyan::app
