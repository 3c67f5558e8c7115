#pragma once
// PointsService: party-member points (星级制积分) — the rules catalog, members submitting
// activities, secretaries approving or rejecting them with a reason, organizers recording an
// activity for many members at once, reversing events (corrections), 公示 of a branch, and the
// live leaderboards (totals, stars and ranks for any region subtree and category).
//
// Periods (考核周期, a year by default; they never overlap): an event belongs to the period its
// date falls in. Every read takes an optional period (default: the current one, i.e. the period
// containing today, else the latest); each period has its own leaderboards, built from the stored
// ledger on first use or Reload() and updated at once on each approval, after the approval is
// committed, so that an acknowledged approval is durable and visible in every enclosing scope.
// A closed period is read-only: submitting, recording, deciding and reversing its events is refused
// (conflict) until an admin/county reopens it.
//
// The county scheme of a period (core::points::scheme) shapes what the boards show: the overall
// total is base points + the capped tally, or 0 once a counted 清零 event stands (a reversal undoes
// it); stars, ranks, 公示 and exports use that total; category boards keep the plain capped sums.
// Monthly and quarterly sub-totals come with a member's view, and the forced distribution of
// grades (e.g. 优秀 at most one third) is applied within each member's own unit (branch).
//
// Scope: approving, rejecting, reversing and bulk recording need role secretary, town, county or
// admin and the member's unit inside the caller's scope (forbidden otherwise); rule changes need
// admin or county. A member submits for itself (the member linked to its account); a manager may
// submit for a member in its scope. Reads outside the caller's scope answer not_found.
// Every approval, rejection, reversal, bulk record and rule change writes one audit entry in the
// same transaction.
//
// Thread-safety: all methods may be called concurrently. Database access is serialized by the
// shared store mutex (taken before the live-state lock); the live state has one writer at a time
// (under the store mutex) and many readers (shared lock). No lock is held across network I/O.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/attachments/attachment_service.hpp"
#include "app/common/file_download.hpp"
#include "app/common/use_case_base.hpp"
#include "app/points/points_files.hpp"
#include "app/roster/roster_service.hpp"
#include "core/auth/scope.hpp"
#include "core/common/result.hpp"
#include "core/points/board_snapshot.hpp"
#include "core/points/leaderboard.hpp"
#include "core/points/model.hpp"
#include "core/points/tally.hpp"
#include "core/ports/points_store.hpp"
#include "core/ports/store.hpp"

