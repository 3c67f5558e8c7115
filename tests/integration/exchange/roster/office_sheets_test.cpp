// Spreadsheets as Chinese offices make them (issue 16), read by the roster and units importers:
// the committed fixtures in tests/fixtures/sheets/ (made by make_fixtures.sh with openpyxl 3.0,
// LibreOffice 7.4, Gnumeric 1.12, and GBK/BOM CSVs as Excel for Chinese Windows writes them),
// and small files built here for the cases around them.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "exchange/common/file_io.hpp"
#include "exchange/common/text_encoding.hpp"
#include "exchange/roster/roster_import.hpp"
#include "exchange/roster/unit_sheet.hpp"
#include "exchange/xlsx/reader.hpp"
#include "integration/exchange/common/exchange_test_util.hpp"

namespace lingyan::exchange::roster {
namespace {

using testing::TempDir;

std::string Fixture(const std::string& name) { return ReadFile(std::string(LINGYAN_FIXTURES) + "/sheets/" + name); }

std::string Dump(const RosterParse& parse) {
    std::string out;
    for (const RowError& e : parse.errors) out += e.sheet + ":" + std::to_string(e.row) + ":" + e.field + ": " + e.message + "\n";
    return out;
}

const RowError* ErrorAt(const RosterParse& parse, std::uint32_t row, const std::string& field) {
    for (const RowError& error : parse.errors)
        if (error.row == row && error.field == field) return &error;
    ADD_FAILURE() << "no error at row " << row << " field " << field << "\n" << Dump(parse);
    return nullptr;
}

bool HasNote(const RosterParse& parse, const std::string& part) {
    return std::any_of(parse.notes.begin(), parse.notes.end(),
                       [&](const std::string& note) { return note.find(part) != std::string::npos; });
}

// Item 1: Excel's GBK CSV whose 身份证号 column was General: "3.20483E+17", rounded digits —
// also when the rounded number's check digit happens to fit — are refused with the .xlsx message.
TEST(OfficeSheets, ExcelGbkCsvRefusesIdNumbersExcelTurnedIntoNumbers) {
    const RosterParse parse = ParseRoster(Fixture("roster_excel_gbk.csv"), "roster_excel_gbk.csv");
    EXPECT_TRUE(HasNote(parse, "GBK")) << parse.notes.size();
    for (std::uint32_t row : {2u, 3u, 4u}) {
        const RowError* error = ErrorAt(parse, row, "身份证号");
        ASSERT_NE(error, nullptr);
        EXPECT_NE(error->message.find("存成了数字"), std::string::npos) << error->message;
        EXPECT_NE(error->message.find("文本"), std::string::npos) << error->message;
    }
    EXPECT_EQ(parse.errors.size(), 3u) << Dump(parse);
    ASSERT_EQ(parse.rows.size(), 1u);  // the row whose number ends in X was text all along
    EXPECT_EQ(parse.rows[0].person.name, "赵六");
    EXPECT_EQ(parse.rows[0].person.id_number.size(), 18u);
}

// Item 11: Gnumeric writes exact 18-digit integers; LibreOffice writes doubles. Whether digits
// were lost is read from the cell's text, not its type.
TEST(OfficeSheets, NumberCellsKeepTheirIdWhenTheTextHasEveryDigit) {
    const RosterParse gnumeric = ParseRoster(Fixture("ids_gnumeric.xlsx"), "ids_gnumeric.xlsx");
    ASSERT_EQ(gnumeric.rows.size(), 1u) << Dump(gnumeric);
    EXPECT_EQ(gnumeric.rows[0].person.id_number, "320482198506155016");
    EXPECT_EQ(gnumeric.rows[0].unit_code, "320481003202");  // a number cell too
    // 320483199210108000: 15 digits and zeros — what Excel leaves — is refused even from Gnumeric.
    EXPECT_NE(ErrorAt(gnumeric, 3, "身份证号")->message.find("存成了数字"), std::string::npos);

    const RosterParse libreoffice = ParseRoster(Fixture("ids_libreoffice.xlsx"), "ids_libreoffice.xlsx");
    EXPECT_TRUE(libreoffice.rows.empty()) << Dump(libreoffice);
    for (std::uint32_t row : {2u, 3u})
        EXPECT_NE(ErrorAt(libreoffice, row, "身份证号")->message.find("存成了数字"), std::string::npos);
}

// Items 4 and 9: headers typed with Alt+Enter and padding, full-width digits, names padded with
// U+3000, a trailing ideographic space after a code — all read as meant.
TEST(OfficeSheets, WrappedAndSpacedHeadersAndFullWidthDigitsReadAsMeant) {
    const RosterParse parse = ParseRoster(Fixture("roster_excel_utf8_bom.csv"), "roster_excel_utf8_bom.csv");
    ASSERT_TRUE(parse.ok()) << Dump(parse);
    ASSERT_EQ(parse.rows.size(), 2u);
    EXPECT_TRUE(parse.columns[static_cast<std::size_t>(RosterColumn::kIdNumber)]);
    EXPECT_TRUE(parse.columns[static_cast<std::size_t>(RosterColumn::kPartyJoinDate)]);
    EXPECT_TRUE(parse.columns[static_cast<std::size_t>(RosterColumn::kPhone)]);
    const auto& liu = parse.rows[0];
    EXPECT_EQ(liu.person.name, "刘洋");
    EXPECT_EQ(liu.person.phone, "13912345678");
    EXPECT_EQ(liu.person.party_join_date, "1998-07-01");
    EXPECT_EQ(liu.person.id_number.size(), 18u);
    EXPECT_EQ(parse.rows[1].person.name, "周敏");
    EXPECT_EQ(parse.rows[1].person.phone, "13800138001");
    EXPECT_EQ(parse.rows[1].unit_code, "320481003202");
}

TEST(OfficeSheets, AColumnThatMatchesNothingIsRefusedWithItsHeaderNeverDropped) {
    const std::string csv =
        "姓名,性别,出生日期,学历,单位代码,民族,籍贯,序号,备注\n"
        "张三,男,1985-06-15,本科,320481003202,汉族,江苏,1,\n";
    const RosterParse parse = ParseRoster(csv, "r.csv");
    ASSERT_EQ(parse.errors.size(), 1u) << Dump(parse);
    EXPECT_EQ(parse.errors[0].row, 1u);
    EXPECT_NE(parse.errors[0].message.find("“民族”（F 列）"), std::string::npos) << parse.errors[0].message;
    EXPECT_NE(parse.errors[0].message.find("“籍贯”（G 列）"), std::string::npos);
    EXPECT_EQ(parse.errors[0].message.find("序号”"), std::string::npos);  // explanatory columns are fine

    const RosterParse unheaded = ParseRoster("姓名,性别,出生日期,学历,单位代码\n张三,男,1985-06-15,本科,320481003202,13900000000\n", "r.csv");
    ASSERT_EQ(unheaded.errors.size(), 1u) << Dump(unheaded);
    EXPECT_NE(unheaded.errors[0].message.find("F 列没有列名"), std::string::npos) << unheaded.errors[0].message;
}

// Items 5, 8 and 10, for each producer: the first visible sheet with the roster header is read
// (not the instructions sheet, not the hidden old roster), the 单位代码 merged down I3:I7 is
// filled and said so, and birth months as offices write them are kept as months.
TEST(OfficeSheets, WorkbooksFromOpenpyxlLibreOfficeAndGnumericImport) {
    for (const char* name : {"roster_openpyxl.xlsx", "roster_libreoffice.xlsx", "roster_gnumeric.xlsx"}) {
        SCOPED_TRACE(name);
        const RosterParse parse = ParseRoster(Fixture(name), name);
        ASSERT_TRUE(parse.ok()) << Dump(parse);
        EXPECT_EQ(parse.sheet, "洑家村");
        EXPECT_EQ(parse.header_row, 2u);
        EXPECT_TRUE(HasNote(parse, "读取了工作表“洑家村”"));
        EXPECT_TRUE(HasNote(parse, "填表说明"));
        EXPECT_TRUE(HasNote(parse, "I3:I7"));
        ASSERT_EQ(parse.rows.size(), 5u);
        for (const auto& row : parse.rows) {
            EXPECT_EQ(row.unit_code, "320481003202") << row.row;
            EXPECT_NE(row.person.name.find("旧人员"), 0u);
        }
        EXPECT_EQ(parse.rows[0].person.name, "刘洋");
        EXPECT_EQ(parse.rows[0].person.birth_date, "1976-05-15");  // the month, with the day from the ID
        EXPECT_EQ(parse.rows[1].person.name, "王芳");
        EXPECT_EQ(parse.rows[1].person.birth_date, "1992-10");  // 1992年10月: a month, stored as one
        EXPECT_EQ(parse.rows[1].person.phone, "13912345678");   // full-width digits
        EXPECT_EQ(parse.rows[2].person.birth_date, "1992-10");  // 1992/10
        EXPECT_EQ(parse.rows[3].person.birth_date, "1984-04-04");  // 30776 in a General cell
        EXPECT_EQ(parse.rows[4].person.birth_date, "1980-03-02");
        EXPECT_EQ(parse.rows[4].person.phone, "13700137000");
        EXPECT_EQ(parse.rows[0].title, "书记");
        EXPECT_EQ(parse.rows[0].start_date, "2021-01-20");
    }
    const std::string bytes = Fixture("roster_libreoffice.xlsx");
    const auto book = xlsx::Workbook::Open(bytes);
    ASSERT_EQ(book.sheets().size(), 3u);
    EXPECT_TRUE(book.sheets()[1].hidden);
    EXPECT_FALSE(book.sheets()[2].hidden);
}

TEST(OfficeSheets, ALegacyXlsIsRefusedOnceInChineseWithHowToSaveAsXlsx) {
    try {
        ParseRoster(Fixture("roster_legacy.xls"), "roster_legacy.xls");
        FAIL() << "an .xls was read";
    } catch (const FileError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("另存为"), std::string::npos) << message;
        EXPECT_NE(message.find("*.xlsx"), std::string::npos) << message;
        EXPECT_EQ(message.find("cannot"), std::string::npos) << message;
        EXPECT_EQ(message.find("无法读取"), std::string::npos) << message;  // said once, not prefixed
    }
    // Many systems' "导出 Excel" is an HTML table named .xls.
    try {
        ParseRoster("<html><table><tr><td>姓名</td></tr></table></html>", "导出.xls");
        FAIL() << "HTML was read";
    } catch (const FileError& e) {
        EXPECT_NE(std::string(e.what()).find("HTML"), std::string::npos) << e.what();
    }
}

// Item 8: rows count from 1 — a problem of the whole file names row 1, never row 0.
TEST(OfficeSheets, ProblemsOfTheWholeFileNameRowOneNotZero) {
    for (const char* csv : {"", "\n\n", "张三,男,1985-06-15,本科,320481003202\n", "\xFF\xFE\x00"}) {
        const RosterParse parse = ParseRoster(std::string(csv, csv[0] == '\xFF' ? 3 : std::char_traits<char>::length(csv)), "r.csv");
        ASSERT_FALSE(parse.errors.empty());
        for (const RowError& e : parse.errors) EXPECT_GE(e.row, 1u) << e.message;
    }
}

// Item 10: the forms of 出生年月 that are unambiguous are taken (a month stays a month); the rest
// are refused with an example of what is accepted.
TEST(OfficeSheets, BirthMonthsAsOfficesWriteThem) {
    struct Case {
        const char* text;
        const char* stored;  // nullptr: refused
    };
    const Case cases[] = {
        {"1976.05", "1976-05"},   {"1976.5", "1976-05"},     {"1976-05", "1976-05"},   {"1992/10", "1992-10"},
        {"1992年10月", "1992-10"}, {"197605", "1976-05"},     {"30776", "1984-04-04"},  {"1976.05.15", "1976-05-15"},
        {"1976.1", nullptr},      {"76.05", nullptr},        {"05/15/1976", nullptr},  {"1976", nullptr},
        {"1976.13", nullptr},     {"3077", nullptr},         {"1976年", nullptr},
    };
    for (const Case& c : cases) {
        const std::string csv = std::string("姓名,性别,出生年月,学历,单位代码\n张三,男,") + c.text + ",本科,320481003202\n";
        const RosterParse parse = ParseRoster(csv, "r.csv");
        if (c.stored) {
            ASSERT_EQ(parse.rows.size(), 1u) << c.text << "\n" << Dump(parse);
            EXPECT_EQ(parse.rows[0].person.birth_date, c.stored) << c.text;
        } else {
            ASSERT_EQ(parse.errors.size(), 1u) << c.text;
            EXPECT_EQ(parse.errors[0].field, "出生日期");
            EXPECT_NE(parse.errors[0].message.find("1985"), std::string::npos) << parse.errors[0].message;
        }
    }
}

// Item 2: one encoding detection for every CSV import — the units import reads GBK too, and
// UTF-16 with or without a byte-order mark.
TEST(OfficeSheets, TheUnitsImportDecodesGbkCsvAndNamesItsSheet) {
    const app::UnitsSheet sheet = ReadUnitsSheet(Fixture("units_excel_gbk.csv"), "units_excel_gbk.csv");
    ASSERT_TRUE(sheet.problems.empty()) << sheet.problems[0].message;
    EXPECT_EQ(sheet.sheet, "units_excel_gbk");
    ASSERT_EQ(sheet.units.size(), 2u);
    EXPECT_EQ(sheet.units[0].name, "洑家村");
    EXPECT_EQ(sheet.units[1].parent_code, "320481003000");
    // Only four columns: the others are absent (unchanged on update), not zero.
    EXPECT_FALSE(sheet.units[0].economy);
    EXPECT_FALSE(sheet.units[0].population);
    EXPECT_FALSE(sheet.units[0].area_km2);
}

TEST(OfficeSheets, DecodeTextReadsTheEncodingsOfficeFilesComeIn) {
    const std::string text = "姓名,单位编码\n张三,320481003202\n";
    const auto utf8 = DecodeText(text);
    ASSERT_TRUE(utf8);
    EXPECT_EQ(utf8->encoding, TextEncoding::kUtf8);
    const auto bom = DecodeText("\xEF\xBB\xBF" + text);
    ASSERT_TRUE(bom);
    EXPECT_EQ(bom->text, text);
    const auto gbk = DecodeText(Fixture("units_excel_gbk.csv"));
    ASSERT_TRUE(gbk);
    EXPECT_EQ(gbk->encoding, TextEncoding::kGb18030);
    EXPECT_EQ(gbk->text.substr(0, 12), "单位编码");
    // UTF-16LE as Excel's "Unicode 文本" saves it: a byte-order mark, then two bytes a character.
    std::string utf16 = "\xFF\xFE";
    for (char16_t c : std::u16string(u"姓名,单位编码\n张三,1\n")) {
        utf16.push_back(static_cast<char>(c & 0xFF));
        utf16.push_back(static_cast<char>(c >> 8));
    }
    const auto le = DecodeText(utf16);
    ASSERT_TRUE(le);
    EXPECT_EQ(le->encoding, TextEncoding::kUtf16Le);
    EXPECT_EQ(le->text, "姓名,单位编码\n张三,1\n");
    const auto bomless = DecodeText(utf16.substr(2));
    ASSERT_TRUE(bomless);
    EXPECT_EQ(bomless->text, le->text);
    EXPECT_FALSE(DecodeText(std::string("\x81\x20\x81\x20", 4)));  // no encoding reads these bytes
}

// Items 2 and 4 for the units sheet: normalized headers, aliases of the export's names, unknown
// columns refused.
TEST(OfficeSheets, UnitsSheetHeadersAreNormalizedAndUnknownColumnsRefused) {
    const app::UnitsSheet sheet = ReadUnitsSheet(
        "单位代码,\"单位\n名称\",上级代码,类  型,面积（平方公里）,人口,上级单位,干部人数\n"
        "320481003202,洑家村,320481003000,村,0.9,\"3,100\",戴埠镇,5\n",
        "u.csv");
    ASSERT_TRUE(sheet.problems.empty()) << sheet.problems[0].message;
    ASSERT_EQ(sheet.units.size(), 1u);
    EXPECT_EQ(sheet.units[0].code, "320481003202");
    EXPECT_EQ(sheet.units[0].population, 3100);
    EXPECT_DOUBLE_EQ(*sheet.units[0].area_km2, 0.9);
    const app::UnitsSheet bad = ReadUnitsSheet("单位编码,单位名称,上级编码,类型,负责人\n", "u.csv");
    ASSERT_EQ(bad.problems.size(), 1u);
    EXPECT_NE(bad.problems[0].message.find("“负责人”"), std::string::npos) << bad.problems[0].message;
}

}  // namespace
}  // namespace lingyan::exchange::roster
