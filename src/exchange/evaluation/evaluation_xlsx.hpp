#pragma once
// Evaluation spreadsheets: campaign facts and unit metrics as .xlsx, read and written.
//
// Facts, first sheet, one of two layouts (told apart by the header row):
//  - long, like INPUTS.csv: 考核对象 | 指标 | 键 | 值 [| 评委] (or subject, criterion, key, value,
//    judge), one fact a row;
//  - wide, the campaign's template: 考核对象 in column A, then one column per criterion and key
//    whose header ends with the code in brackets, e.g. "开票销售·完成值 [sales.actual]"; a blank
//    cell is no fact.
// Metrics, first sheet: 单位编码 | 单位名称 | 指标 | 年份 | 年度目标 | 1月 … 12月; blank cells are
// no value.
// Readers never stop at the first problem: they return every row's problems with the Excel
// line and column header, and the rows they could read. They throw XlsxError for a file that is
// not a readable .xlsx.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "app/common/row_errors.hpp"
#include "app/evaluation/evaluation_files.hpp"
#include "app/indicators/indicator_files.hpp"

namespace lingyan::exchange {

using app::FactColumn;
using app::FactsSheet;
using app::MetricsSheet;
using app::MetricTemplateRow;
using app::SheetFact;
using app::SheetMetric;
using app::SheetProblem;

FactsSheet ReadFactsWorkbook(std::string_view bytes);

// The wide template of a campaign: one row per subject (names in column A), current values
// filled in from `values` keyed by (subject name, criterion, key).
std::string WriteFactsTemplate(const std::vector<std::string>& subjects, const std::vector<FactColumn>& columns,
                               const std::map<std::tuple<std::string, std::string, std::string>, std::string>& values);

MetricsSheet ReadMetricsWorkbook(std::string_view bytes);

// The metrics template: one row per unit for `metric` and `year`, values to be filled in.
std::string WriteMetricsTemplate(const std::vector<MetricTemplateRow>& units, const std::string& metric, int year);

}  // namespace lingyan::exchange
