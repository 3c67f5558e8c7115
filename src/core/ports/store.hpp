#pragma once
// The storage port: everything the app layer needs from a database, implemented by
// storage/sql (SQLite and PostgreSQL drivers). Methods throw storage::StoreError when the
// database fails; expected outcomes (not found) are std::optional / empty results.
// Writes happen inside a transaction obtained from Begin(); nothing is visible to other
// connections before Commit(), and destroying an uncommitted Transaction rolls back.
// A Store is used by one thread at a time; the app layer holds one per worker or serializes.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/ports/store_lock.hpp"
#include "core/roster/model.hpp"

namespace lingyan::core::ports {

using roster::Id;

struct UserRecord {
    Id id = 0;
    std::string username;
    std::string display_name;
    std::string role;  // admin, county, town, secretary, judge, member
    Id scope_unit_id = 0;  // 0: the whole deployment (admin only)
    std::string password_hash;  // Argon2id encoded string
    bool active = true;
    bool must_change_password = false;  // set by a new account or a reset: the next session may only change it
    std::int64_t last_login_at = 0;     // unix seconds of the last successful login, 0 = never
    std::string created_at;             // ISO 8601 UTC ("" for accounts older than migration 50)
};

struct SessionRecord {
    std::string token_hash;  // SHA-256 hex of the cookie token; the token itself is never stored
    Id user_id = 0;
    std::string csrf_token;
    std::int64_t expires_at = 0;  // unix seconds; slides with use (idle lifetime)
    std::int64_t created_at = 0;  // unix seconds; the absolute lifetime counts from here
    std::int64_t last_seen = 0;   // unix seconds, as last written back
    std::string address;          // client address at login
    std::string user_agent;       // at login, at most 200 bytes
};

struct LoginThrottle {
    std::string key;             // "u:<username>" or "a:<address>"
    int failures = 0;            // consecutive failed attempts
    std::int64_t last_failure = 0;   // unix seconds
    std::int64_t blocked_until = 0;  // unix seconds; no password is checked before then
};

// One entry of the append-only, hash-chained audit log. `hash` = SHA-256(prev_hash | seq | at |
// user | action | entity | entity_id | detail), computed by the store when appending.
struct AuditEntry {
    std::int64_t seq = 0;
    std::string at;  // ISO 8601 UTC
    std::string user;
    std::string action;  // create, update, delete, import, login, …
    std::string entity;  // unit, person, position, user, …
    Id entity_id = 0;
    std::string detail;  // JSON text: before/after or a summary
    std::string prev_hash;
    std::string hash;
    bool keyed = false;  // `hash` is an HMAC-SHA-256 under the deployment's audit key (see storage)
};

// Which audit entries to read, newest first (the admin's audit page). Empty text, 0 and "" mean
// "any". `since`/`until`: ISO 8601 UTC instants, since <= at < until.
struct AuditQuery {
    std::string user, action, entity;
    Id entity_id = 0;
    std::string since, until;
    std::int64_t before_seq = 0;  // 0: from the newest
    int limit = 50;
    std::size_t detail_chars = 0;  // > 0: each detail cut to this many characters
};

struct AuditFound {
    std::vector<AuditEntry> items;
    std::vector<std::int64_t> detail_chars;  // with a cut: each item's whole detail length in characters
    std::int64_t total = 0;                  // entries matching the filters, on every page
};

// A head of the chain written down outside the database (storage/common/audit_anchor.hpp).
struct AuditAnchor {
    std::int64_t seq = 0;
    std::string hash;
};

// What checking the chain needs from outside the database: the hash an entry should carry
// (keyed with the deployment's audit key, which never leaves storage) and the anchors written.
class AuditSeal {
public:
    virtual ~AuditSeal() = default;
    virtual std::string HashOf(const AuditEntry& entry) const = 0;
    virtual std::vector<AuditAnchor> Anchors() const = 0;
};

class Transaction {
public:
    virtual ~Transaction() = default;
    virtual void Commit() = 0;
};

class Store {
public:
    virtual ~Store() = default;
    virtual std::unique_ptr<Transaction> Begin() = 0;
    // The schema version after migrations; Migrate applies pending ones and returns how many.
    virtual int Migrate() = 0;
    virtual int SchemaVersion() = 0;
    // How many writes this process has made through the store (the connection pool counts every
    // commit and every write outside a transaction), or nullopt when it does not count. Reads kept
    // by it: app/common/kept.hpp.
    virtual std::optional<std::uint64_t> WriteGeneration() const { return std::nullopt; }

