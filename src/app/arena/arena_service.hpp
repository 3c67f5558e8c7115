#pragma once
// ArenaService: live arena contests (擂台赛) — setup, judges joining by a one-time link bound to
// their phone, host actions, judges' scores, the live view pushed to every screen, results,
// the results workbook, and, after the contest, its results as facts of a linked evaluation
// campaign and its titles in the honours register.
//
// Scope: a contest belongs to a unit. Officers (admin, county, town) whose scope contains that
// unit create and host it; reads are allowed when the contest's unit is inside the caller's scope
// or the caller's scope is inside it (a town sees its county's contest). A judge account sees the
// contests where it owns a seat. Anyone may watch a public contest; a private one needs such a
// reader or a judge device of the contest. Out of scope answers like nonexistent.
//
// Judges: a seat's one-time link (a random token; only its SHA-256 is stored) binds to the first
// device that opens it, which receives its own random device secret (cookie) and a CSRF token;
// the link then refuses any other device until the host issues a new one (which unbinds the old
// device). A seat owned by a judge account is used through the account's session instead.
// A score is counted once: its idempotency key acknowledges a retry of the same sheet again, and
// the store's unique index keeps one counting score per round, contestant and seat.
//
// Live state (the single writer): each contest has one LiveContest whose mutex serializes every
// change. A change is prepared against the state (core::arena::Prepare), recorded — the event,
// the score and an audit entry in one transaction — then applied; the new view is built once and
// published to the LiveFeed in seq order while the lock is held. Lock order: contest lock, then
// the store mutex, then the feed's locks; nothing waits for a network write. A restarted server
// replays the recorded events, so nothing acknowledged is lost and seq continues.
// Several servers on one database: the recording transaction locks the contest's row and checks
// the last recorded seq; a server that is behind writes nothing, catches up and prepares again
// (a score another server recorded meanwhile becomes a duplicate, counted once).
//
// Thread-safety: all methods may be called concurrently.

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/arena/contest_view.hpp"
#include "app/common/file_download.hpp"
#include "app/common/use_case_base.hpp"
#include "core/arena/live.hpp"
#include "core/ports/arena_store.hpp"
#include "core/ports/store.hpp"

