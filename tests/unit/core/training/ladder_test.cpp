#include "core/training/ladder.hpp"

#include <gtest/gtest.h>

namespace lingyan::core::training {
namespace {

std::vector<LevelRecord> History() {
    return {{"副书记", 3, "2017-01-01", "初定"}, {"副书记", 4, "2019-01-01", "晋级"}};
}

TEST(Ladder, DefaultsAreFourPostsByFifteenLevelsAndValidate) {
    const LadderConfig ladder = FourByFifteenLadder();
    EXPECT_EQ(ladder.posts.size(), 4u);
    EXPECT_EQ(ladder.levels, 15);
    EXPECT_TRUE(ValidateLadder(ladder).ok());
    const LadderConfig variant = ThreeByEighteenLadder();
    EXPECT_EQ(variant.posts.size(), 3u);
    EXPECT_EQ(variant.levels, 18);
    EXPECT_EQ(variant.years_per_step, 3);
    LadderConfig broken = ladder;
    broken.pay.pop_back();
    EXPECT_EQ(ValidateLadder(broken).error().field, "pay");
}

TEST(Ladder, LevelOnPicksTheRecordInForce) {
    EXPECT_EQ(LevelOn(History(), "2018-12-31")->level, 3);
    EXPECT_EQ(LevelOn(History(), "2019-01-01")->level, 4);
    EXPECT_FALSE(LevelOn(History(), "2016-12-31").ok());
    auto unordered = History();
    std::swap(unordered[0], unordered[1]);
    EXPECT_FALSE(LevelOn(unordered, "2020-01-01").ok());
}

TEST(LadderPromotion, NeedsYearsAtLevelAndAPassingGrade) {
    const LadderConfig ladder = FourByFifteenLadder();
    struct Case {
        const char* as_of;
        Grade grade;
        bool eligible;
    } cases[] = {
        {"2020-12-31", Grade::kCompetent, false},          // 1 year at level 4
        {"2021-01-01", Grade::kCompetent, true},           // 2 years
        {"2020-01-01", Grade::kExcellent, true},           // 优秀 shortens the wait to 1 year
        {"2021-06-01", Grade::kBasicallyCompetent, false},  // grade blocks
        {"2021-06-01", Grade::kIncompetent, false},
    };
    for (const auto& c : cases) {
        auto check = CheckPromotion(ladder, History(), c.as_of, c.grade);
        ASSERT_TRUE(check.ok());
        EXPECT_EQ(check->eligible, c.eligible) << c.as_of << " " << GradeName(c.grade);
        EXPECT_EQ(check->next_level, c.eligible ? 5 : 4);
        EXPECT_EQ(check->reasons.size(), 3u);
    }
    auto promoted = Promote(ladder, History(), "2021-01-01", Grade::kCompetent);
    ASSERT_TRUE(promoted.ok());
    EXPECT_EQ(promoted->back().level, 5);
    auto refused = Promote(ladder, History(), "2020-06-01", Grade::kCompetent);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("本级任职 1 年，需满 2 年"), std::string::npos);
}

TEST(LadderPromotion, ThreeByEighteenStepsEveryThreeYearsAndStopsAtTheTop) {
    const LadderConfig ladder = ThreeByEighteenLadder();
    std::vector<LevelRecord> history{{"委员", 17, "2015-03-01", "初定"}};
    EXPECT_FALSE(CheckPromotion(ladder, history, "2018-02-28", Grade::kCompetent)->eligible);
    auto promoted = Promote(ladder, history, "2018-03-01", Grade::kCompetent);
    ASSERT_TRUE(promoted.ok());
    EXPECT_EQ(promoted->back().level, 18);
    EXPECT_FALSE(CheckPromotion(ladder, *promoted, "2030-01-01", Grade::kExcellent)->eligible);
}

TEST(LadderNegativeList, DemotesOneLevelAndRestartsTheClock) {
    const LadderConfig ladder = FourByFifteenLadder();
    auto demoted = DemoteForNegativeList(ladder, History(), "2020-06-01", "躺平奖");
    ASSERT_TRUE(demoted.ok());
    EXPECT_EQ(demoted->back().level, 3);
    EXPECT_EQ(demoted->back().reason, "负面清单降级：躺平奖");
    // Back at level 3 from 2020-06-01, not from 2017: two more years are needed.
    EXPECT_FALSE(CheckPromotion(ladder, *demoted, "2021-06-01", Grade::kCompetent)->eligible);
    EXPECT_TRUE(CheckPromotion(ladder, *demoted, "2022-06-01", Grade::kCompetent)->eligible);
    std::vector<LevelRecord> bottom{{"委员", 1, "2020-01-01", "初定"}};
    EXPECT_EQ(DemoteForNegativeList(ladder, bottom, "2021-01-01", "")->back().level, 1);
}

TEST(Ladder, PayBandPerLevel) {
    const LadderConfig ladder = FourByFifteenLadder();
    EXPECT_EQ(PayBandFor(ladder, 1)->min_yuan, 60000);
    EXPECT_EQ(PayBandFor(ladder, 15)->min_yuan, 130000);
    EXPECT_EQ(PayBandFor(ladder, 15)->max_yuan, 143000);
    EXPECT_FALSE(PayBandFor(ladder, 16).ok());
    EXPECT_FALSE(PayBandFor(ladder, 0).ok());
}

}  // namespace
TEST(Ladder, BuiltInLaddersAreChosenByName) {
    auto four = LadderByName("4x15");
    ASSERT_TRUE(four.ok());
    EXPECT_EQ(four->posts.size(), 4u);
    EXPECT_EQ(four->levels, 15);
    auto three = LadderByName("3x18");
    ASSERT_TRUE(three.ok());
    EXPECT_EQ(three->levels, 18);
    EXPECT_EQ(three->years_per_step, 3);
    auto bad = LadderByName("5x10");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().field, "ladder");
}

}  // namespace lingyan::core::training
