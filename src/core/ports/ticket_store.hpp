#pragma once
// The storage port of the tickets module: tickets and their event log (the timeline), the scope
// rows that let "my tasks" and the supervision board be answered by one indexed range per page,
// meetings and 议事堂 records, the colour rules, the reds per unit, and the in-app notifications.
// Implemented by storage/sql/ticket_store over the Store's connection, so writes join the
// transaction opened with Store::Begin(). Throws storage::StoreError when the database fails.
// Used by one thread at a time (the app layer serializes access with the store mutex).

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/tickets/ticket.hpp"

namespace lingyan::core::ports {

using roster::Id;

// One entry of a ticket's timeline; never changed once written.
struct TicketEvent {
    Id id = 0;
    Id ticket_id = 0;
    std::string at;       // ISO 8601 UTC
    std::string on_date;  // the working day it counts for (YYYY-MM-DD)
    std::string user;     // username, "" for the system (colours)
    std::string action;   // an ActionName, or create, red, merged_from, split_into
    std::string from_state, to_state;
    std::string note;
    std::string detail;   // JSON text: the fields the action set
};

// Which scope rows a ticket has: for every ancestor (and itself, and the virtual root 0) of
//   kVisible — its subject, office and handling units;
//   kHandler — its handling unit;
//   kOffice  — its office unit.
enum class ScopeKind { kVisible, kHandler, kOffice };

struct ScopeRow {
    Id unit_id = 0;  // 0 = the whole deployment (admin)
    ScopeKind kind = ScopeKind::kVisible;
};

// A page of tickets: by a scope unit and kind, or those a user raised.
struct TicketFilter {
    ScopeKind kind = ScopeKind::kVisible;
    Id unit_id = 0;
    Id raised_by = 0;  // > 0: the tickets this user raised (unit_id and kind ignored)
    std::optional<bool> open;
    std::optional<tickets::Party> waiting;   // only with open = true
    std::optional<tickets::Colour> colour;
    std::optional<tickets::State> state;
    std::optional<tickets::Source> source;
    Id source_id = 0;         // with source
    std::string q;            // title contains
    // Order: by_urgency — colour (red first), deadline, id; otherwise newest first.
    bool by_urgency = false;
    int limit = 20;
    std::int64_t offset = 0;
};

struct TicketPage {
    std::vector<tickets::Ticket> items;
    std::int64_t total = 0;
};

// The colours of the open, running tickets in a scope: count per colour rank (none, blue, yellow, red).
using ColourCounts = std::array<std::int64_t, 4>;

// The statistics of one handling unit, summed by the database over the tickets created in a period.
struct UnitStatRow {
    Id handler_unit_id = 0;
    std::int64_t received = 0, closed = 0, open = 0;
    std::int64_t late = 0;     // turned red, reported after the deadline, or running past it
    std::int64_t judged = 0;   // reported (or closed) with a deadline: on time or late
    std::int64_t on_time = 0;  // judged and not late
    std::int64_t called_back = 0, satisfied = 0, reopened = 0;
    std::int64_t close_days = 0;  // working days from assignment to closing, summed over closed tickets
};

// A colour change found by the daily recolouring.
struct ColourChange {
    Id ticket_id = 0;
    tickets::Colour colour = tickets::Colour::kNone;
    std::string red_on;
};

struct NotificationRecord {
    Id id = 0;
    Id user_id = 0;
    std::string kind;  // red, assigned, reported, verified, digest…
    std::string title;
    std::string body;
    Id ticket_id = 0;
    std::string created_at;
    std::string read_at;  // "" while unread
    Id project_id = 0;    // about a project (core/projects) instead of a ticket
};

// A ticket imported from a 12345 hotline export, by the hotline's 工单编号 (unique).
struct HotlineCall {
    std::string ref;
    Id ticket_id = 0;
    std::string called_at;  // "YYYY-MM-DD" or "YYYY-MM-DD HH:MM"
    std::string due_on;     // the hotline's 办理时限 (YYYY-MM-DD), "" when none
    std::string imported_at;
};

class TicketStore {
public:
    virtual ~TicketStore() = default;

