#include "exchange/roster/roster_import.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "exchange/common/file_io.hpp"
#include "exchange/roster/roster_export.hpp"
#include "exchange/roster/roster_fields.hpp"
#include "exchange/xlsx/reader.hpp"
#include "exchange/xlsx/writer.hpp"
#include "integration/exchange/common/exchange_test_util.hpp"

namespace lingyan::exchange::roster {
namespace roster_import_test {  // named: one unity-build unit holds several test files

using core::roster::Education;
using core::roster::Gender;
using testing::TempDir;

const char* kHeader = "姓名,性别,出生日期,学历,入党日期,身份证号,手机号,单位代码,职务,任职日期,后备干部\n";

// Finds the error for (row, field); fails the test when there is none.
const RowError* ErrorAt(const RosterParse& parse, std::uint32_t row, const std::string& field) {
    for (const RowError& error : parse.errors) {
        if (error.row == row && error.field == field) return &error;
    }
    ADD_FAILURE() << "no error at row " << row << " field " << field;
    return nullptr;
}

std::string Dump(const RosterParse& parse) {
    std::string out;
    for (const RowError& e : parse.errors) {
        out += e.sheet + ":" + std::to_string(e.row) + ":" + e.field + ": " + e.message + "\n";
    }
    return out;
}

TEST(RosterCsv, ParsesAGoodFileWithBomQuotedFieldsAndFreeColumnOrder) {
    const std::string csv =
        "\xEF\xBB\xBF"
        "序号,单位代码,姓名,性别,出生日期,学历,职务,任职日期,身份证号,手机号,后备干部,入党日期\r\n"
        "1,320681102201,张晓明,男,1985/6/15,本科,\"书记,主任\",2021-01-20,320681198506150033,138 0013 "
        "8000,否,2008-07-01\r\n"
        "2,320681102201,\"李\"\"红\"\"梅\",女,1990-03-07,中专,,,,,是,\r\n"
        ",,,,,,,,,,,\r\n"
        "3,320681102202,王建国,男,19700101,研究生,委员,,,,,\r\n";
    const RosterParse parse = ParseRoster(csv, "uploads/镇村干部.csv");
    ASSERT_TRUE(parse.ok()) << Dump(parse);
    EXPECT_EQ(parse.sheet, "镇村干部");
    EXPECT_EQ(parse.header_row, 1u);
    ASSERT_EQ(parse.rows.size(), 3u);

    const RosterRow& first = parse.rows[0];
    EXPECT_EQ(first.row, 2u);
    EXPECT_EQ(first.person.name, "张晓明");
    EXPECT_EQ(first.person.gender, Gender::kMale);
    EXPECT_EQ(first.person.birth_date, "1985-06-15");
    EXPECT_EQ(first.person.education, Education::kBachelor);
    EXPECT_EQ(first.person.party_join_date, "2008-07-01");
    EXPECT_EQ(first.person.id_number, "320681198506150033");
    EXPECT_EQ(first.person.phone, "13800138000");
    EXPECT_FALSE(first.person.reserve_cadre);
    EXPECT_EQ(first.unit_code, "320681102201");
    EXPECT_EQ(first.title, "书记,主任");
    EXPECT_EQ(first.start_date, "2021-01-20");

    const RosterRow& second = parse.rows[1];
    EXPECT_EQ(second.row, 3u);
    EXPECT_EQ(second.person.name, "李\"红\"梅");
    EXPECT_EQ(second.person.education, Education::kHighSchool);  // 中专 counts as high school
    EXPECT_TRUE(second.person.reserve_cadre);
    EXPECT_TRUE(second.person.party_join_date.empty());
    EXPECT_TRUE(second.title.empty());

    EXPECT_EQ(parse.rows[2].row, 5u);  // the blank record on line 4 is skipped, numbering kept
    EXPECT_EQ(parse.rows[2].person.birth_date, "1970-01-01");
    EXPECT_EQ(parse.rows[2].person.education, Education::kPostgraduate);
}

TEST(RosterCsv, ReportsEveryBadRowWithItsLineNumberAndField) {
    const std::string csv = std::string(kHeader) +
                            "张三,男,1985-06-15,本科,,,,320681102201,书记,,\n"  // 2 ok
                            "李四,M,1985-13-01,博士后,,,,32068110220,,,\n"      // 3: 4 errors
                            ",女,1990-01-01,高中,,,12345,320681102201,,,\n"     // 4: name, phone
                            "王五,男,1985-06-15,本科,1980-01-01,320681198506150034,,320681102201,,,\n"  // 5: join, ID
                            "赵六,女,1985-06-15,本科,,320681198506150033,,320681102201,,2020-01-01,也许\n"  // 6
                            "孙七,男,1985-06-15,本科,,,,320681102201,主任,2020-02-30,\n";  // 7: start date
    const RosterParse parse = ParseRoster(csv, "roster.csv");
    EXPECT_EQ(parse.rows.size(), 1u) << Dump(parse);
    EXPECT_EQ(parse.rows[0].row, 2u);

    EXPECT_NE(ErrorAt(parse, 3, "性别")->message.find("男"), std::string::npos);
    EXPECT_NE(ErrorAt(parse, 3, "出生日期")->message.find("1985-13-01"), std::string::npos);
    EXPECT_NE(ErrorAt(parse, 3, "学历")->message.find("博士后"), std::string::npos);
    EXPECT_NE(ErrorAt(parse, 3, "单位代码")->message.find("12位"), std::string::npos);
    EXPECT_EQ(ErrorAt(parse, 4, "姓名")->message, "姓名不能为空");
    ErrorAt(parse, 4, "手机号");
    EXPECT_EQ(ErrorAt(parse, 5, "入党日期")->message, "入党日期应晚于出生日期");
    EXPECT_NE(ErrorAt(parse, 5, "身份证号")->message.find("校验位"), std::string::npos);
    // Row 6: a woman with a man's ID number, a start date without a title, a bad yes/no.
    EXPECT_NE(ErrorAt(parse, 6, "身份证号")->message.find("性别"), std::string::npos);
    EXPECT_NE(ErrorAt(parse, 6, "任职日期")->message.find("职务"), std::string::npos);
    ErrorAt(parse, 6, "后备干部");
    ErrorAt(parse, 7, "任职日期");
    EXPECT_EQ(parse.errors.size(), 12u) << Dump(parse);
    for (const RowError& error : parse.errors) EXPECT_EQ(error.sheet, "roster");
}

TEST(RosterCsv, AMissingRequiredColumnIsOneErrorNamingItAndNoRows) {
    const std::string csv =
        "姓名,性别,出生日期,学历,职务\n"
        "张三,男,1985-06-15,本科,书记\n"
        "李四,女,1986-06-15,本科,委员\n";
    const RosterParse parse = ParseRoster(csv, "r.csv");
    EXPECT_TRUE(parse.rows.empty());
    ASSERT_EQ(parse.errors.size(), 1u) << Dump(parse);
    EXPECT_EQ(parse.errors[0].row, 1u);
    EXPECT_EQ(parse.errors[0].field, "单位代码");
    EXPECT_EQ(parse.errors[0].message, "缺少必填列“单位代码”");
}

TEST(RosterCsv, DuplicateColumnsAndDuplicatePeopleAreRefused) {
    const RosterParse dup_column = ParseRoster("姓名,性别,出生日期,学历,单位代码,姓名\n", "r.csv");
    ASSERT_EQ(dup_column.errors.size(), 1u) << Dump(dup_column);
    EXPECT_EQ(dup_column.errors[0].field, "姓名");

    const std::string csv = std::string(kHeader) +
                            "张三,男,1985-06-15,本科,,320681198506150033,,320681102201,书记,,\n"
                            "张三,男,1985-06-15,本科,,320681198506150033,,320681102202,委员,,\n";
    const RosterParse dup_person = ParseRoster(csv, "r.csv");
    ASSERT_EQ(dup_person.errors.size(), 1u) << Dump(dup_person);
    EXPECT_EQ(dup_person.errors[0].row, 3u);
    EXPECT_NE(dup_person.errors[0].message.find("第2行"), std::string::npos);
}

TEST(RosterCsv, FilesWithoutHeaderOrDataSayWhatIsWrong) {
    for (const char* csv : {"", "\n\n", "张三,男,1985-06-15,本科,320681102201\n"}) {
        const RosterParse parse = ParseRoster(csv, "r.csv");
        EXPECT_TRUE(parse.rows.empty());
        ASSERT_EQ(parse.errors.size(), 1u) << csv;
        EXPECT_NE(parse.errors[0].message.find("表头"), std::string::npos) << parse.errors[0].message;
    }
    const RosterParse header_only = ParseRoster(kHeader, "r.csv");
    ASSERT_EQ(header_only.errors.size(), 1u);
    EXPECT_NE(header_only.errors[0].message.find("没有数据行"), std::string::npos);
}

TEST(RosterCsv, AcceptsGbkTextAsSavedByOlderExcel) {
    // "姓名,性别,出生日期,学历,单位代码\n张三,男,1985-06-15,本科,320681102201\n" in GBK.
    const std::string gbk =
        "\xD0\xD5\xC3\xFB,\xD0\xD4\xB1\xF0,\xB3\xF6\xC9\xFA\xC8\xD5\xC6\xDA,\xD1\xA7\xC0\xFA,"
        "\xB5\xA5\xCE\xBB\xB4\xFA\xC2\xEB\n"
        "\xD5\xC5\xC8\xFD,\xC4\xD0,1985-06-15,\xB1\xBE\xBF\xC6,320681102201\n";
    const RosterParse parse = ParseRoster(gbk, "r.csv");
    ASSERT_TRUE(parse.ok()) << Dump(parse);
    ASSERT_EQ(parse.rows.size(), 1u);
    EXPECT_EQ(parse.rows[0].person.name, "张三");
}

TEST(RosterCsv, AnUnclosedQuoteIsReported) {
    const std::string csv = std::string(kHeader) + "\"张三,男,1985-06-15,本科,,,,320681102201,,,\n";
    const RosterParse parse = ParseRoster(csv, "r.csv");
    EXPECT_FALSE(parse.ok());
    EXPECT_TRUE(std::any_of(parse.errors.begin(), parse.errors.end(), [](const RowError& e) {
        return e.message.find("引号") != std::string::npos;
    })) << Dump(parse);
}

// Writes an .xlsx roster with a title row, Excel date cells, numeric codes and bad rows.
std::string WriteXlsxRoster(const TempDir& dir) {
    const std::string path = dir.File("roster.xlsx");
    xlsx::Writer writer(path);
    const std::size_t sheet = writer.AddSheet("名册", {xlsx::Column{"白米镇村干部名册"}});
    // Row 2 is blank; row 3 is the header (columns shuffled), data from row 4.
    const char* headers[] = {"单位代码", "姓名*", "性别", "出生日期", "学历", "身份证号", "手机号", "职务"};
    for (std::uint32_t col = 0; col < 8; ++col) writer.WriteString(sheet, 3, col, headers[col]);
    auto person = [&](std::uint32_t row, double code, const char* name, const char* gender, const char* birth,
                      bool birth_as_date, const char* education, const char* id, double phone) {
        writer.WriteNumber(sheet, row, 0, code);
        writer.WriteString(sheet, row, 1, name);
        writer.WriteString(sheet, row, 2, gender);
        if (birth_as_date)
            writer.WriteDate(sheet, row, 3, birth);
        else
            writer.WriteString(sheet, row, 3, birth);
        writer.WriteString(sheet, row, 4, education);
        if (*id) writer.WriteString(sheet, row, 5, id);
        if (phone > 0) writer.WriteNumber(sheet, row, 6, phone);
        writer.WriteString(sheet, row, 7, "书记");
    };
    person(4, 320681102201, "张晓明", "男", "1985-06-15", true, "大专", "320681198506150033", 13800138000);
    person(5, 320681102201, "李红", "女", "1990/3/7", false, "初中及以下", "", 0);
    person(6, 320681102201, "王五", "男", "1985-06-15", true, "本科", "", 2345);  // bad phone
    person(8, 32068110220, "赵六", "女", "三月", false, "本科", "", 0);           // bad code and date
    writer.WriteNumber(sheet, 9, 0, 320681102201);                                // ID stored as a number
    writer.WriteString(sheet, 9, 1, "孙七");
    writer.WriteString(sheet, 9, 2, "男");
    writer.WriteDate(sheet, 9, 3, "1985-06-15");
    writer.WriteString(sheet, 9, 4, "本科");
    writer.WriteNumber(sheet, 9, 5, 320681198506150033.0);
    writer.Close();
    return ReadFile(path);
}

TEST(RosterXlsx, SkipsTheTitleRowReadsDateCellsAndReportsBadRowsBySheetRowNumber) {
    TempDir dir;
    const RosterParse parse = ParseRoster(WriteXlsxRoster(dir), "名册.xlsx");
    EXPECT_EQ(parse.sheet, "名册");
    EXPECT_EQ(parse.header_row, 3u);
    ASSERT_EQ(parse.rows.size(), 2u) << Dump(parse);
    EXPECT_EQ(parse.rows[0].row, 4u);
    EXPECT_EQ(parse.rows[0].person.birth_date, "1985-06-15");
    EXPECT_EQ(parse.rows[0].person.phone, "13800138000");
    EXPECT_EQ(parse.rows[0].unit_code, "320681102201");
    EXPECT_EQ(parse.rows[0].person.education, Education::kJuniorCollege);
    EXPECT_EQ(parse.rows[1].row, 5u);
    EXPECT_EQ(parse.rows[1].person.birth_date, "1990-03-07");

    ErrorAt(parse, 6, "手机号");
    ErrorAt(parse, 8, "单位代码");
    ErrorAt(parse, 8, "出生日期");
    EXPECT_NE(ErrorAt(parse, 9, "身份证号")->message.find("文本"), std::string::npos) << Dump(parse);
    EXPECT_EQ(parse.errors.size(), 4u) << Dump(parse);
    for (const RowError& error : parse.errors) EXPECT_EQ(error.sheet, "名册");
}

TEST(RosterXlsx, AMissingColumnInAnXlsxIsReportedOnTheHeaderRow) {
    TempDir dir;
    const std::string path = dir.File("m.xlsx");
    {
        xlsx::Writer writer(path);
        writer.AddSheet("Sheet1",
                        {xlsx::Column{"姓名"}, xlsx::Column{"性别"}, xlsx::Column{"学历"}, xlsx::Column{"单位代码"}});
        writer.Close();
    }
    const RosterParse parse = ParseRoster(ReadFile(path), "m.xlsx");
    ASSERT_EQ(parse.errors.size(), 1u) << Dump(parse);
    EXPECT_EQ(parse.errors[0].sheet, "Sheet1");
    EXPECT_EQ(parse.errors[0].row, 1u);
    EXPECT_EQ(parse.errors[0].field, "出生日期");
}

TEST(RosterXlsx, ExcelErrorValuesAreReportedNotImported) {
    TempDir dir;
    std::string header = "<row r=\"1\">";
    const char* names[] = {"姓名", "性别", "出生日期", "学历", "单位代码"};
    for (int col = 0; col < 5; ++col) {
        header += "<c r=\"" + xlsx::ColumnName(static_cast<std::uint32_t>(col)) + "1\" t=\"inlineStr\"><is><t>" +
                  names[col] + "</t></is></c>";
    }
    header += "</row>";
    const std::string row =
        R"(<row r="2"><c r="A2" t="e"><f>VLOOKUP(X1,Y:Z,2,0)</f><v>#N/A</v></c><c r="B2" t="inlineStr"><is><t>男</t></is></c>)"
        R"(<c r="C2" t="inlineStr"><is><t>1985-06-15</t></is></c><c r="D2" t="inlineStr"><is><t>本科</t></is></c>)"
        R"(<c r="E2" t="inlineStr"><is><t>320681102201</t></is></c></row>)";
    const std::string bytes = testing::ZipBytes(testing::OneSheetPackage("名册", header + row), dir);
    const RosterParse parse = ParseRoster(bytes, "r.xlsx");
    ASSERT_EQ(parse.errors.size(), 1u) << Dump(parse);
    EXPECT_EQ(parse.errors[0].row, 2u);
    EXPECT_EQ(parse.errors[0].field, "姓名");
    EXPECT_NE(parse.errors[0].message.find("#N/A"), std::string::npos);
    EXPECT_TRUE(parse.rows.empty());
}

TEST(RosterXlsx, ACorruptFileThrowsAFileError) {
    TempDir dir;
    std::string bytes = WriteXlsxRoster(dir);
    bytes.resize(bytes.size() - 100);
    EXPECT_THROW(ParseRoster(bytes, "bad.xlsx"), FileError);
    EXPECT_THROW(ParseRoster("PK\x03\x04 not really", "bad.xlsx"), FileError);
    EXPECT_THROW(ParseRoster("just text", "roster.xlsx"), FileError);
}

TEST(RosterXlsx, ProgressIsReportedAndEndsAtOne) {
    TempDir dir;
    double last = -1;
    bool monotonic = true;
    ParseRoster(WriteXlsxRoster(dir), "r.xlsx", [&](double fraction, std::size_t) {
        if (fraction < last) monotonic = false;
        last = fraction;
    });
    EXPECT_TRUE(monotonic);
    EXPECT_DOUBLE_EQ(last, 1.0);
}

TEST(RosterExport, TemplateHasTheHeaderAnExampleThatImportsAndAHelpSheet) {
    TempDir dir;
    const std::string path = dir.File("template.xlsx");
    WriteRosterTemplate(path);
    const std::string bytes = ReadFile(path);
    const xlsx::Workbook book = xlsx::Workbook::Open(bytes);
    ASSERT_EQ(book.sheets().size(), 2u);
    EXPECT_EQ(book.sheets()[0].name, "名册");
    EXPECT_EQ(book.sheets()[1].name, "说明");
    const std::vector<xlsx::Row> help = book.ReadRows(1);
    EXPECT_GE(help.size(), 12u);

    const RosterParse parse = ParseRoster(bytes, "template.xlsx");
    ASSERT_TRUE(parse.ok()) << Dump(parse);
    ASSERT_EQ(parse.rows.size(), 1u);
    EXPECT_EQ(parse.rows[0].person.id_number, "320681198506150033");
    EXPECT_EQ(parse.rows[0].start_date, "2021-01-20");
}

TEST(RosterExport, PeopleExportedWithFullIdsImportAgainUnchanged) {
    TempDir dir;
    std::vector<PersonExportRow> rows(2);
    rows[0].person.name = "张晓明";
    rows[0].person.birth_date = "1985-06-15";
    rows[0].person.education = Education::kBachelor;
    rows[0].person.party_join_date = "2008-07-01";
    rows[0].person.id_number = "320681198506150033";
    rows[0].person.phone = "13800138000";
    rows[0].person.reserve_cadre = true;
    rows[0].unit_code = "320681102201";
    rows[0].unit_name = "品建村";
    rows[0].title = "书记";
    rows[0].start_date = "2021-01-20";
    rows[1].person.name = "李红";
    rows[1].person.gender = Gender::kFemale;
    rows[1].person.birth_date = "1990-03-07";
    rows[1].person.education = Education::kMiddleOrBelow;
    rows[1].unit_code = "320681102202";

    const std::string path = dir.File("people.xlsx");
    WritePeopleXlsx(path, rows, PeopleExportOptions{.mask_id_numbers = false});
    const RosterParse parse = ParseRoster(ReadFile(path), "people.xlsx");
    ASSERT_TRUE(parse.ok()) << Dump(parse);
    ASSERT_EQ(parse.rows.size(), 2u);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const core::roster::Person& want = rows[i].person;
        const core::roster::Person& got = parse.rows[i].person;
        EXPECT_EQ(got.name, want.name);
        EXPECT_EQ(got.gender, want.gender);
        EXPECT_EQ(got.birth_date, want.birth_date);
        EXPECT_EQ(got.education, want.education);
        EXPECT_EQ(got.party_join_date, want.party_join_date);
        EXPECT_EQ(got.id_number, want.id_number);
        EXPECT_EQ(got.phone, want.phone);
        EXPECT_EQ(got.reserve_cadre, want.reserve_cadre);
        EXPECT_EQ(parse.rows[i].unit_code, rows[i].unit_code);
        EXPECT_EQ(parse.rows[i].title, rows[i].title);
        EXPECT_EQ(parse.rows[i].start_date, rows[i].start_date);
    }

