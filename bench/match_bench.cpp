// Host matching (lingyan match) against a reference assignment solver on the capacity-expanded
// cost matrix. The reference is a port of the shortest augmenting path algorithm that SciPy's
// linear_sum_assignment uses (Crouse 2016, scipy/optimize/rectangular_lsap); SciPy itself cannot
// be installed on this machine (see docs/performance.md). Prints figures; never fails on time.
#include <benchmark/benchmark.h>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "core/matching/host_matching.hpp"

namespace {

using lingyan::core::matching::MatchHosts;
using lingyan::core::matching::MatchOptions;
using lingyan::core::matching::UnitProfile;
using lingyan::core::roster::Economy;

// Same distribution as bench/match_gen.py: trainees' income 0.3–5 M, hosts' 1–40 M (log-uniform),
// population 800–20,000, five economy types, coin-flip flags.
std::vector<UnitProfile> Generate(std::mt19937_64& rng, int count, double income_lo, double income_hi, int capacity) {
    std::uniform_int_distribution<int> economy(1, 5), coin(0, 1);
    std::uniform_real_distribution<double> log_pop(std::log(800.0), std::log(20000.0));
    std::uniform_real_distribution<double> log_income(std::log(income_lo), std::log(income_hi));
    std::vector<UnitProfile> units;
    for (int idx = 0; idx < count; ++idx) {
        units.push_back(UnitProfile{"u" + std::to_string(idx), static_cast<Economy>(economy(rng)), coin(rng) == 1,
                                    coin(rng) == 1, std::round(std::exp(log_pop(rng))),
                                    std::round(std::exp(log_income(rng))), capacity});
    }
    return units;
}

struct Instance {
    std::vector<UnitProfile> trainees, hosts;
};

Instance MakeInstance(int num_trainees, int num_hosts, int capacity) {
    std::mt19937_64 rng(20211);
    Instance instance;
    instance.trainees = Generate(rng, num_trainees, 3e5, 5e6, -1);
    instance.hosts = Generate(rng, num_hosts, 1e6, 4e7, capacity);
    return instance;
}

// SciPy's rectangular LSAP (minimization, nr ≤ nc), dense row-major cost.
std::vector<int> ShortestAugmentingPathLsa(int nr, int nc, const std::vector<double>& cost) {
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> u(nr, 0), v(nc, 0), shortest(nc);
    std::vector<int> path(nc, -1), col4row(nr, -1), row4col(nc, -1), remaining(nc);
    std::vector<char> sr(nr), sc(nc);
    for (int cur_row = 0; cur_row < nr; ++cur_row) {
        double min_val = 0;
        int row = cur_row, sink = -1, num_remaining = nc;
        for (int it = 0; it < nc; ++it) remaining[it] = nc - it - 1;
        std::fill(sr.begin(), sr.end(), 0);
        std::fill(sc.begin(), sc.end(), 0);
        std::fill(shortest.begin(), shortest.end(), inf);
        while (sink == -1) {
            int index = -1;
            double lowest = inf;
            sr[row] = 1;
            for (int it = 0; it < num_remaining; ++it) {
                const int col = remaining[it];
                const double reduced = min_val + cost[static_cast<std::size_t>(row) * nc + col] - u[row] - v[col];
                if (reduced < shortest[col]) {
                    path[col] = row;
                    shortest[col] = reduced;
                }
                if (shortest[col] < lowest || (shortest[col] == lowest && row4col[col] == -1)) {
                    lowest = shortest[col];
                    index = it;
                }
            }
            min_val = lowest;
            const int col = remaining[index];
            if (row4col[col] == -1) sink = col;
            else row = row4col[col];
            sc[col] = 1;
            remaining[index] = remaining[--num_remaining];
        }
        u[cur_row] += min_val;
        for (int r = 0; r < nr; ++r)
            if (sr[r] && r != cur_row) u[r] += min_val - shortest[col4row[r]];
        for (int c = 0; c < nc; ++c)
            if (sc[c]) v[c] -= min_val - shortest[c];
        for (int col = sink;;) {
            const int r = path[col];
            row4col[col] = r;
            std::swap(col4row[r], col);
            if (r == cur_row) break;
        }
    }
    return col4row;
}

void BM_MatchHosts(benchmark::State& state) {
    const Instance instance = MakeInstance(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)), 5);
    MatchOptions options;
    for (auto _ : state) {
        auto result = MatchHosts(instance.trainees, instance.hosts, options);
        state.counters["placed"] = result->placed;
        state.counters["value"] = result->total_value;
        state.counters["eligible_pairs"] = static_cast<double>(result->stats.eligible_pairs);
        state.counters["final_arcs"] = static_cast<double>(result->stats.candidate_arcs);
        state.counters["mcf_rounds"] = result->stats.min_cost_rounds;
    }
}

// The capacity-expanded matrix: one column per host place; cost −(B + value) for an eligible
// pair and 0 otherwise, with B larger than any total value, so that the minimum places the
// most trainees first and then maximizes value — the same objective as MatchHosts.
void BM_ReferenceLsaExpanded(benchmark::State& state) {
    const Instance instance = MakeInstance(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)), 5);
    const int nr = static_cast<int>(instance.trainees.size());
    std::vector<int> column_host;
    for (int host_idx = 0; host_idx < static_cast<int>(instance.hosts.size()); ++host_idx)
        for (int place = 0; place < instance.hosts[host_idx].capacity; ++place) column_host.push_back(host_idx);
    const int nc = static_cast<int>(column_host.size());
    std::vector<double> value(static_cast<std::size_t>(nr) * instance.hosts.size(), -1);
    double max_value = 0;
    for (int t = 0; t < nr; ++t)
        for (std::size_t h = 0; h < instance.hosts.size(); ++h) {
            const auto& trainee = instance.trainees[t];
            const auto& host = instance.hosts[h];
            const double sim = lingyan::core::matching::Similarity(trainee, host);
            if (host.income > trainee.income && sim + lingyan::core::matching::kSimilarityTolerance >= 0.5) {
                value[t * instance.hosts.size() + h] = sim * lingyan::core::matching::Gap(trainee, host);
                max_value = std::max(max_value, value[t * instance.hosts.size() + h]);
            }
        }
    const double big = 1.0 + max_value * nr;
    std::vector<double> cost(static_cast<std::size_t>(nr) * nc, 0);
    for (int t = 0; t < nr; ++t)
        for (int c = 0; c < nc; ++c) {
            const double v = value[t * instance.hosts.size() + column_host[c]];
            if (v >= 0) cost[static_cast<std::size_t>(t) * nc + c] = -(big + v);
        }
    for (auto _ : state) {
        auto col4row = ShortestAugmentingPathLsa(nr, nc, cost);
        int placed = 0;
        double total = 0;
        for (int t = 0; t < nr; ++t) {
            const double v = value[t * instance.hosts.size() + column_host[col4row[t]]];
            if (v >= 0) {
                ++placed;
                total += v;
            }
        }
        state.counters["placed"] = placed;
        state.counters["value"] = total;
    }
}

}  // namespace

BENCHMARK(BM_MatchHosts)->Args({3000, 600})->Args({10000, 2000})->Iterations(1)->Unit(benchmark::kSecond);
BENCHMARK(BM_ReferenceLsaExpanded)->Args({1000, 200})->Args({3000, 600})->Iterations(1)->Unit(benchmark::kSecond);
BENCHMARK_MAIN();
