#include "core/matching/host_matching.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <random>

namespace lingyan::core::matching {
namespace {

using roster::Economy;

UnitProfile Unit(std::string name, Economy economy, bool dev_zone, bool near_highway, double population, double income,
                 int capacity = -1) {
    return UnitProfile{std::move(name), economy, dev_zone, near_highway, population, income, capacity};
}

// Exhaustive search: every trainee picks one eligible host or none, within capacities; the best
// is the largest count, then the largest total value.
struct Best {
    int count = 0;
    double value = 0;
};

Best BruteForce(const std::vector<UnitProfile>& trainees, const std::vector<UnitProfile>& hosts,
                const MatchOptions& options) {
    std::vector<int> load(hosts.size(), 0);
    Best best;
    std::function<void(std::size_t, int, double)> go = [&](std::size_t trainee_idx, int count, double value) {
        if (trainee_idx == trainees.size()) {
            if (count > best.count || (count == best.count && value > best.value)) best = {count, value};
            return;
        }
        go(trainee_idx + 1, count, value);
        for (std::size_t host_idx = 0; host_idx < hosts.size(); ++host_idx) {
            const int cap = hosts[host_idx].capacity >= 0 ? hosts[host_idx].capacity : options.default_capacity;
            if (load[host_idx] >= cap) continue;
            const double sim = Similarity(trainees[trainee_idx], hosts[host_idx]);
            const double gap = Gap(trainees[trainee_idx], hosts[host_idx]);
            if (!(hosts[host_idx].income > trainees[trainee_idx].income)) continue;
            if (sim + kSimilarityTolerance < options.min_similarity) continue;
            ++load[host_idx];
            go(trainee_idx + 1, count + 1, value + sim * gap);
            --load[host_idx];
        }
    };
    go(0, 0, 0.0);
    return best;
}

UnitProfile RandomUnit(std::mt19937& rng, const std::string& name, bool host) {
    std::uniform_int_distribution<int> economy(1, 5), coin(0, 1), cap(0, 3);
    std::uniform_real_distribution<double> log_pop(std::log(500.0), std::log(20000.0));
    std::uniform_real_distribution<double> log_income(std::log(5e5), std::log(3e7));
    return Unit(name, static_cast<Economy>(economy(rng)), coin(rng) == 1, coin(rng) == 1,
                std::round(std::exp(log_pop(rng))), std::round(std::exp(log_income(rng))), host ? cap(rng) : -1);
}

void CheckResultIsConsistent(const MatchResult& result, const std::vector<UnitProfile>& trainees,
                             const std::vector<UnitProfile>& hosts, const MatchOptions& options) {
    ASSERT_EQ(result.placements.size(), trainees.size());
    std::vector<int> load(hosts.size(), 0);
    for (std::size_t trainee_idx = 0; trainee_idx < trainees.size(); ++trainee_idx) {
        const Placement& p = result.placements[trainee_idx];
        if (p.host < 0) continue;
        ++load[p.host];
        EXPECT_GT(p.gap, 0);
        EXPECT_GE(p.similarity + kSimilarityTolerance, options.min_similarity);
        EXPECT_DOUBLE_EQ(p.similarity, Similarity(trainees[trainee_idx], hosts[p.host]));
        EXPECT_NEAR(p.value, p.similarity * p.gap, 1e-12);
    }
    for (std::size_t host_idx = 0; host_idx < hosts.size(); ++host_idx) {
        const int cap = hosts[host_idx].capacity >= 0 ? hosts[host_idx].capacity : options.default_capacity;
        EXPECT_LE(load[host_idx], cap) << "host " << host_idx;
    }
}

TEST(MatchSimilarity, FollowsTheFormulaOfIssue6) {
    auto pinjian = Unit("品建村", Economy::kAgriculture, true, true, 3000, 1.6e6);
    auto beilian = Unit("北联村", Economy::kAgriculture, true, true, 3000, 1.3e7);
    EXPECT_NEAR(Similarity(pinjian, beilian), 1.0, 1e-12);
    EXPECT_NEAR(Gap(pinjian, beilian), std::log(13.0 / 1.6), 1e-12);
    // A tenfold population difference contributes nothing; different economy loses 0.4.
    auto other = Unit("某村", Economy::kIndustry, false, true, 30000, 1.0e6);
    EXPECT_NEAR(Similarity(pinjian, other), 0.2, 1e-12);
    auto half = Unit("半村", Economy::kAgriculture, false, false, 3000 * std::sqrt(10.0), 1e7);
    EXPECT_NEAR(Similarity(pinjian, half), 0.4 + 0.1, 1e-12);
}

// The officer reads why: what the two units share and how far the host is ahead (the article's
// 品建村 → 北联村: both agricultural, in a development zone, by the highway; 160万 against 1300万).
TEST(MatchExplain, NamesWhatTheUnitsShareAndTheIncomeRatio) {
    const auto pinjian = Unit("品建村", Economy::kAgriculture, true, true, 3800, 1.6e6);
    const auto beilian = Unit("北联村", Economy::kAgriculture, true, true, 5600, 13e6);
    EXPECT_EQ(Explain(pinjian, beilian),
              "同为农业型；同在开发区；同样靠近高速公路；人口相近（3800 / 5600）；北联村集体经营性收入是品建村的 8.1 倍");
    // Nothing shared but the income: only the ratio; a poorer host: nothing about income.
    const auto town = Unit("城中社区", Economy::kUrban, false, false, 30000, 3.2e6);
    EXPECT_EQ(Explain(pinjian, town), "城中社区集体经营性收入是品建村的 2.0 倍");
    EXPECT_EQ(Explain(beilian, pinjian), "同为农业型；同在开发区；同样靠近高速公路；人口相近（5600 / 3800）");
}

TEST(MatchHosts, PrefersTheSimilarHostThatIsFarAhead) {
    std::vector<UnitProfile> trainees{Unit("品建村", Economy::kAgriculture, true, true, 3200, 1.6e6)};
    std::vector<UnitProfile> hosts{Unit("北联村", Economy::kAgriculture, true, true, 4100, 1.3e7),
                                   Unit("工业村", Economy::kIndustry, false, false, 9000, 9e7)};
    auto result = MatchHosts(trainees, hosts);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->placed, 1);
    EXPECT_EQ(result->placements[0].host, 0);  // 工业村 has the bigger gap but similarity 0.2 < 0.5
}

TEST(MatchHosts, PlacesAsManyAsPossibleBeforeMaximizingValue) {
    // One host seat each. Trainee A is worth most at H1, but then B (eligible only at H1) would be
    // unplaced; the optimum places both.
    std::vector<UnitProfile> trainees{Unit("A", Economy::kAgriculture, true, true, 1000, 1e6),
                                      Unit("B", Economy::kAgriculture, true, true, 1000, 5e6)};
    std::vector<UnitProfile> hosts{Unit("H1", Economy::kAgriculture, true, true, 1000, 1e8, 1),
                                   Unit("H2", Economy::kAgriculture, true, true, 1000, 2e6, 1)};
    auto result = MatchHosts(trainees, hosts);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->placed, 2);
    EXPECT_EQ(result->placements[0].host, 1);
    EXPECT_EQ(result->placements[1].host, 0);
}

