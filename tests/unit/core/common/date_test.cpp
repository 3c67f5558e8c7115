#include "core/common/date.hpp"

#include <gtest/gtest.h>

namespace lingyan::core {
namespace {

TEST(Date, ParsesValidIsoDatesAndRefusesOthers) {
    struct Case {
        const char* text;
        bool valid;
    } cases[] = {{"2024-02-29", true},  {"2023-02-29", false}, {"1900-02-29", false}, {"2000-02-29", true},
                 {"2024-13-01", false}, {"2024-04-31", false}, {"2024-4-1", false},   {"20240401", false},
                 {"2024-04-0a", false}, {"", false},           {"2024-12-31", true}};
    for (const auto& c : cases) EXPECT_EQ(ParseIsoDate(c.text).has_value(), c.valid) << c.text;
    EXPECT_FALSE(ParseIsoDateField("2024-02-30", "birth_date").ok());
    EXPECT_EQ(ParseIsoDateField("x", "birth_date").error().field, "birth_date");
    // One wording for a bad date everywhere (DateProblem's).
    EXPECT_EQ(ParseIsoDateField("2024-02-30", "deadline").error().message,
              "日期 2024-02-30 不存在（月份为 01–12，日不超过当月天数）");
    EXPECT_EQ(ParseIsoDateField("2024/02/03", "deadline").error().message, "日期格式应为 YYYY-MM-DD");
}

TEST(Date, AProblemNamesTheShapeOrTheMissingDay) {
    EXPECT_EQ(DateProblem("日期", "2026/01/02"), "日期格式应为 YYYY-MM-DD");
    EXPECT_EQ(DateProblem("日期", "2026-1-2"), "日期格式应为 YYYY-MM-DD");
    EXPECT_EQ(DateProblem("开始日期", "2026-13-40"), "开始日期 2026-13-40 不存在（月份为 01–12，日不超过当月天数）");
    EXPECT_EQ(DateProblem("日期", "2025-02-29"), "日期 2025-02-29 不存在（月份为 01–12，日不超过当月天数）");
}

TEST(Date, DaysFromCivilRoundTripsAndKnowsTheEpoch) {
    EXPECT_EQ(DaysFromCivil({1970, 1, 1}), 0);
    EXPECT_EQ(DaysFromCivil({2000, 3, 1}) - DaysFromCivil({2000, 2, 28}), 2);
    EXPECT_EQ(DaysFromCivil({1969, 12, 31}), -1);
    for (std::int64_t days = -800000; days < 800000; days += 997) {
        EXPECT_EQ(DaysFromCivil(CivilFromDays(days)), days);
    }
    EXPECT_EQ(FormatIsoDate(CivilFromDays(DaysFromCivil({2021, 3, 22}))), "2021-03-22");
}

TEST(Date, AgeCountsWholeYearsAndLeapDayBirthdays) {
    EXPECT_EQ(AgeOn({1986, 7, 1}, {2021, 6, 30}), 34);
    EXPECT_EQ(AgeOn({1986, 7, 1}, {2021, 7, 1}), 35);
    EXPECT_EQ(AgeOn({2000, 2, 29}, {2023, 2, 28}), 22);
    EXPECT_EQ(AgeOn({2000, 2, 29}, {2023, 3, 1}), 23);
    EXPECT_EQ(AgeOn({2000, 2, 29}, {2024, 2, 29}), 24);
    EXPECT_EQ(FullYearsBetween({2024, 1, 1}, {2020, 1, 1}), -4);
}

TEST(Date, AddMonthsClampsToTheEndOfTheMonth) {
    EXPECT_EQ(AddMonths({2024, 1, 31}, 1), (CivilDate{2024, 2, 29}));
    EXPECT_EQ(AddMonths({2023, 1, 31}, 1), (CivilDate{2023, 2, 28}));
    EXPECT_EQ(AddMonths({2024, 7, 15}, 6), (CivilDate{2025, 1, 15}));
    EXPECT_EQ(AddMonths({2024, 1, 15}, -1), (CivilDate{2023, 12, 15}));
    EXPECT_EQ(AddMonths({2024, 3, 31}, -13), (CivilDate{2023, 2, 28}));
}

}  // namespace
}  // namespace lingyan::core

namespace lingyan::core {
namespace {

TEST(ChinaTimeOfIso, ReadsAUtcInstantEightHoursLaterAcrossDaysMonthsAndYears) {
    EXPECT_EQ(ChinaTimeOfIso("2026-12-06T08:00:00Z"), "2026-12-06 16:00:00");
    EXPECT_EQ(ChinaTimeOfIso("2026-12-06T19:26:01Z"), "2026-12-07 03:26:01");
    EXPECT_EQ(ChinaTimeOfIso("2026-12-31T16:00:00Z"), "2027-01-01 00:00:00");
    EXPECT_EQ(ChinaTimeOfIso("2028-02-28T20:15:09.123Z"), "2028-02-29 04:15:09");
}

TEST(ChinaTimeOfIso, LeavesTextOfAnotherShapeAsItIs) {
    for (const char* text : {"", "2026-12-06", "2026-12-06 19:26:01", "2026-12-06T19:26:01+08:00", "2026-13-06T19:26:01Z",
                             "2026-12-06T24:00:00Z", "2026-12-06Tab:cd:efZ"})
        EXPECT_EQ(ChinaTimeOfIso(text), text);
}

TEST(IsoUtcOfUnix, WritesInstantsAsTheServerStampsThem) {
    EXPECT_EQ(IsoUtcOfUnix(0), "1970-01-01T00:00:00Z");
    EXPECT_EQ(IsoUtcOfUnix(1796601600 - kChinaUtcOffsetSeconds), "2026-12-06T16:00:00Z");  // 2026-12-07 00:00 in China
    EXPECT_EQ(IsoUtcOfUnix(1709164799), "2024-02-28T23:59:59Z");
    EXPECT_EQ(IsoUtcOfUnix(-1), "1969-12-31T23:59:59Z");
    EXPECT_EQ(ChinaTimeOfIso(IsoUtcOfUnix(1796601600 - kChinaUtcOffsetSeconds)), "2026-12-07 00:00:00");
}

}  // namespace
}  // namespace lingyan::core