namespace lingyan::app {

namespace points = core::points;

struct NewPointsRule {
    std::string code, name, category;
    points::Points points = 0;
    std::optional<points::Points> cap;
    bool needs_approval = true;
    std::string evidence;
};

struct PointsRulePatch {
    std::optional<std::string> name, category, evidence;
    std::optional<points::Points> points;
    std::optional<std::optional<points::Points>> cap;  // set to nullopt-inside: remove the cap
    std::optional<bool> needs_approval, active;
};

// The largest 积分细则 workbook an import reads (a catalog of a thousand rules is far below).
inline constexpr std::size_t kPointsRulesMaxBytes = 2u << 20;

// The outcome of 导入积分细则: what was (or, on a dry run, would be) created and updated.
struct RulesImport {
    struct Change {
        int row = 0;
        std::string code, name;
        bool created = false;
        std::vector<std::string> fields;  // the columns an update changes (名称, 分值 …)
    };
    bool dry_run = false;
    std::string sheet;
    int created = 0, updated = 0, unchanged = 0;
    std::vector<Change> changes;
    std::vector<RowError> errors;  // non-empty: nothing was written
};

struct SubmitActivity {
    core::roster::Id member_id = 0;  // 0: the caller's own member
    std::string rule;                // rule code
    std::string date;                // YYYY-MM-DD
    points::Points quantity = points::kOnePoint;
    std::string note;
};

struct BulkRecord {
    std::string rule, date, note;
    points::Points quantity = points::kOnePoint;
    std::vector<core::roster::Id> members;
};

struct BulkOutcome {
    std::vector<core::roster::Id> event_ids;
    std::vector<RowError> errors;  // non-empty: nothing was written (row = 1-based member position)
};

struct PointsEventView {
    core::ports::PointsEventRecord record;
    std::string member_name, unit_name, rule_code, rule_name, category;
    points::Points worth = 0;  // rule points × quantity (before caps)
};

struct MemberRef {
    core::roster::Id id = 0;
    std::string name;
    core::roster::Id unit_id = 0;
    std::string unit_name;
    core::roster::Id person_id = 0;  // the person of the roster (0: an old member not yet linked)
};

struct LeaderboardEntry {
    std::int64_t rank = 0;
    MemberRef member;
    points::Points total = 0;
    int stars = 0;
    std::string grade;  // forced-distribution grade within the member's unit ("" when the period has none)
};

struct LeaderboardPage {
    // A caller's rendering of this page (e.g. its JSON), made once and reused while the page is
    // served from the service's cache (SharedLeaderboard); the page itself never changes.
    struct Rendered {
        std::once_flag once;
        std::shared_ptr<const std::string> text;
        std::shared_ptr<const std::string> gzip;  // `text` compressed, for clients that accept gzip
    };
    std::shared_ptr<Rendered> rendered = std::make_shared<Rendered>();
    core::roster::Id unit_id = 0, period_id = 0;
    std::string unit_name, category;  // "" = overall
    std::int64_t size = 0;            // members in the subtree
    std::int64_t top = 0;             // the N asked for
    std::int64_t overflow = 0;        // entries beyond N, tied with the N-th
    bool truncated = false;           // the tie at the boundary was longer than the page may carry
    std::vector<LeaderboardEntry> entries;
};

struct SubTotalView {
    std::string from, to;  // YYYY-MM-DD, clipped to the period
    points::Points total = 0;
};

struct ScopeRankView {
    core::roster::Id unit_id = 0;
    std::string unit_name;
    std::int64_t rank = 0, size = 0;
};

struct MemberRanks {
    MemberRef member;
    core::roster::Id period_id = 0;
    points::Points total = 0;  // under the scheme (category: the plain category sum)
    int stars = 0;
    bool zeroed = false;  // a counted 清零 item zeroed the period
    std::string grade;
    std::vector<ScopeRankView> ranks;  // own unit first, then each ancestor
    std::vector<SubTotalView> monthly, quarterly;
};

struct StarDistribution {
    core::roster::Id unit_id = 0, period_id = 0;
    std::string unit_name;
    std::vector<std::int64_t> counts;  // index = stars (0..thresholds)
    std::int64_t members = 0;
    std::vector<std::pair<std::string, std::int64_t>> grades;  // members per grade (forced distribution per unit)
};

struct MyPoints {
    MemberRanks ranks;
    points::Points base_points = 0;
    std::vector<std::pair<std::string, points::Points>> by_category;
    std::vector<PointsEventView> events;  // newest first
};

struct Publicity {
    core::roster::Id unit_id = 0, period_id = 0;
    std::string unit_name;
    int days = 7;
    std::string since;                    // ISO date-time
    std::vector<PointsEventView> events;  // approved within the window, newest first
    std::vector<LeaderboardEntry> totals;  // every member of the subtree, ranked
};

struct PeriodView {
    core::ports::PointsPeriodRecord record;
    std::vector<std::string> categories;
    bool current = false;
};

struct NewPeriod {
    std::string name, from, to;                        // YYYY-MM-DD
    std::optional<std::vector<points::Points>> stars;  // default 0/60/120/180/240
    points::Points base_points = 0;
    std::vector<std::string> zeroing_rules;
    std::string grades;  // "优秀:1/3;合格" (core::points::ParseGradeQuotas)
    int publicity_days = 7;
};

struct PeriodPatch {
    std::optional<std::string> name, grades;
    std::optional<std::vector<points::Points>> stars;
    std::optional<points::Points> base_points;
    std::optional<std::vector<std::string>> zeroing_rules;
    std::optional<int> publicity_days;
    std::optional<bool> closed;
};

struct ApprovalsPage {
    std::vector<PointsEventView> items;
    std::int64_t total = 0;  // pending events in scope and period
};

// An open request to link the caller's own account to a party member (its owner answers it).
struct LinkRequestView {
    MemberRef member;
    std::string requested_by;
    std::string requested_at;
};

// What an officer's link did: linked at once (admin) or waits for the account owner's consent.
enum class LinkOutcome { kNone, kLinked, kRequested };

struct NewMember {
    core::roster::Id unit_id = 0;
    std::string name;
    core::roster::Id person_id = 0, user_id = 0;
};

// What RegisterOldMembers did, for the start-up log.
struct OldMembersReport {
    int matched = 0;  // found the roster person (same unit, same name, the only one)
    int created = 0;  // made a roster person
    int joined = 0;   // gave the person a membership (it had none)
    int waiting = 0;  // no party organization in the unit or above it: left as it was, for an officer
    std::vector<std::string> lines;  // one per member, for the log
};

// How a board is rebuilt from the ledger (BuildLive): the counted events read in `read.parts`
// parts at once, gathered `batch` at a time per part and applied in buckets of 2^bucket_bits
// neighbouring members. The defaults are for a province (issue 15); tests set small ones to go
// through every path with little data.
struct BoardBuildTuning {
    core::ports::CountedEventParts read{.parts = 2};
    std::size_t batch = std::size_t{1} << 22;  // 64 MiB of events a part
    int bucket_bits = 13;                      // 8,192 members a bucket
    // Other servers' transactions a board remembers having applied (ApplyCountedChanges), members
    // it keeps a horizon of their own for, and members gone from it whose index stays taken
    // (ApplyMemberWritesLocked): past this many of either it is rebuilt, so the memory stays bounded.
    std::size_t max_applied_transactions = 100000;
    // Board snapshots (core/points/board_snapshot.hpp, PostgreSQL): a build starts from the period's
    // kept snapshot when it was kept under the same rules and period less than `snapshot_max_age`
    // ago (the change feed keeps a day) and lacks at most `max_applied_transactions` members of the
    // board; then it reads only what was counted since and those members' ledgers.
    bool snapshots = true;
    std::chrono::seconds snapshot_max_age{20 * 3600};
    // KeepBoardSnapshots brings a kept snapshot forward this often (from the feed's rows, without
    // the live boards or the store mutex).
    std::chrono::seconds snapshot_refresh{3600};
};

// How the last build of a board found its totals (the start logs it), and what KeepBoardSnapshots did.
struct BoardSnapshotReport {
    bool from_snapshot = false;
    std::size_t counted_since = 0;   // events counted after the snapshot, read from the feed's rows
    std::size_t members_read = 0;    // members the snapshot lacked, their ledgers read whole
    std::string why_not;             // why the whole ledger was read ("" when it was not)
};

class PointsService : UseCaseBase {
public:
    PointsService(core::ports::Store& store, core::ports::PointsStore& points, core::ports::StoreMutex& store_mutex,
                  const core::ports::Clock& clock, const RosterService& roster, PointsFiles files);

