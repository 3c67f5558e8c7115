#pragma once
// Evaluation frameworks (考核指标体系): a tree of criteria with relative weights whose leaves
// say how a normalized score s ∈ [0,1] is computed from facts. The contract is SPEC.md,
// "Evaluation semantics". Pure data and validation; no I/O. Types are values; a compiled
// framework is immutable and may be shared between threads.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.hpp"

namespace lingyan::core::evaluation {

// How a leaf computes s. kGroup marks a parent whose s is the weighted mean of its children.
// When adding a method here, also extend ParseMethod/MethodName, the key table in facts.cpp,
// the parameter check in framework.cpp and the formula in engine.cpp.
enum class Method { kGroup, kTarget, kGrowth, kJudges, kRating, kRank, kCount, kManual };

// "target", "growth", "judges", "rating", "rank", "count", "manual"; nullopt for anything else
// (a group has no method name).
std::optional<Method> ParseMethod(std::string_view name);
std::string_view MethodName(Method method);  // "group" for kGroup

// One criterion in flat form: `parent` names the enclosing criterion ("" = top level), so a
// framework stored as rows (id, parent_id) and a nested JSON document map onto the same type.
// Children keep the order in which they appear in Framework::criteria.
struct CriterionSpec {
    std::string id;
    std::string name;
    std::string parent;
    double weight = 1.0;
    Method method = Method::kGroup;
    // Parameters; which ones apply depends on the method (see Compile for the rules).
    std::optional<double> trim;     // judges: scores dropped at each end, default 1
    std::optional<double> max;      // judges (default 100), manual (required)
    std::optional<double> floor;    // growth (required)
    std::optional<double> ceiling;  // growth (required), > floor
    std::optional<double> per;      // count (required), > 0
    std::optional<double> cap;      // count (required), > 0
};

struct AwardSpec {
    std::string name;
    int quota = 0;           // ≥ 1
    double min_total = 0.0;  // compared with the total rounded to 2 decimals
};

struct Framework {
    std::string name;
    double scale = 100.0;
    std::optional<double> bonus_cap;    // nullopt = no cap
    std::optional<double> penalty_cap;  // nullopt = no cap
    std::vector<std::string> tiebreak;  // criterion ids, in order
    std::vector<AwardSpec> awards;      // handed out in this order
    std::vector<CriterionSpec> criteria;
};

inline constexpr int kNoNode = -1;

// A criterion placed in the tree. `share` is its weight divided by the sum of its siblings'
// weights; `global_share` multiplies the shares from the root down, so that
// Σ over leaves of global_share · s = s(root).
struct Node {
    CriterionSpec spec;
    int parent = kNoNode;
    std::vector<int> children;
    int depth = 0;  // 0 for top-level criteria
    double share = 0.0;
    double global_share = 0.0;
    int leaf_index = kNoNode;  // position among the leaves, kNoNode for groups
    int trim = 0;              // judges only, resolved from spec.trim
    double max = 0.0;          // judges/manual, resolved from spec.max
};

// A validated framework. Nodes are stored in pre-order (a parent before its children, siblings
// in their given order), so iterating backwards visits children before parents.
class CompiledFramework {
public:
    const Framework& framework() const { return framework_; }
    const std::vector<Node>& nodes() const { return nodes_; }
    const std::vector<int>& roots() const { return roots_; }
    const std::vector<int>& leaves() const { return leaves_; }      // node indexes, pre-order
    const std::vector<int>& tiebreak() const { return tiebreak_; }  // node indexes
    // Node index of a criterion id, or kNoNode.
    int Find(std::string_view id) const;

private:
    friend Result<CompiledFramework> Compile(Framework framework);
    Framework framework_;
    std::vector<Node> nodes_;
    std::vector<int> roots_;
    std::vector<int> leaves_;
    std::vector<int> tiebreak_;
    std::vector<std::pair<std::string, int>> index_;  // sorted by id
};

// Validates and compiles a framework. Refuses (errc::kInvalid, `field` = criterion id or
// framework key): no criteria, an empty or duplicate id, weight ≤ 0 or not finite, an unknown
// parent, a cycle of parents, a leaf without a method, a group with a method, missing or
// out-of-range parameters (trim a non-negative integer; max, per, cap > 0; ceiling > floor),
// parameters that do not belong to the method, scale ≤ 0, negative caps, an unknown tiebreak
// criterion, an award with an empty name or quota < 1.
Result<CompiledFramework> Compile(Framework framework);

}  // namespace lingyan::core::evaluation
