#pragma once
// The division list (区划表) for bulk unit import, and the one column set it shares with the units
// template and the units export: 单位编码 | 单位名称 | 上级编码 | 类型 [| 经济类型 | 开发区 | 临高速 |
// 人口 | 面积(平方公里) | 集体经营性收入(元) | 收入年度], in any order, as .xlsx (the first visible sheet
// with that header) or .csv in any encoding DecodeText reads. The export's read-only columns
// (上级单位, 干部人数, 党员人数) are accepted and ignored; any other unknown column is refused.
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

// `filename` decides the format: *.csv (or *.txt) is CSV, anything else .xlsx.
UnitsSheet ReadUnitsSheet(std::string_view bytes, std::string_view filename);

// The import's column headers in template order.
std::vector<std::string> UnitSheetHeaders();

// The template: the header and the caller's own unit as an example parent.
std::string WriteUnitsTemplate(const std::string& parent_code, const std::string& parent_name);

}  // namespace lingyan::exchange
