#include "core/matching/host_matching.hpp"

#include "core/roster/tree.hpp"

#include <lemon/network_simplex.h>
#include <lemon/preflow.h>
#include <lemon/static_graph.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>
#include <utility>

// Why the answer is optimal
// -------------------------
// The placements form a flow network: source s → trainee t (capacity 1), t → h for each
// candidate eligible pair (capacity 1), host h → sink z (capacity cap_h). Integral flows are
// exactly the feasible placements, and the flow value is the number placed.
//
// The objective is lexicographic (count first, then value), solved in two phases instead of
// with a big per-placement bonus, so costs stay small:
//   1. k = the maximum flow (LEMON Preflow). 2. a minimum-cost flow of exactly k units
//   (LEMON NetworkSimplex) with arc cost −round(S·value(t,h)).
// Phase 2 only ranges over flows of value k, all of which are maximum placements, so it
// maximizes the value among maximum placements. Network simplex returns an integral optimum.
//
// Pruning. Each phase first runs on a subgraph holding each trainee's best L eligible hosts and
// is then certified on the full set of eligible pairs, adding back any pair that fails:
//   - Phase 1: after Preflow, the nodes reachable from s in the residual graph form the
//     source side S of a minimum cut of the subgraph, of capacity k. If no pruned eligible
//     pair goes from a trainee in S to a host outside S, the same cut has
//     capacity k in the full graph, so by max-flow/min-cut no flow of the full graph exceeds k.
//     Otherwise those pairs are added and the phase repeats (the subgraph only grows).
//   - Phase 2: network simplex also returns node potentials π. The flow is optimal in the full
//     graph iff every arc with residual capacity has reduced cost cost + π(u) − π(v) ≥ 0
//     (LP complementary slackness; LEMON's convention). Pruned pairs carry no flow and have
//     capacity 1, so each needs cost(t,h) + π(t) − π(h) ≥ 0; every violator is added back
//     and the phase repeats. The flow of value k stays feasible as arcs are only added.
// Both loops end because each round adds at least one of finitely many pairs.
//
// Integer costs. LEMON needs integer costs, so value v becomes round(S·v) with
// S = 2^36 / max value (at most 2^36 per arc; with LEMON's artificial cost of about 2^62
// there is ample room for the node potentials, which are sums of at most |nodes| costs).
// Rounding moves each arc by at most 1/(2S), so with k placements the reported total value is
// within k/S of the true real-valued optimum (≈ 4·10⁻⁷ for 10,000 placements and a maximum
// value of 3): exact to the 4 decimals printed, except in a near-tie below that.

namespace lingyan::core::matching {
namespace {

constexpr double kMaxScaledCost = 68719476736.0;  // 2^36
// Pairs whose reduced cost is below this share of the largest arc cost are added back along
// with the violators (see phase 2), at most kCostAddLimit per trainee and round.
constexpr double kNearMargin = 0.005;
constexpr std::size_t kCostAddLimit = 16;
// Phase-2 rounds that rebuild the candidate lists from the potentials (see phase 2), and the
// number of pairs each trainee keeps then.
constexpr int kReselectRounds = 3;
constexpr std::size_t kReselectWidth = 12;

double PopulationTerm(double log_pop_trainee, double log_pop_host) {
    static const double kLn10 = std::log(10.0);
    return std::max(0.0, 1.0 - std::abs(log_pop_trainee - log_pop_host) / kLn10);
}

// Caches the logarithms so that a full scan of all pairs costs no log() calls. Similarity()
// and Gap() use the same expressions on the same inputs, so the results are bit-identical.
class PairEvaluator {
public:
    PairEvaluator(const std::vector<UnitProfile>& trainees, const std::vector<UnitProfile>& hosts, double min_sim)
        : trainees_(trainees), hosts_(hosts), min_sim_(min_sim) {
        for (const auto& t : trainees) {
            t_log_pop_.push_back(std::log(t.population));
            t_log_inc_.push_back(std::log(t.income));
        }
        for (const auto& h : hosts) {
            h_log_pop_.push_back(std::log(h.population));
            h_log_inc_.push_back(std::log(h.income));
        }
    }

