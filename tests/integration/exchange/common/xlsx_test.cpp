#include <gtest/gtest.h>

#include <functional>

#include "exchange/common/file_io.hpp"
#include "exchange/xlsx/civil_date.hpp"
#include "exchange/xlsx/reader.hpp"
#include "exchange/xlsx/writer.hpp"
#include "integration/exchange/common/exchange_test_util.hpp"

namespace lingyan::exchange::xlsx {
namespace {

using testing::OneSheetPackage;
using testing::TempDir;
using testing::ZipBytes;

std::string WriteSample(const TempDir& dir, WriterOptions options) {
    const std::string path = dir.File("sample.xlsx");
    Writer writer(path, options);
    const std::size_t people = writer.AddSheet(
        "名册", {Column{"姓名", 10}, Column{"人数", 8}, Column{"日期", 12, ColumnKind::kDate}, Column{"党员", 6}});
    writer.WriteString(people, 2, 0, "张三 & <李四>");
    writer.WriteNumber(people, 2, 1, 42);
    writer.WriteDate(people, 2, 2, "1985-06-15");
    writer.WriteBool(people, 2, 3, true);
    writer.WriteString(people, 3, 0, "王五");
    writer.WriteNumber(people, 3, 1, 3.25);
    writer.WriteDate(people, 3, 2, "2000-02-29");
    // Row 4 skipped on purpose; row 5 has a gap in column B.
    writer.WriteString(people, 5, 0, "赵六");
    writer.WriteString(people, 5, 3, "否");
    const std::size_t notes = writer.AddSheet("说明", {Column{"列名", 10}});
    writer.WriteString(notes, 2, 0, "王五");  // a repeated string: shared in non-constant mode
    writer.Close();
    return ReadFile(path);
}

void ExpectSample(const std::string& bytes) {
    const Workbook book = Workbook::Open(bytes);
    ASSERT_EQ(book.sheets().size(), 2u);
    EXPECT_EQ(book.sheets()[0].name, "名册");
    EXPECT_EQ(book.sheets()[1].name, "说明");
    EXPECT_EQ(book.FindSheet("说明"), 1);
    EXPECT_EQ(book.FindSheet("不存在"), -1);

    const std::vector<Row> rows = book.ReadRows(0);
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0].number, 1u);
    ASSERT_EQ(rows[0].cells.size(), 4u);
    EXPECT_EQ(rows[0].cells[2].text, "日期");

    const Row& first = rows[1];
    EXPECT_EQ(first.number, 2u);
    EXPECT_EQ(first.Find(0)->text, "张三 & <李四>");
    EXPECT_EQ(first.Find(0)->type, CellType::kString);
    EXPECT_EQ(first.Find(1)->type, CellType::kNumber);
    EXPECT_EQ(first.Find(1)->text, "42");
    EXPECT_EQ(first.Find(2)->type, CellType::kDate);
    EXPECT_EQ(first.Find(2)->text, "1985-06-15");
    EXPECT_EQ(first.Find(3)->type, CellType::kBoolean);
    EXPECT_EQ(first.Find(3)->text, "TRUE");

    EXPECT_EQ(rows[2].Find(1)->text, "3.25");
    EXPECT_EQ(rows[2].Find(2)->text, "2000-02-29");

    const Row& gap = rows[3];
    EXPECT_EQ(gap.number, 5u);
    ASSERT_EQ(gap.cells.size(), 2u);
    EXPECT_EQ(gap.cells[1].column, 3u);
    EXPECT_EQ(gap.Find(1), nullptr);

    const std::vector<Row> notes = book.ReadRows(1);
    ASSERT_EQ(notes.size(), 2u);
    EXPECT_EQ(notes[1].Find(0)->text, "王五");
}

TEST(XlsxRoundTrip, WhatTheWriterWritesTheReaderReadsBackInConstantMemoryMode) {
    TempDir dir;
    ExpectSample(WriteSample(dir, WriterOptions{.constant_memory = true}));
}

TEST(XlsxRoundTrip, WhatTheWriterWritesTheReaderReadsBackWithSharedStrings) {
    TempDir dir;
    ExpectSample(WriteSample(dir, WriterOptions{.constant_memory = false}));
}

