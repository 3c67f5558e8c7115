#include "core/indicators/metric_progress.hpp"

#include <gtest/gtest.h>

namespace lingyan::core::evaluation {
namespace {

TEST(MetricProgress, CumulatesToTheMonthAndComparesWithTargetAndLastYear) {
    MonthlyValues now{}, before{};
    now[0] = 100, now[1] = 120, now[2] = 80, now[3] = 500;  // April is after the month asked for
    before[0] = 90, before[1] = 110, before[2] = 50;
    const auto p = Progress(1200.0, now, before, 3);
    EXPECT_DOUBLE_EQ(p.cumulative, 300);
    EXPECT_EQ(p.months_reported, 3);
    ASSERT_TRUE(p.completion);
    EXPECT_DOUBLE_EQ(*p.completion, 0.25);
    ASSERT_TRUE(p.last_year);
    EXPECT_DOUBLE_EQ(*p.last_year, 250);
    ASSERT_TRUE(p.growth);
    EXPECT_DOUBLE_EQ(*p.growth, 0.2);
}

TEST(MetricProgress, NoTargetNoLastYearNoRatios) {
    MonthlyValues now{}, before{};
    now[0] = 10;
    const auto p = Progress(std::nullopt, now, before, 12);
    EXPECT_DOUBLE_EQ(p.cumulative, 10);
    EXPECT_FALSE(p.completion);
    EXPECT_FALSE(p.last_year);
    EXPECT_FALSE(p.growth);
}

TEST(MetricProgress, NegativeBaseGrowsTowardsZeroAsImprovement) {
    MonthlyValues now{}, before{};
    now[0] = -50;
    before[0] = -100;  // a loss halved is +50 %
    const auto p = Progress(0.0, now, before, 1);
    EXPECT_FALSE(p.completion);  // target 0: no rate
    ASSERT_TRUE(p.growth);
    EXPECT_DOUBLE_EQ(*p.growth, 0.5);
}

TEST(MetricProgress, NothingReportedThisYearHasNoRates) {
    MonthlyValues now{}, before{};
    before[0] = 100;
    const auto p = Progress(100.0, now, before, 6);
    EXPECT_EQ(p.months_reported, 0);
    EXPECT_FALSE(p.completion);
    EXPECT_FALSE(p.growth);
    ASSERT_TRUE(p.last_year);
}

}  // namespace
}  // namespace lingyan::core::evaluation
