#include "core/points/score_multiset.hpp"

#include <algorithm>
#include <cassert>

namespace lingyan::core::points {

ScoreMultiset::ScoreMultiset(std::vector<Points> values) {
    std::sort(values.begin(), values.end());
    *this = FromSorted(values);
}

ScoreMultiset ScoreMultiset::FromSorted(std::span<const Points> values) {
    ScoreMultiset out;
    out.size_ = static_cast<std::int64_t>(values.size());
    const std::size_t fill = kMaxBlock * 3 / 4;  // leave room so the first new values do not split
    std::vector<Entry> block;
    for (std::size_t idx = 0; idx < values.size();) {
        std::size_t run_end = idx + 1;
        while (run_end < values.size() && values[run_end] == values[idx]) ++run_end;
        block.push_back({values[idx], static_cast<std::int64_t>(run_end - idx)});
        if (block.size() == fill) out.blocks_.push_back(std::move(block)), block.clear();
        idx = run_end;
    }
    if (!block.empty()) out.blocks_.push_back(std::move(block));
    out.Rebuild();
    return out;
}

ScoreMultiset ScoreMultiset::Filled(Points value, std::int64_t count) {
    ScoreMultiset out;
    out.size_ = std::max<std::int64_t>(count, 0);
    if (out.size_ > 0) out.blocks_.push_back({{value, out.size_}});
    out.Rebuild();
    return out;
}

void ScoreMultiset::Rebuild() {
    heads_.resize(blocks_.size());
    fenwick_.assign(blocks_.size() + 1, 0);
    for (std::size_t block = 0; block < blocks_.size(); ++block) {
        heads_[block] = blocks_[block].front().value;
        for (const Entry& entry : blocks_[block]) fenwick_[block + 1] += entry.count;
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

namespace {
template <typename Entries>
auto FindEntry(Entries& entries, Points value) {
    return std::lower_bound(entries.begin(), entries.end(), value,
                            [](const auto& entry, Points v) { return entry.value < v; });
}
}  // namespace

void ScoreMultiset::Insert(Points value) {
    ++size_;
    if (blocks_.empty()) {
        blocks_.push_back({Entry{value, 1}});
        Rebuild();
        return;
    }
    const std::size_t block = BlockFor(value);
    auto& entries = blocks_[block];
    const auto it = FindEntry(entries, value);
    if (it != entries.end() && it->value == value) {
        ++it->count;
        FenwickAdd(block, 1);
        return;
    }
    entries.insert(it, Entry{value, 1});
    heads_[block] = entries.front().value;
    if (entries.size() <= kMaxBlock) {
        FenwickAdd(block, 1);
        return;
    }
    std::vector<Entry> upper(entries.begin() + static_cast<std::ptrdiff_t>(entries.size() / 2), entries.end());
    entries.resize(entries.size() / 2);
    blocks_.insert(blocks_.begin() + static_cast<std::ptrdiff_t>(block) + 1, std::move(upper));
    Rebuild();
}

bool ScoreMultiset::Erase(Points value) {
    if (blocks_.empty()) return false;
    const std::size_t block = BlockFor(value);
    auto& entries = blocks_[block];
    const auto it = FindEntry(entries, value);
    if (it == entries.end() || it->value != value) return false;
    --size_;
    if (--it->count > 0) {
        FenwickAdd(block, -1);
        return true;
    }
    entries.erase(it);
    if (entries.empty()) {
        blocks_.erase(blocks_.begin() + static_cast<std::ptrdiff_t>(block));
        Rebuild();
        return true;
    }
    heads_[block] = entries.front().value;
    FenwickAdd(block, -1);
    return true;
}

void ScoreMultiset::Replace(Points old_value, Points new_value) {
    if (old_value == new_value) return;
    const bool erased = Erase(old_value);
    assert(erased);
    (void)erased;
    Insert(new_value);
}

std::int64_t ScoreMultiset::CountGreater(Points value) const {
    if (blocks_.empty()) return 0;
    if (value < heads_.front()) return size_;
    const std::size_t block = BlockFor(value);
    std::int64_t above = size_ - FenwickPrefix(block + 1);
    const auto& entries = blocks_[block];
    for (auto it = entries.rbegin(); it != entries.rend() && it->value > value; ++it) above += it->count;
    return above;
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
    for (const Entry& entry : blocks_[at]) {
        if (remaining < entry.count) return entry.value;
        remaining -= entry.count;
    }
    return blocks_[at].back().value;  // unreachable for k < size()
}

}  // namespace lingyan::core::points
