#pragma once
// Writing roster workbooks: the import template, and exports of people and units that the
// platform fills from storage. People exports use the import columns (plus 单位名称), so a file
// exported with full ID numbers can be edited and imported again.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/roster/model.hpp"

namespace lingyan::exchange::roster {

// Writes the import template: sheet 名册 with the header and one example row, sheet 说明
// describing every column. Throws xlsx::XlsxError when the file cannot be written.
void WriteRosterTemplate(const std::string& path);

// One person in one position (a person with several positions is several rows; one without
// a position has an empty title).
struct PersonExportRow {
    core::roster::Person person;
    std::string unit_code;
    std::string unit_name;
    std::string title;
    std::string start_date;  // YYYY-MM-DD or empty
};

struct PeopleExportOptions {
    // ID numbers are masked (320102********1234) unless the caller may see them in full.
    bool mask_id_numbers = true;
};

// Writes sheet 名册 with the import columns in template order, 单位名称 after 单位代码.
// Throws xlsx::XlsxError.
void WritePeopleXlsx(const std::string& path, const std::vector<PersonExportRow>& rows,
                     PeopleExportOptions options = {});

struct UnitExportRow {
    core::roster::Unit unit;
    std::string parent_code;
    std::string parent_name;
    std::int64_t people = 0;         // people in office in the unit (not the subtree)
    std::int64_t party_members = 0;  // sum of its party organizations' member counts
    std::optional<int> income_year;  // latest collective operating income, if any
    std::int64_t income_yuan = 0;
};

// Writes sheet 单位 with 单位代码, 单位名称, 类型, 上级代码, 上级单位, 经济类型, 开发区, 临高速,
// 人口, 面积(平方公里), 干部人数, 党员人数, 集体经营性收入(元), 收入年度. Throws xlsx::XlsxError.
void WriteUnitsXlsx(const std::string& path, const std::vector<UnitExportRow>& rows);

}  // namespace lingyan::exchange::roster
