#pragma once
// The setup of an arena contest (擂台赛): who presents (contestants, people or units, in an order
// drawn by lot or set), in which rounds, who scores (judge seats, each with a home unit), on what
// sheet (criteria with weights and ranges, some pre-scored such as 实地察看), how the judges'
// scores are combined (trim k highest and k lowest, optional per-judge z-score normalization),
// who recuses (a judge whose home unit lies in the same town — or the configured level — as the
// contestant's unit) and which titles are awarded with what quotas (金牌书记 …). Plain values and
// pure checks; no I/O. docs/arena.md states the rules in words.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/result.hpp"
#include "core/roster/model.hpp"

namespace lingyan::core::arena {

using roster::Id;

// A line of the score sheet. A judge scores every live criterion in [min, max] (at most two
// decimals); a pre-scored criterion (e.g. 实地察看, scored by an inspection team before the
// event) gets one value per contestant from the host. `weight` is the criterion's share of the
// final score relative to the other criteria (weights need not add up to anything): a value v
// contributes 100 × (weight / Σ weights) × v / max points to the final score out of 100. With
// weights equal to the maxima and maxima adding up to 100, a value counts as itself.
struct Criterion {
    std::string key;   // stable id: "statement", "defence", "inspection"
    std::string name;  // 现场陈述
    double min = 0;
    double max = 100;
    double weight = 1;
    bool pre_scored = false;
};

// How the judges' sheet totals of one contestant become its stage score.
struct Aggregation {
    int trim = 1;            // drop this many highest and this many lowest (0 = none)
    bool normalize = false;  // per-judge z-scores before trimming (cancels lenient and strict judges)
};

// The region level at which a judge recuses: the judge's home unit and the contestant's unit
// have the same ancestor-or-self of this kind (town by default). kNone disables recusal.
enum class RecusalLevel { kNone, kVillage, kTown, kCounty };

enum class ContestantKind { kPerson, kUnit };

struct Contestant {
    Id id = 0;  // record id (0 before it is stored)
    ContestantKind kind = ContestantKind::kPerson;
    Id person_id = 0;       // for a person
    Id unit_id = 0;         // the person's unit, or the unit itself; decides recusal
    std::string name;       // display name (a person's name, or the unit's)
    std::string unit_name;  // display name of the unit
    std::string topic;      // optional: the title of the presentation (书记项目)
};

struct Seat {
    Id id = 0;
    int number = 0;       // 1-based, as the hall sees it (评委一 …)
    std::string label;    // 评委一 / the judge's name; shown publicly
    Id home_unit_id = 0;  // decides recusal
    std::string home_unit_name;
    Id user_id = 0;  // a judge account that owns the seat (0: joined by link only)
};

// A round (heat or final): its contestants in presentation order.
struct Round {
    std::string name;       // 初赛第一组 / 决赛
    std::vector<Id> order;  // contestant ids
};

// A title awarded after the last round: the best `quota` contestants not yet titled whose final
// score reaches `min_score`; a tie at the quota boundary takes every tied contestant.
struct Title {
    std::string name;  // 金牌书记
    int quota = 1;
    std::optional<double> min_score;
    std::string level;  // city, county, town (for the honours register)
};

struct ContestSetup {
    std::string name;
    Id unit_id = 0;                  // the organizer (scope)
    Id campaign_id = 0;              // 0: none; else results become facts of `campaign_criterion`
    std::string campaign_criterion;  // a `judges` criterion of that campaign
    bool is_public = true;           // watchers need no login
    int year = 0;                    // for titles
    std::vector<Criterion> criteria;
    Aggregation aggregation;
    RecusalLevel recusal = RecusalLevel::kTown;
    int seconds_per_contestant = 480;
    std::vector<Contestant> contestants;
    std::vector<Seat> seats;
    std::vector<Round> rounds;
    std::vector<Title> titles;
};

// Refuses a setup that cannot run: no criteria or no live criterion, a range or weight that is
// not positive, duplicate criterion keys, no seats, fewer seats than 2·trim+1, no rounds, a round
// naming an unknown contestant or one twice, titles without a name or with a quota below 1.
// Names the offending field ("criteria[2].max").
Status ValidateSetup(const ContestSetup& setup);

// Σ weights of all criteria, and of the live (judge-scored) ones.
double TotalWeight(const std::vector<Criterion>& criteria);
double LiveWeight(const std::vector<Criterion>& criteria);
// The most a judge's sheet total can be (the live criteria's share of 100).
double LiveMax(const std::vector<Criterion>& criteria);

// Checks a judge's values (one per live criterion, in sheet order) against the ranges and the
// two-decimal rule; the error names the criterion.
Status CheckValues(const std::vector<Criterion>& criteria, const std::vector<double>& values);
// A judge's sheet total: Σ over live criteria of 100 × (weight / Σ all weights) × v / max.
double SheetTotal(const std::vector<Criterion>& criteria, const std::vector<double>& values);
// A contestant's pre-scored points: the same formula over the pre-scored criteria; a missing
// value counts 0 (`complete` false).
double PreTotal(const std::vector<Criterion>& criteria, const std::vector<std::optional<double>>& pre_values,
                bool* complete = nullptr);

// A presentation order drawn by lot: a permutation of `ids` fixed by `seed` (so the draw can be
// recorded and replayed). Same seed, same order.
std::vector<Id> DrawOrder(std::vector<Id> ids, std::uint64_t seed);

const char* RecusalLevelName(RecusalLevel level);
std::optional<RecusalLevel> RecusalLevelFromName(std::string_view s);

// Rounds `x` to two decimals (scores are shown and compared at that precision).
double Round2(double x);
// `x` in hundredths, rounded.
std::int64_t Cents(double x);

}  // namespace lingyan::core::arena
