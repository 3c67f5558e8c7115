#include "core/arena/contest.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace lingyan::core::arena {
namespace {

ContestSetup Valid() {
    ContestSetup s;
    s.name = "领雁擂台赛";
    s.criteria = {{"statement", "现场陈述", 0, 40, 40, false},
                  {"defence", "现场答辩", 0, 10, 10, false},
                  {"inspection", "实地察看", 0, 50, 50, true}};
    s.aggregation = {1, false};
    for (int n = 1; n <= 3; ++n) s.seats.push_back(Seat{n, n, "评委" + std::to_string(n), 0});
    s.contestants = {Contestant{1, ContestantKind::kPerson, 0, 0, "甲"},
                     Contestant{2, ContestantKind::kPerson, 0, 0, "乙"}};
    s.rounds = {Round{"决赛", {1, 2}}};
    s.titles = {Title{"金牌书记", 1, std::nullopt, "county"}};
    return s;
}

TEST(ValidateSetup, AcceptsARunnableSetup) { EXPECT_TRUE(ValidateSetup(Valid()).ok()); }

TEST(ValidateSetup, RefusesWhatCannotRunAndNamesTheField) {
    struct Case {
        const char* name;
        void (*change)(ContestSetup&);
        const char* field;
    } cases[] = {
        {"no name", [](ContestSetup& s) { s.name.clear(); }, "name"},
        {"duplicate criterion", [](ContestSetup& s) { s.criteria[1].key = "statement"; }, "criteria[1].key"},
        {"zero max", [](ContestSetup& s) { s.criteria[0].max = 0; }, "criteria[0].max"},
        {"min above max", [](ContestSetup& s) { s.criteria[0].min = 50; }, "criteria[0].min"},
        {"zero weight", [](ContestSetup& s) { s.criteria[2].weight = 0; }, "criteria[2].weight"},
        {"only pre-scored criteria", [](ContestSetup& s) { s.criteria = {s.criteria[2]}; }, "criteria"},
        {"too few seats to trim", [](ContestSetup& s) { s.aggregation.trim = 2; }, "seats"},
        {"duplicate seat number", [](ContestSetup& s) { s.seats[1].number = 1; }, "seats[1].number"},
        {"unknown contestant in a round", [](ContestSetup& s) { s.rounds[0].order.push_back(9); }, "rounds[0].order"},
        {"contestant twice in a round", [](ContestSetup& s) { s.rounds[0].order.push_back(1); }, "rounds[0].order"},
        {"title quota below one", [](ContestSetup& s) { s.titles[0].quota = 0; }, "titles[0].quota"},
        {"campaign without criterion", [](ContestSetup& s) { s.campaign_id = 5; }, "campaign_criterion"},
    };
    for (const auto& c : cases) {
        ContestSetup s = Valid();
        c.change(s);
        auto st = ValidateSetup(s);
        ASSERT_FALSE(st.ok()) << c.name;
        EXPECT_EQ(st.error().field, c.field) << c.name;
    }
}

TEST(SheetTotal, WeightsEqualToMaximaCountValuesAsThemselves) {
    const auto s = Valid();
    EXPECT_DOUBLE_EQ(SheetTotal(s.criteria, {36.5, 8}), 44.5);
    EXPECT_DOUBLE_EQ(LiveMax(s.criteria), 50);
    bool complete = false;
    EXPECT_DOUBLE_EQ(PreTotal(s.criteria, {45.0}, &complete), 45);
    EXPECT_TRUE(complete);
    EXPECT_DOUBLE_EQ(PreTotal(s.criteria, {}, &complete), 0);
    EXPECT_FALSE(complete);
}

TEST(SheetTotal, ScalesByWeightShare) {
    // 陈述 out of 10 weighs 60 %, 答辩 out of 5 weighs 40 %: full marks are 100.
    std::vector<Criterion> criteria = {{"a", "陈述", 0, 10, 60, false}, {"b", "答辩", 0, 5, 40, false}};
    EXPECT_DOUBLE_EQ(SheetTotal(criteria, {10, 5}), 100);
    EXPECT_DOUBLE_EQ(SheetTotal(criteria, {5, 0}), 30);
}

TEST(CheckValues, RefusesOutOfRangeTooPreciseAndMissingValues) {
    const auto s = Valid();
    EXPECT_TRUE(CheckValues(s.criteria, {40, 0}).ok());
    EXPECT_EQ(CheckValues(s.criteria, {40.5, 5}).error().field, "statement");
    EXPECT_EQ(CheckValues(s.criteria, {30, -1}).error().field, "defence");
    EXPECT_EQ(CheckValues(s.criteria, {30.123, 5}).error().field, "statement");
    EXPECT_EQ(CheckValues(s.criteria, {30}).error().field, "defence");
    EXPECT_EQ(CheckValues(s.criteria, {30, 5, 5}).error().field, "values");
}

TEST(DrawOrder, IsAPermutationFixedByTheSeed) {
    std::vector<Id> ids = {1, 2, 3, 4, 5, 6, 7, 8};
    auto a = DrawOrder(ids, 42), b = DrawOrder(ids, 42), c = DrawOrder(ids, 43);
    EXPECT_EQ(a, b);
    EXPECT_NE(a, c);
    std::sort(a.begin(), a.end());
    EXPECT_EQ(a, ids);
}

}  // namespace
}  // namespace lingyan::core::arena
