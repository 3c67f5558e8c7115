#include "core/roster/tree.hpp"

#include <algorithm>

namespace lingyan::core::roster {

Result<RegionTree> RegionTree::Build(std::vector<Unit> units) {
    RegionTree tree;
    tree.units_ = std::move(units);
    for (std::size_t i = 0; i < tree.units_.size(); ++i) {
        const Unit& u = tree.units_[i];
        if (!tree.nodes_.emplace(u.id, Node{i}).second) {
            return Invalid("单位编号重复: " + std::to_string(u.id), "id");
        }
    }
    for (const Unit& u : tree.units_) {
        if (u.parent_id) {
            if (!tree.nodes_.count(*u.parent_id)) {
                return Invalid("单位“" + u.name + "”的上级单位不存在", "parent_id");
            }
            tree.children_[*u.parent_id].push_back(u.id);
        } else {
            tree.roots_.push_back(u.id);
        }
    }
    auto by_code = [&tree](Id a, Id b) {
        const Unit& ua = tree.units_[tree.nodes_.at(a).index];
        const Unit& ub = tree.units_[tree.nodes_.at(b).index];
        return std::tie(ua.code, ua.name, ua.id) < std::tie(ub.code, ub.name, ub.id);
    };
    std::sort(tree.roots_.begin(), tree.roots_.end(), by_code);
    for (auto& [parent, kids] : tree.children_) std::sort(kids.begin(), kids.end(), by_code);

    // Iterative DFS assigning Euler intervals; units never reached sit on a cycle.
    tree.order_.reserve(tree.units_.size());
    struct Frame {
        Id id;
        std::size_t next_child;
    };
    std::vector<Frame> stack;
    for (Id root : tree.roots_) {
        stack.push_back({root, 0});
        Node& rn = tree.nodes_.at(root);
        rn.enter = static_cast<int>(tree.order_.size());
        rn.depth = 0;
        tree.order_.push_back(root);
        while (!stack.empty()) {
            Frame& top = stack.back();
            auto it = tree.children_.find(top.id);
            if (it != tree.children_.end() && top.next_child < it->second.size()) {
                Id child = it->second[top.next_child++];
                Node& cn = tree.nodes_.at(child);
                cn.enter = static_cast<int>(tree.order_.size());
                cn.depth = static_cast<int>(stack.size());
                tree.order_.push_back(child);
                stack.push_back({child, 0});
            } else {
                tree.nodes_.at(top.id).exit = static_cast<int>(tree.order_.size());
                stack.pop_back();
            }
        }
    }
    if (tree.order_.size() != tree.units_.size()) {
        std::vector<bool> seen(tree.units_.size());
        for (Id id : tree.order_) seen[tree.nodes_.at(id).index] = true;
        for (std::size_t i = 0; i < seen.size(); ++i) {
            if (!seen[i]) return Invalid("单位“" + tree.units_[i].name + "”处于上下级循环中", "parent_id");
        }
    }
    return tree;
}

const Unit* RegionTree::Find(Id id) const {
    auto it = nodes_.find(id);
    return it == nodes_.end() ? nullptr : &units_[it->second.index];
}

std::string RegionTree::NameOf(Id id) const {
    const auto* u = Find(id);
    return u ? u->name : std::string();
}

bool RegionTree::InSubtree(Id root, Id id) const {
    auto r = nodes_.find(root);
    auto n = nodes_.find(id);
    if (r == nodes_.end() || n == nodes_.end()) return false;
    return n->second.enter >= r->second.enter && n->second.enter < r->second.exit;
}

std::span<const Id> RegionTree::Children(std::optional<Id> parent) const {
    if (!parent) return roots_;
    auto it = children_.find(*parent);
    if (it == children_.end()) return {};
    return it->second;
}

std::vector<const Unit*> RegionTree::Ancestors(Id id) const {
    std::vector<const Unit*> out;
    const Unit* u = Find(id);
    while (u && u->parent_id) {
        u = Find(*u->parent_id);
        if (u) out.push_back(u);
    }
    std::reverse(out.begin(), out.end());
    return out;
}

std::vector<Id> RegionTree::Subtree(Id root) const {
    auto it = nodes_.find(root);
    if (it == nodes_.end()) return {};
    return {order_.begin() + it->second.enter, order_.begin() + it->second.exit};
}

std::vector<Id> RegionTree::Search(Id root, std::string_view q) const {
    std::vector<Id> out;
    auto it = nodes_.find(root);
    if (it == nodes_.end()) return out;
    for (int pos = it->second.enter; pos < it->second.exit; ++pos) {
        const Unit& u = units_[nodes_.at(order_[pos]).index];
        if (u.name.find(q) != std::string::npos || (!q.empty() && u.code.starts_with(q))) out.push_back(u.id);
    }
    return out;
}

int RegionTree::Depth(Id id) const {
    auto it = nodes_.find(id);
    return it == nodes_.end() ? -1 : it->second.depth;
}

namespace {
constexpr std::pair<UnitKind, const char*> kKinds[] = {
    {UnitKind::kProvince, "province"}, {UnitKind::kCity, "city"},         {UnitKind::kCounty, "county"}, {UnitKind::kTown, "town"},
    {UnitKind::kVillage, "village"},   {UnitKind::kCommunity, "community"}, {UnitKind::kGrid, "grid"},
    {UnitKind::kEnterprise, "enterprise"}};
constexpr std::pair<Economy, const char*> kEconomies[] = {
    {Economy::kNone, "none"},       {Economy::kAgriculture, "agriculture"}, {Economy::kIndustry, "industry"},
    {Economy::kTourism, "tourism"}, {Economy::kMixed, "mixed"},             {Economy::kUrban, "urban"}};
constexpr std::pair<PartyOrgKind, const char*> kOrgKinds[] = {{PartyOrgKind::kCommittee, "committee"},
                                                              {PartyOrgKind::kGeneralBranch, "general_branch"},
                                                              {PartyOrgKind::kBranch, "branch"},
                                                              {PartyOrgKind::kGroup, "group"}};

template <typename E, std::size_t N>
const char* NameOf(const std::pair<E, const char*> (&table)[N], E value) {
    for (const auto& [e, name] : table)
        if (e == value) return name;
    return "";
}
template <typename E, std::size_t N>
std::optional<E> ValueOf(const std::pair<E, const char*> (&table)[N], std::string_view s) {
    for (const auto& [e, name] : table)
        if (s == name) return e;
    return std::nullopt;
}
}  // namespace

const char* KindName(UnitKind kind) { return NameOf(kKinds, kind); }
std::optional<UnitKind> KindFromString(std::string_view s) { return ValueOf(kKinds, s); }
const char* EconomyName(Economy economy) { return NameOf(kEconomies, economy); }
std::optional<Economy> EconomyFromString(std::string_view s) { return ValueOf(kEconomies, s); }

namespace {
// The first label of each kind is the one exports write.
constexpr std::pair<UnitKind, const char*> kKindLabels[] = {
    {UnitKind::kProvince, "省"},   {UnitKind::kCity, "市"},         {UnitKind::kCounty, "区县"},
    {UnitKind::kTown, "镇街"},     {UnitKind::kVillage, "村"},      {UnitKind::kCommunity, "社区"},
    {UnitKind::kGrid, "网格"},     {UnitKind::kEnterprise, "企业"}, {UnitKind::kProvince, "自治区"},
    {UnitKind::kProvince, "直辖市"}, {UnitKind::kCity, "地级市"},     {UnitKind::kCounty, "县"},
    {UnitKind::kCounty, "区"},     {UnitKind::kCounty, "县级市"},   {UnitKind::kTown, "镇"},
    {UnitKind::kTown, "乡"},       {UnitKind::kTown, "街道"},       {UnitKind::kTown, "镇(街道)"},
    {UnitKind::kTown, "镇（街道）"}};
constexpr std::pair<Economy, const char*> kEconomyLabels[] = {
    {Economy::kNone, "无"},          {Economy::kAgriculture, "农业"}, {Economy::kIndustry, "工业"},
    {Economy::kTourism, "旅游"},     {Economy::kMixed, "综合"},       {Economy::kUrban, "城镇"},
    {Economy::kNone, ""},            {Economy::kMixed, "混合"},       {Economy::kMixed, "综合型"},
    {Economy::kAgriculture, "农业型"}, {Economy::kIndustry, "工业型"}, {Economy::kTourism, "旅游型"},
    {Economy::kTourism, "文旅"},     {Economy::kUrban, "城镇型"}};
}  // namespace

const char* KindLabel(UnitKind kind) { return NameOf(kKindLabels, kind); }

std::optional<UnitKind> KindFromLabel(std::string_view s) {
    if (auto english = KindFromString(s)) return english;
    return ValueOf(kKindLabels, s);
}

const char* EconomyLabel(Economy economy) { return NameOf(kEconomyLabels, economy); }

std::optional<Economy> EconomyFromLabel(std::string_view s) {
    if (auto english = EconomyFromString(s)) return english;
    return ValueOf(kEconomyLabels, s);
}
const char* PartyOrgKindName(PartyOrgKind kind) { return NameOf(kOrgKinds, kind); }
std::optional<PartyOrgKind> PartyOrgKindFromString(std::string_view s) { return ValueOf(kOrgKinds, s); }

}  // namespace lingyan::core::roster