    // Rebuilds the live state from the stored ledger (at start, after a seed or a rule change).
    void Reload();

    // One register (issue 14): every person of the roster with a party membership is a points
    // member, with the person's unit and name. Adds the missing rows and corrects changed ones in
    // one transaction (not audited apart: the rows mirror people, whose changes are), then brings
    // the boards along (a new, moved or renamed member in place; an ended or returning membership
    // by a rebuild); idempotent. Returns how many rows it wrote. Called at start.
    int SyncMembers();
    // The same for the given people only (the roster after it changed them: composition wires
    // it): a person's rows are read by person, not the whole register (4 M rows at province
    // scale). Over kTargetedSyncMax people it is SyncMembers.
    int SyncMembersOf(const std::vector<core::roster::Id>& person_ids);
    static constexpr std::size_t kTargetedSyncMax = 1000;

    // The upgrade step for rows from before the one register (migration 82 marks them): each gets
    // a roster person — the only person of the same unit with the same name who is not another
    // member's, else a new one — and, when that person has no membership, one in the leading
    // organization (党委 over 党总支 over 党支部) of the member's unit or of its nearest ancestor
    // that has one. A new person takes the member's name and unit; what the old row never held is
    // left for an officer to complete: gender 男 and education 高中 (the form's defaults), birth
    // date and party join date empty (the person form asks for them on the next save). One audit
    // entry per member (actor `system`). Runs at start before SyncMembers; the caller reloads the
    // roster afterwards. Idempotent: a second run finds nothing marked.
    OldMembersReport RegisterOldMembers();

