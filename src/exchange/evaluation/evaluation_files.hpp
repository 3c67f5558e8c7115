#pragma once
// The evaluation module's file formats behind app::EvaluationFiles and app::IndicatorFiles:
// FRAMEWORK.json (framework_json), the facts and indicators workbooks (evaluation_xlsx) and the
// award list workbook.

#include "app/evaluation/campaign_service.hpp"
#include "app/evaluation/evaluation_files.hpp"
#include "app/indicators/indicator_files.hpp"

namespace lingyan::exchange {

// The award list, the whole ranking (with tracks and bands) and the negative list.
std::string AwardsXlsx(const app::Board& board);

app::EvaluationFiles MakeEvaluationFiles();
app::IndicatorFiles MakeIndicatorFiles();

}  // namespace lingyan::exchange
