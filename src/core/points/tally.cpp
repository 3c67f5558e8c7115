#include "core/points/tally.hpp"

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace lingyan::core::points {

bool Counts(const LedgerEvent& event, const std::optional<Period>& period) {
    return event.status == EventStatus::kApproved && (!period || period->Contains(event.date));
}

namespace {

// Raw (unclipped) sums per (member, rule) for the capped rules, in a dense member × capped-rule
// array (a hash map when that array would be huge); uncapped rules go straight to the sink since
// clipping cannot change them.
template <typename Sink>
void Accumulate(const TallyConfig& config, std::size_t member_count, std::span<const LedgerEvent> events, Sink&& sink) {
    std::vector<std::int32_t> cap_slot(config.rules.size(), -1);
    std::vector<RuleIdx> rule_of_slot;
    for (std::size_t rule = 0; rule < config.rules.size(); ++rule) {
        if (config.rules[rule].cap) {
            cap_slot[rule] = static_cast<std::int32_t>(rule_of_slot.size());
            rule_of_slot.push_back(static_cast<RuleIdx>(rule));
        }
    }
    const std::size_t capped_count = rule_of_slot.size();
    const bool dense = member_count * capped_count <= (std::size_t{1} << 28);
    std::vector<Points> dense_sums(dense ? member_count * capped_count : 0, 0);
    std::unordered_map<std::uint64_t, Points> sparse_sums;
    for (const LedgerEvent& event : events) {
        if (!Counts(event, config.period)) continue;
        const auto rule_idx = static_cast<std::size_t>(event.rule);
        const Points worth = EventWorth(config.rules[rule_idx].points, event.quantity);
        const std::int32_t slot = cap_slot[rule_idx];
        if (slot < 0) {
            sink(event.member, event.rule, worth);
        } else if (dense) {
            dense_sums[static_cast<std::size_t>(event.member) * capped_count + static_cast<std::size_t>(slot)] += worth;
        } else {
            sparse_sums[(static_cast<std::uint64_t>(static_cast<std::uint32_t>(event.member)) << 32) |
                        static_cast<std::uint32_t>(slot)] += worth;
        }
    }
    auto flush = [&](MemberIdx member, std::size_t slot, Points sum) {
        const RuleIdx rule = rule_of_slot[slot];
        sink(member, rule, ClipToCap(sum, config.rules[static_cast<std::size_t>(rule)].cap));
    };
    if (dense) {
        for (std::size_t member = 0; member < member_count; ++member) {
            for (std::size_t slot = 0; slot < capped_count; ++slot) {
                const Points sum = dense_sums[member * capped_count + slot];
                if (sum != 0) flush(static_cast<MemberIdx>(member), slot, sum);
            }
        }
    }
    for (const auto& [key, sum] : sparse_sums) flush(static_cast<MemberIdx>(key >> 32), key & 0xffffffffU, sum);
}

}  // namespace

std::vector<Points> TallyTotals(const TallyConfig& config, std::size_t member_count,
                                std::span<const LedgerEvent> events) {
    std::vector<Points> totals(member_count, 0);
    // One row per member: column 0 takes the uncapped rules, one column per capped rule, so an
    // event touches a single cache line as in a plain sum.
    std::vector<Points> rule_points;
    std::vector<std::uint32_t> column(config.rules.size(), 0);
    std::vector<std::optional<Points>> caps{std::nullopt};
    for (std::size_t rule = 0; rule < config.rules.size(); ++rule) {
        rule_points.push_back(config.rules[rule].points);
        if (config.rules[rule].cap) {
            column[rule] = static_cast<std::uint32_t>(caps.size());
            caps.push_back(config.rules[rule].cap);
        }
    }
    const std::size_t width = caps.size();
    if (member_count * width > (std::size_t{1} << 28)) {
        Accumulate(config, member_count, events, [&](MemberIdx member, RuleIdx, Points worth) { totals[member] += worth; });
        return totals;
    }
    std::vector<Points> rows(member_count * width, 0);
    const Day from = config.period ? config.period->from : std::numeric_limits<Day>::min();
    const Day to = config.period ? config.period->to : std::numeric_limits<Day>::max();
    for (const LedgerEvent& event : events) {
        if (event.status != EventStatus::kApproved || event.date < from || event.date > to) continue;
        const auto rule = static_cast<std::size_t>(event.rule);
        rows[static_cast<std::size_t>(event.member) * width + column[rule]] += EventWorth(rule_points[rule], event.quantity);
    }
    for (std::size_t member = 0; member < member_count; ++member) {
        const Points* row = &rows[member * width];
        Points total = row[0];
        for (std::size_t col = 1; col < width; ++col) total += ClipToCap(row[col], caps[col]);
        totals[member] = total;
    }
    return totals;
}

std::vector<std::vector<Points>> TallyByCategory(const TallyConfig& config, std::size_t member_count,
                                                 std::span<const LedgerEvent> events,
                                                 const std::vector<int>& category_of_rule, int category_count) {
    std::vector<std::vector<Points>> totals(static_cast<std::size_t>(category_count),
                                            std::vector<Points>(member_count, 0));
    Accumulate(config, member_count, events, [&](MemberIdx member, RuleIdx rule, Points worth) {
        totals[static_cast<std::size_t>(category_of_rule[static_cast<std::size_t>(rule)])][member] += worth;
    });
    return totals;
}

std::vector<std::int64_t> RanksWithinGroups(const std::vector<Points>& totals, const std::vector<std::int32_t>& group,
                                            std::size_t group_count) {
    // Counting sort by group, then each group by total descending.
    std::vector<std::size_t> start(group_count + 1, 0);
    for (const std::int32_t g : group) ++start[static_cast<std::size_t>(g) + 1];
    for (std::size_t g = 0; g < group_count; ++g) start[g + 1] += start[g];
    std::vector<MemberIdx> by_group(totals.size());
    {
        std::vector<std::size_t> fill(start.begin(), start.end() - 1);
        for (std::size_t member = 0; member < totals.size(); ++member) {
            by_group[fill[static_cast<std::size_t>(group[member])]++] = static_cast<MemberIdx>(member);
        }
    }
    std::vector<std::int64_t> ranks(totals.size(), 0);
    for (std::size_t g = 0; g < group_count; ++g) {
        const auto first = by_group.begin() + static_cast<std::ptrdiff_t>(start[g]);
        const auto last = by_group.begin() + static_cast<std::ptrdiff_t>(start[g + 1]);
        std::sort(first, last, [&](MemberIdx a, MemberIdx b) { return totals[a] > totals[b]; });
        for (auto it = first; it != last; ++it) {
            const bool tied = it != first && totals[*it] == totals[*(it - 1)];
            ranks[*it] = tied ? ranks[*(it - 1)] : (it - first) + 1;
        }
    }
    return ranks;
}

std::vector<RankedMember> TopWithTies(const std::vector<Points>& totals, const std::vector<MemberIdx>& candidates,
                                      std::size_t n) {
    std::vector<MemberIdx> order(candidates);
    std::stable_sort(order.begin(), order.end(), [&](MemberIdx a, MemberIdx b) { return totals[a] > totals[b]; });
    std::vector<RankedMember> top;
    for (std::size_t pos = 0; pos < order.size(); ++pos) {
        const Points total = totals[order[pos]];
        const bool tied = pos > 0 && total == top.back().total;
        if (pos >= n && !tied) break;
        top.push_back({tied ? top.back().rank : static_cast<std::int64_t>(pos) + 1, order[pos], total});
    }
    return top;
}

}  // namespace lingyan::core::points
