#pragma once
// The arena module's workbook (behind app::ArenaFiles::results_xlsx): the ranking with titles,
// and every contestant's sheet — each judge's values and total, normalized score, what was
// dropped, recused or voided (with why).

#include <string>

#include "app/arena/arena_service.hpp"

namespace lingyan::exchange::arena {

std::string ResultsXlsx(const app::ContestResults& results);

}  // namespace lingyan::exchange::arena
