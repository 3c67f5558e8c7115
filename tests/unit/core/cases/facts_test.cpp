#include "core/cases/facts.hpp"

#include <gtest/gtest.h>

namespace lingyan::core::cases {
namespace {

TEST(ExtractFacts, DatesAsPreciseAsWrittenEachOnce) {
    const auto f = ExtractFacts(
        {"2021年03月22日发布。2020年以来，自2021年3月起；2021-03-22 再议。", "2021年03月22日重复", "9999年1月"});
    ASSERT_EQ(f.dates.size(), 4u);
    EXPECT_EQ(f.dates[0].text, "2021年03月22日");
    EXPECT_EQ(f.dates[0].date, "2021-03-22");
    EXPECT_EQ(f.dates[1].date, "2020");
    EXPECT_EQ(f.dates[2].text, "2021年3月");
    EXPECT_EQ(f.dates[2].date, "2021-03");
    EXPECT_EQ(f.dates[3].date, "2021-03-22");  // 9999年1月 is no date the library keeps
}

TEST(ExtractFacts, NumbersWithTheirUnitAndSentence) {
    const auto f = ExtractFacts({"分两批选派48名书记。村营收入约1.6亿元，同比增86%！电话13524678515。"});
    ASSERT_EQ(f.numbers.size(), 3u);
    EXPECT_EQ(f.numbers[0].text, "48名");
    EXPECT_EQ(f.numbers[0].context, "分两批选派48名书记。");
    EXPECT_EQ(f.numbers[1].text, "1.6亿元");
    EXPECT_EQ(f.numbers[2].text, "86%");
    EXPECT_EQ(f.numbers[2].context, "村营收入约1.6亿元，同比增86%！");
}

TEST(MentionedUnits, FullNamesShortNamesOfTownsAndTheLongerOfTwoOverlapping) {
    const std::vector<NamedUnit> units = {{1, "张家港市"}, {2, "北联村"}, {3, "联村"},   {4, "善港村"},
                                          {5, "罗塘街道"}, {6, "新村"},   {7, "大新镇"}, {8, "金港镇"}};
    const auto ids = MentionedUnits("张家港的北联村、善港村与北联村结对；罗塘街道、大新镇新凯村", units, 10);
    // 北联村 twice first; 联村 only inside 北联村; 新村 is not a town and not named in full; 金港 not named.
    EXPECT_EQ(ids, (std::vector<roster::Id>{2, 1, 4, 5, 7}));
    EXPECT_EQ(MentionedUnits("张家港", units, 0).size(), 0u);
    EXPECT_TRUE(MentionedUnits("", units, 5).empty());
}

}  // namespace
}  // namespace lingyan::core::cases
