#pragma once
// The shipped calendar of mainland China: national holidays and adjusted working weekends (调休)
// for 2020–2026, as the State Council's yearly notices (国务院办公厅关于XXXX年部分节假日安排的通知)
// announce them. Data only; see china_calendar.cpp for the source of each year and
// docs/workdays.md for how the next year is added.

#include <span>
#include <string_view>

#include "core/calendar/work_calendar.hpp"
#include "core/common/date.hpp"

namespace lingyan::core::calendar {

// One holiday block of a notice, e.g. 国庆节 2024-10-01 to 2024-10-07, both days included.
struct HolidayBlock {
    std::string_view name;  // 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节
    CivilDate first;
    CivilDate last;
};

// One year as its notice announces it.
struct ShippedYear {
    int year = 0;
    std::string_view source;                 // document number and date of the notice(s)
    std::span<const HolidayBlock> holidays;  // 放假 blocks, weekend days inside them included
    std::span<const CivilDate> workdays;     // 调休上班: the weekend days that are worked
};

// The shipped years in ascending order, contiguous: 2020 … 2026.
// When adding a year here ^, also update docs/workdays.md (sources table and the yearly counts)
// and the cross-check table and yearly counts in tests/unit/core/calendar/work_calendar_test.cpp.
std::span<const ShippedYear> ShippedChinaYears();

// The calendar built from ShippedChinaYears(), covering exactly those years. Built once; the
// reference stays valid for the whole program and is safe to share between threads.
const WorkCalendar& ShippedChinaCalendar();

}  // namespace lingyan::core::calendar