namespace lingyan::app {

class CampaignService;
struct ContestResults;

// Where the screens get their messages: implemented by http/ws (the hub of watchers).
class LiveFeed {
public:
    virtual ~LiveFeed() = default;
    // A new message of `contest_id`, called in seq order by the contest's writer. Must not block.
    virtual void Publish(core::arena::Id contest_id, const std::shared_ptr<const LiveMessage>& message) = 0;
};

// The files and formats of the arena module, provided by the outer layers at composition.
struct ArenaFiles {
    // The JSON text of a message without seq and sent_at_ms ({"kind":…,"state":{…}}).
    std::function<std::string(const LiveMessage&)> message_json;
    std::function<std::string(const ContestResults&)> results_xlsx;
};

// Optional collaborators called after a contest finishes (honours register).
struct TitleGrant {
    Id person_id = 0;  // 0 for a unit contestant
    Id unit_id = 0;
    std::string name;   // the contestant's
    std::string title;  // 金牌书记
    std::string level;
    int year = 0;
    Id contest_id = 0;
};
using TitleSink = std::function<Result<int>(const Actor& actor, const std::vector<TitleGrant>& grants)>;

struct ContestSummary {
    Id id = 0;
    std::string name;
    Id unit_id = 0;
    std::string unit_name;
    bool is_public = true;
    int year = 0;
    std::string status;
    std::size_t contestants = 0, seats = 0;
    Id campaign_id = 0;
    std::string created_at;
    std::int64_t seq = 0;
    bool can_host = false;
    int my_seat = 0;  // the caller's seat number, 0 = none
};

struct SeatDetail {
    core::arena::Seat seat;
    bool link_issued = false;
    bool device_bound = false;
    std::string bound_at;
    std::string username;  // the judge account owning the seat, "" = none
};

struct ContestDetail {
    ContestSummary summary;
    core::arena::ContestSetup setup;
    std::vector<SeatDetail> seats;
    std::vector<std::pair<Id, Id>> recusals;  // (seat id, contestant id)
    std::shared_ptr<const ContestView> view;
    std::string results_pushed_at;
};

// A new contest. Contestants name a person (their unit follows) or a unit; rounds list contestants
// by their 0-based place in `setup.contestants`; an empty rounds list means one round of every
// contestant in the given order. Seats may name a judge account (`seat_usernames`, same order).
struct NewContest {
    core::arena::ContestSetup setup;
    std::vector<std::string> seat_usernames;
    bool draw_lots = false;  // draw the first round's order by lot before the start
};

struct SeatLink {
    Id seat_id = 0;
    int number = 0;
    std::string token;  // shown once; the link is /arena/<contest>/judge#<token>
};

// A judge as a request identifies it (device cookie or account).
struct JudgeIdentity {
    Id contest_id = 0;
    Id seat_id = 0;
    std::string actor;  // "seat:N" or the user name
    std::string csrf;   // what writes must carry ("" for an account: the session's token applies)
};

struct JoinOutcome {
    JudgeIdentity judge;
    std::string device_secret;  // new cookie value; "" when the request's device was already bound
};

struct JudgeView {
    core::arena::Seat seat;
    std::shared_ptr<const ContestView> view;
    // The judge's own scores in the current round (contestant id → values, total).
    struct Own {
        Id contestant_id = 0;
        int round = 0;
        std::vector<double> values;
        double total = 0;
    };
    std::vector<Own> own;
    std::vector<Id> recused;                   // contestants this seat does not score
    std::vector<std::pair<int, Id>> reopened;  // (round, contestant) the seat may score again
    std::string csrf;
};

struct ScoreSubmission {
    Id contestant_id = 0;
    std::optional<int> round;  // default: the current round
    std::vector<double> values;
    std::string key;
};

struct ScoreAck {
    std::int64_t seq = 0;
    bool duplicate = false;  // a retry of a score already counted
    Id contestant_id = 0;
    double total = 0;
};

struct HostAck {
    std::int64_t seq = 0;
    std::shared_ptr<const ContestView> view;
};

// The results of a contest: per round its ranking and each contestant's sheet (every judge's
// score, what was dropped or normalized, voided scores with why), and the titles.
struct SheetLine {
    int seat_number = 0;
    std::string seat_label;
    std::string home_unit_name;
    std::vector<double> values;
    std::optional<double> total;
    std::optional<double> adjusted;
    std::string mark;  // counted, dropped_high, dropped_low, recused, missing, void
    std::string submitted_at;
    std::string void_reason, void_by;
};

struct ContestantSheet {
    Id contestant_id = 0;
    int order = 0;
    std::string name, unit_name, topic;
    int rank = 0;  // 0 = not ranked (not revealed)
    std::vector<std::optional<double>> pre;
    ResultView result;
    std::vector<SheetLine> lines;
    std::string title;
};

struct RoundResults {
    std::string name;
    std::vector<ContestantSheet> sheets;  // ranked first (by rank), then the others in order
};

struct ContestResults {
    ContestSummary summary;
    std::vector<core::arena::Criterion> criteria;
    core::arena::Aggregation aggregation;
    std::string recusal;
    std::vector<RoundResults> rounds;
    std::vector<TitleView> titles;
};

struct PushOutcome {
    int facts = 0;                     // judge facts entered into the campaign
    int honours = 0;                   // titles registered
    std::vector<std::string> skipped;  // contestants without a campaign subject
};

class ArenaService : UseCaseBase {
public:
    ArenaService(core::ports::Store& store, core::ports::ArenaStore& arena, core::ports::StoreMutex& store_mutex,
                 const core::ports::Clock& clock, const RosterService& roster, const core::ports::Crypto& crypto,
                 ArenaFiles files);
    ~ArenaService();

    // Collaborators set once at composition, before the server runs.
    void SetFeed(LiveFeed* feed) { feed_ = feed; }
    void SetCampaigns(CampaignService* campaigns) { campaigns_ = campaigns; }
    void SetTitleSink(TitleSink sink) { title_sink_ = std::move(sink); }

    Result<ContestDetail> Create(const Actor& actor, NewContest spec);
    Result<std::vector<ContestSummary>> List(const Actor& actor);
    Result<ContestDetail> Get(const Actor& actor, Id contest_id);
    // A new one-time link for a seat (unbinds its device); audited.
    Result<SeatLink> IssueLink(const Actor& actor, Id contest_id, Id seat_id);
    // Links for every seat without a bound device (used to hand out links at once).
    Result<std::vector<SeatLink>> IssueLinks(const Actor& actor, Id contest_id);

    // A host action: kind draw, advance, timer, open, close, reveal, reopen, pre_score, finish.
    Result<HostAck> Act(const Actor& actor, Id contest_id, core::arena::Request request);