    // Tickets. InsertTicket ignores t.id and returns the new one; UpdateTicket writes every column.
    virtual Id InsertTicket(const tickets::Ticket& t, const std::string& created_on) = 0;
    virtual void UpdateTicket(const tickets::Ticket& t) = 0;
    virtual std::optional<tickets::Ticket> FindTicket(Id id) = 0;
    // Replaces the ticket's scope rows; the rows carry its state, colour and deadline for ordering.
    virtual void SetScope(const tickets::Ticket& t, const std::vector<ScopeRow>& rows) = 0;
    virtual TicketPage ListTickets(const TicketFilter& filter) = 0;
    // Per colour, the open running tickets of `unit_id` by `kind` (waiting on the handler).
    virtual ColourCounts CountColours(ScopeKind kind, Id unit_id) = 0;
    // Every running ticket (for the daily recolouring).
    virtual std::vector<tickets::Ticket> ListRunning() = 0;
    // Writes changed colours (tickets and scope rows) in batches.
    virtual void UpdateColours(const std::vector<ColourChange>& changes) = 0;
    // Per handling unit, the statistics of the tickets handled by `handler_units` (a scope's
    // subtree; empty: every ticket) created in [from, to]; running tickets past their deadline on
    // `today` count as late.
    virtual std::vector<UnitStatRow> AggregateStats(const std::vector<Id>& handler_units, const std::string& from,
                                                    const std::string& to, const std::string& today) = 0;

    // The timeline.
    virtual void AppendEvent(const TicketEvent& e) = 0;
    virtual std::vector<TicketEvent> ListEvents(Id ticket_id) = 0;

    // Reds: one row each time a ticket turns red; counted per unit for the talk flag.
    virtual void InsertRed(Id ticket_id, Id unit_id, const std::string& on_date) = 0;
    virtual std::vector<std::pair<Id, std::int64_t>> CountRedsSince(const std::string& from) = 0;

    // Meetings and 议事堂 records.
    virtual Id InsertMeeting(const tickets::Meeting& m) = 0;
    virtual std::optional<tickets::Meeting> FindMeeting(Id id) = 0;
    virtual std::vector<tickets::Meeting> ListMeetings() = 0;  // newest first
    virtual Id InsertDeliberation(const tickets::Deliberation& d) = 0;
    virtual std::optional<tickets::Deliberation> FindDeliberation(Id id) = 0;
    virtual std::vector<tickets::Deliberation> ListDeliberations() = 0;  // newest first
    // Per meeting: items raised and items closed.
    virtual std::vector<std::array<std::int64_t, 3>> CountMeetingItems() = 0;  // {meeting id, items, closed}

    // The colour rules (defaults when never saved).
    virtual tickets::ColourRules LoadRules() = 0;
    virtual void SaveRules(const tickets::ColourRules& rules) = 0;

    // Hotline calls: which of `refs` were imported before (ref → ticket), one call, a ticket's call.
    virtual std::vector<std::pair<std::string, Id>> FindHotlineRefs(const std::vector<std::string>& refs) = 0;
    virtual void InsertHotlineCall(const HotlineCall& call) = 0;
    virtual std::optional<HotlineCall> FindHotlineCall(Id ticket_id) = 0;

    // Notifications.
    virtual Id InsertNotification(const NotificationRecord& n) = 0;
    virtual std::vector<NotificationRecord> ListNotifications(Id user_id, bool unread_only, int limit,
                                                              std::int64_t offset) = 0;
    virtual std::int64_t CountUnread(Id user_id) = 0;
    // Marks one (id > 0) or all of a user's notifications read; returns how many changed.
    virtual std::int64_t MarkRead(Id user_id, Id id, const std::string& at) = 0;
    // Whether a notification of `kind` about `ticket_id` was already sent to the user since `since`.
    virtual bool HasNotification(Id user_id, const std::string& kind, Id ticket_id, const std::string& since) = 0;
};

}  // namespace lingyan::core::ports
