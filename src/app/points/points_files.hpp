#pragma once
// PointsFiles: the points module's workbooks as the use cases see them. The exchange layer
// provides them (exchange/points/points_xlsx.hpp, exchange/points/rules_sheet.hpp) at composition.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "app/common/row_errors.hpp"
#include "core/common/result.hpp"
#include "core/ports/points_store.hpp"

namespace lingyan::app {

struct LeaderboardPage;  // points_service.hpp
struct Publicity;        // points_service.hpp

// One row of a 积分细则 workbook: a rule by its code, and whether it is in force (启用/停用).
struct SheetRule {
    std::uint32_t line = 0;  // Excel row number
    core::points::Rule rule;
    bool active = true;
};

struct RulesSheet {
    std::string sheet;  // the tab that was read
    std::vector<SheetRule> rules;
    std::vector<SheetProblem> problems;  // rows the reader could not take (each is reported, none written)
};

struct PointsFiles {
    std::function<std::string(const LeaderboardPage&)> leaderboard_xlsx;
    std::function<std::string(const Publicity&)> publicity_xlsx;
    // 积分细则: the catalog as a workbook whose columns the reader reads back (the export is the
    // import's template). The reader returns an `invalid` error naming "file" for a file it cannot
    // read at all, and otherwise every rule it could read with the problems of the other rows.
    std::function<std::string(const std::vector<core::ports::PointsRuleRecord>&)> rules_xlsx;
    std::function<core::Result<RulesSheet>(std::string_view bytes)> read_rules;
};

}  // namespace lingyan::app