    Result<JoinOutcome> Join(Id contest_id, const std::string& token, const std::string& device_secret);
    Result<JudgeIdentity> JudgeByDevice(Id contest_id, const std::string& device_secret);
    Result<JudgeIdentity> JudgeByAccount(const Actor& actor, Id contest_id);
    Result<JudgeView> Judge(const JudgeIdentity& judge);
    Result<ScoreAck> Submit(const JudgeIdentity& judge, const ScoreSubmission& submission);

    // May this caller watch? Public contests: anyone; private: a reader or a judge device.
    Status CheckWatch(Id contest_id, const std::optional<Actor>& actor, const std::string& device_secret);
    // Registers a watcher atomically with the history it missed: `attach` gets the messages after
    // `after` (none given: the latest one) and is called under the contest's lock, before any
    // later message is published — it must only enqueue. not_found for an unknown contest.
    Status Watch(Id contest_id, std::optional<std::int64_t> after,
                 const std::function<void(const std::vector<std::shared_ptr<const LiveMessage>>&)>& attach);
    // The messages after `after` (a polling fallback), at most `limit`.
    Result<std::vector<std::shared_ptr<const LiveMessage>>> Messages(Id contest_id, std::optional<std::int64_t> after,
                                                                     std::size_t limit);

    Result<ContestResults> Results(const Actor& actor, Id contest_id);
    Result<FileDownload> ResultsWorkbook(const Actor& actor, Id contest_id);
    // After finish: the judges' totals (normalized when on) become `judge` facts of the linked
    // campaign's criterion, scaled to its maximum; titles of person contestants go to the honours
    // register. Once only (conflict after).
    Result<PushOutcome> PushResults(const Actor& actor, Id contest_id);

    // The id of a contest by name (idempotent demo loading); 0 if none.
    Id FindByName(const std::string& name);

    // Several servers on one PostgreSQL (the change feed, issue 15): applies what other servers
    // recorded for the contests loaded here — events in order, each published to this server's
    // screens as if recorded here — and re-reads the seats' device bindings (a judge who joined
    // through another server). Called by the feed's thread when a contest changed elsewhere.
    void Refresh();
    // Set once at composition when other servers may write: every host action and score then
    // first applies the events recorded elsewhere, so that its sequence number follows theirs.
    void SetShared(bool shared) { shared_ = shared; }

private:
    struct LiveContest;
    std::shared_ptr<LiveContest> Find(Id contest_id);
    std::shared_ptr<LiveContest> Load(Id contest_id);  // reads the store (takes store_mutex_)
    bool CanRead(const Actor& actor, const LiveContest& c) const;
    // A contest the caller may read, its mutex held for as long as the value lives; not_found for one
    // that does not exist and for one the caller may not read alike.
    struct Held {
        std::shared_ptr<LiveContest> contest;
        std::unique_lock<std::mutex> lock;
    };
    Result<Held> Readable(const Actor& actor, Id contest_id);
    bool CanHost(const Actor& actor, const LiveContest& c) const;
    ContestSummary SummaryOf(const Actor& actor, const LiveContest& c) const;
    // Records, applies and publishes a prepared event (caller holds c.mutex). False, with nothing
    // written, when another server recorded an event of the contest since `c` was caught up: the
    // caller catches up and prepares again (at most kRecordAttempts times, then 409).
    bool Record(LiveContest& c, core::arena::Event event, const Actor* actor, const std::string& audit_detail);
    // One host action against the current state: an error, or whether it was recorded (see Record).
    Result<bool> ActOnce(LiveContest& c, const Actor& actor, const core::arena::Request& request);
    static constexpr int kRecordAttempts = 8;
    std::shared_ptr<const LiveMessage> MessageOf(const LiveContest& c, const core::arena::Event* event) const;
    ContestResults ResultsOf(const LiveContest& c);  // caller holds c.mutex
    void CatchUpLocked(LiveContest& c);              // caller holds c.mutex (see Refresh)

    core::ports::ArenaStore& arena_;
    const core::ports::Crypto& crypto_;
    ArenaFiles files_;
    LiveFeed* feed_ = nullptr;
    CampaignService* campaigns_ = nullptr;
    TitleSink title_sink_;
    std::mutex map_mutex_;
    std::map<Id, std::shared_ptr<LiveContest>> contests_;
    std::atomic<bool> all_loaded_{false};
    std::atomic<bool> shared_{false};
};

}  // namespace lingyan::app
