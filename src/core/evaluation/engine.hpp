#pragma once
// The evaluation engine: scores every subject of a FactSheet, ranks them and hands out awards,
// following SPEC.md "Evaluation semantics" to the letter; explains any subject's total down to
// its inputs. Pure functions over values; safe to call from several threads on distinct data.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.hpp"
#include "core/evaluation/facts.hpp"
#include "core/evaluation/framework.hpp"

namespace lingyan::core::evaluation {

// Totals are compared, thresholded and shown rounded to 2 decimals (half away from zero).
std::int64_t ToCents(double value);

struct SubjectResult {
    std::size_t subject = 0;  // index into FactSheet::subjects()
    std::string name;
    double total = 0;  // unrounded
    std::int64_t total_cents = 0;
    double bonus = 0;    // as applied, after the cap
    double penalty = 0;  // as applied, after the cap
    double coefficient = 1;  // track coefficient applied to the total
    bool vetoed = false;
    std::string veto_reason;
    bool incomplete = false;  // some leaf had no input
    int rank = 0;             // 1-based; ties share the better rank; vetoed after all others
    int award = -1;           // index into AwardResult list, -1 = none
    std::vector<double> s;    // per node of the compiled framework
};

struct AwardResult {
    std::string name;
    int quota = 0;
    double min_total = 0;
    std::vector<std::size_t> winners;  // positions in Evaluation::ranking, in rank order
    int overflow = 0;                  // winners beyond the quota because of a tie at the boundary
};

struct Evaluation {
    std::vector<SubjectResult> ranking;  // ordered by rank, then subject name (byte order)
    std::vector<AwardResult> awards;     // in the framework's order
    // Position in `ranking` of each subject (indexed like FactSheet::subjects()).
    std::vector<std::size_t> position;
};

// Scores, ranks and awards. Refuses (errc::kInvalid, field "source:line" of the first fact of
// the offending leaf) a judges criterion with at least one but fewer than 2·trim+1 scores.
Result<Evaluation> Evaluate(const FactSheet& facts);

// One line of an explanation: an input fact (or a derived figure such as a rank).
struct ExplainedInput {
    std::string key;
    double value = 0;
    bool dropped = false;  // a judge score removed by trimming
    bool derived = false;  // computed, not given (rank position, N, growth rate, mean)
};

struct CriterionExplanation {
    int node = 0;  // index into CompiledFramework::nodes()
    std::string id;
    std::string name;
    int depth = 0;
    Method method = Method::kGroup;
    std::vector<ExplainedInput> inputs;  // empty for groups
    bool missing = false;                // no input: s = 0, subject incomplete
    double s = 0;
    double weight = 0;        // relative weight as configured
    double share = 0;         // weight / Σ sibling weights
    double global_share = 0;  // share of s(root)
    double contribution = 0;  // scale · global_share · s: points this criterion adds to the total
};

struct Explanation {
    SubjectResult result;
    double scale = 0;
    double s_root = 0;
    double raw_bonus = 0;                        // summed, before the cap
    double raw_penalty = 0;                      // summed, before the cap
    std::vector<CriterionExplanation> criteria;  // pre-order
};

// Explains one subject of an evaluation computed from the same facts; kNotFound for an unknown
// subject.
Result<Explanation> Explain(const FactSheet& facts, const Evaluation& evaluation, std::string_view subject);

}  // namespace lingyan::core::evaluation
