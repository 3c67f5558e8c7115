#pragma once
// SqlTicketStore: core::ports::TicketStore over an SqlDb (SQLite or PostgreSQL), as a ModuleStore
// (storage/db/module_store.hpp: the SqlStore's connection and transaction).

#include "core/ports/ticket_store.hpp"
#include "storage/db/module_store.hpp"

namespace lingyan::storage {

class SqlTicketStore final : public core::ports::TicketStore, private ModuleStore {
public:
    using ModuleStore::ModuleStore;

    core::roster::Id InsertTicket(const core::tickets::Ticket& t, const std::string& created_on) override;
    void UpdateTicket(const core::tickets::Ticket& t) override;
    std::optional<core::tickets::Ticket> FindTicket(core::roster::Id id) override;
    void SetScope(const core::tickets::Ticket& t, const std::vector<core::ports::ScopeRow>& rows) override;
    core::ports::TicketPage ListTickets(const core::ports::TicketFilter& filter) override;
    core::ports::ColourCounts CountColours(core::ports::ScopeKind kind, core::roster::Id unit_id) override;
    std::vector<core::tickets::Ticket> ListRunning() override;
    void UpdateColours(const std::vector<core::ports::ColourChange>& changes) override;
    std::vector<core::ports::UnitStatRow> AggregateStats(const std::vector<core::roster::Id>& handler_units,
                                                         const std::string& from, const std::string& to,
                                                         const std::string& today) override;
    void AppendEvent(const core::ports::TicketEvent& e) override;
    std::vector<core::ports::TicketEvent> ListEvents(core::roster::Id ticket_id) override;
    void InsertRed(core::roster::Id ticket_id, core::roster::Id unit_id, const std::string& on_date) override;
    std::vector<std::pair<core::roster::Id, std::int64_t>> CountRedsSince(const std::string& from) override;
    core::roster::Id InsertMeeting(const core::tickets::Meeting& m) override;
    std::optional<core::tickets::Meeting> FindMeeting(core::roster::Id id) override;
    std::vector<core::tickets::Meeting> ListMeetings() override;
    core::roster::Id InsertDeliberation(const core::tickets::Deliberation& d) override;
    std::optional<core::tickets::Deliberation> FindDeliberation(core::roster::Id id) override;
    std::vector<core::tickets::Deliberation> ListDeliberations() override;
    std::vector<std::array<std::int64_t, 3>> CountMeetingItems() override;
    core::tickets::ColourRules LoadRules() override;
    void SaveRules(const core::tickets::ColourRules& rules) override;
    std::vector<std::pair<std::string, core::roster::Id>> FindHotlineRefs(
        const std::vector<std::string>& refs) override;
    void InsertHotlineCall(const core::ports::HotlineCall& call) override;
    std::optional<core::ports::HotlineCall> FindHotlineCall(core::roster::Id ticket_id) override;
    core::roster::Id InsertNotification(const core::ports::NotificationRecord& n) override;
    std::vector<core::ports::NotificationRecord> ListNotifications(core::roster::Id user_id, bool unread_only,
                                                                   int limit, std::int64_t offset) override;
    std::int64_t CountUnread(core::roster::Id user_id) override;
    std::int64_t MarkRead(core::roster::Id user_id, core::roster::Id id, const std::string& at) override;
    bool HasNotification(core::roster::Id user_id, const std::string& kind, core::roster::Id ticket_id,
                         const std::string& since) override;
};

}  // namespace lingyan::storage
