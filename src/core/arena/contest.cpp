#include "core/arena/contest.hpp"

#include <cmath>
#include <cstdio>
#include <random>
#include <set>

#include "core/common/enum_names.hpp"

namespace lingyan::core::arena {

namespace {

std::string At(const char* list, std::size_t idx, const char* field) {
    return std::string(list) + "[" + std::to_string(idx) + "]." + field;
}

bool TwoDecimals(double v) {
    const double scaled = v * 100.0;
    return std::isfinite(scaled) && std::abs(scaled - std::round(scaled)) < 1e-6;
}

}  // namespace

double Round2(double x) { return static_cast<double>(Cents(x)) / 100.0; }

std::int64_t Cents(double x) { return static_cast<std::int64_t>(std::llround(x * 100.0 + (x >= 0 ? 1e-9 : -1e-9))); }

double TotalWeight(const std::vector<Criterion>& criteria) {
    double sum = 0;
    for (const auto& c : criteria) sum += c.weight;
    return sum;
}

double LiveWeight(const std::vector<Criterion>& criteria) {
    double sum = 0;
    for (const auto& c : criteria)
        if (!c.pre_scored) sum += c.weight;
    return sum;
}

double LiveMax(const std::vector<Criterion>& criteria) {
    const double total = TotalWeight(criteria);
    return total > 0 ? 100.0 * LiveWeight(criteria) / total : 0;
}

Status ValidateSetup(const ContestSetup& setup) {
    if (setup.name.empty()) return Invalid("请填写擂台赛名称", "name");
    if (setup.criteria.empty()) return Invalid("评分表至少要有一项", "criteria");
    std::set<std::string> keys;
    bool any_live = false;
    for (std::size_t idx = 0; idx < setup.criteria.size(); ++idx) {
        const Criterion& c = setup.criteria[idx];
        if (c.key.empty()) return Invalid("评分项缺少标识", At("criteria", idx, "key"));
        if (!keys.insert(c.key).second) return Invalid("评分项标识重复：" + c.key, At("criteria", idx, "key"));
        if (c.name.empty()) return Invalid("评分项缺少名称", At("criteria", idx, "name"));
        if (!(c.max > 0) || !std::isfinite(c.max)) return Invalid("满分应大于 0", At("criteria", idx, "max"));
        if (!(c.min >= 0) || !(c.min < c.max))
            return Invalid("最低分应不小于 0 且小于满分", At("criteria", idx, "min"));
        if (!(c.weight > 0) || !std::isfinite(c.weight)) return Invalid("权重应大于 0", At("criteria", idx, "weight"));
        any_live = any_live || !c.pre_scored;
    }
    if (!any_live) return Invalid("评分表至少要有一项由评委现场打分", "criteria");
    if (setup.aggregation.trim < 0) return Invalid("去掉最高最低分的个数不能为负", "aggregation.trim");
    if (setup.seats.empty()) return Invalid("至少要设一个评委席", "seats");
    if (static_cast<int>(setup.seats.size()) < 2 * setup.aggregation.trim + 1)
        return Invalid("评委人数不足：去掉 " + std::to_string(setup.aggregation.trim) + " 个最高分和 " +
                           std::to_string(setup.aggregation.trim) + " 个最低分至少需要 " +
                           std::to_string(2 * setup.aggregation.trim + 1) + " 位评委",
                       "seats");
    std::set<int> numbers;
    for (std::size_t idx = 0; idx < setup.seats.size(); ++idx) {
        const Seat& s = setup.seats[idx];
        if (s.label.empty()) return Invalid("评委席缺少名称", At("seats", idx, "label"));
        if (s.number < 1 || !numbers.insert(s.number).second)
            return Invalid("评委席号应为不重复的正整数", At("seats", idx, "number"));
    }
    if (setup.contestants.empty()) return Invalid("至少要有一位选手", "contestants");
    for (std::size_t idx = 0; idx < setup.contestants.size(); ++idx)
        if (setup.contestants[idx].name.empty()) return Invalid("选手缺少名称", At("contestants", idx, "name"));
    if (setup.rounds.empty()) return Invalid("至少要有一轮", "rounds");
    std::set<Id> known;
    for (const auto& c : setup.contestants) known.insert(c.id);
    for (std::size_t idx = 0; idx < setup.rounds.size(); ++idx) {
        const Round& r = setup.rounds[idx];
        if (r.name.empty()) return Invalid("轮次缺少名称", At("rounds", idx, "name"));
        if (r.order.empty()) return Invalid("轮次没有选手", At("rounds", idx, "order"));
        std::set<Id> seen;
        for (Id id : r.order) {
            if (!known.count(id)) return Invalid("轮次中有未登记的选手", At("rounds", idx, "order"));
            if (!seen.insert(id).second) return Invalid("同一轮中选手重复", At("rounds", idx, "order"));
        }
    }
    if (setup.seconds_per_contestant < 0) return Invalid("每位选手的时长不能为负", "seconds_per_contestant");
    std::set<std::string> titles;
    for (std::size_t idx = 0; idx < setup.titles.size(); ++idx) {
        const Title& t = setup.titles[idx];
        if (t.name.empty()) return Invalid("称号缺少名称", At("titles", idx, "name"));
        if (!titles.insert(t.name).second) return Invalid("称号重复：" + t.name, At("titles", idx, "name"));
        if (t.quota < 1) return Invalid("名额应至少为 1", At("titles", idx, "quota"));
    }
    if (setup.campaign_id != 0 && setup.campaign_criterion.empty())
        return Invalid("关联考核活动时须指定评委打分指标", "campaign_criterion");
    return Ok();
}

Status CheckValues(const std::vector<Criterion>& criteria, const std::vector<double>& values) {
    std::size_t value_idx = 0;
    for (const Criterion& c : criteria) {
        if (c.pre_scored) continue;
        if (value_idx >= values.size()) return Invalid("缺少「" + c.name + "」的分数", c.key);
        const double v = values[value_idx++];
        if (!std::isfinite(v) || v < c.min - 1e-9 || v > c.max + 1e-9) {
            char range[64];
            std::snprintf(range, sizeof range, "%g–%g", c.min, c.max);
            return Invalid("「" + c.name + "」的分数应在 " + range + " 之间", c.key);
        }
        if (!TwoDecimals(v)) return Invalid("「" + c.name + "」的分数最多两位小数", c.key);
    }
    if (value_idx != values.size()) return Invalid("分数个数与评分表不符", "values");
    return Ok();
}

double SheetTotal(const std::vector<Criterion>& criteria, const std::vector<double>& values) {
    const double total_weight = TotalWeight(criteria);
    double sum = 0;
    std::size_t value_idx = 0;
    for (const Criterion& c : criteria) {
        if (c.pre_scored) continue;
        if (value_idx < values.size()) sum += 100.0 * (c.weight / total_weight) * values[value_idx] / c.max;
        ++value_idx;
    }
    return sum;
}

double PreTotal(const std::vector<Criterion>& criteria, const std::vector<std::optional<double>>& pre_values,
                bool* complete) {
    const double total_weight = TotalWeight(criteria);
    double sum = 0;
    bool all = true;
    std::size_t value_idx = 0;
    for (const Criterion& c : criteria) {
        if (!c.pre_scored) continue;
        const std::optional<double> v = value_idx < pre_values.size() ? pre_values[value_idx] : std::nullopt;
        ++value_idx;
        if (!v) {
            all = false;
            continue;
        }
        sum += 100.0 * (c.weight / total_weight) * *v / c.max;
    }
    if (complete) *complete = all;
    return sum;
}

std::vector<Id> DrawOrder(std::vector<Id> ids, std::uint64_t seed) {
    // Fisher–Yates with a fixed generator: std::shuffle's algorithm is not specified, so it could
    // give another order on another standard library, and a recorded draw must replay anywhere.
    std::mt19937_64 rng(seed);
    for (std::size_t i = ids.size(); i > 1; --i) {
        const std::size_t j = static_cast<std::size_t>(rng() % i);
        std::swap(ids[i - 1], ids[j]);
    }
    return ids;
}

namespace {
constexpr EnumName<RecusalLevel> kRecusalLevels[] = {{RecusalLevel::kNone, "none"},
                                                     {RecusalLevel::kVillage, "village"},
                                                     {RecusalLevel::kTown, "town"},
                                                     {RecusalLevel::kCounty, "county"}};
}  // namespace

const char* RecusalLevelName(RecusalLevel level) { return EnumNameOf(kRecusalLevels, level, "town"); }

std::optional<RecusalLevel> RecusalLevelFromName(std::string_view s) { return EnumFromName(kRecusalLevels, s); }

}  // namespace lingyan::core::arena