TEST(XlsxRoundTrip, HeaderRowIsFrozenAndBold) {
    TempDir dir;
    const std::string bytes = WriteSample(dir, WriterOptions{});
    const std::string path = dir.File("sample.xlsx");
    int error = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
    ASSERT_NE(archive, nullptr);
    zip_file_t* file = zip_fopen(archive, "xl/worksheets/sheet1.xml", 0);
    ASSERT_NE(file, nullptr);
    std::string xml(1 << 16, '\0');
    xml.resize(static_cast<std::size_t>(zip_fread(file, xml.data(), xml.size())));
    zip_fclose(file);
    zip_discard(archive);
    EXPECT_NE(xml.find(R"(state="frozen")"), std::string::npos);
    EXPECT_NE(xml.find(R"(<col )"), std::string::npos);
}

TEST(XlsxWriter, RefusesAnInvalidSheetName) {
    TempDir dir;
    Writer writer(dir.File("bad.xlsx"));
    EXPECT_THROW(writer.AddSheet("a/b", {}), XlsxError);
    EXPECT_THROW(writer.AddSheet("", {}), XlsxError);
}

TEST(XlsxWriter, CloseIntoAMissingDirectoryThrows) {
    TempDir dir;
    EXPECT_THROW(
        {
            Writer writer(dir.File("no/such/dir/x.xlsx"));
            writer.AddSheet("a", {Column{"x"}});
            writer.Close();
        },
        XlsxError);
}

TEST(XlsxReader, ReadsSharedStringsRichTextAndSkipsPhoneticGuides) {
    TempDir dir;
    const std::string shared =
        "<si><t>姓名</t></si>"
        "<si><r><rPr><b/></rPr><t>张</t></r><r><t xml:space=\"preserve\">三 </t></r></si>"
        "<si><t>李四</t><rPh sb=\"0\" eb=\"2\"><t>lǐ sì</t></rPh></si>"
        "<si><t>A_x000D_B &amp; &#x4E2D;</t></si>";
    const std::string rows =
        R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)"
        R"(<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="s"><v>3</v></c></row>)";
    const std::string package = ZipBytes(OneSheetPackage("S", rows, shared), dir);
    const Workbook book = Workbook::Open(package);
    const std::vector<Row> read = book.ReadRows(0);
    ASSERT_EQ(read.size(), 2u);
    EXPECT_EQ(read[1].Find(0)->text, "张三 ");
    EXPECT_EQ(read[1].Find(1)->text, "李四");
    EXPECT_EQ(read[1].Find(2)->text, "A\rB & 中");
}

TEST(XlsxReader, ReadsInlineStringsFormulaResultsBooleansAndErrors) {
    TempDir dir;
    const std::string rows = R"(<row r="3"><c r="B3" t="inlineStr"><is><t>书记</t></is></c>)"
                             R"(<c r="C3" t="str"><f>A1&amp;"x"</f><v>结果</v></c>)"
                             R"(<c r="D3" t="b"><v>0</v></c><c r="E3" t="e"><v>#N/A</v></c><c r="F3" s="0"/></row>)";
    const std::string package = ZipBytes(OneSheetPackage("S", rows), dir);
    const std::vector<Row> read = Workbook::Open(package).ReadRows(0);
    ASSERT_EQ(read.size(), 1u);
    EXPECT_EQ(read[0].number, 3u);
    ASSERT_EQ(read[0].cells.size(), 4u);
    EXPECT_EQ(read[0].Find(1)->text, "书记");
    EXPECT_EQ(read[0].Find(2)->text, "结果");
    EXPECT_EQ(read[0].Find(3)->type, CellType::kBoolean);
    EXPECT_EQ(read[0].Find(3)->text, "FALSE");
    EXPECT_EQ(read[0].Find(4)->type, CellType::kError);
    EXPECT_EQ(read[0].Find(5), nullptr);
}

