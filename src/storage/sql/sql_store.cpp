#include "storage/sql/sql_store.hpp"

#include <unordered_map>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdio>

#include "core/roster/person_rules.hpp"
#include "core/roster/tree.hpp"
#include "storage/db/batches.hpp"
#include "storage/db/migrations.hpp"
#include "storage/db/read_row.hpp"

namespace lingyan::storage {

using core::ports::AuditEntry;
using core::ports::AuditFound;
using core::ports::AuditQuery;
using core::ports::SessionRecord;
using core::ports::UserRecord;
using namespace core::roster;

namespace {

constexpr const char* kSelectUnits =
    "SELECT id, parent_id, code, name, kind, economy, dev_zone, near_highway, population, area_km2 FROM units";
constexpr const char* kInsertUnit =
    "INSERT INTO units (parent_id, code, name, kind, economy, dev_zone, near_highway, population, area_km2) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdateUnit =
    "UPDATE units SET code = ?, name = ?, kind = ?, economy = ?, dev_zone = ?, near_highway = ?, population = ?, "
    "area_km2 = ? WHERE id = ?";
constexpr const char* kDeleteUnit = "DELETE FROM units WHERE id = ?";
constexpr const char* kPeopleColumns =
    "SELECT id, unit_id, name, gender, birth_date, education, party_join_date, id_number, phone, reserve_cadre, "
    "party_org_id FROM people";
constexpr const char* kInsertPerson =
    "INSERT INTO people (unit_id, name, gender, birth_date, education, party_join_date, id_number, phone, "
    "reserve_cadre, party_org_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdatePerson =
    "UPDATE people SET unit_id = ?, name = ?, gender = ?, birth_date = ?, education = ?, party_join_date = ?, "
    "id_number = ?, phone = ?, reserve_cadre = ?, party_org_id = ? WHERE id = ?";
constexpr const char* kDeletePositionsOfPerson = "DELETE FROM positions WHERE person_id = ?";
constexpr const char* kDeletePerson = "DELETE FROM people WHERE id = ?";
constexpr const char* kPositionColumns = "SELECT id, person_id, unit_id, title, start_date, end_date FROM positions";
constexpr const char* kInsertPosition =
    "INSERT INTO positions (person_id, unit_id, title, start_date, end_date) VALUES (?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdatePosition =
    "UPDATE positions SET person_id = ?, unit_id = ?, title = ?, start_date = ?, end_date = ? WHERE id = ?";
constexpr const char* kDeletePosition = "DELETE FROM positions WHERE id = ?";
constexpr const char* kPartyOrgColumns =
    "SELECT id, unit_id, name, kind, parent_id, approved_on, document_no, dissolved_on FROM party_orgs";
constexpr const char* kInsertPartyOrg =
    "INSERT INTO party_orgs (unit_id, name, kind, member_count, parent_id, approved_on, document_no, dissolved_on) "
    "VALUES (?, ?, ?, 0, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdatePartyOrg =
    "UPDATE party_orgs SET name = ?, kind = ?, parent_id = ?, approved_on = ?, document_no = ?, dissolved_on = ? "
    "WHERE id = ?";
constexpr const char* kInsertPartyOrgEvent =
    "INSERT INTO party_org_events (org_id, action, from_value, to_value, approved_on, document_no, done_by, done_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kSelectPartyOrgEvents =
    "SELECT id, org_id, action, from_value, to_value, approved_on, document_no, done_by, done_at "
    "FROM party_org_events WHERE org_id = ? ORDER BY id";
constexpr const char* kHouseholdColumns =
    "SELECT id, org_id, person_id, place, created_on, dissolved_on FROM party_households";
constexpr const char* kSelectHouseholdMembers =
    "SELECT person_id FROM party_household_members WHERE household_id = ? ORDER BY person_id";
constexpr const char* kInsertHousehold =
    "INSERT INTO party_households (org_id, person_id, place, created_on, dissolved_on) VALUES (?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr const char* kInsertHouseholdMember =
    "INSERT INTO party_household_members (household_id, person_id) VALUES (?, ?)";
constexpr const char* kDissolveHousehold = "UPDATE party_households SET dissolved_on = ? WHERE id = ?";
constexpr const char* kIncomeColumns = "SELECT unit_id, year, amount_yuan FROM unit_incomes";
constexpr const char* kByIdOrder = " ORDER BY id";
constexpr std::size_t kIdBatch = 500;  // ids per statement of the Load…ByIds reads
constexpr const char* kUpsertIncome =
    "INSERT INTO unit_incomes (unit_id, year, amount_yuan) VALUES (?, ?, ?) "
    "ON CONFLICT (unit_id, year) DO UPDATE SET amount_yuan = excluded.amount_yuan";
constexpr const char* kUserColumns =
    "SELECT id, username, display_name, role, scope_unit_id, password_hash, active, must_change_password, "
    "last_login_at, created_at FROM users";
constexpr const char* kInsertUser =
    "INSERT INTO users (username, display_name, role, scope_unit_id, password_hash, active, must_change_password, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdatePassword = "UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?";
constexpr const char* kRecordLogin = "UPDATE users SET last_login_at = ? WHERE id = ?";
constexpr const char* kInsertSession =
    "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at, created_at, last_seen, address, user_agent) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kSessionColumns =
    "SELECT token_hash, user_id, csrf_token, expires_at, created_at, last_seen, address, user_agent FROM sessions";
constexpr const char* kTouchSession = "UPDATE sessions SET last_seen = ?, expires_at = ? WHERE token_hash = ?";
constexpr const char* kDeleteSessionsOfUser = "DELETE FROM sessions WHERE user_id = ?";
constexpr const char* kThrottleColumns = "SELECT key, failures, last_failure, blocked_until FROM login_throttle";
constexpr const char* kDeleteThrottle = "DELETE FROM login_throttle WHERE key = ?";
constexpr const char* kInsertThrottle =
    "INSERT INTO login_throttle (key, failures, last_failure, blocked_until) VALUES (?, ?, ?, ?)";
constexpr const char* kUpdateUser =
    "UPDATE users SET display_name = ?, role = ?, scope_unit_id = ?, active = ?, must_change_password = ? WHERE id = ?";
constexpr const char* kDeleteSession = "DELETE FROM sessions WHERE token_hash = ?";
constexpr const char* kLastAudit = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1";
constexpr const char* kInsertAudit =
    "INSERT INTO audit_log (seq, at, username, action, entity, entity_id, detail, prev_hash, hash, keyed) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kSelectAudit =
    "SELECT seq, at, username, action, entity, entity_id, detail, prev_hash, hash, keyed FROM audit_log "
    "WHERE seq > ? ORDER BY seq LIMIT ?";
constexpr const char* kCountAudit = "SELECT COUNT(*) FROM audit_log";
constexpr const char* kGetAudit =
    "SELECT seq, at, username, action, entity, entity_id, detail, prev_hash, hash, keyed FROM audit_log WHERE seq = ?";
constexpr const char* kFindAudit =
    "SELECT seq, at, username, action, entity, entity_id, substr(detail, 1, ?), prev_hash, hash, keyed, length(detail) "
    "FROM audit_log";

SqlValue Opt(const std::optional<Id>& id) { return id ? SqlValue(*id) : SqlValue(); }
SqlValue TextOrNull(const std::string& s) { return s.empty() ? SqlValue() : SqlValue(s); }
std::int64_t Flag(bool b) { return b ? 1 : 0; }

UserRecord UserFromRow(const SqlRow& r) { return RowAs<UserRecord>(r); }

}  // namespace

// Nested transactions join the outer one. The depth is per thread (and per store): readers on
// other threads run beside a writer's transaction on their own pooled connections.
class SqlTransaction final : public core::ports::Transaction {
public:
    explicit SqlTransaction(SqlStore& store) : store_(store) {
        if (Depth()++ == 0) {
            try {
                store_.db_->Begin();
            } catch (...) {  // no transaction was opened (database unavailable): the next one must BEGIN
                --Depth();
                throw;
            }
        }
    }
    ~SqlTransaction() override {
        if (done_) return;
        if (--Depth() == 0) {
            try {
                store_.db_->Rollback();
            } catch (...) {  // a destructor must not throw; the connection reports on next use
            }
        }
    }
    void Commit() override {
        done_ = true;
        if (--Depth() == 0) store_.db_->Commit();
    }

private:
    int& Depth() {
        static thread_local std::unordered_map<const SqlStore*, int> depth;
        return depth[&store_];
    }
    SqlStore& store_;
    bool done_ = false;
};

SqlStore::SqlStore(std::unique_ptr<SqlDb> db) : db_(std::move(db)) {}

std::unique_ptr<core::ports::Transaction> SqlStore::Begin() { return std::make_unique<SqlTransaction>(*this); }

int SqlStore::Migrate() { return ApplyMigrations(*db_); }
int SqlStore::SchemaVersion() { return CurrentSchemaVersion(*db_); }

namespace {

Unit UnitOf(const SqlRow& r) {
    Unit u;
    ReadRow(r, u.id, u.parent_id, u.code, u.name, Named(u.kind, KindFromString, UnitKind::kVillage),
            Named(u.economy, EconomyFromString, Economy::kNone), u.dev_zone, u.near_highway, u.population, u.area_km2);
    return u;
}

Person PersonOf(const SqlRow& r) {
    Person p;
    ReadRow(r, p.id, p.unit_id, p.name, Named(p.gender, GenderFromString, Gender::kMale), p.birth_date,
            Named(p.education, EducationFromString, Education::kHighSchool), p.party_join_date, p.id_number, p.phone,
            p.reserve_cadre, p.party_org_id);
    return p;
}

PartyOrg PartyOrgOf(const SqlRow& r) {
    PartyOrg o;
    ReadRow(r, o.id, o.unit_id, o.name, Named(o.kind, PartyOrgKindFromString, PartyOrgKind::kBranch), o.parent_id,
            o.approved_on, o.document_no, o.dissolved_on);
    return o;
}

// `read` of every row of `columns` whose `key` is one of `ids`, in batches.
template <class T, class Read>
std::vector<T> RowsByIds(SqlDb& db, const char* columns, const char* key, const std::vector<Id>& ids, Read read) {
    std::vector<T> out;
    ForEachPaddedBatch(ids, kIdBatch, [&](const std::string& in, const std::vector<SqlValue>& params) {
        for (const auto& r : db.Query(std::string(columns) + " WHERE " + key + " IN " + in, params))
            out.push_back(read(r));
    });
    return out;
}

}  // namespace

std::vector<Unit> SqlStore::LoadUnits() {
    std::vector<Unit> out;
    for (const auto& r : db_->Query(kSelectUnits)) out.push_back(UnitOf(r));
    return out;
}

std::vector<Unit> SqlStore::LoadUnitsByIds(const std::vector<Id>& ids) {
    return RowsByIds<Unit>(*db_, kSelectUnits, "id", ids, UnitOf);
}

std::vector<Person> SqlStore::LoadPeopleByIds(const std::vector<Id>& ids) {
    return RowsByIds<Person>(*db_, kPeopleColumns, "id", ids, PersonOf);
}

std::vector<Position> SqlStore::LoadPositionsByIds(const std::vector<Id>& ids) {
    return RowsByIds<Position>(*db_, kPositionColumns, "id", ids, [](const SqlRow& r) { return RowAs<Position>(r); });
}

std::vector<PartyOrg> SqlStore::LoadPartyOrgsByIds(const std::vector<Id>& ids) {
    return RowsByIds<PartyOrg>(*db_, kPartyOrgColumns, "id", ids, PartyOrgOf);
}

std::vector<UnitIncome> SqlStore::LoadIncomesOfUnits(const std::vector<Id>& unit_ids) {
    return RowsByIds<UnitIncome>(*db_, kIncomeColumns, "unit_id", unit_ids,
                                 [](const SqlRow& r) { return RowAs<UnitIncome>(r); });
}

Id SqlStore::InsertUnit(const Unit& u) {
    auto rows = db_->Query(kInsertUnit, {Opt(u.parent_id), TextOrNull(u.code), u.name, std::string(KindName(u.kind)),
                                         std::string(EconomyName(u.economy)), Flag(u.dev_zone), Flag(u.near_highway),
                                         u.population, u.area_km2});
    return AsInt(rows.at(0)[0]);
}

void SqlStore::UpdateUnit(const Unit& u) {
    db_->Query(kUpdateUnit,
               {TextOrNull(u.code), u.name, std::string(KindName(u.kind)), std::string(EconomyName(u.economy)),
                Flag(u.dev_zone), Flag(u.near_highway), u.population, u.area_km2, u.id});
}

void SqlStore::DeleteUnit(Id id) { db_->Query(kDeleteUnit, {id}); }

std::vector<Person> SqlStore::LoadPeople() {
    // Streamed (COPY on PostgreSQL): a province's 4 M people are never one result in memory.
    std::vector<Person> out;
    db_->QueryEach(std::string(kPeopleColumns) + kByIdOrder, {}, [&](const SqlRow& r) { out.push_back(PersonOf(r)); });
    return out;
}

namespace {
std::vector<SqlValue> PersonParams(const Person& p) {
    return {p.unit_id,
            p.name,
            std::string(GenderName(p.gender)),
            p.birth_date,
            std::string(EducationName(p.education)),
            TextOrNull(p.party_join_date),
            TextOrNull(p.id_number),
            TextOrNull(p.phone),
            Flag(p.reserve_cadre),
            p.party_org_id == 0 ? SqlValue{} : SqlValue{p.party_org_id}};
}
std::vector<SqlValue> PositionParams(const Position& p) {
    return {p.person_id, p.unit_id, p.title, p.start_date, TextOrNull(p.end_date)};
}
}  // namespace

Id SqlStore::InsertPerson(const Person& p) { return ReturnedId(db_->Query(kInsertPerson, PersonParams(p))); }

void SqlStore::UpdatePerson(const Person& p) {
    auto params = PersonParams(p);
    params.push_back(p.id);
    db_->Query(kUpdatePerson, params);
}

void SqlStore::DeletePerson(Id id) {
    db_->Query(kDeletePositionsOfPerson, {id});
    db_->Query(kDeletePerson, {id});
}

std::vector<Position> SqlStore::LoadPositions() {
    return RowsAs<Position>(db_->Query(std::string(kPositionColumns) + kByIdOrder));
}

Id SqlStore::InsertPosition(const Position& p) { return ReturnedId(db_->Query(kInsertPosition, PositionParams(p))); }

void SqlStore::UpdatePosition(const Position& p) {
    auto params = PositionParams(p);
    params.push_back(p.id);
    db_->Query(kUpdatePosition, params);
}

void SqlStore::DeletePosition(Id id) { db_->Query(kDeletePosition, {id}); }

std::vector<PartyOrg> SqlStore::LoadPartyOrgs() {
    std::vector<PartyOrg> out;
    for (const auto& r : db_->Query(std::string(kPartyOrgColumns) + kByIdOrder)) out.push_back(PartyOrgOf(r));
    return out;
}

namespace {
SqlValue IdOrNull(Id id) { return id == 0 ? SqlValue{} : SqlValue{id}; }
}  // namespace

Id SqlStore::InsertPartyOrg(const PartyOrg& o) {
    return ReturnedId(
        db_->Query(kInsertPartyOrg, {o.unit_id, o.name, std::string(PartyOrgKindName(o.kind)), IdOrNull(o.parent_id),
                                     o.approved_on, o.document_no, o.dissolved_on}));
}

void SqlStore::UpdatePartyOrg(const PartyOrg& o) {
    db_->Query(kUpdatePartyOrg, {o.name, std::string(PartyOrgKindName(o.kind)), IdOrNull(o.parent_id), o.approved_on,
                                 o.document_no, o.dissolved_on, o.id});
}

Id SqlStore::InsertPartyOrgEvent(const PartyOrgEvent& e) {
    return ReturnedId(db_->Query(
        kInsertPartyOrgEvent, {e.org_id, e.action, e.from, e.to, e.approved_on, e.document_no, e.done_by, e.done_at}));
}

std::vector<PartyOrgEvent> SqlStore::ListPartyOrgEvents(Id org_id) {
    return RowsAs<PartyOrgEvent>(db_->Query(kSelectPartyOrgEvents, {org_id}));
}

namespace {
PartyHousehold HouseholdOf(SqlDb& db, const SqlRow& r) {
    PartyHousehold h;
    ReadRow(r, h.id, h.org_id, h.person_id, h.place, h.created_on, h.dissolved_on);
    for (const auto& m : db.Query(kSelectHouseholdMembers, {h.id})) h.served.push_back(AsInt(m[0]));
    return h;
}
}  // namespace

std::vector<PartyHousehold> SqlStore::ListHouseholds(Id org_id) {
    std::vector<PartyHousehold> out;
    for (const auto& r : db_->Query(std::string(kHouseholdColumns) + " WHERE org_id = ? ORDER BY id", {org_id}))
        out.push_back(HouseholdOf(*db_, r));
    return out;
}

std::optional<PartyHousehold> SqlStore::FindHousehold(Id id) {
    auto rows = db_->Query(std::string(kHouseholdColumns) + " WHERE id = ?", {id});
    if (rows.empty()) return std::nullopt;
    return HouseholdOf(*db_, rows[0]);
}

Id SqlStore::InsertHousehold(const PartyHousehold& h) {
    const Id id =
        ReturnedId(db_->Query(kInsertHousehold, {h.org_id, h.person_id, h.place, h.created_on, h.dissolved_on}));
    for (Id person : h.served) db_->Query(kInsertHouseholdMember, {id, person});
    return id;
}

void SqlStore::DissolveHousehold(Id id, const std::string& on) { db_->Query(kDissolveHousehold, {on, id}); }

std::vector<UnitIncome> SqlStore::LoadIncomes() {
    return RowsAs<UnitIncome>(db_->Query(std::string(kIncomeColumns) + " ORDER BY unit_id, year"));
}

void SqlStore::UpsertIncome(const UnitIncome& i) {
    db_->Query(kUpsertIncome, {i.unit_id, static_cast<std::int64_t>(i.year), i.amount_yuan});
}

Id SqlStore::InsertUser(const UserRecord& u) {
    return ReturnedId(db_->Query(
        kInsertUser, {u.username, u.display_name, u.role, u.scope_unit_id ? SqlValue(u.scope_unit_id) : SqlValue(),
                      u.password_hash, Flag(u.active), Flag(u.must_change_password), u.created_at}));
}

void SqlStore::UpdateUserPassword(Id id, const std::string& password_hash, bool must_change) {
    db_->Query(kUpdatePassword, {password_hash, Flag(must_change), id});
}

void SqlStore::RecordLogin(Id id, std::int64_t at) { db_->Query(kRecordLogin, {at, id}); }

std::optional<UserRecord> SqlStore::FindUserByName(const std::string& username) {
    return FirstRowWith(db_->Query(std::string(kUserColumns) + " WHERE username = ?", {username}), UserFromRow);
}

std::optional<UserRecord> SqlStore::FindUser(Id id) {
    return FirstRowWith(db_->Query(std::string(kUserColumns) + " WHERE id = ?", {id}), UserFromRow);
}

std::vector<UserRecord> SqlStore::ListUsers() {
    return RowsWith(db_->Query(std::string(kUserColumns) + " ORDER BY username"), UserFromRow);
}

void SqlStore::InsertSession(const SessionRecord& s) {
    db_->Query(kInsertSession, {s.token_hash, s.user_id, s.csrf_token, s.expires_at, s.created_at, s.last_seen,
                                s.address, s.user_agent});
}

namespace {

SessionRecord SessionFromRow(const SqlRow& r) { return RowAs<SessionRecord>(r); }

}  // namespace

std::optional<SessionRecord> SqlStore::FindSession(const std::string& token_hash) {
    return FirstRowWith(db_->Query(std::string(kSessionColumns) + " WHERE token_hash = ?", {token_hash}),
                        SessionFromRow);
}

void SqlStore::TouchSession(const std::string& token_hash, std::int64_t last_seen, std::int64_t expires_at) {
    db_->Query(kTouchSession, {last_seen, expires_at, token_hash});
}

std::vector<SessionRecord> SqlStore::ListSessionsOfUser(Id user_id) {
    return RowsWith(db_->Query(std::string(kSessionColumns) + " WHERE user_id = ? ORDER BY created_at DESC", {user_id}),
                    SessionFromRow);
}

int SqlStore::DeleteSessionsOfUser(Id user_id) {
    const auto before = ListSessionsOfUser(user_id).size();
    db_->Query(kDeleteSessionsOfUser, {user_id});
    return static_cast<int>(before);
}

namespace {

core::ports::LoginThrottle ThrottleFromRow(const SqlRow& r) { return RowAs<core::ports::LoginThrottle>(r); }

}  // namespace

std::optional<core::ports::LoginThrottle> SqlStore::FindThrottle(const std::string& key) {
    return FirstRowWith(db_->Query(std::string(kThrottleColumns) + " WHERE key = ?", {key}), ThrottleFromRow);
}

void SqlStore::SaveThrottle(const core::ports::LoginThrottle& t) {
    db_->Query(kDeleteThrottle, {t.key});
    db_->Query(kInsertThrottle, {t.key, static_cast<std::int64_t>(t.failures), t.last_failure, t.blocked_until});
}

void SqlStore::DeleteThrottle(const std::string& key) { db_->Query(kDeleteThrottle, {key}); }

std::vector<core::ports::LoginThrottle> SqlStore::ListThrottles(std::int64_t blocked_after) {
    return RowsWith(
        db_->Query(std::string(kThrottleColumns) + " WHERE blocked_until > ? ORDER BY key", {blocked_after}),
        ThrottleFromRow);
}

void SqlStore::UpdateUser(const UserRecord& u) {
    db_->Query(kUpdateUser, {u.display_name, u.role, u.scope_unit_id ? SqlValue(u.scope_unit_id) : SqlValue(),
                             Flag(u.active), Flag(u.must_change_password), u.id});
}

void SqlStore::DeleteSession(const std::string& token_hash) { db_->Query(kDeleteSession, {token_hash}); }

std::string Sha256Hex(std::string_view data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(data.data(), data.size(), digest, &len, EVP_sha256(), nullptr);
    std::string hex;
    hex.reserve(len * 2);
    char buf[3];
    for (unsigned int i = 0; i < len; ++i) {
        std::snprintf(buf, sizeof buf, "%02x", digest[i]);
        hex += buf;
    }
    return hex;
}

std::string AuditHash(const AuditEntry& e, const std::string& key) {
    std::string payload = e.prev_hash + "|" + std::to_string(e.seq) + "|" + e.at + "|" + e.user + "|" + e.action + "|" +
                          e.entity + "|" + std::to_string(e.entity_id) + "|" + e.detail;
    if (!e.keyed) return Sha256Hex(payload);
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(payload.data()),
         payload.size(), mac, &len);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < len; ++i) {
        out += kHex[mac[i] >> 4];
        out += kHex[mac[i] & 15];
    }
    return out;
}

