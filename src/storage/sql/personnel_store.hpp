#pragma once
// SqlPersonnelStore: core::ports::PersonnelStore over an SqlDb (SQLite or PostgreSQL), as a ModuleStore
// (storage/db/module_store.hpp: the SqlStore's connection and transaction).

#include "core/ports/personnel_store.hpp"
#include "storage/db/module_store.hpp"

namespace lingyan::storage {

class SqlPersonnelStore final : public core::ports::PersonnelStore, private ModuleStore {
public:
    using ModuleStore::ModuleStore;
    core::roster::Id InsertDecision(const core::personnel::Decision& d) override;
    std::vector<core::personnel::Decision> ListDecisions() override;
    core::roster::Id InsertNomination(const core::personnel::Nomination& n) override;
    std::optional<core::personnel::Nomination> FindNomination(core::roster::Id id) override;
    void UpdateNominationReview(const core::personnel::Nomination& n) override;
    std::vector<core::personnel::Nomination> ListNominations() override;
};

}  // namespace lingyan::storage
