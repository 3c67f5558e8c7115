#pragma once
// The tally contract (SPEC "Points semantics", issue 5): only approved events dated inside the
// period count, each worth rule points × quantity; a member's sum per rule is clipped to
// [−cap, cap]; total = sum over rules; stars = thresholds <= total; ranks are 1-based and ties
// share the better rank. These are the reference functions: the batch CLI's fast path and the
// live leaderboards are tested against them. Pure; safe to call from many threads on distinct data.

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/points/model.hpp"

namespace lingyan::core::points {

using MemberIdx = std::int32_t;
using RuleIdx = std::int32_t;

struct LedgerEvent {
    MemberIdx member = 0;
    RuleIdx rule = 0;
    Day date = 0;
    EventStatus status = EventStatus::kPending;
    Points quantity = kOnePoint;  // hundredths: 1 = 100
};

struct TallyConfig {
    std::vector<Rule> rules;
    std::optional<Period> period;  // none: every date counts
    StarThresholds stars;
};

// True when the event counts toward a total: approved and inside the period.
bool Counts(const LedgerEvent& event, const std::optional<Period>& period);

// Per-member totals (hundredths), indexed by member.
std::vector<Points> TallyTotals(const TallyConfig& config, std::size_t member_count,
                                std::span<const LedgerEvent> events);

// Like TallyTotals, split by rule category: result[category][member]; `category_of_rule[r]`
// indexes 0..category_count−1. Caps apply per rule as in the total.
std::vector<std::vector<Points>> TallyByCategory(const TallyConfig& config, std::size_t member_count,
                                                 std::span<const LedgerEvent> events,
                                                 const std::vector<int>& category_of_rule, int category_count);

// Rank of every member among the members of the same group (e.g. its unit): 1 + how many in
// the group have a greater total.
std::vector<std::int64_t> RanksWithinGroups(const std::vector<Points>& totals, const std::vector<std::int32_t>& group,
                                            std::size_t group_count);

struct RankedMember {
    std::int64_t rank = 0;
    MemberIdx member = 0;
    Points total = 0;
};
// The top `n` of `candidates` by total (ties share the better rank); members tied with the n-th
// are included. Within a tie the order is `candidates`' order, so pass them sorted by id.
std::vector<RankedMember> TopWithTies(const std::vector<Points>& totals, const std::vector<MemberIdx>& candidates,
                                      std::size_t n);

}  // namespace lingyan::core::points
