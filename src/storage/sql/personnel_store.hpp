#pragma once
// SqlPersonnelStore: core::ports::PersonnelStore over an SqlDb (SQLite or PostgreSQL), sharing the
// SqlStore's connection (no transaction of its own). SQL as named constants in personnel_store.cpp.

#include "core/ports/personnel_store.hpp"
#include "storage/db/sql_db.hpp"

namespace lingyan::storage {

class SqlPersonnelStore final : public core::ports::PersonnelStore {
public:
    explicit SqlPersonnelStore(SqlDb& db) : db_(db) {}
    core::roster::Id InsertDecision(const core::personnel::Decision& d) override;
    std::vector<core::personnel::Decision> ListDecisions() override;
    core::roster::Id InsertNomination(const core::personnel::Nomination& n) override;
    std::optional<core::personnel::Nomination> FindNomination(core::roster::Id id) override;
    void UpdateNominationReview(const core::personnel::Nomination& n) override;
    std::vector<core::personnel::Nomination> ListNominations() override;

private:
    SqlDb& db_;
};

}  // namespace lingyan::storage
