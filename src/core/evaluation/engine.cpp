#include "core/evaluation/engine.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

namespace lingyan::core::evaluation {
namespace {

double Clamp01(double value) { return std::clamp(value, 0.0, 1.0); }

constexpr double kNoRankValue = std::numeric_limits<double>::quiet_NaN();

// Per rank leaf: s of each subject (NaN when the subject has no value for it), and the
// position and N for explanations.
struct RankColumn {
    std::vector<double> s;
    std::vector<int> position;
    int n = 0;
};

std::vector<RankColumn> RankColumns(const FactSheet& facts) {
    const auto& fw = facts.framework();
    const auto& subjects = facts.subjects();
    std::vector<RankColumn> columns(fw.leaves().size());
    std::vector<std::pair<double, std::size_t>> values;
    for (std::size_t leaf_idx = 0; leaf_idx < fw.leaves().size(); ++leaf_idx) {
        const Node& node = fw.nodes()[static_cast<std::size_t>(fw.leaves()[leaf_idx])];
        if (node.spec.method != Method::kRank) continue;
        values.clear();
        for (std::size_t subject_idx = 0; subject_idx < subjects.size(); ++subject_idx) {
            const LeafFacts& leaf = subjects[subject_idx].leaves[leaf_idx];
            if (leaf.seen) values.emplace_back(leaf.a, subject_idx);
        }
        std::sort(values.begin(), values.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
        RankColumn& column = columns[leaf_idx];
        column.s.assign(subjects.size(), kNoRankValue);
        column.position.assign(subjects.size(), 0);
        column.n = static_cast<int>(values.size());
        const double n = static_cast<double>(values.size());
        int rank = 0;
        for (std::size_t pos = 0; pos < values.size(); ++pos) {
            if (pos == 0 || values[pos].first != values[pos - 1].first) rank = static_cast<int>(pos) + 1;
            column.position[values[pos].second] = rank;
            column.s[values[pos].second] = n <= 1 ? 1.0 : (n - rank) / (n - 1);
        }
    }
    return columns;
}

// s of one leaf; `missing` when the inputs the method needs are absent. When `inputs` is not
// null it receives the facts and derived figures behind s.
double LeafScore(const Node& node, const LeafFacts& leaf, const RankColumn& rank, std::size_t subject_idx,
                 bool& missing, std::vector<ExplainedInput>* inputs) {
    auto add = [&](std::string key, double value, bool derived = false, bool dropped = false) {
        if (inputs) inputs->push_back({std::move(key), value, dropped, derived});
    };
    missing = false;
    switch (node.spec.method) {
        case Method::kTarget:
            if (leaf.seen & 1) add("actual", leaf.a);
            if (leaf.seen & 2) add("target", leaf.b);
            if ((leaf.seen & 3) != 3) break;
            return Clamp01(leaf.a / leaf.b);
        case Method::kGrowth: {
            if (leaf.seen & 1) add("actual", leaf.a);
            if (leaf.seen & 2) add("base", leaf.b);
            if ((leaf.seen & 3) != 3) break;
            const double growth = (leaf.a - leaf.b) / std::fabs(leaf.b);
            add("growth", growth, true);
            return Clamp01((growth - *node.spec.floor) / (*node.spec.ceiling - *node.spec.floor));
        }
        case Method::kJudges: {
            if (leaf.judges.empty()) break;
            std::vector<double> sorted = leaf.judges;
            std::sort(sorted.begin(), sorted.end());
            const std::size_t trim = static_cast<std::size_t>(node.trim);
            double sum = 0;
            for (std::size_t pos = trim; pos + trim < sorted.size(); ++pos) sum += sorted[pos];
            const double mean = sum / static_cast<double>(sorted.size() - 2 * trim);
            if (inputs) {
                // Show the scores as given; mark as dropped the trim lowest and trim highest.
                std::vector<bool> dropped(leaf.judges.size(), false);
                for (std::size_t pos = 0; pos < trim; ++pos) {
                    for (double value : {sorted[pos], sorted[sorted.size() - 1 - pos]}) {
                        for (std::size_t judge = 0; judge < leaf.judges.size(); ++judge) {
                            if (!dropped[judge] && leaf.judges[judge] == value) {
                                dropped[judge] = true;
                                break;
                            }
                        }
                    }
                }
                for (std::size_t judge = 0; judge < leaf.judges.size(); ++judge) {
                    add("judge", leaf.judges[judge], false, dropped[judge]);
                }
                add("mean", mean, true);
                add("max", node.max, true);
            }
            return Clamp01(mean / node.max);
        }
        case Method::kRating: {
            double weighted = 0, count = 0;
            for (std::size_t grade = 0; grade < std::size(kRatingGrades); ++grade) {
                if (leaf.seen) add(std::string(kRatingGrades[grade].key), leaf.rating[grade]);
                weighted += leaf.rating[grade] * kRatingGrades[grade].value;
                count += leaf.rating[grade];
            }
            if (count <= 0) break;
            return Clamp01(weighted / count);
        }
        case Method::kRank:
            if (!leaf.seen) break;
            add("value", leaf.a);
            add("rank", rank.position[subject_idx], true);
            add("n", rank.n, true);
            return rank.s[subject_idx];
        case Method::kCount:
            if (!leaf.seen) break;
            add("count", leaf.a);
            return std::min(leaf.a * *node.spec.per, *node.spec.cap) / *node.spec.cap;
        case Method::kManual:
            if (!leaf.seen) break;
            add("value", leaf.a);
            add("max", node.max, true);
            return Clamp01(leaf.a / node.max);
        case Method::kGroup:
            break;
    }
    missing = true;
    return 0.0;
}

// Fills s for every node (children before parents) and returns s(root).
double ScoreTree(const FactSheet& facts, const std::vector<RankColumn>& ranks, std::size_t subject_idx,
                 std::vector<double>& s, bool& incomplete) {
    const auto& fw = facts.framework();
    const auto& nodes = fw.nodes();
    const SubjectFacts& subject = facts.subjects()[subject_idx];
    s.assign(nodes.size(), 0.0);
    incomplete = false;
    for (std::size_t node_idx = nodes.size(); node_idx-- > 0;) {
        const Node& node = nodes[node_idx];
        if (node.leaf_index != kNoNode) {
            const auto leaf_idx = static_cast<std::size_t>(node.leaf_index);
            bool missing = false;
            s[node_idx] = LeafScore(node, subject.leaves[leaf_idx], ranks[leaf_idx], subject_idx, missing, nullptr);
            incomplete = incomplete || missing;
        } else {
            double sum = 0;
            for (int child : node.children)
                sum += nodes[static_cast<std::size_t>(child)].share * s[static_cast<std::size_t>(child)];
            s[node_idx] = sum;
        }
    }
    double root = 0;
    for (int top : fw.roots()) root += nodes[static_cast<std::size_t>(top)].share * s[static_cast<std::size_t>(top)];
    return root;
}

}  // namespace

std::int64_t ToCents(double value) { return static_cast<std::int64_t>(std::llround(value * 100.0)); }

Result<Evaluation> Evaluate(const FactSheet& facts) {
    const auto& fw = facts.framework();
    const Framework& spec = fw.framework();
    const auto& subjects = facts.subjects();

    // Too few judges is an error of the data, not a missing input; report the earliest line.
    std::uint32_t bad_line = std::numeric_limits<std::uint32_t>::max();
    std::string bad_message;
    for (const auto& subject : subjects) {
        for (std::size_t leaf_idx = 0; leaf_idx < fw.leaves().size(); ++leaf_idx) {
            const Node& node = fw.nodes()[static_cast<std::size_t>(fw.leaves()[leaf_idx])];
            const LeafFacts& leaf = subject.leaves[leaf_idx];
            if (node.spec.method != Method::kJudges || leaf.judges.empty()) continue;
            const std::size_t needed = 2 * static_cast<std::size_t>(node.trim) + 1;
            if (leaf.judges.size() < needed && leaf.line < bad_line) {
                bad_line = leaf.line;
                bad_message = "主体 “" + subject.name + "” 的指标 “" + node.spec.id + "” 只有 " +
                              std::to_string(leaf.judges.size()) + " 位评委打分，去掉最高最低各 " +
                              std::to_string(node.trim) + " 个至少需要 " + std::to_string(needed) + " 位";
            }
        }
    }
    if (!bad_message.empty()) return Invalid(bad_message, facts.Where(bad_line));

    const std::vector<RankColumn> ranks = RankColumns(facts);
    Evaluation out;
    out.ranking.resize(subjects.size());
    for (std::size_t subject_idx = 0; subject_idx < subjects.size(); ++subject_idx) {
        const SubjectFacts& subject = subjects[subject_idx];
        SubjectResult& r = out.ranking[subject_idx];
        r.subject = subject_idx;
        r.name = subject.name;
        const double root = ScoreTree(facts, ranks, subject_idx, r.s, r.incomplete);
        r.bonus = spec.bonus_cap ? std::min(subject.bonus, *spec.bonus_cap) : subject.bonus;
        r.penalty = spec.penalty_cap ? std::min(subject.penalty, *spec.penalty_cap) : subject.penalty;
        r.coefficient = subject.coefficient;
        r.total = std::max(0.0, spec.scale * root + r.bonus - r.penalty) * subject.coefficient;
        r.total_cents = ToCents(r.total);
        r.vetoed = subject.vetoed;
        r.veto_reason = subject.veto_reason;
    }

    // Ranking: vetoed last; total (in cents) descending; tiebreak criteria by s descending.
    const std::vector<int>& tiebreak = fw.tiebreak();
    auto same_standing = [&](const SubjectResult& x, const SubjectResult& y) {
        if (x.vetoed != y.vetoed || x.total_cents != y.total_cents) return false;
        for (int node : tiebreak) {
            if (x.s[static_cast<std::size_t>(node)] != y.s[static_cast<std::size_t>(node)]) return false;
        }
        return true;
    };
    std::sort(out.ranking.begin(), out.ranking.end(), [&](const SubjectResult& x, const SubjectResult& y) {
        if (x.vetoed != y.vetoed) return !x.vetoed;
        if (x.total_cents != y.total_cents) return x.total_cents > y.total_cents;
        for (int node : tiebreak) {
            const double sx = x.s[static_cast<std::size_t>(node)], sy = y.s[static_cast<std::size_t>(node)];
            if (sx != sy) return sx > sy;
        }
        return x.name < y.name;
    });
    out.position.resize(subjects.size());
    for (std::size_t pos = 0; pos < out.ranking.size(); ++pos) {
        SubjectResult& r = out.ranking[pos];
        r.rank =
            (pos > 0 && same_standing(out.ranking[pos - 1], r)) ? out.ranking[pos - 1].rank : static_cast<int>(pos) + 1;
        out.position[r.subject] = pos;
    }

    // Awards in order; each takes the next `quota` eligible subjects and every subject tied
    // with the last one taken.
    for (std::size_t award_idx = 0; award_idx < spec.awards.size(); ++award_idx) {
        const AwardSpec& award = spec.awards[award_idx];
        AwardResult result{award.name, award.quota, award.min_total, {}, 0};
        const std::int64_t min_cents = ToCents(award.min_total);
        int boundary_rank = 0;
        for (std::size_t pos = 0; pos < out.ranking.size(); ++pos) {
            SubjectResult& r = out.ranking[pos];
            if (r.award != -1 || r.vetoed || r.incomplete || r.total_cents < min_cents) continue;
            const int taken = static_cast<int>(result.winners.size());
            if (taken >= award.quota && r.rank != boundary_rank) break;
            r.award = static_cast<int>(award_idx);
            result.winners.push_back(pos);
            boundary_rank = r.rank;
        }
        result.overflow = std::max(0, static_cast<int>(result.winners.size()) - award.quota);
        out.awards.push_back(std::move(result));
    }
    return out;
}

Result<Explanation> Explain(const FactSheet& facts, const Evaluation& evaluation, std::string_view subject) {
    const long subject_idx = facts.Find(subject);
    if (subject_idx < 0 || static_cast<std::size_t>(subject_idx) >= evaluation.position.size()) {
        return Error{errc::kNotFound, "主体 “" + std::string(subject) + "” 不在数据中", "subject"};
    }
    const auto idx = static_cast<std::size_t>(subject_idx);
    const auto& fw = facts.framework();
    const SubjectFacts& sf = facts.subjects()[idx];
    const std::vector<RankColumn> ranks = RankColumns(facts);

    Explanation out;
    out.result = evaluation.ranking[evaluation.position[idx]];
    out.scale = fw.framework().scale;
    out.raw_bonus = sf.bonus;
    out.raw_penalty = sf.penalty;
    for (std::size_t node_idx = 0; node_idx < fw.nodes().size(); ++node_idx) {
        const Node& node = fw.nodes()[node_idx];
        CriterionExplanation c;
        c.node = static_cast<int>(node_idx);
        c.id = node.spec.id;
        c.name = node.spec.name;
        c.depth = node.depth;
        c.method = node.spec.method;
        c.s = out.result.s[node_idx];
        if (node.leaf_index != kNoNode) {
            const auto leaf_idx = static_cast<std::size_t>(node.leaf_index);
            (void)LeafScore(node, sf.leaves[leaf_idx], ranks[leaf_idx], idx, c.missing, &c.inputs);
        }
        c.weight = node.spec.weight;
        c.share = node.share;
        c.global_share = node.global_share;
        c.contribution = out.scale * node.global_share * c.s;
        if (node.depth == 0) out.s_root += node.share * c.s;
        out.criteria.push_back(std::move(c));
    }
    return out;
}

}  // namespace lingyan::core::evaluation
