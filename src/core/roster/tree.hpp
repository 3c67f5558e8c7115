#pragma once
// RegionTree: the units of a deployment as a tree, with O(1) subtree tests (Euler-tour
// intervals), children lists ordered by code, and name/code search. Immutable after Build();
// rebuilt or patched by the single writer (app::RosterService), read concurrently under its lock.

#include <optional>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/common/result.hpp"
#include "core/roster/model.hpp"

namespace lingyan::core::roster {

class RegionTree {
public:
    // Builds the tree; refuses unknown parents and cycles (naming the unit).
    static Result<RegionTree> Build(std::vector<Unit> units);

    const Unit* Find(Id id) const;
    // The unit's name, "" when there is no such unit.
    std::string NameOf(Id id) const;
    // True iff `id` is `root` or lies below it.
    bool InSubtree(Id root, Id id) const;
    std::span<const Id> Children(std::optional<Id> parent) const;
    // Ancestors from the root down to the parent of `id` (excluding `id`).
    std::vector<const Unit*> Ancestors(Id id) const;
    // Every unit of the subtree of `root` in pre-order (root first).
    std::vector<Id> Subtree(Id root) const;
    // Units in the subtree of `root` whose name contains `q` or whose code starts with `q`,
    // in pre-order.
    std::vector<Id> Search(Id root, std::string_view q) const;
    std::size_t size() const { return units_.size(); }
    const std::vector<Unit>& units() const { return units_; }
    int Depth(Id id) const;

private:
    struct Node {
        std::size_t index;  // into units_
        int enter = 0, exit = 0, depth = 0;
    };
    std::vector<Unit> units_;
    std::unordered_map<Id, Node> nodes_;
    std::unordered_map<Id, std::vector<Id>> children_;
    std::vector<Id> roots_;
    std::vector<Id> order_;  // pre-order; order_[enter] == id
};

const char* KindName(UnitKind kind);
std::optional<UnitKind> KindFromString(std::string_view s);
// The one vocabulary of the units sheet, both directions: exports write KindLabel (省, 市, 区县,
// 镇街, 村, 社区, 网格, 企业) and imports read it, plus what officers also write (自治区, 直辖市,
// 地级市, 县, 区, 县级市, 镇, 乡, 街道) and the English names.
const char* KindLabel(UnitKind kind);
std::optional<UnitKind> KindFromLabel(std::string_view s);
const char* EconomyName(Economy economy);
std::optional<Economy> EconomyFromString(std::string_view s);
// Economy types the same way: EconomyLabel writes 无, 农业, 工业, 旅游, 综合, 城镇; imports also read
// 混合, 综合型 and the like, and "" as none.
const char* EconomyLabel(Economy economy);
std::optional<Economy> EconomyFromLabel(std::string_view s);
const char* PartyOrgKindName(PartyOrgKind kind);
std::optional<PartyOrgKind> PartyOrgKindFromString(std::string_view s);

}  // namespace lingyan::core::roster