TEST(XlsxReader, DateFormattedNumbersBecomeIsoDatesBuiltInCjkAndCustom) {
    TempDir dir;
    const std::string styles =
        R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
        R"(<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>)"
        R"x(<numFmt numFmtId="165" formatCode="0.00_);[Red]\(0.00\)"/></numFmts>)x"
        R"(<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/>)"
        R"(<xf numFmtId="31"/></cellXfs></styleSheet>)";
    const std::string rows =
        R"(<row r="1"><c r="A1" s="1"><v>31213</v></c><c r="B1" s="2"><v>44197</v></c>)"
        R"(<c r="C1" s="3"><v>44197</v></c><c r="D1" s="4"><v>60</v></c><c r="E1" s="1"><v>61.5</v></c>)"
        R"(<c r="F1"><v>44197</v></c></row>)";
    const std::string package = ZipBytes(OneSheetPackage("S", rows, "", styles), dir);
    const std::vector<Row> read = Workbook::Open(package).ReadRows(0);
    ASSERT_EQ(read.size(), 1u);
    EXPECT_EQ(read[0].Find(0)->type, CellType::kDate);
    EXPECT_EQ(read[0].Find(0)->text, "1985-06-15");
    EXPECT_EQ(read[0].Find(1)->text, "2021-01-01");
    EXPECT_EQ(read[0].Find(2)->type, CellType::kNumber);  // 0.00 with a [Red] colour is no date
    EXPECT_EQ(read[0].Find(2)->text, "44197");
    EXPECT_EQ(read[0].Find(3)->text, "1900-02-28");  // Excel's fictitious 1900-02-29
    EXPECT_EQ(read[0].Find(4)->text, "1900-03-01 12:00:00");
    EXPECT_EQ(read[0].Find(5)->type, CellType::kNumber);
}

TEST(XlsxReader, Honours1904DateSystem) {
    TempDir dir;
    const std::string styles =
        R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>)";
    const std::string rows = R"(<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>29751</v></c></row>)";
    const std::string package = ZipBytes(OneSheetPackage("S", rows, "", styles, R"(<workbookPr date1904="1"/>)"), dir);
    const Workbook book = Workbook::Open(package);
    EXPECT_TRUE(book.date1904());
    const std::vector<Row> read = book.ReadRows(0);
    EXPECT_EQ(read[0].Find(0)->text, "1904-01-01");
    EXPECT_EQ(read[0].Find(1)->text, "1985-06-15");
}

TEST(XlsxReader, CellsWithoutReferencesFollowThePreviousOneAndPrefixedTagsAreRead) {
    TempDir dir;
    std::map<std::string, std::string> parts = OneSheetPackage("S", "");
    parts["xl/worksheets/sheet1.xml"] =
        R"(<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>)"
        R"(<x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>1</x:v></x:c></x:row>)"
        R"(<x:row r="7"><x:c r="AA7"><x:v>2</x:v></x:c><x:c><x:v>3</x:v></x:c></x:row>)"
        R"(<x:row><x:c r="C8"><![CDATA[ignored]]><x:v>4</x:v></x:c></x:row>)"
        R"(</x:sheetData></x:worksheet>)";
    const std::string package = ZipBytes(parts, dir);
    const std::vector<Row> read = Workbook::Open(package).ReadRows(0);
    ASSERT_EQ(read.size(), 3u);
    EXPECT_EQ(read[0].number, 1u);
    EXPECT_EQ(read[0].Find(1)->text, "1");
    EXPECT_EQ(read[1].number, 7u);
    EXPECT_EQ(read[1].Find(26)->text, "2");
    EXPECT_EQ(read[1].Find(27)->text, "3");
    EXPECT_EQ(read[2].number, 8u);
    EXPECT_EQ(read[2].Find(2)->text, "4");
}

TEST(XlsxReader, DeeplyNestedRunsDoNotExhaustTheStack) {
    TempDir dir;
    std::string nested;
    for (int i = 0; i < 200000; ++i) nested += "<r>";
    nested += "<t>深</t>";
    for (int i = 0; i < 200000; ++i) nested += "</r>";
    const std::string rows = R"(<row r="1"><c r="A1" t="inlineStr"><is>)" + nested + "</is></c></row>";
    const std::string package = ZipBytes(OneSheetPackage("S", rows, "<si>" + nested + "</si>"), dir);
    const std::vector<Row> read = Workbook::Open(package).ReadRows(0);
    ASSERT_EQ(read.size(), 1u);
    EXPECT_EQ(read[0].Find(0)->text, "深");
}

TEST(XlsxReader, ForEachRowStopsWhenTheCallbackSaysSoAndReportsProgress) {
    TempDir dir;
    std::string rows;
    for (int r = 1; r <= 100; ++r)
        rows += "<row r=\"" + std::to_string(r) + "\"><c><v>" + std::to_string(r) + "</v></c></row>";
    const std::string package = ZipBytes(OneSheetPackage("S", rows), dir);
    const Workbook book = Workbook::Open(package);
    int seen = 0;
    std::size_t last_done = 0;
    std::size_t last_total = 1;
    book.ForEachRow(
        0, [&](const Row&) { return ++seen < 10; },
        [&](std::size_t done, std::size_t total) {
            last_done = done;
            last_total = total;
        });
    EXPECT_EQ(seen, 10);
    book.ForEachRow(
        0, [](const Row&) { return true; },
        [&](std::size_t done, std::size_t total) {
            last_done = done;
            last_total = total;
        });
    EXPECT_EQ(last_done, last_total);
}