    // Masked by default; a masked number is refused on import with a clear message.
    WritePeopleXlsx(path, rows);
    const RosterParse masked = ParseRoster(ReadFile(path), "people.xlsx");
    ASSERT_EQ(masked.errors.size(), 1u) << Dump(masked);
    EXPECT_NE(masked.errors[0].message.find("脱敏"), std::string::npos);
}

TEST(RosterExport, UnitsExportHasOneRowPerUnitWithChineseLabels) {
    TempDir dir;
    std::vector<UnitExportRow> rows(1);
    rows[0].unit.code = "320681102201";
    rows[0].unit.name = "品建村";
    rows[0].unit.kind = core::roster::UnitKind::kVillage;
    rows[0].unit.economy = core::roster::Economy::kAgriculture;
    rows[0].unit.dev_zone = true;
    rows[0].unit.population = 3200;
    rows[0].parent_code = "320681102000";
    rows[0].parent_name = "城北街道";
    rows[0].income_year = 2023;
    rows[0].income_yuan = 1600000;
    const std::string path = dir.File("units.xlsx");
    WriteUnitsXlsx(path, rows);
    const std::string bytes = ReadFile(path);
    const std::vector<xlsx::Row> read = xlsx::Workbook::Open(bytes).ReadRows(0);
    ASSERT_EQ(read.size(), 2u);
    EXPECT_EQ(read[1].Find(0)->text, "320681102201");
    EXPECT_EQ(read[1].Find(2)->text, "村");
    EXPECT_EQ(read[1].Find(5)->text, "农业");
    EXPECT_EQ(read[1].Find(6)->text, "是");
    EXPECT_EQ(read[1].Find(12)->text, "1600000");
    EXPECT_EQ(read[1].Find(13)->text, "2023");
}

TEST(RosterFields, IdNumbersFollowGb11643) {
    struct Case {
        const char* id;
        IdNumberProblem problem;
    };
    const Case cases[] = {
        {"11010519491231002X", IdNumberProblem::kNone},       {"11010519491231002x", IdNumberProblem::kNone},
        {"320681198506150033", IdNumberProblem::kNone},       {"320681198506150034", IdNumberProblem::kCheckDigit},
        {"32068119850615003", IdNumberProblem::kLength},      {"3206811985061500331", IdNumberProblem::kLength},
        {"32068119850615003A", IdNumberProblem::kCharacters}, {"320681198502300031", IdNumberProblem::kBirthDate},
        {"320681********0033", IdNumberProblem::kMasked},
    };
    for (const Case& c : cases) EXPECT_EQ(CheckIdNumber(c.id), c.problem) << c.id;
    CivilDate birth;
    Gender gender = Gender::kMale;
    ASSERT_EQ(CheckIdNumber("11010519491231002X", &birth, &gender), IdNumberProblem::kNone);
    EXPECT_EQ(xlsx::FormatIsoDate(birth), "1949-12-31");
    EXPECT_EQ(gender, Gender::kFemale);
    EXPECT_EQ(MaskIdNumber("320681198506150033"), "320681********0033");
}

TEST(RosterFields, LooseDatesAcceptTheCommonChineseSpellings) {
    struct Case {
        const char* text;
        const char* iso;  // nullptr: refused
    };
    const Case cases[] = {
        {"1985-06-15", "1985-06-15"},
        {"1985/6/15", "1985-06-15"},
        {"1985.6.5", "1985-06-05"},
        {"1985年6月15日", "1985-06-15"},
        {"1985年6月15", "1985-06-15"},
        {"19850615", "1985-06-15"},
        {" 1985-06-15 00:00:00", "1985-06-15"},
        {"1985-6", nullptr},
        {"85-06-15", nullptr},
        {"1985-02-29", nullptr},
        {"1899-12-31", nullptr},
        {"1985/06-15", nullptr},
        {"1985-006-15", nullptr},
        {"", nullptr},
    };
    for (const Case& c : cases) {
        const auto date = ParseLooseDate(c.text);
        if (c.iso) {
            ASSERT_TRUE(date) << c.text;
            EXPECT_EQ(xlsx::FormatIsoDate(*date), c.iso);
        } else {
            EXPECT_FALSE(date) << c.text;
        }
    }
}

TEST(RosterFields, TextHelpersTrimWideSpacesAndCheckUtf8) {
    EXPECT_EQ(TrimText("\xE3\x80\x80 张三\xC2\xA0 "), "张三");
    EXPECT_TRUE(IsValidUtf8("张三 abc"));
    EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));
    EXPECT_FALSE(IsValidUtf8("\xE5\xBC"));
    EXPECT_EQ(Utf8Length("张三a"), 3u);
    EXPECT_EQ(NormalizeMobile("+86 138-0013-8000"), "13800138000");
    EXPECT_FALSE(NormalizeMobile("23800138000"));
    EXPECT_FALSE(NormalizeMobile("1380013800"));
    EXPECT_EQ(ParseEducation("硕士"), Education::kPostgraduate);
    EXPECT_FALSE(ParseEducation("幼儿园"));
}

}  // namespace roster_import_test
}  // namespace lingyan::exchange::roster
