#include "storage/sql/ticket_store.hpp"

#include <algorithm>
#include <map>
#include <string>

#include "storage/db/batches.hpp"
#include "storage/db/list_column.hpp"
#include "storage/db/read_row.hpp"

namespace lingyan::storage {

namespace tickets = core::tickets;
namespace ports = core::ports;
using core::roster::Id;

namespace {

// The columns of a ticket, in the order TicketFrom reads them (t. prefixed where joined).
constexpr const char* kTicketColumns =
    "t.id, t.source, t.source_id, t.title, t.detail, t.category, t.priority, t.subject_unit_id, t.location, "
    "t.raised_by, t.raiser_name, t.raiser_phone, t.state, t.office_unit_id, t.handler_unit_id, t.leader, "
    "t.leader_user_id, t.allowed_days, t.assigned_on, t.deadline, t.signed_on, t.signed_late, t.last_note_on, "
    "t.reported_on, t.closed_on, t.days_to_close, t.colour, t.red_on, t.reopen_count, t.send_back_count, t.satisfied, "
    "t.extension_days, t.extension_reason, t.merged_into, t.created_at, t.updated_at";

constexpr const char* kInsertTicket =
    "INSERT INTO tickets (source, source_id, title, detail, category, priority, subject_unit_id, location, "
    "raised_by, raiser_name, raiser_phone, state, office_unit_id, handler_unit_id, leader, leader_user_id, "
    "allowed_days, assigned_on, deadline, signed_on, signed_late, last_note_on, reported_on, closed_on, days_to_close, "
    "colour, "
    "red_on, reopen_count, send_back_count, satisfied, extension_days, extension_reason, merged_into, created_on, "
    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdateTicket =
    "UPDATE tickets SET source = ?, source_id = ?, title = ?, detail = ?, category = ?, priority = ?, "
    "subject_unit_id = ?, location = ?, raised_by = ?, raiser_name = ?, raiser_phone = ?, state = ?, "
    "office_unit_id = ?, handler_unit_id = ?, leader = ?, leader_user_id = ?, allowed_days = ?, assigned_on = ?, "
    "deadline = ?, signed_on = ?, signed_late = ?, last_note_on = ?, reported_on = ?, closed_on = ?, days_to_close = "
    "?, colour = ?, "
    "red_on = ?, reopen_count = ?, send_back_count = ?, satisfied = ?, extension_days = ?, extension_reason = ?, "
    "merged_into = ?, updated_at = ? WHERE id = ?";
constexpr const char* kDeleteScope = "DELETE FROM ticket_scope WHERE ticket_id = ?";
constexpr const char* kInsertScope =
    "INSERT INTO ticket_scope (unit_id, kind, ticket_id, open, waiting, urgency, deadline) VALUES ";
constexpr const char* kCountColours =
    "SELECT urgency, COUNT(*) FROM ticket_scope WHERE unit_id = ? AND kind = ? AND open = 1 AND waiting = 2 "
    "GROUP BY urgency";
constexpr const char* kSelectRunning = "FROM tickets t WHERE t.state IN ('assigned', 'signed', 'in_progress')";
#define LATE                                                                                           \
    "(t.red_on <> '' OR (t.reported_on <> '' AND t.deadline <> '' AND t.reported_on > t.deadline) OR " \
    "(t.state IN ('assigned', 'signed', 'in_progress') AND t.deadline <> '' AND t.deadline < ?))"
#define JUDGED "((t.reported_on <> '' OR t.closed_on <> '') AND t.deadline <> '')"
// Per handling unit, summed in the database (the conditions follow app/tickets statistics).
constexpr const char* kAggregateStats =
    "SELECT t.handler_unit_id, COUNT(*), "
    "SUM(CASE WHEN t.state = 'closed' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN t.state NOT IN ('closed', 'merged', 'split') THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN " LATE
    " THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN " JUDGED
    " THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN " JUDGED " AND NOT (" LATE
    ") THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN t.satisfied IS NOT NULL THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN t.satisfied = 1 THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN t.reopen_count > 0 THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN t.state = 'closed' THEN t.days_to_close ELSE 0 END) "
    "FROM tickets t WHERE t.created_on >= ? AND t.created_on <= ?";  // + the handling units, GROUP BY
constexpr const char* kInsertTicketEvent =
    "INSERT INTO ticket_events (ticket_id, at, on_date, username, action, from_state, to_state, note, detail) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kSelectTicketEvents =
    "SELECT id, ticket_id, at, on_date, username, action, from_state, to_state, note, detail FROM ticket_events "
    "WHERE ticket_id = ? ORDER BY id";
constexpr const char* kInsertRed = "INSERT INTO ticket_reds (ticket_id, unit_id, on_date) VALUES (?, ?, ?)";
constexpr const char* kCountRedsSince =
    "SELECT unit_id, COUNT(*) FROM ticket_reds WHERE on_date >= ? GROUP BY unit_id ORDER BY unit_id";
constexpr const char* kInsertMeeting =
    "INSERT INTO meetings (kind, title, held_on, unit_id, leaders, participants, minutes, created_by, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kSelectMeetings =
    "SELECT id, kind, title, held_on, unit_id, leaders, participants, minutes, created_by, created_at FROM meetings";
constexpr const char* kInsertDeliberation =
    "INSERT INTO deliberations (unit_id, topic, held_on, participants, decision, created_by, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kSelectDeliberations =
    "SELECT id, unit_id, topic, held_on, participants, decision, created_by, created_at FROM deliberations";
constexpr const char* kCountMeetingItems =
    "SELECT source_id, COUNT(*), SUM(CASE WHEN state = 'closed' THEN 1 ELSE 0 END) FROM tickets "
    "WHERE source = 'meeting' GROUP BY source_id";
constexpr const char* kInsertHotlineCall =
    "INSERT INTO hotline_calls (ref, ticket_id, called_at, due_on, imported_at) VALUES (?, ?, ?, ?, ?)";
constexpr const char* kSelectHotlineCall =
    "SELECT ref, ticket_id, called_at, due_on, imported_at FROM hotline_calls WHERE ticket_id = ?";
constexpr const char* kSelectSettings = "SELECT name, value FROM ticket_settings";
constexpr const char* kDeleteSetting = "DELETE FROM ticket_settings WHERE name = ?";
constexpr const char* kInsertSetting = "INSERT INTO ticket_settings (name, value) VALUES (?, ?)";
constexpr const char* kInsertNotification =
    "INSERT INTO notifications (user_id, kind, title, body, ticket_id, created_at, project_id) VALUES (?, ?, ?, ?, ?, "
    "?, ?) "
    "RETURNING id";
constexpr const char* kSelectNotifications =
    "SELECT id, user_id, kind, title, body, ticket_id, created_at, read_at, project_id FROM notifications WHERE "
    "user_id = ?";
constexpr const char* kCountUnread = "SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at = ''";
constexpr const char* kMarkOneRead =
    "UPDATE notifications SET read_at = ? WHERE user_id = ? AND id = ? AND read_at = '' RETURNING id";
constexpr const char* kMarkAllRead =
    "UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at = '' RETURNING id";
constexpr const char* kHasTicketNotification =
    "SELECT 1 FROM notifications WHERE user_id = ? AND kind = ? AND ticket_id = ? AND created_at >= ? LIMIT 1";

std::int64_t Waiting(tickets::State s) {
    auto w = tickets::WaitingOn(s);
    if (!w) return 0;
    return *w == tickets::Party::kOffice ? 1 : 2;
}

std::int64_t Urgency(tickets::Colour c) { return 3 - static_cast<std::int64_t>(c); }

std::vector<SqlValue> TicketValues(const tickets::Ticket& t) {
    SqlValue satisfied = t.satisfied ? SqlValue{std::int64_t{*t.satisfied ? 1 : 0}} : SqlValue{};
    return {std::string(tickets::SourceName(t.source)),
            t.source_id,
            t.title,
            t.detail,
            t.category,
            std::string(tickets::PriorityName(t.priority)),
            t.subject_unit_id,
            t.location,
            t.raised_by,
            t.raiser_name,
            t.raiser_phone,
            std::string(tickets::StateName(t.state)),
            t.office_unit_id,
            t.handler_unit_id,
            t.leader,
            t.leader_user_id,
            std::int64_t{t.allowed_days},
            t.assigned_on,
            t.deadline,
            t.signed_on,
            std::int64_t{t.signed_late ? 1 : 0},
            t.last_note_on,
            t.reported_on,
            t.closed_on,
            std::int64_t{t.days_to_close},
            static_cast<std::int64_t>(t.colour),
            t.red_on,
            std::int64_t{t.reopen_count},
            std::int64_t{t.send_back_count},
            satisfied,
            std::int64_t{t.extension_days},
            t.extension_reason,
            t.merged_into};
}

tickets::Ticket TicketFrom(const SqlRow& r) {
    tickets::Ticket t;
    std::int64_t colour = 0;
    ReadRow(r, t.id, Named(t.source, tickets::SourceFromName, tickets::Source::kMinqing), t.source_id, t.title,
            t.detail, t.category, Named(t.priority, tickets::PriorityFromName, tickets::Priority::kNormal),
            t.subject_unit_id, t.location, t.raised_by, t.raiser_name, t.raiser_phone,
            Named(t.state, tickets::StateFromName, tickets::State::kRegistered), t.office_unit_id, t.handler_unit_id,
            t.leader, t.leader_user_id, t.allowed_days, t.assigned_on, t.deadline, t.signed_on, t.signed_late,
            t.last_note_on, t.reported_on, t.closed_on, t.days_to_close, colour, t.red_on, t.reopen_count,
            t.send_back_count, t.satisfied, t.extension_days, t.extension_reason, t.merged_into, t.created_at,
            t.updated_at);
    t.colour = static_cast<tickets::Colour>(colour & 3);
    return t;
}

tickets::Meeting MeetingFrom(const SqlRow& r) {
    tickets::Meeting m;
    std::string leaders, participants;
    ReadRow(r, m.id, Named(m.kind, tickets::MeetingKindFromName, tickets::MeetingKind::kWorkMeeting), m.title,
            m.held_on, m.unit_id, leaders, participants, m.minutes, m.created_by, m.created_at);
    m.leaders = SplitColumn(leaders, '\n');
    m.participants = SplitColumn(participants, '\n');
    return m;
}

tickets::Deliberation DeliberationFrom(const SqlRow& r) {
    tickets::Deliberation d;
    std::string participants;
    ReadRow(r, d.id, d.unit_id, d.topic, d.held_on, participants, d.decision, d.created_by, d.created_at);
    d.participants = SplitColumn(participants, '\n');
    return d;
}

ports::NotificationRecord NotificationFrom(const SqlRow& r) { return RowAs<ports::NotificationRecord>(r); }

struct Setting {
    const char* name;
    int tickets::ColourRules::*field;
};
constexpr Setting kSettings[] = {{"blue_days_left", &tickets::ColourRules::blue_days_left},
                                 {"yellow_numerator", &tickets::ColourRules::yellow_numerator},
                                 {"yellow_denominator", &tickets::ColourRules::yellow_denominator},
                                 {"talk_reds", &tickets::ColourRules::talk_reds},
                                 {"talk_period_months", &tickets::ColourRules::talk_period_months}};

}  // namespace

Id SqlTicketStore::InsertTicket(const tickets::Ticket& t, const std::string& created_on) {
    auto values = TicketValues(t);
    values.push_back(created_on);
    values.push_back(t.created_at);
    values.push_back(t.updated_at);
    return ReturnedId(db_.Query(kInsertTicket, values));
}

void SqlTicketStore::UpdateTicket(const tickets::Ticket& t) {
    auto values = TicketValues(t);
    values.push_back(t.updated_at);
    values.push_back(t.id);
    db_.Query(kUpdateTicket, values);
}

std::optional<tickets::Ticket> SqlTicketStore::FindTicket(Id id) {
    return FirstRowWith(db_.Query(std::string("SELECT ") + kTicketColumns + " FROM tickets t WHERE t.id = ?", {id}),
                        TicketFrom);
}

void SqlTicketStore::SetScope(const tickets::Ticket& t, const std::vector<ports::ScopeRow>& rows) {
    db_.Query(kDeleteScope, {t.id});
    const std::int64_t open = tickets::IsOpen(t.state) ? 1 : 0;
    const std::int64_t waiting = Waiting(t.state);
    if (rows.empty()) return;
    // One statement for all of the ticket's rows (a unit and each of its ancestors: a handful).
    std::vector<SqlValue> params;
    params.reserve(rows.size() * 7);
    for (const auto& row : rows)
        for (SqlValue v : {SqlValue{row.unit_id}, SqlValue{static_cast<std::int64_t>(row.kind)}, SqlValue{t.id},
                           SqlValue{open}, SqlValue{waiting}, SqlValue{Urgency(t.colour)}, SqlValue{t.deadline}})
            params.push_back(std::move(v));
    db_.Query(kInsertScope + ValuesRows(rows.size(), 7), params);
}

ports::TicketPage SqlTicketStore::ListTickets(const ports::TicketFilter& f) {
    std::string from, where;
    std::vector<SqlValue> params;
    if (f.raised_by > 0) {
        from = " FROM tickets t";
        where = " WHERE t.raised_by = ?";
        params.push_back(f.raised_by);
        if (f.open)
            where += *f.open ? " AND t.state NOT IN ('closed', 'merged', 'split')"
                             : " AND t.state IN ('closed', 'merged', 'split')";
    } else {
        from = " FROM ticket_scope s JOIN tickets t ON t.id = s.ticket_id";
        where = " WHERE s.unit_id = ? AND s.kind = ?";
        params.push_back(f.unit_id);
        params.push_back(static_cast<std::int64_t>(f.kind));
        if (f.open) {
            where += " AND s.open = ?";
            params.push_back(std::int64_t{*f.open ? 1 : 0});
        }
        if (f.waiting) {
            where += " AND s.waiting = ?";
            params.push_back(std::int64_t{*f.waiting == tickets::Party::kOffice ? 1 : 2});
        }
        if (f.colour) {
            where += " AND s.urgency = ?";
            params.push_back(Urgency(*f.colour));
        }
    }
    if (f.raised_by > 0 && f.colour) {
        where += " AND t.colour = ?";
        params.push_back(static_cast<std::int64_t>(*f.colour));
    }
    if (f.state) {
        where += " AND t.state = ?";
        params.push_back(std::string(tickets::StateName(*f.state)));
    }
    if (f.source) {
        where += " AND t.source = ?";
        params.push_back(std::string(tickets::SourceName(*f.source)));
        if (f.source_id > 0) {
            where += " AND t.source_id = ?";
            params.push_back(f.source_id);
        }
    }
    if (!f.q.empty()) {
        where += db_.dialect() == Dialect::kSqlite ? " AND instr(t.title, ?) > 0" : " AND strpos(t.title, ?) > 0";
        params.push_back(f.q);
    }
    ports::TicketPage page;
    // Every scope row has its ticket: without a condition on the ticket, the count is one index range.
    const bool on_tickets = f.raised_by > 0 || f.state || f.source || !f.q.empty();
    const std::string count_from = on_tickets ? from : " FROM ticket_scope s";
    page.total = ReturnedId(db_.Query("SELECT COUNT(*)" + count_from + where, params));
    std::string order;
    if (f.raised_by > 0)
        order = f.by_urgency ? " ORDER BY t.colour DESC, t.deadline, t.id" : " ORDER BY t.id DESC";
    else
        order = f.by_urgency ? " ORDER BY s.urgency, s.deadline, s.ticket_id" : " ORDER BY s.ticket_id DESC";
    params.push_back(std::int64_t{f.limit});
    params.push_back(f.offset);
    for (const auto& r :
         db_.Query(std::string("SELECT ") + kTicketColumns + from + where + order + " LIMIT ? OFFSET ?", params))
        page.items.push_back(TicketFrom(r));
    return page;
}

ports::ColourCounts SqlTicketStore::CountColours(ports::ScopeKind kind, Id unit_id) {
    ports::ColourCounts counts{};
    for (const auto& r : db_.Query(kCountColours, {unit_id, static_cast<std::int64_t>(kind)})) {
        const auto urgency = AsInt(r[0]);
        if (urgency >= 0 && urgency <= 3) counts[static_cast<std::size_t>(3 - urgency)] = AsInt(r[1]);
    }
    return counts;
}

std::vector<tickets::Ticket> SqlTicketStore::ListRunning() {
    return RowsWith(db_.Query(std::string("SELECT ") + kTicketColumns + " " + kSelectRunning), TicketFrom);
}

void SqlTicketStore::UpdateColours(const std::vector<ports::ColourChange>& changes) {
    // Batches of ids per statement (one round trip each on PostgreSQL): the colour of the tickets
    // and of their scope rows per colour, and red_on (only where still empty) per day.
    constexpr std::size_t kBatch = 500;
    auto in_batches = [&](const std::string& head, const char* id_column, const std::string& tail,
                          const SqlValue& value, const std::vector<Id>& ids) {
        ForEachBatch(ids, kBatch, [&](const std::string& in, std::vector<SqlValue> params) {
            params.insert(params.begin(), value);
            db_.Query(head + " WHERE " + id_column + " IN " + in + tail, params);
        });
    };
    std::map<std::string, std::vector<Id>> red_on;
    for (int colour = 0; colour < 4; ++colour) {
        std::vector<Id> ids;
        for (const auto& c : changes)
            if (static_cast<int>(c.colour) == colour) ids.push_back(c.ticket_id);
        in_batches("UPDATE tickets SET colour = ?", "id", "", std::int64_t{colour}, ids);
        in_batches("UPDATE ticket_scope SET urgency = ?", "ticket_id", "", std::int64_t{3 - colour}, ids);
    }
    for (const auto& c : changes)
        if (!c.red_on.empty()) red_on[c.red_on].push_back(c.ticket_id);
    for (const auto& [day, ids] : red_on)
        in_batches("UPDATE tickets SET red_on = ?", "id", " AND red_on = ''", day, ids);
}

std::vector<ports::UnitStatRow> SqlTicketStore::AggregateStats(const std::vector<Id>& handler_units,
                                                               const std::string& from, const std::string& to,
                                                               const std::string& today) {
    // The tickets_stats index covers every column read: a unit's tickets of the year are one index
    // range. Units go in batches (each batch's groups are whole: the groups are the units).
    constexpr std::size_t kBatch = 500;
    std::vector<ports::UnitStatRow> out;
    const std::string group = " GROUP BY t.handler_unit_id";
    // LATE appears twice, each with one parameter (today); the period follows.
    const std::vector<SqlValue> head{today, today, from, to};
    if (handler_units.empty()) {
        for (const auto& r : db_.Query(kAggregateStats + group, head)) out.push_back(RowAs<ports::UnitStatRow>(r));
        return out;
    }
    ForEachBatch(handler_units, kBatch, [&](const std::string& in, std::vector<SqlValue> units) {
        auto params = head;
        params.insert(params.end(), units.begin(), units.end());
        for (const auto& r : db_.Query(kAggregateStats + (" AND t.handler_unit_id IN " + in) + group, params))
            out.push_back(RowAs<ports::UnitStatRow>(r));
    });
    return out;
}

void SqlTicketStore::AppendEvent(const ports::TicketEvent& e) {
    db_.Query(kInsertTicketEvent,
              {e.ticket_id, e.at, e.on_date, e.user, e.action, e.from_state, e.to_state, e.note, e.detail});
}

std::vector<ports::TicketEvent> SqlTicketStore::ListEvents(Id ticket_id) {
    return RowsAs<ports::TicketEvent>(db_.Query(kSelectTicketEvents, {ticket_id}));
}

void SqlTicketStore::InsertRed(Id ticket_id, Id unit_id, const std::string& on_date) {
    db_.Query(kInsertRed, {ticket_id, unit_id, on_date});
}

std::vector<std::pair<Id, std::int64_t>> SqlTicketStore::CountRedsSince(const std::string& from) {
    std::vector<std::pair<Id, std::int64_t>> out;
    for (const auto& r : db_.Query(kCountRedsSince, {from})) out.emplace_back(AsInt(r[0]), AsInt(r[1]));
    return out;
}

Id SqlTicketStore::InsertMeeting(const tickets::Meeting& m) {
    return ReturnedId(db_.Query(
        kInsertMeeting,
        {std::string(tickets::MeetingKindName(m.kind)), m.title, m.held_on, m.unit_id, JoinColumn(m.leaders, '\n'),
         JoinColumn(m.participants, '\n'), m.minutes, m.created_by, m.created_at}));
}

std::optional<tickets::Meeting> SqlTicketStore::FindMeeting(Id id) {
    return FirstRowWith(db_.Query(std::string(kSelectMeetings) + " WHERE id = ?", {id}), MeetingFrom);
}

std::vector<tickets::Meeting> SqlTicketStore::ListMeetings() {
    return RowsWith(db_.Query(std::string(kSelectMeetings) + " ORDER BY held_on DESC, id DESC"), MeetingFrom);
}

Id SqlTicketStore::InsertDeliberation(const tickets::Deliberation& d) {
    return ReturnedId(db_.Query(kInsertDeliberation, {d.unit_id, d.topic, d.held_on, JoinColumn(d.participants, '\n'),
                                                      d.decision, d.created_by, d.created_at}));
}

std::optional<tickets::Deliberation> SqlTicketStore::FindDeliberation(Id id) {
    return FirstRowWith(db_.Query(std::string(kSelectDeliberations) + " WHERE id = ?", {id}), DeliberationFrom);
}

std::vector<tickets::Deliberation> SqlTicketStore::ListDeliberations() {
    return RowsWith(db_.Query(std::string(kSelectDeliberations) + " ORDER BY held_on DESC, id DESC"), DeliberationFrom);
}

std::vector<std::array<std::int64_t, 3>> SqlTicketStore::CountMeetingItems() {
    std::vector<std::array<std::int64_t, 3>> out;
    for (const auto& r : db_.Query(kCountMeetingItems)) out.push_back({AsInt(r[0]), AsInt(r[1]), AsInt(r[2])});
    return out;
}

tickets::ColourRules SqlTicketStore::LoadRules() {
    tickets::ColourRules rules;
    for (const auto& r : db_.Query(kSelectSettings)) {
        const auto name = AsText(r[0]);
        for (const auto& s : kSettings)
            if (name == s.name) rules.*(s.field) = static_cast<int>(AsInt(r[1]));
    }
    return rules;
}

void SqlTicketStore::SaveRules(const tickets::ColourRules& rules) {
    for (const auto& s : kSettings) {
        db_.Query(kDeleteSetting, {std::string(s.name)});
        db_.Query(kInsertSetting, {std::string(s.name), std::int64_t{rules.*(s.field)}});
    }
}

std::vector<std::pair<std::string, Id>> SqlTicketStore::FindHotlineRefs(const std::vector<std::string>& refs) {
    constexpr std::size_t kBatch = 200;  // parameters per statement, well below both backends' limits
    std::vector<std::pair<std::string, Id>> out;
    ForEachBatch(refs, kBatch, [&](const std::string& in, const std::vector<SqlValue>& params) {
        for (const auto& r : db_.Query("SELECT ref, ticket_id FROM hotline_calls WHERE ref IN " + in, params))
            out.emplace_back(AsText(r[0]), AsInt(r[1]));
    });
    return out;
}

void SqlTicketStore::InsertHotlineCall(const ports::HotlineCall& call) {
    db_.Query(kInsertHotlineCall, {call.ref, call.ticket_id, call.called_at, call.due_on, call.imported_at});
}

std::optional<ports::HotlineCall> SqlTicketStore::FindHotlineCall(Id ticket_id) {
    auto rows = db_.Query(kSelectHotlineCall, {ticket_id});
    if (rows.empty()) return std::nullopt;
    return ports::HotlineCall{AsText(rows[0][0]), AsInt(rows[0][1]), AsText(rows[0][2]), AsText(rows[0][3]),
                              AsText(rows[0][4])};
}

Id SqlTicketStore::InsertNotification(const ports::NotificationRecord& n) {
    return ReturnedId(
        db_.Query(kInsertNotification, {n.user_id, n.kind, n.title, n.body, n.ticket_id, n.created_at, n.project_id}));
}

std::vector<ports::NotificationRecord> SqlTicketStore::ListNotifications(Id user_id, bool unread_only, int limit,
                                                                         std::int64_t offset) {
    std::string sql = kSelectNotifications;
    if (unread_only) sql += " AND read_at = ''";
    sql += " ORDER BY id DESC LIMIT ? OFFSET ?";
    return RowsWith(db_.Query(sql, {user_id, std::int64_t{limit}, offset}), NotificationFrom);
}

std::int64_t SqlTicketStore::CountUnread(Id user_id) { return ReturnedId(db_.Query(kCountUnread, {user_id})); }

std::int64_t SqlTicketStore::MarkRead(Id user_id, Id id, const std::string& at) {
    if (id > 0) return static_cast<std::int64_t>(db_.Query(kMarkOneRead, {at, user_id, id}).size());
    return static_cast<std::int64_t>(db_.Query(kMarkAllRead, {at, user_id}).size());
}

bool SqlTicketStore::HasNotification(Id user_id, const std::string& kind, Id ticket_id, const std::string& since) {
    return !db_.Query(kHasTicketNotification, {user_id, kind, ticket_id, since}).empty();
}

}  // namespace lingyan::storage
