#include "core/tickets/supervision.hpp"

#include <gtest/gtest.h>

#include "core/calendar/china_calendar.hpp"

namespace lingyan::core::tickets {
namespace {

CivilDate D(const char* s) { return *ParseIsoDate(s); }

const calendar::WorkCalendar& Cal() { return calendar::ShippedChinaCalendar(); }

TEST(ColourOf, FollowsTheWorkingDaysLeftAndProgress) {
    // Assigned Monday 2025-09-22 with 10 working days: the National Day week (10-01…10-08) is off and
    // Sunday 09-28 and Saturday 10-11 are worked, so the deadline is that Saturday, 2025-10-11.
    auto deadline = DeadlineAfter(D("2025-09-22"), 10, Cal());
    ASSERT_TRUE(deadline.ok());
    EXPECT_EQ(FormatIsoDate(*deadline), "2025-10-11");
    const ColourRules rules;
    struct Case {
        const char* name;
        const char* today;
        const char* note;  // "" = no progress note
        Colour colour;
    } cases[] = {
        {"just assigned", "2025-09-22", "", Colour::kNone},
        {"a third passed", "2025-09-25", "", Colour::kNone},
        {"two thirds passed without a note (7 of 10, the worked Sunday counts)", "2025-09-30", "", Colour::kYellow},
        {"six of ten passed: not yet yellow", "2025-09-29", "", Colour::kNone},
        {"two thirds passed with a note", "2025-09-30", "2025-09-26", Colour::kNone},
        {"a note from before the assignment does not count", "2025-09-30", "2025-09-20", Colour::kYellow},
        {"the holiday week adds nothing", "2025-10-08", "2025-09-26", Colour::kNone},
        {"two working days left (10-10 and the worked Saturday 10-11)", "2025-10-09", "2025-09-26", Colour::kNone},
        {"one working day left", "2025-10-10", "2025-09-26", Colour::kBlue},
        {"deadline day", "2025-10-11", "2025-09-26", Colour::kBlue},
        {"the Sunday after the deadline", "2025-10-12", "2025-09-26", Colour::kRed},
        {"red outranks yellow", "2025-10-13", "", Colour::kRed},
        {"yellow outranks blue", "2025-10-11", "", Colour::kYellow},
    };
    for (const auto& c : cases) {
        Timing t{D("2025-09-22"), *deadline, std::nullopt};
        if (*c.note) t.last_note_on = D(c.note);
        auto colour = ColourOf(t, D(c.today), Cal(), rules);
        ASSERT_TRUE(colour.ok()) << c.name;
        EXPECT_EQ(ColourName(*colour), std::string(ColourName(c.colour))) << c.name;
    }
}

TEST(ColourOf, ThresholdsAreConfigurable) {
    Timing t{D("2025-03-03"), D("2025-03-14"), D("2025-03-04")};  // 9 working days, a note
    ColourRules rules;
    rules.blue_days_left = 3;
    EXPECT_EQ(*ColourOf(t, D("2025-03-11"), Cal(), rules), Colour::kBlue);
    rules.blue_days_left = 1;
    EXPECT_EQ(*ColourOf(t, D("2025-03-11"), Cal(), rules), Colour::kNone);
    t.last_note_on.reset();
    rules.yellow_numerator = 1;
    rules.yellow_denominator = 3;
    EXPECT_EQ(*ColourOf(t, D("2025-03-06"), Cal(), rules), Colour::kYellow);  // 3 of 9
    EXPECT_EQ(*ColourOf(t, D("2025-03-05"), Cal(), rules), Colour::kNone);    // 2 of 9
}

TEST(ColourOf, AYearTheCalendarLacksIsAnError) {
    Timing t{D("2030-03-04"), D("2030-03-15"), std::nullopt};
    auto colour = ColourOf(t, D("2030-03-05"), Cal(), ColourRules{});
    ASSERT_FALSE(colour.ok());
    EXPECT_EQ(calendar::MissingYearOf(colour.error()), 2030);
}

TEST(Deadline, AllowedDaysByCategoryAndPriority) {
    EXPECT_EQ(*AllowedDays("livelihood", Priority::kNormal), 10);
    EXPECT_EQ(*AllowedDays("基础设施", Priority::kNormal), 20);
    EXPECT_EQ(*AllowedDays("environment", Priority::kHigh), 8);
    EXPECT_EQ(*AllowedDays("industry", Priority::kUrgent), 2);
    EXPECT_EQ(AllowedDays("weather", Priority::kNormal).error().field, "category");
}

TEST(Deadline, AHandSetDeadlineMustBeALaterWorkingDay) {
    const auto from = D("2025-09-22");
    EXPECT_TRUE(CheckDeadline(D("2025-09-30"), from, Cal()).ok());
    EXPECT_TRUE(CheckDeadline(D("2025-09-28"), from, Cal()).ok());  // the worked Sunday
    auto holiday = CheckDeadline(D("2025-10-03"), from, Cal());
    ASSERT_FALSE(holiday.ok());
    EXPECT_EQ(holiday.error().field, "deadline");
    EXPECT_NE(holiday.error().message.find("不是工作日"), std::string::npos);
    EXPECT_FALSE(CheckDeadline(D("2025-09-27"), from, Cal()).ok());  // a Saturday
    EXPECT_FALSE(CheckDeadline(from, from, Cal()).ok());
    EXPECT_EQ(DeadlineAfter(from, 0, Cal()).error().field, "days");
}

TEST(Deadline, SigningIsDueWithinOneWorkingDay) {
    EXPECT_FALSE(*SignedLate(D("2025-09-26"), D("2025-09-26"), Cal()));
    EXPECT_FALSE(*SignedLate(D("2025-09-26"), D("2025-09-28"), Cal()));  // Friday → the worked Sunday
    EXPECT_TRUE(*SignedLate(D("2025-09-26"), D("2025-09-29"), Cal()));
    EXPECT_FALSE(*SignedLate(D("2025-09-30"), D("2025-10-09"), Cal()));  // across the holiday week
}

TEST(Talk, ThreeRedsInAPeriodFlagATalk) {
    ColourRules rules;
    EXPECT_EQ(PeriodStart(D("2025-08-19"), rules), D("2025-07-01"));
    rules.talk_period_months = 12;
    EXPECT_EQ(PeriodStart(D("2025-08-19"), rules), D("2025-01-01"));
    rules.talk_period_months = 1;
    EXPECT_EQ(PeriodStart(D("2025-08-19"), rules), D("2025-08-01"));
    EXPECT_FALSE(NeedsTalk(2, rules));
    EXPECT_TRUE(NeedsTalk(3, rules));
}

TEST(ColourRules, NonsenseThresholdsAreRefusedByField) {
    struct Case {
        const char* field;
        ColourRules rules;
    } cases[] = {
        {"blue_days_left", {-1, 2, 3, 3, 3}}, {"yellow_numerator", {1, 3, 3, 3, 3}},
        {"yellow_denominator", {1, 1, 1, 3, 3}}, {"talk_reds", {1, 2, 3, 0, 3}},
        {"talk_period_months", {1, 2, 3, 3, 5}},
    };
    EXPECT_TRUE(Validate(ColourRules{}).ok());
    for (const auto& c : cases) EXPECT_EQ(Validate(c.rules).error().field, c.field);
}

}  // namespace
}  // namespace lingyan::core::tickets
