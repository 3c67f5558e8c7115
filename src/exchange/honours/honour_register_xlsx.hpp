#pragma once
// 荣誉库 as a workbook (behind app::HonourFiles::register_xlsx): the honours of a search, one row
// each (holder, unit, title, level, year, where it came from, document number, who entered it and
// when), and a second sheet counting each title at each level with its first year — "how many
// 金牌书记 a county has, since when".

#include <string>

#include "app/honours/honour_service.hpp"

namespace lingyan::exchange::honours {

std::string RegisterXlsx(const app::HonourPage& page);

}  // namespace lingyan::exchange::honours
