// The 12345 hotline sheet reader (exchange/tickets/hotline_xlsx): the template's own columns and
// the spellings hotline systems use, title rows above the header, dates with times, 办理时限 as a
// date or as working days, every bad row reported with its row and column, unknown columns named
// in a note, and files that are not a hotline export refused as a whole.
#include <gtest/gtest.h>

#include "exchange/tickets/hotline_xlsx.hpp"
#include "exchange/xlsx/reader.hpp"
#include "exchange/xlsx/writer.hpp"
#include "integration/sheet_file.hpp"

namespace lingyan::exchange::tickets {
namespace {

using Rows = lingyan::testing::SheetRows;

// An .xlsx whose first sheet holds `rows` from row 1 (strings only, as a retyped export).
std::string Book(const Rows& rows) { return lingyan::testing::SheetBytes(rows, "导出"); }

app::HotlineSheet Read(const Rows& rows) {
    auto sheet = ReadHotlineSheet(Book(rows));
    EXPECT_TRUE(sheet) << sheet.error().message;
    return sheet ? *sheet : app::HotlineSheet{};
}

TEST(HotlineSheet, ReadsTheTemplateColumns) {
    auto sheet = Read({{"工单编号", "来电时间", "诉求内容", "所属单位", "诉求标题", "事发地址", "诉求类别", "紧急程度", "办理时限",
                        "来电人", "联系电话"},
                       {"JY001", "2026-03-05 10:22", "路灯不亮", "北联村", "路灯", "村口", "基础设施", "较急", "5个工作日",
                        "王　先生", "13800000000"},
                       {"JY002", "2026/3/6", "垃圾未清运", "320481", "", "", "", "", "2026-03-20", "", ""}});
    ASSERT_TRUE(sheet.problems.empty()) << sheet.problems.front().message;
    ASSERT_EQ(sheet.rows.size(), 2u);
    EXPECT_EQ(sheet.data_rows, 2u);
    const auto& a = sheet.rows[0];
    EXPECT_EQ(a.line, 2u);
    EXPECT_EQ(a.ref, "JY001");
    EXPECT_EQ(a.called_at, "2026-03-05 10:22");
    EXPECT_EQ(a.content, "路灯不亮");
    EXPECT_EQ(a.unit, "北联村");
    EXPECT_EQ(a.title, "路灯");
    EXPECT_EQ(a.address, "村口");
    EXPECT_EQ(a.category, "基础设施");
    EXPECT_EQ(a.priority, "较急");
    EXPECT_EQ(a.due_days, 5);
    EXPECT_EQ(a.due_date, "");
    EXPECT_EQ(a.raiser, "王先生");  // a Chinese name loses its padding
    EXPECT_EQ(a.phone, "13800000000");
    const auto& b = sheet.rows[1];
    EXPECT_EQ(b.called_at, "2026-03-06");
    EXPECT_EQ(b.due_date, "2026-03-20");
    EXPECT_EQ(b.due_days, 0);
    EXPECT_EQ(sheet.notes.front(), "读取了工作表“导出”");
}

TEST(HotlineSheet, AcceptsOtherSpellingsATitleRowAndIgnoresExtraColumns) {
    auto sheet = Read({{"12345 热线工单导出（2026年3月）"},
                       {"序号", "工单号", "受理时间", "反映内容", "承办单位", "受理坐席"},
                       {"1", "A-9", "2026年3月5日", "噪音扰民", "北联村", "07号"}});
    ASSERT_TRUE(sheet.problems.empty()) << sheet.problems.front().message;
    ASSERT_EQ(sheet.rows.size(), 1u);
    EXPECT_EQ(sheet.rows[0].line, 3u);
    EXPECT_EQ(sheet.rows[0].ref, "A-9");
    EXPECT_EQ(sheet.rows[0].called_at, "2026-03-05");
    EXPECT_EQ(sheet.rows[0].content, "噪音扰民");
    ASSERT_EQ(sheet.notes.size(), 2u);
    EXPECT_EQ(sheet.notes[1], "未读取的列：序号、受理坐席");
}

TEST(HotlineSheet, ReportsEveryBadRowByRowAndColumn) {
    auto sheet = Read({{"工单编号", "来电时间", "诉求内容", "所属单位", "办理时限"},
                       {"", "2026-03-05", "无编号", "北联村", ""},
                       {"JY 003", "三月五日", "", "北联村", "下周"},
                       {"JY004", "2026-03-05", "好的一行", "北联村", "0"},
                       {"JY005", "2026-03-05", "正常", "北联村", ""}});
    ASSERT_EQ(sheet.rows.size(), 1u);
    EXPECT_EQ(sheet.rows[0].ref, "JY005");
    EXPECT_EQ(sheet.data_rows, 4u);
    std::vector<std::pair<std::uint32_t, std::string>> got;
    for (const auto& p : sheet.problems) got.emplace_back(p.line, p.column);
    const std::vector<std::pair<std::uint32_t, std::string>> want = {
        {2, "工单编号"}, {3, "诉求内容"}, {3, "工单编号"}, {3, "来电时间"}, {3, "办理时限"}, {4, "办理时限"}};
    EXPECT_EQ(got, want);
}

TEST(HotlineSheet, RefusesAHeaderWithoutARequiredColumn) {
    auto sheet = Read({{"工单编号", "来电时间", "诉求内容"}, {"JY001", "2026-03-05", "路灯"}});
    ASSERT_EQ(sheet.problems.size(), 1u);
    EXPECT_EQ(sheet.problems[0].line, 1u);
    EXPECT_EQ(sheet.problems[0].column, "所属单位");
    EXPECT_TRUE(sheet.rows.empty());
}

TEST(HotlineSheet, SaysSoWhenNoSheetHasTheHeader) {
    auto sheet = Read({{"姓名", "电话"}, {"张三", "1"}});
    ASSERT_EQ(sheet.problems.size(), 1u);
    EXPECT_NE(sheet.problems[0].message.find("工单编号"), std::string::npos);
}

TEST(HotlineSheet, RefusesWhatIsNoWorkbookAndTooManyRows) {
    auto junk = ReadHotlineSheet("not a zip at all");
    ASSERT_FALSE(junk);
    EXPECT_EQ(junk.error().field, "file");

    Rows rows = {{"工单编号", "来电时间", "诉求内容", "所属单位"}};
    for (std::size_t i = 0; i < 3 * app::kHotlineMaxRows; ++i) rows.push_back({"R" + std::to_string(i), "2026-03-05", "事", "北联村"});
    auto big = ReadHotlineSheet(Book(rows));
    ASSERT_FALSE(big);
    EXPECT_EQ(big.error().field, "file");
    EXPECT_NE(big.error().message.find("超过 2000 行"), std::string::npos) << big.error().message;
    rows.resize(app::kHotlineMaxRows + 1);  // the header and exactly the limit: read
    auto full = ReadHotlineSheet(Book(rows));
    ASSERT_TRUE(full);
    EXPECT_EQ(full->rows.size(), app::kHotlineMaxRows);
}

TEST(HotlineSheet, TheTemplateReadsBackAsOneGoodRow) {
    auto sheet = ReadHotlineSheet(HotlineTemplate());
    ASSERT_TRUE(sheet);
    EXPECT_TRUE(sheet->problems.empty());
    ASSERT_EQ(sheet->rows.size(), 1u);
    EXPECT_EQ(sheet->rows[0].ref, "JY2026030500123");
    EXPECT_EQ(sheet->rows[0].due_days, 5);
    EXPECT_EQ(sheet->sheet, "12345工单");
}

}  // namespace
}  // namespace lingyan::exchange::tickets
