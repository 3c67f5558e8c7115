#pragma once
// How the judges' sheets of one round become scores, ranks and titles. Pure functions.
//
// Stage score of a contestant: the mean of the judges' sheet totals that count. Recused seats
// give no score (absent, not zero), nor do seats that have not submitted. Of the n scores
// present, the `trim` highest and `trim` lowest are dropped — fewer when n < 2·trim + 1, so that
// at least one remains (k = min(trim, (n − 1) / 2)). Because the stage score is a mean, a
// contestant with a recused judge stands on the same scale as one without. Among equal scores
// the lower seat number is dropped as a lowest and the higher seat number as a highest.
//
// Normalization (optional): before trimming, a judge's total t becomes m + s · (t − m_j) / s_j,
// where m_j and s_j are the mean and (population) standard deviation of that judge's totals in
// the round, and m and s those of every total in the round — a lenient judge's 95 and a strict
// judge's 85 for the same relative performance count alike. A judge with fewer than two scores
// keeps raw totals; a judge who gave every contestant the same total contributes m. The result is
// clamped to [0, the sheet's live maximum]. Normalized scores move as the round progresses and are
// final once every contestant has been scored.
//
// Final score = stage score + pre-scored points (both already in points of 100), rounded to two
// decimals. Ranking: final score descending, compared in hundredths; a tie is broken by the stage
// score (hundredths); still tied → the same rank (1, 2, 2, 4).

#include <map>
#include <optional>
#include <set>
#include <vector>

#include "core/arena/contest.hpp"

namespace lingyan::core::arena {

enum class SeatMark { kCounted, kDroppedHigh, kDroppedLow, kRecused, kMissing };
const char* SeatMarkName(SeatMark mark);

// Per-judge leniency of a round (see the header comment).
struct Normalization {
    double panel_mean = 0, panel_sd = 0;
    struct Judge {
        double mean = 0, sd = 0;
        int n = 0;
    };
    std::map<Id, Judge> judges;  // by seat id
};

// Sheet totals of a round: contestant id → seat id → total.
using TotalsTable = std::map<Id, std::map<Id, double>>;

Normalization ComputeNormalization(const TotalsTable& totals);
// `raw` of `seat` after normalization, clamped to [0, live_max].
double Normalize(const Normalization& norm, Id seat, double raw, double live_max);

struct SeatScore {
    Id seat_id = 0;
    int seat_number = 0;
    std::optional<double> raw;  // the judge's sheet total, if submitted
    double adjusted = 0;        // after normalization (= raw without it)
    SeatMark mark = SeatMark::kMissing;
};

struct ContestantScore {
    Id contestant_id = 0;
    std::vector<SeatScore> seats;  // in seat order
    int present = 0;               // scores submitted by seats that do not recuse
    int trimmed = 0;               // dropped at each end
    double stage = 0;
    double pre = 0;
    bool pre_complete = true;
    double final_score = 0;  // stage + pre, two decimals
    bool complete = false;   // every seat that does not recuse has scored
};

// Scores one contestant. `totals` are the sheet totals by seat id; `recused` the seats that
// recuse from this contestant; `norm` null = no normalization.
ContestantScore ScoreContestant(Id contestant_id, const std::vector<Seat>& seats, const std::map<Id, double>& totals,
                                const std::set<Id>& recused, const Aggregation& aggregation, const Normalization* norm,
                                double live_max, double pre, bool pre_complete);

struct RankRow {
    Id contestant_id = 0;
    int rank = 0;
    double final_score = 0;
    double stage = 0;
    double pre = 0;
    bool tied = false;  // shares its rank
};

// Ranks scored contestants (see the header comment); ties share the better rank.
std::vector<RankRow> Rank(const std::vector<ContestantScore>& scores);

struct TitleAward {
    std::size_t title_idx = 0;       // into the setup's titles
    std::vector<Id> contestant_ids;  // in rank order
    bool tie_at_boundary = false;    // more than `quota` because of a tie at the last place
};

// Awards titles in order: each takes the best `quota` ranked contestants not yet titled whose
// final score reaches its `min_score`, and every contestant tied with the last of them.
std::vector<TitleAward> AwardTitles(const std::vector<RankRow>& ranking, const std::vector<Title>& titles);

}  // namespace lingyan::core::arena
