#pragma once
// 导入荣誉 (behind app::HonourFiles::read_sheet and template_xlsx): a past list of titles, one row per
// holder — the first visible sheet whose header (within its first ten rows) names 荣誉称号; columns in
// any order, also as their usual other names —
//   获得者 | 身份证号 | 单位 | 荣誉称号 | 级别 | 年度 | 文号
// 单位, 荣誉称号, 级别 (省级/市级/区县级/镇街级), 年度 and 文号 are required; 获得者 blank (or the unit's
// name) is the unit's own honour; 身份证号 tells same-named people apart. The register's own export
// (荣誉库.xlsx) has the same headers (its 来源, 登记人 and 登记时间 are not read). Every bad cell is
// reported with its row and column; a file that is no .xlsx, or has more than kHonoursMaxRows rows,
// is refused as a whole: an `invalid` error naming "file".

#include <string>
#include <string_view>

#include "app/honours/honour_service.hpp"

namespace lingyan::exchange::honours {

core::Result<app::HonoursSheet> ReadHonoursSheet(std::string_view bytes);

// The columns, an example row and a sheet of instructions.
std::string HonoursTemplate();

}  // namespace lingyan::exchange::honours