TEST(XlsxReader, CellReferencesMapToColumnIndexes) {
    struct Case {
        const char* ref;
        bool ok;
        std::uint32_t column;
        std::uint32_t row;
    };
    const Case cases[] = {
        {"A1", true, 0, 1},
        {"C7", true, 2, 7},
        {"Z10", true, 25, 10},
        {"AA1", true, 26, 1},
        {"XFD1048576", true, 16383, 1048576},
        {"$B$3", true, 1, 3},
        {"XFE1", false, 0, 0},
        {"A0", false, 0, 0},
        {"A1048577", false, 0, 0},
        {"7", false, 0, 0},
        {"", false, 0, 0},
        {"A1x", false, 0, 0},
    };
    for (const Case& c : cases) {
        std::uint32_t column = 0;
        std::uint32_t row = 0;
        EXPECT_EQ(ParseCellReference(c.ref, column, row), c.ok) << c.ref;
        if (c.ok) {
            EXPECT_EQ(column, c.column) << c.ref;
            EXPECT_EQ(row, c.row) << c.ref;
            EXPECT_EQ(ColumnName(column) + std::to_string(row), std::string(c.ref[0] == '$' ? "B3" : c.ref));
        }
    }
}

// The upload bombs of issue 11: a shared string or a cell longer than Excel allows, parts that
// unzip to more than the whole workbook may, more rows than a sheet may have — each refused with
// a message that names the limit and quotes nothing of the cell.
std::string MessageOf(const std::function<void()>& read) {
    try {
        read();
    } catch (const XlsxError& e) {
        return e.what();
    }
    return "(no error)";
}

TEST(XlsxLimits, ASharedStringLongerThanACellMayBeIsRefusedBeforeAnyRowIsRead) {
    TempDir dir;
    const std::string huge(40000, 'x');
    const std::string rows = R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)";
    const std::string bytes = ZipBytes(OneSheetPackage("S", rows, "<si><t>" + huge + "</t></si>"), dir);
    const std::string message = MessageOf([&] { Workbook::Open(bytes); });
    EXPECT_NE(message.find("32,767"), std::string::npos) << message;
    EXPECT_EQ(message.find("xxxxxxxxxx"), std::string::npos) << "the cell is not quoted";
    // At the limit it is a cell like any other (32,767 Chinese characters are 98,301 bytes).
    std::string at_limit;
    for (int i = 0; i < 32767; ++i) at_limit += "中";
    const std::string package = ZipBytes(OneSheetPackage("S", rows, "<si><t>" + at_limit + "</t></si>"), dir);
    const auto read = Workbook::Open(package).ReadRows(0);
    ASSERT_EQ(read.size(), 1u);
    EXPECT_EQ(read[0].Find(0)->text.size(), 32767u * 3);
}

TEST(XlsxLimits, AnInlineCellLongerThanACellMayBeIsRefusedNamingTheCell) {
    TempDir dir;
    const std::string rows =
        R"(<row r="3"><c r="B3" t="inlineStr"><is><t>)" + std::string(32768, 'y') + "</t></is></c></row>";
    const std::string package = ZipBytes(OneSheetPackage("S", rows), dir);
    const std::string message = MessageOf([&] { Workbook::Open(package).ReadRows(0); });
    EXPECT_NE(message.find("第 3 行 B 列"), std::string::npos) << message;
    EXPECT_NE(message.find("32,767"), std::string::npos) << message;
}

TEST(XlsxLimits, PartsThatUnzipToMoreThan256MiBAreRefused) {
    TempDir dir;
    // 300 MiB of one repeated row compresses to well under a megabyte: a zip bomb.
    std::string rows;
    const std::string row =
        R"(<row><c t="inlineStr"><is><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></is></c></row>)";
    rows.reserve(300u << 20);
    while (rows.size() < (300u << 20)) rows += row;
    const std::string bytes = ZipBytes(OneSheetPackage("S", rows), dir);
    rows.clear();
    rows.shrink_to_fit();
    EXPECT_LT(bytes.size(), 4u << 20);
    const std::string message = MessageOf([&] { Workbook::Open(bytes).ReadRows(0); });
    EXPECT_NE(message.find("256 MiB"), std::string::npos) << message;
}

