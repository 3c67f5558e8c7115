// The 导入荣誉 sheet reader (exchange/honours/honour_sheet): a county's own list with a title row and
// other spellings, years written with 年, ID numbers with a small x, every bad cell by row and
// column, and files that are no list of titles refused as a whole.
#include "exchange/honours/honour_sheet.hpp"

#include <gtest/gtest.h>

#include "integration/sheet_file.hpp"

namespace lingyan::exchange::honours {
namespace honour_sheet_test {

using Rows = lingyan::testing::SheetRows;

app::HonoursSheet Read(const Rows& rows) {
    auto sheet = ReadHonoursSheet(lingyan::testing::SheetBytes(rows, "名单"));
    EXPECT_TRUE(sheet) << sheet.error().message;
    return sheet ? *sheet : app::HonoursSheet{};
}

TEST(HonourSheet, ACountysOwnListWithATitleRowAndOtherSpellings) {
    auto sheet =
        Read({{"2021年度全市“金牌书记”名单"},
              {"序号", "姓名", "公民身份号码", "所在单位", "称号", "表彰级别", "年份", "表彰文号"},
              {"1", "王　建国", "32048119850615501x", "灵湖村", "金牌书记", "市级", "2021年", "泰组〔2021〕3号"},
              {"2", "", "", "三里村", "五星级党组织", "区县级", "2022", "姜组〔2022〕5号"}});
    ASSERT_TRUE(sheet.problems.empty()) << sheet.problems.front().message;
    ASSERT_EQ(sheet.rows.size(), 2u);
    const auto& a = sheet.rows[0];
    EXPECT_EQ(a.line, 3u);
    EXPECT_EQ(a.holder, "王建国");  // a Chinese name loses its padding
    EXPECT_EQ(a.id_number, "32048119850615501X");
    EXPECT_EQ(a.unit, "灵湖村");
    EXPECT_EQ(a.title, "金牌书记");
    EXPECT_EQ(a.level, core::honours::Level::kCity);
    EXPECT_EQ(a.year, 2021);
    EXPECT_EQ(a.document_no, "泰组〔2021〕3号");
    EXPECT_EQ(sheet.rows[1].holder, "");  // the unit's own honour
    EXPECT_EQ(sheet.rows[1].level, core::honours::Level::kCounty);
}

TEST(HonourSheet, EveryBadCellIsNamedByRowAndColumn) {
    auto sheet = Read({{"获得者", "单位", "荣誉称号", "级别", "年度", "文号"},
                       {"甲", "", "金牌书记", "市级", "2021", "x"},
                       {"乙", "灵湖村", "金牌书记", "国家级", "1900", "x"},
                       {"丙", "灵湖村", "", "市级", "2021", ""}});
    ASSERT_TRUE(sheet.rows.empty());
    std::vector<std::pair<std::uint32_t, std::string>> where;
    for (const auto& p : sheet.problems) where.emplace_back(p.line, p.column);
    const std::vector<std::pair<std::uint32_t, std::string>> expected = {
        {2, "单位"}, {3, "级别"}, {3, "年度"}, {4, "荣誉称号"}, {4, "文号"}};
    EXPECT_EQ(where, expected);
}

TEST(HonourSheet, WhatIsNoListOfTitlesIsRefused) {
    auto not_xlsx = ReadHonoursSheet("获得者,单位\n甲,乙\n");
    ASSERT_FALSE(not_xlsx);
    EXPECT_EQ(not_xlsx.error().field, "file");
    auto no_header = Read({{"姓名", "分数"}, {"张三", "5"}});
    ASSERT_EQ(no_header.problems.size(), 1u);
    EXPECT_NE(no_header.problems[0].message.find("荣誉称号"), std::string::npos);
    auto missing = Read({{"获得者", "单位", "荣誉称号", "年度"}, {"甲", "灵湖村", "金牌书记", "2021"}});
    ASSERT_EQ(missing.problems.size(), 1u);
    EXPECT_EQ(missing.problems[0].column, "级别");
    auto tpl = ReadHonoursSheet(HonoursTemplate());  // the template's example reads
    ASSERT_TRUE(tpl);
    ASSERT_EQ(tpl->rows.size(), 1u);
    EXPECT_EQ(tpl->rows[0].title, "金牌书记");
}

}  // namespace honour_sheet_test
}  // namespace lingyan::exchange::honours
