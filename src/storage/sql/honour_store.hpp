#pragma once
// SqlHonourStore: core::ports::HonourStore over an SqlDb (SQLite or PostgreSQL), as a ModuleStore
// (storage/db/module_store.hpp: the SqlStore's connection and transaction).

#include "core/ports/honour_store.hpp"
#include "storage/db/module_store.hpp"

namespace lingyan::storage {

class SqlHonourStore final : public core::ports::HonourStore, private ModuleStore {
public:
    using ModuleStore::ModuleStore;
    core::roster::Id InsertHonour(const core::honours::Honour& h) override;
    std::vector<core::honours::Honour> ListHonours() override;
};

}  // namespace lingyan::storage
