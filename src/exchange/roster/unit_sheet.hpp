#pragma once
// The division list (区划表) for bulk unit import: one unit a row with the header
// 单位编码 | 单位名称 | 上级编码 | 类型 [| 经济类型 | 人口 | 面积], as .xlsx (first sheet) or UTF-8 .csv.
// Reading never stops at the first problem: it returns every row's problems with the line and
// column, and the rows it could read. Throws XlsxError for an .xlsx that cannot be read.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/roster/roster_files.hpp"

namespace lingyan::exchange {

using app::SheetProblem;
using app::SheetUnit;
using app::UnitsSheet;

// `filename` decides the format: *.csv is CSV, anything else .xlsx.
UnitsSheet ReadUnitsSheet(std::string_view bytes, std::string_view filename);

// The template: the header and the caller's own unit as an example parent.
std::string WriteUnitsTemplate(const std::string& parent_code, const std::string& parent_name);

}  // namespace lingyan::exchange
