#pragma once
// The storage port of party-member points (星级制积分): the rules catalog, periods (star
// thresholds and scheme options), party members and the append-only ledger of events.
// Implemented by storage/sql_points_store over the same connection as Store, so writes join the
// transaction opened with Store::Begin(). Methods throw storage::StoreError when the database
// fails; "not found" is std::nullopt. Used by one thread at a time (the app layer serializes
// access with the store mutex).
//
// Members: a party member (党员) is a person of the roster with a membership (people.party_org_id,
// issue 14: one register). `points_members` is the ledger's link to that person: its unit and
// name follow the person (PointsService::SyncMembers), its membership ends with the person's
// (`ended_on`; the row and its ledger stay), and it links the user account that acts as that
// member. Rows from before the one register may lack a person until RegisterOldMembers runs.
//
// Ledger: events are never deleted. A pending event is decided once (approved or rejected,
// with who, when and why); an approved event is corrected by a reversing event (negative
// quantity, `reverses` = the original's id, approved when recorded). Points and quantities are
// integer hundredths.

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/points/model.hpp"
#include "core/points/scheme.hpp"
#include "core/roster/model.hpp"

namespace lingyan::core::ports {

using roster::Id;

struct PointsRuleRecord {
    Id id = 0;
    points::Rule rule;  // code (unique), name, category, points, cap, needs_approval, evidence
    bool active = true;  // inactive rules are kept for the ledger but refuse new events
};

struct PointsPeriodRecord {
    Id id = 0;
    std::string name;  // 2025年度
    points::Period period;
    points::StarThresholds stars;
    points::Points base_points = 0;           // scheme option: the total starts here
    std::vector<std::string> zeroing_rules;   // scheme option: 清零 rule codes
    int publicity_days = 7;                   // 公示 window
    std::vector<points::GradeQuota> grades;   // scheme option: forced distribution per branch (empty: none)
    bool closed = false;                      // a closed period is read-only: no new events or decisions
};

// Which events a ledger query reads: those of members whose unit is one of `unit_ids` (empty:
// every unit; the caller passes a whole subtree, so this is the scope check in SQL) and dated
// inside `period`.
// `name`: only members whose name contains it (empty: every member). Members whose membership
// has ended are never listed.
struct PointsEventScope {
    std::vector<Id> unit_ids;
    points::Period period;
    std::string name;
};

struct PointsMemberRecord {
    Id id = 0;
    Id unit_id = 0;    // the unit of the member's branch (village, community, grid …)
    std::string name;
    Id person_id = 0;  // 0: not on the roster
    Id user_id = 0;    // 0: no account
    // YYYY-MM-DD the membership ended (the person left the party register); "" while a member.
    // An ended member is kept with its ledger, and is on no board, list or approvals queue.
    std::string ended_on;
    // Set by migration 82 on rows from before the one register (no person, or a person without a
    // membership): PointsService::RegisterOldMembers gives each a roster person and a membership.
    bool register_pending = false;
};

// An officer's request to link a party member's own account to a member record: the link is made
// only when the account's owner accepts (issue 11, finding 8).
struct PointsLinkRequestRecord {
    Id member_id = 0;
    Id user_id = 0;
    std::string requested_by;
    std::string requested_at;  // ISO 8601 UTC
};

struct PointsEventRecord {
    Id id = 0;
    Id member_id = 0;
    Id rule_id = 0;
    points::Day date = 0;
    points::Points quantity = points::kOnePoint;  // hundredths; negative only for a reversal
    std::string note;
    points::EventStatus status = points::EventStatus::kPending;
    std::string submitted_by;
    std::string submitted_at;  // ISO 8601 UTC
    std::string decided_by;    // "" while pending
    std::string decided_at;
    std::string reason;        // why rejected / reversed
    Id reverses = 0;           // the corrected event, or 0
};

// A counted event (approved, dated inside the period) as a board rebuild reads it: only what the
// totals need, not the record.
struct PointsCountedEvent {
    Id member_id = 0;
    Id rule_id = 0;
    points::Points quantity = points::kOnePoint;
};

struct CountedEventParts {
    int parts = 1;
    std::int64_t min_part_bytes = std::int64_t{80} << 20;
};

// Which transactions' writes a read of the ledger saw, in the database's transaction numbers
// (PostgreSQL: the read's snapshot "xmin:xmax:xip,…"; every part of a read shares one). A write
// of transaction `tx` is in the read iff Saw(tx). Unknown (SQLite, which has one writer and no
// change feed; a read inside the caller's transaction) answers nothing: Saw is then false.
struct LedgerHorizon {
    bool known = false;
    std::int64_t xmin = 0;                  // every transaction before it had ended
    std::int64_t xmax = 0;                  // none from it on had
    std::vector<std::int64_t> in_progress;  // sorted: those in [xmin, xmax) still running
    bool Saw(std::int64_t tx) const {
        if (!known) return false;
        if (tx < xmin) return true;
        return tx < xmax && !std::binary_search(in_progress.begin(), in_progress.end(), tx);
    }
    bool operator==(const LedgerHorizon&) const = default;
};

// What ForEachCountedEvent read: in how many parts, and as of what.
struct CountedEventsRead {
    int parts = 1;
    LedgerHorizon horizon;
};

// A period's board totals kept between starts (core/points/board_snapshot.hpp), as of `horizon`,
// under the rules and period `fingerprint` names (PointsService decides what it holds).
struct BoardSnapshotRecord {
    Id period_id = 0;
    std::string fingerprint;
    LedgerHorizon horizon;
    std::string data;          // EncodeBoardSnapshot's text
    double age_seconds = 0;    // how long ago it was kept, by the database's clock (LoadBoardSnapshot)
    // Kept by this database: a copy restored elsewhere counts its transactions anew, so its
    // horizon means nothing there (LoadBoardSnapshot).
    bool here = true;
};

class PointsStore {
public:
    virtual ~PointsStore() = default;

