#include "core/points/tally.hpp"

#include <gtest/gtest.h>

#include "core/points/model.hpp"
#include "core/points/scheme.hpp"

namespace lingyan::core::points {
namespace tally_test {  // named: one unity-build unit holds several test files

constexpr Points P(std::int64_t whole) { return whole * kOnePoint; }

Day D(int year, unsigned month, unsigned day) { return DaysFromCivil(year, month, day); }

TallyConfig YearConfig() {
    TallyConfig config;
    config.period = Period{D(2025, 1, 1), D(2025, 12, 31)};
    config.rules = {
        Rule{"S1", "参加学习", "学习活动", P(2), P(10)},
        Rule{"V1", "志愿服务", "志愿服务", P(5), std::nullopt},
        Rule{"N1", "违反纪律", "负面清单", P(-8), P(12)},
    };
    return config;
}

LedgerEvent Approved(MemberIdx member, RuleIdx rule, Day date, Points quantity = kOnePoint) {
    return LedgerEvent{member, rule, date, EventStatus::kApproved, quantity};
}

TEST(PointsTally, OnlyApprovedEventsCount) {
    const auto config = YearConfig();
    const std::vector<LedgerEvent> events = {
        Approved(0, 1, D(2025, 3, 1)),
        LedgerEvent{0, 1, D(2025, 3, 2), EventStatus::kPending},
        LedgerEvent{0, 1, D(2025, 3, 3), EventStatus::kRejected},
    };
    EXPECT_EQ(TallyTotals(config, 1, events)[0], P(5));
}

TEST(PointsTally, PeriodEdgesAreInclusive) {
    const auto config = YearConfig();
    const std::vector<LedgerEvent> events = {
        Approved(0, 1, D(2024, 12, 31)), Approved(0, 1, D(2025, 1, 1)),
        Approved(0, 1, D(2025, 12, 31)), Approved(0, 1, D(2026, 1, 1)),
    };
    EXPECT_EQ(TallyTotals(config, 1, events)[0], P(10));
}

TEST(PointsTally, CapClipsTheSumPerMemberPerRule) {
    const auto config = YearConfig();
    std::vector<LedgerEvent> events;
    for (int event_idx = 0; event_idx < 7; ++event_idx) events.push_back(Approved(0, 0, D(2025, 4, 1)));  // 14 > cap 10
    events.push_back(Approved(1, 0, D(2025, 4, 1), 3 * kOnePoint));                                      // 6 < cap
    const auto totals = TallyTotals(config, 2, events);
    EXPECT_EQ(totals[0], P(10));
    EXPECT_EQ(totals[1], P(6));
}

TEST(PointsTally, NegativeRulesClipToMinusCap) {
    const auto config = YearConfig();
    const std::vector<LedgerEvent> events = {
        Approved(0, 2, D(2025, 5, 1)), Approved(0, 2, D(2025, 6, 1)),  // −16 → −12
        Approved(0, 1, D(2025, 6, 1)),                                 // +5
        Approved(1, 2, D(2025, 5, 1)),                                 // −8, above −cap
    };
    const auto totals = TallyTotals(config, 2, events);
    EXPECT_EQ(totals[0], P(-7));
    EXPECT_EQ(totals[1], P(-8));
}

TEST(PointsTally, QuantityMultipliesRulePointsInHundredths) {
    EXPECT_EQ(EventWorth(P(5), 250), 1250);  // 5 × 2.5
    EXPECT_EQ(EventWorth(150, 50), 75);      // 1.5 × 0.5
    EXPECT_EQ(EventWorth(-333, 50), -167);   // rounds half away from zero
}

TEST(PointsTally, CappedDeltaIsTheChangeOfTheClippedSum) {
    EXPECT_EQ(CappedDelta(P(8), P(5), P(10)), P(2));
    EXPECT_EQ(CappedDelta(P(10), P(5), P(10)), 0);
    EXPECT_EQ(CappedDelta(P(-10), P(-8), P(12)), P(-2));
    EXPECT_EQ(CappedDelta(P(3), P(4), std::nullopt), P(4));
}

TEST(PointsStars, CountThresholdsAtOrBelowTheTotal) {
    const StarThresholds stars;
    const struct {
        Points total;
        int stars;
    } cases[] = {{P(-1), 0}, {0, 1}, {P(59), 1}, {P(60), 2}, {5999, 1}, {P(120), 3}, {P(180), 4}, {P(240), 5}, {P(999), 5}};
    for (const auto& c : cases) EXPECT_EQ(StarsFor(c.total, stars), c.stars) << c.total;
}

TEST(PointsRanking, TiesShareTheBetterRank) {
    const std::vector<Points> totals = {P(5), P(9), P(5), P(1), P(9)};
    EXPECT_EQ(CompetitionRanks(totals), (std::vector<std::int64_t>{3, 1, 3, 5, 1}));
    const std::vector<std::int32_t> groups = {0, 0, 1, 1, 1};
    EXPECT_EQ(RanksWithinGroups(totals, groups, 2), (std::vector<std::int64_t>{2, 1, 2, 3, 1}));
}

TEST(PointsRanking, TopIncludesMembersTiedAtTheBoundary) {
    const std::vector<Points> totals = {P(7), P(9), P(7), P(1), P(7)};
    const auto top = TopWithTies(totals, {0, 1, 2, 3, 4}, 2);
    ASSERT_EQ(top.size(), 4u);
    EXPECT_EQ(top[0].member, 1);
    EXPECT_EQ(top[1].rank, 2);
    EXPECT_EQ(top[3].rank, 2);
    EXPECT_EQ(top[3].member, 4);
    EXPECT_TRUE(TopWithTies(totals, {0, 1}, 0).empty());
}

TEST(PointsModel, ParsesDatesAndRefusesImpossibleOnes) {
    EXPECT_EQ(ParseDate("2024-02-29"), D(2024, 2, 29));
    EXPECT_FALSE(ParseDate("2025-02-29"));
    EXPECT_FALSE(ParseDate("2025-13-01"));
    EXPECT_FALSE(ParseDate("2025-1-01"));
    EXPECT_FALSE(ParseDate("2025/01/01"));
    EXPECT_EQ(FormatDate(D(1999, 12, 31)), "1999-12-31");
}

TEST(PointsModel, ParsesAndFormatsFixedPoint) {
    EXPECT_EQ(ParsePoints("12"), 1200);
    EXPECT_EQ(ParsePoints("-3.5"), -350);
    EXPECT_EQ(ParsePoints("0.25"), 25);
    EXPECT_EQ(ParsePoints("1.500"), 150);
    EXPECT_FALSE(ParsePoints("1.505"));
    EXPECT_FALSE(ParsePoints("abc"));
    EXPECT_FALSE(ParsePoints(""));
    EXPECT_FALSE(ParsePoints("1e3"));
    EXPECT_FALSE(ParsePoints("."));
    EXPECT_EQ(FormatPoints(-350, false), "-3.50");
    EXPECT_EQ(FormatPoints(-5, false), "-0.05");
    EXPECT_EQ(FormatPoints(-1200, true), "-12");
    EXPECT_EQ(FormatPoints(0, true), "0");
}

TEST(PointsScheme, BasePointsAndZeroingItems) {
    auto config = YearConfig();
    SchemeOptions options{P(60), {2}};
    const std::vector<LedgerEvent> events = {Approved(0, 1, D(2025, 2, 1)), Approved(1, 2, D(2025, 2, 1))};
    const auto totals = TallyTotals(config, 2, events);
    const auto zeroed = ZeroedMembers(config, options, 2, events);
    EXPECT_EQ(SchemeTotal(totals[0], zeroed[0], options), P(65));
    EXPECT_EQ(SchemeTotal(totals[1], zeroed[1], options), 0);
}

TEST(PointsScheme, AReversalCancelsTheZeroingItItCorrects) {
    auto config = YearConfig();
    SchemeOptions options{P(60), {2}};
    const std::vector<LedgerEvent> events = {
        Approved(0, 2, D(2025, 2, 1)),
        Approved(0, 2, D(2025, 2, 1), -kOnePoint),  // zeroed, then reversed
        Approved(1, 2, D(2025, 2, 1)),
        Approved(1, 2, D(2025, 3, 1)),
        Approved(1, 2, D(2025, 3, 1), -kOnePoint),  // one of two reversed
        Approved(2, 2, D(2026, 1, 5)),              // outside the period
    };
    const auto zeroed = ZeroedMembers(config, options, 3, events);
    EXPECT_EQ(zeroed, (std::vector<bool>{false, true, false}));
}

TEST(PointsScheme, GradeQuotasParseAndFormat) {
    const auto grades = ParseGradeQuotas("优秀:1/3;良好:1/2;合格");
    ASSERT_TRUE(grades.has_value());
    ASSERT_EQ(grades->size(), 3u);
    EXPECT_EQ((*grades)[0].name, "优秀");
    EXPECT_EQ((*grades)[0].max_share_num, 1);
    EXPECT_EQ((*grades)[0].max_share_den, 3);
    EXPECT_EQ((*grades)[2].name, "合格");
    EXPECT_EQ(FormatGradeQuotas(*grades), "优秀:1/3;良好:1/2;合格");
    EXPECT_EQ(ParseGradeQuotas("")->size(), 0u);
    for (const char* bad : {"优秀:1/0", "优秀:4/3", ":1/3", "优秀:1", "优秀:a/3;合格", "优秀:1/3;;合格"})
        EXPECT_FALSE(ParseGradeQuotas(bad).has_value()) << bad;
}

TEST(PointsScheme, MonthlyAndQuarterlySubTotals) {
    const auto config = YearConfig();
    const auto months = SplitPeriod(*config.period, SubPeriod::kMonth);
    ASSERT_EQ(months.size(), 12u);
    EXPECT_EQ(months[1].from, D(2025, 2, 1));
    EXPECT_EQ(months[1].to, D(2025, 2, 28));
    const auto quarters = SplitPeriod(Period{D(2025, 2, 15), D(2025, 8, 10)}, SubPeriod::kQuarter);
    ASSERT_EQ(quarters.size(), 3u);
    EXPECT_EQ(quarters[0].from, D(2025, 2, 15));
    EXPECT_EQ(quarters[2].to, D(2025, 8, 10));
    const std::vector<LedgerEvent> events = {Approved(0, 1, D(2025, 1, 31)), Approved(0, 1, D(2025, 4, 1)),
                                             Approved(0, 1, D(2025, 6, 30)), Approved(1, 1, D(2025, 6, 30))};
    EXPECT_EQ(SubTotals(config, 0, events, SplitPeriod(*config.period, SubPeriod::kQuarter)),
              (std::vector<Points>{P(5), P(10), 0, 0}));
}

TEST(PointsScheme, ForcedDistributionNeverSplitsATie) {
    const std::vector<GradeQuota> grades = {{"优秀", 1, 3}, {"合格", 1, 1}};
    // 6 members: quota floor(6/3) = 2; the top two are distinct.
    EXPECT_EQ(ForcedDistribution({P(9), P(8), P(7), P(6), P(5), P(4)}, grades), (std::vector<int>{0, 0, 1, 1, 1, 1}));
    // A three-way tie for second would exceed the quota: only the leader is 优秀.
    EXPECT_EQ(ForcedDistribution({P(9), P(8), P(8), P(8), P(5), P(4)}, grades), (std::vector<int>{0, 1, 1, 1, 1, 1}));
}

}  // namespace tally_test
}  // namespace lingyan::core::points
