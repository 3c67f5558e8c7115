#include "exchange/calendar/calendar_json.hpp"

#include <gtest/gtest.h>

#include <string>

#include "core/common/date.hpp"

namespace lingyan::exchange {
namespace {

using core::CivilDate;

TEST(CalendarJson, ReadsBothListsForAnyYear) {
    auto calendar = ParseCalendarJson(R"({"holidays": ["2030-10-02", "2030-10-01", "2030-10-01"],
                                         "workdays": ["2030-09-29"]})");
    ASSERT_TRUE(calendar.ok()) << calendar.error().message;
    EXPECT_FALSE(calendar->covered_years().has_value());
    EXPECT_EQ(calendar->holidays(), (std::vector<CivilDate>{{2030, 10, 1}, {2030, 10, 2}}));
    EXPECT_EQ(calendar->workdays(), (std::vector<CivilDate>{{2030, 9, 29}}));
    EXPECT_EQ(core::FormatIsoDate(*calendar->AddWorkdays({2030, 9, 27}, 2)), "2030-09-30");
}

TEST(CalendarJson, BothMembersAreOptional) {
    for (const char* text : {"{}", R"({"holidays": []})", R"({"workdays": ["1999-01-02"]})", " {\n} \n"}) {
        auto calendar = ParseCalendarJson(text);
        EXPECT_TRUE(calendar.ok()) << text << ": " << calendar.error().message;
    }
}

TEST(CalendarJson, RefusesWithTheLocationAndTheValue) {
    struct Case {
        const char* text;
        const char* field;
        const char* in_message;
    } cases[] = {
        {"{\n  \"holidays\": [\n    \"2030-01-01\",,\n  ]\n}", "line 3", "JSON"},
        {"", "line 1", "JSON"},
        {"{\"holidays\": []} trailing", "line 1", "JSON"},
        {"[]", "", "JSON 对象"},
        {"\"2030-01-01\"", "", "got a string"},
        {R"({"holidays": "2030-01-01"})", "holidays", "\"2030-01-01\""},
        {R"({"workdays": {"a": 1}})", "workdays", "an object"},
        {R"({"holidays": ["2030-01-01", "2030-02-30"]})", "holidays[1]", "\"2030-02-30\""},
        {R"({"holidays": ["2030-1-5"]})", "holidays[0]", "\"2030-1-5\""},
        {R"({"holidays": [" 2030-01-05"]})", "holidays[0]", "\" 2030-01-05\""},
        {R"({"workdays": [20300105]})", "workdays[0]", "20300105"},
        {R"({"workdays": [null]})", "workdays[0]", "null"},
        {R"({"holiday": []})", "holiday", "unknown key \"holiday\""},
        {R"({"holidays": [], "comment": "x"})", "comment", "unknown key"},
        {"{\"holidays\": [\"2030-01-01\"],\n \"holidays\": []}", "holidays", "more than once"},
    };
    for (const Case& c : cases) {
        auto calendar = ParseCalendarJson(c.text);
        ASSERT_FALSE(calendar.ok()) << c.text;
        EXPECT_EQ(calendar.error().code, core::errc::kInvalid) << c.text;
        EXPECT_EQ(calendar.error().field, c.field) << c.text << " → " << calendar.error().message;
        EXPECT_NE(calendar.error().message.find(c.in_message), std::string::npos)
            << c.text << " → " << calendar.error().message;
    }
}

TEST(CalendarJson, ShortensLongValuesInMessages) {
    const std::string long_value(500, 'x');
    auto calendar = ParseCalendarJson("{\"holidays\": [\"" + long_value + "\"]}");
    ASSERT_FALSE(calendar.ok());
    EXPECT_LT(calendar.error().message.size(), 250u);
}

}  // namespace
}  // namespace lingyan::exchange
