#pragma once
// Calendar dates as ISO "YYYY-MM-DD" strings, and the little arithmetic the rules need (ages,
// years in post, month offsets). Proleptic Gregorian calendar; pure functions, thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/common/result.hpp"

namespace lingyan::core {

struct CivilDate {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..DaysInMonth
    friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);
// True iff the triple names a real calendar day (leap years included).
bool IsValidDate(const CivilDate& date);

// Parses exactly "YYYY-MM-DD" (years 1000..9999) and checks the day exists; nullopt otherwise.
std::optional<CivilDate> ParseIsoDate(std::string_view text);
// Like ParseIsoDate, but an Error (errc::kInvalid, field `field`) worded as DateProblem("日期", text).
Result<CivilDate> ParseIsoDateField(std::string_view text, std::string_view field);
std::string FormatIsoDate(const CivilDate& date);
// Why `text` is not a date, for a message about the field `label` (开始日期, 日期, …): its shape is
// not YYYY-MM-DD, or it has that shape but names no calendar day (2026-13-40, 2025-02-29).
std::string DateProblem(std::string_view label, std::string_view text);

// Days since 1970-01-01 (negative before), after H. Hinnant's days_from_civil.
std::int64_t DaysFromCivil(const CivilDate& date);
CivilDate CivilFromDays(std::int64_t days);

// Whole years from `from` to `to` (0 when `to` is before the first anniversary; negative when
// `to` < `from`). Someone born on 29 February has the anniversary on 1 March in common years.
int FullYearsBetween(const CivilDate& from, const CivilDate& to);
// Age in whole years on date `on`.
inline int AgeOn(const CivilDate& birth, const CivilDate& on) { return FullYearsBetween(birth, on); }

// China Standard Time is UTC+8 all year (no daylight saving): the zone of the server's days
// (Clock::Today) and of the times people read.
inline constexpr std::int64_t kChinaUtcOffsetSeconds = 8 * 3600;

// An instant the server wrote (ISO 8601 UTC, "2026-12-06T19:26:01Z", fractions of a second
// allowed) as people read it in China (UTC+8, no daylight saving): "2026-12-07 03:26:01". Text of
// another shape is returned as it is.
std::string ChinaTimeOfIso(std::string_view iso_utc);
// Unix seconds as the server writes instants: ISO 8601 UTC, "2026-12-06T16:00:00Z".
std::string IsoUtcOfUnix(std::int64_t unix_seconds);

// Adds (or with a negative count subtracts) calendar months; the day is clamped to the end of
// the target month (2024-01-31 + 1 month = 2024-02-29).
CivilDate AddMonths(const CivilDate& date, int months);

}  // namespace lingyan::core