    // Roster
    virtual std::vector<roster::Unit> LoadUnits() = 0;
    virtual std::vector<roster::Person> LoadPeople() = 0;
    virtual std::vector<roster::Position> LoadPositions() = 0;
    virtual std::vector<roster::PartyOrg> LoadPartyOrgs() = 0;
    virtual std::vector<roster::UnitIncome> LoadIncomes() = 0;
    // The rows of these ids that exist (any order; an id without a row is left out), read in
    // batches: another server's roster change applied row by row (RosterService::ApplyChanges).
    virtual std::vector<roster::Unit> LoadUnitsByIds(const std::vector<Id>& ids) = 0;
    virtual std::vector<roster::Person> LoadPeopleByIds(const std::vector<Id>& ids) = 0;
    virtual std::vector<roster::Position> LoadPositionsByIds(const std::vector<Id>& ids) = 0;
    virtual std::vector<roster::PartyOrg> LoadPartyOrgsByIds(const std::vector<Id>& ids) = 0;
    // Every income of these units.
    virtual std::vector<roster::UnitIncome> LoadIncomesOfUnits(const std::vector<Id>& unit_ids) = 0;
    virtual Id InsertUnit(const roster::Unit& u) = 0;  // returns the new id (u.id ignored)
    // Updates code, name, kind, economy, flags, population and area (not the parent) by id.
    virtual void UpdateUnit(const roster::Unit& u) = 0;
    // Deletes a unit; throws (a foreign-key error) while anything still refers to it.
    virtual void DeleteUnit(Id id) = 0;
    virtual Id InsertPerson(const roster::Person& p) = 0;
    virtual void UpdatePerson(const roster::Person& p) = 0;
    virtual void DeletePerson(Id id) = 0;  // also deletes the person's positions
    virtual Id InsertPosition(const roster::Position& p) = 0;
    virtual void UpdatePosition(const roster::Position& p) = 0;
    virtual void DeletePosition(Id id) = 0;
    virtual Id InsertPartyOrg(const roster::PartyOrg& o) = 0;
    // Name, kind, parent, approval and dissolution by id (the unit never changes).
    virtual void UpdatePartyOrg(const roster::PartyOrg& o) = 0;
    virtual Id InsertPartyOrgEvent(const roster::PartyOrgEvent& e) = 0;
    virtual std::vector<roster::PartyOrgEvent> ListPartyOrgEvents(Id org_id) = 0;  // oldest first
    virtual std::vector<roster::PartyHousehold> ListHouseholds(Id org_id) = 0;     // by id, with `served`
    virtual std::optional<roster::PartyHousehold> FindHousehold(Id id) = 0;
    virtual Id InsertHousehold(const roster::PartyHousehold& h) = 0;              // with `served`
    virtual void DissolveHousehold(Id id, const std::string& on) = 0;
    virtual void UpsertIncome(const roster::UnitIncome& i) = 0;

    // Accounts
    virtual Id InsertUser(const UserRecord& u) = 0;
    // Sets the password hash and whether the user must change it at the next login.
    virtual void UpdateUserPassword(Id id, const std::string& password_hash, bool must_change) = 0;
    virtual void RecordLogin(Id id, std::int64_t at) = 0;  // last_login_at
    virtual std::optional<UserRecord> FindUserByName(const std::string& username) = 0;
    virtual std::optional<UserRecord> FindUser(Id id) = 0;
    virtual std::vector<UserRecord> ListUsers() = 0;
    virtual void InsertSession(const SessionRecord& s) = 0;
    virtual std::optional<SessionRecord> FindSession(const std::string& token_hash) = 0;
    virtual void DeleteSession(const std::string& token_hash) = 0;
    // Slides a session's idle expiry and records its last use.
    virtual void TouchSession(const std::string& token_hash, std::int64_t last_seen, std::int64_t expires_at) = 0;
    virtual std::vector<SessionRecord> ListSessionsOfUser(Id user_id) = 0;
    // Ends every session of a user (password, role, scope or state changed); returns how many.
    virtual int DeleteSessionsOfUser(Id user_id) = 0;
    // Display name, role, scope, active and must_change_password (not the password).
    virtual void UpdateUser(const UserRecord& u) = 0;
    // Failed-login counters by key ("u:<username>" or "a:<address>"), kept across restarts.
    virtual std::optional<LoginThrottle> FindThrottle(const std::string& key) = 0;
    virtual void SaveThrottle(const LoginThrottle& t) = 0;
    virtual void DeleteThrottle(const std::string& key) = 0;
    virtual std::vector<LoginThrottle> ListThrottles(std::int64_t blocked_after) = 0;  // blocked_until > blocked_after

    // Audit
    virtual void AppendAudit(AuditEntry entry) = 0;  // fills seq, prev_hash and hash
    virtual std::vector<AuditEntry> ListAudit(std::int64_t after_seq, int limit) = 0;
    virtual std::int64_t CountAudit() = 0;
    virtual std::optional<AuditEntry> LastAudit() = 0;  // the head of the chain
    virtual AuditFound FindAudit(const AuditQuery& query) = 0;
    virtual std::optional<AuditEntry> GetAudit(std::int64_t seq) = 0;
};

// Time enters the app through this port, never through now() inside a rule.
class Clock {
public:
    virtual ~Clock() = default;
    virtual std::int64_t NowUnix() const = 0;
    virtual std::string Today() const = 0;      // YYYY-MM-DD, local (Asia/Shanghai) date
    virtual std::string NowIso() const = 0;     // ISO 8601 UTC
    // Unix time in milliseconds with a fractional part (live contests stamp events with it).
    virtual double NowUnixMs() const { return static_cast<double>(NowUnix()) * 1000.0; }
};

// Password hashing and token generation (Argon2id + OpenSSL in the adapter).
class Crypto {
public:
    virtual ~Crypto() = default;
    virtual std::string HashPassword(const std::string& password) const = 0;
    virtual bool VerifyPassword(const std::string& encoded, const std::string& password) const = 0;
    virtual std::string RandomToken() const = 0;  // 256 bits, URL-safe
    virtual std::string Sha256Hex(const std::string& data) const = 0;
};

}  // namespace lingyan::core::ports
