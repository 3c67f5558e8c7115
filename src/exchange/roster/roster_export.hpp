#pragma once
// Writing roster workbooks: the import template, and exports of people and units that the
// platform fills from storage. People exports use the import columns (plus 单位名称) and carry
// 人员编号, so an exported file — ID numbers masked or not — can be edited and imported again to
// update the same people.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/roster/roster_files.hpp"
#include "core/roster/model.hpp"

namespace lingyan::exchange::roster {

// Writes the import template: sheet 名册 with the header and one example row, sheet 说明
// describing every column. Throws xlsx::XlsxError when the file cannot be written.
void WriteRosterTemplate(const std::string& path);

// One person in one position (a person with several positions is several rows; one without
// a position has an empty title). The person's id is written as 人员编号, which the import
// matches; 0 leaves it blank.
using app::PersonExportRow;

struct PeopleExportOptions {
    // ID numbers are masked (320102********1234) unless the caller may see them in full.
    bool mask_id_numbers = true;
};

// Writes sheet 名册 with the import columns in template order, 单位名称 after 单位代码, and
// 人员编号 last. Month-precision birth dates ("1985-06") are written as text.
// Throws xlsx::XlsxError.
void WritePeopleXlsx(const std::string& path, const std::vector<PersonExportRow>& rows,
                     PeopleExportOptions options = {});

using app::UnitExportRow;

// Writes sheet 单位 with 单位编码, 单位名称, 类型, 上级编码, 上级单位, 经济类型, 开发区, 临高速,
// 人口, 面积(平方公里), 干部人数, 党员人数, 集体经营性收入(元), 收入年度 — the import's columns and
// vocabulary, so that the file imports back. Throws xlsx::XlsxError.
void WriteUnitsXlsx(const std::string& path, const std::vector<UnitExportRow>& rows);

}  // namespace lingyan::exchange::roster
