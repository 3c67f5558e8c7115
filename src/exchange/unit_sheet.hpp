#pragma once
// The division list (区划表) for bulk unit import: one unit a row with the header
// 单位编码 | 单位名称 | 上级编码 | 类型 [| 经济类型 | 人口 | 面积], as .xlsx (first sheet) or UTF-8 .csv.
// Reading never stops at the first problem: it returns every row's problems with the line and
// column, and the rows it could read. Throws XlsxError for an .xlsx that cannot be read.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "exchange/evaluation_xlsx.hpp"

namespace lingyan::exchange {

struct SheetUnit {
    std::uint32_t line = 0;
    std::string code, name, parent_code, kind, economy;
    std::int64_t population = 0;
    double area_km2 = 0;
};

struct UnitsSheet {
    std::vector<SheetUnit> units;
    std::vector<SheetProblem> problems;
};

// `filename` decides the format: *.csv is CSV, anything else .xlsx.
UnitsSheet ReadUnitsSheet(std::string_view bytes, std::string_view filename);

// The template: the header and the caller's own unit as an example parent.
std::string WriteUnitsTemplate(const std::string& parent_code, const std::string& parent_name);

}  // namespace lingyan::exchange
