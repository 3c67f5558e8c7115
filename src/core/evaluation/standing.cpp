#include "core/evaluation/standing.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace lingyan::core::evaluation {

Status ValidateStanding(const StandingSpec& spec, const CompiledFramework& framework) {
    std::set<std::string> names;
    for (const auto& t : spec.tracks) {
        if (t.name.empty()) return Invalid("赛道名称不能为空", "tracks");
        if (!names.insert(t.name).second) return Invalid("赛道 “" + t.name + "” 重复", "tracks");
        if (!std::isfinite(t.coefficient) || t.coefficient <= 0)
            return Invalid("赛道 “" + t.name + "” 的系数应为正数", "tracks");
    }
    names.clear();
    double sum = 0;
    for (const auto& b : spec.bands) {
        if (b.name.empty()) return Invalid("分档名称不能为空", "bands");
        if (!names.insert(b.name).second) return Invalid("分档 “" + b.name + "” 重复", "bands");
        if (!std::isfinite(b.share) || b.share <= 0 || b.share > 1)
            return Invalid("分档 “" + b.name + "” 的比例应在 0 到 1 之间", "bands");
        sum += b.share;
    }
    if (!spec.bands.empty() && std::abs(sum - 1.0) > 0.001)
        return Invalid("各分档比例之和应为 100%（现为 " + std::to_string(std::lround(sum * 1000) / 10.0).substr(0, 5) +
                           "%）",
                       "bands");
    if (spec.negative) {
        const auto& n = *spec.negative;
        if (n.name.empty()) return Invalid("反向榜单（如躺平奖）须有名称", "negative");
        if (n.count < 1) return Invalid("反向榜单的名额应为正整数", "negative");
        if (!n.criterion.empty() && framework.Find(n.criterion) == kNoNode)
            return Invalid("反向榜单依据的指标 “" + n.criterion + "” 不在指标体系中", "negative");
    }
    return Ok();
}

Standing Stand(const Evaluation& evaluation, const CompiledFramework& framework, const std::vector<int>& subject_track,
               const StandingSpec& spec) {
    const auto& ranking = evaluation.ranking;
    const std::size_t n = ranking.size();
    Standing out;
    out.track_rank.assign(n, 0);
    out.band.assign(n, -1);
    auto track_of = [&](std::size_t pos) {
        const std::size_t subject = ranking[pos].subject;
        return subject < subject_track.size() ? subject_track[subject] : -1;
    };

    // Group rank: like the overall rank, counted among the group only. The ranking is ordered,
    // so a subject tied with the previous member of its group shares that member's group rank.
    std::map<int, std::vector<std::size_t>> groups;  // track (-1 = none) → positions in rank order
    for (std::size_t pos = 0; pos < n; ++pos) groups[track_of(pos)].push_back(pos);
    for (const auto& [track, positions] : groups) {
        for (std::size_t i = 0; i < positions.size(); ++i) {
            const auto& r = ranking[positions[i]];
            const bool tied = i > 0 && ranking[positions[i - 1]].rank == r.rank;
            out.track_rank[positions[i]] = tied ? out.track_rank[positions[i - 1]] : static_cast<int>(i) + 1;
        }
        if (spec.bands.empty()) continue;
        const auto ranked = static_cast<double>(std::count_if(positions.begin(), positions.end(),
                                                              [&](std::size_t p) { return !ranking[p].vetoed; }));
        std::vector<long> cutoffs;
        double cumulative = 0;
        for (const auto& b : spec.bands) {
            cumulative += b.share;
            cutoffs.push_back(std::lround(ranked * cumulative));
        }
        const int last = static_cast<int>(spec.bands.size()) - 1;
        for (std::size_t p : positions) {
            if (ranking[p].vetoed) {
                out.band[p] = last;
                continue;
            }
            const long before = out.track_rank[p] - 1;  // subjects ahead of this one in the group
            int band = last;
            for (int b = 0; b < last; ++b) {
                if (before < cutoffs[static_cast<std::size_t>(b)]) {
                    band = b;
                    break;
                }
            }
            out.band[p] = band;
        }
    }

    if (spec.negative) {
        const auto& neg = *spec.negative;
        const int node = neg.criterion.empty() ? kNoNode : framework.Find(neg.criterion);
        // Compared like totals: rounded, to 2 decimals of the total or 4 of s.
        auto value = [&](std::size_t pos) -> std::int64_t {
            const auto& r = ranking[pos];
            return node == kNoNode ? r.total_cents : std::llround(r.s[static_cast<std::size_t>(node)] * 10000.0);
        };
        std::vector<std::size_t> candidates;
        for (std::size_t pos = 0; pos < n; ++pos)
            if (!ranking[pos].vetoed && !ranking[pos].incomplete) candidates.push_back(pos);
        std::stable_sort(candidates.begin(), candidates.end(), [&](std::size_t a, std::size_t b) {
            const auto va = value(a), vb = value(b);
            if (va != vb) return va < vb;
            return a > b;  // of equal value, the one ranked lower overall first
        });
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            if (static_cast<int>(i) >= neg.count && value(candidates[i]) != value(out.negative.back())) break;
            out.negative.push_back(candidates[i]);
        }
        out.negative_overflow = std::max(0, static_cast<int>(out.negative.size()) - neg.count);
    }
    return out;
}

const char* ReviewGrade(const Evaluation& evaluation, const Standing& standing, const StandingSpec& spec,
                        std::size_t pos) {
    const auto& r = evaluation.ranking[pos];
    if (r.vetoed || std::find(standing.negative.begin(), standing.negative.end(), pos) != standing.negative.end())
        return "不称职";
    const int band = pos < standing.band.size() ? standing.band[pos] : -1;
    if (r.award >= 0 || (band == 0 && spec.bands.size() > 1)) return "优秀";
    if (band >= 0 && spec.bands[static_cast<std::size_t>(band)].follow_up) return "基本称职";
    return "称职";
}

}  // namespace lingyan::core::evaluation
