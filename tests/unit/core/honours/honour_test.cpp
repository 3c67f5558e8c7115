#include "core/honours/honour.hpp"

#include <gtest/gtest.h>

namespace lingyan::core::honours {
namespace {

Honour Of(std::string title, Level level, int year) {
    Honour h;
    h.person_id = 1;
    h.title = std::move(title);
    h.level = level;
    h.year = year;
    return h;
}

TEST(Validate, RefusesHonoursWithoutTitleHolderYearOrDocument) {
    Honour h = Of("金牌书记", Level::kCounty, 2025);
    h.source = Source::kContest;
    EXPECT_TRUE(Validate(h).ok());
    h.source = Source::kManual;
    EXPECT_EQ(Validate(h).error().field, "document_no");
    h.document_no = "柯组〔2025〕12号";
    EXPECT_TRUE(Validate(h).ok());
    h.year = 1900;
    EXPECT_EQ(Validate(h).error().field, "year");
    h.year = 2025;
    h.title.clear();
    EXPECT_EQ(Validate(h).error().field, "title");
}

TEST(Satisfying, MatchesTitleLevelAndTheLastYears) {
    const std::vector<Honour> honours = {Of("金牌书记", Level::kCounty, 2025), Of("金牌书记", Level::kCity, 2021),
                                         Of("四好书记", Level::kCity, 2025)};
    struct Case {
        const char* name;
        HonourRule rule;
        int year;
        bool found;
    } cases[] = {
        {"county title counts for a county rule", {"金牌书记", Level::kCounty, 3}, 2026, true},
        {"a county title is below a city rule", {"金牌书记", Level::kCity, 3}, 2026, false},
        {"the city title of 2021 is too old for the last 3 years", {"金牌书记", Level::kCity, 3}, 2026, false},
        {"but counts for the last 6 years", {"金牌书记", Level::kCity, 6}, 2026, true},
        {"any year", {"金牌书记", Level::kCity, 0}, 2026, true},
        {"a future title does not count", {"四好书记", Level::kCity, 3}, 2024, false},
        {"another title does not count", {"标杆书记", Level::kTown, 0}, 2026, false},
    };
    for (const auto& c : cases) EXPECT_EQ(Satisfying(honours, c.rule, c.year) != nullptr, c.found) << c.name;
}

TEST(Level, ReadsNamesAndLabels) {
    EXPECT_EQ(LevelFromName("city"), Level::kCity);
    EXPECT_EQ(LevelFromName("市级"), Level::kCity);
    EXPECT_FALSE(LevelFromName("国家级").has_value());
    EXPECT_STREQ(LevelLabel(Level::kTown), "镇街级");
}

}  // namespace
}  // namespace lingyan::core::honours
