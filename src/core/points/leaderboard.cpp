#include "core/points/leaderboard.hpp"

#include <algorithm>

namespace lingyan::core::points {

Leaderboard::Leaderboard(UnitTree tree, std::vector<UnitIdx> member_unit, int category_count)
    : tree_(std::move(tree)), member_unit_(std::move(member_unit)), slots_(static_cast<std::size_t>(category_count) + 1) {
    const std::size_t unit_count = tree_.size();
    const std::size_t member_count = member_unit_.size();
    // Counting sort of members by their unit's pre-order position (stable: member index within a unit).
    std::vector<std::int32_t> start(unit_count + 1, 0);
    for (const UnitIdx unit : member_unit_)
        if (unit != kNoUnit) ++start[static_cast<std::size_t>(tree_.order(unit)) + 1];
    for (std::size_t order = 0; order < unit_count; ++order) start[order + 1] += start[order];
    const auto placed = static_cast<std::size_t>(start[unit_count]);
    position_.assign(member_count, -1);
    member_at_.resize(placed);
    {
        std::vector<std::int32_t> fill(start.begin(), start.end() - 1);
        for (std::size_t member = 0; member < member_count; ++member) {
            if (member_unit_[member] == kNoUnit) continue;
            const auto pos = fill[static_cast<std::size_t>(tree_.order(member_unit_[member]))]++;
            position_[member] = pos;
            member_at_[static_cast<std::size_t>(pos)] = static_cast<MemberIdx>(member);
        }
    }
    scope_begin_.resize(unit_count);
    scope_end_.resize(unit_count);
    ancestry_start_.assign(unit_count + 1, 0);
    for (std::size_t unit = 0; unit < unit_count; ++unit) {
        const auto u = static_cast<UnitIdx>(unit);
        scope_begin_[unit] = start[static_cast<std::size_t>(tree_.order(u))];
        scope_end_[unit] = start[static_cast<std::size_t>(tree_.order(u) + tree_.subtree_size(u))];
        const auto chain = tree_.Ancestry(u);
        ancestry_.insert(ancestry_.end(), chain.begin(), chain.end());
        ancestry_start_[unit + 1] = static_cast<std::int32_t>(ancestry_.size());
    }
    scores_.assign(slots_, std::vector<Points>(placed, 0));
    sets_.resize(slots_ * unit_count);
    for (std::size_t slot = 0; slot < slots_; ++slot) {
        for (std::size_t unit = 0; unit < unit_count; ++unit) {
            sets_[slot * unit_count + unit] = ScoreMultiset::Filled(0, scope_end_[unit] - scope_begin_[unit]);
        }
    }
}

void Leaderboard::Load(std::span<const Points> overall, const std::vector<std::vector<Points>>& by_category) {
    for (std::size_t member = 0; member < member_unit_.size(); ++member) {
        if (member_unit_[member] == kNoUnit) continue;
        const auto pos = static_cast<std::size_t>(position_[member]);
        scores_[0][pos] = overall[member];
        for (std::size_t category = 0; category + 1 < slots_; ++category) {
            scores_[category + 1][pos] = by_category[category][member];
        }
    }
    // Every scope's scores sorted: in reverse pre-order a unit's children are sorted before it, so
    // its own members are sorted and merged with its children's runs — a merge a level, not a
    // sort of every scope (a province's 4 M members sorted at each of five levels, for each slot).
    const auto unit_count = static_cast<std::int32_t>(tree_.size());
    std::vector<Points> sorted;
    for (std::size_t slot = 0; slot < slots_; ++slot) {
        sorted = scores_[slot];
        for (std::int32_t order = unit_count - 1; order >= 0; --order) {
            const UnitIdx unit = tree_.unit_at(order);
            const auto begin = sorted.begin() + scope_begin_[static_cast<std::size_t>(unit)];
            const auto end = sorted.begin() + scope_end_[static_cast<std::size_t>(unit)];
            const std::int32_t subtree_end = order + tree_.subtree_size(unit);
            std::int32_t child = order + 1;
            auto merged = child < subtree_end ? sorted.begin() + scope_begin_[static_cast<std::size_t>(tree_.unit_at(child))] : end;
            std::sort(begin, merged);  // the unit's own members
            for (; child < subtree_end; child += tree_.subtree_size(tree_.unit_at(child))) {
                const auto child_end = sorted.begin() + scope_end_[static_cast<std::size_t>(tree_.unit_at(child))];
                std::inplace_merge(begin, merged, child_end);
                merged = child_end;
            }
            sets_[slot * static_cast<std::size_t>(unit_count) + static_cast<std::size_t>(unit)] =
                ScoreMultiset::FromSorted(std::span<const Points>(sorted).subspan(
                    static_cast<std::size_t>(begin - sorted.begin()), static_cast<std::size_t>(end - begin)));
        }
    }
}

void Leaderboard::Apply(MemberIdx member, int category, Points delta) { ApplySplit(member, category, delta, delta); }

void Leaderboard::ApplySplit(MemberIdx member, int category, Points overall_delta, Points category_delta) {
    const auto pos = static_cast<std::size_t>(position_[static_cast<std::size_t>(member)]);
    const auto unit = static_cast<std::size_t>(member_unit_[static_cast<std::size_t>(member)]);
    const std::size_t touched[2] = {0, Slot(category)};
    const Points deltas[2] = {overall_delta, category_delta};
    const std::size_t touched_count = category == kOverall ? 1 : 2;
    for (std::size_t touched_idx = 0; touched_idx < touched_count; ++touched_idx) {
        if (deltas[touched_idx] == 0) continue;
        const std::size_t slot = touched[touched_idx];
        const Points old_total = scores_[slot][pos];
        const Points new_total = old_total + deltas[touched_idx];
        scores_[slot][pos] = new_total;
        for (auto at = ancestry_start_[unit]; at < ancestry_start_[unit + 1]; ++at) {
            Set(slot, ancestry_[static_cast<std::size_t>(at)]).Replace(old_total, new_total);
        }
    }
}

MemberIdx Leaderboard::AddMember(UnitIdx unit) {
    const auto member = static_cast<MemberIdx>(member_unit_.size());
    member_unit_.push_back(unit);
    position_.push_back(0);
    Place(member, unit, std::vector<Points>(slots_, 0));
    return member;
}

void Leaderboard::MoveMember(MemberIdx member, UnitIdx unit) {
    if (member_unit_[static_cast<std::size_t>(member)] == unit) return;
    const auto totals = Unplace(member);
    Place(member, unit, totals);
}

void Leaderboard::RemoveMember(MemberIdx member) {
    Unplace(member);
    member_unit_[static_cast<std::size_t>(member)] = kNoUnit;
    position_[static_cast<std::size_t>(member)] = -1;
}

std::vector<Points> Leaderboard::Unplace(MemberIdx member) {
    const auto pos = static_cast<std::size_t>(position_[static_cast<std::size_t>(member)]);
    const UnitIdx unit = member_unit_[static_cast<std::size_t>(member)];
    const auto u = static_cast<std::size_t>(unit);
    std::vector<Points> totals(slots_);
    for (std::size_t slot = 0; slot < slots_; ++slot) {
        totals[slot] = scores_[slot][pos];
        for (auto at = ancestry_start_[u]; at < ancestry_start_[u + 1]; ++at)
            Set(slot, ancestry_[static_cast<std::size_t>(at)]).Erase(totals[slot]);
        scores_[slot].erase(scores_[slot].begin() + static_cast<std::ptrdiff_t>(pos));
    }
    member_at_.erase(member_at_.begin() + static_cast<std::ptrdiff_t>(pos));
    Renumber(pos);
    ShiftScopes(unit, -1);
    return totals;
}

void Leaderboard::Place(MemberIdx member, UnitIdx unit, const std::vector<Points>& totals) {
    const auto u = static_cast<std::size_t>(unit);
    // The unit's own members come first in its range (its children's ranges follow), by member index.
    const std::int32_t order = tree_.order(unit);
    const std::int32_t own_end = order + 1 < order + tree_.subtree_size(unit)
                                     ? scope_begin_[static_cast<std::size_t>(tree_.unit_at(order + 1))]
                                     : scope_end_[u];
    std::int32_t pos = scope_begin_[u];
    const auto before = [&](MemberIdx other) { return before_ ? before_(other, member) : other < member; };
    while (pos < own_end && before(member_at_[static_cast<std::size_t>(pos)])) ++pos;
    const auto at = static_cast<std::ptrdiff_t>(pos);
    member_at_.insert(member_at_.begin() + at, member);
    member_unit_[static_cast<std::size_t>(member)] = unit;
    Renumber(static_cast<std::size_t>(pos));
    for (std::size_t slot = 0; slot < slots_; ++slot) {
        scores_[slot].insert(scores_[slot].begin() + at, totals[slot]);
        for (auto anc = ancestry_start_[u]; anc < ancestry_start_[u + 1]; ++anc)
            Set(slot, ancestry_[static_cast<std::size_t>(anc)]).Insert(totals[slot]);
    }
    ShiftScopes(unit, 1);
}

void Leaderboard::ShiftScopes(UnitIdx unit, std::int32_t by) {
    const std::int32_t order = tree_.order(unit);
    for (std::size_t other = 0; other < tree_.size(); ++other) {
        if (tree_.order(static_cast<UnitIdx>(other)) <= order) continue;
        scope_begin_[other] += by;
        scope_end_[other] += by;
    }
    const auto u = static_cast<std::size_t>(unit);
    for (auto at = ancestry_start_[u]; at < ancestry_start_[u + 1]; ++at)
        scope_end_[static_cast<std::size_t>(ancestry_[static_cast<std::size_t>(at)])] += by;
}

void Leaderboard::Renumber(std::size_t from) {
    for (std::size_t pos = from; pos < member_at_.size(); ++pos)
        position_[static_cast<std::size_t>(member_at_[pos])] = static_cast<std::int32_t>(pos);
}

Points Leaderboard::Total(MemberIdx member, int category) const {
    return scores_[Slot(category)][static_cast<std::size_t>(position_[static_cast<std::size_t>(member)])];
}

std::int64_t Leaderboard::Rank(MemberIdx member, UnitIdx scope, int category) const {
    return 1 + Set(Slot(category), scope).CountGreater(Total(member, category));
}

std::vector<Leaderboard::ScopeRank> Leaderboard::Ranks(MemberIdx member, int category) const {
    std::vector<ScopeRank> ranks;
    const auto unit = static_cast<std::size_t>(member_unit_[static_cast<std::size_t>(member)]);
    const Points total = Total(member, category);
    for (auto at = ancestry_start_[unit]; at < ancestry_start_[unit + 1]; ++at) {
        const UnitIdx scope = ancestry_[static_cast<std::size_t>(at)];
        const auto& set = Set(Slot(category), scope);
        ranks.push_back({scope, 1 + set.CountGreater(total), set.size()});
    }
    return ranks;
}

std::int64_t Leaderboard::ScopeSize(UnitIdx scope) const {
    return scope_end_[static_cast<std::size_t>(scope)] - scope_begin_[static_cast<std::size_t>(scope)];
}

std::vector<Leaderboard::Entry> Leaderboard::Page(UnitIdx scope, std::int64_t offset, std::int64_t limit,
                                                  int category) const {
    std::vector<Entry> page;
    const auto& set = Set(Slot(category), scope);
    if (offset < 0 || limit <= 0 || offset >= set.size()) return page;
    const std::int64_t wanted = std::min(set.size(), offset + limit);
    // Everyone strictly above the wanted-th value is in; at that value, take tree order until full.
    const Points threshold = set.KthLargest(wanted - 1);
    const std::int64_t above = set.CountGreater(threshold);
    const auto& scores = scores_[Slot(category)];
    std::vector<std::pair<Points, std::int32_t>> picked;
    picked.reserve(static_cast<std::size_t>(wanted));
    std::int64_t ties_wanted = wanted - above;
    for (auto pos = scope_begin_[static_cast<std::size_t>(scope)]; pos < scope_end_[static_cast<std::size_t>(scope)]; ++pos) {
        const Points total = scores[static_cast<std::size_t>(pos)];
        if (total > threshold) {
            picked.emplace_back(total, pos);
        } else if (total == threshold && ties_wanted > 0) {
            picked.emplace_back(total, pos);
            --ties_wanted;
        }
    }
    std::sort(picked.begin(), picked.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    // `picked` is the scope's order from the top, so a total's rank is 1 + the index of its first entry.
    std::int64_t rank = 0;
    for (std::size_t idx = 0; idx < picked.size(); ++idx) {
        if (idx == 0 || picked[idx].first != picked[idx - 1].first) rank = static_cast<std::int64_t>(idx) + 1;
        if (static_cast<std::int64_t>(idx) < offset) continue;
        page.push_back({rank, member_at_[static_cast<std::size_t>(picked[idx].second)], picked[idx].first});
    }
    return page;
}

Leaderboard::TopPage Leaderboard::TopWithTies(UnitIdx scope, std::int64_t n, std::int64_t max_extra,
                                              int category) const {
    TopPage top;
    top.entries = Page(scope, 0, n, category);
    if (n <= 0 || static_cast<std::int64_t>(top.entries.size()) < n) return top;
    // Integer totals: "greater than boundary − 1" counts every member at or above the boundary.
    const std::int64_t at_or_above = Set(Slot(category), scope).CountGreater(top.entries.back().total - 1);
    if (at_or_above <= n) return top;
    top.overflow = std::min(at_or_above - n, std::max<std::int64_t>(max_extra, 0));
    top.truncated = at_or_above - n > top.overflow;
    if (top.overflow > 0) top.entries = Page(scope, 0, n + top.overflow, category);
    return top;
}

PointsBook::PointsBook(std::vector<Rule> rules) : rules_(std::move(rules)), column_(rules_.size(), -1) {
    for (std::size_t rule = 0; rule < rules_.size(); ++rule)
        if (rules_[rule].cap) column_[rule] = static_cast<std::int32_t>(width_++);
}

Points PointsBook::Approve(MemberIdx member, RuleIdx rule, Points quantity) {
    const Rule& def = rules_[static_cast<std::size_t>(rule)];
    const Points worth = EventWorth(def.points, quantity);
    const std::int32_t column = column_[static_cast<std::size_t>(rule)];
    if (column < 0) return worth;
    const std::size_t at = static_cast<std::size_t>(member) * width_ + static_cast<std::size_t>(column);
    if (at >= sums_.size()) sums_.resize((static_cast<std::size_t>(member) + 1) * width_, 0);
    const Points delta = CappedDelta(sums_[at], worth, def.cap);
    sums_[at] += worth;
    return delta;
}

void PointsBook::Reserve(MemberIdx count) {
    const std::size_t size = static_cast<std::size_t>(std::max<MemberIdx>(count, 0)) * width_;
    if (size > sums_.size()) sums_.resize(size, 0);
}

Points PointsBook::RawSum(MemberIdx member, RuleIdx rule) const {
    const std::int32_t column = column_[static_cast<std::size_t>(rule)];
    if (column < 0) return 0;
    const std::size_t at = static_cast<std::size_t>(member) * width_ + static_cast<std::size_t>(column);
    return at < sums_.size() ? sums_[at] : 0;
}

void PointsBook::SetRawSum(MemberIdx member, RuleIdx rule, Points sum) {
    const std::int32_t column = column_[static_cast<std::size_t>(rule)];
    if (column < 0) return;
    const std::size_t at = static_cast<std::size_t>(member) * width_ + static_cast<std::size_t>(column);
    if (at >= sums_.size()) sums_.resize((static_cast<std::size_t>(member) + 1) * width_, 0);
    sums_[at] = sum;
}

}  // namespace lingyan::core::points
