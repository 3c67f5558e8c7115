#pragma once
// Party-member points (星级制积分): the value types shared by the ledger, the batch tally and
// the live leaderboards. Points are fixed-point integers in hundredths (1 point = 100), never
// double. Dates are day numbers (days since 1970-01-01) so that periods compare as integers.
// Everything here is a pure value or a pure function: thread-safe to call concurrently.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lingyan::core::points {

using Points = std::int64_t;   // hundredths of a point
using Day = std::int32_t;      // days since 1970-01-01
inline constexpr Points kOnePoint = 100;

// A rule of the catalog (积分细则). `points` is per unit of quantity and negative for deductions
// (负面清单). `cap`, when set, limits the rule's sum per member per period to [−cap, cap]; it is
// stored as a non-negative amount.
struct Rule {
    std::string code;
    std::string name;
    std::string category;        // 学习活动, 志愿服务, 带头致富, 环境整治, 纠纷调处, 负面清单 …
    Points points = 0;
    std::optional<Points> cap;
    bool needs_approval = true;  // false: the event is approved when recorded (e.g. by an organizer)
    std::string evidence;        // what the member must attach, free text
};

// An inclusive date range [from, to]; a year by default.
struct Period {
    Day from = 0;
    Day to = 0;
    bool Contains(Day day) const { return day >= from && day <= to; }
};

// Star thresholds on the period total, ascending; stars = how many thresholds are <= total.
// The default 0/60/120/180/240 yields 1–5 stars for a non-negative total.
struct StarThresholds {
    std::vector<Points> thresholds{0, 60 * kOnePoint, 120 * kOnePoint, 180 * kOnePoint, 240 * kOnePoint};
};

enum class EventStatus : std::uint8_t { kPending, kApproved, kRejected };
// "pending" / "approved" / "rejected" (the ledger's column, the API and the audit) and back.
const char* EventStatusName(EventStatus s);
std::optional<EventStatus> EventStatusFromName(std::string_view s);

// --- dates --------------------------------------------------------------------------------
// Day number of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
constexpr Day DaysFromCivil(int year, unsigned month, unsigned day) {
    year -= month <= 2 ? 1 : 0;
    const int era = (year >= 0 ? year : year - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(year - era * 400);
    const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<Day>(era * 146097 + static_cast<int>(doe) - 719468);
}
struct CivilDate {
    int year;
    unsigned month;
    unsigned day;
};
CivilDate CivilFromDays(Day day);
// Parses exactly "YYYY-MM-DD" (a real calendar date); nullopt otherwise.
std::optional<Day> ParseDate(std::string_view text);
std::string FormatDate(Day day);

// --- fixed-point numbers ---------------------------------------------------------------------
// Parses a decimal number with at most two decimals ("12", "-3.5", "0.25") into hundredths.
// Refuses exponents, more decimals, empty text and values beyond ±9e15 hundredths.
std::optional<Points> ParsePoints(std::string_view text);
// Formats hundredths as "12.50" (always two decimals) or, with `integer`, "12" (the value must
// then be a whole number of points; it is truncated toward zero otherwise).
std::string FormatPoints(Points value, bool integer);
void AppendPoints(std::string& out, Points value, bool integer);

// --- the tally contract -----------------------------------------------------------------------
// The worth of one event: rule points × quantity, quantity also in hundredths (1 = 100),
// rounded half away from zero to hundredths.
Points EventWorth(Points rule_points, Points quantity);
// Clips a member's sum for one rule to [−cap, cap] when the rule has a cap.
constexpr Points ClipToCap(Points sum, const std::optional<Points>& cap) {
    if (!cap) return sum;
    if (sum > *cap) return *cap;
    if (sum < -*cap) return -*cap;
    return sum;
}
// How a member's clipped contribution of one rule changes when `added` joins a raw sum of
// `raw_before`: clip(raw_before + added) − clip(raw_before). This is what a live leaderboard
// must apply when an event is approved.
constexpr Points CappedDelta(Points raw_before, Points added, const std::optional<Points>& cap) {
    return ClipToCap(raw_before + added, cap) - ClipToCap(raw_before, cap);
}
// Number of thresholds <= total.
int StarsFor(Points total, const StarThresholds& stars);

// Competition ranks (1, 2, 2, 4) of `totals`, higher is better: rank = 1 + how many are greater.
std::vector<std::int64_t> CompetitionRanks(const std::vector<Points>& totals);

}  // namespace lingyan::core::points