void SqlStore::AppendAudit(AuditEntry entry) {
    auto tx = Begin();
    if (db_->dialect() == Dialect::kPostgres) db_->ExecScript("LOCK TABLE audit_log IN EXCLUSIVE MODE");
    auto last = db_->Query(kLastAudit);
    entry.seq = last.empty() ? 1 : AsInt(last[0][0]) + 1;
    entry.prev_hash = last.empty() ? std::string(64, '0') : AsText(last[0][1]);
    entry.keyed = !audit_key_.empty();
    entry.hash = AuditHash(entry, audit_key_);
    db_->Query(kInsertAudit, {entry.seq, entry.at, entry.user, entry.action, entry.entity, entry.entity_id,
                              entry.detail, entry.prev_hash, entry.hash, Flag(entry.keyed)});
    tx->Commit();
}

std::vector<AuditEntry> SqlStore::ListAudit(std::int64_t after_seq, int limit) {
    return RowsAs<AuditEntry>(db_->Query(kSelectAudit, {after_seq, static_cast<std::int64_t>(limit)}));
}

std::optional<AuditEntry> SqlStore::LastAudit() {
    auto last = db_->Query(kLastAudit);
    if (last.empty()) return std::nullopt;
    auto entries = ListAudit(AsInt(last[0][0]) - 1, 1);
    if (entries.empty()) return std::nullopt;
    return entries[0];
}

