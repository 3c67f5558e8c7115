#pragma once
// What the hall sees of a live contest: the public view of its state after an event, built once
// per event by the contest's writer and shared by every screen (LiveMessage). It carries names,
// unit names, scores and ranks only — never an ID-card or phone number, never a judge's link.
// Before a contestant is revealed its seats show only whether they have scored.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/arena/live.hpp"

namespace lingyan::app {

struct SeatView {
    int number = 0;
    std::string label;
    std::string home_unit_name;
    std::string status;  // waiting, submitted, recused
    // Revealed contestants only:
    std::optional<double> score;     // the judge's sheet total
    std::optional<double> adjusted;  // after normalization (when on)
    std::string mark;                // counted, dropped_high, dropped_low, recused, missing
};

struct ContestantView {
    core::arena::Id id = 0;
    int order = 0;  // 1-based place in the round
    std::string name;
    std::string unit_name;
    std::string topic;
    std::string state;  // upcoming, current, done (revealed)
    std::optional<double> final_score;
};

struct ResultView {
    double stage = 0, pre = 0, final_score = 0;
    int present = 0, trimmed = 0;
    bool complete = false;
};

struct RankView {
    int rank = 0;
    core::arena::Id id = 0;
    std::string name, unit_name;
    double final_score = 0, stage = 0, pre = 0;
    bool tied = false;
};

struct TitleView {
    std::string name, level;
    std::vector<std::pair<core::arena::Id, std::string>> winners;
    bool tie_at_boundary = false;
};

struct ContestView {
    core::arena::Id id = 0;
    std::string name;
    std::string unit_name;
    bool is_public = true;
    std::string status;  // ready, live, finished
    int round = 0;
    std::string round_name;
    int rounds = 1;
    std::string scoring;    // idle, open, closed
    bool revealed = false;  // the current contestant's scores are public
    struct Timer {
        bool running = false;
        double started_at_ms = 0;
        double elapsed_ms = 0;
        int allowed_s = 0;
    } timer;
    std::vector<core::arena::Criterion> criteria;  // the sheet (keys, names, ranges)
    double live_max = 0;
    int trim = 0;
    bool normalize = false;
    std::optional<ContestantView> current;
    std::vector<ContestantView> order;  // the current round's contestants
    std::vector<SeatView> seats;        // for the current contestant
    std::optional<ResultView> result;   // the current contestant, once revealed
    std::vector<RankView> ranking;      // the revealed contestants of the current round
    std::vector<TitleView> titles;      // once finished
};

// One message to the screens: the event (its public parts) and the view after it.
struct LiveMessage {
    std::int64_t seq = 0;
    std::string kind;     // the event kind (advance, score, …)
    int seat_number = 0;  // score and reopen
    core::arena::Id contestant_id = 0;
    std::string timer;  // timer action
    std::shared_ptr<const ContestView> view;
    std::string body;  // the JSON text of the message without seq and sent_at_ms (built once)
};

// A contestant's result as the screens and the result sheets show it: stage and pre rounded to
// hundredths (arena::Round2), the final score as computed.
ResultView ResultOf(const core::arena::ContestantScore& score);

// Builds the public view of `state` (no I/O).
ContestView BuildView(core::arena::Id contest_id, const std::string& unit_name, const core::arena::ContestSetup& setup,
                      const core::arena::Recusals& recusals, const core::arena::LiveState& state);

}  // namespace lingyan::app
