#pragma once
// Supervision (督办) on the working-day calendar: how long a ticket is given (by category and
// priority), its deadline, and its colour on a day —
//   red     the deadline has passed (overdue);
//   yellow  two thirds (configurable) of the allowed working days have passed with no progress note;
//   blue    one working day (configurable) or less is left;
//   none    otherwise, and for tickets that are not being worked (registered, reported, closed…).
// Red outranks yellow, yellow outranks blue. A unit with three (configurable) tickets turning red
// within one period (a quarter by default) is flagged for a formal talk (约谈).
// All days are counted with core/calendar; pure functions, thread-safe.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/calendar/work_calendar.hpp"
#include "core/common/date.hpp"
#include "core/common/result.hpp"

namespace lingyan::core::tickets {

// Ordered by severity: the rank is the enum value (stored and sorted on).
enum class Colour { kNone = 0, kBlue = 1, kYellow = 2, kRed = 3 };
const char* ColourName(Colour c);  // none, blue, yellow, red
std::optional<Colour> ColourFromName(std::string_view s);

enum class Priority { kUrgent, kHigh, kNormal };
const char* PriorityName(Priority p);   // urgent, high, normal
const char* PriorityLabel(Priority p);  // 紧急, 较急, 一般
std::optional<Priority> PriorityFromName(std::string_view s);

// The categories of items and their working days at normal priority; high takes half (rounded up),
// urgent takes 2 working days whatever the category. When adding one, also update the locales.
struct Category {
    std::string_view name;   // livelihood, infrastructure, …
    std::string_view label;  // 民生服务, 基础设施, …
    int normal_days;
};
std::span<const Category> Categories();
const Category* FindCategory(std::string_view name);  // by name or label; nullptr when unknown
// The working days a ticket of `category` at `priority` is given (Invalid naming "category").
Result<int> AllowedDays(std::string_view category, Priority priority);

// The thresholds, kept per deployment and changed by admin.
struct ColourRules {
    int blue_days_left = 1;           // blue when this many working days or fewer are left
    int yellow_numerator = 2;         // yellow when numerator/denominator of the time has passed…
    int yellow_denominator = 3;       // …with no progress note
    int talk_reds = 3;                // this many reds of one unit within a period flag a talk
    int talk_period_months = 3;       // the period: calendar blocks of this many months from January
};
// Refuses thresholds that make no sense (naming the field): blue 0–10, 0 < numerator < denominator ≤ 10,
// talk_reds 1–100, period 1, 2, 3, 4, 6 or 12 months.
Status Validate(const ColourRules& rules);

// The dates that decide a running ticket's colour.
struct Timing {
    CivilDate assigned_on;
    CivilDate deadline;
    std::optional<CivilDate> last_note_on;  // the latest progress note since this assignment
};

// The colour of a running ticket on `today`. Errors only from the calendar (a year it lacks).
Result<Colour> ColourOf(const Timing& timing, const CivilDate& today, const calendar::WorkCalendar& cal,
                        const ColourRules& rules);

// The deadline `days` working days after `from` (Invalid when days < 1 or > 250).
Result<CivilDate> DeadlineAfter(const CivilDate& from, int days, const calendar::WorkCalendar& cal);
// A deadline set by hand: a working day after `from` (Invalid naming "deadline" otherwise).
Status CheckDeadline(const CivilDate& deadline, const CivilDate& from, const calendar::WorkCalendar& cal);
// Signing is due within one working day of the assignment: true when `signed_on` is later than that.
Result<bool> SignedLate(const CivilDate& assigned_on, const CivilDate& signed_on, const calendar::WorkCalendar& cal);

// The first day of the talk period holding `day`.
CivilDate PeriodStart(const CivilDate& day, const ColourRules& rules);
// A unit with `reds` tickets turned red in the current period is flagged for a talk.
inline bool NeedsTalk(int reds, const ColourRules& rules) { return reds >= rules.talk_reds; }

}  // namespace lingyan::core::tickets