std::int64_t SqlStore::CountAudit() { return ReturnedId(db_->Query(kCountAudit)); }

AuditFound SqlStore::FindAudit(const AuditQuery& q) {
    // Only the filters given are written into the statement (their values as parameters), so that
    // the planner sees which of migration 102's indexes serve it.
    std::string where;
    std::vector<SqlValue> params;
    const auto add = [&](const char* condition, SqlValue value) {
        where += where.empty() ? " WHERE " : " AND ";
        where += condition;
        params.push_back(std::move(value));
    };
    if (!q.user.empty()) add("username = ?", q.user);
    if (!q.action.empty()) add("action = ?", q.action);
    if (!q.entity.empty()) add("entity = ?", q.entity);
    if (q.entity_id != 0) add("entity_id = ?", q.entity_id);
    if (!q.since.empty()) add("at >= ?", q.since);
    if (!q.until.empty()) add("at < ?", q.until);
    AuditFound found;
    found.total = ReturnedId(db_->Query(std::string(kCountAudit) + where, params));
    if (q.before_seq > 0) add("seq < ?", q.before_seq);
    constexpr std::int64_t kWhole = 2147483647;  // characters: no cut
    params.insert(params.begin(), q.detail_chars > 0 ? static_cast<std::int64_t>(q.detail_chars) : kWhole);
    params.push_back(static_cast<std::int64_t>(q.limit));
    // The page's seqs from an index first, then only their rows (details are long).
    const std::string sql = std::string(kFindAudit) + " WHERE seq IN (SELECT seq FROM audit_log" + where +
                            " ORDER BY seq DESC LIMIT ?) ORDER BY seq DESC";
    for (const auto& row : db_->Query(sql, params)) {
        AuditEntry e;
        std::int64_t chars = 0;
        ReadRow(row, e.seq, e.at, e.user, e.action, e.entity, e.entity_id, e.detail, e.prev_hash, e.hash, e.keyed, chars);
        found.items.push_back(std::move(e));
        found.detail_chars.push_back(chars);
    }
    return found;
}

std::optional<AuditEntry> SqlStore::GetAudit(std::int64_t seq) {
    return FirstRowAs<AuditEntry>(db_->Query(kGetAudit, {seq}));
}

}  // namespace lingyan::storage
