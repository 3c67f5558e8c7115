#pragma once
// SqlHonourStore: core::ports::HonourStore over an SqlDb (SQLite or PostgreSQL), sharing the
// SqlStore's connection (no transaction of its own). SQL as named constants in honour_store.cpp.

#include "core/ports/honour_store.hpp"
#include "storage/db/sql_db.hpp"

namespace lingyan::storage {

class SqlHonourStore final : public core::ports::HonourStore {
public:
    explicit SqlHonourStore(SqlDb& db) : db_(db) {}
    core::roster::Id InsertHonour(const core::honours::Honour& h) override;
    std::vector<core::honours::Honour> ListHonours() override;

private:
    SqlDb& db_;
};

}  // namespace lingyan::storage
