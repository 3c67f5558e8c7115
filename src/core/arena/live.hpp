#pragma once
// The live contest as a state machine over recorded events. Every change — a host action, a
// judge's score, a reopened score, a pre-score — is an Event; the state is the fold of the
// events in order (Apply), so a restarted server rebuilds exactly the state and the sequence
// numbers the screens saw. Prepare checks a request against the state and returns the event to
// record (or the refusal, with the words the phone or console shows); only prepared events are
// applied. No I/O, no clock: the caller stamps `at_ms`.
//
// Flow of one contestant: advance (on stage; timer reset) → timer start/stop → open (judges may
// score) → close → reveal (the scores, the dropped ones and the final score go public; the
// contestant enters the live ranking) → advance to the next. Revealing or advancing while scoring
// is open closes it first; a seat that has not scored by the reveal counts as absent, like a
// recused one. finish ends the contest and fixes the titles.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/arena/aggregation.hpp"
#include "core/arena/contest.hpp"
#include "core/arena/recusal.hpp"

namespace lingyan::core::arena {

// When adding a kind, also extend EventKindName/EventKindFromName, Prepare and Apply.
enum class EventKind { kDraw, kAdvance, kTimer, kOpen, kClose, kReveal, kScore, kReopen, kPreScore, kFinish };
const char* EventKindName(EventKind kind);
std::optional<EventKind> EventKindFromName(std::string_view s);

enum class TimerAction { kStart, kStop, kReset };
const char* TimerActionName(TimerAction a);
std::optional<TimerAction> TimerActionFromName(std::string_view s);

struct Event {
    std::int64_t seq = 0;  // per contest, 1, 2, 3 …
    EventKind kind = EventKind::kAdvance;
    double at_ms = 0;   // server Unix time in ms
    std::string actor;  // user name, or "seat:N" for a judge by link (audit only, never public)
    int round = 0;
    Id contestant_id = 0;
    Id seat_id = 0;
    TimerAction timer = TimerAction::kStart;
    std::vector<double> values;  // a score: one per live criterion; a pre-score: one value
    std::string criterion;       // a pre-score's criterion key
    std::string key;             // a score's idempotency key
    std::string reason;          // a reopened score's reason
    std::vector<Id> order;       // a draw's resulting order
    std::uint64_t seed = 0;      // a draw's seed
    bool force = false;          // reveal although seats are missing (recorded for the audit)
};

enum class ContestStatus { kReady, kLive, kFinished };
const char* ContestStatusName(ContestStatus s);
enum class ScoringState { kIdle, kOpen, kClosed };
const char* ScoringStateName(ScoringState s);

struct ScoreEntry {
    std::vector<double> values;
    double total = 0;
    std::string key;
    double at_ms = 0;
};

struct LiveState {
    std::int64_t seq = 0;
    ContestStatus status = ContestStatus::kReady;
    int round = 0;
    int current = -1;  // index into orders[round]; -1 before the first advance
    ScoringState scoring = ScoringState::kIdle;
    struct Timer {
        bool running = false;
        double started_at_ms = 0;  // when the running stretch began
        double elapsed_ms = 0;     // of the stretches before it
    } timer;
    std::vector<std::vector<Id>> orders;  // per round; a draw replaces one
    // (round, contestant) → seat → score
    std::map<std::pair<int, Id>, std::map<Id, ScoreEntry>> scores;
    std::set<std::tuple<int, Id, Id>> reopened;            // (round, contestant, seat) may score once more
    std::set<std::pair<int, Id>> revealed;                 // (round, contestant)
    std::map<Id, std::vector<std::optional<double>>> pre;  // contestant → values of the pre-scored criteria

    Id CurrentContestant() const;
};

// The state of a contest before its first event.
LiveState InitialState(const ContestSetup& setup);

// A request to change the contest, as the host, a judge or the pre-score entry makes it. For
// kAdvance a contestant_id of 0 means "the next one": the next in order; after the round's last,
// the first contestant of the round not yet revealed (called again); then the next round's first.
using Request = Event;

struct Prepared {
    Event event;             // to record and apply (seq and at_ms as the caller set them)
    bool duplicate = false;  // a retried score already counted: nothing to record, acknowledge again
};

// Checks `request` against the state; the error says why it is refused (conflict for a state
// that does not allow it, invalid for bad values, not_found for an unknown seat or contestant).
Result<Prepared> Prepare(const ContestSetup& setup, const Recusals& recusals, const LiveState& state,
                         const Request& request);

// Applies a prepared (or recorded) event; sets state.seq to event.seq.
void Apply(const ContestSetup& setup, LiveState& state, const Event& event);

// The scores of one round as the rules of aggregation.hpp make them.
struct RoundStandings {
    std::vector<ContestantScore> scores;  // every contestant of the round with at least one score, in order
    std::vector<RankRow> ranking;         // the revealed contestants only
};
RoundStandings Standings(const ContestSetup& setup, const Recusals& recusals, const LiveState& state, int round);

// Titles of a finished contest (from the last round's ranking of revealed contestants).
std::vector<TitleAward> Titles(const ContestSetup& setup, const Recusals& recusals, const LiveState& state);

// Seats that have neither scored nor recused for (round, contestant).
std::vector<const Seat*> MissingSeats(const ContestSetup& setup, const Recusals& recusals, const LiveState& state,
                                      int round, Id contestant);

}  // namespace lingyan::core::arena
