#pragma once
// County scheme options that the app layers over the tally (issue 5 §1): base points per
// period, set-to-zero items (清零), monthly and quarterly sub-totals, and a forced distribution
// of grades (e.g. 优秀 at most one third of a branch). Pure functions; thread-safe.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/points/model.hpp"
#include "core/points/tally.hpp"

namespace lingyan::core::points {

struct SchemeOptions {
    Points base_points = 0;                // the total starts here (e.g. 60 or 100 points)
    std::vector<RuleIdx> zeroing_rules;    // 清零 items: one counted event zeroes the period total
};

// The period total under a scheme: 0 when the member has a counted zeroing event, else
// base + tally total.
Points SchemeTotal(Points tally_total, bool zeroed, const SchemeOptions& options);

// Per-member flag: the counted events of zeroing rules have a positive net quantity (a reversal,
// which carries the negated quantity, cancels the event it corrects).
std::vector<bool> ZeroedMembers(const TallyConfig& config, const SchemeOptions& options, std::size_t member_count,
                                std::span<const LedgerEvent> events);

enum class SubPeriod { kMonth, kQuarter };
// The calendar months or quarters that overlap `period`, in order, each clipped to the period.
std::vector<Period> SplitPeriod(const Period& period, SubPeriod granularity);
// Sub-totals of one member per sub-period: each sub-period is tallied on its own, caps applying
// within it (a cap is per period; a sub-total shows progress, it is not a second cap).
std::vector<Points> SubTotals(const TallyConfig& config, MemberIdx member, std::span<const LedgerEvent> events,
                              const std::vector<Period>& sub_periods);

struct GradeQuota {
    std::string name;               // 优秀, 合格 …
    std::int64_t max_share_num = 1;  // at most num/den of the group, rounded down
    std::int64_t max_share_den = 1;
};
// Forced distribution: members ordered by total descending take the grades in order; a grade
// takes at most floor(n·num/den) members and never splits a tie (a tied group that would exceed
// the quota drops to the next grade as a whole). The last grade takes everyone left.
// Returns the grade index per position of `totals`.
std::vector<int> ForcedDistribution(const std::vector<Points>& totals, const std::vector<GradeQuota>& grades);

// Grades as stored and typed by an organizer: "优秀:1/3;合格" (name, optional ":num/den" share;
// the last grade takes the rest and needs no share). Empty text: no forced distribution.
// nullopt on a malformed item (empty name, a share not of the form num/den with 0 <= num <= den, den > 0).
std::optional<std::vector<GradeQuota>> ParseGradeQuotas(std::string_view text);
std::string FormatGradeQuotas(const std::vector<GradeQuota>& grades);

}  // namespace lingyan::core::points
