#pragma once
// The columns of the roster file (.xlsx and .csv alike), in template order. The importer, the
// template, the people export and docs/roster-import.md all follow this table; when adding a
// column, also update the parser (roster_import.cpp), the exporter, the app's RosterImportColumns
// (app/roster/roster_service.hpp) and the document.

#include <array>
#include <string_view>

#include "exchange/xlsx/writer.hpp"

namespace lingyan::exchange::roster {

enum class RosterColumn {
    kName,
    kGender,
    kBirthDate,
    kEducation,
    kPartyJoinDate,
    kIdNumber,
    kPhone,
    kUnitCode,
    kTitle,
    kStartDate,
    kReserveCadre,
    kPersonKey,
};
inline constexpr std::size_t kRosterColumnCount = 12;

struct RosterColumnSpec {
    RosterColumn column;
    std::string_view header;  // Chinese header as it must appear in row 1
    bool required;
    std::string_view format;   // what the cell may contain (for the 说明 sheet)
    std::string_view example;  // example value in the template
    double width;              // template column width
    xlsx::ColumnKind kind;
};

inline constexpr std::array<RosterColumnSpec, kRosterColumnCount> kRosterColumns{{
    {RosterColumn::kName, "姓名", true, "文字，不超过30个字", "张晓明", 10, xlsx::ColumnKind::kGeneral},
    {RosterColumn::kGender, "性别", true, "男 或 女", "男", 6, xlsx::ColumnKind::kGeneral},
    {RosterColumn::kBirthDate, "出生日期", true,
     "YYYY-MM-DD、YYYY/M/D、YYYY年M月D日 或 Excel 日期；只知年月时写 1985.06 或 1985年6月", "1985-06-15", 12,
     xlsx::ColumnKind::kDate},
    {RosterColumn::kEducation, "学历", true, "初中及以下 / 高中 / 中专 / 大专 / 本科 / 研究生（中专按高中统计）",
     "本科", 10, xlsx::ColumnKind::kGeneral},
    {RosterColumn::kPartyJoinDate, "入党日期", false, "日期，非党员留空；须晚于出生日期", "2008-07-01", 12,
     xlsx::ColumnKind::kDate},
    {RosterColumn::kIdNumber, "身份证号", false,
     "18位居民身份证号（末位可为 X），请设为文本格式；须与出生日期、性别一致", "320681198506150033", 21,
     xlsx::ColumnKind::kText},
    {RosterColumn::kPhone, "手机号", false, "11位手机号，以1开头", "13800138000", 14, xlsx::ColumnKind::kText},
    {RosterColumn::kUnitCode, "单位代码", true, "12位统计用区划代码（所在村/社区/镇街），须已在系统中", "320681102201",
     15, xlsx::ColumnKind::kText},
    {RosterColumn::kTitle, "职务", false, "如 书记、副书记、委员、主任；无职务留空", "书记", 10,
     xlsx::ColumnKind::kGeneral},
    {RosterColumn::kStartDate, "任职日期", false, "日期；填写时须同时填写职务", "2021-01-20", 12,
     xlsx::ColumnKind::kDate},
    {RosterColumn::kReserveCadre, "后备干部", false, "是 或 否，留空按“否”", "否", 10, xlsx::ColumnKind::kGeneral},
    {RosterColumn::kPersonKey, "人员编号", false,
     "系统中的人员编号，由导出文件带出，用来更新已有人员；新增人员留空，请勿修改", "", 10,
     xlsx::ColumnKind::kGeneral},
}};

inline constexpr const RosterColumnSpec& RosterColumnInfo(RosterColumn column) {
    return kRosterColumns[static_cast<std::size_t>(column)];
}

}  // namespace lingyan::exchange::roster