TEST(MatchHosts, LeavesTraineesWithoutAnEligibleHostUnplaced) {
    std::vector<UnitProfile> trainees{Unit("富村", Economy::kMixed, false, false, 1000, 5e7)};
    std::vector<UnitProfile> hosts{Unit("穷村", Economy::kMixed, false, false, 1000, 1e6)};
    auto result = MatchHosts(trainees, hosts);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->placed, 0);
    EXPECT_EQ(result->placements[0].host, -1);
    EXPECT_EQ(result->total_value, 0);
}

TEST(MatchHosts, SimilarityThresholdToleratesBinaryRounding) {
    // 0.4 + 0.2 is 0.6000000000000001 and 0.2·3 lands on either side of 0.6 depending on the
    // order of additions; a threshold of exactly 0.6 must accept both.
    std::vector<UnitProfile> trainees{Unit("T", Economy::kTourism, true, false, 1000, 1e6)};
    std::vector<UnitProfile> hosts{Unit("H", Economy::kTourism, false, true, 1000000, 2e6)};
    MatchOptions options;
    options.min_similarity = 0.4;  // 0.4 (same economy) exactly
    auto result = MatchHosts(trainees, hosts, options);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->placed, 1);
    options.min_similarity = 0.41;
    result = MatchHosts(trainees, hosts, options);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->placed, 0);
}

