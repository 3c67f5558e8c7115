#pragma once
// An order-statistic multiset of point totals: sorted blocks of at most kMaxBlock distinct
// (value, count) entries plus a Fenwick tree over the blocks' counts. Totals repeat a lot (many
// members share a score), so a change usually bumps two counters. Insert, erase and "how many are
// greater" cost one binary search over the block heads, a short search inside a block and
// O(log blocks) Fenwick steps: tens to a few hundred nanoseconds at 4 million values. Not thread-safe: one writer, and readers
// only while no write is in progress (the owner publishes snapshots).

#include <cstdint>
#include <span>
#include <vector>

#include "core/points/model.hpp"

namespace lingyan::core::points {

class ScoreMultiset {
public:
    ScoreMultiset() = default;
    // Builds from values in any order.
    explicit ScoreMultiset(std::vector<Points> values);
    // Builds from values already in ascending order (not checked).
    static ScoreMultiset FromSorted(std::span<const Points> sorted);
    // `count` times `value`.
    static ScoreMultiset Filled(Points value, std::int64_t count);

    void Insert(Points value);
    // Removes one occurrence; returns false when `value` is absent.
    bool Erase(Points value);
    // Erase(old) then Insert(new); `old_value` must be present.
    void Replace(Points old_value, Points new_value);
    std::int64_t CountGreater(Points value) const;
    // The k-th largest value, k = 0 for the maximum; k must be < size().
    Points KthLargest(std::int64_t k) const;
    std::int64_t size() const { return size_; }

private:
    static constexpr std::size_t kMaxBlock = 64;
    struct Entry {
        Points value;
        std::int64_t count;
    };
    std::size_t BlockFor(Points value) const;  // last block whose head <= value (0 if none)
    void FenwickAdd(std::size_t block, std::int64_t delta);
    std::int64_t FenwickPrefix(std::size_t blocks) const;  // sizes of blocks [0, blocks)
    void Rebuild();                                        // after blocks are split or removed

    std::vector<std::vector<Entry>> blocks_;   // ascending distinct values, each block non-empty
    std::vector<Points> heads_;                // blocks_[b].front()
    std::vector<std::int64_t> fenwick_;
    std::int64_t size_ = 0;
};

}  // namespace lingyan::core::points
