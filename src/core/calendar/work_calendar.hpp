#pragma once
// WorkCalendar: which days are working days (工作日). A day is a working day when it is listed
// in `workdays` (调休上班), or it is Monday–Friday and not listed in `holidays` (放假). A calendar
// either covers a contiguous range of years (the shipped China calendar: 2020–2026) or any year
// (a calendar the user supplies). Asking about a day outside the covered years is an error naming
// the missing year — never a guess.
//
// Add and count cost O(log H) for H listed days, whatever the span: whole weeks are counted
// arithmetically and the lists are only binary-searched. A WorkCalendar is an immutable value;
// its const functions are safe to call from many threads.

#include <cstdint>
#include <optional>
#include <vector>

#include "core/common/date.hpp"
#include "core/common/result.hpp"

namespace lingyan::core::calendar {

// Inclusive range of years.
struct YearRange {
    int first = 0;
    int last = 0;
    bool Contains(int year) const { return year >= first && year <= last; }
    friend bool operator==(const YearRange&, const YearRange&) = default;
};

// The `field` of the Error returned for a day outside the covered years.
inline constexpr const char* kMissingYearField = "year";

// The Error for a day in `year`, which the calendar has no data for (errc::kInvalid, field
// kMissingYearField, the year in the message).
Error MissingYearError(int year);
// The year a MissingYearError names; nullopt for any other error.
std::optional<int> MissingYearOf(const Error& error);

class WorkCalendar {
public:
    // Monday–Friday, no exceptions, any year.
    WorkCalendar() = default;
    // `covered` nullopt: any year. The lists may repeat days and come in any order; a day in
    // both lists is a working day. Every date must be valid (IsValidDate).
    WorkCalendar(std::vector<CivilDate> holidays, std::vector<CivilDate> workdays,
                 std::optional<YearRange> covered = std::nullopt);

    // The covered years; nullopt when the calendar answers for any year.
    const std::optional<YearRange>& covered_years() const { return covered_; }
    // The lists as given, sorted and without repeats.
    const std::vector<CivilDate>& holidays() const { return holidays_; }
    const std::vector<CivilDate>& workdays() const { return workdays_; }

    // Whether `date` is a working day; a MissingYearError when its year is not covered.
    Result<bool> IsWorkday(const CivilDate& date) const;

    // The n-th working day after `date` (`date` itself not counted), n >= 1. Errors: n < 1
    // (errc::kInvalid, field "n"); a MissingYearError when a day after `date` up to the answer
    // lies outside the covered years (`date` itself need not be covered: it is not examined);
    // errc::kInvalid when the answer would lie after 9999-12-31.
    Result<CivilDate> AddWorkdays(const CivilDate& date, std::int64_t n) const;

    // How many working days lie in (from, to]: 0 when from == to. Errors: from after to
    // (errc::kInvalid, field "from"); a MissingYearError when a day in (from, to] lies outside the
    // covered years (`from` itself need not be covered).
    Result<std::int64_t> CountWorkdays(const CivilDate& from, const CivilDate& to) const;

    // The same calendar with `year`'s lists replaced by the given ones (days of other years in
    // them are refused) and `year` covered — how the next year's State Council notice is added.
    // For a calendar with covered years, `year` must be covered already or adjoin the range.
    Result<WorkCalendar> WithYear(int year, const std::vector<CivilDate>& holidays,
                                  const std::vector<CivilDate>& workdays) const;

private:
    // Working days in (from_day, to_day], both day numbers (DaysFromCivil), from_day <= to_day;
    // no coverage check.
    std::int64_t CountDays(std::int64_t from_day, std::int64_t to_day) const;
    // A MissingYearError when a day in [first_day, last_day] lies outside the covered years.
    Status CheckCovered(std::int64_t first_day, std::int64_t last_day) const;

    std::vector<CivilDate> holidays_;
    std::vector<CivilDate> workdays_;
    std::optional<YearRange> covered_;
    // The effective exceptions as day numbers, sorted: holidays that fall on Monday–Friday and are
    // not also workdays, and workdays that fall on Saturday or Sunday. Other entries change nothing.
    std::vector<std::int64_t> weekdays_off_;
    std::vector<std::int64_t> weekends_on_;
};

// Day of the week of a day number (DaysFromCivil): 0 = Monday … 6 = Sunday.
int WeekdayIndex(std::int64_t day);

}  // namespace lingyan::core::calendar