    // The stored catalog and periods; seeds the default catalog and a period for the current
    // year when none exists (on first use).
    Result<std::vector<core::ports::PointsRuleRecord>> Rules(const Actor& actor);
    Result<PeriodView> Period(const Actor& actor, std::optional<core::roster::Id> period = std::nullopt);
    Result<std::vector<PeriodView>> Periods(const Actor& actor);
    Result<core::ports::PointsRuleRecord> CreateRule(const Actor& actor, const NewPointsRule& rule);
    Result<core::ports::PointsRuleRecord> UpdateRule(const Actor& actor, core::roster::Id id,
                                                     const PointsRulePatch& patch);
    // 积分细则 as a workbook (every role may read the catalog; the export is the import's template).
    Result<FileDownload> RulesWorkbook(const Actor& actor);
    // Checked before an upload's body is read: only the rule editor imports.
    Status CheckRulesImport(const Actor& actor) const;
    // 导入积分细则: each row a rule by its code — a new code is created, a known one updated where a
    // column differs (a rule not in the file stays as it is). All rows are checked first, every bad
    // row reported with its column; then all are written in one transaction (one audit entry per
    // rule, as the dialog's save writes) and the boards recounted — or, with `dry_run`, nothing is.
    Result<RulesImport> ImportRules(const Actor& actor, const std::string& bytes, bool dry_run);
    // Periods: admin/county. A new period may not overlap another; closing makes it read-only.
    Result<core::ports::PointsPeriodRecord> CreatePeriod(const Actor& actor, const NewPeriod& period);
    Result<core::ports::PointsPeriodRecord> UpdatePeriod(const Actor& actor, core::roster::Id id,
                                                         const PeriodPatch& patch);

    // Party members of points (党员): listed within scope (name filter, at most `limit`). Every
    // registered member of the roster is one (SyncMembers); CreateMember adds the row for a roster
    // person with a membership in the approver's scope, or links a member's own account to an
    // existing row (audited).
    Result<std::vector<MemberRef>> Members(const Actor& actor, std::optional<core::roster::Id> unit,
                                           const std::string& query, std::size_t limit);
    Result<MemberRef> CreateMember(const Actor& actor, const NewMember& member, LinkOutcome* link = nullptr);
    // Links a party member's own account (role member, in the caller's scope) to a member record:
    // admin links at once; a branch's officers ask, and the account's owner accepts or declines
    // (issue 11, finding 8). Any other account answers as one that does not exist.
    Result<LinkOutcome> LinkAccount(const Actor& actor, core::roster::Id member_id, core::roster::Id user_id);
    Result<std::vector<LinkRequestView>> MyLinkRequests(const Actor& actor);
    core::Status AnswerLinkRequest(const Actor& actor, core::roster::Id member_id, bool accept);

    Result<PointsEventView> Submit(const Actor& actor, const SubmitActivity& input);
    Result<BulkOutcome> RecordBulk(const Actor& actor, const BulkRecord& input);
    Result<PointsEventView> Approve(const Actor& actor, core::roster::Id event_id);
    Result<PointsEventView> Reject(const Actor& actor, core::roster::Id event_id, const std::string& reason);
    // 批量审核: approves (or rejects, with one reason for all) the selected pending declarations in
    // one transaction, one audit entry per item. Every item must be a pending declaration of a
    // member in the caller's scope, in an open period, named once; otherwise nothing is written and
    // the error names the first bad item by position and id (an item outside the scope answers as
    // one that does not exist). At most kMaxBulkDecisions items. Returns how many were decided.
    static constexpr std::size_t kMaxBulkDecisions = 1000;
    Result<std::size_t> DecideMany(const Actor& actor, const std::vector<core::roster::Id>& event_ids, bool approve,
                                   const std::string& reason);
    Result<PointsEventView> Reverse(const Actor& actor, core::roster::Id event_id, const std::string& reason);
    // The attachment store's rules for a declaration's evidence (佐证材料, app/attachments): the
    // member it is for, its submitter and the approvers in scope read it; the member and the
    // submitter add and remove their own files while it waits for approval. `sub_id` must be 0.
    Result<OwnerAccess> EvidenceAccess(const Actor& actor, core::roster::Id event_id, core::roster::Id sub_id);

