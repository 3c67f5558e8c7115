#include "core/evaluation/framework.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace lingyan::core::evaluation {
namespace {

struct MethodNameEntry {
    Method method;
    std::string_view name;
};

constexpr std::array<MethodNameEntry, 8> kMethodNames{{
    {Method::kGroup, "group"},
    {Method::kTarget, "target"},
    {Method::kGrowth, "growth"},
    {Method::kJudges, "judges"},
    {Method::kRating, "rating"},
    {Method::kRank, "rank"},
    {Method::kCount, "count"},
    {Method::kManual, "manual"},
}};

std::string Quote(std::string_view id) { return "“" + std::string(id) + "”"; }

// Which parameters a method accepts; a parameter set on any other method is refused so that a
// typo (a `floor` on a judges criterion) does not pass silently.
struct ParamUse {
    bool trim = false, max = false, floor = false, ceiling = false, per = false, cap = false;
};

ParamUse AcceptedParams(Method method) {
    switch (method) {
        case Method::kJudges:
            return {.trim = true, .max = true};
        case Method::kManual:
            return {.max = true};
        case Method::kGrowth:
            return {.floor = true, .ceiling = true};
        case Method::kCount:
            return {.per = true, .cap = true};
        default:
            return {};
    }
}

Status CheckParams(const CriterionSpec& c, Node& node) {
    const ParamUse use = AcceptedParams(c.method);
    const std::pair<const std::optional<double>*, std::pair<bool, const char*>> params[] = {
        {&c.trim, {use.trim, "trim"}},          {&c.max, {use.max, "max"}}, {&c.floor, {use.floor, "floor"}},
        {&c.ceiling, {use.ceiling, "ceiling"}}, {&c.per, {use.per, "per"}}, {&c.cap, {use.cap, "cap"}},
    };
    for (const auto& [value, rule] : params) {
        if (value->has_value() && !rule.first) {
            return Invalid(
                "指标 " + Quote(c.id) + " 的方法 " + std::string(MethodName(c.method)) + " 不接受参数 " + rule.second,
                c.id);
        }
        if (value->has_value() && !std::isfinite(**value)) {
            return Invalid("指标 " + Quote(c.id) + " 的参数 " + rule.second + " 不是有限数", c.id);
        }
    }
    auto missing = [&](const char* param) { return Invalid("指标 " + Quote(c.id) + " 缺少参数 " + param, c.id); };
    auto positive = [&](const char* param) {
        return Invalid("指标 " + Quote(c.id) + " 的参数 " + param + " 必须大于 0", c.id);
    };
    switch (c.method) {
        case Method::kJudges: {
            const double trim = c.trim.value_or(1.0);
            if (trim < 0 || trim != std::floor(trim) || trim > 1000) {
                return Invalid("指标 " + Quote(c.id) + " 的参数 trim 必须是非负整数", c.id);
            }
            node.trim = static_cast<int>(trim);
            node.max = c.max.value_or(100.0);
            if (node.max <= 0) return positive("max");
            break;
        }
        case Method::kManual:
            if (!c.max) return missing("max");
            if (*c.max <= 0) return positive("max");
            node.max = *c.max;
            break;
        case Method::kGrowth:
            if (!c.floor) return missing("floor");
            if (!c.ceiling) return missing("ceiling");
            if (*c.ceiling <= *c.floor) {
                return Invalid("指标 " + Quote(c.id) + " 的参数 ceiling 必须大于 floor", c.id);
            }
            break;
        case Method::kCount:
            if (!c.per) return missing("per");
            if (!c.cap) return missing("cap");
            if (*c.per <= 0) return positive("per");
            if (*c.cap <= 0) return positive("cap");
            break;
        default:
            break;
    }
    return Ok();
}

}  // namespace

std::optional<Method> ParseMethod(std::string_view name) {
    for (const auto& entry : kMethodNames) {
        if (entry.method != Method::kGroup && entry.name == name) return entry.method;
    }
    return std::nullopt;
}

std::string_view MethodName(Method method) {
    for (const auto& entry : kMethodNames) {
        if (entry.method == method) return entry.name;
    }
    return "group";
}

int CompiledFramework::Find(std::string_view id) const {
    auto it = std::lower_bound(index_.begin(), index_.end(), id,
                               [](const auto& entry, std::string_view key) { return entry.first < key; });
    if (it == index_.end() || it->first != id) return kNoNode;
    return it->second;
}

