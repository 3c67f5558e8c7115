#include "core/calendar/china_calendar.hpp"

#include <cstdint>
#include <iterator>
#include <utility>
#include <vector>

namespace lingyan::core::calendar {
namespace {

// Each year is transcribed from its State Council notice: the 放假 blocks as announced (weekend
// days inside a block included, as the notice counts them) and the weekend days announced as
// working days (上班). Where a notice says a holiday is 与周末连休 (joined to the weekend), only
// the holiday itself is listed: the weekend is off anyway. Cross-checked day by day against the
// npm package chinese-days 1.5.7 (tests/unit/core/calendar/work_calendar_test.cpp).

// 2020 — 国务院办公厅关于2020年部分节假日安排的通知（国办发明电〔2019〕16号，2019-11-21）, amended by
// 国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号，2020-01-27）: the Spring Festival
// holiday was extended from 30 January to 2 February, so Saturday 1 February, announced as a
// working day, was a holiday after all.
constexpr HolidayBlock k2020Holidays[] = {
    {"元旦", {2020, 1, 1}, {2020, 1, 1}},     {"春节", {2020, 1, 24}, {2020, 2, 2}},
    {"清明节", {2020, 4, 4}, {2020, 4, 6}},   {"劳动节", {2020, 5, 1}, {2020, 5, 5}},
    {"端午节", {2020, 6, 25}, {2020, 6, 27}}, {"国庆节、中秋节", {2020, 10, 1}, {2020, 10, 8}},
};
constexpr CivilDate k2020Workdays[] = {
    {2020, 1, 19}, {2020, 4, 26}, {2020, 5, 9}, {2020, 6, 28}, {2020, 9, 27}, {2020, 10, 10},
};

// 2021 — 国务院办公厅关于2021年部分节假日安排的通知（国办发明电〔2020〕27号，2020-11-25）
constexpr HolidayBlock k2021Holidays[] = {
    {"元旦", {2021, 1, 1}, {2021, 1, 3}},     {"春节", {2021, 2, 11}, {2021, 2, 17}},
    {"清明节", {2021, 4, 3}, {2021, 4, 5}},   {"劳动节", {2021, 5, 1}, {2021, 5, 5}},
    {"端午节", {2021, 6, 12}, {2021, 6, 14}}, {"中秋节", {2021, 9, 19}, {2021, 9, 21}},
    {"国庆节", {2021, 10, 1}, {2021, 10, 7}},
};
constexpr CivilDate k2021Workdays[] = {
    {2021, 2, 7}, {2021, 2, 20}, {2021, 4, 25}, {2021, 5, 8}, {2021, 9, 18}, {2021, 9, 26}, {2021, 10, 9},
};

// 2022 — 国务院办公厅关于2022年部分节假日安排的通知（国办发明电〔2021〕11号，2021-10-25）
constexpr HolidayBlock k2022Holidays[] = {
    {"元旦", {2022, 1, 1}, {2022, 1, 3}},     {"春节", {2022, 1, 31}, {2022, 2, 6}},
    {"清明节", {2022, 4, 3}, {2022, 4, 5}},   {"劳动节", {2022, 4, 30}, {2022, 5, 4}},
    {"端午节", {2022, 6, 3}, {2022, 6, 5}},   {"中秋节", {2022, 9, 10}, {2022, 9, 12}},
    {"国庆节", {2022, 10, 1}, {2022, 10, 7}},
};
constexpr CivilDate k2022Workdays[] = {
    {2022, 1, 29}, {2022, 1, 30}, {2022, 4, 2}, {2022, 4, 24}, {2022, 5, 7}, {2022, 10, 8}, {2022, 10, 9},
};

// 2023 — 国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号，2022-12-08）.
// Its 元旦 block starts on Saturday 31 December 2022.
constexpr HolidayBlock k2023Holidays[] = {
    {"元旦", {2022, 12, 31}, {2023, 1, 2}},   {"春节", {2023, 1, 21}, {2023, 1, 27}},
    {"清明节", {2023, 4, 5}, {2023, 4, 5}},   {"劳动节", {2023, 4, 29}, {2023, 5, 3}},
    {"端午节", {2023, 6, 22}, {2023, 6, 24}}, {"中秋节、国庆节", {2023, 9, 29}, {2023, 10, 6}},
};
constexpr CivilDate k2023Workdays[] = {
    {2023, 1, 28}, {2023, 1, 29}, {2023, 4, 23}, {2023, 5, 6}, {2023, 6, 25}, {2023, 10, 7}, {2023, 10, 8},
};

// 2024 — 国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号，2023-10-25）
constexpr HolidayBlock k2024Holidays[] = {
    {"元旦", {2024, 1, 1}, {2024, 1, 1}},     {"春节", {2024, 2, 10}, {2024, 2, 17}},
    {"清明节", {2024, 4, 4}, {2024, 4, 6}},   {"劳动节", {2024, 5, 1}, {2024, 5, 5}},
    {"端午节", {2024, 6, 10}, {2024, 6, 10}}, {"中秋节", {2024, 9, 15}, {2024, 9, 17}},
    {"国庆节", {2024, 10, 1}, {2024, 10, 7}},
};
constexpr CivilDate k2024Workdays[] = {
    {2024, 2, 4},  {2024, 2, 18}, {2024, 4, 7},  {2024, 4, 28},
    {2024, 5, 11}, {2024, 9, 14}, {2024, 9, 29}, {2024, 10, 12},
};

// 2025 — 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）, the first
// under the amended 全国年节及纪念日放假办法 (除夕 and 2 May became holidays).
constexpr HolidayBlock k2025Holidays[] = {
    {"元旦", {2025, 1, 1}, {2025, 1, 1}},    {"春节", {2025, 1, 28}, {2025, 2, 4}},
    {"清明节", {2025, 4, 4}, {2025, 4, 6}},  {"劳动节", {2025, 5, 1}, {2025, 5, 5}},
    {"端午节", {2025, 5, 31}, {2025, 6, 2}}, {"国庆节、中秋节", {2025, 10, 1}, {2025, 10, 8}},
};
constexpr CivilDate k2025Workdays[] = {
    {2025, 1, 26}, {2025, 2, 8}, {2025, 4, 27}, {2025, 9, 28}, {2025, 10, 11},
};

// 2026 — 国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号，2025-11-04）
constexpr HolidayBlock k2026Holidays[] = {
    {"元旦", {2026, 1, 1}, {2026, 1, 3}},     {"春节", {2026, 2, 15}, {2026, 2, 23}},
    {"清明节", {2026, 4, 4}, {2026, 4, 6}},   {"劳动节", {2026, 5, 1}, {2026, 5, 5}},
    {"端午节", {2026, 6, 19}, {2026, 6, 21}}, {"中秋节", {2026, 9, 25}, {2026, 9, 27}},
    {"国庆节", {2026, 10, 1}, {2026, 10, 7}},
};
constexpr CivilDate k2026Workdays[] = {
    {2026, 1, 4}, {2026, 2, 14}, {2026, 2, 28}, {2026, 5, 9}, {2026, 9, 20}, {2026, 10, 10},
};

constexpr ShippedYear kShippedYears[] = {
    {2020, "国办发明电〔2019〕16号 (2019-11-21) and 国办发明电〔2020〕1号 (2020-01-27)", k2020Holidays, k2020Workdays},
    {2021, "国办发明电〔2020〕27号 (2020-11-25)", k2021Holidays, k2021Workdays},
    {2022, "国办发明电〔2021〕11号 (2021-10-25)", k2022Holidays, k2022Workdays},
    {2023, "国办发明电〔2022〕16号 (2022-12-08)", k2023Holidays, k2023Workdays},
    {2024, "国办发明电〔2023〕7号 (2023-10-25)", k2024Holidays, k2024Workdays},
    {2025, "国办发明电〔2024〕12号 (2024-11-12)", k2025Holidays, k2025Workdays},
    {2026, "国办发明电〔2025〕7号 (2025-11-04)", k2026Holidays, k2026Workdays},
};

WorkCalendar BuildShippedCalendar() {
    std::vector<CivilDate> holidays;
    std::vector<CivilDate> workdays;
    for (const ShippedYear& year : kShippedYears) {
        for (const HolidayBlock& block : year.holidays) {
            for (std::int64_t day = DaysFromCivil(block.first); day <= DaysFromCivil(block.last); ++day) {
                holidays.push_back(CivilFromDays(day));
            }
        }
        workdays.insert(workdays.end(), year.workdays.begin(), year.workdays.end());
    }
    return WorkCalendar(std::move(holidays), std::move(workdays),
                        YearRange{kShippedYears[0].year, std::end(kShippedYears)[-1].year});
}

}  // namespace

std::span<const ShippedYear> ShippedChinaYears() { return kShippedYears; }

const WorkCalendar& ShippedChinaCalendar() {
    static const WorkCalendar kCalendar = BuildShippedCalendar();
    return kCalendar;
}

}  // namespace lingyan::core::calendar
