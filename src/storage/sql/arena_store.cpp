#include "storage/sql/arena_store.hpp"

#include <charconv>
#include <map>

#include "storage/db/list_column.hpp"
#include "storage/db/read_row.hpp"

namespace lingyan::storage {

namespace ports = core::ports;
namespace arena = core::arena;
using ports::Id;

namespace {

constexpr const char* kInsertContest =
    "INSERT INTO contests (unit_id, campaign_id, campaign_criterion, name, is_public, year, trim_count, "
    "normalize_scores, recusal, seconds_per_contestant, status, created_by, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ready', ?, ?) RETURNING id";
constexpr const char* kContestColumns =
    "SELECT id, unit_id, campaign_id, campaign_criterion, name, is_public, year, trim_count, normalize_scores, "
    "recusal, seconds_per_contestant, status, created_by, created_at, results_pushed_at FROM contests";
constexpr const char* kUpdateStatus = "UPDATE contests SET status = ? WHERE id = ?";
constexpr const char* kMarkPushed = "UPDATE contests SET results_pushed_at = ? WHERE id = ?";

constexpr const char* kInsertCriterion =
    "INSERT INTO contest_criteria (contest_id, idx, crit_key, name, min_value, max_value, weight, pre_scored) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kSelectCriteria =
    "SELECT crit_key, name, min_value, max_value, weight, pre_scored FROM contest_criteria WHERE contest_id = ? "
    "ORDER BY idx";
constexpr const char* kInsertContestant =
    "INSERT INTO contest_contestants (contest_id, idx, kind, person_id, unit_id, name, topic) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kSelectContestants =
    "SELECT c.id, c.kind, c.person_id, c.unit_id, c.name, c.topic, u.name FROM contest_contestants c "
    "JOIN units u ON u.id = c.unit_id WHERE c.contest_id = ? ORDER BY c.idx";
constexpr const char* kInsertSeat =
    "INSERT INTO contest_seats (contest_id, seat_no, label, home_unit_id, user_id) VALUES (?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kSelectSeats =
    "SELECT s.id, s.seat_no, s.label, s.home_unit_id, u.name, s.user_id FROM contest_seats s "
    "JOIN units u ON u.id = s.home_unit_id WHERE s.contest_id = ? ORDER BY s.seat_no";
constexpr const char* kInsertRound =
    "INSERT INTO contest_rounds (contest_id, idx, name, contestant_ids) VALUES (?, ?, ?, ?)";
constexpr const char* kSelectRounds =
    "SELECT name, contestant_ids FROM contest_rounds WHERE contest_id = ? ORDER BY idx";
constexpr const char* kInsertTitle =
    "INSERT INTO contest_titles (contest_id, idx, name, quota, min_score, level) VALUES (?, ?, ?, ?, ?, ?)";
constexpr const char* kSelectTitles =
    "SELECT name, quota, min_score, level FROM contest_titles WHERE contest_id = ? ORDER BY idx";

constexpr const char* kSeatAccessColumns =
    "SELECT id, contest_id, token_hash, device_hash, device_csrf, link_issued_at, bound_at FROM contest_seats";
constexpr const char* kIssueLink =
    "UPDATE contest_seats SET token_hash = ?, device_hash = NULL, device_csrf = '', link_issued_at = ?, bound_at = '' "
    "WHERE id = ?";
constexpr const char* kBindDevice =
    "UPDATE contest_seats SET device_hash = ?, device_csrf = ?, bound_at = ? "
    "WHERE id = ? AND token_hash = ? AND device_hash IS NULL RETURNING id";

constexpr const char* kLockContest = "SELECT id FROM contests WHERE id = ? FOR UPDATE";
constexpr const char* kLastSeq = "SELECT COALESCE(MAX(seq), 0) FROM contest_events WHERE contest_id = ?";
constexpr const char* kInsertContestEvent =
    "INSERT INTO contest_events (contest_id, seq, kind, at_ms, actor, round_idx, contestant_id, seat_id, timer, "
    "score_values, criterion, idem_key, reason, draw_order, seed, forced) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kSelectContestEvents =
    "SELECT seq, kind, at_ms, actor, round_idx, contestant_id, seat_id, timer, score_values, criterion, idem_key, "
    "reason, draw_order, seed, forced FROM contest_events WHERE contest_id = ? ORDER BY seq";

constexpr const char* kInsertScore =
    "INSERT INTO contest_scores (contest_id, round_idx, contestant_id, seat_id, score_values, total, idem_key, seq, "
    "submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kVoidScore =
    "UPDATE contest_scores SET void_seq = ?, void_reason = ?, void_by = ?, voided_at = ? "
    "WHERE contest_id = ? AND round_idx = ? AND contestant_id = ? AND seat_id = ? AND void_seq = 0 RETURNING id";
constexpr const char* kSelectScores =
    "SELECT id, contest_id, round_idx, contestant_id, seat_id, score_values, total, idem_key, seq, submitted_by, "
    "submitted_at, void_seq, void_reason, void_by, voided_at FROM contest_scores WHERE contest_id = ? ORDER BY id";

ports::ContestRecord ContestFromRow(const SqlRow& r) {
    ports::ContestRecord c;
    auto& s = c.setup;
    ReadRow(r, c.id, s.unit_id, s.campaign_id, s.campaign_criterion, s.name, s.is_public, s.year, s.aggregation.trim,
            s.aggregation.normalize, Named(s.recusal, arena::RecusalLevelFromName, arena::RecusalLevel::kTown),
            s.seconds_per_contestant, c.status, c.created_by, c.created_at, c.results_pushed_at);
    return c;
}

arena::Contestant ContestantFromRow(const SqlRow& r) {
    arena::Contestant c;
    std::string kind;
    ReadRow(r, c.id, kind, c.person_id, c.unit_id, c.name, c.topic, c.unit_name);
    c.kind = kind == "unit" ? arena::ContestantKind::kUnit : arena::ContestantKind::kPerson;
    return c;
}

arena::Title TitleFromRow(const SqlRow& r) {
    arena::Title t;
    ReadRow(r, t.name, t.quota, t.min_score, t.level);
    return t;
}

arena::Event EventFromRow(const SqlRow& r) {
    arena::Event e;
    std::string kind, values, order, seed;
    ReadRow(r, e.seq, kind, e.at_ms, e.actor, e.round, e.contestant_id, e.seat_id,
            Named(e.timer, arena::TimerActionFromName, arena::TimerAction::kStart), values, e.criterion, e.key,
            e.reason, order, seed, e.force);
    const auto parsed = arena::EventKindFromName(kind);
    if (!parsed) throw StoreError("contest_events: unknown kind " + kind);
    e.kind = *parsed;
    e.values = SplitDoubles(values);
    e.order = SplitIntegers(order);
    e.seed = std::stoull(seed.empty() ? "0" : seed);
    return e;
}

ports::ContestScoreRecord ScoreFromRow(const SqlRow& r) {
    ports::ContestScoreRecord s;
    std::string values;
    ReadRow(r, s.id, s.contest_id, s.round, s.contestant_id, s.seat_id, values, s.total, s.key, s.seq, s.submitted_by,
            s.submitted_at, s.void_seq, s.void_reason, s.void_by, s.voided_at);
    s.values = SplitDoubles(values);
    return s;
}

ports::SeatAccessRecord SeatAccessFromRow(const SqlRow& r) { return RowAs<ports::SeatAccessRecord>(r); }

}  // namespace

ports::ContestRecord SqlArenaStore::InsertContest(const arena::ContestSetup& setup, const std::string& by,
                                                  const std::string& at) {
    const auto& s = setup;
    Id id = ReturnedId(db_.Query(
        kInsertContest,
        {s.unit_id, NullableId(s.campaign_id), s.campaign_criterion, s.name, std::int64_t{s.is_public ? 1 : 0},
         std::int64_t{s.year}, std::int64_t{s.aggregation.trim}, std::int64_t{s.aggregation.normalize ? 1 : 0},
         std::string(arena::RecusalLevelName(s.recusal)), std::int64_t{s.seconds_per_contestant}, by, at}));
    for (std::size_t idx = 0; idx < s.criteria.size(); ++idx) {
        const auto& c = s.criteria[idx];
        db_.Query(kInsertCriterion, {id, static_cast<std::int64_t>(idx), c.key, c.name, c.min, c.max, c.weight,
                                     std::int64_t{c.pre_scored ? 1 : 0}});
    }
    std::vector<Id> contestant_ids;
    for (std::size_t idx = 0; idx < s.contestants.size(); ++idx) {
        const auto& c = s.contestants[idx];
        contestant_ids.push_back(ReturnedId(
            db_.Query(kInsertContestant, {id, static_cast<std::int64_t>(idx),
                                          std::string(c.kind == arena::ContestantKind::kUnit ? "unit" : "person"),
                                          NullableId(c.person_id), c.unit_id, c.name, c.topic})));
    }
    for (const auto& seat : s.seats)
        db_.Query(kInsertSeat,
                  {id, std::int64_t{seat.number}, seat.label, seat.home_unit_id, NullableId(seat.user_id)});
    for (std::size_t idx = 0; idx < s.rounds.size(); ++idx) {
        std::vector<Id> order;
        for (Id position : s.rounds[idx].order) order.push_back(contestant_ids.at(static_cast<std::size_t>(position)));
        db_.Query(kInsertRound, {id, static_cast<std::int64_t>(idx), s.rounds[idx].name, JoinNumbers(order)});
    }
    for (std::size_t idx = 0; idx < s.titles.size(); ++idx) {
        const auto& t = s.titles[idx];
        db_.Query(kInsertTitle, {id, static_cast<std::int64_t>(idx), t.name, std::int64_t{t.quota},
                                 t.min_score ? SqlValue{*t.min_score} : SqlValue{}, t.level});
    }
    return *FindContest(id);
}

void SqlArenaStore::LoadLists(ports::ContestRecord& record) {
    auto& s = record.setup;
    s.criteria = RowsAs<arena::Criterion>(db_.Query(kSelectCriteria, {record.id}));
    s.contestants = RowsWith(db_.Query(kSelectContestants, {record.id}), ContestantFromRow);
    s.seats = RowsAs<arena::Seat>(db_.Query(kSelectSeats, {record.id}));
    s.rounds = RowsWith(db_.Query(kSelectRounds, {record.id}), [](const SqlRow& r) {
        return arena::Round{AsText(r[0]), SplitIntegers(AsText(r[1]))};
    });
    s.titles = RowsWith(db_.Query(kSelectTitles, {record.id}), TitleFromRow);
}

std::vector<ports::ContestRecord> SqlArenaStore::ListContests() {
    auto out = RowsWith(db_.Query(std::string(kContestColumns) + " ORDER BY id"), ContestFromRow);
    for (auto& c : out) LoadLists(c);
    return out;
}

std::optional<ports::ContestRecord> SqlArenaStore::FindContest(Id id) {
    auto c = FirstRowWith(db_.Query(std::string(kContestColumns) + " WHERE id = ?", {id}), ContestFromRow);
    if (c) LoadLists(*c);
    return c;
}

void SqlArenaStore::UpdateContestStatus(Id id, const std::string& status) { db_.Query(kUpdateStatus, {status, id}); }

void SqlArenaStore::MarkResultsPushed(Id id, const std::string& at) { db_.Query(kMarkPushed, {at, id}); }

std::vector<ports::SeatAccessRecord> SqlArenaStore::ListSeatAccess(Id contest_id) {
    return RowsWith(db_.Query(std::string(kSeatAccessColumns) + " WHERE contest_id = ? ORDER BY seat_no", {contest_id}),
                    SeatAccessFromRow);
}

std::optional<ports::SeatAccessRecord> SqlArenaStore::FindSeatByToken(const std::string& token_hash) {
    return FirstRowWith(db_.Query(std::string(kSeatAccessColumns) + " WHERE token_hash = ?", {token_hash}),
                        SeatAccessFromRow);
}

std::optional<ports::SeatAccessRecord> SqlArenaStore::FindSeatByDevice(const std::string& device_hash) {
    return FirstRowWith(db_.Query(std::string(kSeatAccessColumns) + " WHERE device_hash = ?", {device_hash}),
                        SeatAccessFromRow);
}

void SqlArenaStore::IssueSeatLink(Id seat_id, const std::string& token_hash, const std::string& at) {
    db_.Query(kIssueLink, {token_hash, at, seat_id});
}

bool SqlArenaStore::BindSeatDevice(Id seat_id, const std::string& token_hash, const std::string& device_hash,
                                   const std::string& device_csrf, const std::string& at) {
    return !db_.Query(kBindDevice, {device_hash, device_csrf, at, seat_id, token_hash}).empty();
}

std::int64_t SqlArenaStore::LockEvents(Id contest_id) {
    // SQLite has one writer per database already (and no FOR UPDATE).
    if (db_.dialect() == Dialect::kPostgres) db_.Query(kLockContest, {contest_id});
    return AsInt(db_.Query(kLastSeq, {contest_id})[0][0]);
}

void SqlArenaStore::InsertEvent(Id contest_id, const arena::Event& e) {
    db_.Query(kInsertContestEvent, {contest_id, e.seq, std::string(arena::EventKindName(e.kind)), e.at_ms, e.actor,
                             std::int64_t{e.round}, e.contestant_id, e.seat_id,
                             std::string(arena::TimerActionName(e.timer)), JoinNumbers(e.values), e.criterion, e.key,
                             e.reason, JoinNumbers(e.order), std::to_string(e.seed), std::int64_t{e.force ? 1 : 0}});
}

std::vector<arena::Event> SqlArenaStore::ListEvents(Id contest_id) {
    return RowsWith(db_.Query(kSelectContestEvents, {contest_id}), EventFromRow);
}

Id SqlArenaStore::InsertScore(const ports::ContestScoreRecord& s) {
    return ReturnedId(
        db_.Query(kInsertScore, {s.contest_id, std::int64_t{s.round}, s.contestant_id, s.seat_id, JoinNumbers(s.values),
                                 s.total, s.key, s.seq, s.submitted_by, s.submitted_at}));
}

bool SqlArenaStore::VoidScore(Id contest_id, int round, Id contestant_id, Id seat_id, std::int64_t void_seq,
                              const std::string& reason, const std::string& by, const std::string& at) {
    return !db_.Query(kVoidScore, {void_seq, reason, by, at, contest_id, std::int64_t{round}, contestant_id, seat_id})
                .empty();
}

std::vector<ports::ContestScoreRecord> SqlArenaStore::ListScores(Id contest_id) {
    return RowsWith(db_.Query(kSelectScores, {contest_id}), ScoreFromRow);
}

}  // namespace lingyan::storage
