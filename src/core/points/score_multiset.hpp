#pragma once
// An order-statistic multiset of point totals: sorted blocks of at most kMaxBlock values plus a
// Fenwick tree over block sizes. Insert, erase and "how many are greater" cost one binary search
// over the block heads, one inside a block, a short memmove and O(log blocks) Fenwick steps; at
// 4 million values that is a few hundred nanoseconds. Not thread-safe: one writer, and readers
// only while no write is in progress (the owner publishes snapshots).

#include <cstdint>
#include <vector>

#include "core/points/model.hpp"

namespace lingyan::core::points {

class ScoreMultiset {
public:
    ScoreMultiset() = default;
    // Builds from values in any order.
    explicit ScoreMultiset(std::vector<Points> values);

    void Insert(Points value);
    // Removes one occurrence; returns false when `value` is absent.
    bool Erase(Points value);
    // Erase(old) then Insert(new), cheaper when both fall in the same block.
    void Replace(Points old_value, Points new_value);
    std::int64_t CountGreater(Points value) const;
    // The k-th largest value, k = 0 for the maximum; k must be < size().
    Points KthLargest(std::int64_t k) const;
    std::int64_t size() const { return size_; }

private:
    static constexpr std::size_t kMaxBlock = 512;
    std::size_t BlockFor(Points value) const;  // last block whose head <= value (0 if none)
    void FenwickAdd(std::size_t block, std::int64_t delta);
    std::int64_t FenwickPrefix(std::size_t blocks) const;  // sizes of blocks [0, blocks)
    void Rebuild();                                        // after blocks are split or removed

    std::vector<std::vector<Points>> blocks_;  // ascending, each non-empty
    std::vector<Points> heads_;                // blocks_[b].front()
    std::vector<std::int64_t> fenwick_;
    std::int64_t size_ = 0;
};

}  // namespace lingyan::core::points
