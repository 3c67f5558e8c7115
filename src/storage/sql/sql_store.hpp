#pragma once
// SqlStore: the one implementation of core::ports::Store, over an SqlDb driver (SQLite or
// PostgreSQL). All SQL is parameterized and lives in sql_store.cpp as named constants.
// Thread-safe as far as its SqlDb is (a pool: storage/db/pool_db.hpp); the app layer serializes
// writes with the store mutex and lets reads run together (core/ports/store_lock.hpp).

#include <memory>
#include <string>
#include <string_view>

#include "core/ports/store.hpp"
#include "storage/db/sql_db.hpp"

namespace lingyan::storage {

class SqlStore final : public core::ports::Store {
public:
    explicit SqlStore(std::unique_ptr<SqlDb> db);

    std::unique_ptr<core::ports::Transaction> Begin() override;
    int Migrate() override;
    int SchemaVersion() override;
    std::optional<std::uint64_t> WriteGeneration() const override { return db_->WriteGeneration(); }

    std::vector<core::roster::Unit> LoadUnits() override;
    std::vector<core::roster::Person> LoadPeople() override;
    std::vector<core::roster::Position> LoadPositions() override;
    std::vector<core::roster::PartyOrg> LoadPartyOrgs() override;
    std::vector<core::roster::UnitIncome> LoadIncomes() override;
    std::vector<core::roster::Unit> LoadUnitsByIds(const std::vector<core::roster::Id>& ids) override;
    std::vector<core::roster::Person> LoadPeopleByIds(const std::vector<core::roster::Id>& ids) override;
    std::vector<core::roster::Position> LoadPositionsByIds(const std::vector<core::roster::Id>& ids) override;
    std::vector<core::roster::PartyOrg> LoadPartyOrgsByIds(const std::vector<core::roster::Id>& ids) override;
    std::vector<core::roster::UnitIncome> LoadIncomesOfUnits(const std::vector<core::roster::Id>& unit_ids) override;
    core::roster::Id InsertUnit(const core::roster::Unit& u) override;
    void UpdateUnit(const core::roster::Unit& u) override;
    void DeleteUnit(core::roster::Id id) override;
    core::roster::Id InsertPerson(const core::roster::Person& p) override;
    void UpdatePerson(const core::roster::Person& p) override;
    void DeletePerson(core::roster::Id id) override;
    core::roster::Id InsertPosition(const core::roster::Position& p) override;
    void UpdatePosition(const core::roster::Position& p) override;
    void DeletePosition(core::roster::Id id) override;
    core::roster::Id InsertPartyOrg(const core::roster::PartyOrg& o) override;
    void UpdatePartyOrg(const core::roster::PartyOrg& o) override;
    core::roster::Id InsertPartyOrgEvent(const core::roster::PartyOrgEvent& e) override;
    std::vector<core::roster::PartyOrgEvent> ListPartyOrgEvents(core::roster::Id org_id) override;
    std::vector<core::roster::PartyHousehold> ListHouseholds(core::roster::Id org_id) override;
    std::optional<core::roster::PartyHousehold> FindHousehold(core::roster::Id id) override;
    core::roster::Id InsertHousehold(const core::roster::PartyHousehold& h) override;
    void DissolveHousehold(core::roster::Id id, const std::string& on) override;
    void UpsertIncome(const core::roster::UnitIncome& i) override;

    core::roster::Id InsertUser(const core::ports::UserRecord& u) override;
    void UpdateUserPassword(core::roster::Id id, const std::string& password_hash, bool must_change) override;
    void RecordLogin(core::roster::Id id, std::int64_t at) override;
    std::optional<core::ports::UserRecord> FindUserByName(const std::string& username) override;
    std::optional<core::ports::UserRecord> FindUser(core::roster::Id id) override;
    std::vector<core::ports::UserRecord> ListUsers() override;
    void InsertSession(const core::ports::SessionRecord& s) override;
    std::optional<core::ports::SessionRecord> FindSession(const std::string& token_hash) override;
    void DeleteSession(const std::string& token_hash) override;
    void TouchSession(const std::string& token_hash, std::int64_t last_seen, std::int64_t expires_at) override;
    std::vector<core::ports::SessionRecord> ListSessionsOfUser(core::ports::Id user_id) override;
    int DeleteSessionsOfUser(core::ports::Id user_id) override;
    void UpdateUser(const core::ports::UserRecord& u) override;
    std::optional<core::ports::LoginThrottle> FindThrottle(const std::string& key) override;
    void SaveThrottle(const core::ports::LoginThrottle& t) override;
    void DeleteThrottle(const std::string& key) override;
    std::vector<core::ports::LoginThrottle> ListThrottles(std::int64_t blocked_after) override;

    void AppendAudit(core::ports::AuditEntry entry) override;
    std::vector<core::ports::AuditEntry> ListAudit(std::int64_t after_seq, int limit) override;
    std::int64_t CountAudit() override;
    std::optional<core::ports::AuditEntry> LastAudit() override;
    core::ports::AuditFound FindAudit(const core::ports::AuditQuery& query) override;
    std::optional<core::ports::AuditEntry> GetAudit(std::int64_t seq) override;

    SqlDb& db() { return *db_; }

    // The key of the audit chain's HMAC (kept outside the database, see AuditKeyFile); entries
    // appended while no key is set are plain SHA-256 (older deployments).
    void SetAuditKey(std::string key) { audit_key_ = std::move(key); }

private:
    std::unique_ptr<SqlDb> db_;
    std::string audit_key_;
    friend class SqlTransaction;
};

// SHA-256 of `data` as lowercase hex (OpenSSL).
std::string Sha256Hex(std::string_view data);
// The hash of an audit entry given its fields and prev_hash (what `audit verify` recomputes):
// HMAC-SHA-256 under `key` for keyed entries, SHA-256 for the unkeyed entries of older deployments.
std::string AuditHash(const core::ports::AuditEntry& e, const std::string& key);

}  // namespace lingyan::storage