    // Pending events of members under `unit` (default: the caller's scope) in the period, oldest
    // first, rows [offset, offset + limit); `name`: only members whose name contains it. Filtered
    // and paged in the database.
    Result<ApprovalsPage> Approvals(const Actor& actor, std::optional<core::roster::Id> unit,
                                    std::optional<core::roster::Id> period, std::size_t offset, std::size_t limit,
                                    const std::string& name = "");
    // The top `top` of a subtree, members tied with the top-th included (at most 1000 more).
    Result<LeaderboardPage> Leaderboard(const Actor& actor, std::optional<core::roster::Id> unit,
                                        const std::string& category, std::int64_t top,
                                        std::optional<core::roster::Id> period = std::nullopt);
    // The same page, shared: pages are kept per (scope, category, top) until a total of their
    // period changes, so that many readers of one board do not each rebuild and render it (a
    // county's top 50 with its ties can hold 1,050 entries). Scope is checked on every call.
    Result<std::shared_ptr<const LeaderboardPage>> SharedLeaderboard(const Actor& actor,
                                                                     std::optional<core::roster::Id> unit,
                                                                     const std::string& category, std::int64_t top,
                                                                     std::optional<core::roster::Id> period = std::nullopt);
    Result<MemberRanks> Ranks(const Actor& actor, core::roster::Id member_id, const std::string& category,
                              std::optional<core::roster::Id> period = std::nullopt);
    Result<StarDistribution> Stars(const Actor& actor, std::optional<core::roster::Id> unit,
                                   std::optional<core::roster::Id> period = std::nullopt);
    Result<MyPoints> Me(const Actor& actor, std::optional<core::roster::Id> period = std::nullopt);
    Result<Publicity> PublicityOf(const Actor& actor, std::optional<core::roster::Id> unit, std::optional<int> days,
                                  std::optional<core::roster::Id> period = std::nullopt);
    // The leaderboard page and the public display as .xlsx (the same scope rules as above).
    Result<FileDownload> LeaderboardWorkbook(const Actor& actor, std::optional<core::roster::Id> unit,
                                             const std::string& category, std::int64_t top,
                                             std::optional<core::roster::Id> period = std::nullopt);
    FileDownload PublicityWorkbook(const Publicity& publicity) const;

    // Seeding (demo, CLI): runs `fn` in one transaction under the store mutex, then reloads.
    void Seed(const std::function<void(core::ports::Store&, core::ports::PointsStore&)>& fn);

    // Checks the live totals of every period against a fresh recount of the stored ledger with the
    // reference functions (core::points::TallyTotals / TallyByCategory, then SchemeTotal with
    // ZeroedMembers); returns how many totals differ.
    std::size_t CompareWithRecount();
    // The next builds' tuning; the parts the last build read the ledger in.
    void SetBoardBuildTuning(const BoardBuildTuning& tuning);
    int LastBuildParts() const { return last_build_parts_.load(); }
    BoardSnapshotReport LastBuildReport() const;

    // Board snapshots, called every half minute by serve on a thread of its own: writes the
    // snapshot the last build left (its totals as of its horizon, before anything else changed
    // them), else — every `snapshot_refresh` — brings each built board's kept snapshot forward by
    // the events counted since (read from the change feed's rows in one snapshot of the database),
    // or counts it again from the ledger when the feed cannot name them. Takes neither the store
    // mutex nor the boards' lock while it reads or writes the database. Returns what it did, for
    // the log ("" when nothing).
    std::string KeepBoardSnapshots();
    std::uint64_t SnapshotsKept() const { return snapshots_kept_.load(); }

