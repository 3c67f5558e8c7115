#include "exchange/roster/roster_export.hpp"

#include "exchange/roster/roster_fields.hpp"
#include "exchange/roster/roster_format.hpp"
#include "exchange/xlsx/writer.hpp"

namespace lingyan::exchange::roster {

namespace {

using xlsx::Column;
using xlsx::ColumnKind;

std::vector<Column> PeopleColumns() {
    std::vector<Column> columns;
    for (const RosterColumnSpec& spec : kRosterColumns) {
        columns.push_back(Column{std::string(spec.header), spec.width, spec.kind});
        if (spec.column == RosterColumn::kUnitCode) columns.push_back(Column{"单位名称", 18, ColumnKind::kGeneral});
    }
    return columns;
}

void WritePersonRow(xlsx::Writer& writer, std::size_t sheet, std::uint32_t row, const PersonExportRow& data,
                    bool mask_id) {
    const core::roster::Person& person = data.person;
    std::uint32_t col = 0;
    writer.WriteString(sheet, row, col++, person.name);
    writer.WriteString(sheet, row, col++, GenderLabel(person.gender));
    if (person.birth_date.size() == 7) {
        writer.WriteString(sheet, row, col++, person.birth_date);  // a month: 出生年月 1985-06
    } else {
        writer.WriteDate(sheet, row, col++, person.birth_date);
    }
    writer.WriteString(sheet, row, col++, EducationLabel(person.education));
    writer.WriteDate(sheet, row, col++, person.party_join_date);
    if (!person.id_number.empty()) {
        writer.WriteString(sheet, row, col, mask_id ? MaskIdNumber(person.id_number) : person.id_number);
    }
    ++col;
    if (!person.phone.empty()) writer.WriteString(sheet, row, col, person.phone);
    ++col;
    writer.WriteString(sheet, row, col++, data.unit_code);
    if (!data.unit_name.empty()) writer.WriteString(sheet, row, col, data.unit_name);
    ++col;
    if (!data.title.empty()) writer.WriteString(sheet, row, col, data.title);
    ++col;
    writer.WriteDate(sheet, row, col++, data.start_date);
    writer.WriteString(sheet, row, col++, person.reserve_cadre ? "是" : "否");
    if (person.id != 0) writer.WriteNumber(sheet, row, col, static_cast<double>(person.id));
}

}  // namespace

void WriteRosterTemplate(const std::string& path) {
    xlsx::Writer writer(path);
    std::vector<Column> columns;
    for (const RosterColumnSpec& spec : kRosterColumns) {
        columns.push_back(Column{std::string(spec.header), spec.width, spec.kind});
    }
    const std::size_t roster = writer.AddSheet("名册", columns);
    std::uint32_t col = 0;
    for (const RosterColumnSpec& spec : kRosterColumns) {
        if (spec.kind == ColumnKind::kDate)
            writer.WriteDate(roster, 2, col, spec.example);
        else if (!spec.example.empty())
            writer.WriteString(roster, 2, col, spec.example);
        ++col;
    }
    const std::size_t help = writer.AddSheet(
        "说明", {Column{"列名", 12}, Column{"是否必填", 10}, Column{"填写要求", 70}, Column{"示例", 22}});
    std::uint32_t row = 2;
    for (const RosterColumnSpec& spec : kRosterColumns) {
        writer.WriteString(help, row, 0, spec.header);
        writer.WriteString(help, row, 1, spec.required ? "必填" : "选填");
        writer.WriteString(help, row, 2, spec.format);
        writer.WriteString(help, row, 3, spec.example);
        ++row;
    }
    ++row;
    for (const char* note : {
             "1. 第一行为表头，列的顺序可以调整；列名中的空格、换行不影响识别。序号、单位名称、备注 等说明列会被忽略，"
             "其他不认识的列会被拒绝并列出，请删除或改为模板中的列名。",
             "2. 每行一人一个职务；示例行（第2行）请删除或替换后再导入。",
             "3. 身份证号、手机号、单位代码列请保持“文本”格式，否则 Excel 会把长数字改成科学计数法并丢掉末几位（导入会拒绝）。",
             "4. 导入时会检查所有行并列出每一个错误（工作表、行号、列名）；只要有一处错误，整个文件都不会导入。",
             "5. 单位代码须是系统中已有单位的12位代码；可从单位列表导出的表格中复制。",
             "6. 人员导出的表格可以修改后再导入：按“人员编号”（或完整的身份证号）找到已有人员并更新，不会重复新增；"
             "脱敏的身份证号保持原号码不变。表中没有的列保持原值，某列有而单元格为空则清空该项。",
             "7. 新增人员时，如名册中已有同名、同出生日期、同单位的人，会提示可能重复：是同一人请填写人员编号，不同的人请填写身份证号。",
         }) {
        writer.WriteString(help, row++, 0, note);
    }
    writer.Close();
}

void WritePeopleXlsx(const std::string& path, const std::vector<PersonExportRow>& rows, PeopleExportOptions options) {
    xlsx::Writer writer(path);
    const std::size_t sheet = writer.AddSheet("名册", PeopleColumns());
    std::uint32_t row = 2;
    for (const PersonExportRow& data : rows) WritePersonRow(writer, sheet, row++, data, options.mask_id_numbers);
    writer.Close();
}

void WriteUnitsXlsx(const std::string& path, const std::vector<UnitExportRow>& rows) {
    xlsx::Writer writer(path);
    const std::size_t sheet =
        writer.AddSheet("单位", {Column{"单位编码", 15, ColumnKind::kText}, Column{"单位名称", 20}, Column{"类型", 8},
                                 Column{"上级编码", 15, ColumnKind::kText}, Column{"上级单位", 20},
                                 Column{"经济类型", 10}, Column{"开发区", 8}, Column{"临高速", 8}, Column{"人口", 10},
                                 Column{"面积(平方公里)", 14}, Column{"干部人数", 10}, Column{"党员人数", 10},
                                 Column{"集体经营性收入(元)", 20}, Column{"收入年度", 10}});
    std::uint32_t row = 2;
    for (const UnitExportRow& data : rows) {
        const core::roster::Unit& unit = data.unit;
        std::uint32_t col = 0;
        if (!unit.code.empty()) writer.WriteString(sheet, row, col, unit.code);
        ++col;
        writer.WriteString(sheet, row, col++, unit.name);
        writer.WriteString(sheet, row, col++, core::roster::KindLabel(unit.kind));
        if (!data.parent_code.empty()) writer.WriteString(sheet, row, col, data.parent_code);
        ++col;
        if (!data.parent_name.empty()) writer.WriteString(sheet, row, col, data.parent_name);
        ++col;
        writer.WriteString(sheet, row, col++, core::roster::EconomyLabel(unit.economy));
        writer.WriteString(sheet, row, col++, unit.dev_zone ? "是" : "否");
        writer.WriteString(sheet, row, col++, unit.near_highway ? "是" : "否");
        writer.WriteNumber(sheet, row, col++, static_cast<double>(unit.population));
        writer.WriteNumber(sheet, row, col++, unit.area_km2);
        writer.WriteNumber(sheet, row, col++, static_cast<double>(data.people));
        writer.WriteNumber(sheet, row, col++, static_cast<double>(data.party_members));
        if (data.income_year) {
            writer.WriteNumber(sheet, row, col, static_cast<double>(data.income_yuan));
            writer.WriteNumber(sheet, row, col + 1, *data.income_year);
        }
        ++row;
    }
    writer.Close();
}

}  // namespace lingyan::exchange::roster