TEST(XlsxLimits, ASheetWithMoreRowsThanAllowedIsRefused) {
    TempDir dir;
    std::string rows;
    for (int r = 1; r <= 11; ++r)
        rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) + "\"><v>1</v></c></row>";
    const std::string package = ZipBytes(OneSheetPackage("S", rows), dir);
    const Workbook book = Workbook::Open(package);
    std::size_t seen = 0;
    const std::string message = MessageOf([&] {
        book.ForEachRow(
            0, [&](const Row&) { return ++seen, true; }, {}, ReadOptions{.max_rows = 10});
    });
    EXPECT_NE(message.find("超过 10 行"), std::string::npos) << message;
    EXPECT_EQ(seen, 10u);
    seen = 0;
    book.ForEachRow(
        0, [&](const Row&) { return ++seen, true; }, {}, ReadOptions{.max_rows = 11});
    EXPECT_EQ(seen, 11u);
    EXPECT_EQ(ReadOptions{}.max_rows, 250000u);
}

TEST(XlsxReader, CorruptOrForeignFilesThrowXlsxErrorWithAChineseMessage) {
    TempDir dir;
    const std::string good = WriteSample(dir, WriterOptions{});
    std::string truncated = good.substr(0, good.size() / 2);
    std::string garbled = good;
    for (std::size_t i = good.size() / 3; i < good.size() / 3 + 200 && i < garbled.size(); ++i) garbled[i] ^= 0x5A;
    std::map<std::string, std::string> no_workbook = OneSheetPackage("S", "");
    no_workbook.erase("xl/workbook.xml");
    std::map<std::string, std::string> no_sheet = OneSheetPackage("S", "");
    no_sheet.erase("xl/worksheets/sheet1.xml");
    std::map<std::string, std::string> bad_xml = OneSheetPackage("S", "<row><c><v>1</v></c></row>");
    bad_xml["xl/worksheets/sheet1.xml"] = "<worksheet><sheetData><row><c r=\"A1\"";
    std::map<std::string, std::string> bad_index =
        OneSheetPackage("S", R"(<row><c t="s"><v>5</v></c></row>)", "<si><t>x</t></si>");

    const std::string cases[] = {
        "",
        "姓名,性别\n张三,男\n",
        std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(512, '\0'),
        truncated,
        ZipBytes(no_workbook, dir),
    };
    for (const std::string& bytes : cases) {
        try {
            Workbook::Open(bytes);
            ADD_FAILURE() << "opened " << bytes.size() << " bytes";
        } catch (const XlsxError& error) {
            EXPECT_NE(std::string(error.what()).find("Excel"), std::string::npos) << error.what();
        }
    }
    for (const auto& parts : {no_sheet, bad_xml, bad_index}) {
        const std::string bytes = ZipBytes(parts, dir);
        const Workbook book = Workbook::Open(bytes);
        EXPECT_THROW(book.ReadRows(0), XlsxError);
    }
    // A garbled but still-opening zip fails on reading a part, never with another exception.
    try {
        const Workbook book = Workbook::Open(garbled);
        for (std::size_t i = 0; i < book.sheets().size(); ++i) book.ReadRows(i);
    } catch (const XlsxError&) {
    }
    // And XlsxError is a FileError, which the CLI and HTTP layers already handle.
    EXPECT_THROW(Workbook::Open(std::string_view("not a zip")), FileError);
}

TEST(XlsxCivilDate, ExcelSerialsRoundTripAcrossTheLotusLeapDay) {
    for (const char* iso : {"1900-01-01", "1900-02-28", "1900-03-01", "1985-06-15", "2000-02-29", "9999-12-31"}) {
        const auto date = ParseIsoDate(iso);
        ASSERT_TRUE(date) << iso;
        EXPECT_EQ(DateFromExcelSerial(ExcelSerialFromDate(*date)), date) << iso;
        if (date->year >= 1904) {
            EXPECT_EQ(DateFromExcelSerial(ExcelSerialFromDate(*date, true), true), date) << iso;
        }
    }
    EXPECT_EQ(ExcelSerialFromDate(*ParseIsoDate("1900-01-01")), 1);
    EXPECT_EQ(ExcelSerialFromDate(*ParseIsoDate("1900-03-01")), 61);
    EXPECT_FALSE(ParseIsoDate("2023-02-29"));
    EXPECT_FALSE(ParseIsoDate("2023-2-28"));
    EXPECT_FALSE(DateFromExcelSerial(-1));
}

}  // namespace
}  // namespace lingyan::exchange::xlsx
