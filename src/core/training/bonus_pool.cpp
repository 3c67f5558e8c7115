#include "core/training/bonus_pool.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <set>

namespace lingyan::core::training {

std::string FormatYuan(std::int64_t fen) {
    char buffer[40];
    const std::int64_t magnitude = fen < 0 ? -fen : fen;
    std::snprintf(buffer, sizeof buffer, "%s%lld.%02lld", fen < 0 ? "-" : "", static_cast<long long>(magnitude / 100),
                  static_cast<long long>(magnitude % 100));
    return buffer;
}

Result<BonusSplit> SplitBonusPool(std::int64_t pool_fen, const std::vector<BonusParticipant>& participants,
                                  const LadderConfig& ladder, const BonusRule& rule) {
    if (pool_fen < 0) return Invalid("奖金池金额不能为负 (pool must be ≥ 0)", "pool");
    // Bounded so that every sum of lines stays far inside int64 (issue 11, finding 11).
    if (pool_fen > kMaxPoolFen) return Invalid("奖金池金额超出范围（至多 1000 亿元）", "pool");
    if (auto st = ValidateLadder(ladder); !st) return st.error();
    BonusSplit split;
    split.pool_fen = pool_fen;
    std::set<roster::Id> seen;
    for (std::size_t idx = 0; idx < participants.size(); ++idx) {
        const auto& p = participants[idx];
        const std::string field = "participants[" + std::to_string(idx) + "]";
        if (!seen.insert(p.person_id).second) return Invalid(p.name + " 重复出现 (duplicate person)", field);
        if (p.level < 1 || p.level > ladder.levels)
            return Invalid(p.name + " 的等级 " + std::to_string(p.level) + " 超出范围 (level out of range)", field);
        auto coefficient = rule.grade_coefficient.find(p.grade);
        if (coefficient == rule.grade_coefficient.end() || !(coefficient->second >= 0))
            return Invalid(std::string("考核等次 ") + GradeName(p.grade) + " 没有有效系数 (no coefficient)", field);
        BonusLine line;
        line.person_id = p.person_id;
        line.name = p.name;
        line.level_weight = ladder.bonus_weight[p.level - 1];
        line.coefficient = coefficient->second;
        line.weight = line.level_weight * line.coefficient;
        split.total_weight += line.weight;
        split.lines.push_back(std::move(line));
    }
    if (pool_fen > 0 && !(split.total_weight > 0))
        return Invalid("总权重为 0，无人可分配 (total weight is zero)", "participants");

    // Floor of each exact share, then the leftover fen one each to the largest remainders
    // (earlier lines first on equal remainders), so the lines add up to the pool exactly.
    std::vector<long double> remainder(split.lines.size(), 0);
    std::int64_t handed_out = 0;
    for (std::size_t idx = 0; idx < split.lines.size(); ++idx) {
        if (pool_fen == 0) break;
        const long double exact = static_cast<long double>(pool_fen) * split.lines[idx].weight / split.total_weight;
        const auto floor_fen = static_cast<std::int64_t>(std::floor(exact));
        split.lines[idx].amount_fen = floor_fen;
        remainder[idx] = exact - floor_fen;
        handed_out += floor_fen;
    }
    std::vector<std::size_t> order(split.lines.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
    for (std::size_t rank = 0; handed_out < pool_fen && rank < order.size(); ++rank) {
        if (split.lines[order[rank]].weight <= 0) continue;
        ++split.lines[order[rank]].amount_fen;
        ++handed_out;
    }

    char buffer[256];
    for (auto& line : split.lines) {
        std::snprintf(buffer, sizeof buffer, "等级权重 %.2f × 系数 %.2f = %.4f；%.4f ÷ %.4f × %s 元 = %s 元",
                      line.level_weight, line.coefficient, line.weight, line.weight, split.total_weight,
                      FormatYuan(pool_fen).c_str(), FormatYuan(line.amount_fen).c_str());
        line.arithmetic = buffer;
    }
    std::snprintf(buffer, sizeof buffer, "奖金池 %s 元，%zu 人，总权重 %.4f，分配 %s 元", FormatYuan(pool_fen).c_str(),
                  split.lines.size(), split.total_weight, FormatYuan(handed_out).c_str());
    split.summary = buffer;
    return split;
}

}  // namespace lingyan::core::training
