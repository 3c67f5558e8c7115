#include "core/points/score_multiset.hpp"

#include <algorithm>
#include <cassert>

namespace lingyan::core::points {

ScoreMultiset::ScoreMultiset(std::vector<Points> values) {
    std::sort(values.begin(), values.end());
    size_ = static_cast<std::int64_t>(values.size());
    const std::size_t fill = kMaxBlock * 3 / 4;  // leave room so the first inserts do not split
    for (std::size_t start = 0; start < values.size(); start += fill) {
        const std::size_t stop = std::min(values.size(), start + fill);
        blocks_.emplace_back(values.begin() + static_cast<std::ptrdiff_t>(start),
                             values.begin() + static_cast<std::ptrdiff_t>(stop));
    }
    Rebuild();
}

void ScoreMultiset::Rebuild() {
    heads_.resize(blocks_.size());
    fenwick_.assign(blocks_.size() + 1, 0);
    for (std::size_t block = 0; block < blocks_.size(); ++block) {
        heads_[block] = blocks_[block].front();
        fenwick_[block + 1] += static_cast<std::int64_t>(blocks_[block].size());
        const std::size_t parent = (block + 1) + ((block + 1) & (~(block + 1) + 1));
        if (parent <= blocks_.size()) fenwick_[parent] += fenwick_[block + 1];
    }
}

void ScoreMultiset::FenwickAdd(std::size_t block, std::int64_t delta) {
    for (std::size_t at = block + 1; at < fenwick_.size(); at += at & (~at + 1)) fenwick_[at] += delta;
}

std::int64_t ScoreMultiset::FenwickPrefix(std::size_t blocks) const {
    std::int64_t sum = 0;
    for (std::size_t at = blocks; at > 0; at -= at & (~at + 1)) sum += fenwick_[at];
    return sum;
}

std::size_t ScoreMultiset::BlockFor(Points value) const {
    const auto it = std::upper_bound(heads_.begin(), heads_.end(), value);
    return it == heads_.begin() ? 0 : static_cast<std::size_t>(it - heads_.begin()) - 1;
}

void ScoreMultiset::Insert(Points value) {
    ++size_;
    if (blocks_.empty()) {
        blocks_.push_back({value});
        Rebuild();
        return;
    }
    const std::size_t block = BlockFor(value);
    auto& values = blocks_[block];
    values.insert(std::upper_bound(values.begin(), values.end(), value), value);
    heads_[block] = values.front();
    if (values.size() <= kMaxBlock) {
        FenwickAdd(block, 1);
        return;
    }
    std::vector<Points> upper(values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2), values.end());
    values.resize(values.size() / 2);
    blocks_.insert(blocks_.begin() + static_cast<std::ptrdiff_t>(block) + 1, std::move(upper));
    Rebuild();
}

bool ScoreMultiset::Erase(Points value) {
    if (blocks_.empty()) return false;
    const std::size_t block = BlockFor(value);
    auto& values = blocks_[block];
    const auto it = std::lower_bound(values.begin(), values.end(), value);
    if (it == values.end() || *it != value) return false;
    values.erase(it);
    --size_;
    if (values.empty()) {
        blocks_.erase(blocks_.begin() + static_cast<std::ptrdiff_t>(block));
        Rebuild();
        return true;
    }
    heads_[block] = values.front();
    FenwickAdd(block, -1);
    return true;
}

void ScoreMultiset::Replace(Points old_value, Points new_value) {
    if (old_value == new_value) return;
    if (!blocks_.empty()) {
        const std::size_t block = BlockFor(old_value);
        auto& values = blocks_[block];
        const bool last_block = block + 1 == blocks_.size();
        // Same block when new_value stays within [head, next head): shift in place.
        if (values.size() > 1 && new_value >= values.front() && (last_block || new_value < heads_[block + 1])) {
            auto it = std::lower_bound(values.begin(), values.end(), old_value);
            if (it != values.end() && *it == old_value) {
                if (new_value > old_value) {
                    auto dest = std::upper_bound(it, values.end(), new_value);
                    std::move(it + 1, dest, it);
                    *(dest - 1) = new_value;
                } else {
                    auto dest = std::upper_bound(values.begin(), it, new_value);
                    std::move_backward(dest, it, it + 1);
                    *dest = new_value;
                }
                heads_[block] = values.front();
                return;
            }
        }
    }
    const bool erased = Erase(old_value);
    assert(erased);
    (void)erased;
    Insert(new_value);
}

std::int64_t ScoreMultiset::CountGreater(Points value) const {
    if (blocks_.empty()) return 0;
    if (value < heads_.front()) return size_;
    const std::size_t block = BlockFor(value);
    const auto& values = blocks_[block];
    const auto above_in_block = values.end() - std::upper_bound(values.begin(), values.end(), value);
    return size_ - FenwickPrefix(block + 1) + above_in_block;
}

Points ScoreMultiset::KthLargest(std::int64_t k) const {
    // Ascending index of the wanted value, then a Fenwick descent to its block.
    std::int64_t remaining = size_ - 1 - k;
    std::size_t at = 0;
    std::size_t step = 1;
    while (step * 2 < fenwick_.size()) step *= 2;
    for (; step > 0; step /= 2) {
        if (at + step < fenwick_.size() && fenwick_[at + step] <= remaining) {
            at += step;
            remaining -= fenwick_[at];
        }
    }
    return blocks_[at][static_cast<std::size_t>(remaining)];
}

}  // namespace lingyan::core::points
