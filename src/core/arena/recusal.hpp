#pragma once
// Automatic recusal (回避): a judge never scores a contestant from their own town — or, by the
// contest's setting, their own village or county. Two units share a level when their nearest
// ancestor-or-self of that kind is the same unit; a unit above the level (a judge from the county
// office at town level) shares it with nobody. Pure functions over the region tree.

#include <set>
#include <utility>

#include "core/arena/contest.hpp"
#include "core/roster/tree.hpp"

namespace lingyan::core::arena {

// The nearest ancestor-or-self of `unit` at `level` (village level: a village or community), or
// 0 when there is none or the level is kNone.
Id LevelAncestor(const roster::RegionTree& tree, Id unit, RecusalLevel level);

// Does a judge from `judge_unit` recuse from a contestant of `contestant_unit`?
bool Recuses(const roster::RegionTree& tree, Id judge_unit, Id contestant_unit, RecusalLevel level);

// Every (seat id, contestant id) pair that recuses in `setup`.
using Recusals = std::set<std::pair<Id, Id>>;
Recusals ComputeRecusals(const roster::RegionTree& tree, const ContestSetup& setup);

}  // namespace lingyan::core::arena