    // Events another server counted (approved when recorded, or approved later), from the change
    // feed's rows (migration 97): event id → the transaction that counted it. Each is added to the
    // board of its period when that board was built without it — the build's horizon did not see
    // the transaction, nor was it applied since — so that a notice seen twice, or one about a
    // transaction the build read, changes nothing. A board built without a horizon is built again,
    // and so is one that remembers more than `max_applied_transactions` (BoardBuildTuning).
    void ApplyCountedChanges(const std::map<core::roster::Id, std::int64_t>& tx_of_event);
    // Another server's member rows, by id (migration 98), read again and brought along like
    // SyncMembers' own writes: a move, a rename, an account link, an ended membership or a member
    // new here in place (its ledger read with it); a row gone is a rebuild. Reading the row as it is
    // now makes a repeated or late notice change nothing.
    void ApplyMemberChanges(const std::map<core::roster::Id, std::int64_t>& tx_of_member);
    // Whole rebuilds so far (Reload, a rule or period change, another server's whole notice), and
    // counted events applied one by one by ApplyCountedChanges.
    std::uint64_t ReloadCount() const { return reloads_.load(); }
    std::uint64_t CountedChangesApplied() const { return counted_applied_.load(); }

private:
    struct Live;
    // The boards of `period` (default: the current period), built on first use; not_found for an
    // unknown period.
    Result<std::shared_ptr<Live>> EnsureLoaded(std::optional<core::roster::Id> period = std::nullopt);
    void ReloadLocked();  // caller holds store_mutex_
    void EnsureCatalogLocked();
    std::shared_ptr<Live> BuildLiveLocked(const core::ports::PointsPeriodRecord& period);  // caller holds store_mutex_
    core::roster::Id CurrentPeriodIdLocked() const;                                        // caller holds live_mutex_
    // The period containing `day` (caller holds live_mutex_), or nullptr.
    const core::ports::PointsPeriodRecord* PeriodOfDayLocked(points::Day day) const;
    // The period of a new or decided event: invalid when no period holds the day, conflict when closed.
    core::Status CheckWritable(points::Day day) const;
    // The event's member exists and lies in the caller's scope (not_found / forbidden otherwise).
    core::Status CheckEventMemberInScope(const Live& live, const Actor& actor, core::roster::Id member_id) const;
    // What recording an activity names, alone (Submit) or for many members (RecordBulk): an active
    // rule by its code, a positive quantity and a date; invalid, naming the field, otherwise.
    struct CheckedActivity {
        const core::ports::PointsRuleRecord* rule = nullptr;
        points::Day day{};
    };
    static Result<CheckedActivity> CheckActivity(const Live& live, const std::string& rule_code,
                                                 points::Points quantity, const std::string& date);
    // Account links (caller holds store_mutex_).
    core::Status MayLinkLocked(const Actor& actor, const Live& live, core::roster::Id user_id);
    LinkOutcome LinkLocked(const Actor& actor, core::roster::Id member_id, core::roster::Id user_id);
    Result<core::roster::Id> ScopeUnit(const Actor& actor, std::optional<core::roster::Id> unit) const;
    // The unit ids of `scope`'s subtree for a SQL filter; empty when the subtree is the whole tree.
    std::vector<core::roster::Id> SubtreeUnitIds(const Live& live, points::UnitIdx scope) const;
    PointsEventView ViewOf(const Live& live, const core::ports::PointsEventRecord& e) const;
    MemberRef RefOf(const Live& live, points::MemberIdx m) const;
    // The member's ranks in `category` and its monthly and quarterly sub-totals from `events` (its ledger).
    void FillRanks(const Live& live, points::MemberIdx m, int category,
                   const std::vector<core::ports::PointsEventRecord>& events, MemberRanks& out) const;
    Result<PointsEventView> Decide(const Actor& actor, core::roster::Id event_id, points::EventStatus status,
                                   const std::string& reason);
    // Writes the decision on pending `e` with its audit entry (caller holds store_mutex_ and an
    // open transaction); false when it was decided meanwhile.
    bool WriteDecisionLocked(const Actor& actor, core::ports::PointsEventRecord& e, points::EventStatus status,
                             const std::string& reason);
    // Applies a committed event to the boards of its period when they are built (caller holds
    // store_mutex_; takes live_mutex_ for writing).
    void ApplyCounted(const core::ports::PointsEventRecord& e);
    // The built boards of the period holding `day`, or null (caller holds live_mutex_).
    Live* LiveOfDayLocked(points::Day day);
    // Adds counted event `e` to `live` (caller holds live_mutex_ for writing); false when the
    // board has no such member or rule.
    static bool ApplyCountedLocked(Live& live, const core::ports::PointsEventRecord& e);
    // A member row a sync wrote: `inserted` (new, so without a ledger) or changed (unit, name,
    // end of membership).
    struct MemberWrite {
        core::ports::PointsMemberRecord row;
        bool inserted = false;
    };
    // Brings every built board along with `writes` (caller holds store_mutex_): a new row is
    // added with its base points; a member the board lacks for another reason (another server's
    // new member, a membership begun again) is added with its counted events, read in one snapshot
    // whose horizon the board keeps for that member (Live::member_horizon: a notice of a
    // transaction the read saw is not applied to it again); a moved one moves with its totals, a
    // renamed one is renamed; an account link or unlink is recorded in place; a member whose
    // membership ended leaves the boards. More than kTargetedSyncMax writes at once is a rebuild.
    void ApplyMemberWritesLocked(const std::vector<MemberWrite>& writes);
    // Adds, moves, renames or removes one member on `live` (caller holds live_mutex_ for writing) —
    // an added member without its events —; false when only a rebuild can bring it along.
    static bool ApplyMemberWriteLocked(Live& live, const MemberWrite& write);
    // The stored rows of `member_ids` read again and brought along (ApplyMemberWritesLocked); a
    // rebuild when one is gone. Caller holds store_mutex_.
    void BringAlongLocked(const std::vector<core::roster::Id>& member_ids);
    // Board snapshots: the totals of a build restored from the kept snapshot and what was counted
    // since (the horizon of that read), or nullopt with report.why_not (caller holds store_mutex_;
    // `live` is being built).
    std::optional<core::ports::LedgerHorizon> RestoreLocked(Live& live,
                                                            std::vector<std::vector<core::points::Points>>& by_category,
                                                            BoardSnapshotReport& report);
    // The built board's totals as a snapshot to keep, before anything else changes them.
    void StashSnapshot(const Live& live, const std::vector<std::vector<core::points::Points>>& by_category);
    // A kept snapshot of `period` brought forward (or counted again from the ledger); what it did.
    std::string RefreshSnapshot(const core::ports::PointsPeriodRecord& period);

