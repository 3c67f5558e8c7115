#include "core/calendar/work_calendar.hpp"

#include <algorithm>
#include <cassert>
#include <string>
#include <utility>

namespace lingyan::core::calendar {
namespace {

// 1969-12-29, a Monday: day numbers are counted in whole weeks from here.
constexpr std::int64_t kMondayDay = -3;
// The last day a YYYY-MM-DD date can name (ParseIsoDate accepts years 1000..9999).
const std::int64_t kLastDay = DaysFromCivil({9999, 12, 31});

// MissingYearOf reads the year back from just after this prefix.
constexpr std::string_view kMissingYearPrefix = "工作日历没有 ";

std::int64_t FloorDiv(std::int64_t value, std::int64_t divisor) {
    const std::int64_t quotient = value / divisor;
    return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient;
}

// Monday–Friday days in [kMondayDay, day) — negative before kMondayDay; only differences matter.
std::int64_t WeekdaysBefore(std::int64_t day) {
    const std::int64_t offset = day - kMondayDay;
    const std::int64_t weeks = FloorDiv(offset, 7);
    return weeks * 5 + std::min<std::int64_t>(offset - weeks * 7, 5);
}

// Entries of the sorted `days` in (from_day, to_day].
std::int64_t CountIn(const std::vector<std::int64_t>& days, std::int64_t from_day, std::int64_t to_day) {
    return std::upper_bound(days.begin(), days.end(), to_day) - std::upper_bound(days.begin(), days.end(), from_day);
}

void SortUnique(std::vector<CivilDate>& dates) {
    std::sort(dates.begin(), dates.end());
    dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
}

}  // namespace

Error MissingYearError(int year) {
    return Invalid(std::string(kMissingYearPrefix) + std::to_string(year) + " 年的数据 (the calendar has no data for " +
                       std::to_string(year) + ")",
                   kMissingYearField);
}

std::optional<int> MissingYearOf(const Error& error) {
    if (error.field != kMissingYearField || !error.message.starts_with(kMissingYearPrefix)) return std::nullopt;
    int year = 0;
    bool any_digit = false;
    for (std::size_t pos = kMissingYearPrefix.size(); pos < error.message.size(); ++pos) {
        const char digit = error.message[pos];
        if (digit < '0' || digit > '9') break;
        year = year * 10 + (digit - '0');
        any_digit = true;
    }
    if (!any_digit) return std::nullopt;
    return year;
}

int WeekdayIndex(std::int64_t day) { return static_cast<int>(day - kMondayDay - FloorDiv(day - kMondayDay, 7) * 7); }

WorkCalendar::WorkCalendar(std::vector<CivilDate> holidays, std::vector<CivilDate> workdays,
                           std::optional<YearRange> covered)
    : holidays_(std::move(holidays)), workdays_(std::move(workdays)), covered_(covered) {
    SortUnique(holidays_);
    SortUnique(workdays_);
    for (const CivilDate& date : workdays_) {
        assert(IsValidDate(date));
        const std::int64_t day = DaysFromCivil(date);
        if (WeekdayIndex(day) >= 5) weekends_on_.push_back(day);
    }
    for (const CivilDate& date : holidays_) {
        assert(IsValidDate(date));
        const std::int64_t day = DaysFromCivil(date);
        // A day in both lists is a working day (the contract of CAL.json).
        if (WeekdayIndex(day) < 5 && !std::binary_search(workdays_.begin(), workdays_.end(), date)) {
            weekdays_off_.push_back(day);
        }
    }
    // Sorted already: the dates were sorted and day numbers grow with them.
}

std::int64_t WorkCalendar::CountDays(std::int64_t from_day, std::int64_t to_day) const {
    return WeekdaysBefore(to_day + 1) - WeekdaysBefore(from_day + 1) - CountIn(weekdays_off_, from_day, to_day) +
           CountIn(weekends_on_, from_day, to_day);
}

Status WorkCalendar::CheckCovered(std::int64_t first_day, std::int64_t last_day) const {
    if (!covered_) return Ok();
    const int first_year = CivilFromDays(first_day).year;
    if (!covered_->Contains(first_year)) return MissingYearError(first_year);
    const int last_year = CivilFromDays(last_day).year;
    // The range is contiguous, so a gap can only be past its end.
    if (!covered_->Contains(last_year)) return MissingYearError(covered_->last + 1);
    return Ok();
}

Result<bool> WorkCalendar::IsWorkday(const CivilDate& date) const {
    const std::int64_t day = DaysFromCivil(date);
    if (auto covered = CheckCovered(day, day); !covered) return covered.error();
    return CountDays(day - 1, day) == 1;
}

Result<CivilDate> WorkCalendar::AddWorkdays(const CivilDate& date, std::int64_t n) const {
    if (n < 1) return Invalid("工作日数须为正整数 (n must be at least 1, got " + std::to_string(n) + ")", "n");
    const std::int64_t start = DaysFromCivil(date);
    if (auto covered = CheckCovered(start + 1, start + 1); !covered) return covered.error();
    const std::int64_t limit = covered_ ? DaysFromCivil({covered_->last, 12, 31}) : kLastDay;
    if (start >= limit || CountDays(start, limit) < n) {
        if (covered_) return MissingYearError(covered_->last + 1);
        return Invalid("第 " + std::to_string(n) + " 个工作日晚于 9999-12-31 (the " + std::to_string(n) +
                           "-th working day after " + FormatIsoDate(date) + " lies after 9999-12-31)",
                       "n");
    }
    // The answer is the first day d with CountDays(start, d) >= n: the count grows by at most one
    // a day, so that day is a working day and the count there is exactly n. At most
    // weekdays_off_.size() weekdays in the span are holidays, so the answer lies within the
    // first n + weekdays_off_.size() weekdays after `start`: bound the search by that.
    const std::int64_t weekdays_needed = n + static_cast<std::int64_t>(weekdays_off_.size());
    std::int64_t low = start + 1;
    std::int64_t high = std::min(limit, start + (weekdays_needed / 5 + 1) * 7 + 2);
    while (low < high) {
        const std::int64_t mid = low + (high - low) / 2;
        if (CountDays(start, mid) >= n) {
            high = mid;
        } else {
            low = mid + 1;
        }
    }
    return CivilFromDays(low);
}

Result<std::int64_t> WorkCalendar::CountWorkdays(const CivilDate& from, const CivilDate& to) const {
    if (to < from) {
        return Invalid(
            "起始日期不得晚于结束日期 (from " + FormatIsoDate(from) + " is after to " + FormatIsoDate(to) + ")",
            "from");
    }
    if (from == to) return std::int64_t{0};
    const std::int64_t from_day = DaysFromCivil(from);
    const std::int64_t to_day = DaysFromCivil(to);
    if (auto covered = CheckCovered(from_day + 1, to_day); !covered) return covered.error();
    return CountDays(from_day, to_day);
}

Result<WorkCalendar> WorkCalendar::WithYear(int year, const std::vector<CivilDate>& holidays,
                                            const std::vector<CivilDate>& workdays) const {
    for (const auto* list : {&holidays, &workdays}) {
        for (const CivilDate& date : *list) {
            if (date.year != year) {
                return Invalid("日期 " + FormatIsoDate(date) + " 不属于 " + std::to_string(year) + " 年 (" +
                                   FormatIsoDate(date) + " is not in " + std::to_string(year) + ")",
                               list == &holidays ? "holidays" : "workdays");
            }
        }
    }
    std::optional<YearRange> covered = covered_;
    if (covered && !covered->Contains(year)) {
        if (year == covered->last + 1) {
            covered->last = year;
        } else if (year == covered->first - 1) {
            covered->first = year;
        } else {
            return Invalid("年份 " + std::to_string(year) + " 须与日历已有年份相接 (" + std::to_string(year) +
                               " must adjoin the covered years " + std::to_string(covered->first) + "–" +
                               std::to_string(covered->last) + ")",
                           kMissingYearField);
        }
    }
    auto keep_other_years = [year](const std::vector<CivilDate>& base, const std::vector<CivilDate>& added) {
        std::vector<CivilDate> merged;
        for (const CivilDate& date : base) {
            if (date.year != year) merged.push_back(date);
        }
        merged.insert(merged.end(), added.begin(), added.end());
        return merged;
    };
    return WorkCalendar(keep_other_years(holidays_, holidays), keep_other_years(workdays_, workdays), covered);
}

}  // namespace lingyan::core::calendar
