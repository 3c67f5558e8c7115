#include "core/training/bonus_pool.hpp"

#include <gtest/gtest.h>

#include <numeric>

namespace lingyan::core::training {
namespace {

TEST(BonusSplit, SharesByLevelWeightTimesGradeCoefficientWithArithmetic) {
    const LadderConfig ladder = FourByFifteenLadder();  // weight 1.0 + 0.1·(level−1)
    std::vector<BonusParticipant> people{{1, "甲", 6, Grade::kExcellent},   // 1.5 × 1.2 = 1.8
                                         {2, "乙", 1, Grade::kCompetent},   // 1.0 × 1.0 = 1.0
                                         {3, "丙", 11, Grade::kIncompetent}};  // 2.0 × 0 = 0
    auto split = SplitBonusPool(280000, people, ladder);  // 2,800.00 yuan
    ASSERT_TRUE(split.ok());
    EXPECT_DOUBLE_EQ(split->total_weight, 2.8);
    EXPECT_EQ(split->lines[0].amount_fen, 180000);
    EXPECT_EQ(split->lines[1].amount_fen, 100000);
    EXPECT_EQ(split->lines[2].amount_fen, 0);
    EXPECT_EQ(split->lines[0].arithmetic, "等级权重 1.50 × 系数 1.20 = 1.8000；1.8000 ÷ 2.8000 × 2800.00 元 = 1800.00 元");
    EXPECT_EQ(split->summary, "奖金池 2800.00 元，3 人，总权重 2.8000，分配 2800.00 元");
}

TEST(BonusSplit, HandsOutExactlyThePoolByLargestRemainder) {
    const LadderConfig ladder = FourByFifteenLadder();
    std::vector<BonusParticipant> people{{1, "甲", 1, Grade::kCompetent},
                                         {2, "乙", 1, Grade::kCompetent},
                                         {3, "丙", 1, Grade::kCompetent}};
    auto split = SplitBonusPool(100, people, ladder);  // 1 yuan among three
    ASSERT_TRUE(split.ok());
    EXPECT_EQ(split->lines[0].amount_fen, 34);  // the leftover fen goes to the first on a tie
    EXPECT_EQ(split->lines[1].amount_fen, 33);
    EXPECT_EQ(split->lines[2].amount_fen, 33);
    for (std::int64_t pool : {1LL, 99LL, 100000001LL, 7LL}) {
        std::vector<BonusParticipant> mixed{{1, "甲", 3, Grade::kExcellent},
                                            {2, "乙", 9, Grade::kBasicallyCompetent},
                                            {3, "丙", 15, Grade::kCompetent},
                                            {4, "丁", 2, Grade::kCompetent}};
        auto s = SplitBonusPool(pool, mixed, ladder);
        ASSERT_TRUE(s.ok());
        std::int64_t sum = 0;
        for (const auto& line : s->lines) sum += line.amount_fen;
        EXPECT_EQ(sum, pool);
    }
}

TEST(BonusSplit, RefusesBadInput) {
    const LadderConfig ladder = FourByFifteenLadder();
    EXPECT_EQ(SplitBonusPool(-1, {}, ladder).error().field, "pool");
    EXPECT_FALSE(SplitBonusPool(100, {{1, "甲", 16, Grade::kCompetent}}, ladder).ok());
    EXPECT_FALSE(SplitBonusPool(100, {{1, "甲", 2, Grade::kCompetent}, {1, "甲", 2, Grade::kCompetent}}, ladder).ok());
    EXPECT_EQ(SplitBonusPool(100, {{1, "甲", 2, Grade::kIncompetent}}, ladder).error().field, "participants");
    EXPECT_TRUE(SplitBonusPool(0, {}, ladder).ok());
    EXPECT_EQ(FormatYuan(1234567), "12345.67");
    EXPECT_EQ(FormatYuan(5), "0.05");
}

}  // namespace
}  // namespace lingyan::core::training

namespace lingyan::core::training {
namespace {

TEST(BonusSplit, RefusesAPoolNearTheIntegerLimitInsteadOfOverflowing) {
    const auto ladder = FourByFifteenLadder();
    std::vector<BonusParticipant> people{{1, "甲", 1, Grade::kCompetent}, {2, "乙", 15, Grade::kExcellent}};
    auto huge = SplitBonusPool(std::int64_t{9223372036854775000}, people, ladder);
    ASSERT_FALSE(huge.ok());
    EXPECT_EQ(huge.error().field, "pool");
    auto largest = SplitBonusPool(kMaxPoolFen, people, ladder);
    ASSERT_TRUE(largest.ok());
    std::int64_t sum = 0;
    for (const auto& line : largest->lines) sum += line.amount_fen;
    EXPECT_EQ(sum, kMaxPoolFen);
}

}  // namespace
}  // namespace lingyan::core::training