    double SimilarityOf(int trainee_idx, int host_idx) const {
        const UnitProfile& t = trainees_[trainee_idx];
        const UnitProfile& h = hosts_[host_idx];
        double sim = (t.economy == h.economy ? 0.4 : 0.0) + (t.dev_zone == h.dev_zone ? 0.2 : 0.0) +
                     (t.near_highway == h.near_highway ? 0.2 : 0.0);
        return sim + 0.2 * PopulationTerm(t_log_pop_[trainee_idx], h_log_pop_[host_idx]);
    }
    double GapOf(int trainee_idx, int host_idx) const { return h_log_inc_[host_idx] - t_log_inc_[trainee_idx]; }

    // Value of an eligible pair, or a negative number when the pair is not eligible.
    double ValueOrNegative(int trainee_idx, int host_idx) const {
        if (!(hosts_[host_idx].income > trainees_[trainee_idx].income)) return -1;
        const double sim = SimilarityOf(trainee_idx, host_idx);
        if (sim + kSimilarityTolerance < min_sim_) return -1;
        return sim * GapOf(trainee_idx, host_idx);
    }

private:
    const std::vector<UnitProfile>& trainees_;
    const std::vector<UnitProfile>& hosts_;
    double min_sim_;
    std::vector<double> t_log_pop_, t_log_inc_, h_log_pop_, h_log_inc_;
};

using Graph = lemon::StaticDigraph;

// The network for the current candidate lists. Node 0 is the source, 1..T the trainees,
// T+1..T+H the hosts, T+H+1 the sink.
struct Network {
    Graph graph;
    int num_trainees = 0;
    int num_hosts = 0;
    int Source() const { return 0; }
    int Sink() const { return num_trainees + num_hosts + 1; }
    int TraineeNode(int trainee_idx) const { return 1 + trainee_idx; }
    int HostNode(int host_idx) const { return 1 + num_trainees + host_idx; }
    bool IsPairArc(int from, int to) const { return from >= 1 && from <= num_trainees && to != Sink(); }
};

void BuildNetwork(Network& net, const std::vector<std::vector<int>>& candidates) {
    const int num_trainees = net.num_trainees;
    std::vector<std::pair<int, int>> arcs;
    std::size_t pair_count = 0;
    for (const auto& list : candidates) pair_count += list.size();
    arcs.reserve(num_trainees + pair_count + net.num_hosts);
    for (int trainee_idx = 0; trainee_idx < num_trainees; ++trainee_idx) arcs.emplace_back(0, net.TraineeNode(trainee_idx));
    for (int trainee_idx = 0; trainee_idx < num_trainees; ++trainee_idx) {
        std::vector<int> sorted = candidates[trainee_idx];
        std::sort(sorted.begin(), sorted.end());  // StaticDigraph wants arcs grouped by source
        for (int host_idx : sorted) arcs.emplace_back(net.TraineeNode(trainee_idx), net.HostNode(host_idx));
    }
    for (int host_idx = 0; host_idx < net.num_hosts; ++host_idx) arcs.emplace_back(net.HostNode(host_idx), net.Sink());
    net.graph.build(net.Sink() + 1, arcs.begin(), arcs.end());
}

// Appends `extra` — (trainee, host) pairs found outside the lists, each once — and clears it.
std::size_t AddPairs(std::vector<std::vector<int>>& candidates, std::vector<std::pair<int, int>>& extra) {
    for (const auto& [trainee_idx, host_idx] : extra) candidates[trainee_idx].push_back(host_idx);
    std::size_t added = extra.size();
    extra.clear();
    return added;
}

// Every eligible pair with a host that has places, in compressed rows per trainee, so that the
// certificate scans touch only eligible pairs (about a quarter of all pairs at the default
// threshold) and evaluate no similarity.
struct EligiblePairs {
    std::vector<std::size_t> row_start{0};
    std::vector<int> host;
    std::vector<double> value;
};

// Calls visit(trainee_idx, host_idx, value) for every eligible pair missing from the candidates.
template <typename Visit>
void ForEachPrunedPair(const EligiblePairs& pairs, const std::vector<std::vector<int>>& candidates, int num_hosts,
                       Visit&& visit) {
    std::vector<char> in_list(num_hosts, 0);
    for (int trainee_idx = 0; trainee_idx < static_cast<int>(candidates.size()); ++trainee_idx) {
        for (int host_idx : candidates[trainee_idx]) in_list[host_idx] = 1;
        for (std::size_t pos = pairs.row_start[trainee_idx]; pos < pairs.row_start[trainee_idx + 1]; ++pos) {
            if (!in_list[pairs.host[pos]]) visit(trainee_idx, pairs.host[pos], pairs.value[pos]);
        }
        for (int host_idx : candidates[trainee_idx]) in_list[host_idx] = 0;
    }
}

// Of the violating pairs found for one trainee, keep the `limit` with the largest score.
void KeepBest(std::vector<std::pair<double, int>>& scored, std::size_t limit) {
    if (scored.size() > limit) {
        std::nth_element(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(limit), scored.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        scored.resize(limit);
    }
}

}  // namespace

double Similarity(const UnitProfile& trainee, const UnitProfile& host) {
    std::vector<UnitProfile> t{trainee}, h{host};
    return PairEvaluator(t, h, 0).SimilarityOf(0, 0);
}

double Gap(const UnitProfile& trainee, const UnitProfile& host) {
    return std::log(host.income) - std::log(trainee.income);
}

std::string Explain(const UnitProfile& trainee, const UnitProfile& host) {
    std::vector<std::string> parts;
    if (trainee.economy == host.economy && trainee.economy != roster::Economy::kNone)
        parts.push_back(std::string("同为") + roster::EconomyLabel(trainee.economy) + "型");
    if (trainee.dev_zone && host.dev_zone) parts.emplace_back("同在开发区");
    if (trainee.near_highway && host.near_highway) parts.emplace_back("同样靠近高速公路");
    if (trainee.population > 0 && host.population > 0 &&
        std::abs(std::log(host.population / trainee.population)) <= std::log(2.0))
        parts.push_back("人口相近（" + std::to_string(std::llround(trainee.population)) + " / " +
                        std::to_string(std::llround(host.population)) + "）");
    if (trainee.income > 0 && host.income > trainee.income) {
        char ratio[32];
        std::snprintf(ratio, sizeof ratio, "%.1f", host.income / trainee.income);
        parts.push_back(host.unit + "集体经营性收入是" + trainee.unit + "的 " + ratio + " 倍");
    }
    std::string out;
    for (const auto& part : parts) out += (out.empty() ? "" : "；") + part;
    return out;
}

Result<MatchResult> MatchHosts(const std::vector<UnitProfile>& trainees, const std::vector<UnitProfile>& hosts,
                               const MatchOptions& options) {
    if (!(options.min_similarity >= 0 && options.min_similarity <= 1))
        return Invalid("最低相似度须在 0 到 1 之间 (min_similarity must be within [0, 1])", "min_similarity");
    if (options.default_capacity < 0)
        return Invalid("默认接收容量不能为负 (default capacity must be ≥ 0)", "capacity");
    if (options.candidates_per_trainee < 0)
        return Invalid("候选宽度不能为负 (candidates_per_trainee must be ≥ 0)", "candidates_per_trainee");
    auto check = [](const UnitProfile& p, const std::string& where) -> Status {
        if (!(p.population > 0) || !std::isfinite(p.population))
            return Invalid("人口须为大于 0 的数 (population must be > 0)", where);
        if (!(p.income > 0) || !std::isfinite(p.income))
            return Invalid("村集体经营性收入须为大于 0 的数 (income must be > 0)", where);
        if (p.capacity < -1) return Invalid("接收容量不能为负 (capacity must be ≥ 0)", where);
        return Ok();
    };
    for (std::size_t idx = 0; idx < trainees.size(); ++idx)
        if (auto st = check(trainees[idx], "trainees[" + std::to_string(idx) + "]"); !st) return st.error();
    for (std::size_t idx = 0; idx < hosts.size(); ++idx)
        if (auto st = check(hosts[idx], "hosts[" + std::to_string(idx) + "]"); !st) return st.error();

    const int num_trainees = static_cast<int>(trainees.size());
    const int num_hosts = static_cast<int>(hosts.size());
    std::vector<int> capacity(num_hosts);
    for (int host_idx = 0; host_idx < num_hosts; ++host_idx)
        capacity[host_idx] = hosts[host_idx].capacity >= 0 ? hosts[host_idx].capacity : options.default_capacity;

    MatchResult result;
    result.placements.resize(num_trainees);
    PairEvaluator eval(trainees, hosts, options.min_similarity);

    // Initial candidates: each trainee's best L eligible hosts by value (all of them when L = 0),
    // plus the host a greedy pass in input order gives it (its best host with a place left).
    // The greedy arcs let the first max-flow solve place nearly everyone, which top-L lists
    // alone do not when every trainee ranks the same rich hosts first. Hosts without capacity
    // can never take anyone, so they are left out from the start and never needed by either
    // certificate (their arcs to the sink have capacity 0).
    const bool unpruned = options.candidates_per_trainee == 0;
    const std::size_t width = unpruned ? static_cast<std::size_t>(num_hosts)
                                       : static_cast<std::size_t>(options.candidates_per_trainee);
    std::vector<std::vector<int>> candidates(num_trainees);
    EligiblePairs pairs;
    double max_value = 0;
    {
        std::vector<int> greedy_load(num_hosts, 0);
        std::vector<std::pair<double, int>> scored;
        for (int trainee_idx = 0; trainee_idx < num_trainees; ++trainee_idx) {
            scored.clear();
            int greedy_host = -1;
            double greedy_value = -1;
            for (int host_idx = 0; host_idx < num_hosts; ++host_idx) {
                const double value = eval.ValueOrNegative(trainee_idx, host_idx);
                if (value < 0) continue;
                ++result.stats.eligible_pairs;
                max_value = std::max(max_value, value);
                if (capacity[host_idx] <= 0) continue;
                scored.emplace_back(value, host_idx);
                pairs.host.push_back(host_idx);
                pairs.value.push_back(value);
                if (greedy_load[host_idx] < capacity[host_idx] && value > greedy_value) {
                    greedy_value = value;
                    greedy_host = host_idx;
                }
            }
            pairs.row_start.push_back(pairs.host.size());
            KeepBest(scored, width);
            auto& list = candidates[trainee_idx];
            for (const auto& entry : scored) list.push_back(entry.second);
            if (greedy_host >= 0) {
                ++greedy_load[greedy_host];
                if (std::find(list.begin(), list.end(), greedy_host) == list.end()) list.push_back(greedy_host);
            }
        }
    }
    // A pair is "pruned" when it is eligible, its host has places, and it is not a candidate.
    auto visit_pruned = [&](auto&& visit) { ForEachPrunedPair(pairs, candidates, num_hosts, visit); };
    // Pairs added back per trainee and round: one suffices to reopen a cut; reduced costs
    // tend to need a few.
    const std::size_t cut_add_limit = 1;
    const std::size_t cost_add_limit = kCostAddLimit;

    Network net;
    net.num_trainees = num_trainees;
    net.num_hosts = num_hosts;

    // Phase 1: maximum number of placements, certified by a minimum cut of the full graph.
    int max_count = 0;
    std::vector<std::pair<int, int>> extra;
    while (true) {
        ++result.stats.max_flow_rounds;
        BuildNetwork(net, candidates);
        Graph::ArcMap<int> cap(net.graph);
        for (Graph::ArcIt arc(net.graph); arc != lemon::INVALID; ++arc) {
            const int from = net.graph.index(net.graph.source(arc));
            cap[arc] = from == net.Source() || net.IsPairArc(from, net.graph.index(net.graph.target(arc)))
                           ? 1
                           : capacity[from - 1 - num_trainees];
        }
        lemon::Preflow<Graph, Graph::ArcMap<int>> preflow(net.graph, cap, net.graph.node(net.Source()),
                                                          net.graph.node(net.Sink()));
        preflow.run();
        max_count = preflow.flowValue();
        // The smallest source side of a minimum cut: nodes reachable from the source in the
        // residual graph. Only pairs leaving it can raise the flow.
        std::vector<char> reachable(net.Sink() + 1, 0);
        std::vector<Graph::Node> queue{net.graph.node(net.Source())};
        reachable[net.Source()] = 1;
        for (std::size_t head = 0; head < queue.size(); ++head) {
            const Graph::Node node = queue[head];
            for (Graph::OutArcIt arc(net.graph, node); arc != lemon::INVALID; ++arc) {
                const Graph::Node next = net.graph.target(arc);
                if (preflow.flow(arc) < cap[arc] && !reachable[net.graph.index(next)]) {
                    reachable[net.graph.index(next)] = 1;
                    queue.push_back(next);
                }
            }
            for (Graph::InArcIt arc(net.graph, node); arc != lemon::INVALID; ++arc) {
                const Graph::Node next = net.graph.source(arc);
                if (preflow.flow(arc) > 0 && !reachable[net.graph.index(next)]) {
                    reachable[net.graph.index(next)] = 1;
                    queue.push_back(next);
                }
            }
        }
        // Among the violators, a host with places left closes an augmenting path at once; those
        // come first, then the most valuable.
        std::vector<char> has_room(num_hosts, 0);
        for (Graph::InArcIt arc(net.graph, net.graph.node(net.Sink())); arc != lemon::INVALID; ++arc)
            has_room[net.graph.index(net.graph.source(arc)) - 1 - num_trainees] = preflow.flow(arc) < cap[arc];
        std::vector<std::vector<std::pair<double, int>>> violators(num_trainees);
        visit_pruned([&](int trainee_idx, int host_idx, double value) {
            if (reachable[net.TraineeNode(trainee_idx)] && !reachable[net.HostNode(host_idx)])
                violators[trainee_idx].emplace_back(value + (has_room[host_idx] ? 1e9 : 0.0), host_idx);
        });
        for (int trainee_idx = 0; trainee_idx < num_trainees; ++trainee_idx) {
            KeepBest(violators[trainee_idx], cut_add_limit);
            for (const auto& entry : violators[trainee_idx]) extra.emplace_back(trainee_idx, entry.second);
        }
        if (extra.empty()) break;
        result.stats.added_back += AddPairs(candidates, extra);
    }

    // Phase 2: maximum value among placements of size max_count, certified by reduced costs.
    const double scale = max_value > 0 ? kMaxScaledCost / max_value : 1.0;
    result.stats.cost_scale = scale;
    auto scaled_cost = [scale](double value) { return -static_cast<std::int64_t>(std::llround(value * scale)); };
    const auto near_margin = static_cast<std::int64_t>(kNearMargin * kMaxScaledCost);
    if (max_count > 0) {
        while (true) {
            ++result.stats.min_cost_rounds;
            BuildNetwork(net, candidates);
            Graph::ArcMap<int> cap(net.graph);
            Graph::ArcMap<std::int64_t> cost(net.graph);
            for (Graph::ArcIt arc(net.graph); arc != lemon::INVALID; ++arc) {
                const int from = net.graph.index(net.graph.source(arc));
                const int to = net.graph.index(net.graph.target(arc));
                if (from == net.Source()) {
                    cap[arc] = 1;
                    cost[arc] = 0;
                } else if (net.IsPairArc(from, to)) {
                    cap[arc] = 1;
                    cost[arc] = scaled_cost(eval.ValueOrNegative(from - 1, to - 1 - num_trainees));
                } else {
                    cap[arc] = capacity[from - 1 - num_trainees];
                    cost[arc] = 0;
                }
            }
            lemon::NetworkSimplex<Graph, int, std::int64_t> simplex(net.graph);
            simplex.upperMap(cap).costMap(cost).stSupply(net.graph.node(net.Source()), net.graph.node(net.Sink()),
                                                         max_count);
            [[maybe_unused]] const auto status = simplex.run();
            assert(status == decltype(simplex)::OPTIMAL);  // phase 1 proved a flow of max_count exists

            // Violators (reduced cost < 0) fail the certificate. Near-violators (below a margin of
            // 0.5% of the largest value) are added with them: they tend to become violators once
            // the next solve moves the potentials, and adding them early saves solves.
            std::vector<std::vector<std::pair<double, int>>> violators(num_trainees);
            bool certified = true;
            visit_pruned([&](int trainee_idx, int host_idx, double value) {
                const std::int64_t reduced = scaled_cost(value) +
                                             simplex.potential(net.graph.node(net.TraineeNode(trainee_idx))) -
                                             simplex.potential(net.graph.node(net.HostNode(host_idx)));
                if (reduced < 0) certified = false;
                if (reduced < near_margin) violators[trainee_idx].emplace_back(-static_cast<double>(reduced), host_idx);
            });
            if (!certified && result.stats.min_cost_rounds <= kReselectRounds) {
                // Early rounds start over from the current potentials: each trainee keeps its
                // arc carrying flow (so a flow of value max_count stays feasible) and its
                // kReselectWidth pairs of lowest reduced cost among all eligible pairs. The
                // graph stays small while the potentials settle; later rounds only add, so the
                // loop still ends.
                std::vector<std::vector<int>> next(num_trainees);
                for (Graph::ArcIt arc(net.graph); arc != lemon::INVALID; ++arc) {
                    const int from = net.graph.index(net.graph.source(arc));
                    const int to = net.graph.index(net.graph.target(arc));
                    if (net.IsPairArc(from, to) && simplex.flow(arc) > 0) next[from - 1].push_back(to - 1 - num_trainees);
                }
                std::vector<std::int64_t> host_pi(num_hosts);
                for (int host_idx = 0; host_idx < num_hosts; ++host_idx)
                    host_pi[host_idx] = simplex.potential(net.graph.node(net.HostNode(host_idx)));
                std::vector<std::pair<double, int>> scored;
                for (int trainee_idx = 0; trainee_idx < num_trainees; ++trainee_idx) {
                    scored.clear();
                    for (std::size_t pos = pairs.row_start[trainee_idx]; pos < pairs.row_start[trainee_idx + 1]; ++pos) {
                        const std::int64_t reduced = scaled_cost(pairs.value[pos]) - host_pi[pairs.host[pos]];
                        scored.emplace_back(-static_cast<double>(reduced), pairs.host[pos]);
                    }
                    KeepBest(scored, kReselectWidth);
                    auto& list = next[trainee_idx];
                    for (const auto& entry : scored)
                        if (std::find(list.begin(), list.end(), entry.second) == list.end()) list.push_back(entry.second);
                }
                candidates = std::move(next);
                continue;
            }
            if (!certified) {
                for (int trainee_idx = 0; trainee_idx < num_trainees; ++trainee_idx) {
                    KeepBest(violators[trainee_idx], cost_add_limit);
                    for (const auto& entry : violators[trainee_idx]) extra.emplace_back(trainee_idx, entry.second);
                }
            }
            if (!extra.empty()) {
                result.stats.added_back += AddPairs(candidates, extra);
                continue;
            }
            for (Graph::ArcIt arc(net.graph); arc != lemon::INVALID; ++arc) {
                const int from = net.graph.index(net.graph.source(arc));
                const int to = net.graph.index(net.graph.target(arc));
                if (!net.IsPairArc(from, to) || simplex.flow(arc) == 0) continue;
                const int trainee_idx = from - 1;
                const int host_idx = to - 1 - num_trainees;
                Placement& p = result.placements[trainee_idx];
                p.host = host_idx;
                p.similarity = eval.SimilarityOf(trainee_idx, host_idx);
                p.gap = eval.GapOf(trainee_idx, host_idx);
                p.value = p.similarity * p.gap;
            }
            break;
        }
    }
    for (const auto& list : candidates) result.stats.candidate_arcs += list.size();
    for (const Placement& p : result.placements) {
        if (p.host < 0) continue;
        ++result.placed;
        result.total_value += p.value;
    }
    return result;
}

}  // namespace lingyan::core::matching
