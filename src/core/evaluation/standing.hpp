#pragma once
// Standing (名次分档): what published county schemes add on top of one ranking — tracks (赛道)
// ranked separately, result bands (e.g. 前20% / 中间60% / 后20%) with follow-up for the bottom,
// and a negative list (躺平奖) of the subjects at the bottom of one criterion. Pure functions
// over an Evaluation; the track coefficients themselves are applied by the engine
// (FactSheet::SetCoefficient), so that totals, ranks and awards already include them.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/common/result.hpp"
#include "core/evaluation/engine.hpp"
#include "core/evaluation/framework.hpp"

namespace lingyan::core::evaluation {

struct TrackSpec {
    std::string name;
    double coefficient = 1.0;  // > 0
};

struct BandSpec {
    std::string name;
    double share = 0;        // of the subjects ranked in a group, (0, 1]; shares add up to 1
    bool follow_up = false;  // subjects in this band need a follow-up action (a leader, a deadline)
};

struct NegativeListSpec {
    std::string name;       // e.g. 躺平奖
    std::string criterion;  // criterion id whose s decides; "" = the total
    int count = 0;          // subjects listed (≥ 1); all tied at the boundary are listed too
};

struct StandingSpec {
    std::vector<TrackSpec> tracks;
    std::vector<BandSpec> bands;  // best first
    std::optional<NegativeListSpec> negative;
};

// Refuses (errc::kInvalid, field "tracks" / "bands" / "negative"): empty or duplicate track or
// band names, a coefficient or share ≤ 0 or not finite, shares not adding up to 1 (±0.001), a
// negative list without a name, with count < 1 or naming an unknown criterion.
Status ValidateStanding(const StandingSpec& spec, const CompiledFramework& framework);

struct Standing {
    // Indexed like Evaluation::ranking. track_rank is the rank among the subjects of the same
    // track (shared like the overall rank), or the overall rank for subjects without a track.
    std::vector<int> track_rank;
    std::vector<int> band;  // index into StandingSpec::bands, -1 when there are no bands
    // Positions in Evaluation::ranking of the negative list, worst first; complete, not vetoed
    // subjects only.
    std::vector<std::size_t> negative;
    int negative_overflow = 0;  // listed beyond `count` because of a tie at the boundary
};

// `subject_track[i]` is the track (index into spec.tracks) of subject i of the fact sheet, or
// -1. Bands are handed out within each track (subjects without a track form one group): a
// subject of group rank r among n ranked subjects is in the first band whose cumulative share
// covers position r (cut-off = round(n · cumulative share)), so that tied subjects share a band;
// vetoed subjects are in the last band.
Standing Stand(const Evaluation& evaluation, const CompiledFramework& framework, const std::vector<int>& subject_track,
               const StandingSpec& spec);

// The yearly-review grade (年度考核等次) a campaign result gives a subject at ranking position
// `pos`, for the ladder (四岗十五级): 不称职 when vetoed or on the negative list (躺平奖), 优秀 with
// an award or in the first of several bands, 基本称职 in a band that needs follow-up, else 称职.
const char* ReviewGrade(const Evaluation& evaluation, const Standing& standing, const StandingSpec& spec,
                        std::size_t pos);

}  // namespace lingyan::core::evaluation
