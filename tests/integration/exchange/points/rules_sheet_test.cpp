// The 积分细则 workbook (exchange/points/rules_sheet): the export's columns read back as written,
// a county's own table (a title row, other spellings, columns in another order, 序号 and 备注 not
// read), every bad cell by row and column, and files that are no catalog refused as a whole.
#include "exchange/points/rules_sheet.hpp"

#include <gtest/gtest.h>

#include "integration/sheet_file.hpp"

namespace lingyan::exchange::points {
namespace rules_sheet_test {

using Rows = lingyan::testing::SheetRows;
constexpr core::points::Points P = core::points::kOnePoint;

app::RulesSheet Read(const Rows& rows) {
    auto sheet = ReadRulesSheet(lingyan::testing::SheetBytes(rows, "细则"));
    EXPECT_TRUE(sheet) << sheet.error().message;
    return sheet ? *sheet : app::RulesSheet{};
}

TEST(RulesSheet, TheExportReadsBackAsWritten) {
    std::vector<core::ports::PointsRuleRecord> rules(2);
    rules[0].rule = {"XX01", "参加“三会一课”", "学习活动", 5 * P, 60 * P, true, "签到记录"};
    rules[1].rule = {"FM03", "受到党纪政务处分", "负面清单", -100 * P - 50, std::nullopt, false, ""};
    rules[1].active = false;
    auto sheet = ReadRulesSheet(RulesXlsx(rules));
    ASSERT_TRUE(sheet) << sheet.error().message;
    ASSERT_TRUE(sheet->problems.empty()) << sheet->problems.front().message;
    EXPECT_EQ(sheet->sheet, "积分细则");
    ASSERT_EQ(sheet->rules.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        const auto& got = sheet->rules[i];
        EXPECT_EQ(got.line, i + 2);
        EXPECT_EQ(got.rule.code, rules[i].rule.code);
        EXPECT_EQ(got.rule.name, rules[i].rule.name);
        EXPECT_EQ(got.rule.category, rules[i].rule.category);
        EXPECT_EQ(got.rule.points, rules[i].rule.points);
        EXPECT_EQ(got.rule.cap, rules[i].rule.cap);
        EXPECT_EQ(got.rule.needs_approval, rules[i].rule.needs_approval);
        EXPECT_EQ(got.rule.evidence, rules[i].rule.evidence);
        EXPECT_EQ(got.active, rules[i].active);
    }
}

TEST(RulesSheet, ACountysOwnTableWithATitleRowAndOtherSpellings) {
    auto sheet = Read({{"某县农村党员积分管理细则（2026年版）"},
                       {"序号", "积分事项", "分类", "细则编码", "分数", "封顶", "是否需审核", "备注"},
                       {"1", "参加主题党日", "学习活动", "XX02", "5", "60", "否", "每月一次"},
                       {"2", "调处矛盾纠纷", "纠纷调处", "JF01", "10", "", "", ""}});
    ASSERT_TRUE(sheet.problems.empty()) << sheet.problems.front().message;
    ASSERT_EQ(sheet.rules.size(), 2u);
    EXPECT_EQ(sheet.rules[0].line, 3u);
    EXPECT_EQ(sheet.rules[0].rule.code, "XX02");
    EXPECT_EQ(sheet.rules[0].rule.name, "参加主题党日");
    EXPECT_EQ(sheet.rules[0].rule.cap, 60 * P);
    EXPECT_FALSE(sheet.rules[0].rule.needs_approval);
    EXPECT_EQ(sheet.rules[1].rule.points, 10 * P);
    EXPECT_FALSE(sheet.rules[1].rule.cap.has_value());
    EXPECT_TRUE(sheet.rules[1].rule.needs_approval);  // blank: 是
    EXPECT_TRUE(sheet.rules[1].active);               // no 状态 column: 启用
}

TEST(RulesSheet, EveryBadCellIsNamedByRowAndColumn) {
    auto sheet = Read({{"编码", "名称", "类别", "分值", "上限", "需审核", "状态"},
                       {"A 1", "甲", "学习活动", "1", "", "", ""},
                       {"A2", "乙", "学习活动", "0", "", "", ""},
                       {"A3", "丙", "学习活动", "1.005", "0", "", ""},
                       {"A4", "", "", "2", "", "要", "作废"}});
    ASSERT_TRUE(sheet.rules.empty());
    std::vector<std::pair<std::uint32_t, std::string>> where;
    for (const auto& p : sheet.problems) where.emplace_back(p.line, p.column);
    const std::vector<std::pair<std::uint32_t, std::string>> expected = {
        {2, "编码"}, {3, "分值"}, {4, "分值"},   {4, "上限"},
        {5, "名称"}, {5, "类别"}, {5, "需审核"}, {5, "状态"}};  // a row's every problem at once
    EXPECT_EQ(where, expected);
}

TEST(RulesSheet, WhatIsNoCatalogIsRefusedAsAWhole) {
    auto not_xlsx = ReadRulesSheet("编码,名称\nXX01,甲\n");
    ASSERT_FALSE(not_xlsx);
    EXPECT_EQ(not_xlsx.error().field, "file");
    auto no_header = Read({{"姓名", "分数"}, {"张三", "5"}});
    ASSERT_EQ(no_header.problems.size(), 1u);
    EXPECT_NE(no_header.problems[0].message.find("编码"), std::string::npos);
    auto missing = Read({{"编码", "名称", "分值"}, {"XX01", "甲", "5"}});
    ASSERT_EQ(missing.problems.size(), 1u);
    EXPECT_EQ(missing.problems[0].column, "类别");
    Rows many = {{"编码", "名称", "类别", "分值"}};
    for (std::size_t i = 0; i <= kMaxRulesRows; ++i) many.push_back({"R" + std::to_string(i), "甲", "乙", "1"});
    auto too_many = ReadRulesSheet(lingyan::testing::SheetBytes(many));
    ASSERT_FALSE(too_many);
    EXPECT_EQ(too_many.error().field, "file");
}

}  // namespace rules_sheet_test
}  // namespace lingyan::exchange::points
