#pragma once
// 积分细则 as a workbook (behind app::PointsFiles::rules_xlsx / read_rules), one sheet "积分细则":
//   编码 | 名称 | 类别 | 分值 | 上限 | 需审核 | 佐证材料 | 状态
// The export writes every rule in this shape; the reader takes the first visible sheet whose
// header (within its first ten rows) names 编码, with columns in any order (after NormalizeHeader;
// 细则编码, 积分事项, 分数, 封顶 … are read as the same columns). 编码, 名称, 类别 and 分值 are
// required; 上限 blank = none, 需审核 blank = 是, 状态 blank = 启用. Points are read as points
// with at most two decimals. Every bad cell is reported with its row and column; a code written
// twice is reported on its second row. A file that is no .xlsx, or has more than
// kMaxRulesRows rules, is refused as a whole: an `invalid` error naming "file".

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "app/points/points_files.hpp"

namespace lingyan::exchange::points {

inline constexpr std::size_t kMaxRulesRows = 1000;

std::string RulesXlsx(const std::vector<core::ports::PointsRuleRecord>& rules);
core::Result<app::RulesSheet> ReadRulesSheet(std::string_view bytes);

}  // namespace lingyan::exchange::points