    virtual std::vector<PointsRuleRecord> ListRules() = 0;  // by id
    virtual Id InsertRule(const PointsRuleRecord& r) = 0;   // r.id ignored
    virtual void UpdateRule(const PointsRuleRecord& r) = 0;  // every field by id

    virtual std::vector<PointsPeriodRecord> ListPeriods() = 0;  // by from date
    virtual Id InsertPeriod(const PointsPeriodRecord& p) = 0;
    virtual void UpdatePeriod(const PointsPeriodRecord& p) = 0;  // every field by id

    virtual std::vector<PointsMemberRecord> ListMembers() = 0;  // by id
    // Whether any member still waits for RegisterOldMembers (register_pending).
    virtual bool AnyRegistrationPending() = 0;
    // The member row of a roster person (the newest if several), or nullopt.
    virtual std::optional<PointsMemberRecord> FindMemberOfPerson(Id person_id) = 0;
    virtual std::vector<PointsMemberRecord> FindMembers(const std::vector<Id>& ids) = 0;  // those found, by id
    virtual Id InsertMember(const PointsMemberRecord& m) = 0;
    virtual void UpdateMember(const PointsMemberRecord& m) = 0;  // unit, name, person and account by id
    // At most one open request per member: a new one replaces the last.
    virtual void RequestLink(const PointsLinkRequestRecord& r) = 0;
    virtual std::vector<PointsLinkRequestRecord> ListLinkRequests(Id user_id) = 0;  // by member id
    // Accepting links the account to the member (false when no such open request or the member is
    // linked meanwhile); declining closes the request. Either way the request is gone.
    virtual bool AnswerLink(Id member_id, Id user_id, bool accept) = 0;