Result<CompiledFramework> Compile(Framework framework) {
    if (!std::isfinite(framework.scale) || framework.scale <= 0) return Invalid("scale 必须大于 0", "scale");
    if (framework.bonus_cap && !(*framework.bonus_cap >= 0)) return Invalid("bonus_cap 不能为负", "bonus_cap");
    if (framework.penalty_cap && !(*framework.penalty_cap >= 0)) {
        return Invalid("penalty_cap 不能为负", "penalty_cap");
    }
    const auto& specs = framework.criteria;
    if (specs.empty()) return Invalid("指标体系没有任何指标", "criteria");

    // Ids first: every later check refers to criteria by id.
    std::vector<std::pair<std::string, int>> index;
    index.reserve(specs.size());
    for (std::size_t spec_idx = 0; spec_idx < specs.size(); ++spec_idx) {
        const auto& c = specs[spec_idx];
        if (c.id.empty()) return Invalid("第 " + std::to_string(spec_idx + 1) + " 个指标缺少 id", "criteria");
        if (c.id == "-") return Invalid("指标 id 不能是 “-”（它表示主体级事实）", c.id);
        if (!std::isfinite(c.weight) || c.weight <= 0) {
            return Invalid("指标 " + Quote(c.id) + " 的权重必须大于 0", c.id);
        }
        index.emplace_back(c.id, static_cast<int>(spec_idx));
    }
    std::sort(index.begin(), index.end());
    for (std::size_t pos = 1; pos < index.size(); ++pos) {
        if (index[pos].first == index[pos - 1].first) {
            return Invalid("指标 id " + Quote(index[pos].first) + " 重复", index[pos].first);
        }
    }
    auto find = [&](std::string_view id) {
        auto it = std::lower_bound(index.begin(), index.end(), id,
                                   [](const auto& entry, std::string_view key) { return entry.first < key; });
        return (it == index.end() || it->first != id) ? kNoNode : it->second;
    };

    // Parents, then cycles: follow each chain of parents; a chain longer than the number of
    // criteria must revisit one of them.
    std::vector<int> parent_of(specs.size(), kNoNode);
    std::vector<std::vector<int>> children_of(specs.size());
    std::vector<int> top;
    for (std::size_t spec_idx = 0; spec_idx < specs.size(); ++spec_idx) {
        const auto& c = specs[spec_idx];
        if (c.parent.empty()) {
            top.push_back(static_cast<int>(spec_idx));
            continue;
        }
        const int parent = find(c.parent);
        if (parent == kNoNode) {
            return Invalid("指标 " + Quote(c.id) + " 的上级指标 " + Quote(c.parent) + " 不存在", c.id);
        }
        parent_of[spec_idx] = parent;
        children_of[static_cast<std::size_t>(parent)].push_back(static_cast<int>(spec_idx));
    }
    for (std::size_t spec_idx = 0; spec_idx < specs.size(); ++spec_idx) {
        int at = static_cast<int>(spec_idx);
        for (std::size_t steps = 0; at != kNoNode; ++steps) {
            if (steps > specs.size()) {
                return Invalid("指标 " + Quote(specs[spec_idx].id) + " 的上级关系构成循环", specs[spec_idx].id);
            }
            at = parent_of[static_cast<std::size_t>(at)];
        }
    }

    CompiledFramework out;
    std::vector<int> node_of(specs.size(), kNoNode);
    // Pre-order placement with an explicit stack (deep trees must not overflow the call stack).
    std::vector<std::pair<int, int>> stack;  // (spec index, parent node index)
    for (auto it = top.rbegin(); it != top.rend(); ++it) stack.emplace_back(*it, kNoNode);
    while (!stack.empty()) {
        auto [spec_idx, parent_node] = stack.back();
        stack.pop_back();
        const auto& c = specs[static_cast<std::size_t>(spec_idx)];
        Node node;
        node.spec = c;
        node.parent = parent_node;
        node.depth = parent_node == kNoNode ? 0 : out.nodes_[static_cast<std::size_t>(parent_node)].depth + 1;
        const auto& kids = children_of[static_cast<std::size_t>(spec_idx)];
        if (kids.empty() && c.method == Method::kGroup) {
            return Invalid("指标 " + Quote(c.id) + " 既没有下级指标也没有计分方法", c.id);
        }
        if (!kids.empty() && c.method != Method::kGroup) {
            return Invalid("指标 " + Quote(c.id) + " 有下级指标，不能再指定计分方法", c.id);
        }
        if (auto status = CheckParams(c, node); !status) return status.error();
        const int node_idx = static_cast<int>(out.nodes_.size());
        node_of[static_cast<std::size_t>(spec_idx)] = node_idx;
        if (parent_node == kNoNode) {
            out.roots_.push_back(node_idx);
        } else {
            out.nodes_[static_cast<std::size_t>(parent_node)].children.push_back(node_idx);
        }
        if (kids.empty()) {
            node.leaf_index = static_cast<int>(out.leaves_.size());
            out.leaves_.push_back(node_idx);
        }
        out.nodes_.push_back(std::move(node));
        for (auto kid = kids.rbegin(); kid != kids.rend(); ++kid) stack.emplace_back(*kid, node_idx);
    }

    // Shares: pre-order guarantees a parent's global share is known before its children's.
    auto assign_shares = [&](const std::vector<int>& siblings, double parent_global) {
        double sum = 0;
        for (int sib : siblings) sum += out.nodes_[static_cast<std::size_t>(sib)].spec.weight;
        for (int sib : siblings) {
            auto& n = out.nodes_[static_cast<std::size_t>(sib)];
            n.share = n.spec.weight / sum;
            n.global_share = parent_global * n.share;
        }
    };
    assign_shares(out.roots_, 1.0);
    for (std::size_t node_idx = 0; node_idx < out.nodes_.size(); ++node_idx) {
        if (!out.nodes_[node_idx].children.empty()) {
            const std::vector<int> kids = out.nodes_[node_idx].children;
            assign_shares(kids, out.nodes_[node_idx].global_share);
        }
    }

    for (const auto& id : framework.tiebreak) {
        const int spec_idx = find(id);
        if (spec_idx == kNoNode) return Invalid("tiebreak 中的指标 " + Quote(id) + " 不存在", "tiebreak");
        out.tiebreak_.push_back(node_of[static_cast<std::size_t>(spec_idx)]);
    }
    for (const auto& award : framework.awards) {
        if (award.name.empty()) return Invalid("奖项缺少名称", "awards");
        if (award.quota < 1) return Invalid("奖项 " + Quote(award.name) + " 的名额必须至少为 1", "awards");
        if (!std::isfinite(award.min_total)) {
            return Invalid("奖项 " + Quote(award.name) + " 的 min_total 不是有限数", "awards");
        }
    }

    out.index_.reserve(specs.size());
    for (const auto& [id, spec_idx] : index) out.index_.emplace_back(id, node_of[static_cast<std::size_t>(spec_idx)]);
    out.framework_ = std::move(framework);
    return out;
}

}  // namespace lingyan::core::evaluation
