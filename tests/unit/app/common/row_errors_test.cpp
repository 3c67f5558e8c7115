#include "app/common/row_errors.hpp"

#include <gtest/gtest.h>

namespace lingyan::app {
namespace {

TEST(MergeRowErrors, OrdersByRowAndPutsTheFilesOwnProblemsFirstWithinARow) {
    const std::vector<SheetProblem> file{{5, "2月", "应为数字"}, {2, "身份证号", "校验位错误"}};
    std::vector<RowError> checks{{"名册", 5, "单位代码", "单位不存在"}, {"名册", 3, "姓名", "姓名为空"}};
    const auto merged = MergeRowErrors("名册", file, checks);
    ASSERT_EQ(merged.size(), 4u);
    EXPECT_EQ(merged[0].row, 2);
    EXPECT_EQ(merged[0].field, "身份证号");
    EXPECT_EQ(merged[1].row, 3);
    EXPECT_EQ(merged[2].row, 5);
    EXPECT_EQ(merged[2].field, "2月");  // the file's problem before the check of the same row
    EXPECT_EQ(merged[3].field, "单位代码");
    for (const auto& e : merged) EXPECT_EQ(e.sheet, "名册");
}

TEST(MergeRowErrors, KeepsTheOrderOfErrorsOfOneRow) {
    std::vector<RowError> first{{"", 4, "a", "1"}, {"", 4, "b", "2"}};
    std::vector<RowError> checks{{"", 1, "c", "3"}, {"", 4, "d", "4"}};
    const auto merged = MergeRowErrors(first, checks);
    ASSERT_EQ(merged.size(), 4u);
    EXPECT_EQ(merged[0].field, "c");
    EXPECT_EQ(merged[1].field, "a");
    EXPECT_EQ(merged[2].field, "b");
    EXPECT_EQ(merged[3].field, "d");
}

TEST(MergeRowErrors, NoErrorsMergeToNone) { EXPECT_TRUE(MergeRowErrors("", {}, {}).empty()); }

}  // namespace
}  // namespace lingyan::app

namespace lingyan::app {
namespace {

TEST(ErrorRows, OneRowWithSeveralErrorsIsOneRow) {
    const std::vector<RowError> errors{{"名册", 3, "性别", "a"}, {"名册", 3, "出生日期", "b"}, {"名册", 3, "学历", "c"},
                                       {"名册", 5, "单位代码", "d"}, {"说明", 5, "", "e"}};
    EXPECT_EQ(CountErrorRows(errors), 3u);
    EXPECT_EQ(ErrorRowsSummary(errors), "共 3 行有错误（5 处）");
    EXPECT_EQ(ErrorRowsSummary({{"名册", 2, "", "x"}}), "共 1 行有错误");
}

}  // namespace
}  // namespace lingyan::app
