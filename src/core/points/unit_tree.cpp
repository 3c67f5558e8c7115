#include "core/points/unit_tree.hpp"

#include <algorithm>

namespace lingyan::core::points {

Result<UnitTree> UnitTree::Build(std::vector<UnitIdx> parent) {
    const auto n = static_cast<UnitIdx>(parent.size());
    for (UnitIdx unit = 0; unit < n; ++unit) {
        if (parent[unit] < kNoUnit || parent[unit] >= n) {
            return Invalid("上级单位不存在 (parent out of range)", "unit:" + std::to_string(unit));
        }
    }
    // Children lists in CSR form, kept in index order so the pre-order is deterministic.
    std::vector<std::int32_t> child_start(static_cast<std::size_t>(n) + 1, 0);
    for (UnitIdx unit = 0; unit < n; ++unit) {
        if (parent[unit] != kNoUnit) ++child_start[parent[unit] + 1];
    }
    for (UnitIdx unit = 0; unit < n; ++unit) child_start[unit + 1] += child_start[unit];
    std::vector<UnitIdx> children(static_cast<std::size_t>(child_start[n]));
    {
        std::vector<std::int32_t> fill(child_start.begin(), child_start.end() - 1);
        for (UnitIdx unit = 0; unit < n; ++unit) {
            if (parent[unit] != kNoUnit) children[fill[parent[unit]]++] = unit;
        }
    }
    UnitTree tree;
    tree.depth_.assign(n, 0);
    tree.order_.assign(n, -1);
    tree.subtree_size_.assign(n, 1);
    tree.by_order_.reserve(n);
    // Iterative DFS from every root; units never reached sit on a cycle.
    std::vector<std::pair<UnitIdx, std::int32_t>> stack;
    for (UnitIdx root = 0; root < n; ++root) {
        if (parent[root] != kNoUnit) continue;
        tree.order_[root] = static_cast<std::int32_t>(tree.by_order_.size());
        tree.by_order_.push_back(root);
        stack.emplace_back(root, child_start[root]);
        while (!stack.empty()) {
            auto& [unit, next] = stack.back();
            if (next < child_start[unit + 1]) {
                const UnitIdx child = children[next++];
                tree.depth_[child] = tree.depth_[unit] + 1;
                tree.order_[child] = static_cast<std::int32_t>(tree.by_order_.size());
                tree.by_order_.push_back(child);
                stack.emplace_back(child, child_start[child]);
            } else {
                const UnitIdx done = unit;
                stack.pop_back();
                if (!stack.empty()) tree.subtree_size_[stack.back().first] += tree.subtree_size_[done];
            }
        }
    }
    for (UnitIdx unit = 0; unit < n; ++unit) {
        if (tree.order_[unit] >= 0) continue;
        // Unreached: walk up until a unit repeats; that unit is on the cycle. Report the cycle's
        // smallest index, i.e. its earliest row in an import.
        std::vector<bool> seen(static_cast<std::size_t>(n), false);
        UnitIdx at = unit;
        while (!seen[at]) {
            seen[at] = true;
            at = parent[at];
        }
        UnitIdx smallest = at;
        for (UnitIdx walk = parent[at]; walk != at; walk = parent[walk]) smallest = std::min(smallest, walk);
        return Invalid("单位上下级成环 (unit cycle)", "unit:" + std::to_string(smallest));
    }
    tree.parent_ = std::move(parent);
    return tree;
}

std::vector<UnitIdx> UnitTree::Ancestry(UnitIdx unit) const {
    std::vector<UnitIdx> chain;
    for (UnitIdx at = unit; at != kNoUnit; at = parent_[at]) chain.push_back(at);
    return chain;
}

}  // namespace lingyan::core::points
