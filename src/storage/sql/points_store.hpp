#pragma once
// SqlPointsStore: core::ports::PointsStore over an SqlDb (SQLite or PostgreSQL), as a ModuleStore
// (storage/db/module_store.hpp: the SqlStore's connection and transaction).

#include <optional>
#include <set>
#include <string_view>

#include "core/ports/points_store.hpp"
#include "storage/db/module_store.hpp"

namespace lingyan::storage {

// A PostgreSQL snapshot's text ("xmin:xmax:xip,…", pg_current_snapshot) as a ledger horizon, or
// nullopt when it is not one.
std::optional<core::ports::LedgerHorizon> ParseLedgerHorizon(std::string_view text);
// And back: the text ParseLedgerHorizon reads (a known horizon).
std::string FormatLedgerHorizon(const core::ports::LedgerHorizon& horizon);
// The statement that puts the pending declarations `condition` picks (a condition on the ledger,
// `e`) into the approvals queue (migration 99) under their member's unit, a current member's —
// as the store keeps it on each change and the province loader fills it after its copy.
std::string QueuePendingStatement(std::string_view condition);

class SqlPointsStore final : public core::ports::PointsStore, private ModuleStore {
public:
    using ModuleStore::ModuleStore;

    std::vector<core::ports::PointsRuleRecord> ListRules() override;
    core::ports::Id InsertRule(const core::ports::PointsRuleRecord& r) override;
    void UpdateRule(const core::ports::PointsRuleRecord& r) override;

    std::vector<core::ports::PointsPeriodRecord> ListPeriods() override;
    core::ports::Id InsertPeriod(const core::ports::PointsPeriodRecord& p) override;
    void UpdatePeriod(const core::ports::PointsPeriodRecord& p) override;

    std::vector<core::ports::PointsMemberRecord> ListMembers() override;
    bool AnyRegistrationPending() override;
    std::optional<core::ports::PointsMemberRecord> FindMemberOfPerson(core::ports::Id person_id) override;
    std::vector<core::ports::PointsMemberRecord> FindMembers(const std::vector<core::ports::Id>& ids) override;
    core::ports::Id InsertMember(const core::ports::PointsMemberRecord& m) override;
    void UpdateMember(const core::ports::PointsMemberRecord& m) override;
    void RequestLink(const core::ports::PointsLinkRequestRecord& r) override;
    std::vector<core::ports::PointsLinkRequestRecord> ListLinkRequests(core::ports::Id user_id) override;
    bool AnswerLink(core::ports::Id member_id, core::ports::Id user_id, bool accept) override;

    std::vector<core::ports::PointsEventRecord> ListEvents() override;
    std::optional<core::ports::PointsEventRecord> FindEvent(core::ports::Id id) override;
    std::vector<core::ports::PointsEventRecord> FindEvents(const std::vector<core::ports::Id>& ids) override;
    std::vector<core::ports::PointsEventRecord> ListMemberEvents(core::ports::Id member_id) override;
    core::ports::CountedEventsRead ForEachCountedEvent(
        const core::points::Period& period, const core::ports::CountedEventParts& parts,
        const std::function<void(int, const core::ports::PointsCountedEvent&)>& on_event) override;
    core::ports::CountedEventsRead CountedEventsOf(
        const core::points::Period& period, const std::vector<core::ports::Id>& member_ids,
        const std::function<void(const core::ports::PointsCountedEvent&)>& on_event) override;
    std::vector<core::ports::PointsEventRecord> ListPendingEvents(const core::ports::PointsEventScope& scope,
                                                                  std::size_t offset, std::size_t limit) override;
    std::int64_t CountPendingEvents(const core::ports::PointsEventScope& scope) override;
    std::vector<core::ports::PointsEventRecord> ListDecidedSince(const core::ports::PointsEventScope& scope,
                                                                 const std::string& since, std::size_t limit) override;
    core::ports::Id InsertEvent(const core::ports::PointsEventRecord& e) override;
    std::vector<core::ports::Id> InsertEvents(const std::vector<core::ports::PointsEventRecord>& events) override;
    bool DecideEvent(core::ports::Id id, core::points::EventStatus status, const std::string& by, const std::string& at,
                     const std::string& reason) override;
    core::ports::Id FindReversal(core::ports::Id id) override;

    std::optional<core::ports::BoardSnapshotRecord> LoadBoardSnapshot(core::ports::Id period_id) override;
    std::optional<core::ports::BoardSnapshotRecord> LoadBoardSnapshotHead(core::ports::Id period_id) override;
    void SaveBoardSnapshot(const core::ports::BoardSnapshotRecord& snapshot) override;
    bool AdvanceBoardSnapshot(core::ports::Id period_id, const core::ports::LedgerHorizon& from,
                              const core::ports::LedgerHorizon& to) override;
    std::optional<core::ports::LedgerHorizon> CountedEventsSince(
        const core::points::Period& period, const core::ports::LedgerHorizon& since,
        const std::vector<core::ports::Id>& members,
        const std::function<void(const core::ports::PointsCountedEvent&)>& on_new,
        const std::function<void(const core::ports::PointsCountedEvent&)>& on_member) override;

private:
    // A kept snapshot by kLoadSnapshot or kLoadSnapshotHead (points_store.cpp).
    std::optional<core::ports::BoardSnapshotRecord> ReadBoardSnapshot(const char* sql, core::ports::Id period_id);
    // PostgreSQL: makes the ledger partition of the event's year if it has none (migration 90).
    void EnsureLedgerPartition(core::points::Day day);
    // The counted events of `period` of `member_ids`, in statements of 500 members, in whatever
    // transaction or snapshot the caller has open.
    void ReadCountedOf(const core::points::Period& period, const std::vector<core::ports::Id>& member_ids,
                       const std::function<void(const core::ports::PointsCountedEvent&)>& on_event);

    std::set<int> partition_years_;  // years known to have a ledger partition
};

}  // namespace lingyan::storage
