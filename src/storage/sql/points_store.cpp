#include "storage/sql/points_store.hpp"

#include <algorithm>
#include <charconv>
#include <exception>
#include <map>
#include <string_view>
#include <thread>

#include "core/common/date.hpp"
#include "storage/db/batches.hpp"
#include "storage/db/list_column.hpp"
#include "storage/db/read_row.hpp"

namespace lingyan::storage {

namespace ports = core::ports;

namespace points = core::points;

namespace {

constexpr const char* kSelectRules =
    "SELECT id, code, name, category, points, cap, needs_approval, evidence, active FROM points_rules ORDER BY id";
constexpr const char* kInsertRule =
    "INSERT INTO points_rules (code, name, category, points, cap, needs_approval, evidence, active) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdateRule =
    "UPDATE points_rules SET code = ?, name = ?, category = ?, points = ?, cap = ?, needs_approval = ?, evidence = ?, "
    "active = ? WHERE id = ?";

constexpr const char* kSelectPeriods =
    "SELECT id, name, day_from, day_to, stars, base_points, zeroing_rules, publicity_days, grades, closed "
    "FROM points_periods ORDER BY day_from, id";
constexpr const char* kInsertPeriod =
    "INSERT INTO points_periods (name, day_from, day_to, stars, base_points, zeroing_rules, publicity_days, grades, "
    "closed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdatePeriod =
    "UPDATE points_periods SET name = ?, day_from = ?, day_to = ?, stars = ?, base_points = ?, zeroing_rules = ?, "
    "publicity_days = ?, grades = ?, closed = ? WHERE id = ?";

#define LINGYAN_SELECT_MEMBERS \
    "SELECT id, unit_id, name, person_id, user_id, ended_on, register_pending FROM points_members "
constexpr const char* kSelectMembers = LINGYAN_SELECT_MEMBERS "ORDER BY id";
constexpr const char* kMemberOfPerson = LINGYAN_SELECT_MEMBERS "WHERE person_id = ? ORDER BY id DESC LIMIT 1";
constexpr const char* kMembersIn = LINGYAN_SELECT_MEMBERS "WHERE id IN ";
#undef LINGYAN_SELECT_MEMBERS
constexpr const char* kInsertMember =
    "INSERT INTO points_members (unit_id, name, person_id, user_id, ended_on, register_pending) "
    "VALUES (?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdateMember =
    "UPDATE points_members SET unit_id = ?, name = ?, person_id = ?, user_id = ?, ended_on = ?, register_pending = ? "
    "WHERE id = ?";

constexpr const char* kEventColumns =
    "SELECT id, member_id, rule_id, day, quantity, note, status, submitted_by, submitted_at, decided_by, decided_at, "
    "reason, reverses FROM points_events";
constexpr const char* kInsertEvents =  // + one "(?, …)" of 12 values per event
    "INSERT INTO points_events (member_id, rule_id, day, quantity, note, status, submitted_by, submitted_at, "
    "decided_by, decided_at, reason, reverses) VALUES ";
constexpr const char* kDecideEvent =
    "UPDATE points_events SET status = ?, decided_by = ?, decided_at = ?, reason = ? "
    "WHERE id = ? AND status = 'pending' RETURNING member_id";
// The pending declarations kept per unit (migration 91): every change to a pending event or to a
// member's unit or membership moves them in the same statement sequence (the caller's transaction).
// `delta` goes to the member's unit unless its membership has ended (ended members are in no queue).
constexpr const char* kAddPendingOfMember =
    "INSERT INTO points_pending_units (unit_id, pending) SELECT unit_id, CAST(? AS BIGINT) FROM points_members "
    "WHERE id = ? AND ended_on = '' ON CONFLICT (unit_id) DO UPDATE SET pending = points_pending_units.pending + "
    "excluded.pending";
constexpr const char* kAddPendingOfUnit =
    "INSERT INTO points_pending_units (unit_id, pending) VALUES (?, ?) ON CONFLICT (unit_id) DO UPDATE SET "
    "pending = points_pending_units.pending + excluded.pending";
constexpr const char* kMemberPending = "SELECT COUNT(*) FROM points_events WHERE member_id = ? AND status = 'pending'";
// The approvals queue by unit (migration 99): the pending declarations of current members, kept in
// the same transactions as the counts above (QueuePendingStatement).
constexpr const char* kMemberPendingIds = "SELECT id FROM points_events WHERE member_id = ? AND status = 'pending'";
constexpr const char* kDequeue = "DELETE FROM points_pending_queue WHERE event_id = ?";
constexpr const char* kMemberPlace = "SELECT unit_id, ended_on FROM points_members WHERE id = ?";
constexpr const char* kSelectReversal = "SELECT id FROM points_events WHERE reverses = ?";
// Ledger queries filtered in the database (indexes points_events_status_day and
// points_events_status_decided, points_members_unit); the unit list is appended as "IN (?, …)".
// Three columns of the period's partition in no order (a sequential scan, in parallel on
// PostgreSQL). Not grouped in SQL: at province scale a member has few events per rule and
// quantity (4.1 M groups of 6.8 M events at scale 0.1), so grouping cost more than it saved
// (docs/postgresql-plans.md).
constexpr const char* kCountedEvents =
    "SELECT member_id, rule_id, quantity FROM points_events WHERE status = 'approved' AND day BETWEEN ? AND ?";
// The bytes of the ledger's largest partition, and of a block (PostgreSQL).
constexpr const char* kLedgerSize =
    "SELECT COALESCE(MAX(pg_relation_size(inhrelid)), 0), current_setting('block_size')::bigint "
    "FROM pg_inherits WHERE inhparent = 'points_events'::regclass";
constexpr const char* kScopedEventColumns =
    "SELECT e.id, e.member_id, e.rule_id, e.day, e.quantity, e.note, e.status, e.submitted_by, e.submitted_at, "
    "e.decided_by, e.decided_at, e.reason, e.reverses FROM points_events e";
constexpr const char* kCountScopedEvents = "SELECT COUNT(*) FROM points_events e";
// The first and last day of a pending declaration (index points_events_pending_day). Without
// parameters: PostgreSQL's generic plan for "day < $1" chose a scan of the whole ledger at scale 1.0.
// None pending: a first day after any period and a last day before any.
constexpr const char* kPendingDays =
    "SELECT COALESCE(MIN(day), 2147483647), COALESCE(MAX(day), -2147483647) FROM points_events "
    "WHERE status = 'pending'";
constexpr const char* kSumPendingUnits = "SELECT CAST(COALESCE(SUM(pending), 0) AS BIGINT) FROM points_pending_units";
constexpr const char* kJoinMembers = " JOIN points_members m ON m.id = e.member_id";
constexpr const char* kPendingWhere = " WHERE e.status = 'pending' AND e.day BETWEEN ? AND ?";
constexpr const char* kPendingOrder = " ORDER BY e.id LIMIT ? OFFSET ?";
constexpr const char* kDecidedWhere = " WHERE e.status = 'approved' AND e.decided_at >= ? AND e.day BETWEEN ? AND ?";
constexpr const char* kDecidedOrder = " ORDER BY e.decided_at DESC, e.id DESC LIMIT ?";

// " AND m.unit_id IN (?, …)" for a non-empty unit list, " AND m.name LIKE ?" for a name filter,
// and only members whose membership has not ended; the values appended to `params`.
std::string ScopeFilter(const ports::PointsEventScope& scope, std::vector<SqlValue>& params) {
    std::string sql = " AND m.ended_on = ''";
    if (!scope.unit_ids.empty()) {
        sql += " AND m.unit_id IN " + InList(scope.unit_ids, params);
    }
    if (!scope.name.empty()) {
        std::string pattern = "%";
        for (const char c : scope.name) {
            if (c == '!' || c == '%' || c == '_') pattern += '!';
            pattern += c;
        }
        params.emplace_back(pattern + "%");
        sql += " AND m.name LIKE ? ESCAPE '!'";
    }
    return sql;
}

ports::PointsEventRecord EventFromRow(const SqlRow& r) {
    ports::PointsEventRecord e;
    std::int64_t date = 0;
    ReadRow(r, e.id, e.member_id, e.rule_id, date, e.quantity, e.note,
            Named(e.status, points::EventStatusFromName, points::EventStatus::kPending), e.submitted_by, e.submitted_at,
            e.decided_by, e.decided_at, e.reason, e.reverses);
    e.date = static_cast<points::Day>(date);
    return e;
}

// Runs `fn` in a read-only REPEATABLE READ transaction (PostgreSQL) — of the exported `snapshot`
// when one is named —, rolled back at the end (a commit would count as a write).
void InReadSnapshot(SqlDb& db, const std::string& snapshot, const std::function<void()>& fn) {
    db.Begin();
    try {
        db.ExecScript("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        if (!snapshot.empty()) db.ExecScript("SET TRANSACTION SNAPSHOT '" + snapshot + "'");
        fn();
    } catch (...) {
        try {
            db.Rollback();
        } catch (const std::exception&) {
            // The connection failed: the first error is the one to report.
        }
        throw;
    }
    db.Rollback();
}

}  // namespace

std::vector<ports::PointsRuleRecord> SqlPointsStore::ListRules() {
    std::vector<ports::PointsRuleRecord> out;
    for (const auto& r : db_.Query(kSelectRules)) {
        ports::PointsRuleRecord rec;
        auto& x = rec.rule;
        ReadRow(r, rec.id, x.code, x.name, x.category, x.points, x.cap, x.needs_approval, x.evidence, rec.active);
        out.push_back(std::move(rec));
    }
    return out;
}

ports::Id SqlPointsStore::InsertRule(const ports::PointsRuleRecord& r) {
    const auto& x = r.rule;
    return ReturnedId(
        db_.Query(kInsertRule, {x.code, x.name, x.category, x.points, x.cap ? SqlValue{*x.cap} : SqlValue{},
                                std::int64_t{x.needs_approval}, x.evidence, std::int64_t{r.active}}));
}

void SqlPointsStore::UpdateRule(const ports::PointsRuleRecord& r) {
    const auto& x = r.rule;
    db_.Query(kUpdateRule, {x.code, x.name, x.category, x.points, x.cap ? SqlValue{*x.cap} : SqlValue{},
                            std::int64_t{x.needs_approval}, x.evidence, std::int64_t{r.active}, r.id});
}

std::vector<ports::PointsPeriodRecord> SqlPointsStore::ListPeriods() {
    std::vector<ports::PointsPeriodRecord> out;
    for (const auto& r : db_.Query(kSelectPeriods)) {
        ports::PointsPeriodRecord p;
        std::int64_t from = 0, to = 0;
        std::string stars, zeroing, grades;
        ReadRow(r, p.id, p.name, from, to, stars, p.base_points, zeroing, p.publicity_days, grades, p.closed);
        p.period.from = static_cast<points::Day>(from);
        p.period.to = static_cast<points::Day>(to);
        p.stars.thresholds = SplitIntegers(stars);
        p.zeroing_rules = SplitColumn(zeroing, ',');
        p.grades = points::ParseGradeQuotas(grades).value_or(std::vector<points::GradeQuota>{});
        out.push_back(std::move(p));
    }
    return out;
}

namespace {
std::vector<SqlValue> PeriodParams(const ports::PointsPeriodRecord& p) {
    const std::string zeroing = JoinColumn(p.zeroing_rules, ',');
    return {p.name,
            std::int64_t{p.period.from},
            std::int64_t{p.period.to},
            JoinNumbers(p.stars.thresholds),
            p.base_points,
            zeroing,
            std::int64_t{p.publicity_days},
            points::FormatGradeQuotas(p.grades),
            std::int64_t{p.closed}};
}
}  // namespace

ports::Id SqlPointsStore::InsertPeriod(const ports::PointsPeriodRecord& p) {
    return ReturnedId(db_.Query(kInsertPeriod, PeriodParams(p)));
}

void SqlPointsStore::UpdatePeriod(const ports::PointsPeriodRecord& p) {
    auto params = PeriodParams(p);
    params.emplace_back(p.id);
    db_.Query(kUpdatePeriod, params);
}

std::vector<ports::PointsMemberRecord> SqlPointsStore::ListMembers() {
    // Streamed (COPY on PostgreSQL): a province's 4 M members are never one result in memory.
    std::vector<ports::PointsMemberRecord> out;
    db_.QueryEach(kSelectMembers, {}, [&](const SqlRow& r) { out.push_back(RowAs<ports::PointsMemberRecord>(r)); });
    return out;
}

bool SqlPointsStore::AnyRegistrationPending() {
    return !db_.Query("SELECT 1 FROM points_members WHERE register_pending <> 0 LIMIT 1").empty();
}

std::optional<ports::PointsMemberRecord> SqlPointsStore::FindMemberOfPerson(ports::Id person_id) {
    return FirstRowWith(db_.Query(kMemberOfPerson, {person_id}),
                        RowAs<ports::PointsMemberRecord>);
}

void SqlPointsStore::UpdateMember(const ports::PointsMemberRecord& m) {
    const auto before = db_.Query(kMemberPlace, {m.id});
    db_.Query(kUpdateMember, {m.unit_id, m.name, NullableId(m.person_id), NullableId(m.user_id), m.ended_on,
                              std::int64_t{m.register_pending}, m.id});
    if (before.empty()) return;
    const std::int64_t old_unit = AsInt(before[0][0]);
    const bool was_counted = AsText(before[0][1]).empty(), counted = m.ended_on.empty();
    if (old_unit == m.unit_id && was_counted == counted) return;
    // The member's pending declarations leave the old unit's count and join the new one's.
    const std::int64_t pending = AsInt(db_.Query(kMemberPending, {m.id}).at(0)[0]);
    if (pending == 0) return;
    if (was_counted) db_.Query(kAddPendingOfUnit, {old_unit, -pending});
    if (counted) db_.Query(kAddPendingOfUnit, {m.unit_id, pending});
    // And in the queue: moved with the member, out of it with the membership, back with it.
    const std::string ids = std::string(" WHERE event_id IN (") + kMemberPendingIds + ")";
    if (was_counted && counted)
        db_.Query(std::string("UPDATE points_pending_queue SET unit_id = ?") + ids, {m.unit_id, m.id});
    else if (was_counted)
        db_.Query(std::string("DELETE FROM points_pending_queue") + ids, {m.id});
    else if (counted)
        db_.Query(QueuePendingStatement("e.member_id = ?"), {m.id});
}

ports::Id SqlPointsStore::InsertMember(const ports::PointsMemberRecord& m) {
    return ReturnedId(db_.Query(kInsertMember, {m.unit_id, m.name, NullableId(m.person_id), NullableId(m.user_id),
                                                m.ended_on, std::int64_t{m.register_pending}}));
}

void SqlPointsStore::RequestLink(const ports::PointsLinkRequestRecord& r) {
    db_.Query("UPDATE points_members SET link_user_id = ?, link_requested_by = ?, link_requested_at = ? WHERE id = ?",
              {r.user_id, r.requested_by, r.requested_at, r.member_id});
}

std::vector<ports::PointsLinkRequestRecord> SqlPointsStore::ListLinkRequests(ports::Id user_id) {
    std::vector<ports::PointsLinkRequestRecord> out;
    for (const auto& r : db_.Query("SELECT id, link_requested_by, link_requested_at FROM points_members "
                                   "WHERE link_user_id = ? ORDER BY id",
                                   {user_id}))
        out.push_back({AsInt(r[0]), user_id, AsText(r[1]), AsText(r[2])});
    return out;
}

bool SqlPointsStore::AnswerLink(ports::Id member_id, ports::Id user_id, bool accept) {
    const char* sql =
        accept ? "UPDATE points_members SET user_id = link_user_id, link_user_id = NULL "
                 "WHERE id = ? AND link_user_id = ? AND user_id IS NULL RETURNING id"
               : "UPDATE points_members SET link_user_id = NULL WHERE id = ? AND link_user_id = ? RETURNING id";
    return !db_.Query(sql, {member_id, user_id}).empty();
}

std::vector<ports::PointsEventRecord> SqlPointsStore::ListEvents() {
    return RowsWith(db_.Query(std::string(kEventColumns) + " ORDER BY id"), EventFromRow);
}

std::optional<ports::PointsEventRecord> SqlPointsStore::FindEvent(ports::Id id) {
    return FirstRowWith(db_.Query(std::string(kEventColumns) + " WHERE id = ?", {id}), EventFromRow);
}

std::vector<ports::PointsEventRecord> SqlPointsStore::ListMemberEvents(ports::Id member_id) {
    return RowsWith(
        db_.Query(std::string(kEventColumns) + " WHERE member_id = ? ORDER BY day DESC, id DESC", {member_id}),
        EventFromRow);
}

namespace {
// The rows of `ids` read 512 at a time by `select` ("… WHERE id IN "), by id, each once (a list
// naming an id twice, or padded, finds it once per batch).
template <typename Record, typename FromRow>
std::vector<Record> FindByIds(SqlDb& db, const std::vector<ports::Id>& ids, const std::string& select, FromRow from_row) {
    std::vector<Record> out;
    ForEachPaddedBatch(ids, 512, [&](const std::string& in, const std::vector<SqlValue>& values) {
        for (auto& r : RowsWith(db.Query(select + in, values), from_row)) out.push_back(std::move(r));
    });
    const auto same = [](const auto& a, const auto& b) { return a.id == b.id; };
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    out.erase(std::unique(out.begin(), out.end(), same), out.end());
    return out;
}
}  // namespace

std::vector<ports::PointsEventRecord> SqlPointsStore::FindEvents(const std::vector<ports::Id>& ids) {
    return FindByIds<ports::PointsEventRecord>(db_, ids, std::string(kEventColumns) + " WHERE id IN ", EventFromRow);
}

std::vector<ports::PointsMemberRecord> SqlPointsStore::FindMembers(const std::vector<ports::Id>& ids) {
    return FindByIds<ports::PointsMemberRecord>(db_, ids, kMembersIn, RowAs<ports::PointsMemberRecord>);
}

std::optional<ports::LedgerHorizon> ParseLedgerHorizon(std::string_view text) {
    // pg_snapshot's text: "xmin:xmax:xip1,xip2,…" (the list may be empty).
    ports::LedgerHorizon h;
    const auto number = [](std::string_view t, std::int64_t& out) {
        const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), out);
        return ec == std::errc() && end == t.data() + t.size() && out >= 0;
    };
    const auto first = text.find(':');
    const auto second = first == std::string_view::npos ? first : text.find(':', first + 1);
    if (second == std::string_view::npos || text.back() == ',') return std::nullopt;
    if (!number(text.substr(0, first), h.xmin) || !number(text.substr(first + 1, second - first - 1), h.xmax) ||
        h.xmin > h.xmax)
        return std::nullopt;
    for (std::string_view rest = text.substr(second + 1); !rest.empty();) {
        const auto comma = rest.find(',');
        std::int64_t tx = 0;
        if (!number(rest.substr(0, comma), tx) || tx < h.xmin || tx >= h.xmax) return std::nullopt;
        h.in_progress.push_back(tx);
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
    std::sort(h.in_progress.begin(), h.in_progress.end());
    h.known = true;
    return h;
}

std::string QueuePendingStatement(std::string_view condition) {
    return "INSERT INTO points_pending_queue (event_id, unit_id, day) SELECT e.id, m.unit_id, e.day "
           "FROM points_events e JOIN points_members m ON m.id = e.member_id "
           "WHERE e.status = 'pending' AND m.ended_on = '' AND " +
           std::string(condition);
}

std::string FormatLedgerHorizon(const ports::LedgerHorizon& horizon) {
    std::string out = std::to_string(horizon.xmin) + ":" + std::to_string(horizon.xmax) + ":";
    for (std::size_t i = 0; i < horizon.in_progress.size(); ++i)
        out += (i ? "," : "") + std::to_string(horizon.in_progress[i]);
    return out;
}

namespace {

ports::LedgerHorizon HorizonOf(const std::string& snapshot) {
    const auto horizon = ParseLedgerHorizon(snapshot);
    if (!horizon) throw StoreError("PostgreSQL: 无法读懂快照 " + snapshot);
    return *horizon;
}

}  // namespace

ports::CountedEventsRead SqlPointsStore::ForEachCountedEvent(
    const points::Period& period, const ports::CountedEventParts& wanted,
    const std::function<void(int, const ports::PointsCountedEvent&)>& on_event) {
    const std::vector<SqlValue> params{std::int64_t{period.from}, std::int64_t{period.to}};
    const auto read = [&](int part, const std::string& sql, const std::vector<SqlValue>& with) {
        db_.QueryEachInt(sql, with, [&](std::span<const std::int64_t> r) { on_event(part, {r[0], r[1], r[2]}); });
    };
    ports::CountedEventsRead out;
    // SQLite (one writer, no change feed), or inside the caller's transaction: read there, as of
    // nothing known.
    if (db_.dialect() != Dialect::kPostgres || db_.InTransaction()) {
        read(0, kCountedEvents, params);
        return out;
    }
    // PostgreSQL: the largest partition's blocks in ranges (a TID range scan each), the last range
    // open so that blocks added since the size was read are read too. A full-scale ledger (68 M
    // counted events, 11 GB) is read in 9.9 s by two connections, 17.7 s by one. Every part reads
    // in a REPEATABLE READ transaction of one snapshot — this thread's, exported to the others —,
    // so the parts see one state of the ledger, and the result says which (pg_current_snapshot):
    // another server's counted event (the change feed's rows, migration 97) is applied to a board
    // only when that state lacked it.
    int parts = std::min(wanted.parts, db_.ConcurrentStreams());
    std::int64_t blocks = 0;
    if (parts > 1) {
        const auto size = db_.Query(kLedgerSize).at(0);
        blocks = AsInt(size[0]) / std::max<std::int64_t>(1, AsInt(size[1]));
        const std::int64_t by_size = AsInt(size[0]) / std::max<std::int64_t>(1, wanted.min_part_bytes);
        parts = static_cast<int>(std::min<std::int64_t>({parts, by_size, blocks}));
    }
    parts = std::max(parts, 1);
    out.parts = parts;
    const auto range = [&](int part) {
        std::string sql = kCountedEvents;
        std::vector<SqlValue> with = params;
        if (part > 0) {
            sql += " AND ctid >= ?::tid";
            with.emplace_back("(" + std::to_string(blocks * part / parts) + ",0)");
        }
        if (part + 1 < parts) {
            sql += " AND ctid < ?::tid";
            with.emplace_back("(" + std::to_string(blocks * (part + 1) / parts) + ",0)");
        }
        return std::pair{sql, with};
    };
    const auto in_snapshot = [&](const std::string& snapshot, const std::function<void()>& fn) {
        InReadSnapshot(db_, snapshot, fn);
    };
    in_snapshot("", [&] {
        const auto snap =
            db_.Query(std::string("SELECT pg_current_snapshot()::text, ") + (parts > 1 ? "pg_export_snapshot()" : "''"))
                .at(0);
        out.horizon = HorizonOf(AsText(snap[0]));
        const std::string exported = AsText(snap[1]);
        if (exported.find_first_not_of("0123456789ABCDEF-") != std::string::npos)
            throw StoreError("PostgreSQL: 导出的快照名无效 " + exported);
        // Parts 1… on their own connections (threads), part 0 here; this transaction stays open
        // until they are done, so that its exported snapshot can be imported.
        std::vector<std::exception_ptr> errors(static_cast<std::size_t>(parts));
        std::vector<std::thread> threads;
        try {
            for (int part = 1; part < parts; ++part)
                threads.emplace_back([&, part] {
                    try {
                        in_snapshot(exported, [&] {
                            const auto [sql, with] = range(part);
                            read(part, sql, with);
                        });
                    } catch (...) {
                        errors[static_cast<std::size_t>(part)] = std::current_exception();
                    }
                });
            const auto [sql, with] = range(0);
            read(0, sql, with);
        } catch (...) {
            errors[0] = std::current_exception();
        }
        for (auto& t : threads) t.join();
        for (auto& e : errors)
            if (e) std::rethrow_exception(e);
    });
    return out;
}

void SqlPointsStore::ReadCountedOf(const points::Period& period, const std::vector<ports::Id>& member_ids,
                                   const std::function<void(const ports::PointsCountedEvent&)>& on_event) {
    constexpr std::size_t kMembers = 500;  // a statement
    for (std::size_t first = 0; first < member_ids.size(); first += kMembers) {
        std::vector<SqlValue> params{std::int64_t{period.from}, std::int64_t{period.to}};
        const std::string sql =
            std::string(kCountedEvents) + " AND member_id IN " + InList(member_ids, params, first, first + kMembers);
        db_.QueryEachInt(sql, params, [&](std::span<const std::int64_t> r) { on_event({r[0], r[1], r[2]}); });
    }
}

ports::CountedEventsRead SqlPointsStore::CountedEventsOf(
    const points::Period& period, const std::vector<ports::Id>& member_ids,
    const std::function<void(const ports::PointsCountedEvent&)>& on_event) {
    const auto read = [&] { ReadCountedOf(period, member_ids, on_event); };
    ports::CountedEventsRead out;
    if (db_.dialect() != Dialect::kPostgres || db_.InTransaction()) {
        read();  // as of nothing known (see ForEachCountedEvent)
        return out;
    }
    InReadSnapshot(db_, "", [&] {
        out.horizon = HorizonOf(AsText(db_.Query("SELECT pg_current_snapshot()::text").at(0)[0]));
        read();
    });
    return out;
}

std::vector<ports::PointsEventRecord> SqlPointsStore::ListPendingEvents(const core::ports::PointsEventScope& scope,
                                                                        std::size_t offset, std::size_t limit) {
    std::vector<SqlValue> params{std::int64_t{scope.period.from}, std::int64_t{scope.period.to}};
    std::string sql;
    if (scope.name.empty()) {
        // The page out of the queue kept by unit (migration 99: pending declarations of current
        // members; an index-only scan of the scope's units, the page sorted out of them), then its
        // events — instead of the ledger in id order, each pending event's member tested (a county:
        // 1 in 200 at full scale). A subquery with its own LIMIT: joined to the ledger after it.
        sql = std::string(kScopedEventColumns) +
              " JOIN (SELECT event_id, day FROM points_pending_queue WHERE day BETWEEN ? AND ?" +
              (scope.unit_ids.empty() ? "" : " AND unit_id IN " + InList(scope.unit_ids, params)) +
              " ORDER BY event_id LIMIT ? OFFSET ?) q ON q.event_id = e.id AND q.day = e.day ORDER BY q.event_id";
    } else {
        // A name: the members whose names match, along the ledger (a name is seldom common).
        sql = std::string(kScopedEventColumns) + kJoinMembers + kPendingWhere + ScopeFilter(scope, params) + kPendingOrder;
    }
    params.emplace_back(static_cast<std::int64_t>(limit));
    params.emplace_back(static_cast<std::int64_t>(offset));
    return RowsWith(db_.Query(sql, params), EventFromRow);
}

std::int64_t SqlPointsStore::CountPendingEvents(const core::ports::PointsEventScope& scope) {
    // Without a name filter, and when every pending declaration lies in the period, the total is the
    // sum of the counts kept per unit (migration 91: pending declarations of current members).
    const auto inside_period = [&] {
        const auto days = db_.Query(kPendingDays).at(0);
        return AsInt(days[0]) >= scope.period.from && AsInt(days[1]) <= scope.period.to;
    };
    if (scope.name.empty() && inside_period()) {
        std::vector<SqlValue> ids;
        const std::string sql = scope.unit_ids.empty()
                                    ? std::string(kSumPendingUnits)
                                    : std::string(kSumPendingUnits) + " WHERE unit_id IN " + InList(scope.unit_ids, ids);
        return AsInt(db_.Query(sql, ids).at(0)[0]);
    }
    std::vector<SqlValue> params{std::int64_t{scope.period.from}, std::int64_t{scope.period.to}};
    const std::string filter = ScopeFilter(scope, params);
    auto rows = db_.Query(std::string(kCountScopedEvents) + kJoinMembers + kPendingWhere + filter, params);
    return rows.empty() ? 0 : AsInt(rows[0][0]);
}

std::vector<ports::PointsEventRecord> SqlPointsStore::ListDecidedSince(const core::ports::PointsEventScope& scope,
                                                                       const std::string& since, std::size_t limit) {
    std::vector<SqlValue> params{since, std::int64_t{scope.period.from}, std::int64_t{scope.period.to}};
    const std::string filter = ScopeFilter(scope, params);
    params.emplace_back(static_cast<std::int64_t>(limit));
    return RowsWith(
        db_.Query(std::string(kScopedEventColumns) + kJoinMembers + kDecidedWhere + filter + kDecidedOrder, params),
        EventFromRow);
}

void SqlPointsStore::EnsureLedgerPartition(points::Day day) {
    if (db_.dialect() != Dialect::kPostgres) return;
    const int year = core::CivilFromDays(day).year;
    if (partition_years_.contains(year)) return;
    // Remembered only once seen made before: one made now is undone if this transaction rolls back.
    if (AsInt(db_.Query("SELECT points_events_ensure_day(?)::INTEGER", {std::int64_t{day}}).at(0)[0]) != 0)
        partition_years_.insert(year);
}

ports::Id SqlPointsStore::InsertEvent(const ports::PointsEventRecord& e) { return InsertEvents({e}).front(); }

std::vector<ports::Id> SqlPointsStore::InsertEvents(const std::vector<ports::PointsEventRecord>& events) {
    // 500 rows × 12 values a statement: well below both backends' parameter limits.
    constexpr std::size_t kRows = 500;
    std::map<ports::Id, std::int64_t> pending;  // per member
    std::vector<ports::Id> ids;
    ids.reserve(events.size());
    for (std::size_t start = 0; start < events.size(); start += kRows) {
        const std::size_t end = std::min(events.size(), start + kRows);
        std::vector<SqlValue> params;
        params.reserve((end - start) * 12);
        for (std::size_t i = start; i < end; ++i) {
            const auto& e = events[i];
            EnsureLedgerPartition(e.date);
            for (SqlValue v : {SqlValue{e.member_id}, SqlValue{e.rule_id}, SqlValue{std::int64_t{e.date}},
                               SqlValue{e.quantity}, SqlValue{e.note}, SqlValue{std::string(points::EventStatusName(e.status))},
                               SqlValue{e.submitted_by}, SqlValue{e.submitted_at}, SqlValue{e.decided_by},
                               SqlValue{e.decided_at}, SqlValue{e.reason}, NullableId(e.reverses)})
                params.push_back(std::move(v));
            if (e.status == points::EventStatus::kPending) ++pending[e.member_id];
        }
        // The ids come from the sequence row by row in the order of VALUES; RETURNING's order is not
        // promised, so they are sorted back into it.
        std::vector<ports::Id> batch;
        for (const auto& row : db_.Query(kInsertEvents + ValuesRows(end - start, 12) + " RETURNING id", params))
            batch.push_back(AsInt(row[0]));
        std::sort(batch.begin(), batch.end());
        // The pending ones join the approvals queue.
        std::vector<ports::Id> queued;
        for (std::size_t i = start; i < end; ++i)
            if (events[i].status == points::EventStatus::kPending) queued.push_back(batch[i - start]);
        if (!queued.empty()) {
            std::vector<SqlValue> in;
            db_.Query(QueuePendingStatement("e.id IN " + InList(queued, in)), in);
        }
        ids.insert(ids.end(), batch.begin(), batch.end());
    }
    for (const auto& [member, n] : pending) db_.Query(kAddPendingOfMember, {n, member});
    return ids;
}

bool SqlPointsStore::DecideEvent(ports::Id id, points::EventStatus status, const std::string& by, const std::string& at,
                                 const std::string& reason) {
    const auto decided = db_.Query(kDecideEvent, {std::string(points::EventStatusName(status)), by, at, reason, id});
    if (decided.empty()) return false;
    if (status != points::EventStatus::kPending) {
        db_.Query(kAddPendingOfMember, {std::int64_t{-1}, AsInt(decided[0][0])});
        db_.Query(kDequeue, {id});
    }
    return true;
}

ports::Id SqlPointsStore::FindReversal(ports::Id id) {
    auto rows = db_.Query(kSelectReversal, {id});
    return rows.empty() ? 0 : AsInt(rows[0][0]);
}

// ---- board snapshots (migration 100, PostgreSQL) ------------------------------------------------

namespace {

// `here`: written by this cluster (a dump restored into another starts its transaction numbers
// anew) and not ahead of it.
#define LINGYAN_LOAD_SNAPSHOT(DATA)                                                                        \
    "SELECT fingerprint, horizon, EXTRACT(EPOCH FROM now() - taken_at), " DATA                                  \
    ", system_id = (SELECT system_identifier FROM pg_control_system()), "                                     \
    "pg_snapshot_xmax(pg_current_snapshot())::TEXT::BIGINT FROM points_board_snapshots WHERE period_id = ?"
constexpr const char* kLoadSnapshot = LINGYAN_LOAD_SNAPSHOT("data");
constexpr const char* kLoadSnapshotHead = LINGYAN_LOAD_SNAPSHOT("''::BYTEA");
#undef LINGYAN_LOAD_SNAPSHOT
constexpr const char* kSaveSnapshot =
    "INSERT INTO points_board_snapshots (period_id, fingerprint, horizon, system_id, taken_at, data) "
    "VALUES (?, ?, ?, (SELECT system_identifier FROM pg_control_system()), now(), ?::BYTEA) "
    "ON CONFLICT (period_id) DO UPDATE SET fingerprint = excluded.fingerprint, horizon = excluded.horizon, "
    "system_id = excluded.system_id, taken_at = excluded.taken_at, data = excluded.data";
constexpr const char* kAdvanceSnapshot =
    "UPDATE points_board_snapshots SET horizon = ?, taken_at = now() WHERE period_id = ? AND horizon = ? "
    "AND system_id = (SELECT system_identifier FROM pg_control_system()) RETURNING period_id";
// The feed's points entries of transactions a horizon did not see: from its xmax on, or running then.
#define LINGYAN_UNSEEN "f.kind = 'points' AND (f.txid >= ? OR f.txid = ANY(?::BIGINT[]))"
// Any of them noted whole ('*') or without rows: the feed cannot name its events.
constexpr const char* kWholeSince =
    "SELECT count(*) FROM change_feed f WHERE " LINGYAN_UNSEEN
    " AND (EXISTS (SELECT 1 FROM change_feed_rows r WHERE r.txid = f.txid AND r.kind = f.kind AND r.tbl = '*')"
    " OR NOT EXISTS (SELECT 1 FROM change_feed_rows r WHERE r.txid = f.txid AND r.kind = f.kind))";
// The events they made counted (migration 97 notes each once: when it became approved).
constexpr const char* kCountedSince =
    "SELECT e.member_id, e.rule_id, e.quantity FROM change_feed f "
    "JOIN change_feed_rows r ON r.txid = f.txid AND r.kind = f.kind AND r.tbl = 'points_events' "
    "JOIN points_events e ON e.id = r.id WHERE " LINGYAN_UNSEEN " AND e.status = 'approved' AND e.day BETWEEN ? AND ?";
#undef LINGYAN_UNSEEN

std::string HexOf(std::string_view bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out = "\\x";
    out.resize(2 + 2 * bytes.size());
    char* at = out.data() + 2;
    for (const unsigned char c : bytes) {
        *at++ = kDigits[c >> 4];
        *at++ = kDigits[c & 15];
    }
    return out;
}

std::optional<std::string> BytesOfHex(std::string_view hex) {
    if (!hex.starts_with("\\x") || hex.size() % 2 != 0) return std::nullopt;
    const auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::string out((hex.size() - 2) / 2, '\0');
    for (std::size_t i = 0; i < out.size(); ++i) {
        const int hi = nibble(hex[2 + 2 * i]), lo = nibble(hex[3 + 2 * i]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out[i] = static_cast<char>(hi << 4 | lo);
    }
    return out;
}

std::string ArrayText(const std::vector<std::int64_t>& values) {
    std::string out = "{";
    for (std::size_t i = 0; i < values.size(); ++i) out += (i ? "," : "") + std::to_string(values[i]);
    return out + "}";
}

}  // namespace

std::optional<ports::BoardSnapshotRecord> SqlPointsStore::LoadBoardSnapshot(ports::Id period_id) {
    return ReadBoardSnapshot(kLoadSnapshot, period_id);
}

std::optional<ports::BoardSnapshotRecord> SqlPointsStore::LoadBoardSnapshotHead(ports::Id period_id) {
    return ReadBoardSnapshot(kLoadSnapshotHead, period_id);
}

std::optional<ports::BoardSnapshotRecord> SqlPointsStore::ReadBoardSnapshot(const char* sql, ports::Id period_id) {
    if (db_.dialect() != Dialect::kPostgres) return std::nullopt;
    auto rows = db_.Query(sql, {period_id});
    if (rows.empty()) return std::nullopt;
    ports::BoardSnapshotRecord out;
    out.period_id = period_id;
    out.fingerprint = AsText(rows[0][0]);
    const auto horizon = ParseLedgerHorizon(AsText(rows[0][1]));
    auto data = BytesOfHex(AsText(rows[0][3]));
    if (!horizon || !data) throw StoreError("积分榜快照的记录无效（周期 " + std::to_string(period_id) + "）");
    out.horizon = *horizon;
    out.here = AsText(rows[0][4]) == "t" && horizon->xmax <= AsInt(rows[0][5]);
    out.age_seconds = AsDouble(rows[0][2]);
    out.data = std::move(*data);
    return out;
}

void SqlPointsStore::SaveBoardSnapshot(const ports::BoardSnapshotRecord& snapshot) {
    if (db_.dialect() != Dialect::kPostgres || !snapshot.horizon.known) return;
    db_.Query(kSaveSnapshot, {snapshot.period_id, snapshot.fingerprint, FormatLedgerHorizon(snapshot.horizon),
                              HexOf(snapshot.data)});
}

bool SqlPointsStore::AdvanceBoardSnapshot(ports::Id period_id, const ports::LedgerHorizon& from,
                                         const ports::LedgerHorizon& to) {
    if (db_.dialect() != Dialect::kPostgres || !from.known || !to.known) return false;
    return !db_.Query(kAdvanceSnapshot, {FormatLedgerHorizon(to), period_id, FormatLedgerHorizon(from)}).empty();
}

std::optional<ports::LedgerHorizon> SqlPointsStore::CountedEventsSince(
    const points::Period& period, const ports::LedgerHorizon& since, const std::vector<ports::Id>& members,
    const std::function<void(const ports::PointsCountedEvent&)>& on_new,
    const std::function<void(const ports::PointsCountedEvent&)>& on_member) {
    if (db_.dialect() != Dialect::kPostgres || db_.InTransaction() || !since.known) return std::nullopt;
    std::optional<ports::LedgerHorizon> out;
    InReadSnapshot(db_, "", [&] {
        const auto horizon = HorizonOf(AsText(db_.Query("SELECT pg_current_snapshot()::text").at(0)[0]));
        const SqlValue xmax{since.xmax}, running{ArrayText(since.in_progress)};
        if (AsInt(db_.Query(kWholeSince, {xmax, running}).at(0)[0]) != 0) return;
        db_.QueryEachInt(kCountedSince, {xmax, running, std::int64_t{period.from}, std::int64_t{period.to}},
                         [&](std::span<const std::int64_t> r) { on_new({r[0], r[1], r[2]}); });
        ReadCountedOf(period, members, on_member);
        out = horizon;
    });
    return out;
}

}  // namespace lingyan::storage
