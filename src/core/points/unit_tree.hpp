#pragma once
// The region tree as the points module sees it: units by dense index with parent links.
// Pre-order numbering turns every subtree into one contiguous range, which is what lets the
// tally and the live leaderboards treat "a region subtree" as an interval. Immutable after
// Build; safe to read from many threads.

#include <cstdint>
#include <string>
#include <vector>

#include "core/common/result.hpp"

namespace lingyan::core::points {

using UnitIdx = std::int32_t;
inline constexpr UnitIdx kNoUnit = -1;

class UnitTree {
public:
    // `parent[u]` is u's parent index or kNoUnit for a root (several roots are allowed: a forest).
    // Fails with the index of a unit on a cycle in `field` ("unit:<idx>") when the links loop,
    // or on a parent index out of range.
    static Result<UnitTree> Build(std::vector<UnitIdx> parent);

    std::size_t size() const { return parent_.size(); }
    UnitIdx parent(UnitIdx unit) const { return parent_[unit]; }
    int depth(UnitIdx unit) const { return depth_[unit]; }
    // Position of `unit` in pre-order; its subtree is [order(unit), order(unit) + subtree_size(unit)).
    std::int32_t order(UnitIdx unit) const { return order_[unit]; }
    std::int32_t subtree_size(UnitIdx unit) const { return subtree_size_[unit]; }
    UnitIdx unit_at(std::int32_t order) const { return by_order_[order]; }
    bool Contains(UnitIdx scope, UnitIdx unit) const {
        return order_[unit] >= order_[scope] && order_[unit] < order_[scope] + subtree_size_[scope];
    }
    // `unit` and its ancestors, nearest first.
    std::vector<UnitIdx> Ancestry(UnitIdx unit) const;

private:
    std::vector<UnitIdx> parent_;
    std::vector<int> depth_;
    std::vector<std::int32_t> order_;
    std::vector<std::int32_t> subtree_size_;
    std::vector<UnitIdx> by_order_;
};

}  // namespace lingyan::core::points