    virtual std::vector<PointsEventRecord> ListEvents() = 0;  // every event, by id
    virtual std::optional<PointsEventRecord> FindEvent(Id id) = 0;
    virtual std::vector<PointsEventRecord> FindEvents(const std::vector<Id>& ids) = 0;  // those found, by id
    virtual std::vector<PointsEventRecord> ListMemberEvents(Id member_id) = 0;  // newest first
    // The counted events of `period` (approved, dated inside it), in no order, streamed to
    // `on_event` as they are read (nothing is held but the current one). Only the totals may
    // depend on them: caps apply to a member's sum per rule, which does not depend on the order.
    // Read in up to `parts.parts` parts at once where the store can (PostgreSQL: ranges of the
    // ledger's blocks on their own connections), each of at least `parts.min_part_bytes` of
    // ledger: on_event(part, event) is called from one thread per part, all parts at once, one
    // part's events one after another. Every part reads the same state of the ledger (PostgreSQL:
    // one snapshot, exported to the parts): the result says which transactions that was.
    virtual CountedEventsRead ForEachCountedEvent(const points::Period& period, const CountedEventParts& parts,
                                    const std::function<void(int, const PointsCountedEvent&)>& on_event) = 0;
    // The counted events of `period` of the given members (a member new to a board, or whose
    // membership began again), in no order, read in one snapshot that the result names
    // (PostgreSQL outside a transaction; elsewhere unknown, as above).
    virtual CountedEventsRead CountedEventsOf(const points::Period& period, const std::vector<Id>& member_ids,
                                              const std::function<void(const PointsCountedEvent&)>& on_event) = 0;
    // Pending events in `scope`, oldest first, rows [offset, offset + limit); filtered, ordered and
    // paged in the database.
    virtual std::vector<PointsEventRecord> ListPendingEvents(const PointsEventScope& scope, std::size_t offset,
                                                             std::size_t limit) = 0;
    virtual std::int64_t CountPendingEvents(const PointsEventScope& scope) = 0;
    // Approved events in `scope` decided at or after `since` (ISO text), newest first, at most `limit`.
    virtual std::vector<PointsEventRecord> ListDecidedSince(const PointsEventScope& scope, const std::string& since,
                                                            std::size_t limit) = 0;
    virtual Id InsertEvent(const PointsEventRecord& e) = 0;  // e.id ignored
    // Many events at once (ids ignored): a few multi-row statements instead of one per event (a bulk
    // record, the demo's ledger); the same rows as InsertEvent of each in turn. Returns their ids, in
    // the order of `events`.
    virtual std::vector<Id> InsertEvents(const std::vector<PointsEventRecord>& events) = 0;
    // Decides a pending event; false (nothing changed) when it is not pending any more.
    virtual bool DecideEvent(Id id, points::EventStatus status, const std::string& by, const std::string& at,
                             const std::string& reason) = 0;
    // The id of the event reversing `id`, or 0.
    virtual Id FindReversal(Id id) = 0;

    // Board snapshots (issue 15: a start that does not read the whole ledger). Kept only where the
    // ledger's reads have a horizon and the change feed names each counted event (PostgreSQL,
    // migrations 97 and 100); elsewhere Load finds none and Save keeps nothing.
    virtual std::optional<BoardSnapshotRecord> LoadBoardSnapshot(Id period_id) = 0;
    // The same without its data (empty): whether it is there, what it is as of, how old.
    virtual std::optional<BoardSnapshotRecord> LoadBoardSnapshotHead(Id period_id) = 0;
    virtual void SaveBoardSnapshot(const BoardSnapshotRecord& snapshot) = 0;  // replaces the period's
    // The period's snapshot kept as of `from` holds the same values as of `to` (nothing was counted
    // in between): it is made as of `to` and young again without being written anew. False when
    // the kept one is no longer as of `from` (another server kept one since) or there is none.
    virtual bool AdvanceBoardSnapshot(Id period_id, const LedgerHorizon& from, const LedgerHorizon& to) = 0;
    // What a snapshot as of `since` lacks, read in one snapshot of the database whose horizon it
    // returns: every event of `period` counted by a transaction `since` did not see (the change
    // feed's rows: approved when recorded, or approved later) to `on_new`, and every counted event of
    // `period` of `members` (those the snapshot has no row for) to `on_member`. nullopt when the
    // feed cannot name them — a transaction noted whole (over 1,000 rows, a rule, period or member
    // deleted) — or the store keeps no snapshots; nothing is then handed over.
    virtual std::optional<LedgerHorizon> CountedEventsSince(
        const points::Period& period, const LedgerHorizon& since, const std::vector<Id>& members,
        const std::function<void(const PointsCountedEvent&)>& on_new,
        const std::function<void(const PointsCountedEvent&)>& on_member) = 0;
};

}  // namespace lingyan::core::ports
