#pragma once
// Host matching for shadow placements (跟岗培育, 对标找差): assign each trainee's unit to a host
// unit that is similar in profile and far ahead in outcome, under host capacities.
//
// Contract (issue 6, docs/match.md):
//   similarity(t,h) = 0.4·[same economy] + 0.2·[same dev_zone] + 0.2·[same near_highway]
//                   + 0.2·max(0, 1 − |ln(pop_t/pop_h)| / ln 10)
//   gap(t,h)        = ln(income_h / income_t)
//   eligible        ⇔ income_h > income_t (gap > 0) and similarity ≥ min_similarity
//   value           = similarity × gap
// The result places as many trainees as possible and, among all placements of that size,
// maximizes the total value; each trainee gets at most one host, each host at most its capacity.
//
// Pure computation, no I/O. Thread-safe: functions keep no state between calls.

#include <cstddef>
#include <string>
#include <vector>

#include "core/common/result.hpp"
#include "core/roster/model.hpp"

namespace lingyan::core::matching {

// Places a host offers when nobody said otherwise (the programs' default, `lingyan match`).
inline constexpr int kDefaultHostCapacity = 3;

// The profile of a trainee's unit or a host unit. Population and income must be > 0 and finite.
struct UnitProfile {
    std::string unit;
    roster::Economy economy = roster::Economy::kNone;
    bool dev_zone = false;
    bool near_highway = false;
    double population = 0;
    double income = 0;   // collective operating income, same currency unit in both lists
    int capacity = -1;   // hosts only: places offered; -1 = MatchOptions::default_capacity
};

struct MatchOptions {
    int default_capacity = kDefaultHostCapacity;
    double min_similarity = 0.5;
    // Pruning width: the solver starts from each trainee's best `candidates_per_trainee`
    // eligible hosts (by value) and adds back every pruned pair that an optimality certificate
    // rejects, so the result is optimal whatever the width. 0 = no pruning (all eligible pairs).
    int candidates_per_trainee = 4;
};

// Similarity is compared with min_similarity with this tolerance, so that sums such as
// 0.4 + 0.2 (= 0.6000000000000001 in binary floating point) meet a threshold written "0.6".
inline constexpr double kSimilarityTolerance = 1e-9;

double Similarity(const UnitProfile& trainee, const UnitProfile& host);
double Gap(const UnitProfile& trainee, const UnitProfile& host);

// Why a host suits a trainee, in the officer's words, from the terms of the similarity and the
// gap: what the two units share (economy, development zone, highway, population within a
// factor of 2) and how many times the trainee's income the host earns, e.g.
// "同为农业村；同在开发区；人口相近（3800 / 5600）；北联村集体经营性收入是品建村的 8.1 倍".
std::string Explain(const UnitProfile& trainee, const UnitProfile& host);

struct Placement {
    int host = -1;  // index into the hosts vector; -1 = not placed
    double similarity = 0;
    double gap = 0;
    double value = 0;
};

// How the solver got there; for benchmarks and the docs, not part of the answer.
struct MatchStats {
    std::size_t eligible_pairs = 0;   // pairs passing the eligibility rule
    std::size_t candidate_arcs = 0;   // trainee→host arcs in the final solved graph
    std::size_t added_back = 0;       // pruned pairs added back by the certificates
    int max_flow_rounds = 0;          // max-flow solves until the min cut was certified
    int min_cost_rounds = 0;          // min-cost-flow solves until reduced costs were certified
    double cost_scale = 0;            // integer cost units per unit of value
};

struct MatchResult {
    std::vector<Placement> placements;  // one per trainee, in input order
    int placed = 0;
    double total_value = 0;
    MatchStats stats;
};

// Computes an optimal assignment. Refuses (errc::kInvalid, field "trainees[i]"/"hosts[i]" or the
// option name) a non-positive or non-finite population or income, a capacity below -1, a
// negative default capacity or a min_similarity outside [0, 1].
Result<MatchResult> MatchHosts(const std::vector<UnitProfile>& trainees, const std::vector<UnitProfile>& hosts,
                               const MatchOptions& options = {});

}  // namespace lingyan::core::matching