    core::ports::PointsStore& points_;
    PointsFiles files_;
    mutable std::shared_mutex live_mutex_;
    // Guarded by live_mutex_: the stored periods (by start date) and the boards built so far.
    bool loaded_ = false;
    std::vector<core::ports::PointsPeriodRecord> periods_;
    std::map<core::roster::Id, std::shared_ptr<Live>> lives_;
    BoardBuildTuning tuning_;  // guarded by store_mutex_ (builds hold it)
    std::atomic<int> last_build_parts_{0};
    std::atomic<std::uint64_t> reloads_{0}, counted_applied_{0};
    // Board snapshots: the last build's report, the snapshots builds left to write (KeepBoardSnapshots),
    // and when a kept snapshot was last written.
    mutable std::mutex snapshot_mutex_;
    BoardSnapshotReport last_report_;                                // by snapshot_mutex_
    // By period: the record (without its data) and the values, encoded by the keeper off the build's path.
    std::map<core::roster::Id, std::pair<core::ports::BoardSnapshotRecord, core::points::BoardSnapshot>> unwritten_;
    std::chrono::steady_clock::time_point last_kept_{};              // by snapshot_mutex_
    std::chrono::seconds snapshot_refresh_ = BoardBuildTuning{}.snapshot_refresh;  // by snapshot_mutex_ (the keeper's copy)
    std::chrono::seconds snapshot_max_age_ = BoardBuildTuning{}.snapshot_max_age;  // by snapshot_mutex_
    std::atomic<std::uint64_t> snapshots_kept_{0};
};

// The built-in catalog modelled on published county schemes (溧阳 星级制): 学习活动, 志愿服务,
// 带头致富, 环境整治, 纠纷调处 and 负面清单.
std::vector<NewPointsRule> DefaultPointsRules();

}  // namespace lingyan::app