TEST(MatchHosts, RefusesBadProfilesAndOptions) {
    std::vector<UnitProfile> good{Unit("T", Economy::kTourism, true, false, 1000, 1e6)};
    std::vector<UnitProfile> bad{Unit("H", Economy::kTourism, true, false, 0, 1e6)};
    auto result = MatchHosts(good, bad);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().field, "hosts[0]");
    bad[0].population = 10;
    bad[0].income = -1;
    EXPECT_FALSE(MatchHosts(bad, good).ok());
    MatchOptions options;
    options.min_similarity = 1.5;
    EXPECT_EQ(MatchHosts(good, good, options).error().field, "min_similarity");
}

struct RandomCase {
    int trainees;
    int hosts;
    double min_similarity;
    int width;  // candidates_per_trainee; small widths force the certificates to add pairs back
};

class MatchAgainstBruteForce : public ::testing::TestWithParam<RandomCase> {};

TEST_P(MatchAgainstBruteForce, FindsTheOptimalCountAndValue) {
    const RandomCase param = GetParam();
    std::mt19937 rng(20240 + param.trainees * 31 + param.hosts * 7 + param.width);
    std::uniform_int_distribution<int> default_cap(0, 2);
    for (int iteration = 0; iteration < 150; ++iteration) {
        std::vector<UnitProfile> trainees, hosts;
        for (int idx = 0; idx < param.trainees; ++idx) trainees.push_back(RandomUnit(rng, "t" + std::to_string(idx), false));
        for (int idx = 0; idx < param.hosts; ++idx) hosts.push_back(RandomUnit(rng, "h" + std::to_string(idx), true));
        MatchOptions options;
        options.min_similarity = param.min_similarity;
        options.candidates_per_trainee = param.width;
        options.default_capacity = default_cap(rng);
        auto result = MatchHosts(trainees, hosts, options);
        ASSERT_TRUE(result.ok());
        CheckResultIsConsistent(*result, trainees, hosts, options);
        const Best best = BruteForce(trainees, hosts, options);
        ASSERT_EQ(result->placed, best.count) << "iteration " << iteration;
        ASSERT_NEAR(result->total_value, best.value, 1e-6) << "iteration " << iteration;
    }
}

INSTANTIATE_TEST_SUITE_P(SmallRandomCases, MatchAgainstBruteForce,
                         ::testing::Values(RandomCase{4, 2, 0.5, 0}, RandomCase{6, 3, 0.5, 1},
                                           RandomCase{6, 3, 0.3, 2}, RandomCase{7, 3, 0.0, 1},
                                           RandomCase{5, 4, 0.4, 8}, RandomCase{7, 2, 0.2, 1}));

TEST(MatchHosts, PruningCertificatesMatchTheUnprunedSolveOnLargerCases) {
    std::mt19937 rng(7);
    for (int iteration = 0; iteration < 5; ++iteration) {
        std::vector<UnitProfile> trainees, hosts;
        for (int idx = 0; idx < 300; ++idx) trainees.push_back(RandomUnit(rng, "t", false));
        for (int idx = 0; idx < 60; ++idx) hosts.push_back(RandomUnit(rng, "h", true));
        MatchOptions full;
        full.min_similarity = 0.3;
        full.candidates_per_trainee = 0;
        MatchOptions pruned = full;
        pruned.candidates_per_trainee = 1;
        auto a = MatchHosts(trainees, hosts, full);
        auto b = MatchHosts(trainees, hosts, pruned);
        ASSERT_TRUE(a.ok() && b.ok());
        CheckResultIsConsistent(*b, trainees, hosts, pruned);
        EXPECT_EQ(a->placed, b->placed);
        EXPECT_NEAR(a->total_value, b->total_value, 1e-6);
        EXPECT_GT(b->stats.added_back, 0u);
    }
}

}  // namespace
}  // namespace lingyan::core::matching
